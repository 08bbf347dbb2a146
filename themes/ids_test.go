package themes_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"coachbook/generator"

	"github.com/chromedp/chromedp"
)

// workbookIDs are IDs coaches give their files, and what the build makes
// of them: valid or not.
var workbookIDs = []struct {
	id    string
	valid bool
}{
	{"prep/all", true},
	{"réflexion", true},
	{"Übung_2", true},
	{"v1.2", true},
	{"日本語/練習", true},
	{"упражнение-1", true},
	{"٣-steps", true},
	{"a/b.c-d_e", true},
	{"अभ्यास", true},          // Hindi: its vowel signs are combining marks
	{"re\u0301flexion", true}, // an accent as a separate mark, as some file systems store it
	{"\u0301x", false},        // but not first
	{"q&a", false},
	{"what's next", false},
	{"a b", false},
	{"a:b", false},
	{"-x", false},
	{".hidden", false},
	{"/x", false},
	{"_x", false},
	{"__proto__", false},
	{"", false},
	{"x\n", false},
}

// TestWorkbookIDsAgree takes the runtime's workbook ID pattern out of
// coachbook.js and requires it to be the build's, and runs both on the
// same IDs: the Go pattern with Go's regexp, the runtime's in Chromium,
// both as written and as the page's runtime holds it.
func TestWorkbookIDsAgree(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("default", "assets", "coachbook.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*var WORKBOOK_ID = /(.+)/u;$`).FindSubmatch(src)
	if m == nil {
		t.Fatal("coachbook.js has no line `var WORKBOOK_ID = /…/u;`")
	}
	jsPattern := string(m[1])
	if strings.ReplaceAll(jsPattern, `\/`, `/`) != generator.WorkbookIDPattern {
		t.Errorf("the runtime's pattern /%s/u is not generator.WorkbookIDPattern %s", jsPattern, generator.WorkbookIDPattern)
	}
	goID := regexp.MustCompile(generator.WorkbookIDPattern)

	b := openSite(t, writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Q]{#q}\n"}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	for _, c := range workbookIDs {
		if got := goID.MatchString(c.id); got != c.valid {
			t.Errorf("Go: %q valid = %v, want %v", c.id, got, c.valid)
		}
		if got := eval[bool](b, `new RegExp(`+jsString(jsPattern)+`, 'u').test(`+jsString(c.id)+`)`); got != c.valid {
			t.Errorf("JavaScript: %q valid = %v, want %v", c.id, got, c.valid)
		}
		if got := eval[bool](b, `coachbook.isWorkbookID(`+jsString(c.id)+`)`); got != c.valid {
			t.Errorf("the page's runtime: %q valid = %v, want %v", c.id, got, c.valid)
		}
	}
}

// TestReservedIDsInContent gives headings the IDs of the runtime's own
// elements and a class of its lists, as a site built before such IDs were
// refused has them: the workbook still saves and the home page still
// shows progress.
func TestReservedIDsInContent(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	headings := `<h2 id=coachbook-manifest>Notes</h2><h2 id=coachbook-progress>Progress</h2><h2 id=coachbook-fields>Fields</h2><h2 class=field-list>Lists</h2><h2 class=field-rows>Rows</h2>`
	for _, name := range []string{"index.html", "prep/all/index.html"} {
		page := readOutput(t, b, name)
		if !strings.Contains(page, "<div class=prose>") {
			t.Fatalf("%s has no prose to add headings to", name)
		}
		writeFile(t, filepath.Join(b.dests[basePath], filepath.FromSlash(name)), strings.Replace(page, "<div class=prose>", "<div class=prose>"+headings, 1))
	}
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-name"]`), "Ada"), chromedp.Click(chromedp.CSS(`.field-list [data-add]`)))
	waitFor(b, saved)
	if n := eval[int](b, `document.querySelectorAll('[data-field="questions"] [data-item]').length`); n != 2 {
		t.Errorf("the list has %d items after adding one", n)
	}
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-card-progress]`)))
	if got := eval[string](b, `document.querySelector('[data-card-progress]').textContent.trim()`); got != "1 of 13 answered" {
		t.Errorf("card progress %q", got)
	}
}
