package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestTypedCallsCoverShippedLayouts checks that the methods and functions
// the shipped layouts call most are called without reflect.Value.Call,
// so that the tests comparing the fast path with html/template compare
// the typed calls.
func TestTypedCallsCoverShippedLayouts(t *testing.T) {
	methods := map[reflect.Type][]string{
		reflect.TypeFor[*call]():    {"Field", "Rows", "Col", "Title", "Attr", "Int", "Bool", "BoolOr", "Count"},
		reflect.TypeFor[*field]():   {"Range", "Repeat", "Sub", "Weighting", "Blanks"},
		reflect.TypeFor[rowsCell](): {"Sub", "Range"},
		reflect.TypeFor[*page]():    {"ManifestJSON", "Content", "Languages", "Ancestors", "ProgressIndex", "BookIndex", "Scripts", "IsHome"},
	}
	for typ, names := range methods {
		for _, name := range names {
			m, ok := typ.MethodByName(name)
			if !ok {
				t.Errorf("%s has no method %s", typ, name)
				continue
			}
			if typedFuncOf(m.Func) == nil {
				t.Errorf("%s.%s (%s) is called through reflection", typ, name, m.Type)
			}
		}
	}
	funcs := layoutFuncs(defaultSettings(), nil, nil, defaultMessages(t))
	for _, name := range []string{"i18n", "i18nN", "attrs", "list", "asset", "relURL", "seq", "runtimeMessages", "hasAsset"} {
		if typedFuncOf(reflect.ValueOf(funcs[name])) == nil {
			t.Errorf("the function %s (%T) is called through reflection", name, funcs[name])
		}
	}
	var dl *directiveLayouts
	if typedFuncOf(reflect.ValueOf(dl.cell)) == nil {
		t.Errorf("the function cell is called through reflection")
	}
	for _, name := range []string{"eq", "ne", "lt", "le", "gt", "ge", "not", "len", "index", "printf"} {
		fn, _ := fastBuiltin(name)
		if typedFuncOf(reflect.ValueOf(fn)) == nil {
			t.Errorf("the builtin %s is called through reflection", name)
		}
	}
}

// typedCallFuncs are functions of signatures the typed calls know, and
// of some they do not (float and int8 arguments), for the layouts below.
func typedCallFuncs(t *testing.T) template.FuncMap {
	funcs := layoutFuncs(defaultSettings(), nil, nil, defaultMessages(t))
	funcs["up"] = strings.ToUpper
	funcs["fails"] = func(s string) (string, error) {
		if s == "" {
			return "", errors.New("fails on nothing")
		}
		return "<" + s + ">", nil
	}
	funcs["panics"] = func(s string) string { panic("panics on " + s) }
	funcs["panicsWithError"] = func(s string) string { panic(fmt.Errorf("wrapped %q", s)) }
	funcs["joinAll"] = func(sep string, parts ...any) string { return fmt.Sprint(sep, parts) }
	funcs["half"] = func(f float64) string { return fmt.Sprint(f / 2) }
	funcs["small"] = func(n int8) string { return fmt.Sprint(n) }
	funcs["cellOf"] = func(a, b *field, n int) (template.HTML, error) {
		return template.HTML(fmt.Sprintf("%s|%s|%d", a.Label, b.Label, n)), nil
	}
	return funcs
}

// typedCallLayouts run both ways on a field, a cell and nil: through the
// typed calls (methods of *field and rowsCell, functions of known
// signatures, with arguments, a piped last argument, too few or too many
// arguments, errors and panics) and beside them through reflection.
var typedCallLayouts = []string{
	`{{.Sub}}|{{.HintID}}|{{.Repeat}}|{{range .Range}}{{.}}{{end}}|{{up .Label}}|{{.Label | up}}|{{up "<b>"}}`,
	`{{fails .Label}}`,
	`{{fails ""}}`,
	`{{panics .Label}}`,
	`{{panicsWithError .Label}}`,
	`{{joinAll "," .Label 1 nil .Min}}|{{joinAll ";"}}|{{.Label | joinAll "-" "a"}}|{{"x" | joinAll}}`,
	`{{joinAll}}`,
	`{{up}}`,
	`{{up "a" "b"}}`,
	`{{"a" | up "b"}}`,
	`{{.Sub "extra"}}`,
	`{{up .Min}}`,
	`{{up .}}`,
	`{{up nil}}`,
	`{{half 3}}|{{half 2.5}}|{{small 3}}`,
	`{{small 300}}`,
	`{{cellOf . . 2}}|{{cellOf . . .Min}}`,
	`{{cellOf nil . 2}}`,
	`{{cellOf . . "2"}}`,
	`{{eq .Label "x" "y" .Label}}|{{ne .Min 1}}|{{le .Min 3}}|{{len .Label}}|{{index .Options 0}}|{{not .Label}}`,
	`{{index .Options 9}}`,
	`{{eq nil .Label}}`,
	`{{eq . nil}}|{{not nil}}|{{eq 1 1}}|{{eq "a" "a"}}|{{lt 1.5 2.5}}|{{.Label | eq "x"}}|{{index .Options 0 | len}}`,
	`{{len nil}}`,
	`{{index .Options 1.5}}`,
	`{{eq .Options .Options}}`,
	`{{len .}}`,
	`{{len .Min}}`,
	`{{i18n "optional"}}|{{i18nN "rowsRow" .Min}}|{{attrs "label" .Label}}|{{printf "%s=%d" .Label .Min}}`,
}

