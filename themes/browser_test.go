package themes_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"coachbook/generator"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// basePath is the sub-path the test site is served under, as a career
// centre would host it.
const basePath = "/career/workbooks/"

// chromePath finds Chromium. Without one the browser tests skip, except
// in CI, where they must run.
func chromePath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found, and CI must run the browser tests: install chromium or set CHROME_PATH")
	}
	t.Skip("no Chromium found (set CHROME_PATH to run the browser tests)")
	return ""
}

// browserSite is a built site served on loopback and a browser to drive.
type browserSite struct {
	t      testing.TB
	server *httptest.Server
	ctx    context.Context
	dests  map[string]string // each site's output, by its path

	mu       sync.Mutex
	problems []string // console errors, CSP violations, requests off loopback
}

// openSite builds the site in root under basePath, serves it, and opens
// a tab, with storage of its own, that records every problem it sees.
func openSite(t testing.TB, root string) *browserSite {
	t.Helper()
	return openSites(t, map[string]string{basePath: root})
}

// openSites builds each site under its own path of one origin, as a
// university might host several.
func openSites(t testing.TB, sites map[string]string) *browserSite {
	t.Helper()
	builds := map[string]generator.Options{}
	for path, root := range sites {
		builds[path] = generator.Options{Source: root, BaseURL: path}
	}
	return openBuilds(t, builds, 2*time.Minute)
}

// noStore keeps the browser from caching what h serves. Tests rebuild a
// site and reload within a second, and the file server's Last-Modified
// counts whole seconds, so a revalidated page would come back "not
// modified" from the build before.
func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		r.Header.Del("If-Modified-Since")
		h.ServeHTTP(w, r)
	})
}

// openBuilds builds each site with its options, serves it under its path
// of one origin, and opens a tab, for at most limit (0 for no limit).
// A site's base URL may name another host, as a site built for its real
// address and tried here would.
func openBuilds(t testing.TB, builds map[string]generator.Options, limit time.Duration) *browserSite {
	t.Helper()
	chrome := chromePath(t)
	mux := http.NewServeMux()
	dests := map[string]string{}
	for path, opts := range builds {
		opts.Dest = filepath.Join(t.TempDir(), "public")
		dests[path] = opts.Dest
		if _, err := generator.Build(context.Background(), opts); err != nil {
			t.Fatalf("build %s: %v", opts.Source, err)
		}
		mux.Handle(path, noStore(http.StripPrefix(strings.TrimSuffix(path, "/"), http.FileServer(http.Dir(dests[path])))))
	}
	server := httptest.NewServer(mux)
	t.Cleanup(server.Close)
	b := &browserSite{t: t, server: server, dests: dests}
	b.start(chrome, limit)
	return b
}

// start opens a tab for b in its own browser context of the shared
// Chromium, and limits what b does in it to the given time, or to nothing
// when it is 0.
func (b *browserSite) start(chrome string, limit time.Duration) {
	t := b.t
	ctx := openTab(t, chrome, b.listen)
	// Limit each test after the tab has opened, since a timeout on the
	// first call would close the tab itself.
	b.ctx = ctx
	if limit > 0 {
		var cancel context.CancelFunc
		b.ctx, cancel = context.WithTimeout(ctx, limit)
		t.Cleanup(cancel)
	}
	t.Cleanup(b.checkProblems)
	// Pages come from the server, not the site's service worker, so that
	// a test that changes the files on the server sees them at once; the
	// tests of offline use (offline_test.go) turn the worker on.
	if _, err := chromedp.Call(b.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
		t.Fatal(err)
	}
}

