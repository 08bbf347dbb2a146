package generator

import (
	"strings"
	"testing"
)

// TestInterfaceWordsFromTheFile: the words the build writes into pages
// itself (the 404 page's title, a choice's bare "Other"), the default
// words of exercise types, callouts and rows, and the words around a
// number the runtime renumbers all come from i18n/en.yaml, so that a
// site's own file (and a translation) changes them; an answer's key stays
// the same whatever the words.
func TestInterfaceWordsFromTheFile(t *testing.T) {
	s := newTestSite(t, `-- content/w.md --
---
title: W
---
::choice[Where]{#where options="Home|Away" other}

:::note
Read first.
:::

::star{#s}

::::rows[Jobs]{#jobs}
::text[Company]{#company}
::::
-- i18n/en.yaml --
layouts:
  notFoundTitle: "Nothing here"
  choiceOther: "Something else"
  calloutNote: "Please note"
  starTitle: "Your STAR story"
  starSituation: "Where it happened"
  cellRow: "(line {0})"
  rowsRow: "line {0}"
`)
	s.build()
	s.assertFile("404.html", `<title>Nothing here · `, `<h1>Nothing here</h1>`)
	s.assertFile("w/index.html",
		`value=Other data-key=where data-other>`, `<label for=field-where:other>Something else</label>`,
		`<p class=callout-title>Please note<p>`,
		`>Your STAR story</h2>`,
		`>Where it happened</label>`,
		`<span class=visually-hidden> (line <span data-n>1</span>)</span>`,
		`<span class=visually-hidden> line <span data-n>1</span></span>`)
	s.assertFile("w/index.html", `"options":["Home","Away","Other"],"other":true`)
	if strings.Contains(s.file("w/index.html"), "(row ") {
		t.Error("a cell's label still says (row N)")
	}
}
