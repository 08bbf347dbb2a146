package directive

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// SyntaxError is a malformed attribute list. Offset counts bytes from the
// start of the text that was parsed.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// ParseAttributes parses the text between a directive's { and }:
// #id, .class, key=value, key="quoted value", key='quoted value', and a
// bare key meaning true, except class, which is always a name. It reads
// them as micromark-extension-directive does (dev/lib/factory-attributes.js):
// a key may hold - _ . and : (data.x, xml:lang), spaces may surround =,
// and character references such as &amp; decode in values. Unlike the
// reference, a backslash before ASCII punctuation escapes it in a quoted
// value, so "a \"b\"" holds quotes. Each Attr's Offset counts from the
// start of s.
func ParseAttributes(s string) ([]Attr, error) {
	var attrs []Attr
	seen := map[string]bool{}
	classAt := -1
	add := func(key, value string, bare bool, at int) error {
		if key == "class" && classAt >= 0 {
			attrs[classAt].Value += " " + value
			return nil
		}
		if seen[key] {
			if key == "id" {
				return &SyntaxError{at, "only one #id is allowed"}
			}
			return &SyntaxError{at, fmt.Sprintf("attribute %q is given twice", key)}
		}
		seen[key] = true
		if key == "class" {
			classAt = len(attrs)
		}
		attrs = append(attrs, Attr{Key: key, Value: value, Bare: bare, Offset: at})
		return nil
	}
	skipSpaces := func(i int) int {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		return i
	}
	i := 0
	for {
		if i = skipSpaces(i); i >= len(s) {
			return attrs, nil
		}
		start := i
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '#' || r == '.':
			i++
			for i < len(s) && !isSpace(s[i]) && !strings.ContainsRune("#.=\"'{}", rune(s[i])) {
				i++
			}
			if i == start+1 {
				return nil, &SyntaxError{start, fmt.Sprintf("%q must be followed by a name", string(r))}
			}
			key := "id"
			if r == '.' {
				key = "class"
			}
			if err := add(key, decodeText(s[start+1:i], false), false, start); err != nil {
				return nil, err
			}
		case r != utf8.RuneError && isNameRune(r):
			for i += size; i < len(s); i += size {
				if r, size = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError || !isAttrNameRune(r) {
					break
				}
			}
			key := s[start:i]
			value, bare := "true", true
			if j := skipSpaces(i); j < len(s) && s[j] == '=' {
				bare = false
				v, end, err := scanValue(s, skipSpaces(j+1))
				if err != nil {
					return nil, err
				}
				value, i = v, end
				if i < len(s) && !isSpace(s[i]) {
					return nil, &SyntaxError{i, unexpected(s, i, fmt.Sprintf("in attribute %q", key), "separate attributes with spaces")}
				}
			}
			if bare && key == "class" {
				// Joined to other classes, it would become the class "true".
				return nil, &SyntaxError{start, `class needs a value: write .name or class="name"`}
			}
			if err := add(key, value, bare, start); err != nil {
				return nil, err
			}
		default:
			return nil, &SyntaxError{start, unexpected(s, start, "", `attributes are #id, .class, key=value or key="a value"`)}
		}
	}
}

// unexpected says that the character at s[i] is out of place, where,
// and how to fix it: a curly quote from a word processor is to be typed
// straight.
func unexpected(s string, i int, where, fix string) string {
	if r, _ := utf8.DecodeRuneInString(s[i:]); strings.ContainsRune(curlyQuotes, r) {
		fix = `quote values with straight quotes, " or '`
	}
	if where != "" {
		where = " " + where
	}
	return fmt.Sprintf("unexpected %s%s: %s", quoteRune(s, i), where, fix)
}

// scanValue reads an attribute value at s[i]: quoted, or up to the next
// space.
func scanValue(s string, i int) (string, int, error) {
	if i >= len(s) {
		return "", 0, &SyntaxError{i, "a value must follow '=': write key=value or key=\"a value\""}
	}
	if q := s[i]; q == '"' || q == '\'' {
		for j := i + 1; j < len(s); j++ {
			switch {
			case s[j] == '\\' && j+1 < len(s) && isASCIIPunctuation(s[j+1]):
				j++
			case s[j] == q:
				return decodeText(s[i+1:j], true), j + 1, nil
			}
		}
		return "", 0, &SyntaxError{i, fmt.Sprintf("the quote opened here is never closed: close it with %c", q)}
	}
	j := i
	for j < len(s) && !isSpace(s[j]) && !strings.ContainsRune("\"'=<>`", rune(s[j])) {
		j++
	}
	if j < len(s) && !isSpace(s[j]) {
		return "", 0, &SyntaxError{j, unexpected(s, j, "in a value", "put the value in quotes")}
	}
	return decodeText(s[i:j], false), j, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }
