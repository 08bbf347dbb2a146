package themes_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// orderPage has a ranking, a ranking the client may add to, and a card
// sort of seven values whose "must" pile holds at most five.
const orderPage = `---
title: Order
---
::text[Your name]{#name}

::rank[Put these in order of importance]{#priorities options="pay=Pay|growth=Growth|people=People|place=Location"}

::rank[What matters next]{#next options="money=Money|time=Time" other}

::sort[Sort the values]{#values options="autonomy=Autonomy|security=Security|growth=Growth|family=Family|health=Health|money=Money|fun=Fun" into="must=Must have|nice=Nice to have|no=Not important" max-must=5}
`

// ranked reads a ranking's items in the order shown.
func ranked(b *browserSite, key string) string {
	b.t.Helper()
	return eval[string](b, `[...document.querySelectorAll('[data-field=`+key+`] [data-card-label]')].map(e => e.textContent).join('|')`)
}

// stored reads what storage holds for a field of the page, or "".
func stored(b *browserSite, key string) string {
	b.t.Helper()
	return eval[string](b, `(r => r ? JSON.stringify(JSON.parse(r).v) : '')(localStorage.getItem(`+jsString(storagePrefix+"a:w:"+key)+`))`)
}

func openOrderPage(t *testing.T) *browserSite {
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": orderPage}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=priorities] [data-moves]`)))
	return b
}

// TestRankByKeyboard tabs from the field before a ranking to its first
// move button and presses Enter twice: Pay moves down to third, focus
// stays on its button, each move is announced, and the order is saved
// and shown again after a reload. Before any move nothing is saved.
func TestRankByKeyboard(t *testing.T) {
	t.Parallel()
	b := openOrderPage(t)
	if got := eval[bool](b, `!document.querySelector('[data-field=priorities] [data-keep-box]').hidden`); !got {
		t.Error("an unanswered ranking does not offer to keep its order")
	}
	b.do(chromedp.Focus(chromedp.ID(`field-name`)), chromedp.KeyEvent(kb.Tab))
	focused := `document.activeElement.getAttribute('aria-label')`
	if got := eval[string](b, focused); got != "Move Pay down" {
		t.Fatalf("Tab from the name reaches %q, want the first item's move down button", got)
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	if got := eval[string](b, `document.querySelector('[data-field=priorities] [data-rank-status]').textContent`); got != "Pay moved to 2 of 4" {
		t.Errorf("the move announces %q", got)
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	if got := eval[string](b, focused); got != "Move Pay down" {
		t.Errorf("after the moves focus is on %q", got)
	}
	if got := eval[string](b, `document.querySelector('[data-field=priorities] [data-rank-status]').textContent`); got != "Pay moved to 3 of 4" {
		t.Errorf("the second move announces %q", got)
	}
	const want = "Growth|People|Pay|Location"
	if got := ranked(b, "priorities"); got != want {
		t.Errorf("after two moves the order is %s, want %s", got, want)
	}
	waitFor(b, saved)
	if got := stored(b, "priorities"); got != `["growth","people","pay","place"]` {
		t.Errorf("saved %s", got)
	}
	if got := stored(b, "next"); got != "" {
		t.Errorf("the ranking not moved saved %s", got)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=priorities] [data-moves]`)))
	if got := ranked(b, "priorities"); got != want {
		t.Errorf("after a reload the order is %s, want %s", got, want)
	}
	if eval[bool](b, `!document.querySelector('[data-field=priorities] [data-keep-box]').hidden`) {
		t.Error("an answered ranking still offers to keep its order")
	}
	// "Keep this order" answers with the order shown.
	b.do(chromedp.Click(chromedp.CSS(`[data-field=next] [data-keep]`)))
	waitFor(b, saved)
	if got := stored(b, "next"); got != `["money","time"]` {
		t.Errorf("Keep this order saved %s", got)
	}
}

// TestRankByDrag drags Location by its handle above Pay, with a mouse and
// with a finger (both reach the runtime as pointer events): it is first,
// announced, and saved so.
func TestRankByDrag(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		drag func(b *browserSite, x, from, to float64)
	}{
		{"mouse", func(b *browserSite, x, from, to float64) {
			b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, from, chromedp.ButtonLeft))
			for _, y := range []float64{from - 20, (from + to) / 2, to} {
				b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y, chromedp.ButtonLeft))
			}
			b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x, to, chromedp.ButtonLeft))
		}},
		{"touch", func(b *browserSite, x, from, to float64) {
			events := []input.DispatchTouchEventParams{{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: from}}}}
			for _, y := range []float64{from - 20, (from + to) / 2, to} {
				events = append(events, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchMove, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}})
			}
			events = append(events, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
			for _, ev := range events {
				if _, err := chromedp.Call(b.ctx, input.DispatchTouchEvent, ev); err != nil {
					b.t.Fatal(err)
				}
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			b := openOrderPage(t)
			eval[bool](b, `document.querySelector('[data-field=priorities]').scrollIntoView({block: 'center'}) === undefined`)
			grip := rectOf(b, `document.querySelector('[data-field=priorities] [data-card=place] [data-grip]')`)
			first := rectOf(b, `document.querySelector('[data-field=priorities] [data-card=pay]')`)
			c.drag(b, (grip.Left+grip.Right)/2, (grip.Top+grip.Bottom)/2, first.Top+2)
			const want = "Location|Pay|Growth|People"
			if got := ranked(b, "priorities"); got != want {
				t.Fatalf("after the drag the order is %s, want %s", got, want)
			}
			if got := eval[string](b, `document.querySelector('[data-field=priorities] [data-rank-status]').textContent`); got != "Location moved to 1 of 4" {
				t.Errorf("the drag announces %q", got)
			}
			waitFor(b, saved)
			b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=priorities] [data-moves]`)))
			if got := ranked(b, "priorities"); got != want {
				t.Errorf("after a reload the order is %s, want %s", got, want)
			}
		})
	}
}

