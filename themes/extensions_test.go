package themes_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// homeworkPage uses every field kind up to those for deciding, and a
// total and a chart: each directive, rows and check through built-in
// exercises, and a repeating exercise.
const homeworkPage = `---
title: Every kind
---
::text[Your name]{#name}
::textarea[What do you enjoy?]{#enjoy words=20}
::list[Questions]{#questions min=1 max=4}
::choice[Main driver]{#driver options="Income|Harmony" other}
:::checklist[Ready]{#ready}
- [ ] CV {#cv}
:::
::scale[Where now?]{#now}
::date[Next session]{#next}
::fear-exclusion{#fears}
::practice-log{#log}
::total[Minutes so far]{of="log.minutes" show="average"}
::chart[Minutes each time]{of="log.minutes"}
::thought-record{#tr repeat}
`

// everyKindPage uses every field kind: homeworkPage, and the kinds for
// deciding.
const everyKindPage = homeworkPage + `::rank[What matters most]{#priorities options="pay=Pay|growth=Growth|people=People" other}
::sort[Sort the values]{#values options="autonomy=Autonomy|security=Security|growth=Growth" into="must=Must have|no=Not important" max-must=2}
::grid[This week]{#week rows="morning=Morning|evening=Evening" cols="mon=Mon|tue=Tue" cell=check}
::matrix[Compare]{#offers options="a=Offer A|b=Offer B" criteria="pay=Pay|growth=Growth" weights}
`

// TestRuntimeExtensions: a page without lists or rows runs the core
// alone, which binds no list or rows; a page with them loads the tables
// extension, whose kinds are registered before the fields are bound; and
// once they are, no kind can be added or replaced.
func TestRuntimeExtensions(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{
		"content/text.md": "---\ntitle: Text\n---\n::text[Q]{#q}\n",
		"content/list.md": "---\ntitle: List\n---\n::list[Hopes]{#hopes min=1 max=3}\n",
	}))
	b.do(chromedp.Navigate(b.url("text/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `coachbook.kinds.filter(k => k === "list" || k === "rows").join(" ")`); got != "" {
		t.Errorf("a page without lists binds %s", got)
	}
	b.do(chromedp.Navigate(b.url("list/")), chromedp.WaitVisible(chromedp.CSS(`.field-list [data-add]`)))
	if got := eval[string](b, `coachbook.kinds.filter(k => k === "list" || k === "rows").join(" ")`); got != "list rows" {
		t.Errorf("the tables extension binds %q", got)
	}
	b.do(chromedp.SendKeys(`#field-hopes\:1`, "Calm"))
	b.do(chromedp.Click(`.field-list [data-add]`))
	b.do(chromedp.SendKeys(`#field-hopes\:2`, "Sleep"))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.field-list [data-add]`)))
	if got := eval[string](b, `[...document.querySelectorAll(".field-list input")].map(i => i.value).join("|")`); got != "Calm|Sleep" {
		t.Errorf("after a reload the list holds %q", got)
	}
	late := `[coachbook.defineKind("late", () => () => ({get: () => "", set() {}})), coachbook.defineKind("list", () => () => ({})), coachbook.kinds.includes("late")]`
	if got := eval[[]bool](b, late); got[0] || got[1] || got[2] {
		t.Errorf("a kind defined after start-up was taken: %v", got)
	}
}
