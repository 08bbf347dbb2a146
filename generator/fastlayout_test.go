package generator

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"coachbook/internal/corpus"

	"golang.org/x/tools/txtar"
)

// The fast path must write what html/template writes, byte for byte, and
// fail as it fails. These tests build whole sites both ways and compare
// every file, and run hostile values through layouts both ways.

// buildBothWays builds the site written by write twice, through the fast
// path and through html/template alone, and reports every output file
// that differs, and any difference in the build's error.
func buildBothWays(t *testing.T, write func(root string)) {
	t.Helper()
	buildBothWaysAt(t, func() string { root := t.TempDir(); write(root); return root })
}

// buildBothWaysAt is buildBothWays for a site that newRoot gives.
func buildBothWaysAt(t *testing.T, newRoot func() string) {
	t.Helper()
	compareBuilds(t, newRoot, [2]string{"the fast path", "html/template"}, [2]func(*Options){
		func(*Options) {},
		func(o *Options) { o.slowLayouts = true },
	})
}

// compareBuilds builds the site newRoot gives twice, with the options each
// of set gives, and reports every output file that differs, and any
// difference in the build's error; names name the two builds.
func compareBuilds(t *testing.T, newRoot func() string, names [2]string, set [2]func(*Options)) {
	t.Helper()
	var outs [2]map[string]string
	var errs [2]string
	for i := range 2 {
		root := newRoot()
		opts := Options{Source: root, Dest: filepath.Join(t.TempDir(), "public")}
		set[i](&opts)
		if _, err := Build(context.Background(), opts); err != nil {
			errs[i] = err.Error()
		}
		outs[i] = readTree(t, opts.Dest)
	}
	if errs[0] != errs[1] {
		t.Errorf("the build's error differs\n%s: %s\n%s: %s", names[0], errs[0], names[1], errs[1])
	}
	if len(outs[0]) != len(outs[1]) {
		t.Errorf("%s wrote %d files, %s %d", names[0], len(outs[0]), names[1], len(outs[1]))
	}
	for name, first := range outs[0] {
		if second, ok := outs[1][name]; ok && first != second {
			t.Errorf("%s differs\n%s", name, fastSlowDifference(first, second))
		}
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		mustDo(t, err)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	return out
}

// fastSlowDifference shows where two outputs part.
func fastSlowDifference(fast, slow string) string {
	i := 0
	for i < len(fast) && i < len(slow) && fast[i] == slow[i] {
		i++
	}
	from := max(i-80, 0)
	return fmt.Sprintf("fast: %q\nslow: %q", fast[from:min(i+80, len(fast))], slow[from:min(i+80, len(slow))])
}

// writeArchiveTo writes the files of a txtar archive under root, leaving
// out those whose names start with skip.
func writeArchiveTo(t *testing.T, root string, ar *txtar.Archive, skip string) {
	for _, f := range ar.Files {
		if skip != "" && strings.HasPrefix(f.Name, skip) {
			continue
		}
		full := filepath.Join(root, filepath.FromSlash(f.Name))
		mustDo(t, os.MkdirAll(filepath.Dir(full), 0o755))
		mustDo(t, os.WriteFile(full, f.Data, 0o644))
	}
}

func TestFastPathSameAsHTMLTemplateOnGoldenSites(t *testing.T) {
	cases, _ := filepath.Glob("testdata/golden/*.txtar")
	sites, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range append(cases, sites...) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			mustDo(t, err)
			buildBothWays(t, func(root string) { writeArchiveTo(t, root, ar, "want/") })
		})
	}
}

func TestFastPathSameAsHTMLTemplateOnDirectiveGoldens(t *testing.T) {
	cases, _ := filepath.Glob("testdata/directives/*.txtar")
	var body strings.Builder
	for _, file := range cases {
		ar, err := txtar.ParseFile(file)
		mustDo(t, err)
		for _, f := range ar.Files {
			if f.Name == "page.md" {
				// Each case is its own workbook: IDs repeat across cases.
				name := strings.TrimSuffix(filepath.Base(file), ".txtar")
				body.WriteString("-- content/" + name + ".md --\n" + workbookFrontmatter + string(f.Data))
			}
		}
	}
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(body.String())), "") })
}

func TestFastPathSameAsHTMLTemplateOnSampleSite(t *testing.T) {
	buildBothWaysAt(t, func() string { return ".." })
}

