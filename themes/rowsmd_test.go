package themes_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// rowsPage is a workbook with a table written in Markdown, a column of
// each kind the test fills.
const rowsPage = `---
title: W
---
:::rows[Job applications]{#apps min=1 max=200}
::text[Company]{#company}
::choice[Status]{#status options="applied=Applied|interview=Interview|offer=Offer|no=Not this time"}
::date[Applied on]{#applied}
::check[Followed up]{#followed}
:::
`

// rowsState reads every row's cells as "company,status,applied,followed".
const rowsState = `[...document.querySelectorAll('[data-field=apps] [data-item]')].map(row =>
	['company', 'status', 'applied', 'followed'].map(c => {
		const el = row.querySelector('[data-col=' + c + ']');
		return el.type === 'checkbox' ? String(el.checked) : el.value;
	}).join(',')).join('|')`

// TestRowsWrittenInMarkdown fills two rows of a Markdown table, reloads
// and finds both back; lays the table out 320 px wide as one card per row
// with a visible label per cell and no sideways scrolling, and wide as a
// table under a header row; and reaches every cell, the add button and
// each remove button by Tab alone.
func TestRowsWrittenInMarkdown(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": rowsPage}))
	b.do(chromedp.EmulateViewport(1024, 800), chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-add]`)))
	eval[bool](b, `(() => {
		const rows = document.querySelectorAll('[data-field=apps] [data-item]');
		const fill = (row, col, v) => {
			const el = rows[row].querySelector('[data-col=' + col + ']');
			if (el.type === 'checkbox') { el.click(); return; }
			el.value = v;
			el.dispatchEvent(new Event('input', { bubbles: true }));
			el.dispatchEvent(new Event('change', { bubbles: true }));
		};
		fill(0, 'company', 'Acme'); fill(0, 'status', 'interview'); fill(0, 'applied', '2026-11-02'); fill(0, 'followed');
		fill(1, 'company', 'Globex'); fill(1, 'status', 'no'); fill(1, 'applied', '2026-11-20');
		return true;
	})()`)
	const want = "Acme,interview,2026-11-02,true|Globex,no,2026-11-20,false"
	if got := eval[string](b, rowsState); got != want {
		t.Fatalf("the rows read %q after filling, want %q", got, want)
	}
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	if got := eval[string](b, rowsState); got != want {
		t.Errorf("after reloading, the rows read %q, want %q", got, want)
	}
	if got := eval[string](b, `[...document.querySelectorAll('[data-field=apps] [data-col]')].map(c => c.id + '>' + document.querySelector('label[for="' + c.id + '"]').textContent).join('|')`); !strings.Contains(got, "field-apps:2:status>Status (row 2)") {
		t.Errorf("the cells of the second row are not labelled by their column and row: %s", got)
	}

	// A row added after answering starts empty, its menu unchosen.
	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-add]`)))
	if got := eval[string](b, `(() => { const row = document.querySelectorAll('[data-field=apps] [data-item]')[2]; const s = row.querySelector('[data-col=status]'); return s.id + '=' + s.value + ' focus ' + document.activeElement.id; })()`); got != "field-apps:3:status= focus field-apps:3:company" {
		t.Errorf("a new row's status menu reads %q, want it empty, numbered 3, with focus in the row's first cell", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-item]:last-child [data-remove]`)))
	if got := eval[string](b, rowsState); got != want {
		t.Errorf("after adding and removing a row, the rows read %q, want %q", got, want)
	}

	// Wide: one line per row under a visible header row.
	if got := eval[string](b, `(() => {
		const head = document.querySelector('[data-field=apps] .rows-head');
		const cells = [...document.querySelector('[data-field=apps] [data-item]').querySelectorAll('.cell')];
		const tops = new Set(cells.map(c => Math.round(c.querySelector('[data-col]').getBoundingClientRect().top)));
		const label = cells[0].querySelector('label').getBoundingClientRect();
		return [getComputedStyle(head).display !== 'none', tops.size === 1 || cells.every(c => c.getBoundingClientRect().top === cells[0].getBoundingClientRect().top), label.width <= 1].join(',');
	})()`); got != "true,true,true" {
		t.Errorf("wide, the table should show its header, one line per row and no label per cell (header shown, one line, labels hidden): %s", got)
	}

	// Keyboard: Tab reaches every cell, each remove button and add.
	// It starts at the table's legend, before the first cell.
	eval[bool](b, `(() => { const legend = document.querySelector('[data-field=apps] legend'); legend.tabIndex = -1; legend.focus(); return true; })()`)
	stops := map[string]bool{}
	for range 20 {
		b.do(chromedp.KeyEvent("\t"))
		stops[eval[string](b, `(() => { const el = document.activeElement;
			if (el.matches('[data-remove]')) return 'remove ' + el.closest('[data-item]').querySelector('[data-n]').textContent;
			if (el.matches('[data-add]')) return 'add';
			return el.id || el.tagName; })()`)] = true
	}
	for _, want := range []string{"remove 1", "remove 2", "add"} {
		if !stops[want] {
			t.Errorf("the keyboard never reaches %s; it stopped at %v", want, stops)
		}
	}
	for row := 1; row <= 2; row++ {
		for _, col := range []string{"company", "status", "applied", "followed"} {
			if id := fmt.Sprintf("field-apps:%d:%s", row, col); !stops[id] {
				t.Errorf("the keyboard never reaches %s; it stopped at %v", id, stops)
			}
		}
	}

	// 320 px: one card per row, its cells stacked, each with its label.
	b.do(chromedp.EmulateViewport(320, 800), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	if w := eval[int](b, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("the table is %d px wide on a 320 px screen", w)
	}
	if got := eval[string](b, `(() => {
		const head = document.querySelector('[data-field=apps] .rows-head');
		const out = [getComputedStyle(head).display === 'none' ? 'no header' : 'header shown'];
		for (const row of document.querySelectorAll('[data-field=apps] [data-item]')) {
			const cells = [...row.querySelectorAll('.cell')];
			const stacked = cells.every((c, i) => i === 0 || c.getBoundingClientRect().top >= cells[i - 1].getBoundingClientRect().bottom - 1);
			const labelled = cells.every(c => { const l = c.querySelector('label').getBoundingClientRect(); return l.width > 20 && l.height > 10; });
			out.push((stacked ? 'stacked' : 'side by side') + ' ' + (labelled ? 'labelled' : 'unlabelled'));
		}
		return out.join(',');
	})()`); got != "no header,stacked labelled,stacked labelled" {
		t.Errorf("at 320 px, the table should be one card per row, its cells stacked and labelled: %s", got)
	}
	if got := eval[string](b, rowsState); got != want {
		t.Errorf("at 320 px, the rows read %q, want %q", got, want)
	}
}

// TestRowsKeepEarlierChoices publishes a table whose choice column lost
// the option a row chose: the cell shows the client's earlier answer,
// keeps it through the next save, and a new row does not inherit it. The
// Markdown shows a choice cell by its option's text, not its key.
func TestRowsKeepEarlierChoices(t *testing.T) {
	t.Parallel()
	root := writeSite(t, map[string]string{"content/w.md": rowsPage})
	b := openSite(t, root)
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	eval[bool](b, `(() => {
		const row = document.querySelector('[data-field=apps] [data-item]');
		row.querySelector('[data-col=company]').value = 'Acme';
		const status = row.querySelector('[data-col=status]');
		status.value = 'interview';
		status.dispatchEvent(new Event('change', { bubbles: true }));
		return true;
	})()`)
	waitFor(b, saved)
	dir := downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	if markdown := waitForFile(t, dir, ".md"); !strings.Contains(markdown, "Status: Interview") {
		t.Errorf("the Markdown does not show the option's text:\n%s", markdown)
	}

	writeFile(t, root+"/content/w.md", strings.Replace(rowsPage, "interview=Interview|", "", 1))
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	status := `(() => { const s = document.querySelector('[data-field=apps] [data-item] [data-col=status]'); return s.value + '|' + s.selectedOptions[0].textContent; })()`
	if got := eval[string](b, status); got != "interview|Your earlier answer: interview" {
		t.Errorf("the cell whose option is gone reads %q", got)
	}
	// Editing another cell saves the row with the earlier answer in it.
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-field=apps] [data-item] [data-col=company]`), " Inc"))
	waitFor(b, saved)
	if got := storedAnswers(b)[storagePrefix+"a:w:apps"]; !strings.Contains(got, `"status":"interview"`) {
		t.Errorf("the earlier answer left storage: %s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-add]`)))
	if n := eval[int](b, `document.querySelectorAll('[data-field=apps] [data-item]:last-child [data-col=status] option[value=interview]').length`); n != 0 {
		t.Error("a new row inherits the earlier answer")
	}
}

// TestRowsStopAtTheirMost: a table at its max stops adding and says why,
// and says nothing once a row is removed.
func TestRowsStopAtTheirMost(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": strings.Replace(rowsPage, "max=200", "max=2", 1)}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	const state = `(() => { const f = document.querySelector('[data-field=apps]'); return f.querySelectorAll('[data-item]').length + ' ' + f.querySelector('[data-add]').disabled + ' ' + JSON.stringify(f.querySelector('.group-full').textContent); })()`
	if got := eval[string](b, state); got != `1 false ""` {
		t.Errorf("with one row of two the table reads %s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-add]`)))
	if got := eval[string](b, state); got != `2 true "This holds at most 2. Remove one to add another."` {
		t.Errorf("at its most the table reads %s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-item]:last-child [data-remove]`)))
	if got := eval[string](b, state); got != `1 false ""` {
		t.Errorf("after removing a row the table reads %s", got)
	}
}
