package themes_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	yaml "go.yaml.in/yaml/v3"
)

// wordsOf reads a shipped words file: by part, then key, every form of
// each value (a plural's forms, or the one string).
func wordsOf(t *testing.T, lang string) map[string]map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("default", "i18n", lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string][]string{}
	for part, keys := range raw {
		out[part] = map[string][]string{}
		for k, v := range keys {
			switch v := v.(type) {
			case string:
				out[part][k] = []string{v}
			case map[string]any:
				for _, f := range v {
					out[part][k] = append(out[part][k], f.(string))
				}
			}
		}
	}
	return out
}

// languagePage is a workbook of the kinds most pages use, in whatever
// language its site sets.
const languagePage = `---
title: W
---
::text[Name]{#name}
::choice[Pick]{#pick options="A|B" other}
::list[Items]{#items max=3}
::scale[How]{#how}
::number[Minutes]{#minutes min=0 max=60}
::commitments{#plan}
::grow{#goal}
:::exercise{#log title="Log" repeat}
::number[Mood]{#mood min=0 max=10}
:::
::chart[Mood]{of="log.mood"}
`

// englishLeft lists the English words of en.yaml, at least two words
// long, that the translation changes and that still show in text.
func englishLeft(t *testing.T, lang, text string) []string {
	en, tr := wordsOf(t, "en"), wordsOf(t, lang)
	placeholder := regexp.MustCompile(`\{\d\}`)
	var left []string
	for part, keys := range en {
		for k, forms := range keys {
			if strings.Join(tr[part][k], "|") == strings.Join(forms, "|") {
				continue // The same in both languages, such as a name.
			}
			for _, f := range forms {
				for _, piece := range placeholder.Split(f, -1) {
					piece = strings.TrimSpace(piece)
					if strings.Count(piece, " ") >= 1 && strings.Contains(text, piece) {
						left = append(left, part+"."+k+": "+piece)
					}
				}
			}
		}
	}
	sort.Strings(left)
	return left
}

// TestNoEnglishInFrenchOrArabic opens a French and an Arabic site's pages
// and finds none of the English interface in their visible text, their
// labels or the runtime's sentences.
func TestNoEnglishInFrenchOrArabic(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"fr", "ar"} {
		b := openSite(t, writeSite(t, map[string]string{
			"content/_index.md": "---\ntitle: S\nlanguage: " + lang + "\n---\n",
			"content/w.md":      languagePage,
		}))
		for _, page := range []string{"", "w/", "answers/", "review/", "404.html"} {
			b.do(chromedp.Navigate(b.url(page)), chromedp.WaitReady(chromedp.CSS(`main`)))
			text := eval[string](b, `document.body.innerText + '\n' + [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder'), e.getAttribute('alt')].join('\n')).join('\n') + '\n' + document.title + '\n' + Object.values(JSON.parse(document.getElementById('coachbook-messages').textContent)).map(v => typeof v === 'string' ? v : Object.values(v).join('\n')).join('\n')`)
			if left := englishLeft(t, lang, text); len(left) > 0 {
				t.Errorf("%s %s shows English:\n%s", lang, page, strings.Join(left, "\n"))
			}
			if got := eval[string](b, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != lang+" "+map[string]string{"fr": "ltr", "ar": "rtl"}[lang] {
				t.Errorf("%s %s: lang and dir %q", lang, page, got)
			}
		}
	}
}