func TestFastPathSameAsHTMLTemplateOnCorpora(t *testing.T) {
	for _, kind := range []corpus.Kind{corpus.Plain, corpus.Exercise, corpus.Kinds} {
		t.Run(kind.String(), func(t *testing.T) {
			buildBothWays(t, func(root string) { mustDo(t, corpus.Write(root, 40, kind)) })
		})
	}
}

// TestFastPathCompilesShippedLayouts checks that every layout of the
// default theme runs by the fast path, so that the tests above compare it
// and not html/template with itself.
func TestFastPathCompilesShippedLayouts(t *testing.T) {
	dl := defaultDirectiveLayouts(t)
	for _, tm := range dl.set.Templates() {
		if tm.Tree != nil && !dl.fast.usesFastPath(tm.Name()) {
			t.Errorf("%s is not compiled", tm.Name())
		}
	}
}

// hostileStrings are what an author may write in a label, hint,
// placeholder or option.
var hostileStrings = []string{
	"", "plain", `"quoted" and 'single'`, "<b>bold</b> & more", "a+b=c", "nul\x00byte",
	"naïve café — ünïcödé ✓", "javascript:alert(1)", "JavaScript:alert(1)", "http://example.com/?a=1&b=<2>",
	"\xff\xfe invalid utf-8", "\ufdd0\uffff nonchars", "{{.}}", "line\nbreak\ttab", "&amp; already",
}

// TestFastPathHostileFields renders every field layout of the default
// theme, with hostile words in every text, both ways.
func TestFastPathHostileFields(t *testing.T) {
	dl := defaultDirectiveLayouts(t)
	for _, kind := range fieldKinds {
		for _, s := range hostileStrings {
			f := &field{Type: kind.name, Label: s, Hint: s, Placeholder: s, Class: s, MinLabel: s, MaxLabel: s, Unit: s, Cell: "check",
				Min: 1, Max: 5, Step: 1, Optional: s != "", Multiple: s == "plain", Remind: true, Weights: true, ClientOptions: s == "plain"}
			f.setKey("k" + s)
			opts := []option{{Value: s, Label: s}, {Value: "b", Label: s + "2", Checked: true}}
			f.Options, f.Items, f.GridRows, f.GridCols, f.Criteria = opts, opts, opts, opts, opts
			f.Other = option{Value: s, Label: s}
			f.Columns = []*field{{Type: "text", Label: s, Placeholder: s}, {Type: "scale", Label: s, Min: 0, Max: 3, Step: 1, MinLabel: s}}
			for _, col := range f.Columns {
				col.setKey(f.Key + ".c")
			}
			compareLayout(t, dl, fieldLayout(kind.name), f)
		}
	}
}

// compareLayout runs layout name on data by both paths.
func compareLayout(t *testing.T, dl *directiveLayouts, name string, data any) {
	t.Helper()
	var fast, slow bytes.Buffer
	ran, fastErr := dl.fast.execute(&fast, name, data)
	if !ran {
		t.Fatalf("%s does not run by the fast path", name)
	}
	slowErr := dl.set.ExecuteTemplate(&slow, name, data)
	if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) {
		t.Errorf("%s: errors differ\nfast: %v\nslow: %v", name, fastErr, slowErr)
	}
	if fastErr == nil && fast.String() != slow.String() {
		t.Errorf("%s on %#v differs\n%s", name, data, fastSlowDifference(fast.String(), slow.String()))
	}
}

// hostileView is data for layouts written to reach every construct and
// escaping context the compiler handles.
type hostileView struct {
	S     string
	H     template.HTML
	N     int
	U     uint8
	F     float64
	B     bool
	P     *string
	Nil   *hostileView
	Any   any
	List  []any
	Map   map[string]int
	Strs  []string
	Inner *hostileView
	Err   error
	Seq   iter.Seq[int]
	Seq2  iter.Seq2[int, string]
}

func (v *hostileView) Twice(s string) string { return s + s }
func (v hostileView) Joined(sep string, more ...string) string {
	return strings.Join(append([]string{v.S}, more...), sep)
}
func (v *hostileView) Fails() (string, error) { return "", fmt.Errorf("it failed: %s", v.S) }

