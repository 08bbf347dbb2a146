package themes_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

const (
	// nameKey is where answersSite's workbook stores its "name" answer,
	// and nameConflict where it keeps a version a later save replaced.
	nameKey      = storagePrefix + "a:prep/all:name"
	nameConflict = storagePrefix + "c:prep/all:name"
	// otherVersionOfName is the text of the "your other version" box
	// beside the name field, or "" when there is none.
	otherVersionOfName = `[...document.querySelectorAll('[data-other-versions="name"] .other-version-text')].map(p => p.textContent).join('|')`
	nameValue          = `document.getElementById('field-name').value`
)

// storedHolds waits until the stored record at key holds the value want.
func storedHolds(b *browserSite, key, want string) {
	b.t.Helper()
	waitFor(b, `(() => { try { return JSON.parse(localStorage.getItem(`+jsString(key)+`)).v === `+jsString(want)+` } catch (e) { return false } })()`)
}

// TestTwoTabsEditOneField edits one field in two tabs, the first keeping
// focus while the second saves: the later save wins in storage, and the
// text it replaced is kept beside the field in both tabs, across a
// reload, until the client uses it or dismisses it.
func TestTwoTabsEditOneField(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabs(t)

	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Alpha"))
	storedHolds(b, nameKey, "Alpha")
	waitFor(other, nameValue+` === 'Alpha'`)
	other.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), " beta"))
	storedHolds(other, nameKey, "Alpha beta")
	// The first tab's box has focus, so it goes on showing what was typed
	// there, and the client types on.
	if got := eval[string](b, nameValue); got != "Alpha" {
		t.Errorf("the focused box changed under the client to %q", got)
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), " gamma"))
	storedHolds(b, nameKey, "Alpha gamma")

	// The tab whose save lost shows the later save, and its own text beside it.
	waitFor(other, nameValue+` === 'Alpha gamma'`)
	waitFor(other, otherVersionOfName+` === 'Alpha beta'`)
	if !strings.Contains(storedAnswers(b)[nameConflict], `"Alpha beta"`) {
		t.Errorf("the replaced version is not kept in storage: %v", storedAnswers(b))
	}
	// The tab that won keeps its text when its box loses focus, and shows
	// the other version too.
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('field-name').blur()`))
	if got := eval[string](b, nameValue); got != "Alpha gamma" {
		t.Errorf("after losing focus the first tab shows %q while storage holds %q", got, "Alpha gamma")
	}
	waitFor(b, otherVersionOfName+` === 'Alpha beta'`)

	// A reload keeps the other version.
	other.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](other, otherVersionOfName); got != "Alpha beta" {
		t.Errorf("after a reload the other version is %q", got)
	}
	if got := eval[string](other, nameValue); got != "Alpha gamma" {
		t.Errorf("after a reload the field shows %q", got)
	}

	// Using it puts it into the field and saves it; the box goes in both tabs.
	other.do(chromedp.Click(chromedp.CSS(`[data-other-versions="name"] [data-version-use]`)))
	if got := eval[string](other, nameValue); got != "Alpha beta" {
		t.Errorf("after using the other version the field shows %q", got)
	}
	storedHolds(other, nameKey, "Alpha beta")
	waitFor(other, `localStorage.getItem(`+jsString(nameConflict)+`) === null`)
	waitFor(other, `!document.querySelector('[data-other-versions="name"]')`)
	waitFor(b, `!document.querySelector('[data-other-versions="name"]')`)
	waitFor(b, nameValue+` === 'Alpha beta'`)
}

// TestDismissOtherVersion keeps a version a later save replaced: the
// download includes it, dismissing it removes it from storage and the
// page, and erasing the workbook erases it too.
func TestDismissOtherVersion(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	seed := `localStorage.setItem(` + jsString(nameKey) + `, '{"v":"Later","t":2}'); localStorage.setItem(` + jsString(nameConflict) + `, '[{"v":"Earlier <b>draft</b>","t":1}]')`
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](seed))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-other-versions="name"]`)))
	if got := eval[string](b, otherVersionOfName); got != "Earlier <b>draft</b>" {
		t.Errorf("the other version shows as %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll('[data-other-versions] b').length`); n != 0 {
		t.Error("the other version's text became HTML")
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	var file struct {
		Workbooks []struct {
			Answers       []struct{ Key, Value string }
			OtherVersions []struct{ Key, Value, Updated string }
		}
	}
	if err := json.Unmarshal([]byte(waitForFile(t, dir, ".json")), &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Workbooks) != 1 || len(file.Workbooks[0].OtherVersions) != 1 || file.Workbooks[0].OtherVersions[0].Value != "Earlier <b>draft</b>" || file.Workbooks[0].OtherVersions[0].Key != "name" {
		t.Errorf("the download keeps other versions as %+v", file.Workbooks)
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-other-versions="name"] [data-version-dismiss]`)))
	waitFor(b, `!document.querySelector('[data-other-versions="name"]')`)
	if got := eval[string](b, nameValue); got != "Later" {
		t.Errorf("after dismissing, the field shows %q", got)
	}
	if _, ok := storedAnswers(b)[nameConflict]; ok {
		t.Error("the dismissed version is still stored")
	}

	b.do(chromedp.Evaluate[chromedp.Void](seed))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-other-versions="name"]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-workbook]`)))
	waitFor(b, `!document.querySelector('[data-other-versions="name"]')`)
	if stored := storedAnswers(b); len(stored) > 1 {
		t.Errorf("after erasing the workbook storage holds %v", stored)
	}
}

