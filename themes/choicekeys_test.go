package themes_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// choicePage is a workbook of choices whose options are written by
// choice, so each version of it is one edit an author might make.
func choicePage(driver, share, mood string) string {
	return "---\ntitle: W\n---\n" +
		"::choice[Main driver]{#driver options=\"" + driver + "\"}\n" +
		"::choice[Documents]{#share options=\"" + share + "\" multiple}\n" +
		"::choice[Mood]{#mood options=\"" + mood + "\"}\n"
}

// pick clicks the choice of field key whose label reads text, and says
// whether there was one.
func pick(b *browserSite, key, text string) bool {
	return eval[bool](b, `(() => {
		const input = [...document.querySelectorAll('input[data-key=`+jsString(key)+`]')].find(i => document.querySelector('label[for="' + i.id + '"]').textContent.trim() === `+jsString(text)+`);
		if (input) input.click();
		return !!input;
	})()`)
}

// TestChoiceKeysKeepAnswers answers choices whose options have keys, then
// publishes new versions of the workbook: an option reworded under the
// same key keeps its answer, chosen and counted; an answer whose option is
// gone is shown as the client's earlier answer, not counted, and kept in
// storage, the Markdown download and the file of answers.
func TestChoiceKeysKeepAnswers(t *testing.T) {
	t.Parallel()
	root := writeSite(t, map[string]string{"content/w.md": choicePage(
		"income=Maximising income|harmony=Work-life harmony", "cv=Resume|letter=Cover letter", "Calm|Busy")})
	b := openSite(t, root)
	dir := downloads(b)
	progress := func() string { return eval[string](b, `document.querySelector('[data-progress-text]').textContent`) }
	checked := func(key string) string {
		return eval[string](b, `[...document.querySelectorAll('input[data-key=`+jsString(key)+`]:checked')].map(i => document.querySelector('label[for="' + i.id + '"]').textContent.trim()).join('|')`)
	}
	earlier := func(key string) string {
		return eval[string](b, `(() => { const p = document.querySelector('[data-field=`+jsString(key)+`] [data-earlier]'); return p && !p.hidden ? p.textContent : '' })()`)
	}

	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	for _, c := range [][2]string{{"driver", "Work-life harmony"}, {"share", "Resume"}, {"share", "Cover letter"}, {"mood", "Busy"}} {
		if !pick(b, c[0], c[1]) {
			t.Fatalf("%s has no choice %q: the options read %q", c[0], c[1], eval[string](b, `[...document.querySelectorAll('.field-choice label')].map(l => l.textContent).join('|')`))
		}
	}
	waitFor(b, saved)
	stored := storedAnswers(b)
	if !strings.Contains(stored[storagePrefix+"a:w:driver"], `"v":"harmony"`) || !strings.Contains(stored[storagePrefix+"a:w:share"], `"v":["cv","letter"]`) {
		t.Errorf("choices are not saved by their keys: %v", stored)
	}

	// The author fixes a typo and rewords an option, keeping their keys.
	writeFile(t, filepath.Join(root, "content/w.md"), choicePage(
		"income=Maximising income|harmony=Work–life harmony", "cv=CV or résumé|letter=Cover letter", "Calm|Busy"))
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-progress-text]`)))
	if got := checked("driver") + "/" + checked("share"); got != "Work–life harmony/CV or résumé|Cover letter" {
		t.Errorf("after rewording, the choices show %q", got)
	}
	if got := progress(); got != "3 of 3 answered" {
		t.Errorf("after rewording, progress reads %q", got)
	}
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	if markdown := waitForFile(t, dir, ".md"); !strings.Contains(markdown, "## Main driver\n\nWork–life harmony") || !strings.Contains(markdown, "## Documents\n\n- CV or résumé\n- Cover letter") {
		t.Errorf("the Markdown does not show the options' texts:\n%s", markdown)
	}
	dir = downloads(b)

	// The author removes the chosen options; a stored answer holding
	// markup must read as text.
	writeFile(t, filepath.Join(root, "content/w.md"), choicePage(
		"income=Maximising income|purpose=Purpose", "letter=Cover letter|portfolio=Portfolio", "Calm|Hectic"))
	b.rebuild(basePath, root)
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-progress-text]`)))
	if got := earlier("driver") + "/" + earlier("share") + "/" + earlier("mood"); got != "Your earlier answer: harmony/Your earlier answer: cv/Your earlier answer: Busy" {
		t.Errorf("the earlier answers read %q", got)
	}
	if got := checked("driver") + "/" + checked("share") + "/" + checked("mood"); got != "/Cover letter/" {
		t.Errorf("after removing options, the choices show %q", got)
	}
	if got := progress(); got != "1 of 3 answered" {
		t.Errorf("answers to removed options count: progress reads %q", got)
	}
	// The home page counts the same way, though it does not show the
	// fields.
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-card-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-workbook="w"] [data-card-progress] span').textContent`); got != "1 of 3 answered" {
		t.Errorf("answers to removed options count on the home page: it reads %q", got)
	}
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-progress-text]`)))

	// Ticking another box keeps the earlier entry beside it.
	if !pick(b, "share", "Portfolio") {
		t.Fatal("no Portfolio choice")
	}
	waitFor(b, saved)
	stored = storedAnswers(b)
	if !strings.Contains(stored[storagePrefix+"a:w:driver"], `"v":"harmony"`) || !strings.Contains(stored[storagePrefix+"a:w:mood"], `"v":"Busy"`) {
		t.Errorf("an earlier answer left storage: %v", stored)
	}
	for _, want := range []string{`"letter"`, `"portfolio"`, `"cv"`} {
		if !strings.Contains(stored[storagePrefix+"a:w:share"], want) {
			t.Errorf("the multiple choice lost %s: %s", want, stored[storagePrefix+"a:w:share"])
		}
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	markdown := waitForFile(t, dir, ".md")
	for _, want := range []string{
		"## Main driver\n\nYour earlier answer: harmony",
		"## Documents\n\n- Cover letter\n- Portfolio\n- Your earlier answer: cv",
		"## Mood\n\nYour earlier answer: Busy",
	} {
		if !strings.Contains(markdown, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, markdown)
		}
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	if !strings.Contains(exported, `"value": "harmony"`) || !strings.Contains(exported, `"value": "Busy"`) || !strings.Contains(exported, `"cv"`) {
		t.Errorf("the file of answers lacks an earlier answer:\n%s", exported)
	}

	// Restoring a file keeps a value that matches no option as it is.
	if got := eval[string](b, `JSON.stringify(window.coachbook.fit("Gone", {type: "choice", options: ["a"]}).v) + JSON.stringify(window.coachbook.fit(["a", "Gone"], {type: "choice", options: ["a"]}).v)`); got != `"Gone"["a","Gone"]` {
		t.Errorf("fit changes an unmatched choice: %s", got)
	}

	// Choosing anew in a single choice replaces the earlier answer, and
	// its note goes.
	if !pick(b, "mood", "Calm") {
		t.Fatal("no Calm choice")
	}
	waitFor(b, saved)
	if got := earlier("mood"); got != "" {
		t.Errorf("after choosing anew, the note still reads %q", got)
	}

	// An earlier answer is shown as text, never as markup.
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem(` + jsString(storagePrefix+"a:w:driver") + `, JSON.stringify({v: '<b id="injected">bold</b>', t: Date.now()}))`))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-progress-text]`)))
	if got := earlier("driver"); got != `Your earlier answer: <b id="injected">bold</b>` || eval[bool](b, `!!document.getElementById('injected')`) {
		t.Errorf("an earlier answer with markup reads %q", got)
	}
}
