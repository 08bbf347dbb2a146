package themes_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// answer is one answer of a file to restore. Value is raw JSON, so that a
// test can write values no page would save.
type answer struct {
	Key     any             `json:"key"`
	Label   any             `json:"label,omitempty"`
	Value   json.RawMessage `json:"value"`
	Updated string          `json:"updated"`
}

// answersFile writes a file of answers to restore, with workbooks given as
// JSON, and returns its path.
func answersFile(t *testing.T, workbooks ...any) string {
	t.Helper()
	data, err := json.Marshal(map[string]any{"format": "coachbook-answers", "version": 1, "workbooks": workbooks})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("answers-%d.json", time.Now().UnixNano()))
	writeFile(t, path, string(data))
	return path
}

func raw(t *testing.T, v any) json.RawMessage {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// restoreFile offers a file to the home page's Restore and waits for the
// dialog.
func restoreFile(b *browserSite, path string) {
	b.t.Helper()
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{path}), chromedp.WaitVisible(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
}

// dialogText is what the open restore dialog says, paragraph by
// paragraph and item by item.
func dialogText(b *browserSite) string {
	b.t.Helper()
	return eval[string](b, `[...document.querySelectorAll('dialog[open] p, dialog[open] li')].map(e => e.textContent).join('\n')`)
}

// noticeSays waits until a notice starts with text.
func noticeSays(b *browserSite, text string) {
	b.t.Helper()
	waitFor(b, `[...document.querySelectorAll('[data-notice] p')].some(p => p.textContent.startsWith(`+jsString(text)+`))`)
}

func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// deepValue is about 10 KB of nested lists, which no field saves.
var deepValue = json.RawMessage(strings.Repeat("[", 5000) + strings.Repeat("]", 5000))

// TestImportFitsFields restores a crafted file on the home page: a list of
// 20,000 items for a field of at most 4, a deeply nested value, a value of
// the wrong kind and rows with a column the field lacks. What fits is
// restored, lists and rows are cut to what their field shows, the rest is
// left out, and the client is told.
func TestImportFitsFields(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	items := make([]string, 20000)
	for i := range items {
		items[i] = fmt.Sprintf("Question %d", i+1)
	}
	when := "2026-01-01T00:00:00Z"
	restoreFile(b, answersFile(t, map[string]any{"id": "prep/all", "title": "Every field", "answers": []answer{
		{Key: "name", Value: raw(t, "Ada"), Updated: when},
		{Key: "questions", Value: raw(t, items), Updated: when},
		{Key: "enjoy", Value: deepValue, Updated: when},
		{Key: "ready", Value: raw(t, 5), Updated: when},
		{Key: "actions.tasks", Value: raw(t, []map[string]any{{"task": "Call Bo", "done": true, "secret": "x"}}), Updated: when},
	}}))
	got := dialogText(b)
	for _, want := range []string{
		"3 answers will be restored.",
		"2 answers in the file were left out: they are incomplete or do not fit this site's fields.",
		"2 answers held more than their fields can show, and were cut to fit.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, got)
		}
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	stored := storedAnswers(b)
	var questions struct{ V []string }
	json.Unmarshal([]byte(stored[storagePrefix+"a:prep/all:questions"]), &questions)
	if len(questions.V) != 4 || questions.V[3] != "Question 4" {
		t.Errorf("the list was stored as %d items, want the first 4", len(questions.V))
	}
	if !strings.Contains(stored[storagePrefix+"a:prep/all:actions.tasks"], `[{"task":"Call Bo","done":true}]`) {
		t.Errorf("rows stored as %s", stored[storagePrefix+"a:prep/all:actions.tasks"])
	}
	for _, key := range []string{"enjoy", "ready"} {
		if v, ok := stored[storagePrefix+"a:prep/all:"+key]; ok {
			t.Errorf("%s was stored: %.80s", key, v)
		}
	}
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `[...document.querySelectorAll('[data-field="questions"] [data-item-input]')].map(i => i.value).join('|') + ' ' + document.getElementById('field-name').value`); got != "Question 1|Question 2|Question 3|Question 4 Ada" {
		t.Errorf("the page shows %q", got)
	}
}

