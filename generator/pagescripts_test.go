package generator

import (
	"regexp"
	"strings"
	"testing"
)

const scriptsSite = `-- site.toml --
title = "Scripts"
-- content/text.md --
---
title: Text only
---
::text[Name]{#name}
-- content/list.md --
---
title: A list
---
::list[Hopes]{#hopes}
-- content/log.md --
---
title: A practice log
---
:::practice-log{#log}
:::
`

// TestPageScripts: a workbook loads the runtime extension its fields'
// kinds name, after the core runtime, and no other page loads it; the
// service worker keeps it for offline use.
func TestPageScripts(t *testing.T) {
	s := newTestSite(t, scriptsSite)
	s.build()
	core, tables := "/"+s.assetPath("coachbook"), "/"+s.assetPath("coachbook-tables")
	both := `<script src="` + core + `" defer></script>
<script src="` + tables + `" defer></script>`
	s.assertFile("list/index.html", both)
	s.assertFile("log/index.html", both)
	for _, page := range []string{"text/index.html", "index.html", "404.html"} {
		s.assertFile(page, `<script src="`+core+`" defer></script>`)
		if strings.Contains(s.file(page), "coachbook-tables") {
			t.Errorf("%s loads the tables extension", page)
		}
	}
	s.assertFile("sw.js", `"`+tables+`"`)
}

// TestHomeScripts: the home page's tools for all of a client's answers
// (the shared-computer switch, restoring from a file, protecting and
// sharing the download) load with the listings on the home page only: no
// workbook, collection or book page downloads them.
func TestHomeScripts(t *testing.T) {
	s := newTestSite(t, scriptsSite+"-- content/more/_index.md --\n---\ntitle: More\n---\n-- content/more/list.md --\n---\ntitle: Another list\n---\n::list[Hopes]{#hopes}\n")
	s.build()
	home := "/" + s.assetPath("coachbook-listings_home")
	s.assertFile("index.html", `<script src="`+home+`" defer></script>`)
	for _, page := range []string{"text/index.html", "list/index.html", "more/index.html", "more/list/index.html", "answers/index.html", "review/index.html", "404.html"} {
		if strings.Contains(s.file(page), "coachbook-home") || strings.Contains(s.file(page), "_home") {
			t.Errorf("%s loads the home page's tools", page)
		}
	}
	s.assertFile("sw.js", `"`+home+`"`)
}

// TestScriptsFor: each extension file once, in the kind table's order.
func TestScriptsFor(t *testing.T) {
	got := scriptsFor(map[string]bool{"rows": true, "list": true, "text": true})
	if strings.Join(got, " ") != tablesScript {
		t.Errorf("scriptsFor(rows, list, text) = %v", got)
	}
	if got := scriptsFor(map[string]bool{"text": true, "check": true}); got != nil {
		t.Errorf("core kinds need %v", got)
	}
	for _, k := range fieldKinds {
		if k.script != "" && !regexp.MustCompile(`^coachbook-[a-z]+\.js$`).MatchString(k.script) {
			t.Errorf("kind %s names the script %q, not assets/coachbook-NAME.js", k.name, k.script)
		}
	}
}

// scriptlessBase is a site's own base layout that loads the core runtime
// but not the extensions its pages need.
const scriptlessBase = `-- layouts/base.html --
<!doctype html>
<html lang="en"><head><title>{{.Title}}</title>
<script type="application/json" id="coachbook-messages">{{runtimeMessages}}</script>
<script src="{{asset "coachbook.js"}}" defer></script></head>
<body data-site="{{.Site.StorageID}}"><main>{{block "main" .}}{{end}}</main></body></html>
`

// TestLayoutWithoutScripts: a base layout that loads the runtime but
// never renders .Scripts is an error at the layout once a page's fields
// need an extension, and, since the pages of every answer need theirs,
// on any site.
func TestLayoutWithoutScripts(t *testing.T) {
	s := newTestSite(t, scriptsSite+scriptlessBase)
	out := s.expectErrors("layouts/base.html: this page needs the runtime extensions .Scripts lists (for its fields, or to show every answer), but no layout renders .Scripts")
	assertErrorCount(t, out, 1)

	s = newTestSite(t, scriptlessBase+`-- content/text.md --
---
title: Text only
---
::text[Name]{#name}
`)
	s.expectErrors("layouts/base.html: this page needs the runtime extensions .Scripts lists (for its fields, or to show every answer), but no layout renders .Scripts", "(rendering content/_index.md and 2 other pages)")
}

// TestLayoutWithoutMessages: a base layout that loads the runtime but
// never gives it its sentences is an error at the layout, since its
// buttons and notices would be blank; one that loads no runtime needs
// none.
func TestLayoutWithoutMessages(t *testing.T) {
	s := newTestSite(t, strings.Replace(scriptlessBase, `<script type="application/json" id="coachbook-messages">{{runtimeMessages}}</script>`, "", 1)+`-- content/text.md --
---
title: Text only
---
::text[Name]{#name}
`)
	out := s.expectErrors(`layouts/base.html: no layout gives the runtime its sentences: add <script type="application/json" id="coachbook-messages">{{runtimeMessages}}</script> before the script of coachbook.js`)
	assertErrorCount(t, out, 1)

	s = newTestSite(t, `-- layouts/base.html --
<!doctype html><html lang="en"><title>{{.Title}}</title><main>{{block "main" .}}{{end}}</main></html>
-- content/text.md --
---
title: Text only
---
Read this.
`)
	s.build()
	s.assertFile("text/index.html", "Read this.")
}

// TestRepeatLoadsEntries: a workbook with a repeating exercise loads the
// entries extension, after those of its kinds, and one without does not.
func TestRepeatLoadsEntries(t *testing.T) {
	s := newTestSite(t, scriptsSite+`-- content/journal.md --
---
title: Journal
---
:::exercise{#journal repeat title="Journal entry"}
::text[What happened]{#what}
:::
`)
	s.build()
	core, entries := "/"+s.assetPath("coachbook"), "/"+s.assetPath("coachbook-entries")
	s.assertFile("journal/index.html", `<script src="`+core+`" defer></script>`+"\n"+`<script src="`+entries+`" defer></script>`)
	for _, page := range []string{"text/index.html", "list/index.html", "index.html"} {
		if strings.Contains(s.file(page), "coachbook-entries") {
			t.Errorf("%s loads the entries extension", page)
		}
	}
	s.assertFile("sw.js", `"`+entries+`"`)
}