// TestTypedCallsSameAsHTMLTemplate runs the layouts above both ways.
func TestTypedCallsSameAsHTMLTemplate(t *testing.T) {
	funcs := typedCallFuncs(t)
	for name, want := range map[string]bool{"up": true, "fails": true, "panics": true, "joinAll": true, "cellOf": true, "half": false, "small": false} {
		if got := typedFuncOf(reflect.ValueOf(funcs[name])) != nil; got != want {
			t.Errorf("%s called without reflection: %v, want %v", name, got, want)
		}
	}
	for i, src := range typedCallLayouts {
		dl := bothWays(src, "t", funcs, nil)
		if !dl.fast.usesFastPath("t") {
			t.Errorf("layout %d is not compiled: %s", i, src)
			continue
		}
		for _, label := range hostileStrings {
			f := &field{Type: "text", Label: label, Min: 2, Options: []option{{Value: "a", Label: label}}}
			f.setKey("k." + label)
			compareLayout(t, dl, "t", f)
			compareLayout(t, dl, "t", rowsCell{field: f, Row: 1, ID: "c"})
		}
		compareLayout(t, dl, "t", nil)
		compareLayout(t, dl, "t", (*field)(nil))
	}
}

// TestTypedCallsOnNilReceiver checks that a method called on a nil
// pointer fails as html/template makes it fail, from a method that
// dereferences its receiver and one promoted through a nil embedded field.
func TestTypedCallsOnNilReceiver(t *testing.T) {
	funcs := typedCallFuncs(t)
	for _, src := range []string{`{{.Sub}}`, `{{.Range}}`, `{{.Label}}`} {
		dl := bothWays(src, "t", funcs, nil)
		if _, err := dl.fast.execute(new(bytes.Buffer), "t", (*field)(nil)); err == nil && src != `{{.Label}}` {
			t.Errorf("%s on a nil *field: no error", src)
		}
		compareLayout(t, dl, "t", (*field)(nil))
		compareLayout(t, dl, "t", rowsCell{})
	}
}

// TestTypedCallsInSiteExerciseLayout builds a site whose own exercise
// layouts call the exercise's methods, with a piped argument, a column
// passed on, and an error a method returns, both ways.
func TestTypedCallsInSiteExerciseLayout(t *testing.T) {
	own := `-- content/w.md --
---
title: W
---
:::grow{#plan title="Mine" tone="warm" size=3 loud}
Intro.
:::

:::star{#lead examples=2}
:::
-- layouts/exercises/grow.html --
<section id="{{.DOMID}}">{{.Title "Default"}}{{.Title}}
{{.Attr "tone"}}|{{"tone" | .Attr}}|{{.Int "size" 1}}|{{.Int "none" 7}}|{{.Bool "loud"}}|{{.BoolOr "quiet" true}}|{{.Count "size" 1 5}}
{{.Field "text" "goal" (attrs "label" "Goal <1>" "hint" "Say it")}}
{{.Field "scale" "sure" (attrs "label" "Sure") "min=0" "max=5"}}
{{.Rows "pairs" (attrs "label" "Pairs") (.Col "text" "a" (attrs "label" "A")) (.Col "check" "b" (attrs "label" "B"))}}
{{.Body}}</section>
`
	for _, extra := range []string{
		"",
		`-- layouts/exercises/star.html --
{{.Field "nosuchkind" "x"}}
`,
		`-- layouts/exercises/star.html --
{{.Rows "empty" ""}}
`,
		`-- layouts/exercises/star.html --
{{.Col "textarea" "y" "label=unclosed\"" }}
`,
		`-- layouts/exercises/star.html --
{{.Field "text"}}
`,
	} {
		site := own + extra
		buildBothWays(t, func(root string) { writeArchiveTo(t, root, txtar.Parse([]byte(site)), "") })
	}
	s := newTestSite(t, own)
	s.build()
	s.assertFile("w/index.html", "warm|warm|3|7|true|true|3")
}
