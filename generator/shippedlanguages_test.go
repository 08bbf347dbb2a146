package generator

import (
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"coachbook/themes"
)

// TestShippedLanguagesComplete checks every words file of the built-in
// theme against its English one: every key English has, no other, the
// same placeholders (each plural form some of them, the forms together
// all), and words by plural form giving every form the language's whole
// numbers take. A translation lacking a key would show English in the
// middle of a page; one dropping a placeholder would lose what it says.
func TestShippedLanguagesComplete(t *testing.T) {
	theme := themes.Default()
	names, err := fs.Glob(theme, folderI18n+"/*")
	if err != nil {
		t.Fatal(err)
	}
	english := builtInEnglish(t)
	keys := 0
	for _, part := range english {
		keys += len(part)
	}
	if !slices.Contains(names, messagesFile) || keys < 100 {
		t.Fatalf("the theme's words files %v: want %s with at least 100 keys, found %d", names, messagesFile, keys)
	}
	for _, name := range names {
		lang, ok := strings.CutSuffix(path.Base(name), ".yaml")
		if !ok || !languageTag.MatchString(lang) {
			t.Errorf("%s: a words file is named LANG.yaml", name)
			continue
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			t.Fatal(err)
		}
		// Reading checks the keys, the placeholders and the forms.
		f, err := readWordsFile(data, name, english)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		tag := language.MustParse(lang)
		var missing []string
		checked := 0
		for part, words := range english {
			for key := range words {
				m, ok := f.words[part][key]
				if !ok {
					missing = append(missing, part+"."+key)
					continue
				}
				checked++
				if lacks := formsLacking(tag, m); len(lacks) > 0 {
					t.Errorf("%s: %s.%s lacks the plural forms %v, which %s numbers take", name, part, key, lacks, lang)
				}
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s lacks %d keys of English: %s", name, len(missing), strings.Join(missing, ", "))
		}
		t.Logf("%s: %d keys checked", name, checked)
	}
}

// formsLacking returns the plural forms that whole numbers take in the
// language tag and words by plural form m lacks.
func formsLacking(tag language.Tag, m message) []string {
	if m.forms == nil {
		return nil
	}
	var lacks []string
	for n := 0; n <= 1000; n++ {
		form := pluralForm(tag, n)
		if _, ok := m.forms[form]; !ok && !slices.Contains(lacks, form) {
			lacks = append(lacks, form)
		}
	}
	return lacks
}
