package generator

import (
	"strings"
	"testing"
)

// TestSessionRebuildsOnlyWhatChanged edits a site the way a coach does in
// serve and checks, through each rebuild's stats, which pages rendered.
func TestSessionRebuildsOnlyWhatChanged(t *testing.T) {
	site := newTestSite(t, careerSite)
	site.opts.LiveReload = "/_coachbook/livereload.js"
	v := site.serve()
	v.build()
	v.assertFull(11)
	v.assertFile("before/drive/index.html", `<script src="/_coachbook/livereload.js" defer></script></head>`, "connect-src 'self'")

	// The body of one workbook: that workbook alone. The assets, whose
	// names hold their hash, are kept as the last build wrote them.
	v.edit("content/before/drive.md", "---\ntitle: Your primary career drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\nA new body.\n")
	v.assertRendered(1)
	v.assertWritten(1)
	v.assertFile("before/drive/index.html", "A new body.")

	// Its title: the workbook, its neighbours, its collection and home:
	// the 3 workbooks of the collection, the collection and home, and the
	// two pages of every answer.
	v.edit("content/before/drive.md", "---\ntitle: Your drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\nA new body.\n")
	v.assertRendered(7)
	v.assertFile("index.html", "Your drive")

	// A rebuild records only what changed, and keeps what it knew of the
	// rest: another workbook's body is that workbook alone, and the title
	// changed back is compared with the new title, not the first one.
	v.edit("content/interview/star.md", "---\ntitle: STAR practice\nduration: 30 min\n---\nAnother body.\n")
	v.assertRendered(1)
	v.edit("content/before/drive.md", "---\ntitle: Your primary career drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\nA new body.\n")
	v.assertRendered(7)
	v.assertFile("index.html", "Your primary career drive")

	// A new workbook, a settings change and a layout change: everything.
	site.write("content/before/new.md", "---\ntitle: New\n---\n")
	for _, changed := range []string{"content/before/new.md", "content/_index.md", "layouts/partials/footer.html"} {
		v.build(changed)
		v.assertFull(12)
	}

	// A broken file fails the build and keeps the site served as it was.
	site.write("content/before/drive.md", "---\ntitle: [unclosed\n---\n")
	v.expectErrors([]string{"content/before/drive.md"}, "content/before/drive.md:2:8: the list opened with [ at 2:8 is never closed")
	v.assertFile("before/drive/index.html", "A new body.")

	// After a failed build nothing is trusted: the next one is full, so a
	// layout changed meanwhile reaches every page.
	site.write("layouts/partials/footer.html", "<footer>New footer</footer>")
	v.buildErr("layouts/partials/footer.html") // The broken file is still there.
	v.edit("content/before/drive.md", "---\ntitle: Your drive\n---\nFixed.\n")
	v.assertFull(0)
	v.assertFile("index.html", "New footer")

	// A field that counts for nothing still changes workbooks.json, and
	// the pages of every answer, which ask it.
	v.edit("content/before/drive.md", "---\ntitle: Your drive\n---\nFixed.\n\n::text[Anything else?]{#extra optional}\n")
	v.assertRendered(3)
	if book := bookOf(t, v.file("answers/index.html"), v.file); !strings.Contains(book, `"label":"Anything else?"`) {
		t.Errorf("the answers page's book lacks the new field: %.300s", book)
	}
	v.assertFile("workbooks.json", `"key":"extra"`)

	// A deleted workbook: everything, and its page is gone.
	v.remove("content/before/new.md")
	v.assertFull(0)
	v.assertNoFile("before/new/index.html")
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
	site.opts.LiveReload = "/_coachbook/livereload.js"
	v := site.serve()
	v.build()
	page := v.file("a/index.html")
	if strings.Count(page, "livereload.js") != 1 || !strings.Contains(page, `plain workbook A<script src="/_coachbook/livereload.js" defer></script></body>`) {
		t.Errorf("serve's page does not load the reload script once, where its layout puts it:\n%s", page)
	}
	site.opts.LiveReload = ""

	site.build()
	if built := site.file("a/index.html"); strings.Contains(built, "livereload") || strings.Contains(built, "<script") {
		t.Errorf("a build's page loads serve's reload script:\n%s", built)
	}
}

// TestSessionBodyEditOfNumberFieldPage edits the body of a workbook whose
// counted fields hold a number field and a field under show-if: the
// workbook alone renders again. The listing's key once printed the number
// field's limits by their address, which differs with every conversion,
// so such an edit rendered the whole collection again.
func TestSessionBodyEditOfNumberFieldPage(t *testing.T) {
	site := newTestSite(t, careerSite)
	site.write("content/before/minutes.md", "---\ntitle: Minutes\n---\n::number[Minutes practised]{#minutes min=0 max=600}\n\n::choice[Mood]{#mood options=\"Low|High\"}\n\n::text[Why low?]{#why show-if='mood = \"Low\"'}\n")
	v := site.serve()
	v.build()
	v.edit("content/before/minutes.md", "---\ntitle: Minutes\n---\n::number[Minutes practised]{#minutes min=0 max=600}\n\n::choice[Mood]{#mood options=\"Low|High\"}\n\n::text[Why low?]{#why show-if='mood = \"Low\"'}\n\nA new paragraph.\n")
	v.assertRendered(1)
}
