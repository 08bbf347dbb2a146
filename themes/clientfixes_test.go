package themes_test

// Issue 13, defects 3, 5, 6 and 7: what a client sees after restoring a
// file, where the save status shows on a phone, a chosen scale point in
// print, and a slider's every value, its middle one too.

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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

// longWorkbook is a workbook far longer than a phone's screen.
func longWorkbook() map[string]string {
	var page strings.Builder
	page.WriteString("---\ntitle: Long\n---\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&page, "::textarea[Question %d]{#q%d}\n", i, i)
	}
	return map[string]string{"content/long.md": page.String()}
}

// rect is an element's bounding box on screen.
type rect struct{ Top, Bottom, Left, Right float64 }

func (r rect) overlaps(o rect) bool {
	return r.Left < o.Right && o.Left < r.Right && r.Top < o.Bottom && o.Top < r.Bottom
}

func rectOf(b *browserSite, expr string) rect {
	b.t.Helper()
	data := eval[string](b, `JSON.stringify((() => { const r = (`+expr+`).getBoundingClientRect(); return {Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right} })())`)
	var r rect
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		b.t.Fatal(err)
	}
	return r
}

// TestSaveStatusInSight types in the first field of a long workbook on a
// phone: "Saved" shows on screen, beside the field and over no field, and
// the page keeps one live region that announces saving once.
func TestSaveStatusInSight(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, longWorkbook()))
	b.do(chromedp.EmulateViewport(375, 667))
	b.do(chromedp.Navigate(b.url("long/")), chromedp.WaitVisible(chromedp.ID(`field-q1`)))
	b.do(chromedp.Click(chromedp.ID(`field-q1`)), chromedp.SendKeys(chromedp.ID(`field-q1`), "My answer"))
	waitFor(b, saved)
	status := rectOf(b, `document.querySelector('[data-save-status]')`)
	field := rectOf(b, `document.activeElement`)
	viewport := rect{Bottom: eval[float64](b, `innerHeight`), Right: eval[float64](b, `innerWidth`)}
	if status.Bottom <= status.Top || status.Right <= status.Left {
		t.Fatalf("the status has no size: %+v", status)
	}
	if status.Top < 0 || status.Left < 0 || status.Bottom > viewport.Bottom || status.Right > viewport.Right {
		t.Errorf("the status %+v is outside the %+v viewport", status, viewport)
	}
	if status.overlaps(field) {
		t.Errorf("the status %+v covers the field being edited %+v", status, field)
	}
	if status.Top-field.Bottom > 100 {
		t.Errorf("the status is %.0f px below the field", status.Top-field.Bottom)
	}
	// It covers no other question or its label.
	others := eval[int](b, `(() => { const s = document.querySelector('[data-save-status]').getBoundingClientRect();
		return [...document.querySelectorAll('[data-field] label, [data-field] textarea')].filter(e => { const r = e.getBoundingClientRect();
			return r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom }).length })()`)
	if others != 0 {
		t.Errorf("the status covers %d labels or boxes", others)
	}
	// One live region speaks, once; the status itself is not read out at
	// every pause in typing.
	if n := eval[int](b, `document.querySelectorAll('[aria-live], [role=status], [role=alert]').length`); n != 1 {
		t.Errorf("%d live regions, want 1", n)
	}
	if live := eval[bool](b, `(() => { const s = document.querySelector('[data-save-status]'); return s.hasAttribute('aria-live') || !!s.closest('[aria-live], [role=status]') })()`); live {
		t.Error("the save status is itself a live region, read out at every pause")
	}
	if said := eval[string](b, `document.querySelector('[data-announce]').textContent`); said != "Your answers are being saved on this device as you type." {
		t.Errorf("the live region says %q", said)
	}
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

// sliderState is what an untouched or chosen slider shows and saves.
const sliderState = `(() => { const s = document.getElementById('field-strength');
	const o = document.querySelector('output[for="field-strength"]');
	const stored = localStorage.getItem(` + "`" + storagePrefix + "a:scale:strength`" + `);
	return [o.textContent, s.hasAttribute('data-unset'), s.getAttribute('aria-valuetext'), getComputedStyle(s).appearance, stored === null ? 'none' : JSON.parse(stored).v].join(' | ') })()`

const untouchedSlider = "– | true | Not answered yet | none | none"
const sliderAt50 = "50 | false |  | auto | 50"

// openSlider opens the scale page afresh, and returns the middle of the
// slider, where its untouched thumb sits.
func openSlider(t *testing.T) (*browserSite, float64, float64) {
	b := openSite(t, writeSite(t, scaleSite))
	b.do(chromedp.EmulateViewport(375, 667))
	b.do(chromedp.Navigate(b.url("scale/")), chromedp.WaitVisible(chromedp.ID(`field-strength`)))
	if got := eval[string](b, sliderState); got != untouchedSlider {
		t.Errorf("an untouched slider shows %q, want %q", got, untouchedSlider)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('field-strength').scrollIntoView({block: 'center'})`))
	r := rectOf(b, `document.getElementById('field-strength')`)
	return b, (r.Left + r.Right) / 2, (r.Top + r.Bottom) / 2
}

// TestSliderMiddleValue chooses a slider's middle value, 50, by mouse,
// by keyboard (an arrow and back, or Enter) and by touch: each records 50.
func TestSliderMiddleValue(t *testing.T) {
	t.Parallel()
	slider := chromedp.ID(`field-strength`)
	for _, c := range []struct {
		name, what string
		act        func(b *browserSite, x, y float64)
	}{
		{"mouse", "a click on the thumb", func(b *browserSite, x, y float64) { b.do(chromedp.MouseClickXY(x, y)) }},
		{"arrows", "ArrowRight and ArrowLeft", func(b *browserSite, _, _ float64) {
			b.do(chromedp.Focus(slider), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowLeft))
		}},
		{"enter", "Enter", func(b *browserSite, _, _ float64) { b.do(chromedp.Focus(slider), chromedp.KeyEvent(kb.Enter)) }},
		{"touch", "a tap on the thumb", func(b *browserSite, x, y float64) {
			for _, ev := range []input.DispatchTouchEventParams{
				{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}},
				{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
			} {
				if _, err := chromedp.Call(b.ctx, input.DispatchTouchEvent, ev); err != nil {
					b.t.Fatal(err)
				}
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			b, x, y := openSlider(t)
			c.act(b, x, y)
			waitFor(b, saved)
			if got := eval[string](b, sliderState); got != sliderAt50 {
				t.Errorf("after %s: %q, want %q", c.what, got, sliderAt50)
			}
		})
	}
}
