package themes_test

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
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
	const stored = `localStorage.getItem(Object.keys(localStorage).find(k => k.endsWith(':a:w:week')))`
	before := eval[string](b, stored)
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
	// Picking a day changes no answer: leaving the menu, which saves what
	// is pending, saves nothing.
	if after := eval[string](b, stored); after != before {
		t.Errorf("picking a day saved the week again: %s, then %s", before, after)
	}

	// In print, every day shows, and the menu does not.
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](b, visibleCells); strings.Count(got, "|") != 20 {
		t.Errorf("in print the cells shown are %s, want all 21", got)
	}
	if eval[bool](b, `document.querySelector('[data-field=week] [data-grid-pick]').offsetParent !== null`) {
		t.Error("in print the grid shows its menu of days")
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatal(err)
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

// matrixPage compares two offers on weighted criteria, and the client's
// own options on one criterion.
const matrixPage = `---
title: Offers
---
::matrix[Compare your options]{#offers options="a=Offer A|b=Offer B" criteria="pay=Pay|growth=Growth" min=1 max=5 weights}

::matrix[Five criteria]{#five options="a=Offer A|b=Offer B" criteria="pay=Pay and security|work=The work itself|people=People and culture|growth=Growth and learning|hours=Hours and location" weights}

::matrix[Your own options]{#own options=client criteria="fit=Fit|ease=Ease"}
`

// pickMenu sets a menu as a client's choice does.
const pickMenu = `((el, v) => { el.value = v; el.dispatchEvent(new Event('change', { bubbles: true })); })`

// matrixState reads a matrix: each option's name and total, the leader,
// and the lines of the working.
func matrixState(key string) string {
	return `(() => {
	const box = document.querySelector('[data-field=` + key + `]');
	const rows = [...box.querySelectorAll('tbody tr')].map(tr => {
		const name = tr.querySelector('[data-name]');
		return (name.tagName === 'INPUT' ? name.value : name.textContent) + '=' + tr.querySelector('[data-score]').textContent;
	});
	const sums = [...box.querySelectorAll('[data-sums] li')].map(li => li.textContent);
	return rows.join(' ') + ' / ' + box.querySelector('[data-lead]').textContent + ' / ' + sums.join(' | ');
})()`
}

// TestMatrixTotals scores two offers on weighted criteria: the totals,
// the leader and the working on request follow; a reload keeps them, and
// the Markdown download and answers file hold them. The client names
// options of their own, adds and removes them, and a reload keeps them.
func TestMatrixTotals(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": matrixPage}))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=own] [data-add]`)))
	if got := eval[string](b, matrixState("offers")); got != "Offer A= Offer B= /  / " {
		t.Errorf("before any score the matrix reads %q", got)
	}
	if eval[bool](b, `document.querySelector('[data-field=offers] [data-work]').offsetParent !== null`) {
		t.Error("the working shows before any score")
	}
	if got := eval[string](b, `document.querySelector('[data-field=offers] [data-lead]').getAttribute('aria-live')`); got != "polite" {
		t.Errorf("the leader is announced %q, want politely", got)
	}
	eval[bool](b, `(() => {
		const s = (q, v) => `+pickMenu+`(document.querySelector('[data-field=offers] ' + q), v);
		s('[aria-label="Offer A, Pay"]', '4'); s('[aria-label="Offer A, Growth"]', '2');
		s('[aria-label="Offer B, Pay"]', '3'); s('[aria-label="Offer B, Growth"]', '5');
		return true;
	})()`)
	// A criterion not yet weighted counts once.
	if got, want := eval[string](b, matrixState("offers")), "Offer A=6 Offer B=8 / Leading: Offer B (8) / Offer A: Pay 4 × 1 + Growth 2 × 1 = 6 | Offer B: Pay 3 × 1 + Growth 5 × 1 = 8"; got != want {
		t.Errorf("unweighted, the matrix reads %q, want %q", got, want)
	}
	eval[bool](b, `(() => {
		const s = (q, v) => `+pickMenu+`(document.querySelector('[data-field=offers] ' + q), v);
		s('[data-weight=pay]', '3'); s('[data-weight=growth]', '2');
		return true;
	})()`)
	const weighted = "Offer A=16 Offer B=19 / Leading: Offer B (19) / Offer A: Pay 4 × 3 + Growth 2 × 2 = 16 | Offer B: Pay 3 × 3 + Growth 5 × 2 = 19"
	if got := eval[string](b, matrixState("offers")); got != weighted {
		t.Errorf("weighted, the matrix reads %q, want %q", got, weighted)
	}
	// The working shows on request.
	const shown = `document.querySelector('[data-field=offers] [data-sums] li').checkVisibility()`
	if eval[bool](b, shown) {
		t.Error("the working shows before it is asked for")
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=offers] summary`)))
	if !eval[bool](b, shown) {
		t.Error("the working does not show when asked for")
	}

	// The client's own options: two to start, one added, one removed.
	b.do(chromedp.Click(chromedp.CSS(`[data-field=own] [data-add]`)))
	if got := eval[string](b, `document.activeElement.getAttribute('aria-label')`); got != "Name of option 3" {
		t.Errorf("after adding an option the focus is on %q, want its name box", got)
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-field=own] tbody tr:nth-child(1) [data-name]`), "North"),
		chromedp.SendKeys(chromedp.CSS(`[data-field=own] tbody tr:nth-child(2) [data-name]`), "South"),
		chromedp.SendKeys(chromedp.CSS(`[data-field=own] tbody tr:nth-child(3) [data-name]`), "East"))
	eval[bool](b, `(() => {
		const s = (q, v) => `+pickMenu+`(document.querySelector('[data-field=own] ' + q), v);
		s('[aria-label="North, Fit"]', '2'); s('[aria-label="South, Fit"]', '4'); s('[aria-label="South, Ease"]', '1'); s('[aria-label="East, Ease"]', '5');
		return true;
	})()`)
	b.do(chromedp.Click(chromedp.CSS(`[data-field=own] tbody tr:nth-child(1) [data-remove]`)))
	const own = "South=5 East=5 / Level: South, East (5) / South: Fit 4 + Ease 1 = 5 | East: Ease 5 = 5"
	if got := eval[string](b, matrixState("own")); got != own {
		t.Errorf("the client's options read %q, want %q", got, own)
	}
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=own] [data-add]`)))
	if got := eval[string](b, matrixState("offers")); got != weighted {
		t.Errorf("after a reload the matrix reads %q, want %q", got, weighted)
	}
	if got := eval[string](b, matrixState("own")); got != own {
		t.Errorf("after a reload the client's options read %q, want %q", got, own)
	}

	// On a phone each option is a card: nothing scrolls sideways.
	b.do(chromedp.EmulateViewport(320, 640), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=own] [data-add]`)))
	if w := eval[int](b, `Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('.grid-scroll')].map(s => s.scrollWidth - s.clientWidth + 320))`); w > 320 {
		t.Errorf("at 320 px a matrix is %d px wide", w)
	}
	if got := eval[string](b, matrixState("own")); got != own {
		t.Errorf("at 320 px the client's options read %q, want %q", got, own)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	_, markdown := downloaded(t, dir, ".md")
	for _, part := range []string{"- Weights: Pay 3, Growth 2", "- Offer A: Pay 4 × 3 + Growth 2 × 2 = 16", "- Leading: Offer B (19)", "- East: Ease 5 = 5"} {
		if !strings.Contains(markdown, part) {
			t.Errorf("the Markdown lacks %q:\n%s", part, markdown)
		}
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	_, exported := downloaded(t, dir, ".json")
	answers := exportedAnswers(t, exported)
	if want := `{"@weights":{"pay":3,"growth":2},"a":{"pay":4,"growth":2},"b":{"pay":3,"growth":5}}`; !sameJSON(t, string(answers["offers"]), want) {
		t.Errorf("the answers file holds %s for the offers, want %s", answers["offers"], want)
	}
	var mine map[string]map[string]any
	if err := json.Unmarshal(answers["own"], &mine); err != nil {
		t.Fatalf("the client's options in the answers file: %v: %s", err, answers["own"])
	}
	names := []string{}
	for id, row := range mine {
		if !regexp.MustCompile(`^[a-z0-9]{1,16}$`).MatchString(id) {
			t.Errorf("a client's option is saved under %q, not an ID", id)
		}
		names = append(names, row["@name"].(string))
	}
	if sort.Strings(names); strings.Join(names, " ") != "East South" {
		t.Errorf("the answers file names the client's options %v, want East and South", names)
	}
}

// TestRecallShowsAGridAndAMatrix recalls a grid and a matrix on another
// page: each row with its answered cells, by their texts.
func TestRecallShowsAGridAndAMatrix(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{
		"content/w.md": matrixPage + "\n" + strings.SplitN(gridPage, "---\n", 3)[2],
		"content/r.md": "---\ntitle: Recalled\n---\n::recall[Your week]{from=\"w#week\"}\n\n::recall[Your offers]{from=\"w#offers\"}\n",
	}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=own] [data-add]`)))
	eval[bool](b, `(() => {
		const s = (q, v) => `+pickMenu+`(document.querySelector('[data-field=offers] ' + q), v);
		s('[aria-label="Offer A, Pay"]', '4'); s('[aria-label="Offer B, Growth"]', '5'); s('[data-weight=pay]', '3');
		const cell = document.querySelector('[data-field=week] [aria-label="Morning, Mon"]');
		cell.value = 'Walk'; cell.dispatchEvent(new Event('input', { bubbles: true }));
		return true;
	})()`)
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("r/")), chromedp.WaitVisible(chromedp.CSS(`[data-recall] [data-answer]`)))
	if got, want := eval[string](b, `[...document.querySelectorAll('[data-recall] [data-answer]')].map(a => [...a.querySelectorAll('li, p')].map(e => e.textContent).join('|')).join(' / ')`), "Morning: Mon Walk / Offer A: Pay 4|Offer B: Growth 5"; got != want {
		t.Errorf("the recalled grid and matrix read %q, want %q", got, want)
	}
}
