package themes_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// sharedChromium is this test binary's one headless Chromium. Starting a
// browser costs more than most tests, so each test opens a tab in its own
// browser context of it instead: storage, cookies and downloads stay the
// test's own, and the tests can run in parallel. It is the package's only
// shared state, because tests cannot pass a value to each other; it
// starts on first use, so that a run without Chromium still skips, and
// TestMain stops it.
var sharedChromium = &chromium{}

func TestMain(m *testing.M) {
	code := m.Run()
	sharedChromium.stop()
	os.Exit(code)
}

// chromium is a browser started at most once.
type chromium struct {
	once    sync.Once
	browser context.Context // the browser's first tab, parent of every test's tab
	err     error
	cancel  func()
}

// context returns the running browser, starting the Chromium at path the
// first time.
func (c *chromium) context(path string) (context.Context, error) {
	c.once.Do(func() { c.browser, c.cancel, c.err = startChromium(path) })
	return c.browser, c.err
}

// stop ends the browser, if it was started, and removes its profile.
func (c *chromium) stop() {
	c.once.Do(func() {}) // No start after this.
	if c.cancel != nil {
		c.cancel()
	}
}

// startChromium starts headless Chromium with a profile of its own, and
// returns its first tab and a function that stops it.
func startChromium(path string) (context.Context, func(), error) {
	profile, err := os.MkdirTemp("", "coachbook-chromium-")
	if err != nil {
		return nil, nil, fmt.Errorf("making Chromium's profile folder: %w", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	stop := func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, err
	}
	return ctx, stop, nil
}

// openTab opens a tab for t in a new browser context of the shared
// Chromium, passing the tab's events to listen. The tab and its context
// close when t ends.
func openTab(t testing.TB, chrome string, listen func(ev any)) context.Context {
	t.Helper()
	browser, err := sharedChromium.context(chrome)
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext(), chromedp.WithListener(listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab in Chromium: %v", err)
	}
	return ctx
}

// TestTabsHaveTheirOwnStorage opens two tabs on one site's origin, as two
// tests sharing the Chromium would: what one stores, the other never sees,
// so every test starts with empty storage.
func TestTabsHaveTheirOwnStorage(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Q]{#q}\n"}))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitReady(chromedp.CSS("main")))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('left-behind', 'yes')`))
	other := &browserSite{t: t, server: b.server}
	other.start(chromePath(t), 2*time.Minute)
	other.do(chromedp.Navigate(b.url("")), chromedp.WaitReady(chromedp.CSS("main")))
	if n := eval[int](other, `localStorage.length`); n != 0 {
		t.Errorf("a new tab finds %d items another test's tab stored", n)
	}
}
