package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// hangGuard bounds every wait in these tests, so that a build that does
// not stop fails the test rather than hanging it. It is no measure of how
// fast anything is.
const hangGuard = 30 * time.Second

// await waits for ch, failing the test if the hang guard runs out first.
func await[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(hangGuard):
		t.Fatalf("still waiting after %v for %s", hangGuard, what)
		panic("unreachable")
	}
}

// TestParallelReturnsWhileCallsRun cancels parallel while every call is
// blocked, and releases them only once it has returned: it must not wait
// for a call it cannot stop, such as a page that takes goldmark minutes.
func TestParallelReturnsWhileCallsRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	defer close(release)
	entered := make(chan struct{}, 100)
	returned := make(chan error, 1)
	go func() {
		returned <- parallel(ctx, 100, func(int) {
			entered <- struct{}{}
			<-release
		})
	}()
	await(t, entered, "the first call")
	cancel()
	if err := await(t, returned, "parallel to return after cancelling"); !errors.Is(err, context.Canceled) {
		t.Errorf("parallel returned %v, want context.Canceled", err)
	}
}

// TestParallelStartsNothingOnceCancelled checks that no call starts after
// the context ends.
func TestParallelStartsNothingOnceCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range 20 {
		var calls atomic.Int32
		if err := parallel(ctx, 100, func(int) { calls.Add(1) }); !errors.Is(err, context.Canceled) {
			t.Errorf("parallel returned %v, want context.Canceled", err)
		}
		if n := calls.Load(); n > 0 {
			t.Fatalf("%d calls started after the context was cancelled", n)
		}
	}
}

// holdPage returns a render hook that holds the first rendering of the
// page from source until release is closed, saying when it starts and
// when it is done; every other page renders as usual.
func holdPage(source string, release <-chan struct{}) (hook func(string, func()), entered, done <-chan struct{}) {
	in, out := make(chan struct{}), make(chan struct{})
	var once sync.Once
	return func(s string, render func()) {
		held := false
		if s == source {
			once.Do(func() { held = true })
		}
		if !held {
			render()
			return
		}
		close(in)
		<-release
		render()
		close(out)
	}, in, out
}

// TestInterruptInsideAPage cancels a build while a page is rendering and
// releases the page only once Build has returned. Before, Build waited for
// the page: four Ctrl-Cs left a build of a slow page running for minutes.
// The abandoned page then finishes in the background, and must change
// nothing: not the published site, and no staging folder made again.
func TestInterruptInsideAPage(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	s.build() // Now the build writes over the spare.
	before := s.snapshot()

	release := make(chan struct{})
	var entered, done <-chan struct{}
	s.opts.renderHook, entered, done = holdPage("content/before/drive.md", release)
	ctx, cancel := context.WithCancel(context.Background())
	returned := make(chan error, 1)
	go func() { returned <- s.buildContext(ctx) }()
	await(t, entered, "the page to start rendering")
	cancel()
	err := await(t, returned, "Build to return while the page renders")
	close(release)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Build returned %v, want context.Canceled", err)
	}
	s.assertUnchanged(before)
	spare := s.path(".public.coachbook-spare")
	discarded := tree(t, spare)
	await(t, done, "the abandoned page")

	s.assertUnchanged(before)
	if now := tree(t, spare); now != discarded {
		t.Errorf("the abandoned page wrote into the spare:\n%s\nwas:\n%s", now, discarded)
	}
	beside, err := os.ReadDir(s.root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range beside {
		if matched, _ := filepath.Match(".public.coachbook-*-new-*", e.Name()); matched {
			t.Errorf("the abandoned page left a staging folder: %s", e.Name())
		}
	}
	s.opts.renderHook = nil
	s.build()
	s.assertFile("before/drive/index.html", "Your primary career drive")
}

// TestInterruptedSessionBuild cancels a rebuild in serve while a page is
// rendering, and lets the abandoned page finish while the session builds
// again: run with -race, it finds the abandoned page reading what the
// session remembers while the next build writes it.
func TestInterruptedSessionBuild(t *testing.T) {
	site := newTestSite(t, careerSite)
	release := make(chan struct{})
	hook, entered, done := holdPage("content/_index.md", release)
	var holding atomic.Bool
	site.opts.renderHook = func(source string, render func()) {
		if holding.Load() {
			hook(source, render)
		} else {
			render()
		}
	}
	v := site.serve()
	v.build()
	home := v.file("index.html")

	// A new title re-renders the home page, which lists it.
	site.write("content/before/drive.md", "---\ntitle: Your one career drive\nweight: 2\n---\nA new body.\n")
	holding.Store(true)
	ctx, cancel := context.WithCancel(context.Background())
	returned := make(chan error, 1)
	go func() { returned <- v.buildContext(ctx, "content/before/drive.md") }()
	await(t, entered, "the home page to start rendering")
	cancel()
	if err := await(t, returned, "the rebuild to return while the home page renders"); !errors.Is(err, context.Canceled) {
		t.Errorf("the rebuild returned %v, want context.Canceled", err)
	}
	if v.file("index.html") != home {
		t.Error("the cancelled rebuild changed the home page served")
	}

	close(release)
	v.build("content/before/drive.md")
	await(t, done, "the abandoned home page")
	v.assertFile("before/drive/index.html", "Your one career drive")
}

// tree lists every file under dir with its content.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(filepath.ToSlash(rel) + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
