package generator

import (
	"strings"
	"testing"
)

const showIfSite = `-- site.toml --
title = "Show if"
-- content/plain.md --
---
title: Plain
---
::scale[Mood]{#mood min=1 max=5}
-- content/journal.md --
---
title: Journal
---
::scale[Mood]{#mood min=1 max=5}

:::note{show-if="mood <= 2"}
::text[Who could you call?]{#who}
:::

:::exercise{#log repeat}
::number[Hours slept]{#sleep}
::text[What kept you up?]{#why show-if="sleep < 6"}
:::

::star{#lead show-if="who answered"}
`

// TestShowIfScripts: only a page with a show-if loads its extension, and
// the field file the listings count by carries each field's conditions, an entry's own field's as
// the field's key, for counting with stored answers, and an exercise
// layout's fields its condition.
func TestShowIfScripts(t *testing.T) {
	s := newTestSite(t, showIfSite)
	s.build()
	// With the repeats' extension, as one bundle (scriptbundles.go).
	s.assertFile("journal/index.html", `<script src="/`+s.assetPath("coachbook-entries_showif")+`" defer></script>`)
	if strings.Contains(s.file("plain/index.html"), "coachbook-showif") {
		t.Error("a page without show-if loads its extension")
	}
	fields := s.file(s.assetPath("workbook-fields"))
	for _, want := range []string{
		`{"key":"who","type":"text","counts":true,"if":[{"key":"mood","op":"\u003c=","value":"2"}]}`,
		`{"key":"lead.situation-1","type":"textarea","counts":true,"if":[{"key":"who","op":"answered"}]}`,
		`{"key":"log.why","type":"text","was":["why"],"counts":true,"entries":1,"if":[{"key":"log.sleep","op":"\u003c","value":"6"}]}`,
	} {
		if !strings.Contains(fields, want) {
			t.Errorf("the field file the listings count by lacks %s", want)
		}
	}
}
