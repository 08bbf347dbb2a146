package devserver

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEditorTemplates: the templates of common editors are taken, and
// any that would run script, or could not name a file, are refused.
func TestEditorTemplates(t *testing.T) {
	for _, good := range []string{
		"vscode://file/{abs}:{line}:{col}",
		"idea://open?file={abs}&line={line}",
		"subl://open?url=file://{abs}&line={line}",
		"http://localhost:63342/api/file/{path}:{line}",
	} {
		if err := CheckEditor(good); err != nil {
			t.Errorf("%s: %v", good, err)
		}
	}
	for _, bad := range []string{
		"javascript:alert(1)//{abs}",
		" JavaScript:alert(1)//{abs}",
		"JAVASCRIPT:alert(1)//{abs}",
		"data:text/html,{abs}",
		"vbscript:{abs}",
		"/usr/bin/code {abs}",
		"{abs}",
		"vscode://file/{file}:{line}",
		"vscode://file/",
	} {
		if err := CheckEditor(bad); err == nil {
			t.Errorf("%q was taken", bad)
		}
	}
}

// TestEditorLink: the paths are percent-encoded, so that a file name
// cannot end the URL's path or query, and the numbers count from 1.
func TestEditorLink(t *testing.T) {
	root := filepath.Join(t.TempDir(), "My site & more")
	idea, err := parseEditor("idea://open?file={abs}&line={line}&col={col}&rel={path}")
	if err != nil {
		t.Fatal(err)
	}
	got := string(idea.link(root, "content/a b#?&é.md", 0, 7))
	want := "idea://open?file=" + escapeFilePath(filepath.ToSlash(root)) + "/content/a%20b%23%3F%26%C3%A9.md&line=1&col=7&rel=content/a%20b%23%3F%26%C3%A9.md"
	if got != want {
		t.Errorf("link\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(got, "My%20site%20%26%20more") {
		t.Errorf("the site folder is not encoded: %s", got)
	}

	// One slash before {abs} is not doubled; the two of file:// get the
	// path's own as their third.
	for tmpl, want := range map[string]string{
		"vscode://file/{abs}:{line}":               "vscode://file/srv/site/content/a.md:2",
		"subl://open?url=file://{abs}&line={line}": "subl://open?url=file:///srv/site/content/a.md&line=2",
		"idea://open?file={abs}&line={line}":       "idea://open?file=/srv/site/content/a.md&line=2",
	} {
		e, err := parseEditor(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(e.link("/srv/site", "content/a.md", 2, 1)); filepath.Separator == '/' && got != want {
			t.Errorf("%s: got %s, want %s", tmpl, got, want)
		}
	}
}

// TestErrorPageLinksToEditor: with an editor, each problem's place on the
// error page is a link that opens the file at its line in the editor;
// without one it is plain text, and a file outside the site (the built-in
// theme's) never links.
func TestErrorPageLinksToEditor(t *testing.T) {
	files := map[string]string{"content/w.md": "---\ntitle: W\nweight: soon\n---\n"}
	root := siteDir(t, files)
	s, first := start(t, root, Config{Editor: "vscode://file/{abs}:{line}:{col}"})
	if first.err == nil {
		t.Fatal("a broken page built")
	}
	_, page := s.get("w/")
	abs, err := filepath.Abs(filepath.Join(root, "content/w.md"))
	if err != nil {
		t.Fatal(err)
	}
	href := "vscode://file/" + escapeFilePath(strings.TrimPrefix(filepath.ToSlash(abs), "/")) + ":3:9"
	want := `<h2><code><a href="` + href + `">content/w.md:3:9</a>: weight must be a whole number`
	if !strings.Contains(page, want) {
		t.Errorf("the error page lacks %s:\n%s", want, page)
	}
	if strings.Contains(page, "--editor") {
		t.Error("the error page tells how to set the editor that is set")
	}

	plain, _ := start(t, siteDir(t, files), Config{})
	_, page = plain.get("w/")
	if strings.Contains(page, "<a ") || !strings.Contains(page, "<h2><code>content/w.md:3:9: weight must be a whole number") {
		t.Errorf("without an editor, the error page:\n%s", page)
	}
	if !strings.Contains(page, "--editor") {
		t.Error("without an editor, the error page does not tell how to set one")
	}
}

// TestErrorPageLinksOnlySiteFiles: a problem in a file outside the site
// folder, or in one the site does not have, gets no link.
func TestErrorPageLinksOnlySiteFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "notes.md")
	writeFile(t, outside, "---\ntitle: N\n---\n")
	root := siteDir(t, map[string]string{"content/_index.md": "---\ntitle: C\n---\n"})
	if err := os.Symlink(outside, filepath.Join(root, "content/leak.md")); err != nil {
		t.Fatal(err)
	}
	s, first := start(t, root, Config{Editor: "vscode://file/{abs}:{line}:{col}"})
	if first.err == nil {
		t.Fatal("a link out of the site built")
	}
	_, page := s.get("")
	if !strings.Contains(page, "content/leak.md:1:1: symbolic link leads to ") || strings.Contains(page, "<a ") {
		t.Errorf("a file outside the site is linked:\n%s", page)
	}
}

// TestErrorPageStylesheet: the error page is styled by serve's own
// stylesheet, served from its internal path under the pages' policy, with
// light and dark colours and excerpts that scroll inside their box.
func TestErrorPageStylesheet(t *testing.T) {
	s, first := start(t, siteDir(t, map[string]string{"content/w.md": "---\ntitle: W\nweight: soon\n---\n"}), Config{})
	if first.err == nil {
		t.Fatal("a broken page built")
	}
	_, page := s.get("w/")
	m := regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)">`).FindStringSubmatch(page)
	if m == nil || m[1] != "/_coachbook/serve.css" {
		t.Fatalf("the error page's stylesheet: %v\n%s", m, page)
	}
	resp, err := http.Get(s.base + "_coachbook/serve.css")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("serve.css: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"@media (prefers-color-scheme: dark)", "overflow-x: auto", "--cs-bg: #15191b"} {
		if !strings.Contains(string(serveCSS), want) {
			t.Errorf("serve.css lacks %q", want)
		}
	}
	if !strings.Contains(page, `<body class="coachbook-serve-page">`) {
		t.Error("the error page's body is not in serve's class")
	}
}
