package themes_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// repeatSite has a journal that repeats, two entries making it done.
var repeatSite = map[string]string{
	"content/j.md": `---
title: Journal
---
:::exercise{#journal repeat min=2 title="Journal entry" add="Add today's entry"}
::text[Title]{#title}
::scale[Mood]{#mood min=0 max=10 optional}
::textarea[What happened]{#what optional}
:::
`,
}

const (
	// entryTitles lists each entry on the page, top first: whether it is
	// open, and what its title field holds.
	entryTitles = `JSON.stringify([...document.querySelectorAll('[data-entry]')].map(d => [d.open, d.querySelector('[data-field$=".title"] input').value]))`
	// journalKeys counts the stored answers of the journal's entries.
	journalKeys = `Object.keys(localStorage).filter(k => k.startsWith('` + storagePrefix + `a:j:journal@')).length`
)

// titleOf selects the title box of the entry at place n (1 is the top).
func titleOf(n string) chromedp.CSS {
	return chromedp.CSS(`[data-entry]:nth-child(` + n + `) [data-field$=".title"] input`)
}

// openJournal opens the journal and writes three entries: First, Second
// and Third, each saved before the next is added.
func openJournal(t *testing.T) *browserSite {
	b := openSite(t, writeSite(t, repeatSite))
	b.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	for i, title := range []string{"First", "Second", "Third"} {
		if i > 0 {
			b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
		}
		b.do(chromedp.SendKeys(titleOf("1"), title))
		waitFor(b, journalKeys+` === `+string(rune('1'+i)))
	}
	return b
}

// TestRepeatEntriesComeBack adds three journal entries and reloads: all
// three come back, newest first, the older ones collapsed to a summary.
func TestRepeatEntriesComeBack(t *testing.T) {
	t.Parallel()
	b := openJournal(t)
	if got := eval[string](b, `document.querySelector('.entry-add').textContent`); got != "Add today's entry" {
		t.Errorf("the add button says %q", got)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	if got, want := eval[string](b, entryTitles), `[[true,"Third"],[false,"Second"],[false,"First"]]`; got != want {
		t.Errorf("after a reload the entries are %s, want %s", got, want)
	}
	if got := eval[string](b, `document.querySelector('[data-entry]:nth-child(3) summary').textContent`); !strings.HasSuffix(got, " · First") {
		t.Errorf("the oldest entry's summary is %q", got)
	}
	// Each entry's fields are its own: ids, labels and radio groups.
	if got := eval[int](b, `new Set([...document.querySelectorAll('[data-entry] input[type=radio]')].map(r => r.name)).size`); got != 3 {
		t.Errorf("three entries have %d radio groups", got)
	}
	if got := eval[int](b, `[...document.querySelectorAll('[data-entry] label[for]')].filter(l => !document.getElementById(l.htmlFor)).length`); got != 0 {
		t.Errorf("%d labels point at no control", got)
	}
}

// TestRepeatDeleteInOneTabEditInAnother deletes an entry in one tab while
// another tab types in a second one: the deleted one goes from both, and
// nothing else changes.
func TestRepeatDeleteInOneTabEditInAnother(t *testing.T) {
	t.Parallel()
	b := openJournal(t)
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))

	// The other tab types in Second and keeps the focus there.
	other.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-entry]:nth-child(2)').open = true`))
	other.do(chromedp.SendKeys(titleOf("2"), " edited"))
	// This tab deletes First, the oldest.
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true; document.querySelector('[data-entry]:nth-child(3)').open = true`))
	b.do(chromedp.Click(chromedp.CSS(`[data-entry]:nth-child(3) .entry-delete`)))
	waitFor(b, `document.querySelectorAll('[data-entry]').length === 2`)
	waitFor(other, `document.querySelectorAll('[data-entry]').length === 2`)
	if got, want := eval[string](other, entryTitles), `[[true,"Third"],[true,"Second edited"]]`; got != want {
		t.Errorf("the editing tab shows %s, want %s", got, want)
	}
	waitFor(b, journalKeys+` === 2`)
	waitFor(b, `document.querySelector('[data-entry]:nth-child(2) [data-field$=".title"] input').value === 'Second edited'`)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	if got, want := eval[string](b, entryTitles), `[[true,"Third"],[false,"Second edited"]]`; got != want {
		t.Errorf("after a reload the entries are %s, want %s", got, want)
	}
}

// TestRepeatProgressAndExports: with min=2 the journal is done once two
// entries answer its counted field, on the page and on the home page;
// the Markdown download and the answers file hold every entry.
func TestRepeatProgressAndExports(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, repeatSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	done := `document.querySelector('[data-exercise=journal]').classList.contains('exercise-done')`
	b.do(chromedp.SendKeys(titleOf("1"), "First"))
	waitFor(b, journalKeys+` === 1`)
	if eval[bool](b, done) {
		t.Error("one entry of two makes the journal done")
	}
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)), chromedp.SendKeys(titleOf("1"), "Second"))
	waitFor(b, journalKeys+` === 2`)
	waitFor(b, done)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-card-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-workbook="j"] [data-card-progress] span').textContent`); got != "1 of 1 answered" {
		t.Errorf("the home page says %q", got)
	}

	b.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	_, markdown := downloaded(t, dir, ".md")
	first, second := strings.Index(markdown, "First"), strings.Index(markdown, "Second")
	if first < 0 || second < first || strings.Count(markdown, "## Journal entry: entry of ") != 2 {
		t.Errorf("the Markdown does not hold both entries, oldest first:\n%s", markdown)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	_, exported := downloaded(t, dir, ".json")
	var data struct {
		Workbooks []struct {
			Answers []struct{ Key, Label, Value string }
		}
	}
	if err := json.Unmarshal([]byte(exported), &data); err != nil || len(data.Workbooks) != 1 {
		t.Fatalf("the answers file: %v\n%s", err, exported)
	}
	values := map[string]bool{}
	for _, a := range data.Workbooks[0].Answers {
		if !strings.HasPrefix(a.Key, "journal@") || !strings.HasSuffix(a.Key, ".title") || a.Label != "Title" {
			t.Errorf("an answer %+v", a)
		}
		values[a.Value] = true
	}
	if !values["First"] || !values["Second"] || len(values) != 2 {
		t.Errorf("the answers file holds %v", values)
	}
}

