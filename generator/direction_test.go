package generator

import (
	"fmt"
	"testing"
)

// TestDirection: a site in a language written right to left gets
// dir="rtl" on every page, including regional tags and a script subtag
// that says so; every other language gets dir="ltr". The site gives each
// language a words file, since a language without one is an error.
func TestDirection(t *testing.T) {
	for _, c := range []struct{ language, dir string }{
		{"ar", "rtl"},
		{"ar-EG", "rtl"},
		{"he", "rtl"},
		{"fa", "rtl"},
		{"ur-PK", "rtl"},
		{"az-Arab", "rtl"},
		{"en", "ltr"},
		{"pt-BR", "ltr"},
		{"arn", "ltr"}, // Mapudungun: its tag starts with "ar", its script is Latin
		{"ur-Latn", "ltr"},
	} {
		t.Run(c.language, func(t *testing.T) {
			s := newTestSite(t, fmt.Sprintf(`-- content/_index.md --
---
title: Site
language: %s
---
-- content/w.md --
---
title: W
---
::text[Why?]{#why}
-- i18n/%s.yaml --
runtime:
  saved: "saved"
`, c.language, c.language))
			s.build()
			want := fmt.Sprintf(`<html lang="%s" dir="%s">`, c.language, c.dir)
			s.assertFile("index.html", want)
			s.assertFile("w/index.html", want)
		})
	}
}
