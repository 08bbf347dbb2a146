package generator

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
	"golang.org/x/tools/txtar"
)

// buildPages runs a whole build of s without publishing it and returns the
// builder, whose pages keep their converted Markdown.
func buildPages(t *testing.T, s *testSite) (*builder, error) {
	t.Helper()
	st, err := stage(s.root, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.discard)
	b := &builder{opts: Options{Source: s.root}, out: newOutput(st.dir, newMinifier())}
	return b, b.build(context.Background())
}

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
			b, err := buildPages(t, s)
			if err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			p := b.loaded.bySrc["w.md"]
			gotHTML := string(p.Content())
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

// TestDirectiveErrors checks each bad directive input for its message and
// position, and that the previous output is left as it was.
func TestDirectiveErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"missing id", "::text[Your name]\n", []string{"content/w.md:4:1: text needs an ID that never changes, such as {#my-answer}"}},
		{"missing exercise id", "::star[A time you led]\n", []string{"content/w.md:4:1: star needs an ID that never changes"}},
		{"duplicate id", "::text[A]{#name}\n\n::textarea[B]{#name}\n", []string{`content/w.md:6:15: ID "name" is used twice in this workbook: it is already used at content/w.md:4:11`}},
		{"duplicate sub-field", "::text[A]{#lead}\n\n::star{#lead}\n", []string{`content/w.md:6:8: ID "lead" is used twice in this workbook: it is already used at content/w.md:4:1`}},
		{"invalid id", "::text[A]{#1st}\n::text[B]{#\"my name\"}\n", []string{
			`content/w.md:4:11: ID "1st" must start with a letter`,
			`content/w.md:5:11: "#" must be followed by a name`}},
		{"unknown directive", "::textbox[Name]{#name}\n", []string{`content/w.md:4:1: unknown directive "textbox"; the known ones are checklist, choice, commitments, date, exercise, fear-exclusion, grow, list, note, oskar, practice-log, scale, star, text, textarea, thought-record, tip, warning`}},
		{"unknown attribute", "::text[Name]{#name size=3}\n", []string{`content/w.md:4:20: unknown attribute "size" on text; it takes class, hint, id, label, optional, placeholder, was`}},
		{"unknown exercise attribute", "::star[Led]{#lead exampels=2}\n", []string{`content/w.md:4:19: unknown attribute "exampels" on star; it takes class, examples, hint, id, label, optional, title, was`}},
		{"malformed attribute", "::text[Name]{#name hint=\"open}\n", []string{"content/w.md:4:13: the attributes of ::text are never closed: add }"}},
		{"malformed value", "::choice[Driver]{#d options=a|b max=}\n", []string{"content/w.md:4:37: a value must follow '='"}},
		{"bad number", "::star[Led]{#lead examples=two}\n", []string{`content/w.md:4:19: examples must be a whole number, not "two"`}},
		{"min greater than max", "::list[Questions]{#q min=5 max=2}\n::scale[Sure?]{#s min=10 max=0}\n", []string{
			"content/w.md:4:22: min (5) is greater than max (2)",
			"content/w.md:5:19: min (10) must be less than max (0)"}},
		{"no label", "::text{#name}\n::textarea[]{#notes}\n", []string{
			`content/w.md:4:1: text "name" needs a label: write ::text[The question]{#name} or label="The question"`,
			`content/w.md:5:1: textarea "notes" needs a label`}},
		{"choice without options", "::choice[Pick]{#p}\n", []string{`content/w.md:4:1: choice needs options, such as options="Yes|No|Not sure"`}},
		{"field as a container", ":::text[Name]{#name}\n:::\n", []string{"content/w.md:4:1: text is written on one line, as ::text[The question]{#id}, not as a ::: container"}},
		{"checklist as a leaf", "::checklist[Docs]{#docs}\n", []string{"content/w.md:4:1: checklist is a container"}},
		{"checklist without tasks", ":::checklist[Docs]{#docs}\n- CV\n:::\n", []string{"content/w.md:5:3: checklist items are task items: write - [ ] Item"}},
		{"unclosed container", ":::exercise{#e}\n::text[A]{#a}\n", []string{"content/w.md:4:1: :::exercise is never closed: end it with a line :::"}},
		{"trailing text", "::text[A]{#a} and more\n", []string{`content/w.md:4:14: unexpected "and more" after ::text`}},
		{"bad was", "::text[A]{#a was=\"old id\"}\n", []string{`content/w.md:4:14: was="old id" must list earlier IDs separated by commas`}},
		{"bad class", "::text[A]{#a class=\"x;y\"}\n", []string{`content/w.md:4:14: class "x;y" may hold only class names`}},
		{"scale too long", "::scale[S]{#s max=100000}\n::scale[T]{#t max=9000000}\n", []string{
			"content/w.md:4:15: a scale may have at most 1001 points; make the step larger",
			`content/w.md:5:15: max must be a whole number, not "9000000"`}},
		{"step that misses max", "::scale[S]{#s max=10 step=3}\n", []string{"content/w.md:4:22: step 3 does not reach max 10 from min 0"}},
		{"list too long", "::list[L]{#l min=100}\n", []string{"content/w.md:4:14: min must be between 0 and 50, not 100"}},
		{"too many examples", "::star{#lead examples=500}\n", []string{"content/w.md:4:14: examples must be between 1 and 20, not 500"}},
		{"text attribute without a value", "::text[A]{#a hint}\n", []string{"content/w.md:4:14: hint needs a value: write hint=\"…\""}},
		{"other among the options", "::choice[C]{#c options=\"Yes|Other\" other}\n", []string{`content/w.md:4:36: other="Other" is also one of the options`}},
		{"nested checklist", ":::checklist[D]{#d}\n- [ ] A\n  - [ ] A1\n:::\n", []string{"content/w.md:6:5: a checklist cannot nest lists"}},
		{"checklist item without text", ":::checklist[D]{#d}\n- [ ] {#x}\n:::\n", []string{`content/w.md:5:3: checklist item "x" has no text`}},
		{"was names itself", "::text[A]{#a was=a}\n", []string{`content/w.md:4:14: was="a" names the field's own ID "a"`}},
		{"note without text", "::note\n", []string{"content/w.md:4:1: note needs text: write ::note[Your text] or a ::: container"}},
		{"reserved heading ID", "## Mine {#field-a}\n", []string{`content/w.md:4:4: heading ID "field-a" starts with field-, which fields and exercises use; choose another`}},
		{"heading ID of the runtime's manifest", "## Mine {#coachbook-manifest}\n", []string{`content/w.md:4:4: heading ID "coachbook-manifest" starts with coachbook-, which the theme and its scripts use`}},
		{"heading ID of the progress data", "Intro\n\n## Mine {#coachbook-progress}\n", []string{`content/w.md:6:4: heading ID "coachbook-progress" starts with coachbook-`}},
		{"heading ID of the main content", "## Mine {#main}\n", []string{`content/w.md:4:4: heading ID "main" is the page's main content`}},
		{"heading ID used twice", "## Why\n\n## Again {#why}\n", []string{`content/w.md:6:4: heading ID "why" is already the ID of the heading at content/w.md:4:4`}},
		{"heading ID of a footnote", "## Mine {#fn:1}\n", []string{`content/w.md:4:4: heading ID "fn:1" starts with fn:, which footnotes use`}},
		{"same-length nesting", ":::exercise{#e}\n:::tip\nx\n:::\n:::\n", []string{"content/w.md:5:1: :::tip is inside :::exercise, so the outer one needs a longer fence: open and close it with ::::"}},
		{"callout with an id", ":::tip{#t}\nText\n:::\n", []string{`content/w.md:4:8: unknown attribute "id" on tip; it takes class, label, title`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, "-- content/w.md --\n"+workbookFrontmatter+"Fine.\n")
			s.build()
			before := s.snapshot()
			s.write("content/w.md", workbookFrontmatter+tt.body)
			out := s.buildErr()
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("error output\n%s\nlacks\n%s", out, want)
				}
			}
			s.assertUnchanged(before)
		})
	}
}

