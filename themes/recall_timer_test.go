package themes_test

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// recallSite has a workbook of answers (a/) and one (b/) that recalls
// each kind of them, with a timer.
var recallSite = map[string]string{
	"content/a.md": `---
title: Agenda
---
::text[One focus]{#focus}

::choice[Travel]{#travel options="bus=By bus|bike=By bike"}

:::rows[Plan]{#plan}
::text[Step]{#step}
::check[Done]{#done}
:::

:::exercise{#day repeat title="A day"}
::text[Note]{#note}
:::
`,
	"content/b.md": `---
title: Recalled
---
::recall[The focus you chose]{from="a#focus"}

::recall[How you travel]{from="a#travel"}

::recall[Your plan]{from="a#plan"}

::recall[Your notes]{from="a#day.note"}

::timer[Answer out loud]{minutes=2}

::text[Something of this page]{#own}
`,
	"content/c.md": `---
title: Looking back
---
::recall[The focus you chose]{from="a#focus"}

::timer[Think it over]{minutes=1}
`,
}

// recalled reads what each recall shows, and its link's text and address.
const recalled = `JSON.stringify([...document.querySelectorAll('[data-recall]')].map(r =>
	[[...r.querySelectorAll('[data-answer] p, [data-answer] li')].map(e => e.textContent).join(' | '),
	 r.querySelector('[data-recall-link]').textContent, new URL(r.querySelector('[data-recall-link]').href).pathname]))`

// hostile is an answer that would run script if it became markup.
const hostile = `<img src=x onerror=alert(1)>`

// TestRecallShowsAnswersOfAnotherPage opens a page of recalls before the
// answers exist ("Not answered yet", with a link to answer them), answers
// them on their own page, and finds each shown as text, a hostile answer
// included, and following a change saved in another tab.
func TestRecallShowsAnswersOfAnotherPage(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, recallSite))
	b.do(chromedp.Navigate(b.url("b/")), chromedp.WaitVisible(chromedp.CSS(`[data-recall] [data-answer] p`)))
	empty := `["Not answered yet","Answer it in “Agenda”","` + basePath + `a/"]`
	if got, want := eval[string](b, recalled), "["+strings.Repeat(empty+",", 3)+empty+"]"; got != want {
		t.Errorf("before any answer the recalls show\n%s, want\n%s", got, want)
	}

	b.do(chromedp.Navigate(b.url("a/")), chromedp.WaitVisible(chromedp.CSS(`[id="field-focus"]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-focus"]`), hostile),
		chromedp.Click(chromedp.CSS(`[id="field-travel:1"]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-field=plan] [data-col=step]`), "Call Sam"),
		chromedp.Click(chromedp.CSS(`[data-field=plan] [data-col=done]`)),
		chromedp.SendKeys(chromedp.CSS(`[data-field^="day@"] input`), "First day"))
	waitFor(b, `Object.keys(localStorage).some(k => /:day@[a-z0-9]+\.note$/.test(k))`)
	waitFor(b, saved)
	// A later entry, as the entries extension names them: its ID sorts last.
	eval[bool](b, `localStorage.setItem(`+jsString(storagePrefix+"a:a:day@zzzzzzzzzz.note")+`, JSON.stringify({v: "Second day", t: Date.now()})) || true`)

	b.do(chromedp.Navigate(b.url("b/")), chromedp.WaitVisible(chromedp.CSS(`[data-recall] [data-answer] p`)))
	const change = "Change it in “Agenda”"
	want := `[["` + hostile + `","` + change + `","` + basePath + `a/"],` +
		`["By bike","` + change + `","` + basePath + `a/"],` +
		`["Step: Call Sam; Done: Yes","` + change + `","` + basePath + `a/"],` +
		`["Second day | First day","` + change + `","` + basePath + `a/"]]`
	if got := eval[string](b, recalled); got != want {
		t.Errorf("once answered the recalls show\n%s, want\n%s", got, want)
	}
	if n := eval[int](b, `document.querySelectorAll('[data-recall] img, [data-recall] [onerror]').length`); n != 0 {
		t.Errorf("a recalled answer became markup: %d elements", n)
	}

	// Another tab changes the focus: this one follows.
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("a/")), chromedp.WaitVisible(chromedp.CSS(`[id="field-focus"]`)))
	eval[bool](other, `(box => { box.value = 'Practise STAR'; box.dispatchEvent(new Event('input', { bubbles: true })); return true; })(document.getElementById('field-focus'))`)
	waitFor(other, saved)
	waitFor(b, `document.querySelector('[data-recall] [data-answer]').textContent === 'Practise STAR'`)
}

// TestRecallTimerOnAPageWithoutFields opens a page that holds only a
// recall and a timer, and so saves nothing: both still work.
func TestRecallTimerOnAPageWithoutFields(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, recallSite))
	beforeRuntime(b, clockControl)
	b.do(chromedp.Navigate(b.url("a/")), chromedp.WaitVisible(chromedp.CSS(`[id="field-focus"]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-focus"]`), "Practise STAR"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("c/")), chromedp.WaitReady(chromedp.CSS(`[data-timer]`)))
	waitFor(b, `document.querySelector('[data-recall] [data-answer]').textContent === 'Practise STAR'`)
	b.do(chromedp.Click(chromedp.CSS(`[data-timer-start]`)))
	eval[int](b, `window.clockAhead += 61000`)
	waitFor(b, `document.querySelector('[data-timer]').getAttribute('data-state') === 'done'`)
}

