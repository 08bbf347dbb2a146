package themes_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// bookSite has workbooks on the home page and in two collections: three
// to answer, one left empty, and one page that asks nothing.
var bookSite = map[string]string{
	"content/_index.md": "---\ntitle: Companion\n---\nWelcome.\n",
	"content/start.md": `---
title: Getting started
weight: 1
---
::text[What brings you here?]{#why}
`,
	"content/reading.md":     "---\ntitle: A reading\nweight: 2\n---\nNothing to answer.\n",
	"content/prep/_index.md": "---\ntitle: Preparation\nweight: 1\n---\n",
	"content/prep/drive.md": `---
title: Your drive
weight: 1
---
:::exercise{#drive title="What drives you"}
::choice[Main driver]{#kind options="Income|Harmony" other}
::list[Questions to bring]{#questions max=3}
:::
::scale[How strong?]{#strength min=1 max=5}
`,
	"content/prep/empty.md":   "---\ntitle: Left for later\nweight: 2\n---\n::text[A question]{#q}\n",
	"content/after/_index.md": "---\ntitle: After the session\nweight: 2\n---\n",
	"content/after/journal.md": `---
title: Journal
---
:::exercise{#day title="A day" repeat}
::text[What happened]{#what}
::number[Mood]{#mood min=0 max=10}
:::
::commitments{#plan}
`,
}

// fillBook answers three of bookSite's workbooks through their pages.
func fillBook(b *browserSite) {
	b.t.Helper()
	page := func(path string, steps func()) {
		b.do(chromedp.Navigate(b.url(path)), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
		steps()
		waitFor(b, saved)
	}
	page("start/", func() { setValue(b, `[id="field-why"]`, "A new <b>job</b>") })
	page("prep/drive/", func() {
		b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('field-kind:other').click()`))
		setValue(b, `[id="field-kind:other-text"]`, "Purpose")
		setValue(b, `[id="field-questions:1"]`, "Which industries?")
		b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('field-strength:4').click()`))
	})
	page("after/journal/", func() {
		setValue(b, `[data-field$=".what"] input`, "A good talk")
		setValue(b, `[data-field$=".mood"] input`, "7")
		setValue(b, `[id="field-plan.tasks:1:task"]`, "Call Sam")
		setValue(b, `[id="field-plan.tasks:1:due"]`, "2026-12-05")
	})
}

// bookText is what the book shows, a line per heading, question and
// answer, workbook by workbook.
const bookText = `[...document.querySelectorAll('[data-book] h2, [data-book] h3, [data-book-count], .book-exercise, .book-entry, .book-question, .book-answer, .book-none')].map(e => e.textContent.replace(/entry of .*/, 'entry of (date)')).join('\n')`

// wantBook is bookText for fillBook's answers.
const wantBook = `Workbooks
Getting started
Done: all 1 answered
What brings you here?
A new <b>job</b>
Preparation
Your drive
Done: all 3 answered
What drives you
Main driver
Purpose
Questions to bring
Which industries?
How strong?
4
Left for later
Not started
A question
Not answered yet
After the session
Journal
3 of 4 answered
A day
A day: entry of (date)
What happened
A good talk
Mood
7
My commitments
Commitments
What I will do: Call Sam; By when: 2026-12-05
If something gets in the way, I will…
Not answered yet
Follow-up session
Not answered yet`

