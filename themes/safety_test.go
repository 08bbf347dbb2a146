package themes_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 19, "Safety first": the support details on sensitive pages, and
// workbooks whose completion counter is switched off with progress: false.

// TestSupportDetailsInBrowser opens a therapy page of the bundled sample
// site on a 320 px screen: the support details are there, under the
// title, every number is a tel: link large enough to tap, and nothing
// needs sideways scrolling.
func TestSupportDetailsInBrowser(t *testing.T) {
	t.Parallel()
	b := openSite(t, "..")
	b.do(chromedp.EmulateViewport(320, 640))
	for _, page := range []string{"therapy/", "therapy/journal/", "therapy/thought-record/"} {
		b.do(chromedp.Navigate(b.url(page)), chromedp.WaitReady(chromedp.CSS("main")))
		calls := eval[[]string](b, `[...document.querySelectorAll('aside.support a[href^="tel:"]')].map(a => a.getAttribute('href'))`)
		if len(calls) < 3 {
			t.Errorf("%s links %d support numbers, want at least three: %v", page, len(calls), calls)
		}
		if short := eval[int](b, `[...document.querySelectorAll('aside.support a')].filter(a => a.getBoundingClientRect().height < 44).length`); short > 0 {
			t.Errorf("%s has %d support links shorter than 44 px", page, short)
		}
		if !eval[bool](b, `(() => { const s = document.querySelector('aside.support'); return !!s && s.getBoundingClientRect().height > 0 && s.compareDocumentPosition(document.querySelector('h1')) === Node.DOCUMENT_POSITION_PRECEDING })()`) {
			t.Errorf("%s does not show the support details under its title", page)
		}
		if w := eval[int](b, `document.documentElement.scrollWidth`); w > 320 {
			t.Errorf("%s is %d px wide on a 320 px screen", page, w)
		}
	}
}

// progressOffPages are a journal that counts nothing and a workbook that
// does.
var progressOffPages = map[string]string{
	"content/journal.md": "---\ntitle: Journal\nprogress: false\n---\n::textarea[How was today?]{#today}\n",
	"content/goals.md":   "---\ntitle: Goals\n---\n::text[A goal]{#goal}\n",
}

// TestProgressOffInBrowser answers a workbook with progress: false: the
// answer is saved and comes back after a reload, but no progress shows on
// its page, its card or the answers page, which counts only the other.
func TestProgressOffInBrowser(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, progressOffPages))
	b.do(chromedp.Navigate(b.url("journal/")), chromedp.WaitVisible(chromedp.CSS(`#field-today`)))
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById('field-today'); el.value = 'A calm day'; el.dispatchEvent(new Event('input', {bubbles: true})); })()`))
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`#field-today`)))
	if got := eval[string](b, `document.getElementById('field-today').value`); got != "A calm day" {
		t.Fatalf("after a reload the journal holds %q", got)
	}
	if eval[bool](b, `!!document.querySelector('[data-progress]:not([hidden])')`) {
		t.Error("the journal shows a progress counter")
	}

	b.do(chromedp.Navigate(b.url("")), chromedp.WaitReady(chromedp.CSS("main")))
	if eval[bool](b, `!!document.querySelector('[data-workbook=journal] [data-card-progress]:not([hidden])')`) {
		t.Error("the journal's card shows progress")
	}

	b.do(chromedp.Navigate(b.url("answers/")), chromedp.WaitVisible(chromedp.CSS(`[data-book-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-book-progress]').textContent`); got != "0 of 1 workbooks done" {
		t.Errorf("the answers page says %q, want the goals alone counted: \"0 of 1 workbooks done\"", got)
	}
	if !eval[bool](b, `document.querySelector('main').textContent.includes('A calm day')`) {
		t.Error("the answers page does not show the journal's answer")
	}
}
