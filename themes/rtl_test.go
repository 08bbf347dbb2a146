package themes_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// rtlSite is a site in the language given to it, with a collection of
// three workbooks: the middle one, b, has a previous and a next one and
// holds fields of several kinds, a repeat with a date and a chart, and a
// matrix. The interface words stay English whatever the language: the
// layout is what is tested.
func rtlSite(language string) map[string]string {
	return map[string]string{
		"content/_index.md":   "---\ntitle: دليل العمل\nlanguage: " + language + "\n---\nمرحبا.\n",
		"content/c/_index.md": "---\ntitle: التمارين\n---\n",
		"content/c/a.md":      "---\ntitle: أول\nweight: 1\n---\n::text[سؤال]{#q}\n",
		"content/c/c.md":      "---\ntitle: آخر\nweight: 3\n---\n::text[سؤال]{#q}\n",
		"content/c/b.md": `---
title: الثاني
weight: 2
---
نص قصير.

> اقتباس

:::tip
نصيحة.
:::

::text[الاسم]{#name}
::choice[الدافع]{#driver options="المال|الانسجام"}
::scale[إلى أي حد؟]{#strength min=1 max=5}
::list[أسئلة]{#questions max=3}
::commitments{#plan}

:::exercise{#journal repeat title="يومياتي"}
::date[اليوم]{#day}
::number[الدقائق]{#minutes min=0 max=600}
::textarea[ماذا حدث]{#what}
:::

::total[المجموع]{of="journal.minutes"}
::chart[الدقائق]{of="journal.minutes"}

::matrix[قارن]{#offers options="a=العرض أ|b=العرض ب" criteria="pay=الراتب|growth=النمو" weights}
`,
	}
}

// layoutOf measures what a right-to-left page must mirror: where the
// pager's links and the breadcrumbs sit, where a paragraph's and a
// label's text start, and how wide the page is against its window.
const layoutOf = `(() => {
	const sides = r => ({left: r.left, right: r.right});
	const box = el => sides(el.getBoundingClientRect());
	const text = el => { const r = document.createRange(); r.selectNodeContents(el); return sides(r.getBoundingClientRect()); };
	const p = document.querySelector('.prose p'), label = document.querySelector('[data-field=name] label');
	return {
		dir: document.documentElement.dir,
		scroll: document.documentElement.scrollWidth, width: window.innerWidth,
		prev: box(document.querySelector('.pager .prev')), next: box(document.querySelector('.pager .next')),
		crumbs: [...document.querySelectorAll('.breadcrumbs li')].map(li => box(li).left),
		para: box(p), paraText: text(p), label: box(label), labelText: text(label),
		rules: ['.prose blockquote', '.callout'].map(s => { const c = getComputedStyle(document.querySelector(s)); return s + ' ' + c.borderLeftWidth + ' ' + c.borderRightWidth; }),
	};
})()`

type box struct{ Left, Right float64 }

type rtlLayout struct {
	Dir                        string
	Scroll, Width              int
	Prev, Next, Para, ParaText box
	Label, LabelText           box
	Crumbs                     []float64
	Rules                      []string // a quotation's and a callout's left and right borders
}