// TestMyAnswers fills three workbooks, then reads them all on "My
// answers": in site order, with the questions, progress overall and per
// workbook, the empty workbook closed, print showing what holds answers,
// and one Markdown file of everything.
func TestMyAnswers(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, bookSite))
	dir := downloads(b)
	fillBook(b)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`.site-nav a`)))
	b.do(chromedp.Click(chromedp.CSS(`.site-nav a`)), chromedp.WaitVisible(chromedp.CSS(`[data-book]`)))
	if got := eval[string](b, `location.pathname`); got != basePath+"answers/" {
		t.Fatalf("the header's link leads to %s", got)
	}
	if got := eval[string](b, `document.querySelector('.site-nav a').getAttribute('aria-current')`); got != "page" {
		t.Errorf("the header's link on its own page: aria-current %q", got)
	}
	if got := eval[string](b, bookText); got != wantBook {
		t.Errorf("the book:\n%s\nwant:\n%s", got, wantBook)
	}
	if got := eval[string](b, `document.querySelector('[data-book-progress]').textContent`); got != "2 of 4 workbooks done" {
		t.Errorf("overall progress %q", got)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-book-workbook]')].map(d => d.getAttribute('data-book-workbook') + ':' + d.open).join(' ')`); got != "start:true prep/drive:true prep/empty:false after/journal:true" {
		t.Errorf("workbooks listed and opened: %s", got)
	}
	if got := eval[int](b, `document.querySelectorAll('.book-answer b').length`); got != 0 {
		t.Error("an answer's markup became HTML")
	}

	// Print: what holds answers is open, questions left empty and the
	// tools are left out.
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-book-workbook="start"]').open = false`))
	b.do(chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event('beforeprint'))`))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed := `[...document.querySelectorAll('.book-question')].filter(e => e.offsetParent !== null).map(e => e.textContent).join('|') + ' ' + getComputedStyle(document.querySelector('.book-tools .buttons')).display + ' ' + getComputedStyle(document.querySelector('.site-nav')).display`
	if got := eval[string](b, printed); got != "What brings you here?|Main driver|Questions to bring|How strong?|What happened|Mood|Commitments none none" {
		t.Errorf("printed: %s", got)
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-book-action=markdown]`)))
	name, markdown := downloaded(t, dir, ".md")
	if !strings.HasPrefix(name, "answers-") {
		t.Errorf("the Markdown file is named %q", name)
	}
	for _, want := range []string{
		"# My answers\n\n2 of 4 workbooks done\n\n## Workbooks\n\n### Getting started\n\nDone: all 1 answered\n\n**What brings you here?**\n\nA new \\<b>job\\</b>\n",
		"## Preparation\n\n### Your drive\n\nDone: all 3 answered\n\n#### What drives you\n\n**Main driver**\n\nPurpose\n",
		"### Left for later\n\nNot started\n\n## After the session\n\n### Journal\n\n3 of 4 answered\n\n#### A day\n\n##### A day: entry of ",
		"**Commitments**\n\nWhat I will do: Call Sam; By when: 2026-12-05\n",
	} {
		if !strings.Contains(markdown, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, markdown)
		}
	}
	if strings.Contains(markdown, "Follow-up session") {
		t.Errorf("the Markdown lists a question left empty:\n%s", markdown)
	}
}

// TestMyAnswersFollowsOtherTabs: an answer saved in another tab shows at
// once on "My answers".
func TestMyAnswersFollowsOtherTabs(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, bookSite))
	b.do(chromedp.Navigate(b.url("answers/")), chromedp.WaitVisible(chromedp.CSS(`[data-book]`)))
	if got := eval[string](b, `document.querySelector('[data-book-progress]').textContent`); got != "0 of 4 workbooks done" {
		t.Errorf("overall progress with no answers %q", got)
	}
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("prep/empty/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	setValue(other, `[id="field-q"]`, "Later")
	waitFor(other, saved)
	waitFor(b, `document.querySelector('[data-book-workbook="prep/empty"]').open`)
	if got := eval[string](b, `document.querySelector('[data-book-workbook="prep/empty"] .book-answer').textContent`); got != "Later" {
		t.Errorf("the other tab's answer shows as %q", got)
	}
}

