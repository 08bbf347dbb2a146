package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowLayout renders the workbook titled Slow for hours: a page no build
// finishes, as one whose conversion takes goldmark minutes would be.
const slowLayout = `{{define "main"}}{{if eq .Title "Slow"}}{{range 1000000}}{{range 1000000}}{{end}}{{end}}{{end}}{{.Title}}{{end}}`

// hangGuard bounds each wait on the process, so that a build that does
// not stop fails the test rather than hanging it.
const hangGuard = 30 * time.Second

// TestSignalStopsBuildInsideAPage interrupts a build, with each signal,
// while a page is rendering, and checks that coachbook stops, says so, and
// leaves the previous public/ as it was. Before, the signal cancelled the
// build's context but the build waited for the page, for hours here and
// for minutes with a slow page of Markdown.
func TestSignalStopsBuildInsideAPage(t *testing.T) {
	coachbook, err := exec.LookPath("coachbook") // Set up by TestMain.
	if err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			site := t.TempDir()
			write(t, site, "content/_index.md", "---\ntitle: Site\n---\n")
			write(t, site, "content/slow.md", "---\ntitle: Slow\nweight: 1\n---\nA page.\n")
			write(t, site, "content/fast.md", "---\ntitle: Fast\nweight: 2\n---\nA page.\n")
			build := exec.Command(coachbook, "build", "--quiet")
			build.Dir = site
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("first build: %v\n%s", err, out)
			}
			before := tree(t, filepath.Join(site, "public"))

			write(t, site, "layouts/workbook.html", slowLayout)
			var stderr bytes.Buffer
			build = exec.Command(coachbook, "build")
			build.Dir, build.Stderr = site, &stderr
			// Two workers: the slow workbook comes first, so once the fast
			// one is written, the other worker is rendering the slow one.
			build.Env = append(os.Environ(), "GOMAXPROCS=2")
			if err := build.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- build.Wait() }()
			defer build.Process.Kill()

			if !waitFor(exited, func() bool {
				fast, _ := filepath.Glob(filepath.Join(site, ".public.coachbook-*-new-*", "fast", "index.html"))
				return len(fast) > 0
			}) {
				t.Fatalf("the build ended before rendering the pages:\n%s", stderr.String())
			}
			if err := build.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err = <-exited:
			case <-time.After(hangGuard):
				build.Process.Kill()
				<-exited
				t.Fatalf("coachbook was still building %v after %v", sig, hangGuard)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitError {
				t.Errorf("coachbook ended with %v, want exit status %d", err, exitError)
			}
			if want := "coachbook: error: build interrupted; public was left as it was\n"; stderr.String() != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
			}
			if after := tree(t, filepath.Join(site, "public")); after != before {
				t.Errorf("public/ changed:\n%s\nwas:\n%s", after, before)
			}
			left, _ := filepath.Glob(filepath.Join(site, ".public.coachbook-*-new-*"))
			if len(left) > 0 {
				t.Errorf("the interrupted build left its staging folder: %v", left)
			}
		})
	}
}

// waitFor polls until ready, and reports false if the process ends first
// or the hang guard runs out.
func waitFor(exited <-chan error, ready func() bool) bool {
	guard := time.After(hangGuard)
	for !ready() {
		select {
		case <-exited:
			return false
		case <-guard:
			return false
		case <-time.After(10 * time.Millisecond):
		}
	}
	return true
}

func write(t *testing.T, root, name, content string) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
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
