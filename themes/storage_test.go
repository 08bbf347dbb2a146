package themes_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// answersSite has one workbook with every kind of field, and a home page
// that lists it.
var answersSite = map[string]string{
	"content/_index.md":      "---\ntitle: Companion\n---\nWelcome.\n",
	"content/prep/_index.md": "---\ntitle: Preparation\n---\n",
	"content/prep/all.md": `---
title: Every field
---
::text[Your name]{#name}
::textarea[What do you enjoy?]{#enjoy words=20}
::list[Questions]{#questions min=1 max=4}
::choice[Main driver]{#driver options="Income|Harmony" other}
::choice[Documents]{#docs options="Resume|Letter|Portfolio" multiple}
:::checklist[Ready]{#ready}
- [ ] CV {#cv}
- [ ] Letter {#letter}
:::
::scale[Where now?]{#now}
::scale[How strong?]{#strength min=0 max=100 step=5}
::date[Next session]{#next}
::fear-exclusion{#fears}
::commitments{#actions}
`,
}

// fill answers every field of answersSite, as a person would, through
// input and change events.
const fill = `(() => {
	const set = (id, v) => { const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); };
	const tick = (id) => { document.getElementById(id).click(); };
	set('field-name', 'Ada');
	set('field-enjoy', 'Solving hard problems\nwith kind people');
	document.querySelector('.field-list [data-add]').click();
	set('field-questions:1', 'Which industries?');
	set('field-questions:2', 'Which bullets?');
	tick('field-driver:other');
	set('field-driver:other-text', 'Purpose');
	tick('field-docs:0'); tick('field-docs:2');
	tick('field-ready:letter');
	tick('field-now:7');
	set('field-strength', '35');
	set('field-next', '2026-12-01');
	document.querySelector('[data-field="fears.pairs"] [data-add]').click();
	set('field-fears.pairs:1:fear', 'Public speaking');
	set('field-fears.pairs:1:criterion', 'No weekly presenting');
	set('field-fears.pairs:2:fear', 'Long commutes');
	set('field-fears.must-haves:1', 'Mentoring');
	set('field-actions.tasks:1:task', 'Research three companies');
	set('field-actions.tasks:1:due', '2026-12-05');
	tick('field-actions.tasks:1:done');
})()`

// readAll reads every field back from the page.
const readAll = `(() => {
	const v = (id) => document.getElementById(id).value;
	const c = (id) => document.getElementById(id).checked;
	return [
		v('field-name'), v('field-enjoy'),
		[...document.querySelectorAll('[data-field="questions"] [data-item-input]')].map(i => i.value).join('|'),
		c('field-driver:other') + ':' + v('field-driver:other-text'),
		[c('field-docs:0'), c('field-docs:1'), c('field-docs:2')].join(','),
		[c('field-ready:cv'), c('field-ready:letter')].join(','),
		document.querySelector('[name="now"]:checked')?.value,
		v('field-strength') + ':' + document.querySelector('output[for="field-strength"]').textContent,
		v('field-next'),
		[...document.querySelectorAll('[data-field="fears.pairs"] [data-item]')].map(r => [...r.querySelectorAll('[data-col]')].map(c => c.value).join('>')).join('|'),
		v('field-actions.tasks:1:task') + ':' + v('field-actions.tasks:1:due') + ':' + c('field-actions.tasks:1:done'),
	].join('\n');
})()`

const wantAll = "Ada\nSolving hard problems\nwith kind people\nWhich industries?|Which bullets?\ntrue:Purpose\ntrue,false,true\nfalse,true\n7\n35:35\n2026-12-01\nPublic speaking>No weekly presenting|Long commutes>\nResearch three companies:2026-12-05:true"

// storedAnswers returns the site's stored answers, key by key.
func storedAnswers(b *browserSite) map[string]string {
	b.t.Helper()
	raw := eval[string](b, `JSON.stringify(Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('coachbook:')).map(k => [k, localStorage.getItem(k)])))`)
	out := map[string]string{}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatal(err)
	}
	return out
}

