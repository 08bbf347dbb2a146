package themes_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// bigBookSite has six workbooks of 300 questions each: their book runs
// to several book files (generator/fieldfiles.go), two workbooks a file.
func bigBookSite() map[string]string {
	files := map[string]string{"content/_index.md": "---\ntitle: Companion\n---\nWelcome.\n"}
	for w := 1; w <= 6; w++ {
		var body strings.Builder
		fmt.Fprintf(&body, "---\ntitle: Workbook %d\nweight: %d\n---\n", w, w)
		for q := 1; q <= 300; q++ {
			fmt.Fprintf(&body, "::text[Question %d of workbook %d, asked at length so that the book of this workbook runs long %s]{#q%d}\n\n", q, w, strings.Repeat("and longer ", 12), q)
		}
		files[fmt.Sprintf("content/w%d.md", w)] = body.String()
	}
	return files
}

// bookFilesLoaded lists the book files the page loaded.
const bookFilesLoaded = `performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.includes('/workbook-book.')).join(' ')`

// bookFileOf gives the book file the page's index names for workbook id.
func bookFileOf(id string) string {
	return `JSON.parse(document.getElementById('coachbook-book').textContent).filter(g => g.workbooks.some(w => w[0] === ` + fmt.Sprintf("%q", id) + `)).map(g => g.src)[0]`
}

// TestBookLoadsOnlyAnsweredWorkbooks: "My answers" of a site whose book
// runs to several files shows a workbook's answer once saved, loading the
// book file of that workbook only; a workbook without answers shows its
// questions once opened; the review page shows a file's answers the same
// way.
func TestBookLoadsOnlyAnsweredWorkbooks(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, bigBookSite()))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("w5/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	setValue(b, `[id="field-q2"]`, "My answer to five")
	waitFor(b, saved)

	b.do(chromedp.Navigate(b.url("answers/")), chromedp.WaitVisible(chromedp.CSS(`[data-book]`)))
	if files := eval[int](b, `new Set(JSON.parse(document.getElementById('coachbook-book').textContent).map(g => g.src)).size`); files < 3 {
		t.Fatalf("the book runs to %d files, want several", files)
	}
	want := eval[string](b, bookFileOf("w5"))
	if got := eval[string](b, bookFilesLoaded); got != want {
		t.Errorf("My answers loaded the book files %q, want only %q", got, want)
	}
	if got := eval[string](b, `document.querySelector('[data-book-workbook="w5"] .book-answer').textContent`); got != "My answer to five" {
		t.Errorf("the answer shows as %q", got)
	}
	if got := eval[string](b, `document.querySelector('[data-book-progress]').textContent`); got != "0 of 6 workbooks done" {
		t.Errorf("overall progress %q", got)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-book-workbook]')].map(d => d.getAttribute('data-book-workbook') + ':' + d.open).join(' ')`); got != "w1:false w2:false w3:false w4:false w5:true w6:false" {
		t.Errorf("workbooks opened: %s", got)
	}

	// A workbook without answers, opened, shows its questions.
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-book-workbook="w1"]').open = true`))
	waitFor(b, `document.querySelectorAll('[data-book-workbook="w1"] .book-question').length === 300`)
	if got := eval[string](b, `document.querySelector('[data-book-workbook="w1"] .book-none').textContent`); got != "Not answered yet" {
		t.Errorf("an empty question of an opened workbook shows %q", got)
	}

	// The review page shows a client's file, loading its workbooks' book files.
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	name, _ := downloaded(t, dir, ".json")
	coach := openFresh(b)
	coach.do(chromedp.Navigate(b.url("review/")), chromedp.WaitVisible(chromedp.CSS(`[data-review-choose]`)))
	if got := eval[string](coach, bookFilesLoaded); got != "" {
		t.Errorf("the review page loaded %q before any file", got)
	}
	reviewFile(coach, dir+"/"+name)
	waitFor(coach, `!document.querySelector('[data-book]').hidden`)
	if got := eval[string](coach, bookFilesLoaded); got != want {
		t.Errorf("the review page loaded the book files %q, want only %q", got, want)
	}
	if got := eval[string](coach, `document.querySelector('[data-book-workbook="w5"] .book-answer').textContent`); got != "My answer to five" {
		t.Errorf("the review shows the answer as %q", got)
	}
}
