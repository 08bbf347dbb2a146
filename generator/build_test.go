package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"coachbook/internal/corpus"
)

// careerSite is a small site with settings, two collections and a
// root-level workbook.
const careerSite = `
-- content/_index.md --
---
title: Career companion
description: Workbooks for your coaching sessions.
organisation: Example University Careers
contact: careers@example.edu
accent: "#7a3e9d"
---
Start with **Before your session**.
-- content/before/_index.md --
---
title: Before your session
description: Twenty minutes of reflection.
weight: 1
---
-- content/before/drive.md --
---
title: Your primary career drive
description: One phrase that says what matters most.
duration: 10 min
weight: 2
---
# What matters

Say it in [one phrase](reflection.md#why).
-- content/before/reflection.md --
---
title: Self-reflection
duration: 20 min
weight: 1
tags: [reflection]
---
## Why {#why}

Long-term aspirations first.
-- content/before/assessments.md --
+++
title = "Assessments taken"
description = "Results worth discussing."
+++
Bring the results.
-- content/interview/_index.md --
---
title: Interview preparation
weight: 2
---
-- content/interview/star.md --
---
title: STAR practice
duration: 30 min
---
Situation, Task, Action, Result. ![diagram](star.svg)
-- content/interview/star.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>
-- content/interview/draft.md --
---
title: Not ready yet
draft: true
---
-- content/welcome.md --
---
title: Welcome
weight: 1
---
Read this first. See the [STAR practice](interview/star.md).
`

func TestSiteStructure(t *testing.T) {
	s := newTestSite(t, careerSite)
	stats := s.build()
	if stats.Pages != 11 {
		// Home, two collections, five workbooks, the 404 page and the
		// pages of every answer.
		t.Errorf("built %d pages, want 11", stats.Pages)
	}
	for _, name := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "favicon.svg", "answers/index.html", "review/index.html",
		"welcome/index.html",
		"before/index.html", "before/drive/index.html", "before/reflection/index.html", "before/assessments/index.html",
		"interview/index.html", "interview/star/index.html", "interview/star.svg",
	} {
		s.file(name)
	}
	s.assertNoFile("interview/draft/index.html")

	// The home page lists root workbooks, then collections in weight
	// order, each with its workbooks in order and their durations.
	home := s.file("index.html")
	order := []string{"Welcome", "Before your session", "Self-reflection", "20 min", "Your primary career drive",
		"One phrase that says what matters most.", "10 min", "Assessments taken", "Interview preparation", "STAR practice", "30 min"}
	assertInOrder(t, home, order)
	s.assertFile("index.html", "<h1>Career companion</h1>", "Start with <strong>Before your session</strong>",
		"Example University Careers", `href="mailto:careers@example.edu"`)

	// Collections, breadcrumbs and previous/next links.
	s.assertFile("before/index.html", "<h1>Before your session</h1>", "Twenty minutes of reflection.")
	s.assertFile("before/drive/index.html",
		`<a href="/before/">Before your session</a>`,
		`aria-current=page>Your primary career drive`,
		`class=prev href="/before/reflection/" rel=prev`,
		`class=next href="/before/assessments/" rel=next`,
		// Relative .md links become page URLs and keep their fragment.
		`<a href=/before/reflection/#why>one phrase</a>`,
		// The body's h1 is demoted: the title is the page's only h1.
		`<h2 id=what-matters>What matters</h2>`)
	if n := strings.Count(s.file("before/drive/index.html"), "<h1"); n != 1 {
		t.Errorf("workbook page has %d h1 elements, want 1", n)
	}
	s.assertFile("before/reflection/index.html", `<span class=tag>reflection</span>`)
	s.assertFile("interview/star/index.html", `<img src=/interview/star.svg alt=diagram>`)
	s.assertFile("welcome/index.html", `<a href=/interview/star/>STAR practice</a>`)

	// Landmarks, skip link, language, CSP and hashed assets.
	s.assertFile("welcome/index.html", `<html lang="en" dir="ltr">`, `class=skip-link href=#main`, `<main id=main`,
		`<header class=site-header>`, `<footer class=site-footer>`, `http-equiv=Content-Security-Policy`)
	style, script, site := s.assetPath("style"), s.assetPath("coachbook"), s.assetPath("site")
	s.assertFile("welcome/index.html", `href="/`+style, `src="/`+script, `href="/`+site)
	s.assertFile(site, "--accent:#7a3e9d")
	s.assertFile("404.html", "Page not found", `href="/">Go to the list of workbooks`)
	s.assertFile("sitemap.xml", "<loc>/interview/star/</loc>")
	s.assertFile("robots.txt", "User-agent: *")
	for name, content := range s.snapshot() {
		if strings.Contains(content, "_coachbook") || strings.Contains(content, "connect-src 'self'") {
			t.Errorf("%s carries serve's live reload", name)
		}
	}
	s.assertFile("workbooks.json", `"version":1`, `"id":"interview/star","title":"STAR practice","url":"/interview/star/"`)
	// Streamed a workbook at a time, it is still one compact document.
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(s.file("workbooks.json"))); err != nil || compact.String() != s.file("workbooks.json") {
		t.Errorf("workbooks.json is not compact JSON (%v):\n%s", err, s.file("workbooks.json"))
	}
	var doc struct {
		Version   int
		Site      string
		Workbooks []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(s.file("workbooks.json")), &doc); err != nil || doc.Version != 1 || doc.Site != "Career companion" || len(doc.Workbooks) != 5 {
		t.Errorf("workbooks.json reads as %+v, %v", doc, err)
	}
}

