package themes_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// reviewSays waits until the review page's status starts with text.
func reviewSays(b *browserSite, text string) {
	b.t.Helper()
	waitFor(b, `document.querySelector('[data-review-status]').textContent.startsWith(`+jsString(text)+`)`)
}

// fileOf writes content to a file called name and returns its path.
func fileOf(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, content)
	return path
}

// goodFile is a file of answers to bookSite, from the client called
// name.
func goodFile(t *testing.T, name, why string) string {
	return fileOf(t, "answers-"+name+".json", `{"format": "coachbook-answers", "version": 1, "site": {"id": "`+basePath+`", "title": "Companion"}, "client": "`+name+`", "exported": "2026-11-22T10:00:00.000Z",
		"workbooks": [{"id": "start", "title": "Getting started", "answers": [{"key": "why", "label": "What brings you here?", "value": `+jsString(why)+`, "updated": "2026-11-21T18:04:11.000Z"}]}]}`)
}

// TestReviewReplacesAndNotes: a second file replaces the first; a file
// from another site, or with answers to questions the site no longer
// asks or workbooks it lacks, shows with a note and every answer.
func TestReviewReplacesAndNotes(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, bookSite))
	b.do(chromedp.Navigate(b.url("review/")), chromedp.WaitVisible(chromedp.CSS(`[data-review-choose]`)))
	reviewFile(b, goodFile(t, "Ada", "A first answer"))
	reviewSays(b, "Showing the answers in answers-Ada.json")
	reviewFile(b, goodFile(t, "Bo", "A second answer"))
	reviewSays(b, "Showing the answers in answers-Bo.json")
	if got := eval[string](b, `document.querySelector('[data-review-client]').textContent + '|' + [...document.querySelectorAll('.book-answer')].map(e => e.textContent).join('|')`); got != "Answers of Bo|A second answer" {
		t.Errorf("after a second file: %s", got)
	}

	other := fileOf(t, "other.json", `{"format": "coachbook-answers", "version": 1, "site": {"id": "elsewhere.example/", "title": "Another centre"},
		"workbooks": [
			{"id": "start", "title": "Getting started", "answers": [
				{"key": "why", "label": "What brings you here?", "value": "Kept", "updated": "2026-11-21T18:04:11.000Z"},
				{"key": "gone", "label": "A question since removed", "value": "Still here", "updated": "2026-11-21T18:04:11.000Z"}]},
			{"id": "old/workbook", "title": "An old workbook", "answers": [
				{"key": "plan", "label": "My plan", "value": ["Walk", "Rest"], "updated": "2026-11-21T18:04:11.000Z"}]}]}`)
	reviewFile(b, other)
	reviewSays(b, "Showing the answers in other.json")
	if got := eval[string](b, `[...document.querySelectorAll('[data-review-notes] li')].map(e => e.textContent).join('\n')`); got != "This file comes from another site (Another centre).\n2 answers are to questions this site no longer asks, or to workbooks it does not have. They are shown under a note." {
		t.Errorf("notes:\n%s", got)
	}
	if got := eval[string](b, `document.querySelector('[data-review-client]').textContent`); got != "A client's answers (no name given)" {
		t.Errorf("whose, with no name: %q", got)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-book-workbook="start"] .book-exercise, [data-book-workbook="start"] .book-question, [data-book-workbook="start"] .book-answer, [data-book-others] h2, [data-book-others] h3, [data-book-others] .book-question, [data-book-others] li')].map(e => e.textContent).join('|')`); got != "What brings you here?|Kept|Answers to questions this workbook no longer asks|A question since removed|Still here|Answers to workbooks this site does not have|An old workbook|My plan|Walk|Rest" {
		t.Errorf("the answers shown: %s", got)
	}
	if !eval[bool](b, storageIsEmpty) {
		t.Error("the review stored something")
	}
}