// waitFor polls a JavaScript condition until it holds. It waits long: on
// two cores shared by every browser test at once, a tab in the background
// that reloads and reads storage has taken more than ten seconds.
func waitFor(b *browserSite, cond string) {
	b.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		// A page that is reloading cannot answer; ask again.
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("timed out waiting for %s (last error: %v)", cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const saved = `document.querySelector('[data-save-status]').textContent === JSON.parse(document.getElementById('coachbook-messages').textContent).saved`

// storagePrefix starts the test site's storage keys: its ID is its base
// path, since the test builds it with no host.
const storagePrefix = "coachbook:" + basePath + ":"

// TestAnswersSurviveReload fills every field type, reloads, and checks
// that every value comes back, repeatable rows included.
func TestAnswersSurviveReload(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	b.do(chromedp.Evaluate[chromedp.Void](fill))
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, readAll); got != wantAll {
		t.Errorf("after reload:\n%s\nwant:\n%s", got, wantAll)
	}
	stored := storedAnswers(b)
	record := stored[storagePrefix+"a:prep/all:driver.other"]
	if !strings.Contains(record, `"v":"Purpose"`) || !strings.Contains(record, `"t":`) {
		t.Errorf("the other box is stored as %q; stored keys: %v", record, keysOf(stored))
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestProgress checks the workbook's progress, each exercise's status,
// the home page's progress for the workbook and the continue link.
func TestProgress(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-progress]`)))
	total := eval[int](b, `document.querySelector('[data-progress] progress').max`)
	if total != 13 {
		// Nine fields, the fears' two, the commitments' rows and if-then
		// plan; the follow-up date is optional.
		t.Errorf("the workbook counts %d fields, want 13", total)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById('field-name'); el.value = 'Ada'; el.dispatchEvent(new Event('input', {bubbles: true})); document.getElementById('field-now:3').click(); })()`))
	if got := eval[string](b, `document.querySelector('[data-progress] progress').value + ' ' + document.querySelector('[data-progress-text]').textContent`); got != "2 2 of 13 answered" {
		t.Errorf("workbook progress %q", got)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById('field-fears.pairs:1:fear'); el.value = 'Heights'; el.dispatchEvent(new Event('input', {bubbles: true})); })()`))
	if got := eval[string](b, `document.querySelector('#exercise-fears [data-exercise-status]').textContent`); got != "1 of 2 answered" {
		t.Errorf("exercise status %q", got)
	}
	waitFor(b, saved)
	for _, page := range []string{"", "prep/"} {
		b.do(chromedp.Navigate(b.url(page)), chromedp.WaitVisible(chromedp.CSS(`[data-card-progress]`)))
		if got := eval[string](b, `document.querySelector('[data-workbook="prep/all"] [data-card-progress]').textContent.trim()`); got != "3 of 13 answered" {
			t.Errorf("%q: card progress %q", page, got)
		}
	}
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-continue]`)))
	if got := eval[string](b, `(() => { const a = document.querySelector('[data-continue] a'); return a.getAttribute('href') + ' ' + a.textContent })()`); got != basePath+"prep/all/ Every field" {
		t.Errorf("continue link %q", got)
	}
}

// downloads sends the downloads of b's browser context to a folder and
// returns it; other tests' contexts keep their own.
func downloads(b *browserSite) string {
	b.t.Helper()
	dir := b.t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         "allow",
		DownloadPath:     dir,
		BrowserContextID: chromedp.FromContext(b.ctx).BrowserContextID,
	}); err != nil {
		b.t.Fatal(err)
	}
	return dir
}