// TestRepeatByKeyboard adds, expands and deletes entries with the
// keyboard alone.
func TestRepeatByKeyboard(t *testing.T) {
	t.Parallel()
	b := openJournal(t)
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true; document.activeElement.blur(); window.scrollTo(0, 0)`))
	// tabTo presses Tab until the focus is on what matches selector.
	tabTo := func(selector string) {
		t.Helper()
		for i := 0; i < 60; i++ {
			if eval[bool](b, `document.activeElement.matches(`+jsString(selector)+`)`) {
				return
			}
			b.do(chromedp.KeyEvent("\t"))
		}
		t.Fatalf("Tab never reaches %s", selector)
	}
	tabTo(`.entry-add`)
	b.do(chromedp.KeyEvent(kb.Enter))
	if got := eval[int](b, `document.querySelectorAll('[data-entry]').length`); got != 4 {
		t.Fatalf("Enter on the add button leaves %d entries", got)
	}
	if !eval[bool](b, `document.querySelector('[data-entry]:first-child').contains(document.activeElement)`) {
		t.Error("the new entry's first field does not have the focus")
	}
	b.do(chromedp.KeyEvent("Fourth"))
	waitFor(b, journalKeys+` === 4`)
	tabTo(`[data-entry]:nth-child(4) summary`)
	b.do(chromedp.KeyEvent(kb.Enter))
	if !eval[bool](b, `document.querySelector('[data-entry]:nth-child(4)').open`) {
		t.Error("Enter on a summary does not expand its entry")
	}
	tabTo(`[data-entry]:nth-child(4) .entry-delete`)
	b.do(chromedp.KeyEvent(kb.Enter))
	waitFor(b, `document.querySelectorAll('[data-entry]').length === 3`)
	if got, want := eval[string](b, `JSON.stringify([...document.querySelectorAll('[data-entry] [data-field$=".title"] input')].map(i => i.value))`), `["Fourth","Third","Second"]`; got != want {
		t.Errorf("after deleting the oldest the entries are %s, want %s", got, want)
	}
	if !eval[bool](b, `document.activeElement.matches('.entry-add')`) {
		t.Error("after a delete the focus is not on the add button")
	}
}

// TestExerciseTurnedRepeatableKeepsItsAnswers answers a thought record,
// then publishes it with repeat: the answers become its first entry, on
// the page and in storage, rather than being left behind.
func TestExerciseTurnedRepeatableKeepsItsAnswers(t *testing.T) {
	t.Parallel()
	page := "---\ntitle: Record\n---\n::thought-record{#tr%s}\n"
	root := writeSite(t, map[string]string{"content/r.md": strings.Replace(page, "%s", "", 1)})
	b := openSite(t, root)
	b.do(chromedp.Navigate(b.url("r/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-tr.situation"]`), "The meeting"))
	waitFor(b, saved)

	writeFile(t, root+"/content/r.md", strings.Replace(page, "%s", " repeat", 1))
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	if got := eval[string](b, `JSON.stringify([...document.querySelectorAll('[data-entry] [data-field$=".situation"] textarea')].map(t => t.value))`); got != `["The meeting"]` {
		t.Errorf("after turning repeatable, the entries' situations read %s", got)
	}
	stored := storedAnswers(b)
	for k, v := range stored {
		if strings.HasSuffix(k, ":tr.situation") {
			t.Errorf("the answer stayed outside the entries: %s = %s", k, v)
		}
	}
	if n := eval[int](b, `Object.keys(localStorage).filter(k => k.startsWith('`+storagePrefix+`a:r:tr@') && k.endsWith('.situation')).length`); n != 1 {
		t.Errorf("%d entry answers hold the situation, want 1: %v", n, stored)
	}
}

// TestEntrySummaryShowsItsDate: a collapsed entry with a date field is
// summarised by the date the client gave it, not the day it was written,
// and by its first other answer.
func TestEntrySummaryShowsItsDate(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/j.md": `---
title: Journal
---
:::exercise{#journal repeat title="Journal entry"}
::date[Day]{#day}
::textarea[What happened]{#what}
:::
`}))
	b.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry] textarea`)))
	b.do(chromedp.SetValue(chromedp.CSS(`[data-entry] input[type=date]`), "2026-03-04"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-entry] input[type=date]').dispatchEvent(new Event('input', {bubbles: true}))`),
		chromedp.SendKeys(chromedp.CSS(`[data-entry] textarea`), "A long walk"))
	want := eval[string](b, `new Date(2026, 2, 4).toLocaleDateString() + " · A long walk"`)
	if got := eval[string](b, `document.querySelector('[data-entry] summary').textContent`); got != want {
		t.Errorf("the entry's summary is %q, want %q", got, want)
	}
}
