package generator

import (
	"regexp"
	"strings"
	"testing"
)

// customCSSSite adds to the theme's style with assets/custom.css.
const customCSSSite = `
-- content/_index.md --
---
title: Careers
accent: "#7a3e9d"
---
-- content/w.md --
---
title: W
---
Words.
-- assets/custom.css --
/* Our centre's headings. */
.prose h2 {
  color: rebeccapurple;
  margin-top: 3rem;
}
`

// stylesheets lists the stylesheets a page links, in order.
func stylesheets(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<link rel=stylesheet href="([^"]+)">`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestCustomCSS: a site's assets/custom.css is hashed and minified like
// the theme's style.css and linked after it (and after the accent's
// site.css) on every page, so its rules add to the theme's rather than
// replace them; a site without one links none.
func TestCustomCSS(t *testing.T) {
	s := newTestSite(t, customCSSSite)
	s.build()
	custom := s.assetPath("custom")
	if !regexp.MustCompile(`^assets/custom\.[0-9a-f]{10}\.css$`).MatchString(custom) {
		t.Errorf("custom.css is published as %s", custom)
	}
	css := s.file(custom)
	if strings.Contains(css, "Our centre") || strings.Contains(css, "\n") || !strings.Contains(css, ".prose h2{") {
		t.Errorf("custom.css is not minified: %q", css)
	}
	want := []string{"/" + s.assetPath("style"), "/" + s.assetPath("site"), "/" + custom}
	for _, page := range []string{"index.html", "w/index.html", "404.html", "answers/index.html"} {
		if got := stylesheets(s.file(page)); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s links %v, want %v", page, got, want)
		}
	}

	s.remove("assets/custom.css")
	s.build()
	for _, page := range []string{"index.html", "w/index.html"} {
		if got := s.file(page); strings.Contains(got, "custom.") {
			t.Errorf("%s without custom.css links %v", page, stylesheets(got))
		}
	}
}

// TestCustomCSSServed: serve picks up an edit to custom.css: the pages
// link its new version.
func TestCustomCSSServed(t *testing.T) {
	s := newTestSite(t, customCSSSite)
	v := s.serve()
	v.build()
	before := stylesheets(v.file("w/index.html"))
	v.edit("assets/custom.css", ".prose h2 { color: teal }\n")
	after := stylesheets(v.file("w/index.html"))
	if len(after) != 3 || after[2] == before[2] || !strings.Contains(after[2], "/assets/custom.") {
		t.Fatalf("after an edit to custom.css the page links %v (before: %v)", after, before)
	}
	if css := v.file(strings.TrimPrefix(after[2], "/")); !strings.Contains(css, "color:teal") {
		t.Errorf("the new custom.css holds %q", css)
	}
	v.assertEqualsBuild("custom.css edited")
}
