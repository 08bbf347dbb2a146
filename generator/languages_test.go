package generator

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"coachbook/themes"
)

// languageSite is a site in language whose home page shows the words of
// the layouts keys named, through its own layout, one a line.
func languageSite(t *testing.T, lang string, keys string, files string) *testSite {
	t.Helper()
	return newTestSite(t, `-- content/_index.md --
---
title: Careers
language: `+lang+`
---
-- content/w.md --
---
title: W
---
::text[Name]{#name}
-- layouts/home.html --
{{define "main"}}`+keys+`{{end}}
`+files)
}

// themeMine is a named theme, mine, for the words files of a theme other
// than the built-in one; its pages show the runtime's words as JSON.
const themeMine = `-- themes/mine/layouts/base.html --
<!doctype html><html lang="{{.Site.Language}}"><title>{{.Title}}</title>{{block "main" .}}{{end}}<script type="application/json" id="coachbook-messages">{{runtimeMessages}}</script></html>
-- themes/mine/layouts/home.html --
{{define "main"}}home{{end}}
-- themes/mine/layouts/collection.html --
{{define "main"}}collection{{end}}
-- themes/mine/layouts/workbook.html --
{{define "main"}}workbook{{end}}
-- themes/mine/layouts/404.html --
{{define "main"}}missing{{end}}
`

// TestLanguageFallback: pt-BR shows, key by key, pt-BR's words, then
// pt's, then English's; at each level the site's file wins over its
// theme's, and a site's own en.yaml is the English level's.
func TestLanguageFallback(t *testing.T) {
	s := languageSite(t, "pt-BR", `[{{i18n "timerStart"}}][{{i18n "bookOpen" "X"}}][{{i18n "protectPassphrase" 8}}]`, `-- themes/mine/i18n/pt.yaml --
layouts:
  timerStart: "Começar (tema)"
  bookOpen: "Abrir (tema) “{0}”"
  protectPassphrase: "Senha (tema) {0}"
-- i18n/pt.yaml --
layouts:
  bookOpen: "Abrir “{0}”"
runtime:
  saved: "Guardado"
  saving: "A guardar…"
-- i18n/pt-BR.yaml --
runtime:
  saved: "Salvo"
-- i18n/en.yaml --
runtime:
  notSaved: "Not kept: {0}."
`+themeMine)
	s.write("content/_index.md", "---\ntitle: Careers\nlanguage: pt-BR\ntheme: mine\n---\n")
	s.build()
	s.assertFile("index.html",
		// The theme's pt, which no site file of pt or pt-BR changes; the
		// site's pt over the theme's; the theme's pt over English.
		"[Começar (tema)][Abrir “X”][Senha (tema) 8]",
		// pt-BR's over pt's, pt's where pt-BR has none; the built-in
		// theme's pt.yaml, which the theme mine inherits, has every other
		// key, so the site's own English shows nowhere (TestSiteLanguageWarnings
		// falls back to English).
		`"saved":"Salvo"`, `"saving":"A guardar…"`, `"notSaved":"Não foi salvo: {0}.`,
		`<html lang="pt-BR"`)
}

// TestLanguageVariantsOfEnglish: en-GB needs no file of its own, and a
// tag's case does not matter to the files it finds.
func TestLanguageVariantsOfEnglish(t *testing.T) {
	s := languageSite(t, "en-GB", `[{{i18n "timerStart"}}]`, `-- i18n/en-gb.yaml --
layouts:
  timerStart: "Begin, old chap"
`)
	stats := s.build()
	s.assertFile("index.html", "[Begin, old chap]")
	if len(stats.Warnings) != 0 {
		t.Errorf("an English variant lacks nothing; warnings: %v", stats.Warnings)
	}
	// Nor does it need a file.
	s = languageSite(t, "en-GB", `[{{i18n "timerStart"}}]`, "")
	s.build()
	s.assertFile("index.html", "[Start]", `<html lang="en-GB"`)
}

// TestSiteLanguageWarnings: a site may add a language the theme lacks;
// the keys its file lacks fall back to the theme's file of that language,
// then English, and the build warns once per file of which and how many
// show in English.
func TestSiteLanguageWarnings(t *testing.T) {
	s := languageSite(t, "sv", `[{{i18n "timerStart"}}][{{i18n "bookOpen" "X"}}][{{i18n "protectPassphrase" 8}}]`, `-- themes/mine/i18n/sv.yaml --
layouts:
  bookOpen: "Öppna (tema) “{0}”"
  protectPassphrase: "Lösenfras (tema) {0}"
-- i18n/sv.yaml --
layouts:
  timerStart: "Börja"
  protectPassphrase: "Lösenfras (minst {0} tecken)"
`+themeMine)
	s.write("content/_index.md", "---\ntitle: Careers\nlanguage: sv\ntheme: mine\n---\n")
	stats := s.build()
	s.assertFile("index.html", "[Börja][Öppna (tema) “X”][Lösenfras (minst 8 tecken)]", `"saved":"Saved"`)

	english := builtInEnglish(t)
	total := 0
	for _, keys := range english {
		total += len(keys)
	}
	if total < 100 {
		t.Fatalf("the English file has only %d keys", total)
	}
	// The site's file lacks every key but two, of which the theme gives
	// one; the theme's lacks every key but two, of which the site gives
	// one: each file warns of the keys that show in English.
	if len(stats.Warnings) != 2 {
		t.Fatalf("want a warning per file, got %q", stats.Warnings)
	}
	site, theme := stats.Warnings[0].Error(), stats.Warnings[1].Error()
	wantSite := fmt.Sprintf("i18n/sv.yaml: warning: %d keys missing, shown in English: ", total-3)
	wantTheme := fmt.Sprintf("themes/mine/i18n/sv.yaml: warning: %d keys missing, shown in English: ", total-3)
	if !strings.HasPrefix(site, wantSite) || !strings.HasPrefix(theme, wantTheme) {
		t.Errorf("warnings\n%s\n%s\nwant them to start\n%s\n%s", site, theme, wantSite, wantTheme)
	}
	for _, w := range []string{site, theme} {
		if !strings.Contains(w, "runtime.saved, ") || strings.Contains(w, "layouts.bookOpen") ||
			strings.Contains(w, "layouts.timerStart") || strings.Contains(w, "layouts.protectPassphrase") {
			t.Errorf("warning names the wrong keys:\n%s", w)
		}
	}

	// serve reports them too.
	v := s.serve()
	if stats, err := v.session.Build(context.Background(), nil); err != nil || len(stats.Warnings) != 2 {
		t.Errorf("serve: %v, warnings %q", err, stats.Warnings)
	}
}

