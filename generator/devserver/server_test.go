package devserver

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"coachbook/generator"
)

// served is a running serve on a free loopback port.
type served struct {
	t      *testing.T
	root   string
	base   string
	builds chan result
	reload chan struct{}
}

type result struct {
	stats generator.Stats
	err   error
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serve starts serve on a site with the given files and listens for its
// reload events. The first build must succeed.
func serve(t *testing.T, files map[string]string) *served {
	t.Helper()
	s, first := start(t, siteDir(t, files), Config{})
	if first.err != nil || !first.stats.Full {
		t.Fatalf("first build: %+v %v", first.stats, first.err)
	}
	return s
}

// siteDir writes a site with the given files.
func siteDir(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		writeFile(t, filepath.Join(root, name), content)
	}
	return root
}

// start starts serve on the site in root with the settings in cfg, and
// returns it with its first build's result.
func start(t *testing.T, root string, cfg Config) (*served, result) {
	t.Helper()
	s := &served{t: t, root: root, builds: make(chan result, 16), reload: make(chan struct{}, 16)}
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	cfg.Source, cfg.Port = root, 0
	cfg.OnBuild = func(st generator.Stats, err error) { s.builds <- result{st, err} }
	cfg.OnReady = func(u string) { ready <- u }
	go func() { done <- Run(ctx, cfg) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve stopped with %v", err)
		}
	})
	select {
	case s.base = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	}
	first := s.nextBuild()
	s.listen()
	return s, first
}

// listen follows the reload events as an open page would.
func (s *served) listen() {
	resp, err := http.Get(s.base + "_coachbook/events")
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { resp.Body.Close() })
	lines := bufio.NewScanner(resp.Body)
	lines.Scan() // The greeting comment, sent once the stream is open.
	go func() {
		for lines.Scan() {
			if lines.Text() == "event: reload" {
				s.reload <- struct{}{}
			}
		}
	}()
}

func (s *served) nextBuild() result {
	s.t.Helper()
	select {
	case r := <-s.builds:
		return r
	case <-time.After(20 * time.Second):
		s.t.Fatal("no build happened")
		return result{}
	}
}

func (s *served) waitReload() {
	s.t.Helper()
	select {
	case <-s.reload:
	case <-time.After(20 * time.Second):
		s.t.Fatal("no reload event was sent")
	}
}

