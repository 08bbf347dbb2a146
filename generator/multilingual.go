package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// A multilingual site lists its languages in content/_index.md, the
// default first (languages: [en, fr]), and holds each language's pages in
// a folder of that name: content/en/…, content/fr/…. Each language is a
// site of its own for the layouts (a *site whose Language, Title, Home and
// words are the language's) published under its own prefix, /en/, /fr/,
// with its own book pages; the storage ID stays the whole site's. A
// workbook's ID leaves out the language folder, so content/fr/prep/drive.md
// is prep/drive as content/en/prep/drive.md is: they are translations of
// each other, and the answers saved under that ID are the same in both.
// The site's root is a static page that sends visitors on to the default
// language (languageRoot below).

// languageSet is what the languages of a multilingual site share.
type languageSet struct {
	sites []*site // one per language, the default first
	// pages holds each language's pages by translationKey, to find a
	// page's translations.
	pages map[string]map[string]*page
}

// readLanguages reads the languages setting: the site's language tags, the
// default first.
func (s *site) readLanguages(r *metadata.Reader) {
	if !r.Has("languages") {
		return
	}
	langs := r.Strings("languages")
	if r.Err() != nil {
		return
	}
	if len(langs) == 0 {
		r.Fail("languages", "languages lists the site's languages, the default first, such as [en, fr]")
		return
	}
	seen := map[string]bool{}
	for _, l := range langs {
		switch {
		case !languageTag.MatchString(l) || strings.Contains(l, "/"):
			r.Fail("languages", "languages: %q is not a language tag such as \"en\" or \"pt-BR\"", l)
			return
		case seen[strings.ToLower(l)]:
			r.Fail("languages", "languages lists %q twice", l)
			return
		}
		seen[strings.ToLower(l)] = true
	}
	s.languages, s.languagesPos = langs, r.Pos("languages")
	s.Language, s.LanguageName = langs[0], endonym(langs[0])
}

// multilingual reports whether the site keeps its pages in language
// folders.
func (s *site) multilingual() bool { return len(s.languages) > 0 }

// Multilingual reports whether the site has more than one language, for
// layouts that show a language switcher.
func (s *site) Multilingual() bool { return s.langs != nil && len(s.langs.sites) > 1 }

// forLanguage makes the site of one language of s, and its home page from
// content/LANG/_index.md. Its URLs keep the site's base path: relURL and
// absURL still name the site's shared files, and langURL adds the prefix.
func (s *site) forLanguage(lang string, set *languageSet) *site {
	ls := *s
	ls.Language, ls.langPrefix, ls.langs = lang, lang+"/", set
	ls.LanguageName = endonym(lang)
	ls.Home = &page{Kind: kindHome, Site: &ls, dir: lang, Title: s.Title, Description: s.Description,
		Params: s.Params, source: "content/" + lang + "/_index.md"}
	return &ls
}

// langURL returns a path of the page's language, such as "answers/", as a
// link that works under the base path: the layout function relLangURL.
func (s *site) langURL(p string) string { return s.url(s.langPrefix + strings.TrimPrefix(p, "/")) }

// langPermalink is langURL made absolute when the base URL has a host.
func (s *site) langPermalink(p string) string {
	return s.permalink(s.langPrefix + strings.TrimPrefix(p, "/"))
}

// splitLanguages makes the sites of s's languages, by language tag, and
// reports what in content/ is not where a multilingual site keeps it.
func (s *site) splitLanguages(parsed []*parsedFile) (map[string]*site, error) {
	set := &languageSet{pages: map[string]map[string]*page{}}
	byLang := map[string]*site{}
	for _, lang := range s.languages {
		ls := s.forLanguage(lang, set)
		set.sites = append(set.sites, ls)
		byLang[lang] = ls
	}
	s.langs = set
	var errs diag.List
	used := map[string]bool{}
	reported := map[string]bool{}
	list := "[" + strings.Join(s.languages, ", ") + "]"
	for _, pf := range parsed {
		rel := pf.file.rel
		if rel == "_index.md" {
			continue
		}
		lang, _, inFolder := strings.Cut(rel, "/")
		if _, ok := byLang[lang]; ok && inFolder {
			used[lang] = true
			continue
		}
		pos := diag.Position{File: "content/" + rel, Line: 1, Col: 1}
		switch {
		case !inFolder:
			errs.Add(diag.Errorf(pos, "content/%s is outside the language folders: a site with languages: %s (%s) keeps every page in content/LANG/, such as content/%s/%s", rel, list, s.languagesPos, s.languages[0], rel))
		case !reported[lang]:
			reported[lang] = true
			errs.Add(diag.Errorf(pos, "content/%s/ is not the folder of one of the site's languages %s (%s): add %q to languages, or move its pages into a language folder", lang, list, s.languagesPos, lang))
		}
	}
	for _, lang := range s.languages {
		if !used[lang] {
			errs.Add(diag.Errorf(s.languagesPos, "languages lists %q, but content/%s/ holds no pages: add content/%s/_index.md and the language's workbooks", lang, lang, lang))
		}
	}
	return byLang, errs.Err()
}