// TestRankOwnItemsAndEarlierAnswers adds an item of the client's own,
// is refused one that repeats an option's text or key, removes it again;
// and keeps a saved key the author has since removed, shown as the
// client's earlier answer.
func TestRankOwnItemsAndEarlierAnswers(t *testing.T) {
	t.Parallel()
	b := openOrderPage(t)
	add := func(text string) {
		b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-next:own"]`), text+kb.Enter))
	}
	add("Remote work")
	if got := ranked(b, "next"); got != "Money|Time|Remote work" {
		t.Errorf("after adding the ranking is %s", got)
	}
	for _, taken := range []string{"Time", "money"} {
		add(taken)
		if got := eval[string](b, `document.querySelector('[data-field=next] [data-own-error]').textContent`); got != "“"+taken+"” is already in the list." {
			t.Errorf("adding %q says %q", taken, got)
		}
		eval[bool](b, `(document.getElementById('field-next:own').value = '') === ''`)
	}
	waitFor(b, saved)
	if got := stored(b, "next"); got != `["money","time","Remote work"]` {
		t.Errorf("saved %s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=next] [data-card="Remote work"] [data-remove]`)))
	waitFor(b, saved)
	if got := stored(b, "next"); got != `["money","time"]` {
		t.Errorf("after removing saved %s", got)
	}

	eval[bool](b, `localStorage.setItem(`+jsString(storagePrefix+"a:w:priorities")+`, JSON.stringify({v: ["perks", "pay", "growth", "people", "place"], t: Date.now()})) || true`)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=priorities] [data-moves]`)))
	if got := ranked(b, "priorities"); got != "Your earlier answer: perks|Pay|Growth|People|Location" {
		t.Errorf("a removed key shows as %s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=priorities] [data-card=place] [data-up]`)))
	waitFor(b, saved)
	if got := stored(b, "priorities"); got != `["perks","pay","growth","place","people"]` {
		t.Errorf("after a move saved %s", got)
	}
}

// TestSortPileLimit puts five cards into "Must have": the sixth card's
// "Must have" is then disabled, saying why, and a click on it changes
// nothing; the counts, the columns of a wide screen and, after a reload,
// the page show the piles as saved.
func TestSortPileLimit(t *testing.T) {
	t.Parallel()
	b := openOrderPage(t)
	b.do(chromedp.EmulateViewport(1280, 900))
	for _, card := range []string{"autonomy", "security", "growth", "family", "health"} {
		b.do(chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=` + card + `] input[value=must]`)))
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=fun] input[value=nice]`)))
	sixth := `document.querySelector('[data-field=values] [data-card=money] input[value=must]')`
	if !eval[bool](b, sixth+`.disabled`) {
		t.Error("with five cards in a pile of five, the sixth card may still go into it")
	}
	if got := eval[string](b, sixth+`.labels[0].textContent`); got != "Must have (full: 5 cards)" {
		t.Errorf("the full pile's choice reads %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=money] input[value=must]`)))
	if eval[bool](b, sixth+`.checked`) {
		t.Error("the sixth card went into the full pile")
	}
	counts := `[...document.querySelectorAll('[data-field=values] [data-sort-counts] li')].map(e => e.textContent).join('|')`
	columns := `[...document.querySelectorAll('[data-field=values] .sort-column')].map(c => c.querySelectorAll('li').length).join('|') + ' ' + getComputedStyle(document.querySelector('[data-sort-columns]')).display`
	const wantCounts, wantColumns = "Must have: 5 of 5|Nice to have: 1|Not important: 0", "5|1|0 grid"
	if got := eval[string](b, counts); got != wantCounts {
		t.Errorf("the counts read %s", got)
	}
	if got := eval[string](b, columns); got != wantColumns {
		t.Errorf("the columns hold %s", got)
	}
	waitFor(b, saved)
	var value map[string]string
	if err := json.Unmarshal([]byte(stored(b, "values")), &value); err != nil || len(value) != 6 || value["health"] != "must" || value["fun"] != "nice" {
		t.Errorf("saved %v (%v)", value, err)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=values] [data-sort-counts]`)))
	if got := eval[string](b, counts); got != wantCounts {
		t.Errorf("after a reload the counts read %s", got)
	}
	if !eval[bool](b, sixth+`.disabled && document.querySelector('[data-field=values] [data-card=health] input[value=must]').checked`) {
		t.Error("after a reload the piles are not as saved")
	}
	// Moving a card out frees its place.
	b.do(chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=health] input[value=no]`)))
	if eval[bool](b, sixth+`.disabled`) {
		t.Error("a pile with a free place stays closed")
	}
}