// listen records console errors, uncaught exceptions, Content-Security-
// Policy violations and requests to any host but the test server.
func (b *browserSite) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		detail := ""
		if ev.ExceptionDetails.Exception != nil {
			detail = " " + ev.ExceptionDetails.Exception.Description
		}
		b.problem("exception: %s%s", ev.ExceptionDetails.Text, detail)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			b.problem("console %s: %s", ev.Type, strings.Join(args, " "))
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || strings.Contains(ev.Entry.Text, "Content Security Policy") {
			b.problem("log: %s %s", ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if u, err := url.Parse(ev.Request.URL); err == nil && u.Scheme != "data" && u.Hostname() != "127.0.0.1" {
			b.problem("request off loopback: %s", ev.Request.URL)
		}
	}
}

func buildSite(t testing.TB, root, dest, path string) {
	t.Helper()
	if _, err := generator.Build(context.Background(), generator.Options{Source: root, Dest: dest, BaseURL: path}); err != nil {
		t.Fatalf("build %s: %v", root, err)
	}
}

// rebuild builds a new version of the site at path, as an author
// publishing changes would.
func (b *browserSite) rebuild(path, root string) {
	b.t.Helper()
	buildSite(b.t, root, b.dests[path], path)
}

func (b *browserSite) problem(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

// checkProblems fails the test for anything the browser complained about.
func (b *browserSite) checkProblems() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("browser: %s", p)
	}
}

// url returns the address of a site path.
func (b *browserSite) url(p string) string {
	return b.server.URL + basePath + strings.TrimPrefix(p, "/")
}

// do runs browser actions, failing the test on error.
func (b *browserSite) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// eval returns the value of a JavaScript expression.
func eval[T any](b *browserSite, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func writeSite(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		full := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const fieldsPage = `---
title: Fields
---
:::exercise{#drive title="Your drive"}
::text[One phrase]{#phrase}
::choice[Driver]{#kind options="Income|Harmony"}
::date[When]{#when optional}
:::
::list[Questions to bring]{#questions min=1 max=3}
::textarea[What do you enjoy?]{#enjoy words=20}
::choice[Main driver]{#driver options="Income|Harmony" other}
::scale[How strong?]{#strength min=0 max=100 step=5}
::commitments{#actions}
`

// TestFieldBehaviour drives the controls that need JavaScript: adding and
// removing items and rows within their limits, the word count, the
// "other" box and the slider's value.
func TestFieldBehaviour(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/fields.md": fieldsPage}))
	b.do(chromedp.Navigate(b.url("fields/")), chromedp.WaitVisible(chromedp.CSS(`.field-list [data-add]`)))

	itemState := `(() => { const g = document.querySelector('.field-list');
		const items = [...g.querySelectorAll('[data-item]')];
		return items.map(i => i.querySelector('input').id + '/' + i.querySelector('label').htmlFor + '/' + i.querySelector('[data-remove]').disabled).join(' ')
			+ ' add:' + g.querySelector('[data-add]').disabled })()`
	if state := eval[string](b, itemState); state != "field-questions:1/field-questions:1/true add:false" {
		t.Errorf("initial list: %s", state)
	}
	b.do(
		chromedp.SendKeys(chromedp.CSS(`[id="field-questions:1"]`), "first"),
		chromedp.Click(chromedp.CSS(`.field-list [data-add]`)),
		chromedp.Click(chromedp.CSS(`.field-list [data-add]`)),
	)
	if state := eval[string](b, itemState); state != "field-questions:1/field-questions:1/false field-questions:2/field-questions:2/false field-questions:3/field-questions:3/false add:true" {
		t.Errorf("after adding to the maximum: %s", state)
	}
	if focused := eval[string](b, `document.activeElement.id`); focused != "field-questions:3" {
		t.Errorf("focus is on %q, want the new item", focused)
	}
	if first := eval[string](b, `document.getElementById('field-questions:1').value`); first != "first" {
		t.Errorf("first item holds %q", first)
	}
	b.do(chromedp.Click(chromedp.CSS(`[id="field-questions:1"] ~ [data-remove]`)))
	if state := eval[string](b, itemState); state != "field-questions:1/field-questions:1/false field-questions:2/field-questions:2/false add:false" {
		t.Errorf("after removing the first: %s", state)
	}
	if first := eval[string](b, `document.getElementById('field-questions:1').value`); first != "" {
		t.Errorf("the removed item's text %q is still first", first)
	}

	// Rows renumber each column's id and label together.
	b.do(chromedp.Click(chromedp.CSS(`.field-rows [data-add]`)))
	row := eval[string](b, `[...document.querySelectorAll('.field-rows [data-item]')[1].querySelectorAll('[data-col]')].map(c => c.id + '=' + document.querySelector('label[for="' + c.id + '"]').textContent).join(' ')`)
	if row != "field-actions.tasks:2:task=What I will do (row 2) field-actions.tasks:2:measure=How I will know it is done (row 2) field-actions.tasks:2:due=By when (row 2) field-actions.tasks:2:done=Done (row 2)" {
		t.Errorf("second row: %s", row)
	}

	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-enjoy"]`), "I like solving hard problems"))
	if count := eval[string](b, `document.getElementById('field-enjoy:count').textContent`); count != "5 words of about 20" {
		t.Errorf("word count %q", count)
	}

	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-driver:other-text"]`), "Purpose"))
	if !eval[bool](b, `document.getElementById('field-driver:other').checked`) {
		t.Error("typing in the other box did not choose Other")
	}

	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('field-strength'); s.value = 35; s.dispatchEvent(new Event('input')) })()`))
	if v := eval[string](b, `document.querySelector('output[for="field-strength"]').textContent`); v != "35" {
		t.Errorf("slider output %q", v)
	}
}

// TestExerciseStatus checks that an exercise counts its answered fields,
// leaving optional ones out.
func TestExerciseStatus(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/fields.md": fieldsPage}))
	b.do(chromedp.Navigate(b.url("fields/")), chromedp.WaitVisible(chromedp.CSS(`#exercise-drive [data-exercise-status]`)))
	status := func() string {
		return eval[string](b, `document.querySelector('#exercise-drive [data-exercise-status]').textContent`)
	}
	if s := status(); s != "0 of 2 answered" {
		t.Errorf("status %q", s)
	}
	b.do(chromedp.SendKeys(chromedp.ID("field-phrase"), "Purpose"))
	if s := status(); s != "1 of 2 answered" {
		t.Errorf("status after typing %q", s)
	}
	b.do(chromedp.Click(chromedp.CSS(`[id="field-kind:1"]`)))
	if s := status(); s != "Done: all 2 answered" {
		t.Errorf("status after choosing %q", s)
	}
}

