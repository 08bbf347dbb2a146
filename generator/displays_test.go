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
	tables, trends := "/"+s.assetPath("coachbook-tables"), "/"+s.assetPath("coachbook-trends")
	s.assertFile("log/index.html", `<script src=`+tables+` defer></script><script src=`+trends+` defer></script>`)
	if strings.Contains(s.file("text/index.html"), "coachbook-trends") {
		t.Error("a page without totals loads the trends extension")
	}
	if m := s.file("log/index.html"); strings.Contains(m, `"type":"total"`) {
		t.Error("the total is listed in the manifest")
	}
}
