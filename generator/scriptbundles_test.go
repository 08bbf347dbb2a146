package generator

import (
	"regexp"
	"strings"
	"testing"
)

const bundlesSite = `-- site.toml --
title = "Bundles"
-- content/a.md --
---
title: Minutes
---
:::rows[Sessions]{#sessions}
::number[Minutes]{#minutes}
:::

::total[Minutes so far]{of="sessions.minutes"}
-- content/b.md --
---
title: More minutes
---
:::rows[Runs]{#runs}
::number[Minutes]{#minutes}
:::

::chart[Minutes each run]{of="runs.minutes"}
-- content/c.md --
---
title: A list
---
::list[Hopes]{#hopes}
`

// bundleScript finds the one extension script a page loads after the core.
var bundleScript = regexp.MustCompile(`<script src="/assets/coachbook\.[0-9a-f]+\.js" defer></script>\s*<script src="/(assets/coachbook-[a-z_]+\.[0-9a-f]+\.js)" defer></script>`)

// TestScriptBundles: a workbook that needs several extensions loads them
// as one file, which every page needing the same ones shares and the
// service worker keeps; a workbook needing one loads that one's file.
func TestScriptBundles(t *testing.T) {
	s := newTestSite(t, bundlesSite)
	s.build()
	bundle := s.assetPath("coachbook-tables_trends")
	for _, page := range []string{"a/index.html", "b/index.html"} {
		m := bundleScript.FindStringSubmatch(s.file(page))
		if m == nil || m[1] != bundle {
			t.Errorf("%s loads %v, not the bundle %s alone", page, m, bundle)
		}
	}
	s.assertFile("c/index.html", `<script src="/`+s.assetPath("coachbook-tables")+`" defer></script>`)
	s.assertFile("sw.js", `"/`+bundle+`"`)
	// The extensions as they are, each a statement of its own.
	data := s.file(bundle)
	tables, trends := s.file(s.assetPath("coachbook-tables")), s.file(s.assetPath("coachbook-trends"))
	if data != tables+";\n"+trends+";\n" {
		t.Errorf("the bundle is not the two extensions one after the other:\n%s", data)
	}
}

// TestScriptBundleInServe: a page edited in serve to need another set of
// extensions loads a bundle of them, which serve serves.
func TestScriptBundleInServe(t *testing.T) {
	s := newTestSite(t, bundlesSite)
	v := s.serve()
	v.build()
	v.edit("content/c.md", "---\ntitle: A list\n---\n::list[Hopes]{#hopes}\n\n::timer[Breathe]\n")
	v.assertRendered(1)
	m := regexp.MustCompile(`<script src="/(assets/coachbook-tables_timer\.[0-9a-f]+\.js)" defer>`).FindStringSubmatch(v.file("c/index.html"))
	if m == nil {
		t.Fatalf("the edited page loads no bundle of tables and timer:\n%s", v.file("c/index.html"))
	}
	if !v.has(m[1]) || !strings.Contains(v.file(m[1]), `defineKind("list"`) {
		t.Errorf("serve does not serve %s", m[1])
	}
	if m := bundleScript.FindStringSubmatch(v.file("a/index.html")); m == nil || !v.has(m[1]) {
		t.Error("the bundle of a page not rendered again is no longer served")
	}
}
