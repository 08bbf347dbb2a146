package themes_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRestoreLoadsOnDemand: the home page does not download the restore's
// code until the client restores a file. When that code cannot be loaded
// (offline, without the site installed), the client is told, nothing is
// written, and choosing the file again once it can be loaded restores it.
func TestRestoreLoadsOnDemand(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	const loaded = `performance.getEntriesByType('resource').some(e => e.name.includes('/coachbook-restore.'))`
	if eval[bool](b, loaded) {
		t.Error("the home page downloaded the restore's code before any restore")
	}

	script, _ := filepath.Glob(filepath.Join(b.dests[basePath], "assets", "coachbook-restore.*.js"))
	if len(script) != 1 {
		t.Fatalf("the restore's code: %v", script)
	}
	if err := os.Rename(script[0], script[0]+".away"); err != nil {
		t.Fatal(err)
	}
	file := answersFile(t, map[string]any{"id": "prep/all", "title": "Every field", "answers": []answer{
		{Key: "name", Value: raw(t, "Ada"), Updated: "2026-01-01T00:00:00Z"},
	}})
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{file}))
	noticeSays(b, "Nothing was restored. The part of this site that restores answers could not be loaded.")
	if v, ok := storedAnswers(b)[storagePrefix+"a:prep/all:name"]; ok {
		t.Errorf("a failed restore wrote %s", v)
	}
	// The browser reports the missing file; that is what this test made.
	b.mu.Lock()
	kept := b.problems[:0]
	for _, p := range b.problems {
		if !strings.Contains(p, "404") && !strings.Contains(p, "coachbook-restore.") {
			kept = append(kept, p)
		}
	}
	b.problems = kept
	b.mu.Unlock()

	if err := os.Rename(script[0]+".away", script[0]); err != nil {
		t.Fatal(err)
	}
	restoreFile(b, file)
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(b, "1 answers restored from the file.")
	if !strings.Contains(storedAnswers(b)[storagePrefix+"a:prep/all:name"], `"Ada"`) {
		t.Error("the second try did not restore the answer")
	}
}
