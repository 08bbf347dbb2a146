package scriptfree

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// cssRisks are the ways CSS has run script, as they read once comments,
// escapes and white space are gone and letters are in lower case. Current
// browsers run none of them, but a file published on the site's origin
// is opened by whatever browser a client has.
var cssRisks = []struct{ text, why string }{
	{"javascript:", "CSS with a javascript: address can run script"},
	{"vbscript:", "CSS with a vbscript: address can run script"},
	{"livescript:", "CSS with a livescript: address can run script"},
	{"expression(", "a CSS expression() runs script in old browsers"},
	{"-moz-binding", "-moz-binding attaches script in old browsers"},
	{"behavior:", "a CSS behavior attaches script in old browsers"},
}

// css checks style sheet text; at maps a byte index of text to its offset
// in the file.
func (c *checker) css(text string, at func(int) int) {
	norm, from := normalizeCSS(text)
	for _, risk := range cssRisks {
		for i := 0; ; {
			j := strings.Index(norm[i:], risk.text)
			if j < 0 {
				break
			}
			c.report(at(from[i+j]), risk.why)
			i += j + len(risk.text)
		}
	}
}

// normalizeCSS returns text as the risks are matched against it, and for
// each of its bytes the index in text it came from.
func normalizeCSS(text string) (string, []int) {
	var b strings.Builder
	var from []int
	add := func(r rune, at int) {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		n := b.Len()
		b.WriteRune(r)
		for ; n < b.Len(); n++ {
			from = append(from, at)
		}
	}
	for i := 0; i < len(text); {
		switch ch := text[i]; {
		case strings.HasPrefix(text[i:], "/*"):
			end := strings.Index(text[i+2:], "*/")
			if end < 0 {
				i = len(text)
			} else {
				i += 2 + end + 2
			}
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f':
			i++
		case ch == '\\':
			r, size := cssEscape(text[i+1:])
			if r >= 0 {
				add(r, i)
			}
			i += 1 + size
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			add(r, i)
			i += size
		}
	}
	return b.String(), from
}

// cssEscape reads the escape after a backslash: up to six hex digits and
// one white space, a line break (which is dropped, -1), or any character.
func cssEscape(s string) (r rune, size int) {
	hex := 0
	for hex < len(s) && hex < 6 && strings.IndexByte("0123456789abcdefABCDEF", s[hex]) >= 0 {
		hex++
	}
	if hex > 0 {
		n, _ := strconv.ParseUint(s[:hex], 16, 32)
		size = hex
		if size < len(s) && strings.IndexByte(" \t\n\r\f", s[size]) >= 0 {
			size++
		}
		if n == 0 || n > utf8.MaxRune {
			return utf8.RuneError, size
		}
		return rune(n), size
	}
	if len(s) == 0 {
		return -1, 0
	}
	if s[0] == '\n' || s[0] == '\r' || s[0] == '\f' {
		return -1, 1
	}
	r, size = utf8.DecodeRuneInString(s)
	return r, size
}
