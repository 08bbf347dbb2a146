package themes_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// numberSite has two number fields, one of whole minutes and one of half
// hours, and a site's own exercise whose rows have a number column.
var numberSite = map[string]string{
	"layouts/exercises/log.html": `<section class="exercise" id="{{.DOMID}}" data-exercise="{{.ID}}">
  {{.Rows "sessions" ` + "`" + `label="Sessions"` + "`" + `
    (.Col "text" "what" ` + "`" + `label="What I practised"` + "`" + `)
    (.Col "number" "minutes" ` + "`" + `label="Minutes"` + "`" + `)}}
</section>
`,
	"content/w.md": `---
title: Practice
---
::number[Minutes practised]{#minutes min=0 max=600 step=1 unit="min"}

::number[Hours slept]{#hours step=0.5 unit="h"}

::log{#log}
`,
}

// typeNumber replaces what the box with id holds by typing text into it.
func typeNumber(b *browserSite, id, text string) {
	b.t.Helper()
	eval[bool](b, `(document.getElementById(`+jsString(id)+`).value = '', true)`)
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="`+id+`"]`), text))
}

// TestNumbersRejectedAndKept types numbers and what is not one: a number
// is saved as a JSON number, "," reads as a decimal mark, and text that
// is not a number, or is out of range, stays in the box with the reason
// beside it, and is saved as typed, so that a reload loses nothing; it
// does not count as answered. Numbers come back after a reload, and the
// Markdown and the file of answers hold them.
func TestNumbersRejectedAndKept(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, numberSite))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	stored := func(key string) string { return storedAnswers(b)[storagePrefix+"a:w:"+key] }
	box := func(id string) string { return eval[string](b, `document.getElementById(`+jsString(id)+`).value`) }
	// message is the text of what the box names in aria-describedby that
	// says what is wrong, and whether the box is marked invalid.
	message := func(id string) string {
		return eval[string](b, `(() => {
			const box = document.getElementById(`+jsString(id)+`);
			const said = box.getAttribute('aria-describedby').split(' ').map(i => document.getElementById(i)).filter(e => e && e.matches('[data-error]'));
			return said.map(e => e.textContent).join('|') + (box.getAttribute('aria-invalid') === 'true' ? ' (invalid)' : '');
		})()`)
	}

	typeNumber(b, "field-minutes", "12")
	waitFor(b, saved)
	if got := stored("minutes"); !strings.Contains(got, `"v":12,`) {
		t.Errorf("12 is not saved as a number: %s", got)
	}
	if got := message("field-minutes"); got != "" {
		t.Errorf("12 is not accepted: %q", got)
	}

	progress := func() string { return eval[string](b, `document.querySelector('[data-progress-text]').textContent`) }
	answeredWith12 := progress()
	// What is not a number, or does not fit, is saved as typed.
	for _, bad := range []struct{ typed, why string }{
		{"abc", "Write a number, such as 12 or 1.5. (invalid)"},
		{"12a", "Write a number, such as 12 or 1.5. (invalid)"},
		{"-5", "Write 0 or more. (invalid)"},
		{"12.5", "Write a number in steps of 1. (invalid)"},
	} {
		typeNumber(b, "field-minutes", bad.typed)
		waitFor(b, `document.getElementById('field-minutes:error').textContent !== ''`)
		eval[bool](b, `(document.activeElement.blur(), true)`)
		if got := message("field-minutes"); got != bad.why {
			t.Errorf("after %q the message beside the box reads %q, want %q", bad.typed, got, bad.why)
		}
		if got := box("field-minutes"); got != bad.typed {
			t.Errorf("after %q and leaving the box, it holds %q", bad.typed, got)
		}
		waitFor(b, saved)
		if got := stored("minutes"); !strings.Contains(got, `"v":`+jsString(bad.typed)+`,`) {
			t.Errorf("after %q storage holds %s, not what was typed", bad.typed, got)
		}
		if got := progress(); got == answeredWith12 {
			t.Errorf("after %q the field still counts as answered: %q", bad.typed, got)
		}
	}
	// A reload keeps what was typed, and says again what is wrong with it.
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := box("field-minutes") + " " + message("field-minutes"); got != "12.5 Write a number in steps of 1. (invalid)" {
		t.Errorf("after a reload the box and its message read %q", got)
	}
	// The home page counts it the same way.
	onPage := progress()
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-card-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-workbook="w"] [data-card-progress] span').textContent`); got != onPage {
		t.Errorf("the home page reads %q, the workbook %q", got, onPage)
	}
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	typeNumber(b, "field-minutes", "12")
	waitFor(b, saved)
	if got := message("field-minutes"); got != "" {
		t.Errorf("a number again leaves the message %q", got)
	}

	typeNumber(b, "field-hours", "7,5")
	waitFor(b, saved)
	if got := stored("hours"); !strings.Contains(got, `"v":7.5,`) {
		t.Errorf("7,5 is not saved as 7.5: %s", got)
	}

	// A number column of rows saves a number.
	typeNumber(b, "field-log.sessions:1:what", "Breathing")
	typeNumber(b, "field-log.sessions:1:minutes", "1,5")
	waitFor(b, saved)
	if got := stored("log.sessions"); !strings.Contains(got, `"minutes":1.5`) {
		t.Errorf("the number column is not saved as a number: %s", got)
	}

	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := box("field-minutes") + "/" + box("field-hours") + "/" + box("field-log.sessions:1:minutes"); got != "12/7.5/1.5" {
		t.Errorf("after a reload the numbers read %q", got)
	}
	if got := eval[string](b, `document.getElementById('field-minutes:unit').textContent`); got != "min" {
		t.Errorf("the unit beside the box reads %q", got)
	}

	dir := downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	markdown := waitForFile(t, dir, ".md")
	// A line that starts "7." is escaped, so it does not read as a list.
	for _, want := range []string{"## Minutes practised\n\n12 min\n", "## Hours slept\n\n7\\.5 h\n", "Minutes: 1.5"} {
		if !strings.Contains(markdown, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, markdown)
		}
	}
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	for _, want := range []string{`"value": 12,`, `"value": 7.5,`, `"minutes": 1.5`} {
		if !strings.Contains(exported, want) {
			t.Errorf("the file of answers lacks %s:\n%s", want, exported)
		}
	}
	b.checkProblems()
}
