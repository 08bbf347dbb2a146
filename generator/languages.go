package generator

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"coachbook/generator/diag"
	"coachbook/themes"
)

// translations are every words file of the theme and the site, read and
// checked, by language.
type translations struct {
	// english are the built-in theme's English words: every key there is,
	// and the placeholders each takes.
	english words
	// byLang holds each language's files by its tag in lower case, the
	// built-in theme's first and the site's last, each laid over the one
	// before it.
	byLang map[string][]*wordsFile
}

// languageWords are the interface's words in the site's language, with
// the plural rules of that language.
type languageWords struct {
	words words
	tag   language.Tag
}

// loadMessages reads every words file of the theme and the site and
// returns the words of the site's language, and a warning for each file
// of that language lacking words that then show in English.
func (t *theme) loadMessages(s *site) (languageWords, []error, error) {
	tr, err := t.loadTranslations()
	if err != nil {
		return languageWords{}, nil, err
	}
	return tr.wordsFor(s.Language, s.languagePos)
}

// loadTranslations reads and checks every words file: the built-in
// English one first, which the others are checked against.
func (t *theme) loadTranslations() (*translations, error) {
	builtIn, err := fs.ReadFile(themes.Default(), messagesFile)
	if err != nil {
		return nil, err
	}
	en, err := readWordsFile(builtIn, "themes/default/"+messagesFile, nil)
	if err != nil {
		return nil, err
	}
	en.lang = "en"
	tr := &translations{english: en.words, byLang: map[string][]*wordsFile{"en": {en}}}
	var errs diag.List
	for _, f := range t.wordFiles {
		if f.display == en.display {
			continue
		}
		lang, ok := strings.CutSuffix(path.Base(f.name), ".yaml")
		if !ok || !languageTag.MatchString(lang) {
			errs.Add(diag.Errorf(diag.Position{File: f.display}, "a words file is named after its language, such as i18n/fr.yaml or i18n/pt-BR.yaml"))
			continue
		}
		data, err := fs.ReadFile(f.fsys, f.name)
		if err != nil {
			errs.Add(fmt.Errorf("reading %s: %w", f.display, err))
			continue
		}
		file, err := readWordsFile(data, f.display, en.words)
		if err != nil {
			errs.Add(err)
			continue
		}
		file.lang = lang
		tr.byLang[strings.ToLower(lang)] = append(tr.byLang[strings.ToLower(lang)], file)
	}
	return tr, errs.Err()
}

// fallbacks returns the languages whose words lang shows, most specific
// first: pt-BR shows pt-BR's, then pt's, then English's.
func fallbacks(lang string) []string {
	parts := strings.Split(strings.ToLower(lang), "-")
	var out []string
	for i := len(parts); i > 0; i-- {
		out = append(out, strings.Join(parts[:i], "-"))
	}
	if parts[0] != "en" {
		out = append(out, "en")
	}
	return out
}

// isEnglish reports whether a chain of fallbacks is English's or one of
// its variants', such as en-GB, which English's words serve.
func isEnglish(chain []string) bool { return strings.HasPrefix(chain[0]+"-", "en-") }

// wordsFor returns the words of lang: for each key, the most specific
// language that has it gives it, and within a language the site's file
// wins over its theme's. A language with no file of its own nor of a
// more general language is an error at pos, where the site names it;
// English and its variants need none.
func (tr *translations) wordsFor(lang string, pos diag.Position) (languageWords, []error, error) {
	chain := fallbacks(lang)
	spoken := isEnglish(chain)
	for _, l := range chain[:len(chain)-1] {
		spoken = spoken || len(tr.byLang[l]) > 0
	}
	if !spoken {
		return languageWords{}, nil, diag.Errorf(pos, "no words file speaks %q: the languages available are %s; for another, add i18n/%s.yaml to the site", lang, strings.Join(tr.available(), ", "), lang)
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	out := languageWords{words: words{}, tag: tag}
	// from says which language each key's words came from.
	from := map[string]string{}
	for part, keys := range tr.english {
		out.words[part] = map[string]message{}
		for key := range keys {
		chain:
			for _, l := range chain {
				files := tr.byLang[l]
				for i := len(files) - 1; i >= 0; i-- {
					if m, ok := files[i].words[part][key]; ok {
						out.words[part][key], from[part+"."+key] = m, l
						break chain
					}
				}
			}
		}
	}
	return out, tr.missing(chain, from), nil
}

// missing warns, for each file of a language other than English, of the
// keys it lacks that no file of its language or a more general one gives,
// which show in English.
func (tr *translations) missing(chain []string, from map[string]string) []error {
	if isEnglish(chain) {
		return nil
	}
	var warnings []error
	for _, l := range chain[:len(chain)-1] {
		for _, f := range tr.byLang[l] {
			var keys []string
			for part, words := range tr.english {
				for key := range words {
					if !f.has(part, key) && from[part+"."+key] == "en" {
						keys = append(keys, part+"."+key)
					}
				}
			}
			if len(keys) == 0 {
				continue
			}
			sort.Strings(keys)
			noun := "keys"
			if len(keys) == 1 {
				noun = "key"
			}
			warnings = append(warnings, diag.Warnf(diag.Position{File: f.display},
				"%d %s missing, shown in English: %s", len(keys), noun, strings.Join(keys, ", ")))
		}
	}
	return warnings
}

// available returns the languages some words file speaks, sorted.
func (tr *translations) available() []string {
	seen := map[string]bool{}
	var out []string
	for _, files := range tr.byLang {
		for _, f := range files {
			if !seen[strings.ToLower(f.lang)] {
				seen[strings.ToLower(f.lang)] = true
				out = append(out, f.lang)
			}
		}
	}
	sort.Strings(out)
	return out
}