// TestSharedComputerEveryTab turns on shared-computer mode in one tab and
// opens another workbook in a new tab of the same browser session: it
// keeps its answers out of local storage too, and says so, as does a tab
// open before the choice. A new session starts with the mode off, and
// turning the mode off ends it for tabs opened after.
func TestSharedComputerEveryTab(t *testing.T) {
	t.Parallel()
	site := map[string]string{"content/prep/star.md": "---\ntitle: STAR practice\n---\n::text[Situation]{#situation}\n"}
	for name, content := range answersSite {
		site[name] = content
	}
	b := openSite(t, writeSite(t, site))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-shared-choice]`)))
	// A tab open before the choice follows it.
	first, cancelFirst := chromedp.NewContext(b.ctx)
	t.Cleanup(cancelFirst)
	open := &browserSite{t: t, server: b.server, ctx: first}
	open.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-shared]`)))
	waitFor(b, `document.querySelector('[data-shared]')?.checked === true`)
	waitFor(open, `document.querySelector('[data-persist]')?.textContent.startsWith('This is a shared computer')`)
	open.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(open, saved)

	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tab := &browserSite{t: t, server: b.server, ctx: second}
	tab.do(chromedp.Navigate(b.url("prep/star/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	tab.do(chromedp.SendKeys(chromedp.CSS(`[id="field-situation"]`), "New team"))
	waitFor(tab, saved)
	for k := range storedAnswers(tab) {
		if strings.Contains(k, ":a:") {
			t.Errorf("%s reached local storage in a new tab on a shared computer", k)
		}
	}
	if text := eval[string](tab, `document.querySelector('[data-persist]').textContent`); !strings.HasPrefix(text, "This is a shared computer") {
		t.Errorf("the new tab says %q", text)
	}
	got, err := chromedp.Call(tab.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{b.url("")}})
	if err != nil {
		t.Fatal(err)
	}
	cookies := got.Cookies
	if len(cookies) != 1 {
		t.Errorf("%d cookies, want the one that says the computer is shared", len(cookies))
	}
	for _, c := range cookies {
		if c.Path != basePath || !c.Session || c.SameSite != network.CookieSameSiteStrict || c.Value != "1" {
			t.Errorf("cookie %s=%s: path %s, session %v, SameSite %s", c.Name, c.Value, c.Path, c.Session, c.SameSite)
		}
	}

	// A new browser session starts with the mode off.
	fresh := &browserSite{t: t, server: b.server}
	fresh.start(chromePath(t), 2*time.Minute)
	fresh.do(chromedp.Navigate(b.url("prep/star/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	fresh.do(chromedp.SendKeys(chromedp.CSS(`[id="field-situation"]`), "Old team"))
	storedHolds(fresh, storagePrefix+"a:prep/star:situation", "Old team")

	// Turning the mode off ends it for new tabs too.
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-shared]`)))
	waitFor(b, `document.querySelector('[data-shared]')?.checked === false`)
	third, cancelThird := chromedp.NewContext(b.ctx)
	t.Cleanup(cancelThird)
	last := &browserSite{t: t, server: b.server, ctx: third}
	last.do(chromedp.Navigate(b.url("prep/star/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	last.do(chromedp.SendKeys(chromedp.CSS(`[id="field-situation"]`), "Next team"))
	storedHolds(last, storagePrefix+"a:prep/star:situation", "Next team")
}
