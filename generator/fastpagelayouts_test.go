package generator

import (
	"fmt"
	"html/template"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// defaultPageLayouts parses the default theme's page layouts, minified as
// a build parses them, and compiles them.
func defaultPageLayouts(t *testing.T) (map[string]*fastLayouts, map[string]bool) {
	t.Helper()
	th, err := loadTheme(t.TempDir(), defaultSettings())
	mustDo(t, err)
	t.Cleanup(th.close)
	messages, _, err := th.loadMessages(defaultSettings())
	mustDo(t, err)
	funcs := layoutFuncs(defaultSettings(), map[string]string{"style.css": "style.css", "coachbook.js": "coachbook.js"}, nil, messages)
	sets, err := th.parseLayouts(funcs, newMinifier())
	mustDo(t, err)
	names := map[string]bool{}
	for _, set := range sets {
		for _, tm := range set.Templates() {
			if tm.Tree != nil {
				names[tm.Name()] = true
			}
		}
	}
	return compilePageLayouts(sets, funcs), names
}

// TestFastPathCompilesShippedPageLayouts checks that every page kind of
// the default theme, and every layout base.html reaches, runs by the
// fast path, so that the tests comparing whole sites compare it and not
// html/template with itself.
func TestFastPathCompilesShippedPageLayouts(t *testing.T) {
	fast, _ := defaultPageLayouts(t)
	for _, kind := range pageLayouts {
		fl := fast[kind]
		if !fl.usesFastPath(pageLayoutEntry) {
			t.Errorf("%s: base.html is not compiled; compiled: %v", kind, compiledNames(fl))
		}
	}
}

func compiledNames(fl *fastLayouts) []string {
	var names []string
	for name := range fl.templates {
		names = append(names, name)
	}
	return names
}

// titleLayouts call layouts inside <title> and <textarea>, where
// html/template escapes a copy of them for that context (RCDATA): each
// runs both ways on every hostile view.
var titleLayouts = []string{
	`<title>{{block "title" .}}{{.S}} · {{.H}}{{end}}</title>`,
	`<title>{{template "t" .}}</title>{{define "t"}}a < b <i>{{.H}}</i> & {{template "u" .}}{{end}}{{define "u"}}{{.S}}{{.List}}<!-- c -->{{.N}}{{end}}`,
	`<textarea>{{template "t" .}}</textarea>{{define "t"}}{{.H}}{{.Any}}{{end}}`,
	`{{template "t" .}}<title>{{template "t" .}}</title><textarea>{{template "t" .}}</textarea>{{define "t"}}<b title="x">{{.H}}</b>{{.S}}{{end}}`,
	`<title>{{template "t" .}}</title>{{define "t"}}{{if .B}}{{.S}}{{else}}{{.H}}{{end}}{{range .Strs}}[{{.}}]{{end}}{{with .Inner}}{{.S}}{{end}}{{end}}`,
	`<title>{{template "t" .}}</title>{{define "t"}}x</title><p title="{{.S}}">{{.H}}</p><title>{{.S}}{{end}}`,
	`<title>{{template "t" .}}</title>{{define "t"}}{{.S}}{{.Fails}}{{end}}`,
	`<title>{{template "t" .}}</title>{{define "t"}}{{.S}}{{.Missing}}{{end}}`,
	`<title>{{template "t" .Inner}}</title>{{define "t"}}{{.S}}{{.Nil.S}}{{end}}`,
}

// TestFastPathTitleLayouts runs the layouts above, compiled as page
// layouts are, and html/template alone: output and errors match.
func TestFastPathTitleLayouts(t *testing.T) {
	if !htmlTemplateUsesContextCopies() {
		t.Fatal("html/template no longer takes the copies the compiler adds: every page runs through html/template")
	}
	messages := defaultMessages(t)
	funcs := layoutFuncs(defaultSettings(), nil, nil, messages)
	for i, src := range titleLayouts {
		dl := bothWays(src, "t0", funcs, func(set *template.Template) { addContextCopies(set, "t0") })
		if !dl.fast.usesFastPath("t0") {
			t.Errorf("layout %d is not compiled: %s; compiled: %v", i, src, compiledNames(dl.fast))
			continue
		}
		for _, s := range hostileStrings {
			text := s
			inner := &hostileView{S: s + "inner"}
			views := []*hostileView{
				{S: s, H: template.HTML(s), N: len(s), B: s == "", P: &text, Any: template.HTML(s), List: []any{s, template.HTML(s), nil}, Strs: []string{s, "x"}, Inner: inner},
				{S: s, B: true},
			}
			for _, v := range views {
				compareLayout(t, dl, "t0", v)
			}
		}
		compareLayout(t, dl, "t0", nil)
	}
}

// ownTitleSite defines its own "title" for workbooks, with what
// html/template writes differently inside <title>: a "<" in the text, the
// page's HTML (normalized, not passed through) and a partial called from
// the block, and its own base.html for the home page's kind.
const ownTitleSite = `-- content/_index.md --
---
title: Home <of> "us" & co
---
-- content/w.md --
---
title: W <b>bold</b> & 'quoted' +1
description: D <i>it</i> & "q"
---
Some *text* & <more>.
-- layouts/workbook.html --
{{define "title"}}Own < {{.Title}} — {{.Content}}{{template "partials/title-tail.html" .}}{{end}}
{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{end}}
-- layouts/partials/title-tail.html --
 | {{.Site.Title}} <span>{{.Description}}</span>
-- layouts/home.html --
{{define "main"}}<p>Home {{.Title}}</p><textarea>{{template "partials/title-tail.html" .}}</textarea>{{end}}
`

// TestSiteOwnTitleRunsByFastPath checks that a site's own "title" is
// the one rendered, through the fast path, as html/template renders it.
func TestSiteOwnTitleRunsByFastPath(t *testing.T) {
	s := newTestSite(t, ownTitleSite)
	s.build()
	s.assertFile("w/index.html", `<title>Own &lt; W &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39; &#43;1 — &lt;p&gt;Some &lt;em&gt;text&lt;/em&gt;`)
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(ownTitleSite)), "") })

	fast := siteFastPageLayouts(t, ownTitleSite)
	for _, kind := range []string{kindWorkbook, kindHome} {
		if !fast[kind].usesFastPath(pageLayoutEntry) {
			t.Errorf("%s: the site's layouts are not compiled: %v", kind, compiledNames(fast[kind]))
		}
	}
}

