package directive

import (
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/util"
)

// debugRender writes a directive as a <directive> element that shows what
// was parsed, so the golden cases pin the parser and nothing else.
func debugRender(w util.BufWriter, _ []byte, d *Directive, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if d.Container {
			_, _ = w.WriteString("</directive>\n")
		}
		return ast.WalkContinue, nil
	}
	fmt.Fprintf(w, "<directive name=%q", d.Name)
	if d.HasLabel {
		fmt.Fprintf(w, " label=%q", html.EscapeString(d.Label))
	}
	for _, a := range d.Attrs {
		fmt.Fprintf(w, " %s=%q", a.Key, html.EscapeString(a.Value))
	}
	if d.Rest != "" {
		fmt.Fprintf(w, " rest=%q", html.EscapeString(d.Rest))
	}
	if d.Err != nil {
		fmt.Fprintf(w, " error=%q at=\"%d\"", html.EscapeString(d.Err.Error()), d.ErrOffset)
	}
	if !d.Container {
		_, _ = w.WriteString(" />\n")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// TestParser runs the numbered cases in testdata/parser.txt. Run one with
// go test ./generator/directive -run TestParser -args case=3.
func TestParser(t *testing.T) {
	known := func(name string) bool { return name != "before" && name != "std" }
	m := goldmark.New(goldmark.WithExtensions(New(debugRender, known)))
	testutil.DoTestCaseFile(m, "testdata/parser.txt", t, testutil.ParseCliCaseArg()...)
}

func TestParseAttributes(t *testing.T) {
	attrs, err := ParseAttributes(`#lead .a .b examples=3 label="A \"quoted\" label" other hint='it''s'`)
	if err == nil {
		t.Fatalf("want an error for the second quoted value, got %v", attrs)
	}
	attrs, err = ParseAttributes(`#lead .a .b examples=3 label="A \"quoted\" label" other hint='single'`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range attrs {
		got = append(got, fmt.Sprintf("%s=%s@%d", a.Key, a.Value, a.Offset))
	}
	want := `id=lead@0 class=a b@6 examples=3@12 label=A "quoted" label@23 other=true@50 hint=single@56`
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	for _, bad := range []struct{ in, msg string }{
		{`#a #b`, "only one #id is allowed"},
		{`x=1 x=2`, `attribute "x" is given twice`},
		{`x="open`, "the quote opened here is never closed: close it with \""},
		{`x=`, "a value must follow '='"},
		{`#`, `"#" must be followed by a name`},
		{`@x`, `unexpected "@"`},
		{`x=a"b`, `unexpected "\"" in a value`},
		{`x="a"y`, `unexpected "y" in attribute "x"`},
		// A class is a name: written bare, it would join the others as
		// the class "true".
		{`class`, `class needs a value: write .name or class="name"`},
		{`.a class`, `class needs a value`},
		{`class .a`, `class needs a value`},
	} {
		if _, err := ParseAttributes(bad.in); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%s: error %v, want %q", bad.in, err, bad.msg)
		}
	}
}

// TestRestHoldsFreeText pins the hook for Docusaurus' ":::tip Some title":
// the words after a container's name are Rest, at RestOffset, and the
// line's error is ErrTrailingText, which a caller that accepts them
// clears. Other trailing words, and a leaf's, fill no Rest.
func TestRestHoldsFreeText(t *testing.T) {
	src := []byte(":::tip  Some title  \nBody.\n:::\n\n::note Leaf words\n\n:::tip[Label] more\n:::\n")
	var got []*Directive
	render := func(_ util.BufWriter, _ []byte, d *Directive, entering bool) (ast.WalkStatus, error) {
		if entering {
			got = append(got, d)
		}
		return ast.WalkContinue, nil
	}
	if err := goldmark.New(goldmark.WithExtensions(New(render, nil))).Convert(src, io.Discard); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d directives, want 3", len(got))
	}
	tip := got[0]
	if tip.Rest != "Some title" || string(src[tip.RestOffset:tip.RestOffset+len(tip.Rest)]) != tip.Rest {
		t.Errorf("Rest %q at %d, want \"Some title\" at its offset", tip.Rest, tip.RestOffset)
	}
	for _, d := range got {
		if !errors.Is(d.Err, ErrTrailingText) {
			t.Errorf("%s: error %v, want one wrapping ErrTrailingText", d.Name, d.Err)
		}
	}
	for _, d := range got[1:] {
		if d.Rest != "" {
			t.Errorf("%s: Rest %q, want none", d.Name, d.Rest)
		}
	}
}