// TestBadStoredData puts in storage what no page saves: a list of 20,000
// items and a deeply nested value. The home and workbook pages still work:
// the data is set aside and downloaded, Restore and Erase still work.
func TestBadStoredData(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	set := func(key, value string) {
		b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem(` + jsString(storagePrefix+key) + `, ` + jsString(value) + `)`))
	}
	now := time.Now().UnixMilli()
	set("a:prep/all:name", fmt.Sprintf(`{"v":"Ada","t":%d}`, now))
	set("a:prep/all:questions", fmt.Sprintf(`{"v":%s,"t":%d}`, raw(t, make([]string, 20000)), now))
	set("a:prep/all:enjoy", fmt.Sprintf(`{"v":%s,"t":%d}`, deepValue, now))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-card-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-card-progress]').textContent.trim()`); got != "1 of 13 answered" {
		t.Errorf("card progress %q", got)
	}
	noticeSays(b, "Some saved data could not be read.")

	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	var file struct {
		Workbooks  []struct{ Answers []struct{ Key string } }
		Unreadable []struct{ Key, Raw string }
	}
	if err := json.Unmarshal([]byte(exported), &file); err != nil || len(file.Workbooks) != 1 || len(file.Workbooks[0].Answers) != 1 || len(file.Unreadable) != 2 {
		t.Errorf("the download (%v) holds %+v", err, file.Workbooks)
	}

	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value + ' ' + document.querySelectorAll('[data-field="questions"] [data-item]').length`); got != "Ada 1" {
		t.Errorf("the workbook shows %q", got)
	}
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	restoreFile(b, answersFile(t, map[string]any{"id": "prep/all", "answers": []answer{{Key: "next", Value: raw(t, "2026-12-01"), Updated: "2026-01-01T00:00:00Z"}}}))
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	waitFor(b, `Object.keys(localStorage).filter(k => k.startsWith('coachbook:')).length === 0`)
}

// TestRestoreUnicodeWorkbookIDs names workbooks in French, with a version
// number and in Japanese, downloads their answers, erases them and
// restores the file with one entry no site makes: every answer comes back,
// and the odd one is left out with a word.
func TestRestoreUnicodeWorkbookIDs(t *testing.T) {
	t.Parallel()
	files := map[string]string{"content/_index.md": "---\ntitle: Companion\n---\n"}
	for _, name := range []string{"réflexion", "v1.2", "日本語/練習", "plain"} {
		files["content/"+name+".md"] = "---\ntitle: " + name + "\n---\n::text[Q]{#q}\n"
	}
	b := openSite(t, writeSite(t, files))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	links := eval[[]string](b, `[...document.querySelectorAll('[data-workbook] h3 a')].map(a => a.href)`)
	if len(links) != 4 {
		t.Fatalf("the home page lists %v", links)
	}
	for _, link := range links {
		b.do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
		b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-q"]`), "Answer"))
		waitFor(b, saved)
	}
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	var file map[string]any
	if err := json.Unmarshal([]byte(waitForFile(t, dir, ".json")), &file); err != nil {
		t.Fatal(err)
	}
	file["workbooks"] = append(file["workbooks"].([]any), map[string]any{"id": "q&a", "answers": []answer{{Key: "q", Value: raw(t, "x"), Updated: "2026-01-01T00:00:00Z"}}})
	data, _ := json.Marshal(file)
	path := filepath.Join(t.TempDir(), "answers.json")
	writeFile(t, path, string(data))

	b.do(chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(chromedp.CSS(`[data-action=erase-site]`)))
	time.Sleep(300 * time.Millisecond) // The page reloads.
	b.do(chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	restoreFile(b, path)
	got := dialogText(b)
	if !strings.Contains(got, "4 answers will be restored.") || !strings.Contains(got, "1 answers in the file were left out") {
		t.Errorf("the dialog says:\n%s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	stored := storedAnswers(b)
	for _, id := range []string{"réflexion", "v1.2", "日本語/練習", "plain"} {
		if !strings.Contains(stored[storagePrefix+"a:"+id+":q"], `"Answer"`) {
			t.Errorf("%s was not restored; stored: %v", id, keysOf(stored))
		}
	}
}

// TestNonStringTitlesAndLabels stores a workbook's title and a label that
// are not text, then restores a file with such values: the download and
// the restore both work, showing IDs instead.
func TestNonStringTitlesAndLabels(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem(` + jsString(storagePrefix+"a:prep/all:name") + `, '{"v":"Ada","t":1}');
		localStorage.setItem(` + jsString(storagePrefix+"wb:prep/all") + `, '{"title":{"toString":1},"url":{"toString":1},"labels":{"name":{"toString":1}}}')`))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	if !strings.Contains(exported, `"title": "prep/all"`) || !strings.Contains(exported, `"label": "name"`) {
		t.Errorf("the download:\n%s", exported)
	}

	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	hostile := map[string]any{"toString": 1}
	restoreFile(b, answersFile(t, map[string]any{"id": "prep/all", "title": hostile, "url": 7, "answers": []answer{
		{Key: "name", Label: hostile, Value: raw(t, "Grace"), Updated: "2026-01-01T00:00:00Z"},
	}}))
	if got := dialogText(b); !strings.Contains(got, "prep/all: name (new)") {
		t.Errorf("the dialog says:\n%s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	stored := storedAnswers(b)
	if !strings.Contains(stored[storagePrefix+"a:prep/all:name"], "Grace") || stored[storagePrefix+"wb:prep/all"] != `{"title":"prep/all","url":"","labels":{"name":"name"}}` {
		t.Errorf("stored: %v", stored)
	}
}

// TestImportDuplicatesNewestWins restores a file that holds one answer
// three times, newest first: the newest is restored, whatever the order.
func TestImportDuplicatesNewestWins(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	restoreFile(b, answersFile(t,
		map[string]any{"id": "prep/all", "answers": []answer{
			{Key: "name", Value: raw(t, "Newest"), Updated: "2026-03-01T00:00:00Z"},
			{Key: "name", Value: raw(t, "Older"), Updated: "2026-02-01T00:00:00Z"},
		}},
		map[string]any{"id": "prep/all", "answers": []answer{{Key: "name", Value: raw(t, "Oldest"), Updated: "2026-01-01T00:00:00Z"}}},
	))
	if got := dialogText(b); !strings.HasPrefix(got, "1 answers will be restored.") {
		t.Errorf("the dialog says:\n%s", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	if got := storedAnswers(b)[storagePrefix+"a:prep/all:name"]; !strings.Contains(got, `"Newest"`) {
		t.Errorf("stored %s", got)
	}
}

// readOutput reads a file of a built site.
func readOutput(t *testing.T, b *browserSite, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(b.dests[basePath], filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