// TestReviewBadFiles opens every kind of bad file on the review page: each
// says why it cannot be shown, shows nothing of it and stores nothing,
// hostile text stays text, no file reaches Object.prototype, and the page
// still opens a good file afterwards.
func TestReviewBadFiles(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, bookSite))
	b.do(chromedp.Navigate(b.url("review/")), chromedp.WaitVisible(chromedp.CSS(`[data-review-choose]`)))

	big := fileOfSize(t, 50<<20)

	for _, c := range []struct{ name, path, says string }{
		{"not JSON", fileOf(t, "notes.txt", "Dear coach, here are my notes."), "This file cannot be shown. This is not a file of coachbook answers."},
		{"another JSON", fileOf(t, "other.json", `{"hello": "world"}`), "This file cannot be shown. This is not a file of coachbook answers."},
		{"a newer version", fileOf(t, "newer.json", `{"format": "coachbook-answers", "version": 9, "workbooks": []}`), "This file cannot be shown. This file comes from a newer version of coachbook."},
		{"wrong types", fileOf(t, "types.json", `{"format": "coachbook-answers", "version": 1, "workbooks": "all"}`), "This file cannot be shown. This is not a file of coachbook answers."},
		{"answers of wrong types", fileOf(t, "values.json", `{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "start", "answers": [{"key": "why", "value": {"a": 1}, "updated": "2026-01-01T00:00:00Z"}, {"key": 7, "value": "x", "updated": "2026-01-01T00:00:00Z"}, {"key": "why", "value": "x", "updated": "soon"}]}, 5, null]}`), "This file cannot be shown. This file is damaged"},
		{"50 MB", big, "This file cannot be shown. The file is too large to be a file of answers."},
		{"prototype keys", fileOf(t, "proto.json", `{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "__proto__", "answers": [{"key": "polluted", "value": "yes", "updated": "2026-01-01T00:00:00Z"}]}, {"id": "start", "answers": [{"key": "__proto__", "value": "yes", "updated": "2026-01-01T00:00:00Z"}]}]}`), "This file cannot be shown. This file is damaged"},
	} {
		reviewFile(b, goodFile(t, "Ada", "Good"))
		reviewSays(b, "Showing the answers in answers-Ada.json")
		reviewFile(b, c.path)
		reviewSays(b, c.says)
		if got := eval[string](b, `[document.querySelector('[data-book]').hidden, document.querySelector('[data-review-about]').hidden, document.querySelectorAll('.book-answer').length].join()`); got != "true,true,0" {
			t.Errorf("%s: the page still shows a file: %s", c.name, got)
		}
	}

	// Prototype keys that the checks keep, as workbook IDs, field keys
	// and keys of values, stay in the page's own objects.
	reviewFile(b, fileOf(t, "keys.json", `{"format": "coachbook-answers", "version": 1, "workbooks": [
		{"id": "constructor", "title": "toString", "answers": [{"key": "constructor", "label": "hasOwnProperty", "value": {"__proto__": {"polluted": "yes"}, "constructor": "x"}, "updated": "2026-01-01T00:00:00Z"}]},
		{"id": "start", "title": "Getting started", "answers": [{"key": "prototype", "value": "p", "updated": "2026-01-01T00:00:00Z"}, {"key": "why", "value": "<img src=x onerror=\"document.title='owned'\"><script>document.title='owned'</script>", "updated": "2026-01-01T00:00:00Z"}]}]}`))
	reviewSays(b, "Showing the answers in keys.json")
	if got := eval[string](b, `[typeof ({}).polluted, document.title.includes('owned'), document.querySelectorAll('[data-book] img, [data-book] script:not([type="application/json"])').length].join()`); got != "undefined,false,0" {
		t.Errorf("a hostile file reached the page: %s", got)
	}
	if got := eval[string](b, `document.querySelector('[data-book-workbook="start"] .book-answer').textContent`); !strings.HasPrefix(got, "<img src=x") {
		t.Errorf("markup shows as %q", got)
	}

	// 100,000 answers are more than any site asks: refused, as a restore
	// refuses them. 9,000, to entries of a repeating exercise and to
	// questions the site lacks: the page shows the first 200 of each,
	// says how many more, and keeps working.
	reviewFile(b, manyAnswers(t, 100000))
	reviewSays(b, "This file cannot be shown. This file holds more than 10000 answers")
	reviewFile(b, manyAnswers(t, 9000))
	reviewSays(b, "Showing the answers in many.json")
	if got := eval[string](b, `[document.querySelectorAll('[data-book-workbook="after/journal"] .book-entry').length, [...document.querySelectorAll('[data-book-workbook="after/journal"] .book-answer')].filter(e => e.textContent.endsWith('more')).map(e => e.textContent).join('|')].join()`); got != "200,and 4300 more|and 4300 more" {
		t.Errorf("9,000 answers: %s", got)
	}
	reviewFile(b, goodFile(t, "Ada", "Good after all"))
	reviewSays(b, "Showing the answers in answers-Ada.json")
	if got := eval[string](b, `document.querySelector('.book-answer').textContent`); got != "Good after all" {
		t.Errorf("after the bad files: %q", got)
	}
	if !eval[bool](b, storageIsEmpty) {
		t.Error("the review stored something")
	}
}

