package themes_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"coachbook/generator/devserver"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// serveWith runs serve with cfg on the site in root until the test ends,
// and opens a tab for the test. It returns the site's address.
func serveWith(t *testing.T, root string, cfg devserver.Config) (string, *browserSite) {
	t.Helper()
	chrome := chromePath(t)
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	cfg.Source = root
	cfg.OnReady = func(u string) { ready <- u }
	go func() { done <- devserver.Run(ctx, cfg) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	}
	b := &browserSite{t: t}
	b.start(chrome, 2*time.Minute)
	return base, b
}

// expectErrorStatus drops the one complaint an error page brings: the
// browser logs its status, 500.
func expectErrorStatus(b *browserSite, base string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = slices.DeleteFunc(b.problems, func(p string) bool {
		return strings.Contains(p, "status of 500 (Internal Server Error) "+base)
	})
}

// swedishHome makes a site whose words file lacks words: it builds with
// one warning.
const swedishHome = "---\ntitle: Karriär\nlanguage: sv\n---\n"

const panel = `document.querySelector('aside.coachbook-serve-warnings')`

// TestServeWarningsPanel opens a page of a site that builds with a
// warning: a panel in the corner lists it, with its file as a link to the
// editor, styled by serve's stylesheet under the page's own policy. It
// follows each rebuild: gone when the warning is fixed, back when it
// returns, and a dismissed panel stays away until the warnings change.
func TestServeWarningsPanel(t *testing.T) {
	t.Parallel()
	root := writeSite(t, map[string]string{
		"content/_index.md": swedishHome,
		"content/w.md":      "---\ntitle: W\n---\nFirst version.\n",
		"i18n/sv.yaml":      "layouts:\n  timerStart: \"Börja\"\n",
	})
	base, b := serveWith(t, root, devserver.Config{Editor: "idea://open?file={abs}&line={line}"})
	b.do(chromedp.Navigate(base + "w/"))
	waitFor(b, panel+` !== null`)
	if got := eval[string](b, panel+`.querySelector('p').textContent`); got != "The last build succeeded with 1 warning:" {
		t.Errorf("the panel says %q", got)
	}
	if got := eval[string](b, panel+`.querySelector('li').textContent`); !strings.HasPrefix(got, "i18n/sv.yaml: warning: ") || !strings.Contains(got, " keys missing, shown in English: ") {
		t.Errorf("the panel lists %q", got)
	}
	abs, err := filepath.Abs(filepath.Join(root, "i18n/sv.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := eval[string](b, panel+`.querySelector('li a').getAttribute('href')`); got != "idea://open?file="+abs+"&line=1" {
		t.Errorf("the warning links to %q", got)
	}
	if got := eval[string](b, `getComputedStyle(`+panel+`).position`); got != "fixed" {
		t.Errorf("the panel is not styled: position %q", got)
	}
	// It leaves the page usable: the page's own content is still there.
	if got := eval[string](b, `document.querySelector('.prose').textContent`); !strings.Contains(got, "First version.") {
		t.Errorf("the page under the panel: %q", got)
	}

	// Fixed: the page reloads without the panel.
	writeFile(t, filepath.Join(root, "content/_index.md"), "---\ntitle: Karriär\nlanguage: en\n---\n")
	waitFor(b, `document.readyState === 'complete' && document.documentElement.dataset.liveReload === 'connected' && `+panel+` === null && !document.querySelector('link[href$="_coachbook/serve.css"]')`)

	// Back again, then dismissed: an edit that leaves the warning as it
	// was brings no panel back.
	writeFile(t, filepath.Join(root, "content/_index.md"), swedishHome)
	waitFor(b, panel+` !== null`)
	b.do(chromedp.Click(chromedp.CSS(`aside.coachbook-serve-warnings button`)))
	waitFor(b, panel+` === null`)
	writeFile(t, filepath.Join(root, "content/w.md"), "---\ntitle: W\n---\nSecond version.\n")
	waitFor(b, `document.querySelector('.prose')?.textContent.includes('Second version.') === true`)
	waitFor(b, `document.documentElement.dataset.liveReload === 'connected'`)
	if eval[bool](b, panel+` !== null`) {
		t.Error("a dismissed panel came back for the same warning")
	}
}

// TestBuiltSiteHasNoWarningsPanel: a site built with a warning by
// coachbook build shows no panel and loads nothing of serve's.
func TestBuiltSiteHasNoWarningsPanel(t *testing.T) {
	t.Parallel()
	root := writeSite(t, map[string]string{
		"content/_index.md": swedishHome,
		"content/w.md":      "---\ntitle: W\n---\nBuilt.\n",
		"i18n/sv.yaml":      "layouts:\n  timerStart: \"Börja\"\n",
	})
	b := openSite(t, root)
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`.prose`)))
	if eval[bool](b, panel+` !== null || document.querySelector('script[src*="_coachbook"]') !== null`) {
		t.Error("a built page has serve's warnings panel")
	}
	page, err := os.ReadFile(filepath.Join(b.dests[basePath], "w/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "_coachbook") {
		t.Error("a built page names serve's files")
	}
}