// ownBaseSite replaces base.html, with its own blocks in <title> and
// <textarea>.
const ownBaseSite = `-- content/_index.md --
---
title: Home <of> "us" & co
---
-- content/w.md --
---
title: W <b>bold</b> & 'quoted' +1
description: D <i>it</i> & "q"
---
Some *text* & <more>.
-- layouts/base.html --
<!doctype html>
<html lang="{{.Site.Language}}">
<head><meta charset="utf-8"><title>{{block "title" .}}{{.Title}} &ndash; {{.Site.Title}}{{end}}</title>
{{with .Description}}<meta name="description" content="{{.}}">{{end}}</head>
<body><textarea>{{block "note" .}}< {{.Content}}{{end}}</textarea>
<main>{{block "main" .}}{{end}}</main></body></html>
`

// TestSiteOwnBaseRunsByFastPath checks that a site's own base.html is
// the one rendered, through the fast path, as html/template renders it.
func TestSiteOwnBaseRunsByFastPath(t *testing.T) {
	s := newTestSite(t, ownBaseSite)
	s.build()
	s.assertFile("w/index.html", `<title>W &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39; &#43;1 &ndash; Home`, `<textarea>&lt; &lt;p&gt;Some &lt;em&gt;text&lt;/em&gt;`)
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(ownBaseSite)), "") })
	fast := siteFastPageLayouts(t, ownBaseSite)
	for _, kind := range pageLayouts {
		if !fast[kind].usesFastPath(pageLayoutEntry) {
			t.Errorf("%s: the site's layouts are not compiled: %v", kind, compiledNames(fast[kind]))
		}
	}
}

// siteFastPageLayouts compiles the page layouts of the site in archive as
// a build does.
func siteFastPageLayouts(t *testing.T, archive string) map[string]*fastLayouts {
	t.Helper()
	root := t.TempDir()
	writeArchiveTo(t, root, txtar.Parse([]byte(archive)), "")
	th, err := loadTheme(root, defaultSettings())
	mustDo(t, err)
	t.Cleanup(th.close)
	messages, _, err := th.loadMessages(defaultSettings())
	mustDo(t, err)
	funcs := layoutFuncs(defaultSettings(), nil, nil, messages)
	sets, err := th.parseLayouts(funcs, newMinifier())
	mustDo(t, err)
	return compilePageLayouts(sets, funcs)
}

// TestFastPathHostilePageValues builds a site whose titles, descriptions
// and site settings hold hostile words, both ways.
func TestFastPathHostilePageValues(t *testing.T) {
	var site strings.Builder
	quote := func(s string) string { return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD")) }
	site.WriteString("-- content/_index.md --\n---\ntitle: " + quote(`Site <b>"home"</b> & 'co' +1`) +
		"\ndescription: " + quote("javascript:alert(1) </title><script>") + "\norganisation: " + quote("Org & <i>co</i>") + "\n---\nHome.\n")
	for i, s := range hostileStrings {
		if strings.TrimSpace(s) == "" {
			continue
		}
		fmt.Fprintf(&site, "-- content/c%d/_index.md --\n---\ntitle: %s\ndescription: %s\n---\n", i, quote(s+" collection"), quote(s))
		fmt.Fprintf(&site, "-- content/c%d/w.md --\n---\ntitle: %s\ndescription: %s\nduration: 5 min\n---\n::text[%s]{#f}\n",
			i, quote(s), quote(s+" described"), strings.NewReplacer("[", "", "]", "", "\n", " ", "\x00", "").Replace(strings.ToValidUTF8(s, "?")))
	}
	s := newTestSite(t, site.String())
	s.build()
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(site.String())), "") })
}

