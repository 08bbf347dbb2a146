package themes_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"coachbook/generator/devserver"

	"github.com/chromedp/chromedp"
)

// TestLiveReload opens a page that serve serves, edits its file, and
// waits for the open page to show the edit by itself, within the site's
// Content-Security-Policy.
func TestLiveReload(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	root := writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Your name]{#name}\n\nFirst version.\n"})
	base, b := serveInChromium(t, chrome, root)
	b.do(chromedp.Navigate(base+"w/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	waitFor(b, `document.documentElement.dataset.liveReload === 'connected'`)
	writeFile(t, filepath.Join(root, "content/w.md"), "---\ntitle: W\n---\n::text[Your name]{#name}\n\nSecond version.\n")
	waitFor(b, `document.querySelector('.prose')?.textContent.includes('Second version.') === true`)
}

// TestLiveReloadFromErrorPage breaks a page's file while it is open: the
// page turns into the error page, which runs under serve's Content-
// Security-Policy with no violation, stays connected for reloads, and
// turns back into the page once the file is fixed.
func TestLiveReloadFromErrorPage(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	root := writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\nFirst version.\n"})
	base, b := serveInChromium(t, chrome, root)
	b.do(chromedp.Navigate(base + "w/"))
	waitFor(b, `document.documentElement.dataset.liveReload === 'connected'`)
	writeFile(t, filepath.Join(root, "content/w.md"), "---\ntitle: W\nweight: soon\n---\nSecond version.\n")
	waitFor(b, `document.querySelector('h1')?.textContent === 'The build failed' && document.documentElement.dataset.liveReload === 'connected'`)
	if text := eval[string](b, `document.querySelector('mark').textContent`); text != "   3 | weight: soon" {
		t.Errorf("the error page marks %q", text)
	}
	writeFile(t, filepath.Join(root, "content/w.md"), "---\ntitle: W\nweight: 1\n---\nSecond version.\n")
	waitFor(b, `document.querySelector('.prose')?.textContent.includes('Second version.') === true`)

	// The error page's status is the one complaint expected.
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = slices.DeleteFunc(b.problems, func(p string) bool {
		return strings.Contains(p, "status of 500 (Internal Server Error) "+base+"w/")
	})
}

// serveInChromium runs serve on the site in root until the test ends, and
// starts Chromium for the test. It returns the site's address.
func serveInChromium(t *testing.T, chrome, root string) (string, *browserSite) {
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- devserver.Run(ctx, devserver.Config{Source: root, OnReady: func(u string) { ready <- u }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	base := <-ready
	b := &browserSite{t: t}
	b.start(chrome, 2*time.Minute)
	return base, b
}