// hostileLayouts each run both ways on every hostile view.
var hostileLayouts = []string{
	`<p title="{{.S}}">{{.S}}</p><a href="{{.S}}">x</a><a href="/{{.S}}">y</a><a href="/?q={{.S}}">z</a>`,
	`<div title="{{.H}}" data-n="{{.N}}" data-b="{{.B}}" data-f="{{.F}}" data-u="{{.U}}">{{.H}}{{.N}}{{.F}}{{.U}}{{.B}}</div>`,
	`<input value={{.S}}><textarea>{{.S}}</textarea><title>{{.S}}</title>`,
	`<script type="application/json">{{.}}</script><script>var x = {{.S}};</script>`,
	`{{.P}}|{{.Nil}}|{{.Any}}|{{.List}}|{{.Map}}|{{.Strs}}|{{.Err}}|<b title="{{.P}}{{.Any}}{{.List}}">`,
	`{{with .Inner}}{{.S}}{{else}}none{{end}}{{if and .S .N}}both{{else if or .B .H}}one{{end}}{{if not .Strs}}empty{{end}}`,
	`{{range $i, $s := .Strs}}{{$i}}={{$s}};{{else}}no strings{{end}}{{range .List}}[{{.}}]{{end}}{{range $k, $v := .Map}}{{$k}}:{{$v}},{{end}}{{range 3}}{{.}}{{end}}`,
	`{{$x := .S}}{{$y := 1}}{{range .Strs}}{{$y = 2}}{{$x}}{{$.N}}{{end}}{{$y}}{{len .Strs}}{{index .Strs 0}}{{index .Map "a"}}`,
	`{{eq .N 3}}{{ne .S "x"}}{{lt .N 10}}{{le .U 2}}{{gt .F 1.5}}{{ge .N -1}}{{eq .S "a" "b" "plain"}}{{printf "%s-%d-%v" .S .N .B}}{{print .S .N}}{{println .S}}`,
	`{{.Twice .S}}{{.Joined "," "a" "b"}}{{.Joined ";"}}{{(.Twice "x")}}{{.Inner.S}}{{i18n "optional"}}{{i18nN "rowsRow" 2}}{{attrs "label" .S}}`,
	`{{template "part" .}}{{template "part" .Inner}}{{define "part"}}<i title="{{.S}}">{{.S}}</i>{{end}}`,
	`{{if .Seq}}{{range .Seq}}{{.}}{{else}}no seq{{end}}{{range $i, $v := .Seq2}}{{$i}}{{$v}}{{end}}{{range .Seq2}}{{.}}{{end}}{{end}}`,
	`{{.Fails}}`,
	`{{.Nil.S}}`,
	`{{.Missing}}`,
	`{{index .Strs 9}}`,
	`{{i18n "no-such-words"}}`,
	`{{attrs "odd"}}`,
	`{{.Twice}}`,
	`{{eq .S .N}}`,
	`{{len .N}}`,
	`{{range .N}}{{.}}{{end}}{{with $z := .S}}{{$z}}{{end}}{{.S | printf "%q"}}{{"lit" | printf "%s%s" .S}}`,
}

// bothWays parses src as layout name with funcs, for running it by the
// fast path and through html/template alone; prepare, if any, changes the
// fast path's set before it is compiled.
func bothWays(src, name string, funcs template.FuncMap, prepare func(set *template.Template)) *directiveLayouts {
	set := template.Must(template.New(name).Funcs(funcs).Parse(src))
	slow := template.Must(set.Clone())
	if prepare != nil {
		prepare(set)
	}
	return &directiveLayouts{set: slow, fast: compileFastLayouts(set, funcs, []string{name})}
}

// TestFastPathHostileLayouts runs the layouts above, with the functions
// layouts have, on hostile data, both ways: output and errors match.
func TestFastPathHostileLayouts(t *testing.T) {
	messages := defaultMessages(t)
	funcs := layoutFuncs(defaultSettings(), nil, nil, messages)
	for i, src := range hostileLayouts {
		dl := bothWays(src, "t", funcs, nil)
		if !dl.fast.usesFastPath("t") {
			t.Errorf("layout %d is not compiled: %s", i, src)
			continue
		}
		for _, s := range hostileStrings {
			text := s
			inner := &hostileView{S: s + "inner"}
			views := []*hostileView{
				{S: s, H: template.HTML(s), N: len(s), U: 2, F: 2.5, B: s == "", P: &text, Any: s, List: []any{s, 3, template.HTML(s), nil}, Map: map[string]int{"b": 2, "a": 1, s: 3}, Strs: []string{s, "x"}, Inner: inner, Err: fmt.Errorf("%s", s),
					Seq: slices.Values([]int{1, len(s)}), Seq2: slices.All([]string{s, "y"})},
				{S: s},
			}
			for _, v := range views {
				compareLayout(t, dl, "t", v)
			}
		}
		compareLayout(t, dl, "t", nil)
	}
}

