package themes_test

import (
	"encoding/json"
	"fmt"
	"image"
	_ "image/png"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// offlineSite is a home page and two workbooks.
func offlineSite(t *testing.T, version string) map[string]string {
	return map[string]string{
		"content/_index.md": "---\ntitle: Offline companion\naccent: \"#7a3e9d\"\n---\nWelcome.\n",
		"content/one.md":    "---\ntitle: One\n---\n::text[Your name]{#name}\n\n" + version + " of one.\n",
		"content/two.md":    "---\ntitle: Two\n---\n::text[Your goal]{#goal}\n\n" + version + " of two.\n",
	}
}

// useWorker lets b's pages go through the site's service worker, which
// the other browser tests bypass.
func useWorker(b *browserSite) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: false}); err != nil {
		b.t.Fatal(err)
	}
}

// waitForWorker waits until the site's worker has kept every file and
// controls the page.
func waitForWorker(b *browserSite) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		b.t.Fatal(err)
	}
	waitFor(b, `navigator.serviceWorker.controller !== null`)
}

// prose is the last paragraph of a page, which says which build it is.
const prose = `[...document.querySelectorAll('.prose p')].pop()?.textContent.trim()`

// TestOfflineNavigateAndSave loads the site once, goes offline and stops
// the server, then opens another workbook and saves an answer in it.
func TestOfflineNavigateAndSave(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, offlineSite(t, "First version")))
	useWorker(b)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitReady(chromedp.CSS("main")))
	waitForWorker(b)

	offline := true
	if _, err := chromedp.Call(b.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatal(err)
	}
	b.server.Close() // Nothing can come from the network now.

	b.do(chromedp.Navigate(b.url("two/")), chromedp.WaitVisible(chromedp.ID("field-goal")))
	if got := eval[string](b, prose); got != "First version of two." {
		t.Errorf("offline, the page shows %q", got)
	}
	b.do(chromedp.SendKeys(chromedp.ID("field-goal"), "Work offline"))
	waitFor(b, saved)
	stored := eval[string](b, `Object.keys(localStorage).filter(k => k.endsWith(':a:two:goal')).map(k => JSON.parse(localStorage.getItem(k)).v).join()`)
	if stored != "Work offline" {
		t.Errorf("offline, storage holds %q for the answer", stored)
	}
	// A page the site does not have gets its "not found" page.
	b.do(chromedp.Navigate(b.url("three/")), chromedp.WaitReady(chromedp.CSS("main")))
	if title := eval[string](b, `document.body.className`); title != "kind-404" {
		t.Errorf("offline, a missing page shows a page of kind %q", title)
	}
}

// installFirstVersion builds the first version of the offline site, opens
// one of its pages and waits until the worker controls it.
func installFirstVersion(t *testing.T) (string, *browserSite) {
	t.Helper()
	root := writeSite(t, offlineSite(t, "First version"))
	b := openSite(t, root)
	useWorker(b)
	b.do(chromedp.Navigate(b.url("one/")), chromedp.WaitReady(chromedp.CSS("main")))
	waitForWorker(b)
	return root, b
}

// TestNewVersionAfterRebuild publishes a new build while a page is open:
// the page and the pages opened next stay the old build's, a notice
// offers the new one, and its button shows it, with the old build's
// copy deleted.
func TestNewVersionAfterRebuild(t *testing.T) {
	t.Parallel()
	root, b := installFirstVersion(t)

	for name, content := range offlineSite(t, "Second version") {
		writeFile(t, filepath.Join(root, name), content)
	}
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("main")))
	waitFor(b, `document.querySelector('[data-new-version]') !== null`)
	if got := eval[string](b, `document.querySelector('[data-new-version] p').textContent`); got != "A new version of this site is available." {
		t.Errorf("the notice says %q", got)
	}
	if got := eval[string](b, prose); got != "First version of one." {
		t.Errorf("before the client reloads, the page shows %q", got)
	}
	// The next page opened is of the same build as this one.
	b.do(chromedp.Navigate(b.url("two/")), chromedp.WaitReady(chromedp.CSS("main")))
	if got := eval[string](b, prose); got != "First version of two." {
		t.Errorf("a page opened before the client reloads shows %q", got)
	}
	waitFor(b, `document.querySelector('[data-new-version] button') !== null`)
	b.do(chromedp.Click(chromedp.CSS(`[data-new-version] button`)))
	waitFor(b, prose+` === 'Second version of two.'`)
	b.do(chromedp.Navigate(b.url("one/")), chromedp.WaitReady(chromedp.CSS("main")))
	if got := eval[string](b, prose); got != "Second version of one." {
		t.Errorf("after the reload, another page shows %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll('[data-new-version]').length`); n != 0 {
		t.Errorf("the new build still offers a new version")
	}
	caches, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(caches) != 1 {
		t.Errorf("the site keeps %d copies, want the new build's alone: %v", len(caches), caches)
	}
}

