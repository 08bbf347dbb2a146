package generator

import "testing"

// TestDurationInMinutes: duration: 20, which YAML reads as a number, is
// 20 minutes, written in the site's language on the workbook and in the
// listings; text stays as written.
func TestDurationInMinutes(t *testing.T) {
	site := func(lang, duration string) *testSite {
		return newTestSite(t, `-- content/_index.md --
---
title: S
language: `+lang+`
---
-- content/w.md --
---
title: W
duration: `+duration+`
---
::text[Why?]{#why}
`)
	}
	s := site("en", "20")
	s.build()
	s.assertFile("w/index.html", "</span>20 min</span>")
	s.assertFile("index.html", "</span>20 min</p>")

	s = site("ar", "2")
	s.build()
	s.assertFile("w/index.html", "</span>دقيقتان</span>")

	s = site("de", `"about half an hour"`)
	s.build()
	s.assertFile("w/index.html", "</span>about half an hour</span>")
}
