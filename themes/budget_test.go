package themes_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"coachbook/generator"
)

// runtimeBudget is the most the client runtime's core may weigh,
// minified and gzipped.
const runtimeBudget = 12 * 1024

// workerBudget is the most the service worker may weigh for the sample
// site, minified and gzipped with the list of files it keeps. It is a
// file of its own, apart from the runtime's budget, and a browser fetches
// it only to check for a new build.
const workerBudget = 2 * 1024

// pageBudget is the most a workbook page may weigh with its stylesheet and
// script, each gzipped, as a phone on a slow connection downloads them.
const pageBudget = 40 * 1024

// TestRuntimeBudget builds the sample site and weighs the runtime as a
// browser downloads it.
func TestRuntimeBudget(t *testing.T) {
	dest := buildSample(t)
	data := readOne(t, filepath.Join(dest, "assets", "coachbook.*.js"))
	zipped := gzipped(data)
	t.Logf("runtime: %d bytes minified, %d bytes gzipped", len(data), zipped)
	if zipped > runtimeBudget {
		t.Errorf("the runtime is %d bytes gzipped, over its budget of %d", zipped, runtimeBudget)
	}
}

// TestWorkerBudget weighs the sample site's service worker as a browser
// downloads it.
func TestWorkerBudget(t *testing.T) {
	dest := buildSample(t)
	data := readOne(t, filepath.Join(dest, "sw.js"))
	zipped := gzipped(data)
	t.Logf("service worker: %d bytes minified, %d bytes gzipped", len(data), zipped)
	if zipped > workerBudget {
		t.Errorf("the service worker is %d bytes gzipped, over its budget of %d", zipped, workerBudget)
	}
}

// TestPageWeight weighs every workbook of the sample site with its
// stylesheet and script, each gzipped, against the page budget.
func TestPageWeight(t *testing.T) {
	dest := buildSample(t)
	assets := gzipped(readOne(t, filepath.Join(dest, "assets", "coachbook.*.js"))) + gzipped(readOne(t, filepath.Join(dest, "assets", "style.*.css")))
	// Each runtime extension a page loads besides the core adds its weight.
	extensions := map[string]int{}
	files, _ := filepath.Glob(filepath.Join(dest, "assets", "coachbook-*.js"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		extensions["assets/"+filepath.Base(name)] = gzipped(data)
	}
	pages, _ := filepath.Glob(filepath.Join(dest, "*", "*", "index.html"))
	if len(pages) < 14 {
		t.Fatalf("found %d workbook pages", len(pages))
	}
	heaviest, weight := "", 0
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w := gzipped(html) + assets
		for _, name := range scriptsOf(html) {
			w += extensions[name]
		}
		if w > weight {
			heaviest, weight = p, w
		}
	}
	rel, _ := filepath.Rel(dest, heaviest)
	t.Logf("heaviest workbook: %s, %d bytes gzipped with its CSS and JS", rel, weight)
	if weight > pageBudget {
		t.Errorf("%s weighs %d bytes gzipped, over the budget of %d", rel, weight, pageBudget)
	}
}

// extensionBudgets is the most each runtime extension may weigh, minified
// and gzipped, by the name between "coachbook-" and ".js". A page loads
// one only when it uses what the extension does.
var extensionBudgets = map[string]int{
	"tables":   3 * 1024, // lists and rows
	"entries":  2 * 1024, // repeating exercises
	"trends":   2 * 1024, // totals and charts
	"restore":  2 * 1024, // checking a file to restore, and its dialog; loaded when the client restores
	"recall":   2 * 1024, // answers recalled from other workbooks
	"timer":    2 * 1024, // timers
	"showif":   1536,     // questions that appear when needed
	"grid":     3 * 1024, // weekly grids and decision matrices
	"order":    2 * 1024, // rankings and card sorts
	"book":     4 * 1024, // every answer on one page: My answers and the coach's review page
	"listings": 1536,     // workbooks' progress on the home, collection and book pages
	"home":     1536,     // the home page's tools: shared computer, restore from a file, protect and share
	"remind":   1536,     // dates added to a calendar: the buttons
	"calendar": 1536,     // the calendar file of a date; loaded on demand
	"protect":  2 * 1024, // sealing and opening files protected with a passphrase; loaded on demand
}

