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
