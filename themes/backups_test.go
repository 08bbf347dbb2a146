package themes_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// beforeRuntime runs script in every page of b's tab before the page's
// own scripts: it is the browser's, outside the page's CSP.
func beforeRuntime(b *browserSite, script string) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		b.t.Fatal(err)
	}
}

// storedMeta is the runtime's meta for the test site, as JSON.
const storedMeta = `JSON.parse(localStorage.getItem(` + "`" + storagePrefix + "meta`" + `) || 'null')`

// persistenceCounter counts the page's calls of navigator.storage.persist
// across reloads, and lets the browser answer each.
const persistenceCounter = `(() => {
	const persist = StorageManager.prototype.persist;
	StorageManager.prototype.persist = function () {
		localStorage.setItem('test:persist-calls', String(Number(localStorage.getItem('test:persist-calls') || 0) + 1));
		return persist.call(this);
	};
})()`

// TestPersistRecorded saves answers where the browser grants, then where
// it refuses, keeping storage: persist() is asked once, at the first
// saved answer, and what the browser said is recorded in meta and shown
// in "Your answers" on every page, after a reload too.
func TestPersistRecorded(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		setting browser.PermissionSetting
		granted bool
		says    string
	}{
		{browser.PermissionSettingGranted, true, "Your browser will keep your answers on this device"},
		{browser.PermissionSettingDenied, false, "Your browser may delete saved answers"},
	} {
		t.Run(string(c.setting), func(t *testing.T) {
			b := openSite(t, writeSite(t, answersSite))
			if _, err := chromedp.CallBrowser(b.ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission:       &browser.PermissionDescriptor{Name: "persistent-storage"},
				Setting:          c.setting,
				Origin:           b.server.URL,
				BrowserContextID: chromedp.FromContext(b.ctx).BrowserContextID,
			}); err != nil {
				t.Fatal(err)
			}
			beforeRuntime(b, persistenceCounter)
			calls := func() string { return eval[string](b, `localStorage.getItem('test:persist-calls') || '0'`) }

			b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
			if n := calls(); n != "0" {
				t.Errorf("persist() was called %s times before any answer", n)
			}
			b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
			waitFor(b, saved)
			waitFor(b, storedMeta+`?.persisted === `+map[bool]string{true: "true", false: "false"}[c.granted])
			b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-enjoy"]`), "Puzzles"))
			waitFor(b, `document.getElementById('field-enjoy').value === 'Puzzles' && `+saved)

			b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-persist]`)))
			b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), " L."))
			waitFor(b, `document.getElementById('field-name').value === 'Ada L.' && `+saved)
			if n := calls(); n != "1" {
				t.Errorf("persist() was called %s times, want once", n)
			}
			for _, path := range []string{"prep/all/", ""} {
				b.do(chromedp.Navigate(b.url(path)), chromedp.WaitVisible(chromedp.CSS(`[data-persist]`)))
				if got := eval[string](b, `document.querySelector('[data-persist]').textContent`); !strings.HasPrefix(got, c.says) {
					t.Errorf("%q says %q, want %q", path, got, c.says)
				}
			}
		})
	}
}

// clock moves the page's Date.now by the days stored under test:days, so
// a test can let weeks pass between visits.
const clock = `(() => {
	const real = Date.now;
	Date.now = () => {
		let days = 0;
		try { days = Number(localStorage.getItem('test:days') || 0); } catch (e) {}
		return real() + days * 864e5;
	};
})()`

const reminder = `document.querySelector('[data-reminder]')`

// visit opens path as it is the given days later, and waits for the
// runtime. It opens the page first, since storage needs its origin.
func visit(b *browserSite, path string, days int) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.url(path)), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('test:days', '` + strconv.Itoa(days) + `')`))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
}

