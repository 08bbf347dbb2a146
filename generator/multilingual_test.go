package generator

import (
	"strings"
	"testing"
)

// bilingualSite keeps its pages in content/en/ and content/fr/. prep/drive
// is in both languages, prep/values in English alone.
const bilingualSite = `
-- content/_index.md --
---
title: Career companion
baseURL: https://example.edu/careers/
languages: [en, fr]
---
-- content/en/_index.md --
---
title: Career companion
description: Workbooks for your sessions.
---
-- content/fr/_index.md --
---
title: Compagnon de carrière
description: Des cahiers pour vos séances.
---
-- content/en/prep/_index.md --
---
title: Before your session
---
-- content/fr/prep/_index.md --
---
title: Avant la séance
---
-- content/en/prep/drive.md --
---
title: Your drive
---
:::exercise{#drive title="Drive"}
::text{#phrase label="Your phrase"}
:::

See [your values](values.md).
-- content/fr/prep/drive.md --
---
title: Votre moteur
---
:::exercise{#drive title="Moteur"}
::text{#phrase label="Votre phrase"}
:::

::recall[Votre phrase]{from="prep/drive#phrase"}
-- content/en/prep/values.md --
---
title: Your values
---
::text{#value label="A value"}
`

func TestMultilingualStructure(t *testing.T) {
	s := newTestSite(t, bilingualSite)
	s.build()
	// Each language under its prefix, with its own book pages.
	for _, f := range []string{"en/index.html", "fr/index.html", "en/prep/index.html", "fr/prep/index.html",
		"en/prep/drive/index.html", "fr/prep/drive/index.html", "en/prep/values/index.html",
		"en/answers/index.html", "fr/answers/index.html", "en/review/index.html", "fr/review/index.html", "404.html"} {
		s.assertFile(f)
	}
	for _, f := range []string{"fr/prep/values/index.html", "answers/index.html", "prep/drive/index.html"} {
		s.assertNoFile(f)
	}
	// Each language's pages speak it, and name the site in it.
	s.assertFile("fr/prep/drive/index.html", `<html lang="fr"`, `Compagnon de carrière`)
	s.assertFile("en/prep/drive/index.html", `<html lang="en"`)
	// The root sends visitors to the default language, without script.
	s.assertFile("index.html", `http-equiv=refresh content="0; url=/careers/en/"`, `href=/careers/fr/ lang=fr hreflang=fr`)
	if strings.Contains(s.file("index.html"), "<script") {
		t.Error("the root page has a script")
	}
}

func TestMultilingualSwitcherAndHreflang(t *testing.T) {
	s := newTestSite(t, bilingualSite)
	s.build()
	// The same workbook in the other language, matched by ID.
	s.assertFile("en/prep/drive/index.html",
		`<link rel=alternate hreflang="en" href="https://example.edu/careers/en/prep/drive/">`,
		`<link rel=alternate hreflang="fr" href="https://example.edu/careers/fr/prep/drive/">`,
		`<link rel=alternate hreflang=x-default href="https://example.edu/careers/">`,
		`<nav class=language-switcher aria-label="Languages">`,
		`<a href="/careers/en/prep/drive/" lang="en" hreflang="en" aria-current="page">`,
		`<a href="/careers/fr/prep/drive/" lang="fr" hreflang="fr">`)
	// Without a translation, the switcher leads to the language's home,
	// and no hreflang link names a page that is not there.
	values := s.file("en/prep/values/index.html")
	assertHolds(t, "en/prep/values/index.html", values, `<a href="/careers/fr/" lang="fr" hreflang="fr">`)
	if strings.Contains(values, `hreflang="fr" href`) {
		t.Error("en/prep/values names a French translation it does not have")
	}
	// Each language is named in itself, or as its _index.md names it.
	s.assertFile("en/index.html", `lang="en" hreflang="en" aria-current="page">English</a>`, `lang="fr" hreflang="fr">Français</a>`)
	// Collections, homes and book pages match their counterparts.
	s.assertFile("fr/prep/index.html", `<a href="/careers/en/prep/" lang="en" hreflang="en">`)
	s.assertFile("fr/index.html", `<a href="/careers/en/" lang="en" hreflang="en">`, `<a class=site-title href="/careers/fr/"`)
	s.assertFile("fr/answers/index.html", `<a href="/careers/en/answers/" lang="en" hreflang="en">`, `<a href="/careers/fr/answers/" aria-current="page">`)
	s.write("content/fr/_index.md", "---\ntitle: Compagnon de carrière\nlanguageName: Français (Canada)\n---\n")
	s.build()
	s.assertFile("en/index.html", `lang="fr" hreflang="fr">Français (Canada)</a>`)
	s.assertFile("index.html", `lang=fr hreflang=fr>Français (Canada)</a>`)
	// A site of one language has no switcher and no hreflang links.
	one := newTestSite(t, careerSite)
	one.build()
	if page := one.file("before/drive/index.html"); strings.Contains(page, "hreflang") || strings.Contains(page, "language-switcher") {
		t.Error("a site of one language shows languages")
	}
}

func TestMultilingualIDsShared(t *testing.T) {
	s := newTestSite(t, bilingualSite)
	s.build()
	// Translations share the workbook ID and the storage ID, so a client
	// who switches language keeps their answers.
	for _, f := range []string{"en/prep/drive/index.html", "fr/prep/drive/index.html"} {
		s.assertFile(f, `data-site="example.edu/careers/" `, `{"id":"prep/drive",`)
	}
	// A recall names the workbook of its own language.
	s.assertFile("fr/prep/drive/index.html", `<a href=/careers/fr/prep/drive/ data-recall-link`)
	// workbooks.json lists each ID once.
	if n := strings.Count(s.file("workbooks.json"), `"id":"prep/drive"`); n != 1 {
		t.Errorf("workbooks.json lists prep/drive %d times", n)
	}
}

func TestMultilingualSitemap(t *testing.T) {
	s := newTestSite(t, bilingualSite)
	s.build()
	sitemap := s.file("sitemap.xml")
	for _, loc := range []string{"en/", "fr/", "en/prep/drive/", "fr/prep/drive/", "en/prep/values/", "en/answers/", "fr/answers/"} {
		assertHolds(t, "sitemap.xml", sitemap, "<loc>https://example.edu/careers/"+loc+"</loc>")
	}
	if strings.Contains(sitemap, "<loc>https://example.edu/careers/</loc>") {
		t.Error("the sitemap lists the root, which only leads on")
	}
	s.assertFile("404.html", `<html lang="en"`)
}

func TestMultilingualServe(t *testing.T) {
	s := newTestSite(t, bilingualSite)
	v := s.serve()
	v.build()
	v.assertFile("fr/prep/drive/index.html", "Votre moteur")
	// An edit rebuilds the whole site: the switcher and hreflang links of
	// other pages name translations the incremental plan does not track.
	v.edit("content/fr/prep/drive.md", "---\ntitle: Ce qui vous anime\n---\n::text{#phrase label=\"Votre phrase\"}\n")
	v.assertFull(0)
	v.assertFile("fr/prep/drive/index.html", "Ce qui vous anime")
	v.assertEqualsBuild("after an edit")
	// A translation added: the English page's switcher now leads to it.
	s.write("content/fr/prep/values.md", "---\ntitle: Vos valeurs\n---\n")
	v.build("content/fr/prep/values.md")
	v.assertFile("en/prep/values/index.html", `<a href="/careers/fr/prep/values/" lang="fr" hreflang="fr">`)
	v.assertEqualsBuild("after a translation is added")
}
