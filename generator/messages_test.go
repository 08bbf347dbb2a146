package generator

import "testing"

// TestSiteMessagesOverrideOneByOne: a site's i18n/en.yaml changes the
// sentences it names, and every other sentence stays the theme's.
func TestSiteMessagesOverrideOneByOne(t *testing.T) {
	s := newTestSite(t, `-- content/_index.md --
---
title: Careers
---
-- content/w.md --
---
title: W
---
::text[Name]{#name}
-- i18n/en.yaml --
runtime:
  saved: "Kept on this device"
`)
	s.build()
	s.assertFile("w/index.html", `"saved":"Kept on this device"`)
	s.assertFile("w/index.html", `"saving":"Saving…"`)
	s.assertFile("index.html", `<script type=application/json id=coachbook-messages>{"addEntry":"Add another"`)
}

// TestSiteLayoutWords: a site's i18n/en.yaml changes the words a layout
// shows through i18n, with {0} filled in; a layout asking for words the
// file lacks is an error at the layout.
func TestSiteLayoutWords(t *testing.T) {
	s := newTestSite(t, `-- content/w.md --
---
title: W
---
::timer[Say it out loud]{minutes=1}
-- i18n/en.yaml --
layouts:
  timerStart: "Begin"
`)
	s.build()
	s.assertFile("w/index.html", `data-timer-start>Begin</button>`, `data-timer-pause disabled>Pause</button>`)

	s = newTestSite(t, `-- content/w.md --
---
title: W
---
Text.
-- layouts/workbook.html --
{{define "main"}}{{i18n "nope"}}{{end}}
`)
	s.expectErrors(`layouts/workbook.html`, `no words called "nope" under layouts: in i18n/en.yaml`)
}
