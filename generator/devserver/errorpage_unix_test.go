//go:build unix

package devserver

import (
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestErrorPageSkipsSpecialFiles puts a named pipe in content/: the build
// rejects it, and the error page reports it without opening it, which
// would wait for a writer that never comes.
func TestErrorPageSkipsSpecialFiles(t *testing.T) {
	root := siteDir(t, map[string]string{"content/_index.md": "---\ntitle: Companion\n---\n"})
	if err := syscall.Mkfifo(filepath.Join(root, "content/pipe.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	s, first := start(t, root, Config{})
	if first.err == nil {
		t.Fatal("a named pipe built")
	}
	// A hang shows as an error rather than as a stuck test run.
	client := &http.Client{Timeout: 20 * time.Second}
	resp, err := client.Get(s.base)
	if err != nil {
		t.Fatalf("the error page did not answer: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("error page %d", resp.StatusCode)
	}
	_, page := s.get("")
	if !strings.Contains(page, "content/pipe.md:1:1: not a regular file") {
		t.Errorf("error page:\n%s", page)
	}
}