// namedClient is a client of bookSite who answered three workbooks and
// gave their name, "A. B.", on the home page, with downloads going to
// the folder it returns.
func namedClient(t *testing.T) (*browserSite, string) {
	t.Helper()
	b := openSite(t, writeSite(t, bookSite))
	dir := downloads(b)
	fillBook(b)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-client-name]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-client-name]`), "A. B."))
	return b, dir
}

// openFresh opens a tab in a new browser context on b's server: another
// person's browser, with storage of its own.
func openFresh(b *browserSite) *browserSite {
	b.t.Helper()
	other := &browserSite{t: b.t, server: b.server, dests: b.dests}
	other.start(chromePath(b.t), 2*time.Minute)
	return other
}

// storageIsEmpty is true when the page's origin keeps nothing in local
// or session storage.
const storageIsEmpty = `localStorage.length === 0 && sessionStorage.length === 0`

// reviewFile opens a file on the review page and waits for it to show.
func reviewFile(b *browserSite, path string) {
	b.t.Helper()
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-review-file]`), []string{path}))
}

// TestReviewAClientsFile: a client downloads their answers with their
// name; a coach opens the file on the review page in another browser and
// reads every answer as "My answers" shows it, with the client's name and
// the file's date, and their browser keeps nothing.
func TestReviewAClientsFile(t *testing.T) {
	t.Parallel()
	b, dir := namedClient(t)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	name, _ := downloaded(t, dir, ".json")

	coach := openFresh(b)
	coach.do(chromedp.Navigate(b.url("review/")), chromedp.WaitVisible(chromedp.CSS(`[data-review-choose]`)))
	if got := eval[bool](coach, `document.querySelector('[data-book]').hidden`); !got {
		t.Error("the review page shows a book before any file")
	}
	reviewFile(coach, dir+"/"+name)
	waitFor(coach, `!document.querySelector('[data-book]').hidden`)
	if got := eval[string](coach, bookText); got != wantBook {
		t.Errorf("the review shows:\n%s\nwant:\n%s", got, wantBook)
	}
	if got := eval[string](coach, `document.querySelector('[data-review-client]').textContent`); got != "Answers of A. B." {
		t.Errorf("whose: %q", got)
	}
	if got := eval[string](coach, `document.querySelector('[data-review-date]').textContent`); !strings.HasPrefix(got, "From the file "+name+", made ") {
		t.Errorf("the file and its date: %q", got)
	}
	if got := eval[bool](coach, `document.querySelector('[data-review-notes]').hidden`); !got {
		t.Errorf("notes on a file of this site: %s", eval[string](coach, `document.querySelector('[data-review-notes]').textContent`))
	}
	if !eval[bool](coach, storageIsEmpty) {
		t.Errorf("the coach's browser keeps: %s", eval[string](coach, `JSON.stringify(Object.assign({}, localStorage, sessionStorage))`))
	}
	if coach.url("") == "" || eval[bool](coach, `document.querySelector('.site-nav a[href$="review/"]') !== null`) {
		t.Error("the site's navigation links to the review page")
	}
}

// TestAxeBookPages runs axe-core on "My answers" and on the review page
// showing a client's file, light, dark and at 320 px: nothing serious or
// critical, and nothing wider than the screen.
func TestAxeBookPages(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, bookSite))
	dir := downloads(b)
	fillBook(b)
	b.do(chromedp.Navigate(b.url("answers/")), chromedp.WaitVisible(chromedp.CSS(`[data-book]`)))
	axeLightDarkNarrow(t, b, script)
	if wide := eval[int](b, `document.documentElement.scrollWidth`); wide > 320 {
		t.Errorf("My answers is %d px wide on a 320 px screen", wide)
	}

	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	name, _ := downloaded(t, dir, ".json")
	coach := openFresh(b)
	coach.do(chromedp.Navigate(b.url("review/")), chromedp.WaitVisible(chromedp.CSS(`[data-review-choose]`)))
	reviewFile(coach, dir+"/"+name)
	waitFor(coach, `!document.querySelector('[data-book]').hidden`)
	axeLightDarkNarrow(t, coach, script)
	if wide := eval[int](coach, `document.documentElement.scrollWidth`); wide > 320 {
		t.Errorf("the review page is %d px wide on a 320 px screen", wide)
	}
}
