package themes_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRepeatRowsTrends: a total and a chart of a repeating practice log
// add up the rows of every entry, a week each.
func TestRepeatRowsTrends(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n" +
		"::practice-log{#week repeat}\n\n::total[Minutes so far]{of=\"week.minutes\"}\n\n::chart[Minutes]{of=\"week.minutes\"}\n"}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	const fill = `(v => {
		const el = document.querySelector('[data-entry]:first-child [data-col=minutes]');
		el.value = v;
		el.dispatchEvent(new Event('input', { bubbles: true }));
		el.dispatchEvent(new Event('change', { bubbles: true }));
		return true;
	})`
	eval[bool](b, fill+`('10')`)
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
	eval[bool](b, fill+`('25')`)
	waitFor(b, saved)
	const state = `document.querySelector('[data-total] [data-value]').textContent + ' / ' + document.querySelectorAll('[data-chart] svg circle').length + ' dots'`
	if got, want := eval[string](b, state), "35 / 2 dots"; got != want {
		t.Errorf("with two weeks of 10 and 25 minutes the total and chart read %q, want %q", got, want)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	waitFor(b, state+` === "35 / 2 dots"`)
}
