package metadata

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// tomlMistake puts the TOML library's error about line and col (from 1,
// in the block whose first line is firstLine in its file) in the words of
// the author's usual mistakes, as yamlmistakes.go does for YAML:
//
//	library's words                                     mistake
//	unexpected character … at start of value;           text without quotes (# starting a comment
//	strings must be quoted; expected value but got …    among them), or no value at all
//	expected '=' after key                              key: value, as YAML writes it
//	basic (literal) strings cannot have new lines;      a quote never closed
//	unterminated basic (literal) string
//	invalid escape character; unicode escape …          a backslash in double quotes
//	key … is already defined                            a key set twice
//	expected newline but got …                          text after a closing quote
//
// Anything else keeps the library's words. It returns the position, in
// the file, and the message, or false to keep the library's.
func tomlMistake(block []byte, firstLine, line, col int, msg string) (int, int, string, bool) {
	lines := strings.Split(string(block), "\n")
	if line < 1 || line > len(lines) {
		return 0, 0, "", false
	}
	text := strings.TrimSuffix(lines[line-1], "\r")
	colOf := func(i int) int { return utf8.RuneCountInString(text[:i]) + 1 }
	eq := strings.IndexByte(text, '=')
	key := strings.Trim(strings.TrimSpace(text[:max(eq, 0)]), `"'`)
	valueAt := eq + 1
	for valueAt > 0 && valueAt < len(text) && (text[valueAt] == ' ' || text[valueAt] == '\t') {
		valueAt++
	}
	value := strings.TrimSpace(text[max(valueAt, 0):])
	at := func(i int, format string, args ...any) (int, int, string, bool) {
		return firstLine + line - 1, colOf(i), fmt.Sprintf(format, args...), true
	}
	switch {
	case strings.Contains(msg, "expected '=' after key"):
		if k, v, ok := strings.Cut(strings.TrimSpace(text), ":"); ok {
			return at(len(text)-len(strings.TrimLeft(text, " \t")), "TOML frontmatter, between +++ lines, writes key = value, not key: value: write %s = %s, or open and close the frontmatter with --- to write YAML", strings.TrimSpace(k), tomlQuote(strings.TrimSpace(v)))
		}
	case eq < 0:
	case strings.Contains(msg, "at start of value") || strings.Contains(msg, "strings must be quoted") || strings.Contains(msg, "expected value but got"):
		switch {
		case value == "":
			return at(valueAt, "%s has no value: write %s = \"…\", or leave the line out", key, key)
		case strings.IndexByte("=[]{},", value[0]) >= 0:
			return 0, 0, "", false // TOML's own syntax, written wrong.
		case value[0] == '#':
			return at(valueAt, "TOML reads # as the start of a comment; put the %s in quotes: %s = %s", key, key, tomlQuote(value))
		}
		return at(valueAt, "the %s is text, which TOML writes in quotes: %s = %s", key, key, tomlQuote(value))
	case strings.Contains(msg, "strings cannot have new lines") || strings.Contains(msg, "unterminated basic string") || strings.Contains(msg, "unterminated literal string"):
		if q := strings.IndexAny(text[valueAt:], `"'`); q >= 0 {
			q += valueAt
			return at(q, "the quote opened at %d:%d is never closed; close it with %c at the end of the value", firstLine+line-1, colOf(q), text[q])
		}
	case strings.Contains(msg, "escape"):
		if slash := strings.LastIndexByte(text[:min(max(col, 0), len(text))], '\\'); slash >= 0 {
			return at(slash, `in double quotes a backslash starts an escape such as \n; write \\ for a backslash, or use single quotes: %s = '%s'`, key, strings.Trim(value, `"`))
		}
	case tomlTwice.MatchString(msg):
		name := tomlTwice.FindStringSubmatch(msg)[1]
		first := regexp.MustCompile(`^\s*["']?` + regexp.QuoteMeta(name) + `["']?\s*=`)
		for i, earlier := range lines[:line-1] {
			if first.MatchString(earlier) {
				return at(len(text)-len(strings.TrimLeft(text, " \t")), "%s is set twice (lines %d and %d); keep one", name, firstLine+i, firstLine+line-1)
			}
		}
	case strings.Contains(msg, "expected newline but got") && value != "" && (value[0] == '"' || value[0] == '\''):
		whole := strings.TrimSpace(value)
		if len(whole) > 1 && whole[len(whole)-1] == whole[0] {
			whole = whole[1 : len(whole)-1]
		}
		return at(max(col-2, 0), "the quote closes before the end of the %s; put the whole %s in quotes: %s = %s", key, key, key, tomlQuote(whole))
	}
	return 0, 0, "", false
}

var tomlTwice = regexp.MustCompile(`key (.+) is already defined`)

// tomlQuote writes s as a TOML string: in double quotes, or in single
// ones, which take no escapes, when s holds a double quote or a
// backslash.
func tomlQuote(s string) string {
	if strings.ContainsAny(s, `"\`) && !strings.Contains(s, "'") {
		return "'" + s + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
