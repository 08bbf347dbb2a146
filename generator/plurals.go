package generator

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"coachbook/generator/diag"
)

// pluralCategories are CLDR's plural categories, the forms words may
// have; which of them a language uses, and for which numbers, is CLDR's
// rules, which golang.org/x/text carries.
var pluralCategories = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

var formNames = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// pick returns m's words for the language tag, chosen by args[0] when m
// has plural forms; a form the file lacks reads as other.
func (m message) pick(tag language.Tag, args []any) string {
	if m.forms == nil {
		return m.text
	}
	if len(args) > 0 {
		if w, ok := m.forms[pluralForm(tag, args[0])]; ok {
			return w
		}
	}
	return m.forms["other"]
}

// plain gives a part's words as text, each in its form for other when it
// has plural forms, for words the build writes with no count.
func (w languageWords) plain(part string) map[string]string {
	out := make(map[string]string, len(w.words[part]))
	for k, m := range w.words[part] {
		out[k] = m.pick(w.tag, nil)
	}
	return out
}

// numberText matches a number as fmt.Sprint writes it, or as a layout passes
// it in a string.
var numberText = regexp.MustCompile(`^-?(\d+)(?:\.(\d+))?$`)

// pluralForm returns the CLDR plural category of the number n in the
// language tag; anything but a number is other.
func pluralForm(tag language.Tag, n any) string {
	d := numberText.FindStringSubmatch(fmt.Sprint(n))
	if d == nil || len(d[1]) > 15 || len(d[2]) > 15 {
		return "other"
	}
	// CLDR's operands: i the integer digits, v and f the visible fraction
	// digits' count and value, w and t the same without trailing zeros.
	i, frac := atoi(d[1]), d[2]
	trimmed := strings.TrimRight(frac, "0")
	return formNames[plural.Cardinal.MatchPlural(tag, i, len(frac), len(trimmed), atoi(frac), atoi(trimmed))]
}

// atoi reads digits already matched; none read as 0.
func atoi(digits string) int {
	n := 0
	for _, c := range digits {
		n = n*10 + int(c-'0')
	}
	return n
}

// placeholder matches {0}, {1}…, as say fills them.
var placeholder = regexp.MustCompile(`\{\d\}`)

// placeholders returns the placeholders words use, sorted, once each.
func placeholders(words string) []string {
	seen := map[string]bool{}
	for _, p := range placeholder.FindAllString(words, -1) {
		seen[p] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// samePlaceholders checks that a translation of key fills what the
// English words fill: a placeholder English lacks would show as {1}, and
// one the translation drops loses what the runtime or a layout says. Each
// plural form may leave some out ("one answer"), but together the forms
// must show them all.
func samePlaceholders(key string, m, english message, pos diag.Position) error {
	want := placeholders(english.all())
	if extra := minus(placeholders(m.all()), want); len(extra) > 0 {
		return diag.Errorf(pos, "%s: the words use %s, which the English words of %s lack (they use %s)", key, strings.Join(extra, " "), key, listOrNone(want))
	}
	if missing := minus(want, placeholders(m.all())); len(missing) > 0 {
		return diag.Errorf(pos, "%s: the words lack %s, which the English words of %s show", key, strings.Join(missing, " "), key)
	}
	return nil
}

// minus returns the items of a that b lacks.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func listOrNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, " ")
}