// waitForFile waits for a download to finish and returns its content.
func waitForFile(t *testing.T, dir, suffix string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		matches, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
		if len(matches) == 1 {
			if data, err := os.ReadFile(matches[0]); err == nil && len(data) > 0 {
				return string(data)
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no %s file was downloaded", suffix)
	return ""
}

// TestExportEraseImport downloads every answer, erases them, restores the
// file, and requires storage to be exactly as it was.
func TestExportEraseImport(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](fill))
	waitFor(b, saved)
	before := storedAnswers(b)

	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	markdown := waitForFile(t, dir, ".md")
	for _, want := range []string{"# Every field", "## Your name\n\nAda", "## Questions\n\n- Which industries?\n- Which bullets?", "## Fears into exclusion criteria: What I fear, and what I exclude"} {
		if !strings.Contains(markdown, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, markdown)
		}
	}

	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	var file struct {
		Format    string `json:"format"`
		Workbooks []struct {
			Title   string `json:"title"`
			Answers []struct {
				Label string `json:"label"`
			} `json:"answers"`
		} `json:"workbooks"`
	}
	if err := json.Unmarshal([]byte(exported), &file); err != nil || file.Format != "coachbook-answers" || len(file.Workbooks) != 1 || file.Workbooks[0].Title != "Every field" {
		t.Fatalf("export %v:\n%s", err, exported)
	}
	if !strings.Contains(exported, `"label": "Your name"`) {
		t.Errorf("the export has no readable labels:\n%s", exported)
	}

	// Erase asks first; a client who cancels loses nothing.
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => false`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	if len(storedAnswers(b)) != len(before) {
		t.Fatal("a cancelled erase removed answers")
	}
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	time.Sleep(300 * time.Millisecond) // The page reloads.
	b.do(chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	if left := storedAnswers(b); len(left) != 0 {
		t.Fatalf("erase left %d keys: %v", len(left), keysOf(left))
	}

	path := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(path, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{path}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	summary := eval[string](b, `document.querySelector('dialog[open] p').textContent`)
	if !strings.HasPrefix(summary, "13 answers will be restored. 0 in the file are older") {
		t.Errorf("restore summary %q", summary)
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	after := storedAnswers(b)
	delete(before, storagePrefix+"meta")
	delete(after, storagePrefix+"meta")
	for k, v := range before {
		if after[k] != v && !strings.Contains(k, ":wb:") {
			t.Errorf("%s: restored %q, had %q", k, after[k], v)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d keys after restoring, %d before", len(after), len(before))
	}
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, readAll); got != wantAll {
		t.Errorf("after restoring:\n%s\nwant:\n%s", got, wantAll)
	}
}

// TestCorruptStoredData puts unreadable data where an answer belongs: it
// is set aside untouched, the client is told, and the page keeps working.
func TestCorruptStoredData(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	key := storagePrefix + "a:prep/all:name"
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('` + key + `', '{not json'); localStorage.setItem('` + storagePrefix + `meta', '[1,2')`))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-notice] p`)))
	stored := storedAnswers(b)
	kept := 0
	for k, v := range stored {
		if strings.Contains(k, ":unreadable:") && (v == "{not json" || v == "[1,2") {
			kept++
		}
	}
	if kept != 2 || stored[key] != "" {
		t.Errorf("unreadable data was not set aside untouched: %v", stored)
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	if !strings.Contains(storedAnswers(b)[key], `"v":"Ada"`) {
		t.Error("the page did not keep saving after setting the data aside")
	}
}

// TestQuotaExceeded fills storage first: the page keeps the answers in
// memory, says they are not saved, and offers the download.
func TestQuotaExceeded(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	// Fill with ever smaller pieces until not one more character fits.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { let i = 0; for (let size = 1e6; size >= 1; size = Math.floor(size / 10)) { const chunk = 'x'.repeat(size); try { for (;;) localStorage.setItem('filler:' + i++, chunk); } catch (e) {} } })()`))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, `document.querySelector('[data-save-status]').textContent.startsWith('Not saved: storage is full')`)
	if got := eval[string](b, `document.getElementById('field-name').value`); got != "Ada" {
		t.Errorf("the answer left the page: %q", got)
	}
	if !eval[bool](b, `!document.querySelector('[data-action=export]').hidden`) {
		t.Error("the download is not offered")
	}
	if text := eval[string](b, `document.querySelector('[data-persist]').textContent`); !strings.Contains(text, "Download your answers to keep a copy") {
		t.Errorf("the page does not say how answers are kept: %q", text)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k))`))
}

// TestTwoTabs edits different fields in two tabs: each appears in the
// other without a reload, and neither overwrites the other.
func TestTwoTabs(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabs(t)

	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	other.do(chromedp.SendKeys(chromedp.CSS(`[id="field-enjoy"]`), "Teaching"))
	waitFor(b, saved)
	waitFor(other, saved)
	waitFor(other, `document.getElementById('field-name').value === 'Ada'`)
	waitFor(b, `document.getElementById('field-enjoy').value === 'Teaching'`)
	stored := storedAnswers(b)
	prefix := storagePrefix + "a:prep/all:"
	if !strings.Contains(stored[prefix+"name"], `"Ada"`) || !strings.Contains(stored[prefix+"enjoy"], `"Teaching"`) {
		t.Errorf("stored: %v", stored)
	}
}

// TestTwoSitesOnOneOrigin serves two sites under two paths of one origin:
// answers given on one never show on the other.
func TestTwoSitesOnOneOrigin(t *testing.T) {
	t.Parallel()
	root := writeSite(t, answersSite)
	b := openSites(t, map[string]string{"/site-a/": root, "/site-b/": root})
	b.do(chromedp.Navigate(b.server.URL+"/site-a/prep/all/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.server.URL+"/site-b/prep/all/"), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value`); got != "" {
		t.Errorf("site B shows site A's answer %q", got)
	}
	b.do(chromedp.Navigate(b.server.URL+"/site-b/"), chromedp.WaitReady(chromedp.CSS("main")))
	if eval[bool](b, `!document.querySelector('[data-continue]').hidden`) {
		t.Error("site B offers to continue site A's workbook")
	}
}

