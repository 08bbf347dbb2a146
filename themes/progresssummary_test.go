package themes_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// summarySite has a workbook of every field kind, one of show-if
// questions and a repeating log, and a journal whose entries repeat.
func summarySite() map[string]string {
	site := maps.Clone(answersSite)
	site["content/w.md"] = showIfPage
	site["content/j.md"] = repeatSite["content/j.md"]
	return site
}

const (
	// fieldFilesLoaded counts the field files the page loaded.
	fieldFilesLoaded = `performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/workbook-fields.')).length`
	// pageProgress is what a workbook page says of its progress.
	pageProgress = `document.querySelector('[data-progress-text]').textContent`
	// dropSummaries forgets every saved progress summary.
	dropSummaries = `(() => { Object.keys(localStorage).filter(k => k.startsWith('` + storagePrefix + `p:')).forEach(k => localStorage.removeItem(k)); return true; })()`
)

// cardSays is what the card of workbook id says of its progress, or
// "hidden".
func cardSays(b *browserSite, id string) string {
	b.t.Helper()
	return eval[string](b, `(() => { const c = document.querySelector('[data-workbook="`+id+`"] [data-card-progress]');
		return c.hidden ? 'hidden' : c.querySelector('progress').value + '/' + c.querySelector('progress').max + ' ' + c.querySelector('span').textContent })()`)
}

// openHome opens the home page and waits until every card shows its
// progress.
func openHome(b *browserSite) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	waitFor(b, `[...document.querySelectorAll('[data-card-progress]')].every(c => !c.hidden)`)
}

// TestProgressSummaryAfterAnswering answers workbooks of every kind (rows,
// choices with options, show-if, repeats) on their pages, and finds the
// home page shows each card as the page counted it, from the summary the
// page saved, without loading any field file; with the summaries gone,
// it counts the same from the field files, and saves them again.
func TestProgressSummaryAfterAnswering(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, summarySite()))
	want := map[string]string{}
	answer := func(id, script string) {
		t.Helper()
		b.do(chromedp.Navigate(b.url(id+"/")), chromedp.WaitVisible(chromedp.CSS(`[data-progress]`)))
		b.do(chromedp.Evaluate[chromedp.Void](script))
		waitFor(b, saved)
		want[id] = eval[string](b, `document.querySelector('[data-progress] progress').value + '/' + document.querySelector('[data-progress] progress').max + ' ' + `+pageProgress)
	}
	answer("prep/all", fill)
	answer("w", `(() => {
		const set = (el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); };
		document.querySelector('label[for="field-mood:1"]').click();
		document.querySelector('label[for="field-role:0"]').click();
		set(document.getElementById('field-boss'), 'Ana');
		set(document.querySelector('[data-entry] [data-field$=".sleep"] input'), '5');
	})()`)
	answer("j", `(() => { const el = document.querySelector('[data-entry] [data-field$=".title"] input'); el.value = 'First'; el.dispatchEvent(new Event('input', {bubbles: true})); })()`)
	if want["w"] == "" || strings.HasPrefix(want["prep/all"], "0/") {
		t.Fatalf("the pages count %v", want)
	}

	openHome(b)
	for id, w := range want {
		if got := cardSays(b, id); got != w {
			t.Errorf("the card of %s says %q, its page %q", id, got, w)
		}
	}
	if n := eval[int](b, fieldFilesLoaded); n != 0 {
		t.Errorf("the home page loaded %d field files, with every summary saved", n)
	}

	eval[bool](b, dropSummaries)
	openHome(b)
	for id, w := range want {
		if got := cardSays(b, id); got != w {
			t.Errorf("without summaries, the card of %s says %q, its page %q", id, got, w)
		}
	}
	if n := eval[int](b, fieldFilesLoaded); n == 0 {
		t.Error("without summaries, the home page loaded no field file to count by")
	}
	if got := eval[int](b, `Object.keys(localStorage).filter(k => k.startsWith('`+storagePrefix+`p:')).length`); got != len(want) {
		t.Errorf("counting kept %d summaries, want %d", got, len(want))
	}
}

