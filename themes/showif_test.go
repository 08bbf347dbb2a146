package themes_test

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// showIfPage has a callout, a choice's follow-up and a text's follow-up
// that appear when needed, and a repeating log whose follow-up question
// depends on the same entry's answer.
const showIfPage = `---
title: W
---
::scale[How is your mood?]{#mood min=1 max=5}

:::note{show-if="mood <= 2"}
Talk to someone you trust.
:::

::choice[Your role]{#role options="lead=Team lead|ic=Individual contributor"}

::textarea[How many people report to you?]{#reports show-if="role = lead"}

::text[Your manager]{#boss}

::text[Their title]{#title show-if="boss answered"}

:::exercise{#log repeat title="Sleep log" add="Add a night"}
::number[Hours slept]{#sleep}
::text[What kept you up?]{#why show-if="sleep < 6"}
:::
`

// showIfState lists what shows of each element with a condition, in page
// order (the log's follow-up once for each entry, newest first), and the
// workbook's progress.
const showIfState = `[...document.querySelectorAll('[data-show-if-field]')].map(el => el.hidden ? '-' : '+').join('') +
	' ' + document.querySelector('[data-progress-text]').textContent`

// TestShowIfFollowsAnswers answers a scale, a choice and a text and finds
// the questions under them appear and go, hidden fields leaving progress;
// each entry of a repeating exercise follows its own answer; the keyboard
// focus leaves a question that hides; a reload shows the same; the home
// page counts as the workbook page does; and print shows everything.
func TestShowIfFollowsAnswers(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": showIfPage}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry] [data-field$=".sleep"] input`)))
	step := func(what, want string) {
		t.Helper()
		if got := eval[string](b, showIfState); got != want {
			t.Errorf("%s: the page shows %q, want %q", what, got, want)
		}
	}
	// Hidden: the note (no mood), the reports (no role), the title (no
	// manager) and the entry's follow-up (no hours), which leave 4 fields.
	step("at first", "---- 0 of 4 answered")
	b.do(chromedp.Click(chromedp.CSS(`label[for="field-mood:2"]`)))
	step("a low mood", "+--- 1 of 4 answered")
	b.do(chromedp.Click(chromedp.CSS(`label[for="field-mood:4"]`)))
	step("a better mood", "---- 1 of 4 answered")
	b.do(chromedp.Click(chromedp.CSS(`label[for="field-role:0"]`)))
	step("a team lead", "-+-- 2 of 5 answered")
	b.do(chromedp.SendKeys(chromedp.CSS(`#field-boss`), "Ana"))
	step("a manager named", "-++- 3 of 6 answered")

	// The reports question hides while the client is typing in it (as
	// when another tab changes the role): the focus goes to the role.
	b.do(chromedp.Focus(chromedp.CSS(`#field-reports`)))
	eval[bool](b, `(() => { const r = document.getElementById('field-role:1'); r.checked = true; r.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`)
	step("an individual contributor", "--+- 3 of 5 answered")
	if got := eval[string](b, `document.activeElement.closest('[data-field]') ? document.activeElement.closest('[data-field]').getAttribute('data-field') : document.activeElement.tagName`); got != "role" {
		t.Errorf("once the question with the focus hid, the focus is in %q, want the role", got)
	}

	// Each entry follows its own hours: the newest first.
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-entry] [data-field$=".sleep"] input`), "5"))
	step("a short night", "--++ 4 of 6 answered")
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)), chromedp.WaitVisible(chromedp.CSS(`[data-entry]:nth-child(2)`)))
	step("a new entry", "--+-+ 4 of 6 answered")
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-entry]:first-child [data-field$=".sleep"] input`), "8"))
	// The long night asks no why, but the short one still does.
	step("a long night", "--+-+ 4 of 6 answered")
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-entry]:nth-child(2)').open = true`),
		chromedp.SendKeys(chromedp.CSS(`[data-entry]:nth-child(2) [data-field$=".why"] input`), "Noise"))
	step("the short night explained", "--+-+ 5 of 6 answered")

	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-entry] [data-field$=".sleep"] input`)))
	step("after a reload", "--+-+ 5 of 6 answered")

	// Another tab saves a low mood: the note shows here too.
	eval[bool](b, `(() => {
		const key = '`+storagePrefix+`a:w:mood', newValue = JSON.stringify({v: '1', t: Date.now()});
		localStorage.setItem(key, newValue);
		window.dispatchEvent(new StorageEvent('storage', {key, newValue}));
		return true;
	})()`)
	step("a low mood saved in another tab", "+-+-+ 5 of 6 answered")

	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-workbook="w"] [data-card-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-workbook="w"] [data-card-progress] span').textContent + ' of max ' + document.querySelector('[data-workbook="w"] [data-card-progress] progress').max`); got != "5 of 6 answered of max 6" {
		t.Errorf("the home page shows %q, want what the workbook page shows", got)
	}

	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry] [data-field$=".sleep"] input`)))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-show-if-field]')].map(el => el.hidden ? (getComputedStyle(el).display === 'none' ? 'x' : 'p') : '+').join('')`); got != "+p+p+" {
		t.Errorf("in print the questions show as %q, want every hidden one printed (p)", got)
	}
}

// TestShowIfWithoutJavaScript: without scripts every question shows.
func TestShowIfWithoutJavaScript(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": showIfPage}))
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitReady(chromedp.CSS("main")))
	all, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSSAll(`[data-show-if-field]`)))
	if err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSSAll(`[data-show-if-field][hidden]`), chromedp.AtLeast(0)))
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 || len(hidden) != 0 {
		t.Errorf("without JavaScript %d of %d questions with show-if are hidden, want none of 4", len(hidden), len(all))
	}
}

// TestShowIfAfterEraseInAnotherTab: when another tab erases the workbook,
// a question shown by an answer hides again, and a total of that answer
// goes back to nothing, without waiting for the client's next keystroke.
func TestShowIfAfterEraseInAnotherTab(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": `---
title: W
---
::scale[Mood]{#mood min=1 max=5}

::textarea[What would help?]{#help show-if="mood <= 2"}

:::rows[Minutes]{#log}
::number[Minutes]{#minutes}
:::

::total[Minutes so far]{of="log.minutes"}
`}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))

	b.do(chromedp.Click(chromedp.CSS(`[data-field=mood] input[value="1"]`)))
	eval[bool](b, `(() => { const el = document.querySelector('[data-col=minutes]'); el.value = '20'; el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
	waitFor(b, saved)
	const state = `document.querySelector('[data-field=help]').closest('[data-show-if-field]').hidden + ' ' + document.querySelector('[data-total] [data-value]').textContent`
	waitFor(other, state+` === "false 20"`)
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-workbook]`)))
	noticeSays(other, "Your answers to this workbook were erased in another tab.")
	if got := eval[string](other, state); got != "true –" {
		t.Errorf("after an erase in another tab, the question's hidden and the total read %q, want %q", got, "true –")
	}
}