func assertInOrder(t *testing.T, s string, parts []string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(s[at:], p)
		if i < 0 {
			t.Errorf("%q missing or out of order in:\n%s", p, s)
			return
		}
		at += i + len(p)
	}
}

var refAttr = regexp.MustCompile(`(?:href|src)=("[^"]*"|'[^']*'|[^\s>]+)`)

// TestSubPathLinksResolve hosts the site under a sub-path and checks that
// every link and source in every page leads to a file of the output.
func TestSubPathLinksResolve(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.opts.BaseURL = "https://example.edu/career/workbooks/"
	s.build()
	if checked := checkLinks(t, s.snapshot(), "/career/workbooks/", "https://example.edu"); checked < 50 {
		t.Errorf("checked only %d links", checked)
	}
	s.assertFile("sitemap.xml", "<loc>https://example.edu/career/workbooks/interview/star/</loc>")
	s.assertFile("robots.txt", "Sitemap: https://example.edu/career/workbooks/sitemap.xml")
	s.assertFile("welcome/index.html", `rel=canonical href="https://example.edu/career/workbooks/welcome/"`)
}

// checkLinks checks that every href and src of every page in files, the
// output of a site under basePath, leads to a file of the output. It
// returns how many links it checked.
func checkLinks(t *testing.T, files map[string]string, basePath, origin string) int {
	t.Helper()
	checked := 0
	for name, content := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range refAttr.FindAllStringSubmatch(content, -1) {
			ref := strings.TrimPrefix(strings.Trim(m[1], `"'`), origin)
			if strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "tel:") || strings.HasPrefix(ref, "https://") {
				continue
			}
			if !strings.HasPrefix(ref, basePath) {
				t.Errorf("%s: link %q is outside %s", name, ref, basePath)
				continue
			}
			target, _, _ := strings.Cut(strings.TrimPrefix(ref, basePath), "#")
			if target == "" || strings.HasSuffix(target, "/") {
				target = path.Join(target, "index.html")
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: link %q leads to %s, which is not in the output", name, ref, target)
			}
			checked++
		}
	}
	return checked
}