// TestProgressSummaryAfterRestore restores a file on the home page: the
// cards of the restored workbooks show what their pages count for the
// same answers, at once and after a reload, which needs no field file.
func TestProgressSummaryAfterRestore(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, summarySite()))
	openHome(b)
	before := cardSays(b, "w")
	when := "2026-01-01T00:00:00Z"
	restoreFile(b, answersFile(t,
		map[string]any{"id": "w", "title": "W", "url": basePath + "w/", "answers": []answer{
			{Key: "mood", Label: "Mood", Value: raw(t, "1"), Updated: when},
			{Key: "boss", Label: "Boss", Value: raw(t, "Ana"), Updated: when},
		}},
		map[string]any{"id": "prep/all", "title": "Every field", "url": basePath + "prep/all/", "answers": []answer{
			{Key: "driver", Label: "Main driver", Value: raw(t, "Gone option"), Updated: when},
			{Key: "docs", Label: "Documents", Value: raw(t, []string{"Resume"}), Updated: when},
			{Key: "fears.pairs", Label: "Fears", Value: raw(t, []map[string]string{{"fear": "Heights"}}), Updated: when},
		}}))
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(b, "5 answers restored")
	got := map[string]string{"w": cardSays(b, "w"), "prep/all": cardSays(b, "prep/all")}
	if got["w"] == before {
		t.Errorf("the card of w still says %q after the restore", before)
	}
	b.do(chromedp.Reload())
	openHome(b)
	for id, g := range got {
		if again := cardSays(b, id); again != g {
			t.Errorf("after a reload the card of %s says %q, right after restoring %q", id, again, g)
		}
	}
	if n := eval[int](b, fieldFilesLoaded); n != 0 {
		t.Errorf("after a reload the home page loaded %d field files: the restore kept no summary", n)
	}
	for id, g := range got {
		b.do(chromedp.Navigate(b.url(id+"/")), chromedp.WaitVisible(chromedp.CSS(`[data-progress]`)))
		if page := eval[string](b, `document.querySelector('[data-progress] progress').value + '/' + document.querySelector('[data-progress] progress').max + ' ' + `+pageProgress); page != g {
			t.Errorf("the page of %s counts %q, its card said %q", id, page, g)
		}
	}
}

// TestProgressSummaryFieldsChanged saves a summary, then the author adds
// a question: the home page counts the workbook again from its fields,
// and keeps the new count; an edit of the prose alone keeps the summary.
func TestProgressSummaryFieldsChanged(t *testing.T) {
	t.Parallel()
	v1 := map[string]string{
		"content/_index.md": "---\ntitle: Companion\n---\nWelcome.\n",
		"content/w.md":      "---\ntitle: W\n---\n::text[Your name]{#name}\n::text[Your role]{#role}\n",
	}
	root := writeSite(t, v1)
	b := openSite(t, root)
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-progress]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`#field-name`), "Ada"))
	waitFor(b, saved)
	openHome(b)
	if got := cardSays(b, "w"); got != "1/2 1 of 2 answered" {
		t.Fatalf("before the change the card says %q", got)
	}

	writeFile(t, root+"/content/w.md", "---\ntitle: W\n---\nNew prose.\n\n::text[Your name]{#name}\n::text[Your role]{#role}\n")
	b.rebuild(basePath, root)
	openHome(b)
	if n := eval[int](b, fieldFilesLoaded); n != 0 || cardSays(b, "w") != "1/2 1 of 2 answered" {
		t.Errorf("after a prose edit the card says %q, loading %d field files", cardSays(b, "w"), n)
	}

	writeFile(t, root+"/content/w.md", "---\ntitle: W\n---\n::text[Your name]{#name}\n::text[Your role]{#role}\n::text[Your goal]{#goal}\n")
	b.rebuild(basePath, root)
	openHome(b)
	if got := cardSays(b, "w"); got != "1/3 1 of 3 answered" {
		t.Errorf("after a question was added the card says %q, want 1 of 3", got)
	}
	b.do(chromedp.Reload())
	openHome(b)
	if n := eval[int](b, fieldFilesLoaded); n != 0 || cardSays(b, "w") != "1/3 1 of 3 answered" {
		t.Errorf("counted again, the summary was not kept: the card says %q, loading %d field files", cardSays(b, "w"), n)
	}
}