// TestWebManifest checks the manifest of a site under a sub-path: what
// Chromium reads of it, that it is installable, and that its icons are
// there at the sizes it gives.
func TestWebManifest(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, offlineSite(t, "First version")))
	useWorker(b)
	b.do(chromedp.Navigate(b.url("one/")), chromedp.WaitReady(chromedp.CSS("main")))
	waitForWorker(b)

	got, err := chromedp.Call(b.ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatal(err)
	}
	if got.URL != b.url("manifest.webmanifest") {
		t.Errorf("the manifest is at %s", got.URL)
	}
	for _, e := range got.Errors {
		t.Errorf("Chromium finds in the manifest: %s", e.Message)
	}
	var m struct {
		Name, ShortName, StartURL, Scope, Display, ThemeColor, Lang string
		Icons                                                       []struct{ Src, Sizes, Type string }
	}
	data := strings.NewReplacer(`"short_name"`, `"ShortName"`, `"start_url"`, `"StartURL"`, `"theme_color"`, `"ThemeColor"`).Replace(got.Data)
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		t.Fatalf("the manifest is not JSON: %v\n%s", err, got.Data)
	}
	if m.Name != "Offline companion" || m.ShortName != "Offline" || m.StartURL != basePath || m.Scope != basePath ||
		m.Display != "standalone" || m.ThemeColor != "#7a3e9d" || m.Lang != "en" {
		t.Errorf("the manifest says %+v", m)
	}
	installable, err := chromedp.Call(b.ctx, page.GetInstallabilityErrors, struct{}{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range installable.InstallabilityErrors {
		if e.ErrorID == "in-incognito" {
			continue // Each test's browser context is off the record, to keep its storage its own.
		}
		t.Errorf("not installable: %s %v", e.ErrorID, e.ErrorArguments)
	}
	if len(m.Icons) < 2 {
		t.Fatalf("the manifest gives %d icons", len(m.Icons))
	}
	for _, icon := range m.Icons {
		if !strings.HasPrefix(icon.Src, basePath) {
			t.Errorf("icon %s is outside the site", icon.Src)
		}
		res, err := http.Get(b.server.URL + icon.Src)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := image.DecodeConfig(res.Body)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || err != nil {
			t.Errorf("icon %s: %s, %v", icon.Src, res.Status, err)
			continue
		}
		if size := fmt.Sprintf("%dx%d", c.Width, c.Height); size != icon.Sizes || icon.Type != "image/png" {
			t.Errorf("icon %s is a %s %s image, but the manifest says %s %s", icon.Src, size, "image/png", icon.Sizes, icon.Type)
		}
	}
}

// TestNoWorkerInServe opens a page that serve serves: no worker is
// registered, so live reload keeps working.
func TestNoWorkerInServe(t *testing.T) {
	t.Parallel()
	chrome := chromePath(t)
	root := writeSite(t, offlineSite(t, "First version"))
	base, b := serveInChromium(t, chrome, root)
	useWorker(b)
	b.do(chromedp.Navigate(base+"one/"), chromedp.WaitReady(chromedp.CSS("main")))
	waitFor(b, `document.documentElement.dataset.liveReload === 'connected'`)
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`navigator.serviceWorker.getRegistrations().then(r => r.length)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("serve's page registered %d service workers", n)
	}
	if eval[bool](b, `!!document.querySelector('link[rel=manifest]')`) {
		t.Error("serve's page links to a web app manifest")
	}
}

// TestAppTurnedOff installs the app, then publishes a build with the app
// turned off: the worker removes itself and its copy, and the pages come
// from the server again.
func TestAppTurnedOff(t *testing.T) {
	t.Parallel()
	root, b := installFirstVersion(t)

	site := offlineSite(t, "Second version")
	site["content/_index.md"] = "---\ntitle: Offline companion\napp: false\n---\nWelcome.\n"
	for name, content := range site {
		writeFile(t, filepath.Join(root, name), content)
	}
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("main")))
	waitFor(b, prose+` === 'Second version of one.'`)
	waitFor(b, `navigator.serviceWorker.controller === null`)
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`navigator.serviceWorker.getRegistrations().then(r => r.length)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	caches, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 || len(caches) != 0 {
		t.Errorf("with the app turned off, %d workers and the copies %v remain", n, caches)
	}
}