// TestPrintShowsWholeAnswers prints a long answer: the textarea gives way
// to its whole text, and navigation is left out.
func TestPrintShowsWholeAnswers(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	long := strings.Repeat("A long answer that goes on. ", 60)
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById('field-enjoy'); el.value = '` + long + `'; window.dispatchEvent(new Event('beforeprint')); })()`))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	got := eval[string](b, `(() => {
		const area = document.getElementById('field-enjoy');
		const copy = area.nextElementSibling;
		const shown = (el) => getComputedStyle(el).display !== 'none';
		return [shown(area), shown(copy), copy.textContent === area.value, shown(document.querySelector('.breadcrumbs')), shown(document.querySelector('.answer-tools'))].join(',');
	})()`)
	if got != "false,true,true,false,false" {
		t.Errorf("printing shows textarea, copy, whole text, breadcrumbs, tools: %s", got)
	}
}

// TestRenamedAndRemovedFields publishes a new version of a workbook: an
// answer saved under a field's old ID moves to its new one, and the answer
// to a field that is gone is kept and still downloaded.
func TestRenamedAndRemovedFields(t *testing.T) {
	t.Parallel()
	root := writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Drive]{#motto}\n::text[Gone soon]{#gone}\n"})
	b := openSite(t, root)
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-motto"]`), "Purpose"), chromedp.SendKeys(chromedp.CSS(`[id="field-gone"]`), "Kept"))
	waitFor(b, saved)

	writeFile(t, filepath.Join(root, "content/w.md"), "---\ntitle: W\n---\n::text[Your drive]{#drive was=\"motto\"}\n")
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-drive').value`); got != "Purpose" {
		t.Errorf("the renamed field shows %q", got)
	}
	stored := storedAnswers(b)
	if _, old := stored[storagePrefix+"a:w:motto"]; old || !strings.Contains(stored[storagePrefix+"a:w:drive"], "Purpose") {
		t.Errorf("the answer did not move to the new ID: %v", keysOf(stored))
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	if !strings.Contains(exported, `"key": "gone"`) || !strings.Contains(exported, `"value": "Kept"`) || !strings.Contains(exported, `"archived": true`) {
		t.Errorf("the removed field's answer is not in the download:\n%s", exported)
	}
}