// TestRightToLeft lays out an Arabic site's workbook and its page of
// every answer at 1280 and 320 px: dir=rtl, nothing to scroll sideways,
// the pager, breadcrumbs, progress bar, text and summary markers
// mirrored, axe clean, and dates and numbers in the page's language. The
// same site in English keeps its left-to-right layout.
func TestRightToLeft(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	for _, language := range []string{"ar", "en"} {
		rtl := language == "ar"
		b := openSite(t, writeSite(t, rtlSite(language)))
		b.do(chromedp.Navigate(b.url("c/b/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
		setValue(b, `[id="field-name"]`, "سارة")
		setValue(b, `[data-entry] input[type=date]`, "2026-03-04")
		setValue(b, `[data-entry] [data-field$=".minutes"] input`, "1250")
		setValue(b, `[data-entry] textarea`, "مشيت")
		waitFor(b, saved)
		// A second entry closes the first, whose summary then shows its date.
		b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
		waitFor(b, `document.querySelectorAll('[data-entry]').length === 2`)
		b.do(chromedp.Evaluate[chromedp.Void](script))

		for _, width := range []int{1280, 320} {
			how := fmt.Sprintf("%s, %d px", language, width)
			b.do(chromedp.EmulateViewport(int64(width), 800))
			l := eval[rtlLayout](b, layoutOf)
			if want := map[bool]string{true: "rtl", false: "ltr"}[rtl]; l.Dir != want {
				t.Errorf("%s: html dir=%q, want %q", how, l.Dir, want)
			}
			if l.Scroll > l.Width {
				t.Errorf("%s: the page is %d px wide in a %d px window", how, l.Scroll, l.Width)
			}
			if nextLeft := l.Next.Right <= l.Prev.Left+1; nextLeft != rtl {
				t.Errorf("%s: the pager's next link at %v, previous at %v", how, l.Next, l.Prev)
			}
			for i := 1; i < len(l.Crumbs); i++ {
				if after := l.Crumbs[i] < l.Crumbs[i-1]; after != rtl {
					t.Errorf("%s: breadcrumbs at %v do not flow %s", how, l.Crumbs, map[bool]string{true: "right to left", false: "left to right"}[rtl])
				}
			}
			for _, block := range []struct {
				name       string
				box, words box
			}{{"a paragraph", l.Para, l.ParaText}, {"a label", l.Label, l.LabelText}} {
				start, other := block.words.Left-block.box.Left, block.box.Right-block.words.Right
				if rtl {
					start, other = other, start
				}
				if start > 1 || other < 20 {
					t.Errorf("%s: %s's text %v does not start at the %s of its box %v", how, block.name, block.words, map[bool]string{true: "right", false: "left"}[rtl], block.box)
				}
			}
			// A quotation and a callout are ruled at the side where their
			// text starts.
			for _, rule := range l.Rules {
				if want := map[bool]string{true: " 0px 4px", false: " 4px 0px"}[rtl]; !strings.HasSuffix(rule, want) {
					t.Errorf("%s: the borders (left, right) of %s, want%s", how, rule, want)
				}
			}
			if filled := progressFilledAt(t, b); filled != map[bool]string{true: "right", false: "left"}[rtl] {
				t.Errorf("%s: the progress bar fills from the %s", how, filled)
			}
			runAxe(t, b, how)
		}

		// Dates and numbers as the page's language writes them.
		want := eval[string](b, `new Intl.DateTimeFormat(document.documentElement.lang).format(new Date(2026, 2, 4)) + " · "`)
		if got := eval[string](b, `document.querySelector('[data-entry]:not([open]) summary').textContent`); !strings.HasPrefix(got, want) {
			t.Errorf("%s: the entry's summary is %q, want %q", language, got, want)
		}
		number := eval[string](b, `new Intl.NumberFormat(document.documentElement.lang).format(1250)`)
		if got := eval[string](b, `document.querySelector('[data-total] [data-value]').textContent`); got != number {
			t.Errorf("%s: the total shows %q, want %q", language, got, number)
		}
		if got := eval[string](b, `document.querySelector('[data-chart] [data-values] tbody td:last-child').textContent`); got != number {
			t.Errorf("%s: the chart's table shows %q, want %q", language, got, number)
		}

		// The page of every answer: mirrored markers, the entry's time in
		// the page's language.
		b.do(chromedp.Navigate(b.url("answers/")), chromedp.WaitVisible(chromedp.CSS(`[data-book-progress]`)), chromedp.Evaluate[chromedp.Void](script))
		for _, width := range []int{1280, 320} {
			how := fmt.Sprintf("%s, answers, %d px", language, width)
			b.do(chromedp.EmulateViewport(int64(width), 800))
			if l := eval[rtlLayout](b, `({dir: document.documentElement.dir, scroll: document.documentElement.scrollWidth, width: innerWidth})`); l.Scroll > l.Width {
				t.Errorf("%s: the page is %d px wide in a %d px window", how, l.Scroll, l.Width)
			}
			runAxe(t, b, how)
		}
		marker := eval[string](b, `getComputedStyle(document.querySelector('.book-workbook:not([open]) > summary'), '::before').content`)
		if want := map[bool]string{true: `"◂"`, false: `"▸"`}[rtl]; marker != want {
			t.Errorf("%s: a closed workbook's marker is %s, want %s", language, marker, want)
		}
		heading := eval[string](b, `document.querySelector('.book-entry').textContent`)
		made := eval[string](b, `(() => { const id = Object.keys(localStorage).find(k => k.includes('journal@')).split('@')[1].split('.')[0];
			return new Date(parseInt(id.slice(0, -2), 36)).toLocaleString(document.documentElement.lang) })()`)
		entry := eval[string](b, `JSON.parse(document.getElementById('coachbook-messages').textContent).entryHeading`)
		if want := strings.NewReplacer("{0}", "يومياتي", "{1}", made).Replace(entry); heading != want {
			t.Errorf("%s: the book's entry heading is %q, want %q", language, heading, want)
		}
	}
}

// progressFilledAt tells from which side the page's progress bar, with
// one field of several answered, fills: it compares the colour near each
// end with the colour in the middle, which is not yet filled.
func progressFilledAt(t *testing.T, b *browserSite) string {
	t.Helper()
	b.do(chromedp.ScrollIntoView(chromedp.CSS(`.workbook-progress progress`)))
	shot, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.CSS(`.workbook-progress progress`)))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	r := img.Bounds()
	at := func(x int) [4]uint32 {
		c := [4]uint32{}
		c[0], c[1], c[2], c[3] = img.At(x, r.Min.Y+r.Dy()/2).RGBA()
		return c
	}
	middle, left, right := at(r.Min.X+r.Dx()/2), at(r.Min.X+r.Dx()/40+1), at(r.Max.X-r.Dx()/40-2)
	switch {
	case left != middle && right == middle:
		return "left"
	case right != middle && left == middle:
		return "right"
	}
	return fmt.Sprintf("neither side (left %v, middle %v, right %v of %v)", left, middle, right, image.Rect(0, 0, r.Dx(), r.Dy()))
}