// TestOrderExports ranks and sorts, then finds both in the answers file
// and in the Markdown download: the ranking numbered, the piles as lines.
func TestOrderExports(t *testing.T) {
	t.Parallel()
	b := openOrderPage(t)
	dir := downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-field=priorities] [data-card=pay] [data-down]`)))
	for card, pile := range map[string]string{"autonomy": "must", "security": "must", "fun": "no"} {
		b.do(chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=` + card + `] input[value=` + pile + `]`)))
	}
	waitFor(b, saved)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	_, markdown := downloaded(t, dir, ".md")
	for _, part := range []string{"1. Growth\n2. Pay\n3. People\n4. Location", "Must have: Autonomy, Security\n\nNot important: Fun"} {
		if !strings.Contains(markdown, part) {
			t.Errorf("the Markdown lacks %q:\n%s", part, markdown)
		}
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	_, exported := downloaded(t, dir, ".json")
	for _, part := range []string{`["growth","pay","people","place"]`, `"autonomy":"must"`, `"fun":"no"`} {
		if !strings.Contains(strings.Join(strings.Fields(exported), ""), part) {
			t.Errorf("the answers file lacks %s:\n%s", part, exported)
		}
	}
}

// TestOrderLook lays the page out 320 px wide in dark mode: nothing
// scrolls sideways, and the items and cards are light text; in print
// the ranking shows without its buttons.
func TestOrderLook(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": orderPage}))
	b.do(chromedp.EmulateViewport(320, 800))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=priorities] [data-moves]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-next:own"]`), strings.Repeat("A long item of my own ", 8)+kb.Enter))
	if w := eval[int](b, `document.scrollingElement.scrollWidth`); w > 320 {
		t.Errorf("the page is %d px wide on a 320 px screen", w)
	}
	light := `(el => { const [r, g, b] = getComputedStyle(el).color.match(/\d+/g).map(Number); return r + g + b > 450; })`
	if !eval[bool](b, light+`(document.querySelector('[data-card-label]')) && `+light+`(document.querySelector('.sort-card legend')) && `+light+`(document.querySelector('.sort-choice label'))`) {
		t.Error("in dark mode a ranked item or a card is not light text")
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](b, `getComputedStyle(document.querySelector('[data-moves]')).display + ' ' + document.querySelector('[data-card-label]').getClientRects().length`); got != "none 1" {
		t.Errorf("in print the buttons and items are %q", got)
	}
}

// TestRecallShowsARanking recalls a ranking and a card sort on another
// page: the ranking's texts in the client's order, not their keys, and
// each sorted card with its pile.
func TestRecallShowsARanking(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{
		"content/w.md": orderPage,
		"content/r.md": "---\ntitle: Recalled\n---\n::recall[Your order]{from=\"w#priorities\"}\n\n::recall[Your values]{from=\"w#values\"}\n",
	}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=priorities] [data-moves]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-field=priorities] [data-card=pay] [data-down]`)),
		chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=security] input[value=must]`)),
		chromedp.Click(chromedp.CSS(`[data-field=values] [data-card=fun] input[value=no]`)))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("r/")), chromedp.WaitVisible(chromedp.CSS(`[data-recall] [data-answer]`)))
	if got := eval[string](b, `[...document.querySelectorAll('[data-recall] [data-answer]')].map(a => [...a.querySelectorAll('li, p')].map(e => e.textContent).join('|')).join(' / ')`); got != "Growth|Pay|People|Location / Security: Must have|Fun: Not important" {
		t.Errorf("the recalled ranking reads %s", got)
	}
}

// TestRankHandlePressIsNoAnswer presses and releases an item's handle
// without moving it: the ranking stays unanswered, and still offers to
// keep its order.
func TestRankHandlePressIsNoAnswer(t *testing.T) {
	t.Parallel()
	b := openOrderPage(t)
	eval[bool](b, `document.querySelector('[data-field=priorities]').scrollIntoView({block: 'center'}) === undefined`)
	grip := rectOf(b, `document.querySelector('[data-field=priorities] [data-card=growth] [data-grip]')`)
	x, y := (grip.Left+grip.Right)/2, (grip.Top+grip.Bottom)/2
	b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft))
	// Another field's save shows when saving has happened.
	b.do(chromedp.SendKeys(chromedp.ID(`field-name`), "Sam"))
	waitFor(b, saved)
	if got := stored(b, "priorities"); got != "" {
		t.Errorf("a press on the handle saved %s", got)
	}
	if eval[bool](b, `document.querySelector('[data-field=priorities] [data-keep-box]').hidden`) {
		t.Error("after a press on the handle the ranking no longer offers to keep its order")
	}
}
