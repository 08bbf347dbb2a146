package generator

import (
	"strings"
	"testing"
)

func TestColourNames(t *testing.T) {
	if len(cssColourNames) != 148 {
		t.Errorf("%d colour names, want CSS Color 4's 148", len(cssColourNames))
	}
}

// TestCheckColour lists what an accent may be, and what it may not,
// with the start of what the coach is told.
func TestCheckColour(t *testing.T) {
	good := []string{
		"teal", "RebeccaPurple", "darkslategrey",
		"#7a3e9d", "#7A3E9D", "#abc", "#abcd", "#7a3e9dcc",
		"rgb(122 62 157)", "rgb(122, 62, 157)", "rgba(122, 62, 157, 0.5)", "rgb(48% 24% 62% / 50%)",
		"rgb(122 62 157 / .5)", "RGB(none 62 157)", "rgba(122 62 157)",
		"hsl(280 44% 43%)", "hsl(280deg, 44%, 43%)", "hsla(280, 44%, 43%, 80%)", "hsl(0.78turn 44% 43% / 0.8)", "hsl(none 44 43)",
		"hwb(280 24% 38%)", "lab(36% 42 -40)", "lab(36.5 42.1 -40e0)", "lch(36% 58 317deg)",
		"oklab(45% 0.1 -0.12)", "oklch(45% 0.15 310)", "oklch(0.45 0.15 310 / 0.9)", "oklch(45% 0.15 none)",
	}
	for _, c := range good {
		if err := checkColour(c); err != nil {
			t.Errorf("%s: %v", c, err)
		}
	}
	bad := []struct{ colour, want string }{
		{"purplish", `"purplish" is not a CSS colour: write a colour name such as teal, a hex colour in quotes such as "#7a3e9d", or a colour function such as rgb(122 62 157)`},
		{"transparent", `"transparent" gives no accent: leave accent out`},
		{"currentColor", `"currentColor" gives no accent`},
		{"inherit", `"inherit" is not a CSS colour`},
		{"7a3e9d", `"7a3e9d" is not a CSS colour: a hex colour starts with # and, in the frontmatter, needs quotes: "#7a3e9d"`},
		{"#7a3e9", `"#7a3e9" is not a CSS colour: a hex colour has 3, 4, 6 or 8`},
		{"#7g3e9d", `"#7g3e9d" is not a CSS colour: a hex colour has`},
		{"colour(1 2 3)", `"colour(1 2 3)" is not a CSS colour: colour() is not a colour function`},
		{"rgb(122 62)", `"rgb(122 62)" is not a CSS colour: rgb() takes three numbers separated by spaces, and an optional / and opacity, such as rgb(122 62 157)`},
		{"rgb(122 62 157 1)", `rgb() takes three numbers`},
		{"rgb(122, 62 157)", `rgb() takes three numbers`},
		{"rgb(122, none, 157)", `rgb() takes three numbers`},
		{"rgb(122 62 157 / 1 2)", `rgb() takes three numbers`},
		{"rgb(122px 62 157)", `rgb() takes three numbers`},
		{"hsl(280 44% 43%deg)", `hsl() takes three numbers`},
		{"hwb(280, 24%, 38%)", `hwb() takes three numbers`},
		{"oklch(45% 0.15 310) red", `is not a CSS colour`},
		{"rgb(from red r g b)", `rgb() takes three numbers`},
		{"red; background: url(x)", `is not a CSS colour`},
		{"red}body{display:none", `is not a CSS colour`},
		{"rgb(1 2 3);}", `is not a CSS colour`},
		{`rgb(1 2 3\)`, `is not a CSS colour`},
		{"", `"" is not a CSS colour`},
	}
	for _, tt := range bad {
		err := checkColour(tt.colour)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.colour, err, tt.want)
		}
	}
}

// TestColourFunctionReachesSiteCSS builds a site whose accent is a colour
// function and finds it in site.css as one declaration, so that a colour
// the check admits is a colour the stylesheet keeps.
func TestColourFunctionReachesSiteCSS(t *testing.T) {
	s := newTestSite(t, "-- content/_index.md --\n---\ntitle: Careers\naccent: oklch(45% 0.15 310 / 0.9)\n---\n")
	s.build()
	css := s.file(s.assetPath("site"))
	if !strings.HasPrefix(css, ":root{--accent:") || !strings.Contains(css, "oklch(") || strings.Count(css, "}") != 1 {
		t.Errorf("site.css: %q", css)
	}
}
