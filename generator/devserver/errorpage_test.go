package devserver

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestErrorPageShowsOnlyFilesInsideSite links one content file to a file
// outside the site and one to a file inside it. The build rejects the
// first; the error page reports it but shows none of its target's lines,
// while the second's lines are shown as usual.
func TestErrorPageShowsOnlyFilesInsideSite(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "passwd")
	writeFile(t, outside, "root:x:0:0:PRIVATE-LINE:/root:/bin/sh\n")
	root := siteDir(t, map[string]string{
		"content/_index.md":       "---\ntitle: Companion\n---\n",
		"content/notes/inside.md": "---\ntitle: Inside\nweight: soon\n---\n",
	})
	if err := os.Symlink(outside, filepath.Join(root, "content/leak.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("notes/inside.md", filepath.Join(root, "content/inside.md")); err != nil {
		t.Fatal(err)
	}
	s, first := start(t, root, Config{})
	if first.err == nil {
		t.Fatal("a link out of the site built")
	}
	code, page := s.get("")
	if code != http.StatusInternalServerError || !strings.Contains(page, "content/leak.md:1:1: symbolic link leads to ") {
		t.Fatalf("error page %d:\n%s", code, page)
	}
	if strings.Contains(page, "PRIVATE-LINE") {
		t.Errorf("the error page shows a file outside the site:\n%s", page)
	}
	if !strings.Contains(page, "<mark>   3 | weight: soon</mark>") {
		t.Errorf("the error page leaves out the lines of a linked file inside the site:\n%s", page)
	}
}

// TestErrorPageCSP requires the error page, and every other response serve
// makes itself, to carry the Content-Security-Policy that the site's pages
// carry in serve, and the error page to need nothing that policy forbids.
func TestErrorPageCSP(t *testing.T) {
	s := serve(t, site)
	_, page := s.get("before/drive/")
	m := regexp.MustCompile(`Content-Security-Policy"? content="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("a page without a CSP:\n%s", page)
	}
	pageCSP := m[1]

	s.write("content/before/drive.md", "---\ntitle: Drive\nweight: soon\n---\n")
	if r := s.nextBuild(); r.err == nil {
		t.Fatal("a broken file built")
	}
	s.waitReload()
	resp, errorPage := s.getAs("localhost", "before/reflection/")
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(errorPage, "weight must be a whole number") {
		t.Fatalf("error page %d:\n%s", resp.StatusCode, errorPage)
	}
	if got := resp.Header.Get("Content-Security-Policy"); got != pageCSP {
		t.Errorf("the error page's CSP is %q; pages have %q", got, pageCSP)
	}
	if blocked := regexp.MustCompile(`<style|\sstyle=|<script>|<script(\s[^>]*)?>[^<]|javascript:|\son[a-z]+=`).FindString(errorPage); blocked != "" {
		t.Errorf("the error page has %q, which its CSP blocks:\n%s", blocked, errorPage)
	}
	for _, p := range []string{"_coachbook/livereload.js", "_coachbook/serve.css", "_coachbook/warnings.json", "_coachbook/events", "before"} {
		if resp, _ := s.getAs("localhost", p); resp.Header.Get("Content-Security-Policy") != pageCSP {
			t.Errorf("%s: CSP %q", p, resp.Header.Get("Content-Security-Policy"))
		}
	}
	if resp, _ := s.getAs("attacker.example", ""); resp.Header.Get("Content-Security-Policy") != pageCSP {
		t.Errorf("a refused host: CSP %q", resp.Header.Get("Content-Security-Policy"))
	}
}

// TestErrorPageCapsProblems builds a workbook with 40,000 errors: the
// error page shows the first ones with their lines, and says how many
// more there are, rather than all of them.
func TestErrorPageCapsProblems(t *testing.T) {
	var body strings.Builder
	body.WriteString("---\ntitle: W\n---\n")
	for range 40001 {
		body.WriteString("::text[A]{#a}\n")
	}
	s, first := start(t, siteDir(t, map[string]string{"content/w.md": body.String()}), Config{})
	if first.err == nil {
		t.Fatal("40,000 repeated IDs built")
	}
	code, page := s.get("w/")
	if code != http.StatusInternalServerError {
		t.Fatalf("error page %d", code)
	}
	if n := strings.Count(page, "<section>"); n != shownProblems {
		t.Errorf("the error page shows %d problems, want %d", n, shownProblems)
	}
	if n := strings.Count(page, "<mark>"); n != shownProblems {
		t.Errorf("the error page shows %d excerpts, want %d", n, shownProblems)
	}
	for _, want := range []string{
		"Fix the 40000 problems and save",
		"content/w.md:5:11: ID &#34;a&#34; is used twice",
		"<mark>   5 | ::text[A]{#a}</mark>",
		"<mark> 104 | ::text[A]{#a}</mark>",
		"… and 39900 more problems, listed in the terminal.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the error page lacks %q", want)
		}
	}
	if strings.Contains(page, "content/w.md:105:11") {
		t.Error("the error page shows problem 101")
	}
}

// TestServeSaysNotToSniff: a file whose name gives no type must not be
// read as a page because its bytes look like one.
func TestServeSaysNotToSniff(t *testing.T) {
	s := serve(t, map[string]string{
		"content/_index.md": "---\ntitle: Companion\n---\n",
		"content/notes":     "plain words, no markup\n",
	})
	for _, p := range []string{"", "notes", "no-such-page/"} {
		resp, err := http.Get(s.base + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%q: X-Content-Type-Options %q, want nosniff", p, got)
		}
	}
}
