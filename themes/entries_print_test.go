package themes_test

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestEntriesPrintWhole makes three journal entries, the older two
// collapsed, and prints: every entry is open with its answer in sight,
// and the add and delete buttons are left out. Headless Chromium fires no
// beforeprint for emulated print media, so the test fires it, as a
// browser does before printing.
func TestEntriesPrintWhole(t *testing.T) {
	t.Parallel()
	b := openJournal(t)
	if got, want := eval[string](b, entryTitles), `[[true,"Third"],[false,"Second"],[false,"First"]]`; got != want {
		t.Fatalf("before printing the entries are %s, want %s", got, want)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event('beforeprint'))`))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](b, `matchMedia('print').matches`) {
		t.Fatal("print media is not emulated")
	}
	if got, want := eval[string](b, entryTitles), `[[true,"Third"],[true,"Second"],[true,"First"]]`; got != want {
		t.Errorf("in print the entries are %s, want every one open", got)
	}
	// What prints of each answer: the box itself or, where the theme
	// prints the answer as text beside it, that text; either way, shown.
	shown := eval[string](b, `JSON.stringify([...document.querySelectorAll('[data-entry] [data-field$=".title"]')].map(f => {
		const seen = el => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
		const box = f.querySelector('input'), text = f.querySelector('.print-value');
		return seen(box) ? box.value : seen(text) ? text.textContent : '(hidden)';
	}))`)
	if want := `["Third","Second","First"]`; shown != want {
		t.Errorf("in print the answers shown are %s, want %s", shown, want)
	}
	if got := eval[string](b, `JSON.stringify([...document.querySelectorAll('.entry-add, .entry-delete, .entries-full')].map(el => el.className + ':' + getComputedStyle(el).display).filter(s => !s.endsWith(':none')))`); got != "[]" {
		t.Errorf("in print these buttons and messages still show: %s", got)
	}
}