// clockControl lets a test move the page's clock on: Date.now() runs
// ahead by window.clockAhead milliseconds.
const clockControl = `(() => { const now = Date.now; window.clockAhead = 0; Date.now = () => now() + window.clockAhead; })()`

const timerState = `(() => { const t = document.querySelector('[data-timer]');
	return [t.getAttribute('data-state'), t.querySelector('[data-time]').textContent,
		document.activeElement.hasAttribute('data-timer-start') ? 'start' : document.activeElement.hasAttribute('data-timer-pause') ? 'pause' :
		document.activeElement.hasAttribute('data-timer-reset') ? 'reset' : document.activeElement.tagName,
		t.querySelector('[data-timer-status]').textContent].join(' / '); })()`

// TestTimerByKeyboard starts, pauses, restarts and resets a timer by
// keyboard, moving the page's clock rather than waiting: it counts down,
// stands still while paused, and at zero is marked done and says so in its
// live region.
func TestTimerByKeyboard(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, recallSite))
	beforeRuntime(b, clockControl)
	b.do(chromedp.Navigate(b.url("b/")), chromedp.WaitVisible(chromedp.CSS(`[data-timer-start]`)))
	if got := eval[string](b, timerState); got != "ready / 02:00 / BODY / " {
		t.Errorf("before it starts the timer is %q", got)
	}
	b.do(chromedp.Focus(chromedp.CSS(`[data-timer-start]`)), chromedp.KeyEvent(kb.Enter))
	if got := eval[string](b, timerState); got != "running / 02:00 / pause / " {
		t.Errorf("once started the timer is %q", got)
	}
	eval[int](b, `window.clockAhead += 30000`)
	waitFor(b, `document.querySelector('[data-time]').textContent === '01:30'`)
	b.do(chromedp.KeyEvent(kb.Enter))
	eval[int](b, `window.clockAhead += 60000`)
	if got := eval[string](b, timerState); got != "paused / 01:30 / start / " {
		t.Errorf("paused, the timer is %q", got)
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	eval[int](b, `window.clockAhead += 200000`)
	waitFor(b, `document.querySelector('[data-timer]').getAttribute('data-state') === 'done'`)
	if got := eval[string](b, timerState); got != "done / 00:00 / reset / Time is up: Answer out loud" {
		t.Errorf("at its end the timer is %q", got)
	}
	if got := eval[string](b, `document.querySelector('[data-timer-status]').getAttribute('role')`); got != "status" {
		t.Errorf("the timer's end is announced in a region of role %q", got)
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	if got := eval[string](b, timerState); got != "ready / 02:00 / start / " {
		t.Errorf("reset, the timer is %q", got)
	}
}

// TestRecallAndTimerLook lays the page out 320 px wide, in dark mode and
// in print, with a long recalled answer: nothing scrolls sideways, the
// recall and the timer take the dark colours, and print shows the
// recalled text but no timer buttons.
func TestRecallAndTimerLook(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, recallSite))
	b.do(chromedp.EmulateViewport(320, 800))
	b.do(chromedp.Navigate(b.url("a/")), chromedp.WaitVisible(chromedp.CSS(`[id="field-focus"]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-focus"]`), longAnswer))
	waitFor(b, saved)
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.url("b/")), chromedp.WaitVisible(chromedp.CSS(`[data-timer-start]`)))
	if w := eval[int](b, `document.scrollingElement.scrollWidth`); w > 320 {
		t.Errorf("with a long recalled answer and a timer the page is %d px wide on a 320 px screen", w)
	}
	// Dark: the text of both is light on their dark backgrounds.
	light := `(el => { const [r, g, b] = getComputedStyle(el).color.match(/\d+/g).map(Number); return r + g + b > 450; })`
	if !eval[bool](b, light+`(document.querySelector('[data-recall] [data-answer] p')) && `+light+`(document.querySelector('[data-time]'))`) {
		t.Error("in dark mode the recalled answer or the timer is not light text")
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](b, `getComputedStyle(document.querySelector('[data-timer-buttons]')).display + ' / ' +
		(document.querySelector('[data-recall] [data-answer] p').getClientRects().length > 0 ? document.querySelector('[data-recall] [data-answer] p').textContent : '(hidden)')`); got != "none / "+longAnswer {
		t.Errorf("in print the timer's buttons and the recalled answer are %q", got)
	}
}

// TestAxeRecallTimer runs axe-core on a page of recalls, one answered and
// the others not, and a timer that has reached its end: light, dark and
// on a phone.
func TestAxeRecallTimer(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, recallSite))
	beforeRuntime(b, clockControl)
	b.do(chromedp.Navigate(b.url("a/")), chromedp.WaitVisible(chromedp.CSS(`[id="field-focus"]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-focus"]`), "Practise STAR"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("b/")), chromedp.WaitVisible(chromedp.CSS(`[data-timer-start]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-timer-start]`)))
	eval[int](b, `window.clockAhead += 200000`)
	waitFor(b, `document.querySelector('[data-timer]').getAttribute('data-state') === 'done'`)
	axeLightDarkNarrow(t, b, script)
}
