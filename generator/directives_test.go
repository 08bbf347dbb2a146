package generator

import (
	"coachbook/generator/directive"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"golang.org/x/tools/txtar"
)

// workbookFrontmatter wraps a test body into a workbook.
const workbookFrontmatter = "---\ntitle: Directives\n---\n"

// TestDirectiveGolden renders each testdata/directives/*.txtar: its
// page.md is a workbook body, want.html the Markdown rendered through the
// default layouts, and fields.json the manifest's fields. Run one case with
// -run TestDirectiveGolden/NAME, and rewrite them with -update.
func TestDirectiveGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/directives/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]*txtar.File{}
			for i := range ar.Files {
				parts[ar.Files[i].Name] = &ar.Files[i]
			}
			if parts["page.md"] == nil || parts["want.html"] == nil || parts["fields.json"] == nil {
				t.Fatal("a case needs page.md, want.html and fields.json")
			}
			s := newTestSite(t, "")
			s.write("content/w.md", workbookFrontmatter+string(parts["page.md"].Data))
			p, err := s.converted("w.md")
			if err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			gotHTML := pageHTML(t, p)
			fields, _ := json.MarshalIndent(p.Manifest(), "", "  ")
			got := map[string]string{"want.html": gotHTML, "fields.json": string(fields) + "\n"}
			for name, data := range got {
				if *update {
					parts[name].Data = []byte(data)
					continue
				}
				if string(parts[name].Data) != data {
					t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, data, parts[name].Data)
				}
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestDirectiveProblemsDoNotCascade checks that a directive whose line is
// malformed reports that alone, and that fields stay out of pages that
// save no answers.
func TestDirectiveProblemsDoNotCascade(t *testing.T) {
	s := newTestSite(t, "-- content/w.md --\n"+workbookFrontmatter+":::exercise{#ex optional optional=x}\nText ::text[Q]{#q}\n:::\n")
	s.expectOnly(`content/w.md:4:26: attribute "optional" is given twice`)
	s = newTestSite(t, "-- content/_index.md --\n---\ntitle: Home\n---\n::text[Q]{#q}\n\n::tip[Prose and callouts are fine here.]\n")
	s.expectOnly("content/_index.md:4:1: text belongs in a workbook: only workbooks save answers, so home and collection pages hold prose and callouts")
}

