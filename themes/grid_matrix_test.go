package themes_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// gridPage has a week plan of text cells and a habit grid of ticks.
const gridPage = `---
title: Week
---
::grid[This week's plan]{#week rows="morning=Morning|afternoon=Afternoon|evening=Evening" cols="mon=Mon|tue=Tue|wed=Wed|thu=Thu|fri=Fri|sat=Sat|sun=Sun" cell=text}

::grid[Habits]{#habits rows="walk=Walk|read=Read" cols="mon=Mon|tue=Tue" cell=check}

::grid[Mood]{#mood rows="mood=Mood" cols="mon=Mon|tue=Tue" cell=scale min=1 max=5}
`

// visibleCells lists the labels of the week's cells a client can see.
const visibleCells = `[...document.querySelectorAll('[data-field=week] tbody td')].filter(td => td.offsetParent !== null).map(td => td.firstElementChild.getAttribute('aria-label')).join('|')`

// exportedAnswers reads the answers file: each field's key and value.
func exportedAnswers(t *testing.T, exported string) map[string]json.RawMessage {
	t.Helper()
	var data struct {
		Workbooks []struct {
			Answers []struct {
				Key   string
				Value json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(exported), &data); err != nil || len(data.Workbooks) != 1 {
		t.Fatalf("the answers file: %v\n%s", err, exported)
	}
	out := map[string]json.RawMessage{}
	for _, a := range data.Workbooks[0].Answers {
		out[a.Key] = a.Value
	}
	return out
}

// TestGridWideAndNarrow: at 1280 px a grid is a table of every cell, each
// labelled by its row and column and reached by the keyboard; filled by
// typing, it keeps its answers over a reload. At 320 px it shows one day
// at a time, picked from a menu the keyboard reaches, with no sideways
// scroll; the answers are in the Markdown and the answers file.
func TestGridWideAndNarrow(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": gridPage}))
	dir := downloads(b)
	b.do(chromedp.EmulateViewport(1280, 900))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))

	if got := eval[int](b, `document.querySelectorAll('[data-field=week] tbody td').length`); got != 21 {
		t.Fatalf("the week has %d cells, want 21", got)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-field] tbody td > *')].filter(c => !/^\w+, \w+$/.test(c.getAttribute('aria-label') || '')).map(c => c.outerHTML).join(' ')`); got != "" {
		t.Errorf("cells without a label of their row and column: %s", got)
	}
	if got := eval[string](b, visibleCells); strings.Count(got, "|") != 20 {
		t.Errorf("at 1280 px the cells shown are %s, want all 21", got)
	}
	if eval[bool](b, `document.querySelector('[data-field=week] [data-grid-pick]').offsetParent !== null`) {
		t.Error("at 1280 px the grid shows its menu of days")
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-field=week] th[scope]')].map(th => th.scope + ':' + th.textContent).join(' ')`); got != "col:Mon col:Tue col:Wed col:Thu col:Fri col:Sat col:Sun row:Morning row:Afternoon row:Evening" {
		t.Errorf("the table's headers are %s", got)
	}

	// The keyboard reaches the cells, in order; typing fills them.
	reached := map[string]bool{}
	for range 40 {
		b.do(chromedp.KeyEvent("\t"))
		label := eval[string](b, `document.activeElement.getAttribute('aria-label') || ''`)
		reached[label] = true
		if label == "Morning, Mon" {
			b.do(chromedp.KeyEvent("Walk"))
		}
		if label == "Evening, Wed" {
			b.do(chromedp.KeyEvent("Swim"))
		}
		if label == "Walk, Tue" {
			b.do(chromedp.KeyEvent(" "))
		}
	}
	for _, want := range []string{"Morning, Mon", "Afternoon, Thu", "Evening, Sun", "Walk, Tue"} {
		if !reached[want] {
			t.Errorf("the keyboard never reaches %q", want)
		}
	}
	b.do(chromedp.SetValue(chromedp.CSS(`[aria-label="Mood, Tue"]`), "4"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[aria-label="Mood, Tue"]').dispatchEvent(new Event('change', { bubbles: true }))`))
	waitFor(b, saved)
	const state = `[...document.querySelectorAll('[data-field] tbody td > *')].filter(c => c.type === 'checkbox' ? c.checked : c.value).map(c => c.getAttribute('aria-label') + '=' + (c.type === 'checkbox' ? 'yes' : c.value)).join('|')`
	const want = "Morning, Mon=Walk|Evening, Wed=Swim|Walk, Tue=yes|Mood, Tue=4"
	if got := eval[string](b, state); got != want {
		t.Fatalf("the grids read %q, want %q", got, want)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, state); got != want {
		t.Errorf("after a reload the grids read %q, want %q", got, want)
	}

	// At 320 px: one day at a time, picked from a menu.
	b.do(chromedp.EmulateViewport(320, 640))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=week] [data-grid-pick] select`)))
	if w := eval[int](b, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("at 320 px the page is %d px wide", w)
	}
	if w := eval[int](b, `document.querySelector('[data-field=week] .grid-scroll').scrollWidth - document.querySelector('[data-field=week] .grid-scroll').clientWidth`); w > 0 {
		t.Errorf("at 320 px the grid scrolls sideways by %d px", w)
	}
	if got := eval[string](b, visibleCells); got != "Morning, Mon|Afternoon, Mon|Evening, Mon" {
		t.Errorf("at 320 px the cells shown are %s, want Monday's", got)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-field=week] thead th')].filter(th => th.offsetParent !== null).map(th => th.textContent).join(' ')`); got != "Mon" {
		t.Errorf("at 320 px the day headers shown are %q, want Mon", got)
	}
	// The keyboard reaches the menu, and a day picked by arrow keys shows.
	reached = map[string]bool{}
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=week] [data-grid-pick] select`)))
	for range 20 {
		b.do(chromedp.KeyEvent("\t"))
		id := eval[string](b, `document.activeElement.id || document.activeElement.getAttribute('aria-label') || ''`)
		reached[id] = true
		if id == "field-week:show" {
			break
		}
	}
	if !reached["field-week:show"] {
		t.Fatalf("at 320 px the keyboard never reaches the menu of days; it reached %v", reached)
	}
	b.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	if got := eval[string](b, visibleCells); got != "Morning, Wed|Afternoon, Wed|Evening, Wed" {
		t.Errorf("after picking Wed the cells shown are %s", got)
	}
	if got := eval[string](b, `document.querySelector('[aria-label="Evening, Wed"]').value`); got != "Swim" {
		t.Errorf("Wednesday evening reads %q, want Swim", got)
	}
	b.do(chromedp.KeyEvent("\t"))
	if got := eval[string](b, `document.activeElement.getAttribute('aria-label')`); got != "Morning, Wed" {
		t.Errorf("after the menu the keyboard reaches %q, want Morning, Wed", got)
	}

	// The Markdown download and the answers file.
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	_, markdown := downloaded(t, dir, ".md")
	for _, part := range []string{"- Morning: Mon: Walk", "- Evening: Wed: Swim", "- Walk: Tue: yes", "- Mood: Tue: 4"} {
		if !strings.Contains(markdown, part) {
			t.Errorf("the Markdown lacks %q:\n%s", part, markdown)
		}
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	_, exported := downloaded(t, dir, ".json")
	answers := exportedAnswers(t, exported)
	for key, want := range map[string]string{
		"week":   `{"evening":{"wed":"Swim"},"morning":{"mon":"Walk"}}`,
		"habits": `{"walk":{"tue":true}}`,
		"mood":   `{"mood":{"tue":"4"}}`,
	} {
		if !sameJSON(t, string(answers[key]), want) {
			t.Errorf("the answers file holds %s for %s, want %s", answers[key], key, want)
		}
	}
}