// TestBackupReminder lets days pass on a controllable clock: no answers,
// no reminder; answers 13 days old, none; 15 days, a reminder once a
// visit, whose download records the backup and goes away.
func TestBackupReminder(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	beforeRuntime(b, clock)
	visit(b, "", 100)
	if eval[bool](b, reminder+` !== null`) {
		t.Error("a reminder with no answers")
	}

	visit(b, "prep/all/", 0)
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	visit(b, "", 13)
	if eval[bool](b, reminder+` !== null`) {
		t.Error("a reminder 13 days after the first answer")
	}

	visit(b, "prep/all/", 15)
	waitFor(b, reminder+` !== null`)
	if got := eval[string](b, reminder+`.textContent`); !strings.Contains(got, "for 15 days") {
		t.Errorf("the reminder says %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-reminder] [data-action=dismiss-backup]`)))
	if eval[bool](b, reminder+` !== null`) {
		t.Error("Not now leaves the reminder")
	}
	visit(b, "", 15)
	if eval[bool](b, reminder+` !== null`) {
		t.Error("the reminder shows again in the same visit")
	}

	// A new tab is a new visit.
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	next := &browserSite{t: t, server: b.server, ctx: second}
	beforeRuntime(next, clock)
	visit(next, "", 15)
	waitFor(next, reminder+` !== null`)
	next.do(chromedp.Click(chromedp.CSS(`[data-reminder] [data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	if !strings.Contains(exported, `"value": "Ada"`) {
		t.Errorf("the reminder's download:\n%s", exported)
	}
	if eval[bool](next, reminder+` !== null`) {
		t.Error("the reminder stays after the download")
	}
	if !eval[bool](next, storedMeta+`.lastBackup - `+storedMeta+`.firstSaved > 14 * 864e5`) {
		t.Errorf("the download is not recorded: meta %s", eval[string](next, `JSON.stringify(`+storedMeta+`)`))
	}

	// Counted from the download, 13 days later nothing is due; 15, it is.
	third, cancel3 := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel3)
	later := &browserSite{t: t, server: b.server, ctx: third}
	beforeRuntime(later, clock)
	visit(later, "", 28)
	if eval[bool](later, reminder+` !== null`) {
		t.Error("a reminder 13 days after a download")
	}
	fourth, cancel4 := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel4)
	last := &browserSite{t: t, server: b.server, ctx: fourth}
	beforeRuntime(last, clock)
	visit(last, "", 31)
	waitFor(last, reminder+` !== null`)
}

// TestBackupReminderOff builds a site that sets backupReminder to 0: no
// reminder, however old the answers.
func TestBackupReminderOff(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for k, v := range answersSite {
		files[k] = v
	}
	files["content/_index.md"] = "---\ntitle: Companion\nbackupReminder: 0\n---\nWelcome.\n"
	b := openSite(t, writeSite(t, files))
	beforeRuntime(b, clock)
	visit(b, "prep/all/", 0)
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	visit(b, "", 365)
	if eval[bool](b, reminder+` !== null`) {
		t.Error("a reminder on a site that turned it off")
	}
}

// downloaded waits for one file whose name ends in suffix and returns its
// name and content.
func downloaded(t *testing.T, dir, suffix string) (string, string) {
	t.Helper()
	content := waitForFile(t, dir, suffix)
	matches, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
	return filepath.Base(matches[0]), content
}

// TestNameInExports gives a name in "Your answers": the JSON and Markdown
// downloads carry it in their names and text, the copied text too, and
// erasing every answer takes it away.
func TestNameInExports(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	beforeRuntime(b, `Clipboard.prototype.writeText = function (text) { window.copied = text; return Promise.resolve(); };`)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-client-name]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-client-name]`), "A. B."))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)

	b.do(chromedp.Click(chromedp.CSS(`[data-action=copy]`)))
	waitFor(b, `typeof window.copied === 'string'`)
	if got := eval[string](b, `window.copied`); !strings.HasPrefix(got, "# Every field\n\nAnswers of A. B.\n\n## Your name\n\nAda") {
		t.Errorf("the copied text:\n%s", got)
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	name, markdown := downloaded(t, dir, ".md")
	if !regexp.MustCompile(`^prep-all-A-B-\d{4}-\d\d-\d\d\.md$`).MatchString(name) {
		t.Errorf("the Markdown file is named %q", name)
	}
	if !strings.HasPrefix(markdown, "# Every field\n\nAnswers of A. B.\n") {
		t.Errorf("the Markdown:\n%s", markdown)
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	name, exported := downloaded(t, dir, ".json")
	if !regexp.MustCompile(`^answers-A-B-\d{4}-\d\d-\d\d\.json$`).MatchString(name) {
		t.Errorf("the answers file is named %q", name)
	}
	if !strings.Contains(exported, `"client": "A. B."`) {
		t.Errorf("the answers file:\n%s", exported)
	}

	// Erasing every answer takes the name; restoring the file brings it back.
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-client-name]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	time.Sleep(300 * time.Millisecond) // The page reloads.
	b.do(chromedp.WaitVisible(chromedp.CSS(`[data-client-name]`)))
	if got := eval[string](b, `document.querySelector('[data-client-name]').value + (localStorage.getItem('`+storagePrefix+`meta') || '')`); got != "" {
		t.Errorf("after erasing, the name is still there: %q", got)
	}
	file := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(file, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	restoreFile(b, file)
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	waitFor(b, `document.querySelector('[data-client-name]').value === 'A. B.' && `+storedMeta+`?.name === 'A. B.'`)
}

// TestMetaKeptAcrossTabs gives a name and downloads in one tab while a
// workbook is open in another: the workbook tab's next save keeps both,
// so it never brings back a reminder or drops the name.
func TestMetaKeptAcrossTabs(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabs(t)
	downloads(b)
	other.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-client-name]`)))
	other.do(chromedp.SendKeys(chromedp.CSS(`[data-client-name]`), "A. B."), chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	waitFor(other, storedMeta+`?.lastBackup > 0`)
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	if got := eval[string](b, `JSON.stringify(`+storedMeta+`)`); !strings.Contains(got, `"lastBackup":`) || !strings.Contains(got, `"name":"A. B."`) {
		t.Errorf("after a save in the other tab, meta is %s", got)
	}
}

// TestEraseInAnotherTabTakesTheName erases every answer in one tab while
// a workbook is open in another: that tab's next save must not write the
// client's name back.
func TestEraseInAnotherTabTakesTheName(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabs(t)
	other.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-client-name]`)))
	other.do(chromedp.SendKeys(chromedp.CSS(`[data-client-name]`), "A. B."))
	waitFor(other, storedMeta+`?.name === 'A. B.'`)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	other.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	waitFor(b, storedMeta+` === null`)
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	if got := eval[string](b, `JSON.stringify(`+storedMeta+`)`); strings.Contains(got, "A. B.") {
		t.Errorf("the name came back after the erase: meta %s", got)
	}
}
