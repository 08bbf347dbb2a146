package themes_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRepeatAdoptsOwnExercise answers a site's own journal, then publishes
// it with repeat, which keys its fields journal.date…: after a reload the
// answers are its first entry, dated by the earliest of them, none is left
// behind (nor an older answer under its new key, which the newer one
// replaces), and the Markdown and the answers file hold them.
func TestRepeatAdoptsOwnExercise(t *testing.T) {
	t.Parallel()
	page := "---\ntitle: Journal\n---\n:::exercise{#journal%s title=\"Journal entry\"}\n" +
		"::date[Date]{#date}\n::scale[Mood]{#mood min=0 max=10}\n::textarea[What happened]{#what}\n:::\n"
	root := writeSite(t, map[string]string{"content/j.md": strings.Replace(page, "%s", "", 1)})
	b := openSite(t, root)
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("j/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const el = document.getElementById('field-date');
		el.value = '2026-11-02';
		el.dispatchEvent(new Event('input', {bubbles: true}));
		el.dispatchEvent(new Event('change', {bubbles: true}));
		document.getElementById('field-mood:7').click();
	})()`))
	b.do(chromedp.SendKeys(chromedp.CSS(`#field-what`), "A long walk"))
	waitFor(b, saved)
	waitFor(b, `['date', 'mood', 'what'].every(k => localStorage.getItem('`+storagePrefix+`a:j:' + k))`)
	before := storedAnswers(b)
	earliest := int64(0)
	for _, k := range []string{"date", "mood", "what"} {
		var record struct{ T int64 }
		if err := json.Unmarshal([]byte(before[storagePrefix+"a:j:"+k]), &record); err != nil || record.T == 0 {
			t.Fatalf("the answer %s is stored as %q (%v)", k, before[storagePrefix+"a:j:"+k], err)
		}
		if earliest == 0 || record.T < earliest {
			earliest = record.T
		}
	}

	// An older answer under the field's key after repeating: the newer one
	// under its earlier key wins, and the older one dates the entry.
	earliest -= 1000
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem('` + storagePrefix + `a:j:journal.what', JSON.stringify({v: 'An older note', t: ` + strconv.FormatInt(earliest, 10) + `}))`))

	writeFile(t, root+"/content/j.md", strings.Replace(page, "%s", " repeat", 1))
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	got := eval[string](b, `JSON.stringify([...document.querySelectorAll('[data-entry]')].map(e => [
		e.querySelector('[data-field$=".date"] input').value,
		(e.querySelector('[data-field$=".mood"] input:checked') || {}).value,
		e.querySelector('[data-field$=".what"] textarea').value]))`)
	if want := `[["2026-11-02","7","A long walk"]]`; got != want {
		t.Errorf("after turning repeatable the entries hold %s, want %s", got, want)
	}
	after := storedAnswers(b)
	entry := storagePrefix + "a:j:journal@" + strconv.FormatInt(earliest, 36) + "00."
	for _, k := range []string{"date", "mood", "what", "journal.what"} {
		if v, left := after[storagePrefix+"a:j:"+k]; left {
			t.Errorf("the answer %s stayed outside the entries: %s", k, v)
		}
		if _, ok := after[entry+k]; !ok && !strings.Contains(k, ".") {
			t.Errorf("no answer under %s, the first entry dated by the earliest answer", entry+k)
		}
	}
	if !eval[bool](b, `document.querySelector('[data-exercise=journal]').classList.contains('exercise-done')`) {
		t.Error("the adopted entry does not make the journal done")
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	_, markdown := downloaded(t, dir, ".md")
	for _, want := range []string{"## Journal entry: entry of ", "2026-11-02", "7", "A long walk"} {
		if !strings.Contains(markdown, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, markdown)
		}
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	_, exported := downloaded(t, dir, ".json")
	for _, want := range []string{`"journal@`, "2026-11-02", "A long walk"} {
		if !strings.Contains(exported, want) {
			t.Errorf("the answers file lacks %s:\n%s", want, exported)
		}
	}
}

// TestRepeatRowsTrends: a total and a chart of a repeating practice log
// add up the rows of every entry, a week each, and drop an entry's rows
// as soon as it is deleted.
func TestRepeatRowsTrends(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n" +
		"::practice-log{#week repeat}\n\n::total[Minutes so far]{of=\"week.minutes\"}\n\n::chart[Minutes]{of=\"week.minutes\"}\n"}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	const fill = `(v => {
		const el = document.querySelector('[data-entry]:first-child [data-col=minutes]');
		el.value = v;
		el.dispatchEvent(new Event('input', { bubbles: true }));
		el.dispatchEvent(new Event('change', { bubbles: true }));
		return true;
	})`
	eval[bool](b, fill+`('10')`)
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
	eval[bool](b, fill+`('25')`)
	waitFor(b, saved)
	const state = `document.querySelector('[data-total] [data-value]').textContent + ' / ' + document.querySelectorAll('[data-chart] svg circle').length + ' dots'`
	if got, want := eval[string](b, state), "35 / 2 dots"; got != want {
		t.Errorf("with two weeks of 10 and 25 minutes the total and chart read %q, want %q", got, want)
	}
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-entry]`)))
	waitFor(b, state+` === "35 / 2 dots"`)
	// Deleting the newer week takes its minutes out at once.
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-entry]:first-child .entry-delete`)))
	if got, want := eval[string](b, state), "10 / 1 dots"; got != want {
		t.Errorf("after deleting the week of 25 minutes the total and chart read %q, want %q", got, want)
	}
}

// TestRepeatSampleTrends answers the sample site's repeating journal,
// thought record and practice log, and finds their charts and totals
// follow the entries.
func TestRepeatSampleTrends(t *testing.T) {
	t.Parallel()
	b := openSite(t, "..")
	const (
		dots = `[...document.querySelectorAll('[data-chart]')].map(c => c.querySelectorAll('svg circle').length).join(',')`
		// pick clicks the scale point value of field sub in the top entry.
		pick = `((sub, value) => { document.querySelector('[data-entry]:first-child [data-field$=".' + sub + '"] input[value="' + value + '"]').click(); return true; })`
	)
	b.do(chromedp.Navigate(b.url("therapy/journal/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	eval[bool](b, pick+`('mood', '4')`)
	b.do(chromedp.Click(chromedp.CSS(`.entry-add`)))
	eval[bool](b, pick+`('mood', '8')`)
	waitFor(b, saved)
	if got, want := eval[string](b, dots+` + ' / ' + document.querySelector('[data-total] [data-value]').textContent`), "2,0 / 6"; got != want {
		t.Errorf("the journal's charts (mood, sleep) and average mood read %q, want %q", got, want)
	}

	b.do(chromedp.Navigate(b.url("therapy/thought-record/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	eval[bool](b, pick+`('before', '80')`)
	eval[bool](b, pick+`('after', '40')`)
	waitFor(b, saved)
	if got, want := eval[string](b, dots), "1,1"; got != want {
		t.Errorf("the thought record's charts (at the time, at the end) have %s dots, want %s", got, want)
	}

	b.do(chromedp.Navigate(b.url("therapy/practice-log/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	eval[bool](b, `(() => { const el = document.querySelector('[data-entry]:first-child [data-col=minutes]'); el.value = '15'; el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
	waitFor(b, saved)
	if got, want := eval[string](b, dots+` + ' / ' + document.querySelector('[data-total] [data-value]').textContent`), "1,0 / 15"; got != want {
		t.Errorf("the practice log's charts (minutes, distress) and total read %q, want %q", got, want)
	}
}
