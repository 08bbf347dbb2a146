package themes_test

// Issue 13, defects 3, 5, 6 and 7: what a client sees after restoring a
// file, where the save status shows on a phone, a chosen scale point in
// print, and a slider's every value, its middle one too.

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestRestoreShowsProgress restores answers on the home page: the cards'
// progress and "Continue where you left off" show them at once, after a
// reload, and on the collection page.
func TestRestoreShowsProgress(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	const card = `document.querySelector('[data-workbook="prep/all"] [data-card-progress] span').textContent`
	total := eval[string](b, card)
	if !strings.HasPrefix(total, "0 of ") {
		t.Fatalf("before restoring, the card says %q", total)
	}
	want := "2 of " + strings.TrimPrefix(total, "0 of ")
	when := "2026-01-01T00:00:00Z"
	restoreFile(b, answersFile(t, map[string]any{"id": "prep/all", "title": "Every field", "url": basePath + "prep/all/", "answers": []answer{
		{Key: "name", Label: "Your name", Value: raw(t, "Ada"), Updated: when},
		{Key: "enjoy", Label: "What do you enjoy?", Value: raw(t, "Solving problems"), Updated: when},
	}}))
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(b, "2 answers restored")

	const continueLink = `(() => { const c = document.querySelector('[data-continue]');
		return c.hidden ? 'hidden' : c.querySelector('a').getAttribute('href') + ' ' + c.querySelector('a').textContent })()`
	wantContinue := basePath + "prep/all/ Every field"
	check := func(where string) {
		t.Helper()
		if got := eval[string](b, card); got != want {
			t.Errorf("%s: the card says %q, want %q", where, got, want)
		}
		if got := eval[int](b, `document.querySelector('[data-workbook="prep/all"] [data-card-progress] progress').value`); got != 2 {
			t.Errorf("%s: the card's progress bar is at %d, want 2", where, got)
		}
	}
	check("right after restoring")
	if got := eval[string](b, continueLink); got != wantContinue {
		t.Errorf("right after restoring, continue is %q, want %q", got, wantContinue)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	check("after a reload")
	if got := eval[string](b, continueLink); got != wantContinue {
		t.Errorf("after a reload, continue is %q, want %q", got, wantContinue)
	}
	b.do(chromedp.Navigate(b.url("prep/")), chromedp.WaitReady(chromedp.CSS(`main`)))
	check("on the collection page")
}

// scaleSite has a short scale, printed as a row of points.
var scaleSite = map[string]string{"content/scale.md": "---\ntitle: Scale\n---\n::scale[Where now?]{#now}\n::scale[How strong?]{#strength min=0 max=100 step=5}\n"}

// TestChosenPointInPrint chooses a point of a scale and prints: the
// chosen point is white on solid black, bold in a thick border; the others
// are plain black on white.
func TestChosenPointInPrint(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, scaleSite))
	b.do(chromedp.Navigate(b.url("scale/")), chromedp.WaitVisible(chromedp.CSS(`[for="field-now:7"]`)))
	b.do(chromedp.Click(chromedp.CSS(`[for="field-now:7"]`)))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	style := func(id string) string {
		return eval[string](b, `(() => { const s = getComputedStyle(document.querySelector('[for="`+id+`"]'));
			return [s.color, s.backgroundColor, s.borderTopWidth, s.borderTopStyle, s.borderTopColor, s.fontWeight, s.printColorAdjust].join(' | ') })()`)
	}
	if !eval[bool](b, `matchMedia('print').matches`) {
		t.Fatal("print media is not emulated")
	}
	if got, want := style("field-now:7"), "rgb(255, 255, 255) | rgb(0, 0, 0) | 3px | solid | rgb(0, 0, 0) | 700 | exact"; got != want {
		t.Errorf("the chosen point prints as\n%s\nwant\n%s", got, want)
	}
	if got, want := style("field-now:6"), "rgb(0, 0, 0) | rgb(255, 255, 255) | 1px | solid | rgb(0, 0, 0) | 400 | exact"; got != want {
		t.Errorf("a point not chosen prints as\n%s\nwant\n%s", got, want)
	}
}
