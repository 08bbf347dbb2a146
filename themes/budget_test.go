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

// everyKindScriptsBudget is the most JavaScript a page using every field
// kind, a repeat, a total and a chart may load, each script gzipped.
const everyKindScriptsBudget = 16 * 1024

// tablesBudget is the most the tables extension (lists and rows) may
// weigh, minified and gzipped.
const tablesBudget = 3 * 1024

// entriesBudget is the most the entries extension (repeating exercises)
// may weigh, minified and gzipped.
const entriesBudget = 2 * 1024

// trendsBudget is the most the trends extension (totals and charts) may
// weigh, minified and gzipped.
const trendsBudget = 2 * 1024

// recallBudget is the most the recall extension (answers recalled from
// other workbooks) may weigh gzipped.
const recallBudget = 2 * 1024

// timerBudget is the most the timer extension may weigh gzipped.
const timerBudget = 2 * 1024

// showIfBudget is the most the show-if extension (questions that appear
// when needed) may weigh, minified and gzipped.
const showIfBudget = 1536

// orderBudget is the most the order extension (rank and sort) may weigh,
// minified and gzipped.
const orderBudget = 2 * 1024

// restoreBudget is the most the restore extension (checking a file and
// the dialog) may weigh, minified and gzipped. The core loads it only when
// a client restores a file.
const restoreBudget = 2 * 1024

// TestRestoreBudget weighs the restore extension the sample site's home
// page offers.
func TestRestoreBudget(t *testing.T) {
	dest := buildSample(t)
	data := readOne(t, filepath.Join(dest, "assets", "coachbook-restore.*.js"))
	zipped := gzipped(data)
	t.Logf("restore extension: %d bytes minified, %d bytes gzipped", len(data), zipped)
	if zipped > restoreBudget {
		t.Errorf("the restore extension is %d bytes gzipped, over its budget of %d", zipped, restoreBudget)
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`data-restore-file="?[^" >]*/assets/coachbook-restore\.[0-9a-f]+\.js`).Match(home) {
		t.Error("the home page's file picker does not name the restore extension")
	}
}

// TestEveryKindScriptsBudget weighs every script a page using every field
// kind, and every total and chart, loads, and each extension alone.
func TestEveryKindScriptsBudget(t *testing.T) {
	root := writeSite(t, map[string]string{"content/w.md": everyKindPage + "::thought-record{#tr repeat}\n" + "::text[Why?]{#why show-if=\"now <= 3\"}\n"})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Source: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dest, "w", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	total, names := 0, []string{}
	for _, name := range scriptsOf(page) {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		zipped := gzipped(data)
		t.Logf("%s: %d bytes minified, %d bytes gzipped", name, len(data), zipped)
		if strings.HasPrefix(name, "assets/coachbook-tables.") && zipped > tablesBudget {
			t.Errorf("the tables extension is %d bytes gzipped, over its budget of %d", zipped, tablesBudget)
		}
		if strings.HasPrefix(name, "assets/coachbook-entries.") && zipped > entriesBudget {
			t.Errorf("the entries extension is %d bytes gzipped, over its budget of %d", zipped, entriesBudget)
		}
		if strings.HasPrefix(name, "assets/coachbook-trends.") && zipped > trendsBudget {
			t.Errorf("the trends extension is %d bytes gzipped, over its budget of %d", zipped, trendsBudget)
		}
		if strings.HasPrefix(name, "assets/coachbook-order.") && zipped > orderBudget {
			t.Errorf("the order extension is %d bytes gzipped, over its budget of %d", zipped, orderBudget)
		}
		if strings.HasPrefix(name, "assets/coachbook-showif.") && zipped > showIfBudget {
			t.Errorf("the show-if extension is %d bytes gzipped, over its budget of %d", zipped, showIfBudget)
		}
		total += zipped
		names = append(names, name)
	}
	if len(names) < 4 {
		t.Fatalf("a page using every kind, a repeat, a total and a chart loads only %v", names)
	}
	t.Logf("a page using every kind loads %d bytes of JavaScript gzipped", total)
	if total > everyKindScriptsBudget {
		t.Errorf("a page using every kind loads %d bytes of JavaScript gzipped (%v), over the budget of %d", total, names, everyKindScriptsBudget)
	}
}

// TestRecallTimerBudget weighs the extensions of a page with a recall and
// a timer, each against its budget.
func TestRecallTimerBudget(t *testing.T) {
	root := writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Your name]{#name}\n\n" +
		"::recall[Your name]{from=\"w#name\"}\n\n::timer[Say it out loud]\n"})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Source: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	budgets := map[string]int{"recall": recallBudget, "timer": timerBudget}
	for part, budget := range budgets {
		data := readOne(t, filepath.Join(dest, "assets", "coachbook-"+part+".*.js"))
		zipped := gzipped(data)
		t.Logf("coachbook-%s.js: %d bytes minified, %d bytes gzipped", part, len(data), zipped)
		if zipped > budget {
			t.Errorf("the %s extension is %d bytes gzipped, over its budget of %d", part, zipped, budget)
		}
	}
}

// scriptsOf lists the scripts a built page loads, as paths in the output.
func scriptsOf(page []byte) []string {
	var names []string
	for _, m := range regexp.MustCompile(`<script src=[^ >]*?/(assets/[^ >/]+\.js) defer>`).FindAllSubmatch(page, -1) {
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
