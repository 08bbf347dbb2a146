package themes_test

import (
	"strings"
	"testing"
	"time"

	"coachbook/generator"

	"github.com/chromedp/chromedp"
)

// TestEraseAcrossTabs erases a workbook in one tab while another has
// typing it has not saved yet, in a field saved before and in one never
// saved: the other tab drops that typing and shows the fields empty, and
// nothing comes back. The same holds for erasing the whole site.
func TestEraseAcrossTabs(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabs(t)

	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	waitFor(other, `document.getElementById('field-name').value === 'Ada'`)

	// The other tab's typing stays unsaved: its save timer never fires.
	const typeUnsaved = `(() => {
		window.setTimeout = () => 0;
		const set = (id, v) => { const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); };
		document.getElementById('field-name').focus();
		set('field-name', 'Ada Lovelace');
		set('field-enjoy', 'Teaching');
	})()`
	const emptied = `document.getElementById('field-name').value === '' && document.getElementById('field-enjoy').value === ''`
	const saveNow = `document.getElementById('field-name').dispatchEvent(new FocusEvent('focusout', {bubbles: true}))`
	other.do(chromedp.Evaluate[chromedp.Void](typeUnsaved))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-workbook]`)))
	waitFor(other, emptied)
	noticeSays(other, "Your answers to this workbook were erased in another tab.")
	other.do(chromedp.Evaluate[chromedp.Void](saveNow))
	for k, v := range storedAnswers(b) {
		if strings.Contains(k, ":a:") {
			t.Errorf("%s came back after the erase: %s", k, v)
		}
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value`); got != "" {
		t.Errorf("after a reload the erased answer shows %q", got)
	}

	other.do(chromedp.Evaluate[chromedp.Void](typeUnsaved))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=erase-site]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	waitFor(other, emptied)
	other.do(chromedp.Evaluate[chromedp.Void](saveNow))
	for k, v := range storedAnswers(other) {
		if strings.Contains(k, ":a:") {
			t.Errorf("%s came back after erasing the site: %s", k, v)
		}
	}
}

// TestSiteIDPrefix serves two sites on one origin whose storage IDs start
// alike: one has id "127.0.0.1", the other is built for
// http://127.0.0.1:8080/b/, so its ID is "127.0.0.1:8080/b/". Erasing all
// of the first site's answers leaves the second's alone.
func TestSiteIDPrefix(t *testing.T) {
	t.Parallel()
	page := "---\ntitle: W\n---\n::text[Q]{#q}\n"
	a := writeSite(t, map[string]string{"content/_index.md": "---\ntitle: A\nid: 127.0.0.1\n---\n", "content/w.md": page})
	bRoot := writeSite(t, map[string]string{"content/_index.md": "---\ntitle: B\n---\n", "content/w.md": page})
	b := openBuilds(t, map[string]generator.Options{
		"/a/": {Source: a, BaseURL: "/a/"},
		"/b/": {Source: bRoot, BaseURL: "http://127.0.0.1:8080/b/"},
	}, 2*time.Minute)
	b.do(chromedp.Navigate(b.server.URL+"/b/w/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-q"]`), "Site B"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.server.URL+"/a/w/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-q"]`), "Site A"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.server.URL+"/a/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=erase-site]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	waitFor(b, `!Object.keys(localStorage).some(k => k.startsWith('coachbook:127.0.0.1:a:'))`)
	stored := storedAnswers(b)
	if !strings.Contains(stored["coachbook:127.0.0.1%3A8080/b/:a:w:q"], "Site B") {
		t.Errorf("erasing site A erased site B's answers; left: %v", stored)
	}
}

// TestLegacySiteKeys finds answers stored under a site ID with ":" as
// keys were before it was escaped: they move to the escaped keys and show.
func TestLegacySiteKeys(t *testing.T) {
	t.Parallel()
	root := writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Q]{#q}\n"})
	b := openBuilds(t, map[string]generator.Options{"/b/": {Source: root, BaseURL: "http://127.0.0.1:8080/b/"}}, 2*time.Minute)
	b.do(chromedp.Navigate(b.server.URL+"/b/"), chromedp.WaitReady(chromedp.CSS(`main`)))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('coachbook:127.0.0.1:8080/b/:a:w:q', '{"v":"Kept","t":1}'); localStorage.setItem('coachbook:127.0.0.1:8080/b/:meta', '{"schema":1}')`))
	b.do(chromedp.Navigate(b.server.URL+"/b/w/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-q').value`); got != "Kept" {
		t.Errorf("the stored answer shows as %q", got)
	}
	stored := storedAnswers(b)
	if stored["coachbook:127.0.0.1%3A8080/b/:a:w:q"] != `{"v":"Kept","t":1}` || len(stored) != 2 {
		t.Errorf("stored: %v", stored)
	}
}
