package generator

import (
	"strings"
	"testing"
)

// TestDisplayScripts: a workbook with a total or chart loads the trends
// extension, and the tables extension for its rows; a workbook without
// one does not load it, and displays never enter the manifest.
func TestDisplayScripts(t *testing.T) {
	s := newTestSite(t, `-- site.toml --
title = "Trends"
-- content/log.md --
---
title: A log
---
::total[So far]{of="log.minutes"}

:::rows[Log]{#log}
::number[Minutes]{#minutes}
:::
-- content/text.md --
---
title: Text only
---
::text[Name]{#name}
`)
	s.build()
	// Two extensions load as one bundle (scriptbundles.go).
	s.assertFile("log/index.html", `<script src="/`+s.assetPath("coachbook-tables_trends")+`" defer></script>`)
	if strings.Contains(s.file("text/index.html"), "coachbook-trends") {
		t.Error("a page without totals loads the trends extension")
	}
	if m := s.file("log/index.html"); strings.Contains(m, `"type":"total"`) {
		t.Error("the total is listed in the manifest")
	}
}

// TestChartOfRepeatedThoughtRecord: in a repeating thought record,
// of="tr.before" names the record's own emotion scale across entries, not
// the column of the same ID in its table of other emotions.
func TestChartOfRepeatedThoughtRecord(t *testing.T) {
	s := newTestSite(t, "")
	s.write("content/w.md", workbookFrontmatter+"::thought-record{#tr repeat}\n\n::chart[How strong]{of=\"tr.before\"}\n")
	p, err := s.converted("w.md")
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	html := pageHTML(t, p)
	if !strings.Contains(html, `data-of-repeat="tr" data-of-field="before"`) {
		t.Errorf("the chart does not show the entries' emotion scale:\n%s", html[strings.Index(html, `<figure`):])
	}
}