func defaultMessages(t *testing.T) languageWords {
	th, err := loadTheme(t.TempDir(), defaultSettings())
	mustDo(t, err)
	t.Cleanup(th.close)
	messages, _, err := th.loadMessages(defaultSettings())
	mustDo(t, err)
	return messages
}

// TestSiteLayoutOverridesRunByFastPath checks that a site's own field
// layout is the one rendered, through the fast path, as html/template
// renders it.
func TestSiteLayoutOverridesRunByFastPath(t *testing.T) {
	site := `-- content/w.md --
---
title: W
---
::text[Your <name> & "words"]{#name hint="x+y"}
:::exercise{#ex title="T"}
::textarea[Notes]{#notes}
:::
-- layouts/fields/text.html --
<p class="own-text" data-key="{{.Key}}" title="{{.Label}}">{{.Label}}{{with .Hint}} ({{.}}){{end}}</p>
`
	s := newTestSite(t, site)
	s.build()
	// The page is minified: html/template's escapes are undone where
	// HTML allows.
	s.assertFile("w/index.html", `<p class=own-text data-key=name title='Your <name> & "words"'>Your &lt;name> & "words" (x+y)`)
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(site)), "") })
}

// TestFastPathLayoutErrorsSameAsHTMLTemplate checks that a broken layout
// of a site fails the build with html/template's words and position.
func TestFastPathLayoutErrorsSameAsHTMLTemplate(t *testing.T) {
	for i, layout := range []string{
		`{{i18n "nowhere"}}`,
		`<p>{{.Label}}</p>{{.Nothing}}`,
		`{{.Label 1}}`,
		`{{index .Options 5}}`,
		`{{printf "%d" .Label}}{{eq .Label 1}}`,
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			site := "-- content/w.md --\n---\ntitle: W\n---\n::text[Name]{#name}\n-- layouts/fields/text.html --\n" + layout + "\n"
			buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(site)), "") })
		})
	}
}

// TestFastPathBesideLayoutHTMLTemplateCannotEscape checks that a site
// layout html/template refuses fails as before, and leaves the others on
// the fast path.
func TestFastPathBesideLayoutHTMLTemplateCannotEscape(t *testing.T) {
	site := "-- content/w.md --\n---\ntitle: W\n---\n::text[Name]{#name}\n\n::bad[Oops]\n-- layouts/callouts/bad.html --\n<p title=\"{{.Label}}\n"
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(site)), "") })

	root := t.TempDir()
	writeArchiveTo(t, root, txtar.Parse([]byte(site)), "")
	th, err := loadTheme(root, defaultSettings())
	mustDo(t, err)
	t.Cleanup(th.close)
	messages, _, err := th.loadMessages(defaultSettings())
	mustDo(t, err)
	dl, err := th.parseDirectiveLayouts(layoutFuncs(defaultSettings(), nil, nil, messages), messages)
	mustDo(t, err)
	if dl.fast.usesFastPath("callouts/bad.html") || !dl.fast.usesFastPath("fields/text.html") {
		t.Errorf("the fast path runs bad.html: %v, text.html: %v", dl.fast.usesFastPath("callouts/bad.html"), dl.fast.usesFastPath("fields/text.html"))
	}
}

// TestFastPathLeavesPartialsToTheirCallers checks that compiling does not
// escape a partial on its own: one that ends inside an attribute escapes
// only where its caller calls it.
func TestFastPathLeavesPartialsToTheirCallers(t *testing.T) {
	site := `-- content/w.md --
---
title: W
---
::text[Name <1>]{#name}
-- layouts/fields/_open-title.html --
<p class="own" title="{{.Label}}
-- layouts/fields/text.html --
{{template "fields/_open-title.html" .}} {{.Key}}">{{.Label}}</p>
`
	s := newTestSite(t, site)
	s.build()
	s.assertFile("w/index.html", `<p class=own title="Name <1>`)
	buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(site)), "") })
}