// TestExtensionBudgets weighs each runtime extension the sample site
// publishes against its budget; an extension without one fails.
func TestExtensionBudgets(t *testing.T) {
	dest := buildSample(t)
	files, _ := filepath.Glob(filepath.Join(dest, "assets", "coachbook-*.js"))
	if len(files) < len(extensionBudgets) {
		t.Errorf("the sample site publishes %d extensions, fewer than the %d with budgets", len(files), len(extensionBudgets))
	}
	for _, file := range files {
		name := strings.TrimPrefix(strings.SplitN(filepath.Base(file), ".", 2)[0], "coachbook-")
		if strings.Contains(name, "_") {
			continue // A bundle of extensions that are each weighed here.
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		budget, ok := extensionBudgets[name]
		zipped := gzipped(data)
		t.Logf("coachbook-%s.js: %d bytes minified, %d bytes gzipped", name, len(data), zipped)
		switch {
		case !ok:
			t.Errorf("coachbook-%s.js has no budget in extensionBudgets", name)
		case zipped > budget:
			t.Errorf("coachbook-%s.js is %d bytes gzipped, over its budget of %d", name, zipped, budget)
		}
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`data-restore-file="?[^" >]*/assets/coachbook-restore\.[0-9a-f]+\.js`).Match(home) {
		t.Error("the home page's file picker does not name the restore extension")
	}
	if !regexp.MustCompile(`data-protect-file="?[^" >]*/assets/coachbook-protect\.[0-9a-f]+\.js`).Match(home) {
		t.Error("the home page's answers do not name the protect extension")
	}
}

// homeworkScriptsBudget is the most JavaScript a page of homework may
// load, each script gzipped: every kind of field up to the numbers,
// tables, repeats, totals and charts of repeated homework, and a question
// that appears when needed (homeworkPage).
const homeworkScriptsBudget = 16 * 1024

// everyKindScriptsBudget is the most JavaScript a page using every kind
// of field and display at once may load. No workbook does: each kind's
// code loads only where it is used, so this bounds the sum of them all
// rather than any real page. Its extensions load as one bundle, which
// compresses better than each alone (issue 20).
const everyKindScriptsBudget = 20 * 1024

// TestPageScriptsBudgets weighs the JavaScript a page of homework, and a
// page of every kind, load.
func TestPageScriptsBudgets(t *testing.T) {
	for _, c := range []struct {
		name, page string
		budget     int
	}{
		{"homework", homeworkPage + "::text[Why?]{#why show-if=\"now <= 3\"}\n", homeworkScriptsBudget},
		{"every kind", everyKindPage + "::text[Why?]{#why show-if=\"now <= 3\"}\n\n::recall[Your name]{from=\"w#name\"}\n\n::timer[Say it out loud]\n", everyKindScriptsBudget},
	} {
		root := writeSite(t, map[string]string{"content/w.md": c.page})
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := generator.Build(context.Background(), generator.Options{Source: root, Dest: dest}); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(dest, "w", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		total, names := 0, scriptsOf(page)
		for _, name := range names {
			data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			total += gzipped(data)
		}
		t.Logf("the %s page loads %d bytes of JavaScript gzipped: %v", c.name, total, names)
		if strings.Count(strings.Join(names, " "), "_") < 3 {
			t.Errorf("the %s page loads only %v", c.name, names)
		}
		if total > c.budget {
			t.Errorf("the %s page loads %d bytes of JavaScript gzipped, over its budget of %d", c.name, total, c.budget)
		}
	}
}

// scriptsOf lists the scripts a built page loads, as paths in the output.
func scriptsOf(page []byte) []string {
	var names []string
	for _, m := range regexp.MustCompile(`<script src="?[^ >"]*?/(assets/[^ >/"]+\.js)"? defer>`).FindAllSubmatch(page, -1) {
		names = append(names, string(m[1]))
	}
	return names
}

func buildSample(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Source: "..", Dest: dest}); err != nil {
		t.Fatal(err)
	}
	return dest
}

func readOne(t *testing.T, pattern string) []byte {
	t.Helper()
	matches, _ := filepath.Glob(pattern)
	if len(matches) != 1 {
		t.Fatalf("%s: %v", pattern, matches)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gzipped(data []byte) int {
	var zipped bytes.Buffer
	w, _ := gzip.NewWriterLevel(&zipped, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return zipped.Len()
}