func TestBuildIsDeterministic(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.opts.Dest = filepath.Join(t.TempDir(), "first")
	s.build()
	first := s.snapshot()
	s.opts.Dest = filepath.Join(t.TempDir(), "second")
	s.build()
	second := s.snapshot()
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, data := range first {
		if second[name] != data {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestRebuildRemovesStaleFilesAndStaging(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	s.remove("content/welcome.md")
	s.write("public/stray.txt", "left by hand")
	s.build()
	s.assertNoFile("welcome/index.html")
	s.assertNoFile("stray.txt")
	entries, _ := os.ReadDir(s.root)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".coachbook-") && e.Name() != ".public.coachbook-spare" {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

// TestRebuildWritesOverTheSpare builds a site three times: the third build
// writes over the first one's files, kept as the spare. Whatever the spare
// holds, the output is what a fresh build makes, and nothing outside the
// spare changes through a link in it.
func TestRebuildWritesOverTheSpare(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	s.build()
	spare := s.path(".public.coachbook-spare")
	if _, err := os.Stat(filepath.Join(spare, buildMarker)); err != nil {
		t.Fatalf("the replaced build was not kept as the spare: %v", err)
	}

	// Links out of the spare, and things where files and folders belong.
	outside := filepath.Join(t.TempDir(), "outside.txt")
	target := filepath.Join(t.TempDir(), "target.txt")
	for _, f := range []string{outside, target} {
		writeFileIn(t, filepath.Dir(f), filepath.Base(f), []byte("keep me"))
	}
	in := func(name string) string { return filepath.Join(spare, filepath.FromSlash(name)) }
	mustDo(t, os.Remove(in("before/drive/index.html")))
	mustDo(t, os.Link(outside, in("before/drive/index.html")))
	mustDo(t, os.Remove(in("interview/star/index.html")))
	mustDo(t, os.Symlink(target, in("interview/star/index.html")))
	mustDo(t, os.RemoveAll(in("before/reflection")))
	mustDo(t, os.WriteFile(in("before/reflection"), []byte("a file where a folder goes"), 0o644))
	mustDo(t, os.Remove(in("robots.txt")))
	mustDo(t, os.MkdirAll(in("robots.txt/inner"), 0o755))
	mustDo(t, os.RemoveAll(in("before/assessments")))
	mustDo(t, os.Symlink(t.TempDir(), in("before/assessments")))
	mustDo(t, os.WriteFile(in("stray.txt"), []byte("left by hand"), 0o644))
	s.remove("content/welcome.md")
	// A page that shrinks is cut to its new length.
	s.write("content/before/drive.md", "---\ntitle: Drive\n---\nShort.\n")

	s.build()
	recycled := s.snapshot()
	s.opts.Dest = filepath.Join(t.TempDir(), "fresh")
	s.build()
	s.assertUnchanged(recycled) // A fresh build makes the same files.
	for _, f := range []string{outside, target} {
		if data, _ := os.ReadFile(f); string(data) != "keep me" {
			t.Errorf("%s was changed through a link in the spare: %q", f, data)
		}
	}
}

// TestRecycledBuildKeepsItsOwnFiles gives a site a file where one of its
// pages' folders goes. Written over the spare, the build fails as it does
// into an empty folder, rather than letting the spare's leftovers make
// room by deleting what the build itself wrote.
func TestRecycledBuildKeepsItsOwnFiles(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	s.build()
	before := s.snapshot()
	s.write("content/welcome", "a file named like the welcome page's folder")
	for _, order := range []string{"recycled", "fresh"} {
		t.Logf("a %s build", order)
		s.expectErrors("welcome/index.html: not a directory")
		s.remove(".public.coachbook-spare")
	}
	s.assertUnchanged(before)
}

// TestLinkedSpareIsNotFollowed puts a link where the spare goes, pointing
// at a folder of someone's files: a build must neither write into it nor
// prune it.
func TestLinkedSpareIsNotFollowed(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	elsewhere := t.TempDir()
	mine := filepath.Join(elsewhere, "notes.txt")
	writeFileIn(t, elsewhere, "notes.txt", []byte("my notes"))
	mustDo(t, os.Symlink(elsewhere, s.path(".public.coachbook-spare")))
	s.build()
	s.build()
	if data, err := os.ReadFile(mine); err != nil || string(data) != "my notes" {
		t.Errorf("a file behind a linked spare became %q, %v", data, err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 1 {
		t.Errorf("a build wrote into the folder a linked spare points to: %v", entries)
	}
	s.assertFile("before/drive/index.html", "<h1>Your primary career drive</h1>")
}

func TestBOMBeforeFrontmatter(t *testing.T) {
	s := newTestSite(t, "-- content/a.md --\n\uFEFF---\ntitle: With a BOM\n---\nBody\n")
	s.build()
	s.assertFile("a/index.html", "<h1>With a BOM</h1>")
}

func TestSiteWithoutSettings(t *testing.T) {
	s := newTestSite(t, "-- content/notes.md --\nJust *Markdown*, no frontmatter.\n-- content/a.md --\n---\ntitle: A\n---\n")
	// A page without a title is named after its file (titlefallback.go).
	stats := s.build()
	assertErrors(t, stats.Warnings[0].Error(), `content/notes.md:1:1: warning: no title and no # heading; using the file name "Notes"`)
	s.assertFile("notes/index.html", "<h1>Notes</h1>")
	s.assertFile("index.html", "<title>Workbooks</title>", `<html lang="en" dir="ltr">`)
}

func TestRawHTML(t *testing.T) {
	body := "<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> text\n"
	s := newTestSite(t, "-- content/a.md --\n---\ntitle: A\n---\n"+body)
	s.build()
	page := s.file("a/index.html")
	for _, bad := range []string{"<script>alert", "onclick"} {
		if strings.Contains(page, bad) {
			t.Errorf("output contains %q:\n%s", bad, page)
		}
	}
	s.assertFile("a/index.html", "<p>bold text")

	s.write("content/_index.md", "---\nallowHTML: true\n---\n")
	s.build()
	s.assertFile("a/index.html", "<script>alert(1)</script>", `<b onclick=x()>bold</b>`)
}

// TestDangerousLinks checks that links able to run code are build errors
// at their position, even where raw HTML is allowed.
func TestDangerousLinks(t *testing.T) {
	for name, settings := range map[string]string{"default": "", "allowHTML": "---\nallowHTML: true\n---\n"} {
		t.Run(name, func(t *testing.T) {
			s := newTestSite(t, "-- content/_index.md --\n"+settings+`
-- content/a.md --
---
title: A
---
See javascript: here [click](JaVaScRiPt:alert(1)) and <vbscript:msgbox>.
![pixel](data:image/png;base64,iVBORw0KGgo=) [page](data:text/html;base64,PHNjcmlwdD4=)
[mail](mailto:coach@example.edu) [call](tel:+441234)
`)
			out := s.expectErrors(
				`content/a.md:4:30: link "JaVaScRiPt:alert(1)" uses the javascript: scheme; only http, https, mailto and tel links are allowed`,
				`content/a.md:4:56: link "vbscript:msgbox" uses the vbscript: scheme`,
				`content/a.md:5:53: link "data:text/html;base64,PHNjcmlwdD4=" uses the data: scheme`,
			)
			assertErrorCount(t, out, 3)
		})
	}
}

func TestHeadings(t *testing.T) {
	s := newTestSite(t, `-- content/a.md --
---
title: Headings
---
> # Quoted top heading

## Main

## Été à Zürich

## Why {#why .key style="color:red" onclick="x()"}

## Why

## Coachbook manifest
`)
	s.build()
	s.assertFile("a/index.html",
		`<h3 id=section-coachbook-manifest>Coachbook manifest</h3>`,
		`<h2 id=quoted-top-heading>Quoted top heading</h2>`,
		`<h3 id=main-1>Main</h3>`,
		`<h3 id=été-à-zürich>Été à Zürich</h3>`,
		`<h3 id=why class=key>Why</h3>`,
		`<h3 id=why-1>Why</h3>`)
	page := s.file("a/index.html")
	if strings.Count(page, "<h1") != 1 || strings.Contains(page, "style=") || strings.Contains(page, "onclick") {
		t.Errorf("headings:\n%s", page)
	}
}

func TestMarkdownExtensions(t *testing.T) {
	s := newTestSite(t, `-- content/a.md --
---
title: Extensions
---
| Task | Due |
|:-----|----:|
| Research | Friday |

- [x] Rewrite the summary
- [ ] Book the follow-up

~~old plan~~ and https://example.org and a note[^1].

[^1]: The footnote.
`)
	s.build()
	page := s.file("a/index.html")
	for _, want := range []string{"<table>", "align=left", "align=right", `<input checked disabled type=checkbox> Rewrite`, "<del>old plan</del>",
		`<a href=https://example.org>https://example.org</a>`, `class=footnote-ref`, "The footnote."} {
		if !strings.Contains(page, want) {
			t.Errorf("missing %q in:\n%s", want, page)
		}
	}
	if strings.Contains(page, "style=") {
		t.Errorf("inline style would break the CSP:\n%s", page)
	}
}

func TestThemeOverrides(t *testing.T) {
	s := newTestSite(t, `-- content/a.md --
---
title: A
mood: calm
---
-- layouts/partials/footer.html --
<footer class="custom">Run by {{.Site.Title}}; mood {{.Params.mood}}</footer>
-- assets/style.css --
body { color: rebeccapurple }
-- static/files/cv-template.txt --
Name:
`)
	s.build()
	s.assertFile("a/index.html", "<footer class=custom>Run by Workbooks; mood calm</footer>")
	s.assertFile(s.assetPath("style"), "rebeccapurple")
	s.assertFile("files/cv-template.txt", "Name:")
}

// TestNamedTheme builds with a theme of the site's own. It has no
// runtime, so it saves no answers and gets no book pages; one with the
// runtime and no book layouts gets the default theme's, inside its base.
func TestNamedTheme(t *testing.T) {
	s := newTestSite(t, `-- content/_index.md --
---
title: Plain
theme: plain
---
-- content/a.md --
---
title: A
---
::text[Name]{#name}
-- themes/plain/layouts/base.html --
<!doctype html><html lang="{{.Site.Language}}"><title>plain {{block "title" .}}{{.Title}}{{end}}</title>{{block "main" .}}{{end}}</html>
-- themes/plain/layouts/home.html --
{{define "main"}}home{{end}}
-- themes/plain/layouts/collection.html --
{{define "main"}}collection{{end}}
-- themes/plain/layouts/workbook.html --
{{define "main"}}plain workbook {{.Title}}{{end}}
-- themes/plain/layouts/404.html --
{{define "main"}}missing{{end}}
`)
	s.build()
	s.assertFile("a/index.html", "plain workbook A")
	s.assertNoFile("answers/index.html")
	s.assertNoFile("review/index.html")

	s.write("themes/plain/assets/coachbook.js", "/* a runtime of the theme's own */")
	for _, name := range []string{"coachbook-recall.js", "coachbook-listings.js", "coachbook-book.js", "coachbook-restore.js", "coachbook-protect.js"} {
		s.write("themes/plain/assets/"+name, "/* its extensions */")
	}
	s.build()
	s.assertFile("answers/index.html", "<title>plain My answers · Plain</title>", `data-book-workbook="a"`)
	s.assertFile("review/index.html", "<title>plain Review a client&#39;s answers · Plain</title>")
}

func TestDrafts(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.opts.Drafts = true
	s.build()
	s.assertFile("interview/draft/index.html", "Not ready yet")

	s.opts.Drafts = false
	s.write("content/welcome.md", "---\ntitle: Welcome\n---\nSee [the draft](interview/draft.md).\n")
	s.expectErrors(`content/welcome.md:4:17: link "interview/draft.md" leads to content/interview/draft.md, a draft that is built only with --drafts`)
}

func TestCancelledBuildLeavesOutput(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	before := s.snapshot()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.buildContext(ctx); err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	s.assertUnchanged(before)
}

func TestRefusesUnsafeDestinations(t *testing.T) {
	s := newTestSite(t, careerSite)
	for _, tc := range []struct{ dest, want string }{
		{s.root, "it holds the site's own files"},
		{filepath.Dir(s.root), "it holds the site's own files"},
		{s.path("content/out"), "it is inside the site's content/ folder"},
		{s.path("static"), "it is inside the site's static/ folder"},
	} {
		s.opts.Dest = tc.dest
		s.expectErrors(tc.want)
	}
	other := t.TempDir()
	writeFileIn(t, other, "thesis.docx", []byte("precious"))
	s.opts.Dest = other
	s.expectErrors("it is not empty and has no .coachbook-build file, so it is not a coachbook build")
	// A hand-made site has an index.html but no build marker.
	writeFileIn(t, other, "index.html", []byte("<p>mine</p>"))
	s.expectErrors("not a coachbook build")
	if data, _ := os.ReadFile(filepath.Join(other, "thesis.docx")); string(data) != "precious" {
		t.Error("an unrelated folder was touched")
	}
}

// TestBundledSite builds the sample site in content/, the end-to-end
// fixture that every user sees first: every workbook page exists and has
// fields, the manifest lists them, every directive of the field language
// is used, every workbook has a description and a duration, collection
// durations add up, sensitive pages show the support details, and no
// internal link is broken under a sub-path.
func TestBundledSite(t *testing.T) {
	s := openSite(t, "..")
	s.opts.BaseURL = "/career/"
	s.build()
	files := s.snapshot()

	var manifest struct {
		Workbooks []struct {
			ID     string
			URL    string
			Fields []struct{ Key string }
		}
	}
	if err := json.Unmarshal([]byte(files["workbooks.json"]), &manifest); err != nil {
		t.Fatal(err)
	}
	if len(manifest.Workbooks) < 14 {
		t.Errorf("the sample site has %d workbooks, want at least 14", len(manifest.Workbooks))
	}
	for _, w := range manifest.Workbooks {
		page := files[strings.TrimPrefix(w.URL, "/career/")+"index.html"]
		if page == "" || len(w.Fields) == 0 || !strings.Contains(page, `id=coachbook-manifest`) {
			t.Errorf("workbook %s: page found %v, %d fields", w.ID, page != "", len(w.Fields))
		}
	}
	home := files["index.html"]
	for _, collection := range []string{"Before your session", "In the session", "Interview preparation", "Career change", "After the session", "Between therapy sessions"} {
		if !strings.Contains(home, collection) {
			t.Errorf("the home page does not list %q", collection)
		}
	}

	// Every field kind, exercise and display is used somewhere.
	for _, name := range unusedDirectives(t, filepath.Join("..", "content")) {
		t.Errorf("the sample site never uses %s", name)
	}
	pages := loadedPages(t, s)
	checkWorkbookMeta(t, pages)
	checkCollectionDurations(t, pages)
	checkSupportShown(t, pages, files)
	// Every internal link leads somewhere (the build checks the Markdown's
	// links too, and fails on a broken one).
	if checked := checkLinks(t, files, "/career/", ""); checked < 200 {
		t.Errorf("checked only %d links", checked)
	}
}

// TestBenchmarkCorpusUsesEveryDirective builds the benchmarks' synthetic
// site with exercises: it must build, and every page must hold every
// directive, so that a benchmark of it covers every layout.
func TestBenchmarkCorpusUsesEveryDirective(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 3, corpus.Kinds); err != nil {
		t.Fatal(err)
	}
	openSite(t, dir).build()
	for _, page := range []string{"c000/p000.md", "c000/p001.md", "c000/p002.md"} {
		if missing := unusedDirectives(t, filepath.Join(dir, "content", page)); len(missing) > 0 {
			t.Errorf("%s lacks %s", page, strings.Join(missing, ", "))
		}
	}
}

// unusedDirectives lists the known directives that no Markdown file under
// root uses, reading each file itself rather than trusting the parser.
func unusedDirectives(t *testing.T, root string) []string {
	t.Helper()
	used := map[string]bool{}
	directive := regexp.MustCompile(`(?m)^\s*:{2,}([A-Za-z][\w-]*)`)
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		for _, m := range directive.FindAllStringSubmatch(string(data), -1) {
			used[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var unused []string
	dl := defaultDirectiveLayouts(t)
	for name := range dl.kinds {
		if dl.isKnown(name) && !used[name] {
			unused = append(unused, name)
		}
	}
	sort.Strings(unused)
	return unused
}

// TestLayoutShowsOtherPagesContent lets a listing show each workbook's
// body, which pages rendering in parallel must convert safely; run it with
// -race, as .ci/run does.
func TestLayoutShowsOtherPagesContent(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.write("layouts/partials/workbook-list.html", `{{range .}}<div class="excerpt">{{.Content}}</div>{{end}}`)
	s.build()
	s.assertFile("index.html", `<div class=excerpt><p>Situation, Task, Action, Result. <img src=/interview/star.svg alt=diagram></div>`)
}

// TestMemoryLimitFollowsTheLiveHeap keeps 200 MB alive under a build's
// collector settings: the soft limit must rise to that and
// buildGarbageRoom above it, or the collector would run without pause, as
// it did for a site of 10,000 workbooks full of exercises, but not to
// twice that, which took a build of 100,000 pages over 400 MiB.
func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	restore := LimitMemory()
	defer restore()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Fatalf("limit %d at the start, want %d", got, buildMemoryLimit)
	}
	keep := make([][]byte, 200)
	for i := range keep {
		keep[i] = make([]byte, 1<<20)
	}
	want := int64(200<<20 + buildGarbageRoom)
	for deadline := time.Now().Add(10 * time.Second); debug.SetMemoryLimit(-1) < want && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < want {
		t.Errorf("with 200 MB alive the limit is %d MB, want at least %d MB", got>>20, want>>20)
	} else if got >= 2*200<<20 {
		t.Errorf("with 200 MB alive the limit is %d MB, want less than twice that", got>>20)
	}
	runtime.KeepAlive(keep)
}

// TestWorkbookIDsFromFileNames builds workbooks whose file names hold
// letters of other scripts, combining marks and dots, as French, Hindi or
// Japanese coaches name them, and checks the IDs their answers are saved
// under.
func TestWorkbookIDsFromFileNames(t *testing.T) {
	s := newTestSite(t, `-- content/réflexion.md --
---
title: Réflexion
---
::text[Q]{#q}
-- content/v1.2.md --
---
title: Version
---
::text[Q]{#q}
-- content/日本語/練習.md --
---
title: 練習
---
::text[Q]{#q}
-- content/अभ्यास.md --
---
title: अभ्यास
---
::text[Q]{#q}
`)
	s.build()
	for _, id := range []string{"réflexion", "v1.2", "日本語/練習", "अभ्यास"} {
		if !workbookID.MatchString(id) {
			t.Errorf("%q is not a valid ID", id)
		}
		s.assertFile("workbooks.json", `"id":"`+id+`"`)
	}
}

// TestDangerousRawHTML checks that with raw HTML allowed, tags are held to
// the link rules: no scheme that runs script or loads a document, however
// it is spelt, and no <meta http-equiv="refresh">.
func TestDangerousRawHTML(t *testing.T) {
	s := newTestSite(t, `-- content/_index.md --
---
allowHTML: true
---
-- content/a.md --
---
title: A
---
Inline <a href="java&#x09;script:alert(1)">x</a> and <img src=" javascript:alert(1)"> fine <a href="https://example.org">ok</a>.

<div>
<form action="JAVASCRIPT:alert(1)"><button formaction="vbscript:x">go</button></form>
<meta http-equiv=" Refresh " content="0;url=https://example.org">
<img srcset="a.png 1x, javascript:alert(1) 2x" src="data:image/png;base64,iVBORw0KGgo=">
<iframe src="data:text/html,<script>alert(1)</script>"></iframe>
</div>

> <a href="javascript:alert(2)">quoted</a>
`)
	out := s.expectErrors(
		`content/a.md:4:8: <a href>: link "javascript:alert(1)" uses the javascript: scheme`,
		`content/a.md:4:54: <img src>: link "javascript:alert(1)" uses the javascript: scheme`,
		`content/a.md:7:1: <form action>: link "JAVASCRIPT:alert(1)" uses the javascript: scheme`,
		`content/a.md:7:36: <button formaction>: link "vbscript:x" uses the vbscript: scheme`,
		`content/a.md:8:1: <meta http-equiv="refresh"> would send the reader to another page; use a link`,
		`content/a.md:9:1: <img srcset>: link "javascript:alert(1)" uses the javascript: scheme`,
		`content/a.md:10:1: <iframe src>: link "data:text/html,<script>alert(1)</script>" uses the data: scheme`,
		`content/a.md:13:3: <a href>: link "javascript:alert(2)" uses the javascript: scheme`,
	)
	assertErrorCount(t, out, 8)
}
