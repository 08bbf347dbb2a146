package devserver

import (
	"regexp"
	"testing"
)

// TestServeReloadsCustomCSS: saving assets/custom.css rebuilds the site
// and reloads open pages, which then link its new version.
func TestServeReloadsCustomCSS(t *testing.T) {
	s := serve(t, map[string]string{
		"content/w.md":      "---\ntitle: W\n---\n",
		"assets/custom.css": ".prose h2 { color: teal }\n",
	})
	customLink := regexp.MustCompile(`href="(/assets/custom\.[0-9a-f]+\.css)">`)
	_, page := s.get("w/")
	before := customLink.FindStringSubmatch(page)
	if before == nil {
		t.Fatalf("the page does not link custom.css:\n%s", page)
	}
	s.write("assets/custom.css", ".prose h2 { color: navy }\n")
	if r := s.nextBuild(); r.err != nil {
		t.Fatal(r.err)
	}
	s.waitReload()
	_, page = s.get("w/")
	after := customLink.FindStringSubmatch(page)
	if after == nil || after[1] == before[1] {
		t.Fatalf("after an edit, the page links %v, as before (%v)", after, before[1])
	}
	if _, css := s.get(after[1][1:]); css != ".prose h2{color:navy}" {
		t.Errorf("the new custom.css is %q", css)
	}
}
