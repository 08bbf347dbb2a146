package metadata

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"

	"coachbook/generator/diag"
)

// Most frontmatter is a few lines of "key: words" and perhaps "tags: [a,
// b]". decodePlainYAML decodes such a block without the YAML library,
// which builds a node tree and decodes each value again by reflection:
// 7 % of a plain rebuild (docs/performance.md, finding 37). It
// takes only what it can decode exactly as the library does, values and
// positions alike, and reports false for anything else, which the library
// then decodes: FuzzPlainYAML holds the two to the same result.

// plainYAMLLines is the most lines decodePlainYAML takes, far below what
// would pass MaxValues.
const plainYAMLLines = 200

// plainYAMLValue is one decoded line of a plain block.
type plainYAMLValue struct {
	key   string
	value any
	line  int // in the block, from 1
	col   int // of the value, in characters, from 1
}

// decodePlainYAML sets fm's keys from block, if every line is plain, and
// reports whether it did; otherwise fm is unchanged.
func (fm *Frontmatter) decodePlainYAML(block []byte, dataLine int) bool {
	var values []plainYAMLValue
	for line := 1; len(block) > 0; line++ {
		text := block
		if end := bytes.IndexByte(block, '\n'); end >= 0 {
			text, block = block[:end], block[end+1:]
		} else {
			block = nil
		}
		if len(text) == 0 {
			continue
		}
		if line > plainYAMLLines {
			return false
		}
		v, ok := plainYAMLLine(text)
		if !ok {
			return false
		}
		v.line = line
		for _, seen := range values {
			if seen.key == v.key {
				return false // The library's error says where.
			}
		}
		values = append(values, v)
	}
	if len(values) == 0 {
		return false // An empty block: the library decides what it holds.
	}
	for _, v := range values {
		fm.set(v.key, v.value, diag.Position{File: fm.file, Line: dataLine + v.line - 1, Col: v.col})
		fm.keyLine[v.key] = dataLine + v.line - 1
	}
	return true
}

// plainYAMLLine decodes "key: value", where key is an ASCII name and value
// a plain scalar or a flow list of them.
func plainYAMLLine(text []byte) (plainYAMLValue, bool) {
	colon := bytes.IndexByte(text, ':')
	if colon < 1 || !isPlainKey(text[:colon]) || colon+2 >= len(text) || text[colon+1] != ' ' {
		return plainYAMLValue{}, false
	}
	v := plainYAMLValue{key: string(text[:colon]), col: colon + 3}
	raw := text[colon+2:]
	if raw[0] != '[' {
		value, ok := plainScalar(raw, false)
		v.value = value
		return v, ok
	}
	if len(raw) < 3 || raw[len(raw)-1] != ']' {
		return v, false
	}
	var items []any
	for rest := raw[1 : len(raw)-1]; ; {
		item := rest
		comma := bytes.IndexByte(rest, ',')
		if comma >= 0 {
			item = rest[:comma]
			if comma+1 >= len(rest) || rest[comma+1] != ' ' {
				return v, false
			}
		}
		value, ok := plainScalar(item, true)
		if !ok {
			return v, false
		}
		items = append(items, value)
		if comma < 0 {
			break
		}
		rest = rest[comma+2:]
	}
	v.value = items
	return v, true
}

// isPlainKey: an ASCII letter, then letters, digits, "_" and "-".
func isPlainKey(key []byte) bool {
	for i, c := range key {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '_' || c == '-')) {
			return false
		}
	}
	return true
}

// plainScalar decodes s as the YAML library would a plain scalar, if it
// is one whose meaning is certain: a whole number of up to nine digits,
// or text that begins with a letter, or with digits and a space before a
// letter ("27 min"), is no word YAML reads otherwise (true, null, yes…),
// and holds no character YAML gives a meaning to (":", "#", brackets, and
// "," in a list) and no space other than single ones between words.
func plainScalar(s []byte, inList bool) (any, bool) {
	if len(s) == 0 || s[len(s)-1] == ' ' {
		return nil, false
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits == len(s) {
		if digits > 9 || digits > 1 && s[0] == '0' {
			return nil, false
		}
		n, err := strconv.Atoi(string(s))
		return n, err == nil
	}
	start := s[digits:]
	if digits > 0 {
		if len(start) < 2 || start[0] != ' ' {
			return nil, false
		}
		start = start[1:]
	}
	if first, _ := utf8.DecodeRune(start); !unicode.IsLetter(first) {
		return nil, false
	}
	if digits == 0 && isYAMLWord(s) {
		return nil, false
	}
	space := false
	for _, r := range string(s) {
		switch {
		case r == ' ':
			if space {
				return nil, false
			}
			space = true
			continue
		case r == ':' || r == '#' || r == '[' || r == ']' || r == '{' || r == '}' || inList && r == ',':
			return nil, false
		case r == utf8.RuneError: // Parse refuses a file that is not UTF-8.
			return nil, false
		case !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsNumber(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r):
			return nil, false
		}
		space = false
	}
	return string(s), true
}

// isYAMLWord reports a word that YAML, in one version or another, reads
// as true, false or nothing rather than as text.
func isYAMLWord(s []byte) bool {
	if len(s) > 5 {
		return false
	}
	switch string(bytes.ToLower(s)) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return true
	}
	return false
}