func (s *served) get(p string) (int, string) {
	s.t.Helper()
	resp, err := http.Get(s.base + p)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (s *served) write(name, content string) {
	s.t.Helper()
	writeFile(s.t, filepath.Join(s.root, name), content)
}

var site = map[string]string{
	"content/_index.md":            "---\ntitle: Companion\n---\n",
	"content/before/_index.md":     "---\ntitle: Before\n---\n",
	"content/before/drive.md":      "---\ntitle: Drive\nweight: 1\n---\nFirst version.\n",
	"content/before/reflection.md": "---\ntitle: Reflection\nweight: 2\n---\nThink.\n",
	"content/interview/star.md":    "---\ntitle: STAR\n---\n::star{#lead}\n",
}

func TestServeEditReloadAndRecover(t *testing.T) {
	s := serve(t, site)
	code, page := s.get("before/drive/")
	if code != http.StatusOK || !strings.Contains(page, "First version.") || !strings.Contains(page, "/_coachbook/livereload.js") {
		t.Fatalf("%d:\n%s", code, page)
	}
	if code, js := s.get("_coachbook/livereload.js"); code != http.StatusOK || !strings.Contains(js, "EventSource") {
		t.Errorf("live reload script: %d %s", code, js)
	}
	if code, _ := s.get("no/such/page/"); code != http.StatusNotFound {
		t.Errorf("a missing page answered %d", code)
	}

	// An edit to one workbook's body renders that page alone.
	s.write("content/before/drive.md", "---\ntitle: Drive\nweight: 1\n---\nSecond version.\n")
	r := s.nextBuild()
	s.waitReload()
	if r.err != nil || r.stats.Full || r.stats.Rendered != 1 {
		t.Errorf("rebuild after an edit: %+v %v", r.stats, r.err)
	}
	if _, page := s.get("before/drive/"); !strings.Contains(page, "Second version.") {
		t.Error("the edit is not served")
	}

	// Broken frontmatter: an error page with the position and the line,
	// and the server stays up.
	s.write("content/before/drive.md", "---\ntitle: Drive\nweight: soon\n---\n")
	if r := s.nextBuild(); r.err == nil {
		t.Fatal("a broken file built")
	}
	s.waitReload()
	code, page = s.get("before/reflection/")
	if code != http.StatusInternalServerError || !strings.Contains(page, "content/before/drive.md:3:9: weight must be a whole number") ||
		!strings.Contains(page, "<mark>   3 | weight: soon</mark>") {
		t.Errorf("error page %d:\n%s", code, page)
	}

	// Fixing it recovers.
	s.write("content/before/drive.md", "---\ntitle: Drive\nweight: 1\n---\nFixed.\n")
	if r := s.nextBuild(); r.err != nil {
		t.Fatal(r.err)
	}
	if code, page := s.get("before/drive/"); code != http.StatusOK || !strings.Contains(page, "Fixed.") {
		t.Errorf("after the fix: %d", code)
	}
}

func TestServePicksUpNewFolders(t *testing.T) {
	s := serve(t, site)
	s.write("content/after/commitments.md", "---\ntitle: Commitments\n---\n::commitments{#next}\n")
	for {
		r := s.nextBuild()
		if r.err != nil {
			t.Fatal(r.err)
		}
		if code, page := s.get("after/commitments/"); code == http.StatusOK && strings.Contains(page, "Commitments") {
			break
		}
	}
	if _, home := s.get(""); !strings.Contains(home, "after/commitments/") {
		t.Error("the home page does not list the new workbook")
	}
}

func TestServeRetitleRendersListings(t *testing.T) {
	s := serve(t, site)
	s.write("content/before/drive.md", "---\ntitle: Your drive\nweight: 1\n---\nFirst version.\n")
	r := s.nextBuild()
	// The workbook, its neighbour, its collection and the home page, and
	// the two pages of every answer, which list it by its title.
	if r.err != nil || r.stats.Full || r.stats.Rendered != 6 {
		t.Errorf("rebuild after a new title: %+v %v", r.stats, r.err)
	}
	if _, home := s.get(""); !strings.Contains(home, "Your drive") {
		t.Error("the home page shows the old title")
	}
}

// TestBusyPort takes the port serve asks for: serve moves to the next
// free one and says so.
func TestBusyPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "content/w.md"), "---\ntitle: W\n---\n")
	var log strings.Builder
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{Source: root, Port: port, Log: &syncWriter{w: &log}, OnReady: func(u string) { ready <- u }})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if strings.Contains(base, ":"+strconv.Itoa(port)+"/") || !strings.Contains(log.String(), "Port "+strconv.Itoa(port)+" is busy; using ") {
		t.Errorf("served at %s; log:\n%s", base, log.String())
	}
	if !strings.HasSuffix(log.String(), "Stopped.\n") {
		t.Errorf("no clean stop in the log:\n%s", log.String())
	}
}

// syncWriter lets the test read a log the server writes from its own
// goroutine.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestServeEditorSaves saves the way many editors do: the new text goes to
// a temporary file that is renamed over the old one. The temporary file
// is ignored, and the rename rebuilds the page once.
func TestServeEditorSaves(t *testing.T) {
	s := serve(t, site)
	tmp := filepath.Join(s.root, "content/before/.drive.md.tmp")
	writeFile(t, tmp, "---\ntitle: Drive\nweight: 1\n---\nSaved by renaming.\n")
	if err := os.Rename(tmp, filepath.Join(s.root, "content/before/drive.md")); err != nil {
		t.Fatal(err)
	}
	r := s.nextBuild()
	if r.err != nil || r.stats.Full || r.stats.Rendered != 1 {
		t.Errorf("rebuild after a rename-over save: %+v %v", r.stats, r.err)
	}
	s.waitReload()
	if _, page := s.get("before/drive/"); !strings.Contains(page, "Saved by renaming.") {
		t.Error("the renamed-over file is not served")
	}
	// A swap file beside it changes nothing a build would see.
	writeFile(t, filepath.Join(s.root, "content/before/drive.md.swp"), "swap")
	writeFile(t, filepath.Join(s.root, "content/before/drive.md~"), "backup")
	s.write("content/before/reflection.md", "---\ntitle: Reflection\nweight: 2\n---\nThink again.\n")
	r = s.nextBuild()
	if r.err != nil || r.stats.Rendered != 1 {
		t.Errorf("rebuild after an edit beside swap files: %+v %v", r.stats, r.err)
	}
}