// TestDirectiveProblemsDoNotCascade checks that a directive whose line is
// malformed reports that alone, and that fields stay out of pages that
// save no answers.
func TestDirectiveProblemsDoNotCascade(t *testing.T) {
	s := newTestSite(t, "-- content/w.md --\n"+workbookFrontmatter+":::exercise{#ex optional optional=x}\nText ::text[Q]{#q}\n:::\n")
	if out := s.buildErr(); out != `content/w.md:4:26: attribute "optional" is given twice` {
		t.Errorf("errors:\n%s", out)
	}
	s = newTestSite(t, "-- content/_index.md --\n---\ntitle: Home\n---\n::text[Q]{#q}\n\n::tip[Prose and callouts are fine here.]\n")
	if out := s.buildErr(); out != "content/_index.md:4:1: text belongs in a workbook: only workbooks save answers, so home and collection pages hold prose and callouts" {
		t.Errorf("errors:\n%s", out)
	}
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
	b, err := buildPages(t, s)
	if err != nil {
		t.Fatal(err)
	}
	p := b.loaded.bySrc["w.md"]
	html := string(p.Content())
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
	if out := s.buildErr(); !strings.Contains(out, `content/w.md:4:18: unknown attribute "cuont" on values; it takes class, count, hint, id, label, optional, title, was`) {
		t.Errorf("error:\n%s", out)
	}
	// A mistake in the layout is reported in the layout, naming the use.
	s.write("layouts/exercises/values.html", "{{.Field \"textbox\" \"x\"}}\n")
	s.write("content/w.md", "---\ntitle: Values\n---\n::values{#values}\n")
	if out := s.buildErr(); !strings.Contains(out, `layouts/exercises/values.html:1:2: executing "exercises/values.html" at <.Field>: error calling Field: there is no field type "textbox" (rendering ::values at content/w.md:4:1)`) {
		t.Errorf("error:\n%s", out)
	}
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
	dl, err := th.parseDirectiveLayouts()
	if err != nil {
		t.Fatal(err)
	}
	return dl
}

// TestConversionLetsGoOfItsTree checks that a finished conversion keeps
// nothing that leads back to the page's syntax tree: serve keeps every
// conversion of the site, and a tree weighs several times its page.
func TestConversionLetsGoOfItsTree(t *testing.T) {
	s := newTestSite(t, "-- content/w.md --\n---\ntitle: W\n---\n:::exercise{#ex title=\"Drive\"}\n::text[Phrase]{#phrase}\n:::\n")
	session := NewSession(Options{Source: s.root})
	if _, err := session.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	conv := session.converted["content/w.md"]
	if conv == nil || len(conv.manifest) != 1 {
		t.Fatalf("the conversion is %+v", conv)
	}
	if conv.captured != nil || conv.levels != nil || conv.open != nil || conv.keys != nil || conv.fields != nil || conv.lines != nil {
		t.Errorf("a finished conversion still holds converting state: %+v", conv)
	}
}
