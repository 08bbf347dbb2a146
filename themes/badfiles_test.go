package themes_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// readCounter counts the page's reads of a file's content.
const readCounter = `(() => {
	const text = Blob.prototype.text;
	Blob.prototype.text = function () { window.fileReads = (window.fileReads || 0) + 1; return text.call(this); };
})()`

// badFilePage opens the home page of answersSite with one answer saved,
// and returns the storage it then holds.
func badFilePage(t *testing.T) (*browserSite, map[string]string) {
	t.Helper()
	b := openSite(t, writeSite(t, answersSite))
	beforeRuntime(b, readCounter)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.ID(`field-name`), "Kept"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	return b, storedAnswers(b)
}

// stillWorks checks that storage is as it was and that the page goes on
// saving: a field of the workbook still saves.
func stillWorks(t *testing.T, b *browserSite, before map[string]string) {
	t.Helper()
	if got := storedAnswers(b); !equalMaps(got, before) {
		t.Errorf("a bad file changed storage:\n%v\nwas\n%v", got, before)
	}
	if eval[bool](b, `({}).polluted !== undefined || Object.prototype.hasOwnProperty('polluted') || typeof Object.prototype.v !== 'undefined'`) {
		t.Error("a file reached Object.prototype")
	}
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value`); got != "Kept" {
		t.Errorf("the workbook shows %q", got)
	}
	b.do(chromedp.SendKeys(chromedp.ID(`field-enjoy`), "Still saving"))
	waitFor(b, saved)
	if !strings.Contains(storedAnswers(b)[storagePrefix+"a:prep/all:enjoy"], "Still saving") {
		t.Error("after a bad file, a field no longer saves")
	}
}

// offer clears the notices and offers the file at path to Restore.
func offer(b *browserSite, path string) {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-notice]').replaceChildren()`))
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{path}))
}

// TestRestoreHugeFile offers a file of 50 MB: it is refused before it is
// read, says so, and writes nothing.
func TestRestoreHugeFile(t *testing.T) {
	t.Parallel()
	b, before := badFilePage(t)
	path := fileOfSize(t, 50<<20)
	offer(b, path)
	noticeSays(b, "Nothing was restored. The file is too large to be a file of answers.")
	if n := eval[int](b, `window.fileReads || 0`); n != 0 {
		t.Errorf("the 50 MB file was read %d times", n)
	}
	stillWorks(t, b, before)
}