// TestFastPathPageLayoutErrorsSameAsHTMLTemplate checks that a page
// layout that fails, in its "title" block, its "main" block or a partial,
// fails the build with html/template's words and position, as do the
// layout cases of TestBadInput.
func TestFastPathPageLayoutErrorsSameAsHTMLTemplate(t *testing.T) {
	for i, c := range []struct{ files, want string }{
		{"-- layouts/workbook.html --\n{{define \"title\"}}{{.Title}}\n  {{.Nope}}{{end}}\n{{define \"main\"}}{{.Title}}{{end}}\n",
			`layouts/workbook.html:2:4: executing "title$htmltemplate_stateRCDATA_elementTitle" at <.Nope>: can't evaluate field Nope in type *generator.page`},
		{"-- layouts/workbook.html --\n{{define \"title\"}}{{.Title}}{{template \"partials/t.html\" .}}{{end}}\n{{define \"main\"}}{{.Title}}{{end}}\n-- layouts/partials/t.html --\n{{i18n \"nowhere\"}}\n",
			`layouts/partials/t.html:1:2: executing "partials/t.html$htmltemplate_stateRCDATA_elementTitle" at <i18n "nowhere">: error calling i18n: no words called "nowhere"`},
		{"-- layouts/workbook.html --\n{{define \"main\"}}<p>{{.Title}}</p>{{index .Scripts 99}}{{end}}\n",
			`layouts/workbook.html:1:36: executing "main" at <index .Scripts 99>: error calling index: index out of range: 99`},
		{"-- layouts/partials/footer.html --\n<footer>{{.Title 1}}</footer>\n",
			`layouts/partials/footer.html:1:10: executing "partials/footer.html" at <.Title>: Title has arguments but cannot be invoked as function`},
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			newTestSite(t, careerSite+c.files).expectErrors(c.want)
			buildBothWays(t, func(root string) {
				writeArchiveTo(t, root, txtar.Parse([]byte(careerSite+c.files)), "")
			})
		})
	}
	cases, _ := filepath.Glob("testdata/errors/template-*.txtar")
	for _, file := range cases {
		t.Run(filepath.Base(file), func(t *testing.T) {
			c := readCase(t, file)
			buildBothWays(t, func(root string) {
				writeArchiveTo(t, root, txtar.Parse([]byte(careerSite)), "")
				writeArchiveTo(t, root, &txtar.Archive{Files: c.files}, "")
			})
		})
	}
}

// urlStrings are links a page layout may be given, beside hostileStrings.
var urlStrings = []string{
	"/a/b/", "../c.html#x", "%41%zz%4", "ab%", "a%41", "%", "mailto:x@y", "HTTP://x.y/?a=b&c=d+e", "https:", "data:text/html,x",
	"vbscript:x", "/a:b", "a/b:c", "?q=a b&c='d'\"e\"", "#frag(1)", "ü/ß?ä=ö", "\x7f\x01\t", "[::1]:80", "a!$*,;=@~_-.",
}

// TestFastPathPageEscapers runs the escapers page layouts end their
// actions with (a link in an attribute, the runtime's JSON, <title> and
// <textarea>), on every kind of value, both ways.
func TestFastPathPageEscapers(t *testing.T) {
	layouts := []string{
		`<a href="{{.S}}">{{.S}}</a><a href='{{.S}}'>x</a><link href="{{.Any}}"><a href="{{.H}}">y</a><a href="{{.N}}">z</a>`,
		`<script type="application/json">{{.Any}}</script><script>var x = {{.Any}};</script>`,
		`<title>{{.S}}{{.H}}{{.Any}}{{.N}}{{.B}}{{.P}}</title><textarea>{{.S}}{{.H}}{{.Any}}{{.N}}{{.U}}{{.F}}{{.Nil}}</textarea>`,
	}
	messages := defaultMessages(t)
	funcs := layoutFuncs(defaultSettings(), nil, nil, messages)
	for i, src := range layouts {
		dl := bothWays(src, "t0", funcs, nil)
		if !dl.fast.usesFastPath("t0") {
			t.Fatalf("layout %d is not compiled: %s", i, src)
		}
		for _, s := range append(urlStrings, hostileStrings...) {
			text := s
			for _, v := range []*hostileView{
				{S: s, H: template.HTML(s), N: len(s), B: s == "", P: &text, Any: template.JS(s), U: 7, F: 0.5},
				{S: s, H: template.HTML(s), Any: template.URL(s)},
				{S: s, Any: []string{s}},
				{S: s, Any: template.JSStr(s)},
			} {
				compareLayout(t, dl, "t0", v)
			}
		}
	}
}