// builtInEnglish returns the built-in theme's English words.
func builtInEnglish(t *testing.T) words {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), messagesFile)
	if err != nil {
		t.Fatal(err)
	}
	f, err := readWordsFile(data, messagesFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f.words
}

// TestUnknownLanguage: a language no words file speaks, nor a more
// general one, is an error at the language setting, listing every
// language of the theme's and the site's files.
func TestUnknownLanguage(t *testing.T) {
	s := languageSite(t, "sv-FI", "", `-- i18n/eo.yaml --
runtime:
  saved: "Konservita"
`)
	var want []string
	shipped, _ := fs.Glob(themes.Default(), "i18n/*.yaml")
	for _, f := range shipped {
		want = append(want, strings.TrimSuffix(strings.TrimPrefix(f, "i18n/"), ".yaml"))
	}
	want = append(want, "eo")
	slices.Sort(want)
	s.expectOnly(`content/_index.md:3:11: no words file speaks "sv-FI": the languages available are ` + strings.Join(want, ", ") + `; for another, add i18n/sv-FI.yaml to the site`)
}

// TestPluralsInLayouts: words by plural form show the form CLDR's rules
// give the number {0} in the site's language.
func TestPluralsInLayouts(t *testing.T) {
	for _, c := range []struct {
		lang, forms string
		numbers     []int
		want        string
	}{
		{"pl", `{one: "{0} znak", few: "{0} znaki", many: "{0} znaków", other: "{0} znaku"}`,
			[]int{1, 2, 5, 22}, "[1 znak][2 znaki][5 znaków][22 znaki]"},
		{"ar", `{zero: "{0} صفر", one: "{0} واحد", two: "{0} اثنان", few: "{0} قليل", many: "{0} كثير", other: "{0} آخر"}`,
			[]int{0, 1, 2, 3, 11, 100}, "[0 صفر][1 واحد][2 اثنان][3 قليل][11 كثير][100 آخر]"},
		// A form the file lacks reads as other.
		{"pl", `{one: "{0} znak", other: "{0} znaku"}`, []int{1, 5}, "[1 znak][5 znaku]"},
	} {
		var layout strings.Builder
		for _, n := range c.numbers {
			fmt.Fprintf(&layout, `[{{i18n "protectPassphrase" %d}}]`, n)
		}
		s := languageSite(t, c.lang, layout.String(), "-- i18n/"+c.lang+".yaml --\nlayouts:\n  protectPassphrase: "+c.forms+"\n")
		s.build()
		s.assertFile("index.html", c.want)
	}
}

// TestPluralForms: CLDR's categories for Polish and Arabic, whose
// numbers take three and six forms, and for decimals.
func TestPluralForms(t *testing.T) {
	for _, c := range []struct {
		tag  language.Tag
		n    any
		want string
	}{
		{language.Polish, 1, "one"}, {language.Polish, 2, "few"}, {language.Polish, 5, "many"},
		{language.Polish, 22, "few"}, {language.Polish, 12, "many"}, {language.Polish, "1.5", "other"},
		{language.Arabic, 0, "zero"}, {language.Arabic, 1, "one"}, {language.Arabic, 2, "two"},
		{language.Arabic, 3, "few"}, {language.Arabic, 11, "many"}, {language.Arabic, 100, "other"},
		{language.English, 1, "one"}, {language.English, "1.0", "other"}, {language.English, 2, "other"},
		{language.French, 0, "one"}, {language.French, 1.5, "one"}, {language.English, "many", "other"},
	} {
		if got := pluralForm(c.tag, c.n); got != c.want {
			t.Errorf("%v %v: %s, want %s", c.tag, c.n, got, c.want)
		}
	}
}

// TestRuntimePluralMessages: the runtime receives words by plural form
// as an object, for its say to choose from.
func TestRuntimePluralMessages(t *testing.T) {
	s := languageSite(t, "pl", "", `-- i18n/pl.yaml --
runtime:
  restored:
    one: "Przywrócono {0} odpowiedź."
    few: "Przywrócono {0} odpowiedzi."
    other: "Przywrócono {0} odpowiedzi."
`)
	s.build()
	s.assertFile("w/index.html", `"restored":{"few":"Przywrócono {0} odpowiedzi.","one":"Przywrócono {0} odpowiedź.","other":"Przywrócono {0} odpowiedzi."}`)
}
