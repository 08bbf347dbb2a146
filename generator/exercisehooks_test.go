package generator

import (
	"strings"
	"testing"
)

// valuesPage uses the values exercise type of the tests below.
const valuesPage = "---\ntitle: Values\n---\n::values{#values}\n"

// TestExerciseHookAdded checks that the build puts data-exercise on an
// exercise layout's outermost element when the layout leaves it off, since
// the runtime finds an exercise's fields and status through it.
func TestExerciseHookAdded(t *testing.T) {
	s := newTestSite(t, `-- layouts/exercises/values.html --
{{- /* Written without data-exercise. */ -}}
<section class="exercise exercise-values" id="{{.DOMID}}">
  {{template "exercises/_open.html" (list . "My values" "Pick the values you would not give up.")}}
  {{.Field "text" "value-1" `+"`"+`label="Value 1"`+"`"+`}}
</section>
-- content/w.md --
`+valuesPage)
	p, err := s.converted("w.md")
	if err != nil {
		t.Fatal(err)
	}
	html := pageHTML(t, p)
	if want := `<section class="exercise exercise-values" id="exercise-values" data-exercise="values">`; !strings.Contains(html, want) {
		t.Errorf("missing %s in\n%s", want, html)
	}
	if n := strings.Count(html, "data-exercise="); n != 1 {
		t.Errorf("data-exercise appears %d times in\n%s", n, html)
	}
}

// TestExerciseHookErrors checks that a layout the build cannot add the
// hook to is an error at the layout, naming the directive that used it.
func TestExerciseHookErrors(t *testing.T) {
	for _, tc := range []struct {
		name, layout, want string
	}{{
		name:   "two elements",
		layout: "{{- /* Two. */ -}}\n\n  <h2>{{.Label}}</h2>\n<section id=\"{{.DOMID}}\">{{.Field \"text\" \"a\" `label=\"A\"`}}</section>\n",
		want:   `layouts/exercises/values.html:3:3: an exercise layout renders one element that holds the whole exercise, such as <section>…</section>; this one renders 2 elements side by side (rendering ::values at content/w.md:4:1)`,
	}, {
		name:   "text outside",
		layout: "Values: <section id=\"{{.DOMID}}\">{{.Field \"text\" \"a\" `label=\"A\"`}}</section>\n",
		want:   `layouts/exercises/values.html:1:1: an exercise layout renders one element that holds the whole exercise, such as <section>…</section>; this one renders text outside it (rendering ::values at content/w.md:4:1)`,
	}, {
		name:   "another exercise's hook",
		layout: "<section id=\"{{.DOMID}}\" data-exercise=\"values\">{{.Field \"text\" \"a\" `label=\"A\"`}}</section>\n",
		want:   `layouts/exercises/values.html:1:1: the exercise's outermost element has data-exercise="values", but this exercise's ID is "mine": write data-exercise="{{.ID}}", or leave it off and the build adds it (rendering ::values at content/w.md:4:1)`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestSite(t, "-- layouts/exercises/values.html --\n"+tc.layout+"-- content/w.md --\n"+strings.Replace(valuesPage, "#values", "#mine", 1))
			s.expectOnly(tc.want)
		})
	}
}
