package generator

import (
	"regexp"
	"strings"
	"testing"
)

// TestMinifiedCacheReusesOnlyTheSame checks that the cache minifies each
// content once, keeps it for the next build only, and never answers for
// other content or another type.
func TestMinifiedCacheReusesOnlyTheSame(t *testing.T) {
	var c minifiedCache
	calls := 0
	min := func(s string) func() ([]byte, error) {
		return func() ([]byte, error) { calls++; return []byte(strings.TrimSpace(s)), nil }
	}
	get := func(mediatype, s string) string {
		t.Helper()
		out, err := c.minified(mediatype, []byte(s), min(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	if got := get("text/css", " a "); got != "a" || calls != 1 {
		t.Fatalf("first: %q after %d calls", got, calls)
	}
	c.nextBuild()
	if got := get("text/css", " a "); got != "a" || calls != 1 {
		t.Errorf("the next build minified again: %q after %d calls", got, calls)
	}
	if got := get("application/javascript", " a "); got != "a" || calls != 2 {
		t.Errorf("another type was answered from the cache: %d calls", calls)
	}
	if got := get("text/css", " b "); got != "b" || calls != 3 {
		t.Errorf("other content: %q after %d calls", got, calls)
	}
	c.nextBuild()
	c.nextBuild() // Two builds that minified nothing: all is forgotten.
	if get("text/css", " a "); calls != 4 {
		t.Errorf("kept past the next build: %d calls", calls)
	}
}

// TestSessionAssetEditedIsMinifiedAgain edits a theme asset in serve: the
// new content is served, not the one the cache kept.
func TestSessionAssetEditedIsMinifiedAgain(t *testing.T) {
	site := newTestSite(t, careerSite)
	site.write("assets/custom.css", ".a { color: red; }\n")
	v := site.serve()
	custom := func() string {
		m := regexp.MustCompile(`href="?/(assets/custom\.[0-9a-f]+\.css)`).FindStringSubmatch(v.file("index.html"))
		if m == nil {
			t.Fatal("the home page links no custom.css")
		}
		return v.file(m[1])
	}
	v.build()
	first := custom()
	site.write("assets/custom.css", ".a { color: blue; }\n")
	v.build("assets/custom.css")
	again := custom()
	if !strings.Contains(first, "red") || !strings.Contains(again, "blue") || strings.Contains(again, "red") {
		t.Errorf("custom.css was %q, then %q", first, again)
	}
}
