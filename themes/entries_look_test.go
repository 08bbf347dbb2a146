package themes_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// entriesLookPage is a repeating exercise whose entries hold a table, the
// widest thing an entry can hold, and a text that may be long.
const entriesLookPage = `---
title: Journal
---
::::exercise{#journal repeat title="Journal entry" add="Add today's entry"}
::text[What happened]{#what}
::scale[Mood]{#mood min=0 max=10}
:::rows[Who was there]{#who}
::text[Name]{#name}
::choice[Role]{#role options="friend=Friend|family=Family|work=Someone from work"}
::number[Minutes together]{#minutes unit="min"}
:::
::::
`

// longAnswer has a word longer than a phone's screen is wide, as a pasted
// web address is.
var longAnswer = "Read https://careers.example.org/" + strings.Repeat("stories", 12) + " before the talk"

// openEntriesLook opens entriesLookPage at width × 800 and makes two
// entries, the older one holding longAnswer and a row, so that it
// collapses to a long summary.
func openEntriesLook(t *testing.T, width int64) *browserSite {
	t.Helper()
	b := openSite(t, writeSite(t, map[string]string{"content/j.md": entriesLookPage}))
	b.do(chromedp.EmulateViewport(width, 800))
	b.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry] [data-field$=".what"] input`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-entry] [data-field$=".what"] input`), longAnswer))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-entry] [data-col=name]`), strings.Repeat("Long-name-", 6)))
	waitFor(b, `Object.keys(localStorage).filter(k => k.includes('journal@')).length >= 2`)
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
	waitFor(b, `document.querySelectorAll('[data-entry]').length === 2 && !document.querySelector('[data-entry]:nth-child(2)').open`)
	return b
}

// TestEntriesFitNarrowScreens lays out the entries of a repeating
// exercise 320 px wide, one open with a table and one collapsed to a long
// summary: nothing makes the page scroll sideways, with the older entry
// collapsed or opened.
func TestEntriesFitNarrowScreens(t *testing.T) {
	t.Parallel()
	b := openEntriesLook(t, 320)
	const width = `document.scrollingElement.scrollWidth`
	if w := eval[int](b, width); w > 320 {
		t.Errorf("with the older entry collapsed the page is %d px wide on a 320 px screen", w)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-entry]:nth-child(2)').open = true`))
	if w := eval[int](b, width); w > 320 {
		t.Errorf("with both entries open the page is %d px wide on a 320 px screen", w)
	}
}