// TestRestoreKeepsNewerAnswers restores a file older than the answers on
// the device: nothing newer is replaced, and the client is told.
func TestRestoreKeepsNewerAnswers(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](fill))
	waitFor(b, saved)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	path := filepath.Join(t.TempDir(), "answers.json")
	writeFile(t, path, waitForFile(t, dir, ".json"))

	time.Sleep(20 * time.Millisecond)
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById('field-name'); el.value = 'Grace'; el.dispatchEvent(new Event('input', {bubbles: true})); })()`))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{path}), chromedp.WaitVisible(chromedp.CSS(`dialog[open]`)))
	if got := eval[string](b, `document.querySelector('dialog[open] p').textContent`); got != "0 answers will be restored. 1 in the file are older than yours and will not replace them. 12 are the same." {
		t.Errorf("summary %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	if !strings.Contains(storedAnswers(b)[storagePrefix+"a:prep/all:name"], "Grace") {
		t.Error("an older answer from the file replaced a newer one")
	}

	// A file that is not ours restores nothing and says why.
	writeFile(t, path, `{"hello": "world"}`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{path}))
	waitFor(b, `[...document.querySelectorAll('[data-notice] p')].some(p => p.textContent === 'Nothing was restored. This is not a file of coachbook answers.')`)
}

// TestEraseOneWorkbook erases one workbook's answers and no other's.
func TestEraseOneWorkbook(t *testing.T) {
	t.Parallel()
	files := map[string]string{"content/other.md": "---\ntitle: Other\n---\n::text[Q]{#q}\n"}
	for k, v := range answersSite {
		files[k] = v
	}
	b := openSite(t, writeSite(t, files))
	b.do(chromedp.Navigate(b.url("other/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-q"]`), "Stay"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](fill))
	waitFor(b, saved)
	// A set-aside copy of one of its answers is the client's text too.
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('` + storagePrefix + `unreadable:1:a:prep/all:enjoy', 'secret thoughts{')`))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-workbook]`)))
	for k, v := range storedAnswers(b) {
		if strings.Contains(k, "prep/all") || strings.Contains(v, "prep/all") {
			t.Errorf("%s survived the erase: %s", k, v)
		}
	}
	if !strings.Contains(storedAnswers(b)[storagePrefix+"a:other:q"], "Stay") {
		t.Error("erasing one workbook erased another")
	}
	if got := eval[string](b, `document.getElementById('field-name').value + document.querySelector('[data-progress-text]').textContent`); got != "0 of 13 answered" {
		t.Errorf("after erasing, the page shows %q", got)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOddStoredData puts data the runtime did not write where its own
// belongs: a meta without a schema and a record with an impossible time.
// Both are set aside, the page works, and the download still works.
func TestOddStoredData(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('` + storagePrefix + `meta', '{}'); localStorage.setItem('` + storagePrefix + `a:prep/all:name', '{"v":"Ada","t":1e20}')`))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-notice] p`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-enjoy"]`), "Teaching"))
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-enjoy').value`); got != "Teaching" {
		t.Errorf("after setting odd data aside, the page kept %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	if !strings.Contains(exported, `"raw": "{\"v\":\"Ada\",\"t\":1e20}"`) || !strings.Contains(exported, `"value": "Teaching"`) {
		t.Errorf("the download lacks the set-aside record or the answer:\n%s", exported)
	}
}

// TestHostileImport offers files that are not the site's own: IDs that
// would reach into JavaScript objects, keys with separators, and bad
// times. Nothing is restored and the client is told why.
func TestHostileImport(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	path := filepath.Join(t.TempDir(), "answers.json")
	for _, workbooks := range []string{
		`[{"id": "__proto__", "answers": [{"key": "x", "value": "evil", "updated": "2026-01-01T00:00:00Z"}]}]`,
		`[{"id": "w", "answers": [{"key": "a:b", "value": "x", "updated": "2026-01-01T00:00:00Z"}]}]`,
		`[{"id": "w", "answers": [{"key": "a", "value": "x", "updated": "soon"}]}]`,
	} {
		writeFile(t, path, `{"format": "coachbook-answers", "version": 1, "workbooks": `+workbooks+`}`)
		b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{path}))
		waitFor(b, `[...document.querySelectorAll('[data-notice] p')].some(p => p.textContent.startsWith('Nothing was restored. This file is damaged'))`)
		b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-notice]').replaceChildren()`))
		if n := len(storedAnswers(b)); n != 0 {
			t.Errorf("%s: %d keys were stored", workbooks, n)
		}
	}
	if eval[bool](b, `'answers' in {}`) {
		t.Error("an import reached Object.prototype")
	}
}

// TestStorageDisabled runs the page where the browser refuses storage, as
// some private modes and policies do: the page works and says so.
func TestStorageDisabled(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Storage.prototype.setItem = function () { throw new DOMException("The operation is insecure.", "SecurityError"); };`,
	}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-save-status]`)))
	if got := eval[string](b, `document.querySelector('[data-save-status]').textContent`); !strings.HasPrefix(got, "Not saved: this browser does not allow saving") {
		t.Errorf("status %q", got)
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"), chromedp.Click(chromedp.CSS(`[id="field-now:4"]`)))
	if got := eval[string](b, `document.querySelector('[data-progress-text]').textContent`); got != "2 of 13 answered" {
		t.Errorf("progress without storage %q", got)
	}
}

// TestSharedComputer turns on the shared-computer choice: answers then
// live in this tab's session storage, and none reach local storage.
func TestSharedComputer(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-shared-choice]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-shared]`)))
	waitFor(b, `document.querySelector('[data-shared]')?.checked === true`)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"))
	waitFor(b, saved)
	if n := len(storedAnswers(b)); n != 0 {
		t.Errorf("%d keys reached local storage on a shared computer", n)
	}
	if !eval[bool](b, `Object.keys(sessionStorage).some(k => k.endsWith(':a:prep/all:name'))`) {
		t.Error("the answer is not in the tab's session storage")
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value`); got != "Ada" {
		t.Errorf("within the tab the answer is %q", got)
	}
	if text := eval[string](b, `document.querySelector('[data-persist]').textContent`); !strings.HasPrefix(text, "This is a shared computer") {
		t.Errorf("the page says %q", text)
	}
}

// openTwoTabs opens the answers site's workbook in two tabs of one
// browser context, which share its storage.
func openTwoTabs(t *testing.T) (*browserSite, *browserSite) {
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	return b, other
}