// translationKey is what a page shares with its translations: a
// workbook's ID, a collection's folder inside its language, or the kind of
// a page every language has. The 404 page has none.
func translationKey(p *page) string {
	switch p.Kind {
	case kindWorkbook:
		return "w:" + p.ID
	case kindCollection:
		_, dir, _ := strings.Cut(p.dir, "/")
		return "c:" + dir
	case kindNotFound:
		return ""
	}
	return "k:" + p.Kind
}

// indexTranslations records every page of a multilingual site by language
// and translationKey.
func indexTranslations(pages []*page) {
	for _, p := range pages {
		set := p.Site.langs
		if set == nil || translationKey(p) == "" {
			continue
		}
		byKey := set.pages[p.Site.Language]
		if byKey == nil {
			byKey = map[string]*page{}
			set.pages[p.Site.Language] = byKey
		}
		byKey[translationKey(p)] = p
	}
}

// languageLink is one language in a page's language switcher.
type languageLink struct {
	Lang      string // the language tag, for lang and hreflang
	Name      string // the language's name in its own words
	URL       string
	Permalink string
	// Current is the page's own language; Translated says the link leads
	// to the page in that language, rather than to the language's home.
	Current    bool
	Translated bool
}

// Languages lists, in a site of several languages, each language with the
// page in it: the same workbook (by ID), collection or page kind where the
// language has it, and otherwise the language's home page. It is empty in
// a site of one language.
func (p *page) Languages() []languageLink {
	if !p.Site.Multilingual() {
		return nil
	}
	set, key := p.Site.langs, translationKey(p)
	out := make([]languageLink, 0, len(set.sites))
	for _, ls := range set.sites {
		l := languageLink{Lang: ls.Language, Name: ls.LanguageName, Current: ls.Language == p.Site.Language,
			URL: ls.Home.URL, Permalink: ls.Home.Permalink}
		if t := set.pages[ls.Language][key]; key != "" && t != nil {
			l.URL, l.Permalink, l.Translated = t.URL, t.Permalink, true
		}
		out = append(out, l)
	}
	return out
}

// endonyms name the languages the default theme has words for, each in
// itself, as a language switcher shows them: a reader looks for their own
// language's name, whatever the page's language. A language's _index.md
// names it otherwise with languageName, as Hugo's setting of that name
// does; a language with neither is shown by its tag.
var endonyms = map[string]string{
	"ar": "العربية", "de": "Deutsch", "en": "English", "es": "Español", "fr": "Français",
	"it": "Italiano", "nl": "Nederlands", "pl": "Polski", "pt": "Português",
}

// endonym is lang's name in itself, by its primary subtag, or its tag.
func endonym(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if name, ok := endonyms[base]; ok && base == strings.ToLower(lang) {
		return name
	}
	return lang
}

// languageRoot is the page at the root of a multilingual site: it sends
// visitors on to the default language's home with a meta refresh, which
// needs no script, and links to every language's home for the few
// browsers that do not follow it. Search engines read it as a redirect,
// and the hreflang links name it x-default.
var languageRoot = template.Must(template.New("root").Parse(`<!doctype html>
<html lang="{{.Default.Lang}}">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; object-src 'none'">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={{.Default.URL}}">
<title>{{.Title}}</title>
<link rel="icon" href="{{.Icon}}" type="image/svg+xml">
{{- range .Languages}}
<link rel="alternate" hreflang="{{.Lang}}" href="{{.Permalink}}">
{{- end}}
<link rel="stylesheet" href="{{.Style}}">
</head>
<body class="kind-languages">
<main id="main">
<h1>{{.Title}}</h1>
<ul class="language-list">
{{- range .Languages}}
<li><a href="{{.URL}}" lang="{{.Lang}}" hreflang="{{.Lang}}">{{.Name}}</a></li>
{{- end}}
</ul>
</main>
</body>
</html>
`))

// writeLanguageRoot writes the root page of a multilingual site.
func (b *builder) writeLanguageRoot(assets map[string]string) error {
	set := b.site.langs
	if set == nil {
		return nil
	}
	var data struct {
		Title, Icon, Style string
		Default            languageLink
		Languages          []languageLink
	}
	for _, ls := range set.sites {
		data.Languages = append(data.Languages, languageLink{Lang: ls.Language, Name: ls.LanguageName, URL: ls.Home.URL, Permalink: ls.Home.Permalink})
	}
	data.Default, data.Title = data.Languages[0], set.sites[0].Title
	data.Icon, data.Style = b.site.url("favicon.svg"), assets["style.css"]
	var buf bytes.Buffer
	if err := languageRoot.Execute(&buf, data); err != nil {
		return fmt.Errorf("the root page of the languages: %w", err)
	}
	const root = "index.html"
	pos := diag.Position{File: "content/_index.md"}
	if b.site.languagesPos.File != "" {
		pos = b.site.languagesPos
	}
	if err := b.out.claim(root, pos); err != nil {
		return err
	}
	return b.out.write(root, buf.Bytes())
}

// languageFolder is the language folder of a content path in a
// multilingual site, such as "fr" for "fr/prep/drive.md".
func languageFolder(rel string) string {
	lang, _, _ := strings.Cut(path.Clean(rel), "/")
	return lang
}
