package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSessionRebuildsOnlyWhatChanged edits a site the way a coach does in
// serve and checks, through each rebuild's stats, which pages rendered.
func TestSessionRebuildsOnlyWhatChanged(t *testing.T) {
	site := newTestSite(t, careerSite)
	s := NewSession(Options{Source: site.root, LiveReload: "/_coachbook/livereload.js"})
	build := func(changed ...string) Stats {
		t.Helper()
		stats, err := s.Build(context.Background(), changed)
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}
	first := build()
	if !first.Full || first.Rendered != 9 {
		t.Fatalf("first build: %+v", first)
	}
	page, _ := s.File("before/drive/index.html")
	if !strings.Contains(string(page), `<script src=/_coachbook/livereload.js defer></script></head>`) || !strings.Contains(string(page), "connect-src 'self'") {
		t.Errorf("the page has no live reload:\n%s", page)
	}

	// The body of one workbook: that workbook alone.
	site.write("content/before/drive.md", "---\ntitle: Your primary career drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\nA new body.\n")
	if st := build("content/before/drive.md"); st.Full || st.Rendered != 1 {
		t.Errorf("editing a body rendered %+v", st)
	}
	if page, _ := s.File("before/drive/index.html"); !strings.Contains(string(page), "A new body.") {
		t.Error("the edited page was not served")
	}

	// Its title: the workbook, its neighbours, its collection and home.
	site.write("content/before/drive.md", "---\ntitle: Your drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\nA new body.\n")
	if st := build("content/before/drive.md"); st.Full || st.Rendered != 5 {
		t.Errorf("retitling rendered %+v, want the 3 workbooks of the collection, the collection and home", st)
	}
	if home, _ := s.File("index.html"); !strings.Contains(string(home), "Your drive") {
		t.Error("the home page does not list the new title")
	}

	// A rebuild records only what changed, and keeps what it knew of the
	// rest: another workbook's body is that workbook alone, and the title
	// changed back is compared with the new title, not the first one.
	site.write("content/interview/star.md", "---\ntitle: STAR practice\nduration: 30 min\n---\nAnother body.\n")
	if st := build("content/interview/star.md"); st.Full || st.Rendered != 1 {
		t.Errorf("editing a second workbook's body rendered %+v", st)
	}
	site.write("content/before/drive.md", "---\ntitle: Your primary career drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\nA new body.\n")
	if st := build("content/before/drive.md"); st.Full || st.Rendered != 5 {
		t.Errorf("retitling back rendered %+v, want 5 pages", st)
	}
	if home, _ := s.File("index.html"); !strings.Contains(string(home), "Your primary career drive") {
		t.Error("the home page does not list the title changed back")
	}

	// A new workbook, a settings change and a layout change: everything.
	site.write("content/before/new.md", "---\ntitle: New\n---\n")
	for _, changed := range []string{"content/before/new.md", "content/_index.md", "layouts/partials/footer.html"} {
		if st := build(changed); !st.Full || st.Rendered != 10 {
			t.Errorf("changing %s rendered %+v", changed, st)
		}
	}

	// A broken file fails the build and keeps the site served as it was.
	site.write("content/before/drive.md", "---\ntitle: [unclosed\n---\n")
	if _, err := s.Build(context.Background(), []string{"content/before/drive.md"}); err == nil || !strings.Contains(err.Error(), "content/before/drive.md:3:1: invalid YAML frontmatter") {
		t.Errorf("error %v", err)
	}
	if page, ok := s.File("before/drive/index.html"); !ok || !strings.Contains(string(page), "A new body.") {
		t.Error("a failed build changed what is served")
	}

	// After a failed build nothing is trusted: the next one is full, so a
	// layout changed meanwhile reaches every page.
	site.write("layouts/partials/footer.html", "<footer>New footer</footer>")
	if _, err := s.Build(context.Background(), []string{"layouts/partials/footer.html"}); err == nil {
		t.Fatal("the broken file built")
	}
	site.write("content/before/drive.md", "---\ntitle: Your drive\n---\nFixed.\n")
	if st := build("content/before/drive.md"); !st.Full {
		t.Errorf("the build after a failure was not full: %+v", st)
	}
	if home, _ := s.File("index.html"); !strings.Contains(string(home), "New footer") {
		t.Error("the home page kept the old layout")
	}

	// A field that counts for nothing still changes workbooks.json.
	site.write("content/before/drive.md", "---\ntitle: Your drive\n---\nFixed.\n\n::text[Anything else?]{#extra optional}\n")
	if st := build("content/before/drive.md"); st.Full || st.Rendered != 1 {
		t.Errorf("adding an optional field rendered %+v", st)
	}
	if m, _ := s.File("workbooks.json"); !strings.Contains(string(m), `"key":"extra"`) {
		t.Error("workbooks.json lacks the new field")
	}

	// A deleted workbook: everything, and its page is gone.
	if err := os.Remove(filepath.Join(site.root, "content/before/new.md")); err != nil {
		t.Fatal(err)
	}
	if st := build("content/before/new.md"); !st.Full {
		t.Errorf("deleting a workbook rendered %+v", st)
	}
	if _, ok := s.File("before/new/index.html"); ok {
		t.Error("the deleted workbook is still served")
	}
}

// TestOwnBaseLayoutRendersLiveReload gives a site its own base layout that
// places serve's reload script itself, through .Site.LiveReload: serve's
// pages carry it once, where the layout puts it, and a build's carry none.
func TestOwnBaseLayoutRendersLiveReload(t *testing.T) {
	site := newTestSite(t, `-- content/_index.md --
---
theme: plain
---
-- content/a.md --
---
title: A
---
-- themes/plain/layouts/base.html --
<!doctype html><html lang="{{.Site.Language}}"><head><title>{{.Title}}</title></head><body>{{block "main" .}}{{end}}{{with .Site.LiveReload}}<script src="{{.}}" defer></script>{{end}}</body></html>
-- themes/plain/layouts/home.html --
{{define "main"}}home{{end}}
-- themes/plain/layouts/collection.html --
{{define "main"}}collection{{end}}
-- themes/plain/layouts/workbook.html --
{{define "main"}}plain workbook {{.Title}}{{end}}
-- themes/plain/layouts/404.html --
{{define "main"}}missing{{end}}
`)
	s := NewSession(Options{Source: site.root, LiveReload: "/_coachbook/livereload.js"})
	if _, err := s.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	page, _ := s.File("a/index.html")
	if strings.Count(string(page), "livereload.js") != 1 || !strings.Contains(string(page), `plain workbook A<script src=/_coachbook/livereload.js defer></script></body>`) {
		t.Errorf("serve's page does not load the reload script once, where its layout puts it:\n%s", page)
	}

	site.build()
	if built := site.file("a/index.html"); strings.Contains(built, "livereload") || strings.Contains(built, "<script") {
		t.Errorf("a build's page loads serve's reload script:\n%s", built)
	}
}
