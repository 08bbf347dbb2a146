package themes_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// trendsPage is a practice log written in Markdown, with a number column
// and a date column, its totals before it and its chart after it.
const trendsPage = `---
title: W
---
::total[Minutes so far]{of="log.minutes"}
::total[Average]{of="log.minutes" show="average"}
::total[Latest]{of="log.minutes" show="latest"}
::total[Times]{of="log.minutes" show="count"}

:::rows[Practice log]{#log min=1}
::date[Date]{#day}
::number[Minutes]{#minutes}
::text[What I did]{#what}
:::

::chart[Minutes over time]{of="log.minutes"}
`

// trendsState reads every total, the chart's summary, its hidden table
// (date:value|…) and the dots it draws.
const trendsState = `[...document.querySelectorAll('[data-total] [data-value]')].map(o => o.textContent).join(' ') +
	' / ' + document.querySelector('[data-chart] [data-summary]').textContent +
	' / ' + [...document.querySelectorAll('[data-chart] [data-values] tbody tr')].map(tr => [...tr.cells].map(c => c.textContent).join(':')).join('|') +
	' / ' + document.querySelectorAll('[data-chart] svg circle').length + ' dots'`

// TestTotalsAndCharts fills a practice log's rows out of date order, with
// one box that is not a number, and finds the totals and the chart follow
// each change, the row removed, and the reload; the chart is an image
// labelled by its caption and summary, its values in a hidden table in
// date order.
func TestTotalsAndCharts(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": trendsPage}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=log] [data-add]`)))
	if got := eval[string](b, trendsState); got != "– – – 0 / No numbers yet. /  / 0 dots" {
		t.Errorf("before any row is filled, the totals and chart read %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=log] [data-add]`)), chromedp.Click(chromedp.CSS(`[data-field=log] [data-add]`)))
	const fill = `((row, col, v) => {
		const el = document.querySelectorAll('[data-field=log] [data-item]')[row].querySelector('[data-col=' + col + ']');
		el.value = v;
		el.dispatchEvent(new Event('input', { bubbles: true }));
		el.dispatchEvent(new Event('change', { bubbles: true }));
		return true;
	})`
	eval[bool](b, `(() => { const fill = `+fill+`;
		fill(0, 'day', '2026-11-03'); fill(0, 'minutes', '12');
		fill(1, 'day', '2026-11-01'); fill(1, 'minutes', '30');
		fill(2, 'day', '2026-11-02'); fill(2, 'minutes', 'ten');
		return true; })()`)
	if got, want := eval[string](b, trendsState), "42 21 12 2 / Lowest 12, highest 30, latest 12. / 2026-11-01:30|2026-11-03:12 / 2 dots"; got != want {
		t.Errorf("with a box that is not a number, the totals and chart read\n%q, want\n%q", got, want)
	}
	eval[bool](b, `(`+fill+`)(2, 'minutes', '5')`)
	const three = "47 15.67 12 3 / Lowest 5, highest 30, latest 12. / 2026-11-01:30|2026-11-02:5|2026-11-03:12 / 3 dots"
	if got := eval[string](b, trendsState); got != three {
		t.Errorf("once every box holds a number, the totals and chart read\n%q, want\n%q", got, three)
	}
	if got := eval[string](b, `(() => { const svg = document.querySelector('[data-chart] svg');
		return svg.getAttribute('role') + ' ' + svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' / ') +
			' / ' + (svg.querySelector('polyline') ? 'line' : 'no line') + ' / ' + (document.querySelector('[data-chart] [style]') ? 'styled' : 'unstyled'); })()`); got != "img Minutes over time / Lowest 5, highest 30, latest 12. / line / unstyled" {
		t.Errorf("the chart is not an image labelled by its caption and summary: %s", got)
	}
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=log] [data-add]`)))
	if got := eval[string](b, trendsState); got != three {
		t.Errorf("after reloading, the totals and chart read\n%q, want\n%q", got, three)
	}
	// Removing the row of 1 November: the earliest, and the highest.
	b.do(chromedp.Click(chromedp.CSS(`[data-field=log] [data-item]:nth-child(2) [data-remove]`)))
	if got, want := eval[string](b, trendsState), "17 8.5 12 2 / Lowest 5, highest 12, latest 12. / 2026-11-02:5|2026-11-03:12 / 2 dots"; got != want {
		t.Errorf("after removing a row, the totals and chart read\n%q, want\n%q", got, want)
	}

	// Another tab changes a row: once the client leaves the table here,
	// which shows the change then, the totals and chart follow.
	waitFor(b, saved)
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=log] [data-add]`)))
	eval[bool](other, `(`+fill+`)(0, 'minutes', '7')`)
	waitFor(other, saved)
	b.do(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	waitFor(b, `document.querySelector('[data-total] [data-value]').textContent === '12'`)
	if got, want := eval[string](b, trendsState), "12 6 7 2 / Lowest 5, highest 7, latest 7. / 2026-11-02:5|2026-11-03:7 / 2 dots"; got != want {
		t.Errorf("after another tab changed a row, the totals and chart read\n%q, want\n%q", got, want)
	}
}
