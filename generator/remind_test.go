package generator

import (
	"strings"
	"testing"
)

// TestRemindScript: a workbook loads the calendar extension when a date,
// or a date column, has remind, after the others it needs; a workbook
// whose dates have none does not.
func TestRemindScript(t *testing.T) {
	s := newTestSite(t, `-- content/field.md --
---
title: A date to remember
---
::date[Next session]{#next remind}
-- content/column.md --
---
title: A column to remember
---
:::rows[Steps]{#steps}
::text[Step]{#step}
::date[By when]{#due remind=true}
:::
-- content/plain.md --
---
title: Dates alone
---
::date[Next session]{#next}
::date[Another]{#other remind=false}
`)
	s.build()
	s.assertFile("field/index.html", `<script src="/`+s.assetPath("coachbook-remind")+`" defer></script>`)
	s.assertFile("column/index.html", `<script src="/`+s.assetPath("coachbook-tables_remind")+`" defer></script>`)
	if strings.Contains(s.file("plain/index.html"), "coachbook-remind") {
		t.Error("a workbook whose dates have no remind loads the calendar extension")
	}
	if strings.Contains(s.file("plain/index.html"), "data-remind") {
		t.Error("a date without remind shows a calendar button")
	}
}