// TestRestoreHostileFiles offers files that are exports in form only:
// prototype keys as workbook IDs, field keys and keys of values, and
// every part of the wrong type. Each restores nothing, says why, reaches
// no prototype, and the page goes on working.
func TestRestoreHostileFiles(t *testing.T) {
	t.Parallel()
	b, before := badFilePage(t)
	const when = `"updated": "2030-01-01T00:00:00Z"`
	dir := t.TempDir()
	for i, c := range []struct{ name, file, says string }{
		{"prototype keys as workbook IDs", `{"format": "coachbook-answers", "version": 1, "workbooks": [
			{"id": "__proto__", "answers": [{"key": "polluted", "value": "x", ` + when + `}]},
			{"id": "constructor", "answers": [{"key": "prototype", "value": "x", ` + when + `}]},
			{"id": "prototype", "answers": [{"key": "polluted", "value": "x", ` + when + `}]}]}`,
			"Nothing was restored. This file is damaged"},
		{"prototype keys as field keys", `{"format": "coachbook-answers", "version": 1, "workbooks": [
			{"id": "prep/all", "answers": [{"key": "__proto__", "value": {"polluted": 1}, ` + when + `},
				{"key": "constructor", "value": {"prototype": {"polluted": 1}}, ` + when + `},
				{"key": "prototype", "value": {"polluted": 1}, ` + when + `},
				{"key": "name.__proto__", "value": "x", ` + when + `}]}]}`,
			"Nothing was restored. This file is damaged"},
		{"prototype keys in a value", `{"format": "coachbook-answers", "version": 1, "workbooks": [
			{"id": "prep/all", "answers": [{"key": "cards", "value": {"__proto__": {"polluted": {"v": 1}}}, ` + when + `},
				{"key": "sorted", "value": {"__proto__": "polluted"}, ` + when + `}]},
			{"id": "other", "answers": [{"key": "cards", "value": [{"__proto__": 1}], ` + when + `}]}]}`,
			"Nothing was restored. This file is damaged"},
		{"prototype keys in objects", `{"format": "coachbook-answers", "version": 1, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},
			"site": {"__proto__": {"polluted": 1}}, "workbooks": [
			{"id": "prep/all", "__proto__": {"polluted": 1}, "answers": [{"__proto__": {"polluted": 1}, "key": "enjoy", "value": {"__proto__": {"polluted": 1}}, ` + when + `},
				{"key": "actions.tasks", "value": [{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}], ` + when + `}]}]}`,
			"Nothing was restored. This file is damaged"},
		{"wrong types", `{"format": "coachbook-answers", "version": 1, "workbooks": [1, "x", null, [], {"id": 5}, {"id": "prep/all", "answers": {"key": "name"}},
			{"id": "prep/all", "answers": [null, 7, {"key": 5, "value": "x", ` + when + `}, {"key": "name", "value": 5, ` + when + `},
				{"key": "name", "value": "x", "updated": 12345}, {"key": "name", "value": ["x"], ` + when + `}, {"key": "ready", "value": "yes", ` + when + `},
				{"key": "now", "value": {"v": 3}, ` + when + `}]}]}`,
			"Nothing was restored. This file is damaged"},
		{"workbooks of the wrong type", `{"format": "coachbook-answers", "version": 1, "workbooks": {"prep/all": []}}`,
			"Nothing was restored. This is not a file of coachbook answers."},
		{"format of the wrong type", `{"format": ["coachbook-answers"], "version": 1, "workbooks": []}`,
			"Nothing was restored. This is not a file of coachbook answers."},
		{"not JSON", `<html><script>window.polluted = 1</script></html>`,
			"Nothing was restored. This is not a file of coachbook answers."},
	} {
		path := filepath.Join(dir, fmt.Sprintf("answers-%d.json", i))
		writeFile(t, path, c.file)
		offer(b, path)
		waitFor(b, `!!document.querySelector('dialog[open]') || document.querySelectorAll('[data-notice] p').length > 0`)
		if got := eval[string](b, `document.querySelector('[data-notice]').textContent`); !strings.HasPrefix(got, c.says) {
			t.Errorf("%s: the page says %q, want %q", c.name, got, c.says)
		}
		if eval[bool](b, `!!document.querySelector('dialog')`) {
			t.Errorf("%s: a dialog opened: %s", c.name, dialogText(b))
			b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=cancel]`)))
		}
		if got := storedAnswers(b); !equalMaps(got, before) {
			t.Errorf("%s: storage changed:\n%v", c.name, got)
		}
		if eval[bool](b, `({}).polluted !== undefined || window.polluted !== undefined`) {
			t.Errorf("%s: the file reached Object.prototype or the page", c.name)
		}
	}
	stillWorks(t, b, before)
}

// TestRestoreMarkup restores answers, a label and a workbook title that
// hold markup: they are shown as text, in the dialog and on the page.
func TestRestoreMarkup(t *testing.T) {
	t.Parallel()
	b, _ := badFilePage(t)
	restoreFile(b, answersFile(t, map[string]any{"id": "prep/all", "title": hostile + " title", "answers": []answer{
		{Key: "name", Label: hostile + " label", Value: raw(t, hostile), Updated: "2030-01-01T00:00:00Z"},
		{Key: "questions", Value: raw(t, []string{hostile}), Updated: "2030-01-01T00:00:00Z"},
	}}))
	if got := dialogText(b); !strings.Contains(got, hostile+" title: "+hostile+" label (replaces yours)") {
		t.Errorf("the dialog shows:\n%s", got)
	}
	if n := eval[int](b, `document.querySelectorAll('dialog img, dialog [onerror]').length`); n != 0 {
		t.Errorf("the dialog made %d elements of the file's markup", n)
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(b, "2 answers restored from the file.")
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value + '|' + document.querySelector('[data-field="questions"] [data-item-input]').value`); got != hostile+"|"+hostile {
		t.Errorf("the page shows %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll('main img, main [onerror]').length`); n != 0 {
		t.Errorf("the page made %d elements of the file's markup", n)
	}
}

// TestRestoreHundredThousandAnswers offers an export of 100,000 answers,
// as a hostile or broken file might hold. The page says what it does with
// them, in one go or not at all, and keeps working; the time checking
// takes is logged.
func TestRestoreHundredThousandAnswers(t *testing.T) {
	t.Parallel()
	b, before := badFilePage(t)
	answers := make([]map[string]string, 100000)
	for i := range answers {
		answers[i] = map[string]string{"key": fmt.Sprintf("q%d", i), "value": "x", "updated": "2030-01-01"}
	}
	data, err := json.Marshal(map[string]any{"format": "coachbook-answers", "version": 1, "workbooks": []any{map[string]any{"id": "prep/all", "answers": answers}}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "answers.json")
	writeFile(t, path, string(data))
	t.Logf("the file of 100,000 answers weighs %d bytes", len(data))
	start := time.Now()
	offer(b, path)
	waitFor(b, `!!document.querySelector('dialog[open]') || [...document.querySelectorAll('[data-notice] p')].length > 0`)
	t.Logf("checking 100,000 answers took %v", time.Since(start))
	t.Logf("the page says: %s", eval[string](b, `(document.querySelector('dialog[open]') || document.querySelector('[data-notice]')).textContent.slice(0, 300)`))
	noticeSays(b, "Nothing was restored. This file holds more than 10000 answers, more than any site asks: it cannot be a file of your answers.")
	if eval[bool](b, `!!document.querySelector('dialog')`) {
		t.Error("a dialog opened")
	}
	stillWorks(t, b, before)
}

// fileOfSize makes a file of size bytes without writing them: its holes
// read as zeros.
func fileOfSize(t *testing.T, size int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "answers.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return path
}