// TestCustomExerciseType adds a type to a site as a layout, with no Go
// change, as docs/exercises.md describes.
func TestCustomExerciseType(t *testing.T) {
	s := newTestSite(t, `-- layouts/exercises/values.html --
{{- /* Rank your values: count=N asks for N of them. */ -}}
<section class="exercise exercise-values" id="{{.DOMID}}" data-exercise="{{.ID}}">
  {{.Title "My values"}}
  {{.Body}}
  {{- range $i := seq (.Count "count" 3 12)}}
  {{$.Field "text" (printf "value-%d" $i) (printf "label=\"Value %d\"" $i)}}
  {{- end}}
  {{.Field "textarea" "why" `+"`"+`label="Why these?" words=50`+"`"+`}}
</section>
-- content/w.md --
---
title: Values
---
:::values[What matters to me]{#values count=2}
Pick the values you would not give up.
:::
`)
	p, err := s.converted("w.md")
	if err != nil {
		t.Fatal(err)
	}
	html := pageHTML(t, p)
	for _, want := range []string{
		`<section class="exercise exercise-values" id="exercise-values" data-exercise="values">`,
		`<h2 class="exercise-title" id="exercise-values:title">What matters to me</h2>`,
		`<p>Pick the values you would not give up.</p>`,
		`<label for="field-values.value-2">Value 2</label>`,
		`data-word-target="50"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	var keys []string
	for _, f := range p.Manifest().Fields {
		keys = append(keys, f.Key+"/"+f.Exercise)
	}
	if got := strings.Join(keys, " "); got != "values.value-1/values values.value-2/values values.why/values" {
		t.Errorf("manifest fields: %s", got)
	}

	// The type's own attributes are checked like the built-in ones.
	s.write("content/w.md", "---\ntitle: Values\n---\n::values{#values cuont=2}\n")
	s.expectErrors(`content/w.md:4:18: unknown attribute "cuont" on values; it takes class, count, hint, id, label, optional, repeat, show-if, title, was`)
	// A mistake in the layout is reported in the layout, naming the use.
	s.write("layouts/exercises/values.html", "{{.Field \"textbox\" \"x\"}}\n")
	s.write("content/w.md", "---\ntitle: Values\n---\n::values{#values}\n")
	s.expectErrors(`layouts/exercises/values.html:1:2: executing "exercises/values.html" at <.Field>: error calling Field: there is no field type "textbox" (rendering ::values at content/w.md:4:1)`)
}

// TestCommonMarkUnchanged runs every example of the CommonMark spec with
// and without the directive extension and requires identical output,
// both on plain goldmark and on the engine coachbook configures.
func TestCommonMarkUnchanged(t *testing.T) {
	examples := specExamples(t)
	dl := defaultDirectiveLayouts(t)
	// The spec's expected HTML is XHTML with raw HTML passed through.
	spec := goldmark.WithRendererOptions(html.WithXHTML(), html.WithUnsafe())
	engines := []struct {
		name        string
		with, plain goldmark.Markdown
	}{
		{"goldmark", goldmark.New(spec, goldmark.WithExtensions(directiveExtension(dl))), goldmark.New(spec)},
		{"coachbook", newMarkdown(false, nil, dl), newMarkdown(false, nil, nil)},
		{"coachbook with raw HTML", newMarkdown(true, nil, dl), newMarkdown(true, nil, nil)},
	}
	for _, e := range engines {
		for _, ex := range examples {
			var a, b strings.Builder
			if err := e.with.Convert([]byte(ex.Markdown), &a); err != nil {
				t.Fatal(err)
			}
			if err := e.plain.Convert([]byte(ex.Markdown), &b); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Errorf("%s, example %d (%s): directives changed the output\n%q\nwith:    %q\nwithout: %q",
					e.name, ex.Example, ex.Section, ex.Markdown, a.String(), b.String())
			}
		}
	}
	// Plain goldmark passes the spec, so the extension must too.
	for _, ex := range examples {
		var out strings.Builder
		if err := engines[0].with.Convert([]byte(ex.Markdown), &out); err != nil {
			t.Fatal(err)
		}
		if out.String() != ex.HTML {
			t.Errorf("example %d (%s) no longer matches the spec:\n got %q\nwant %q", ex.Example, ex.Section, out.String(), ex.HTML)
		}
	}
}

type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

func specExamples(t testing.TB) []specExample {
	data, err := os.ReadFile("testdata/commonmark-spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 600 {
		t.Fatalf("only %d spec examples", len(examples))
	}
	return examples
}

// defaultDirectiveLayouts parses the default theme's directive layouts.
func defaultDirectiveLayouts(t testing.TB) *directiveLayouts {
	th, err := loadTheme(t.TempDir(), defaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(th.close)
	// The theme's words, for the layouts that show them through i18n.
	messages, _, err := th.loadMessages(defaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	// The URL of each asset, for layouts that name one (a date's calendar
	// file).
	assets := map[string]string{}
	for _, file := range th.list("assets") {
		assets[strings.TrimPrefix(file, "assets/")] = "/" + file
	}
	dl, err := th.parseDirectiveLayouts(layoutFuncs(defaultSettings(), assets, nil, messages), messages)
	if err != nil {
		t.Fatal(err)
	}
	return dl
}

// TestConversionLetsGoOfItsTree checks that a finished conversion keeps
// nothing that leads back to the page's syntax tree: serve keeps every
// conversion of the site, and a tree weighs several times its page. It
// reads the conversion's type, so a field added later is checked too.
func TestConversionLetsGoOfItsTree(t *testing.T) {
	s := newTestSite(t, "-- content/w.md --\n---\ntitle: W\n---\n:::exercise{#ex title=\"Drive\"}\n::text[Phrase]{#phrase}\n:::\n")
	v := s.serve()
	v.build()
	conv := v.session.last.records["content/w.md"].conv // Internal: what serve keeps.
	// Its fields are in its record once the page is written.
	if conv == nil || !conv.lean || conv.record == nil || conv.record.counted != 1 || len(conv.exercises) != 1 {
		t.Fatalf("the conversion is %+v", conv)
	}
	tree := []reflect.Type{reflect.TypeFor[ast.Node](), reflect.TypeFor[directive.Directive](), reflect.TypeFor[converting](), reflect.TypeFor[page]()}
	seen := map[reflect.Type]bool{}
	var reaches func(ty reflect.Type, path string)
	reaches = func(ty reflect.Type, path string) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		for _, bad := range tree {
			if ty == bad || bad.Kind() == reflect.Interface && ty.Implements(bad) {
				t.Errorf("a conversion leads to %v through %s", bad, path)
			}
		}
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
			reaches(ty.Elem(), path+"[]")
		case reflect.Map:
			reaches(ty.Key(), path+"[key]")
			reaches(ty.Elem(), path+"[]")
		case reflect.Struct:
			for f := range ty.Fields() {
				reaches(f.Type, path+"."+f.Name)
			}
		case reflect.Interface:
			if ty != reflect.TypeFor[error]() {
				t.Errorf("a conversion holds an interface %v at %s, which may hold anything", ty, path)
			}
		}
	}
	reaches(reflect.TypeOf(*conv), "conversion")
}
