package themes_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// everyColumnPage has a table with a column of every kind a column may be,
// and a journal that repeats.
const everyColumnPage = `---
title: Practice
---
:::rows[Practice log]{#log min=1}
::text[What]{#what}
::textarea[Notes]{#notes}
::choice[How]{#how options="alone=Alone|with=With someone"}
::scale[Ease]{#ease min=1 max=5}
::date[Day]{#day}
::number[Minutes]{#minutes unit="min"}
::check[Done]{#done}
:::

:::exercise{#journal repeat title="Journal entry"}
::text[Title]{#title}
::scale[Mood]{#mood min=0 max=10}
:::
`

// everyColumnState reads the table's cells and the journal's entries,
// oldest entry first.
const everyColumnState = `(() => {
	const rows = [...document.querySelectorAll('[data-field=log] [data-item]')].map(row =>
		[...row.querySelectorAll('[data-col]')].map(c => c.getAttribute('data-col') + '=' + (c.type === 'checkbox' ? c.checked : c.value)).join(','));
	const entries = [...document.querySelectorAll('[data-entry]')].reverse().map(e =>
		e.querySelector('[data-field$=".title"] input').value + ':' + ((e.querySelector('[data-field$=".mood"] input:checked') || {}).value || ''));
	return rows.join('|') + ' / ' + entries.join('|');
})()`

// TestEveryColumnKindAndExports fills a table with a column of every kind
// and two journal entries, reloads and finds them all; finds every cell
// and entry in the Markdown download, in Copy as text (the same text) and
// in the answers file; then erases everything, restores that file, and
// finds them all again.
func TestEveryColumnKindAndExports(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": everyColumnPage}))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=log] [data-add]`)))
	eval[bool](b, `(() => {
		const set = (el, v) => {
			if (el.type === 'checkbox' || el.type === 'radio') el.click();
			else { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }
			el.dispatchEvent(new Event('change', { bubbles: true }));
		};
		const row = document.querySelector('[data-field=log] [data-item]');
		const cell = c => row.querySelector('[data-col=' + c + ']');
		set(cell('what'), 'Breathing'); set(cell('notes'), 'Slow, then\nslower'); set(cell('how'), 'with');
		set(cell('ease'), '4'); set(cell('day'), '2026-11-02'); set(cell('minutes'), '12.5'); set(cell('done'));
		const entry = () => document.querySelector('[data-entry]');
		set(entry().querySelector('[data-field$=".title"] input'), 'Morning');
		set(entry().querySelector('[data-field$=".mood"] input[value="7"]'));
		return true;
	})()`)
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
	eval[bool](b, `(() => {
		const entry = document.querySelector('[data-entry]');
		const title = entry.querySelector('[data-field$=".title"] input');
		title.value = 'Evening'; title.dispatchEvent(new Event('input', { bubbles: true }));
		entry.querySelector('[data-field$=".mood"] input[value="3"]').click();
		return true;
	})()`)
	const want = "what=Breathing,notes=Slow, then\nslower,how=with,ease=4,day=2026-11-02,minutes=12.5,done=true / Morning:7|Evening:3"
	if got := eval[string](b, everyColumnState); got != want {
		t.Fatalf("the page reads %q, want %q", got, want)
	}
	waitFor(b, `Object.keys(localStorage).filter(k => k.includes(':a:w:')).length === 5`)
	waitFor(b, saved)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	if got := eval[string](b, everyColumnState); got != want {
		t.Errorf("after a reload the page reads %q, want %q", got, want)
	}

	// The Markdown download and Copy as text.
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	_, markdown := downloaded(t, dir, ".md")
	for _, part := range []string{"What: Breathing", "Notes: Slow, then", "How: With someone", "Ease: 4", "Day: 2026-11-02", "Minutes: 12.5", "Done: yes", "Morning", "Evening"} {
		if !strings.Contains(markdown, part) {
			t.Errorf("the Markdown lacks %q:\n%s", part, markdown)
		}
	}
	b.do(chromedp.Evaluate[chromedp.Void](`navigator.clipboard.writeText = text => { window.copied = text; return Promise.resolve(); }`),
		chromedp.Click(chromedp.CSS(`[data-action=copy]`)))
	waitFor(b, `typeof window.copied === 'string'`)
	if copied := eval[string](b, `window.copied`); copied != markdown {
		t.Errorf("Copy as text gives other text than the Markdown download:\n%s", copied)
	}

	// The answers file, then a restore of it after erasing everything.
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	_, exported := downloaded(t, dir, ".json")
	var data struct {
		Workbooks []struct {
			Answers []struct {
				Key   string
				Value json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(exported), &data); err != nil || len(data.Workbooks) != 1 {
		t.Fatalf("the answers file: %v\n%s", err, exported)
	}
	keys := []string{}
	for _, a := range data.Workbooks[0].Answers {
		keys = append(keys, a.Key)
		if a.Key == "log" {
			for _, cell := range []string{`"Breathing"`, `"with"`, `"4"`, `12.5`, `true`} {
				if !strings.Contains(string(a.Value), cell) {
					t.Errorf("the table's answer lacks %s: %s", cell, a.Value)
				}
			}
		}
	}
	if got := strings.Join(keys, " "); !strings.Contains(got, "log") || strings.Count(got, "journal@") != 4 {
		t.Errorf("the answers file holds %s, want the table and two entries' title and mood", got)
	}
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)),
		chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	waitFor(b, `!Object.keys(localStorage).some(k => k.includes(':a:w:'))`)
	file := filepath.Join(t.TempDir(), "answers.json")
	writeFile(t, file, exported)
	restoreFile(b, file)
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(b, "5 answers restored from the file.")
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	if got := eval[string](b, everyColumnState); got != want {
		t.Errorf("after erasing and restoring, the page reads %q, want %q", got, want)
	}
}