// manyAnswers writes a file of n answers to the journal of bookSite, half
// to entries of its repeating exercise and half to questions it lacks.
func manyAnswers(t *testing.T, n int) string {
	var many strings.Builder
	many.WriteString(`{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "after/journal", "answers": [`)
	for i := range n {
		if i > 0 {
			many.WriteString(",")
		}
		if i%2 == 0 {
			fmt.Fprintf(&many, `{"key":"day@%x.what","value":"e","updated":"2026"}`, i+1)
		} else {
			fmt.Fprintf(&many, `{"key":"q%d","value":"x","updated":"2026"}`, i)
		}
	}
	many.WriteString(`]}]}`)
	return fileOf(t, "many.json", many.String())
}

// TestReviewAProtectedFile: the client downloads their answers with their
// name and a passphrase; the coach opens the file on the review page in
// another browser, gives a wrong passphrase (told so, nothing shown),
// then the right one, and reads every answer; their browser keeps
// nothing.
func TestReviewAProtectedFile(t *testing.T) {
	t.Parallel()
	b, dir := namedClient(t)
	protectDownload(b, passphrase, passphrase, true)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	name, sealed := downloaded(t, dir, ".json")
	if strings.Contains(sealed, "Call Sam") || strings.Contains(sealed, "A. B.") {
		t.Fatal("the protected file can be read without its passphrase")
	}

	coach := openFresh(b)
	coach.do(chromedp.Navigate(b.url("review/")), chromedp.WaitVisible(chromedp.CSS(`[data-review-choose]`)))
	reviewFile(coach, filepath.Join(dir, name))
	typePassphrase(coach, "not the passphrase")
	waitFor(coach, `document.querySelector('dialog[open] [role=alert]')?.textContent === 'The passphrase is wrong, or the file was changed after it was protected. Nothing was opened.'`)
	if !eval[bool](coach, `document.querySelector('[data-book]').hidden`) {
		t.Error("a wrong passphrase showed answers")
	}
	coach.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('dialog[open] input[type=password]').value = ''`))
	typePassphrase(coach, passphrase)
	reviewSays(coach, "Showing the answers in "+name)
	if got := eval[string](coach, bookText); got != wantBook {
		t.Errorf("the review shows:\n%s\nwant:\n%s", got, wantBook)
	}
	if got := eval[string](coach, `document.querySelector('[data-review-client]').textContent`); got != "Answers of A. B." {
		t.Errorf("whose: %q", got)
	}
	if !eval[bool](coach, storageIsEmpty) {
		t.Errorf("the coach's browser keeps: %s", eval[string](coach, `JSON.stringify(Object.assign({}, localStorage, sessionStorage))`))
	}
}