// brokenSite has an error on a very long line, as a pasted paragraph
// would be.
func brokenSite(t *testing.T) string {
	return writeSite(t, map[string]string{
		"content/w.md": "---\ntitle: W\nweight: soon\ndescription: " + strings.Repeat("A very long line that goes on and on. ", 20) + "\n---\n",
	})
}

// TestServeErrorPageLooksLikeTheSite opens the error page at 320 px, light
// and dark: it takes the default theme's colours, its excerpt scrolls in
// its own box while the page never scrolls sideways, and the file is a
// link to the editor.
func TestServeErrorPageLooksLikeTheSite(t *testing.T) {
	t.Parallel()
	root := brokenSite(t)
	base, b := serveWith(t, root, devserver.Config{Editor: "vscode://file/{abs}:{line}:{col}"})
	defer expectErrorStatus(b, base)
	b.do(chromedp.EmulateViewport(320, 640))
	b.do(chromedp.Navigate(base + "w/"))
	waitFor(b, `document.querySelector('h1')?.textContent === 'The build failed' && document.readyState === 'complete'`)
	for scheme, want := range map[string][2]string{
		"light": {"rgb(251, 250, 247)", "rgb(30, 35, 38)"},
		"dark":  {"rgb(21, 25, 27)", "rgb(232, 230, 225)"},
	} {
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		colours := eval[[]string](b, `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]`)
		if colours[0] != want[0] || colours[1] != want[1] {
			t.Errorf("%s: background and text %v, want %v", scheme, colours, want)
		}
	}
	if font := eval[string](b, `getComputedStyle(document.body).fontFamily`); !strings.HasPrefix(font, "system-ui") {
		t.Errorf("the error page's font is %q", font)
	}
	if wide := eval[bool](b, `document.documentElement.scrollWidth > document.documentElement.clientWidth`); wide {
		t.Errorf("the error page scrolls sideways at 320 px: %d > %d",
			eval[int](b, `document.documentElement.scrollWidth`), eval[int](b, `document.documentElement.clientWidth`))
	}
	pre := eval[[]int](b, `(p => [p.scrollWidth, p.clientWidth])(document.querySelector('pre'))`)
	if pre[0] <= pre[1] || eval[string](b, `getComputedStyle(document.querySelector('pre')).overflowX`) != "auto" {
		t.Errorf("the excerpt does not scroll in its box: scroll width %d, width %d", pre[0], pre[1])
	}
	abs, err := filepath.Abs(filepath.Join(root, "content/w.md"))
	if err != nil {
		t.Fatal(err)
	}
	if got := eval[string](b, `document.querySelector('h2 a').getAttribute('href')`); got != "vscode://file/"+strings.TrimPrefix(abs, "/")+":3:9" {
		t.Errorf("the file links to %q", got)
	}
	if got := eval[string](b, `document.querySelector('h2 a').textContent`); got != "content/w.md:3:9" {
		t.Errorf("the link says %q", got)
	}
}

// TestAxeServePages runs axe-core on the error page and on a page with
// the warnings panel, light, dark and at 320 px.
func TestAxeServePages(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	base, b := serveWith(t, brokenSite(t), devserver.Config{Editor: "vscode://file/{abs}:{line}:{col}"})
	defer expectErrorStatus(b, base)
	b.do(chromedp.Navigate(base + "w/"))
	waitFor(b, `document.querySelector('h1')?.textContent === 'The build failed' && document.readyState === 'complete'`)
	axeLightDarkNarrow(t, b, script)

	base, b = serveWith(t, writeSite(t, map[string]string{
		"content/_index.md": swedishHome,
		"content/w.md":      "---\ntitle: W\n---\nWords.\n",
		"i18n/sv.yaml":      "layouts:\n  timerStart: \"Börja\"\n",
	}), devserver.Config{Editor: "vscode://file/{abs}:{line}:{col}"})
	b.do(chromedp.Navigate(base + "w/"))
	waitFor(b, panel+` !== null`)
	axeLightDarkNarrow(t, b, script)
}