// TestReadableWithoutJavaScript turns scripts off and checks that every
// question is on the page and nothing needing a script is shown.
func TestReadableWithoutJavaScript(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/fields.md": fieldsPage}))
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.url("fields/")), chromedp.WaitReady(chromedp.CSS("main")))
	// Scripts are off, so read the page through the DOM protocol.
	labels, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSSAll(`label:not(.visually-hidden), legend`)))
	if err != nil {
		t.Fatal(err)
	}
	// 5 in the exercise, 1 for the list, 1 for the textarea, 4 for the
	// choice, 1 for the slider, and 7 in the commitments.
	if len(labels) != 19 {
		t.Errorf("%d labels and legends are shown without JavaScript, want 19", len(labels))
	}
	shown, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSSAll(`[data-add]:not([hidden]), [data-remove]:not([hidden]), [data-exercise-status]:not([hidden])`), chromedp.AtLeast(0)))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) != 0 {
		t.Errorf("%d controls that need JavaScript are shown without it", len(shown))
	}
	// The page says that saving needs JavaScript.
	if _, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSS(`noscript .notice`))); err != nil {
		t.Errorf("no notice that saving needs JavaScript: %v", err)
	}
}

// TestSamplePagesInBrowser opens every page of the bundled sample site
// under a sub-path, requiring no console errors, no CSP violations and no
// request off loopback, and on every workbook saves an answer and finds it
// again after a reload.
func TestSamplePagesInBrowser(t *testing.T) {
	t.Parallel()
	b := openSite(t, "..")
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitReady(chromedp.CSS("main")))
	links := eval[[]string](b, `[...new Set([...document.querySelectorAll('main a')].map(a => a.getAttribute('href')))]`)
	if len(links) < 14 {
		t.Fatalf("the home page links to %d pages", len(links))
	}
	workbooks := 0
	for _, link := range links {
		b.do(chromedp.Navigate(b.server.URL+link), chromedp.WaitReady(chromedp.CSS("main")))
		if n := eval[int](b, `document.querySelectorAll('h1').length`); n != 1 {
			t.Errorf("%s has %d h1 elements", link, n)
		}
		if !eval[bool](b, `!!document.getElementById('coachbook-manifest')`) {
			continue
		}
		workbooks++
		// Answer the first box that takes text, or else tick the first box.
		// A rank's "add an item of your own" box is not an answer: its
		// text becomes one only once added.
		const first = `(document.querySelector('[data-field] textarea, [data-field] input:not([type]):not([data-own-text]), [data-field] input[type=text]:not([data-own-text])') || document.querySelector('[data-field] input[type=checkbox], [data-field] input[type=radio]'))`
		b.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = ` + first + `; if (el.type === 'checkbox' || el.type === 'radio') el.click(); else { el.value = 'A sample answer'; el.dispatchEvent(new Event('input', {bubbles: true})); } })()`))
		waitFor(b, saved)
		b.do(chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("main")))
		if got := eval[string](b, `(() => { const el = `+first+`; return el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value })()`); got != "A sample answer" && got != "true" {
			t.Errorf("%s: after a reload the answer is %q", link, got)
		}
	}
	if workbooks < 14 {
		t.Errorf("only %d of the linked pages are workbooks", workbooks)
	}
}

// TestKeyboardAndNarrowScreens tabs through a workbook, checking that
// every stop shows a focus ring, and lays every sample page out 320 px
// wide, checking that nothing needs sideways scrolling.
func TestKeyboardAndNarrowScreens(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/fields.md": fieldsPage}))
	b.do(chromedp.Navigate(b.url("fields/")), chromedp.WaitVisible(chromedp.CSS(`.field-list [data-add]`)))
	stops := map[string]bool{}
	for range 40 {
		b.do(chromedp.KeyEvent("\t"))
		focus := eval[string](b, `(() => {
			const el = document.activeElement;
			const style = getComputedStyle(el);
			return (el.id || el.tagName) + ' ' + style.outlineStyle + ' ' + style.outlineWidth;
		})()`)
		name, ring, _ := strings.Cut(focus, " ")
		if name == "BODY" {
			continue // Past the last control, focus leaves the page.
		}
		if strings.HasPrefix(ring, "none") {
			t.Errorf("%s takes focus with no visible ring (%s)", name, ring)
		}
		stops[name] = true
	}
	for _, want := range []string{"field-phrase", "field-kind:0", "field-questions:1", "field-enjoy"} {
		if !stops[want] {
			t.Errorf("the keyboard never reaches %s; it stopped at %v", want, stops)
		}
	}

	b = openSite(t, "..")
	b.do(chromedp.EmulateViewport(320, 640))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitReady(chromedp.CSS("main")))
	links := eval[[]string](b, `[...new Set([...document.querySelectorAll('main a')].map(a => a.getAttribute('href')))]`)
	for _, link := range append(links, b.url("")) {
		if !strings.HasPrefix(link, "http") {
			link = b.server.URL + link
		}
		b.do(chromedp.Navigate(link), chromedp.WaitReady(chromedp.CSS("main")))
		if w := eval[int](b, `document.documentElement.scrollWidth`); w > 320 {
			t.Errorf("%s is %d px wide on a 320 px screen", link, w)
		}
	}
}
