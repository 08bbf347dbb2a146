package directive

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads text the way CommonMark and the reference
// implementation, micromark-extension-directive, do: names are letters,
// digits and marks of any script, a backslash escapes only ASCII
// punctuation, and character references such as &amp; decode.

// isPunctuation is CommonMark's Unicode punctuation: the P and S classes.
func isPunctuation(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// isNameRune tells a rune that may continue a directive's name: anything
// but whitespace and punctuation, except - and _.
func isNameRune(r rune) bool {
	return r == '-' || r == '_' || !unicode.IsSpace(r) && !isPunctuation(r)
}

// scanName reads a directive's name at b[start:] and returns where it
// ends, or start when there is none. As in the reference
// (dev/lib/factory-name.js), a name starts with neither - nor _ and may
// not end with them either.
func scanName(b []byte, start int) int {
	i := start
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if !isNameRune(r) || i == start && (r == '-' || r == '_') {
			break
		}
		i += size
	}
	if i > start && (b[i-1] == '-' || b[i-1] == '_') {
		return start
	}
	return i
}

// isAttrNameRune tells a rune that may continue an attribute's name:
// a name's runes and also . and :, as in data.x or xml:lang.
func isAttrNameRune(r rune) bool { return isNameRune(r) || r == '.' || r == ':' }

// isASCIIPunctuation tells the characters a backslash escapes.
func isASCIIPunctuation(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// decodeText decodes the character references in s and, when escapes is
// set, its backslash escapes; a backslash before anything but ASCII
// punctuation stays, as in CommonMark, so C:\Users keeps its backslash.
func decodeText(s string, escapes bool) string {
	if !strings.ContainsAny(s, `&\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && escapes && i+1 < len(s) && isASCIIPunctuation(s[i+1]):
			i++
			b.WriteByte(s[i])
		case c == '&':
			if text, n := characterReference(s[i:]); n > 0 {
				b.WriteString(text)
				i += n - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// characterReference decodes the reference at the start of s, which
// starts with &, and returns its text and length, or a length of 0 when
// s starts with none. As in CommonMark, a reference ends with ;, a named
// one must be an HTML entity, and a number that is no character is
// U+FFFD.
func characterReference(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 {
		return "", 0
	}
	body := s[1:end]
	if body[0] == '#' {
		digits, base, most := body[1:], 10, 7
		if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base, most = digits[1:], 16, 6
		}
		if digits == "" || len(digits) > most {
			return "", 0
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil || strings.ContainsAny(digits, "+-_") {
			return "", 0
		}
		r := rune(n)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for _, c := range []byte(body) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return "", 0
		}
	}
	// html.UnescapeString also reads a known prefix of an unknown name,
	// "&notin;" but "&notit;" as "¬it;", which leaves the rest and the ;
	// in place: only a whole entity decodes to text without them.
	ref := s[:end+1]
	text := html.UnescapeString(ref)
	if text == ref || strings.HasSuffix(text, ";") && body != "semi" {
		return "", 0
	}
	return text, end + 1
}

// quoteRune writes the rune at s[i:] in quotes for a message, so that a
// non-ASCII character shows whole rather than as its first byte.
func quoteRune(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError {
		return strconv.Quote(s[i : i+size])
	}
	return strconv.Quote(string(r))
}

// curlyQuotes are the quotes word processors type for ".
const curlyQuotes = "“”„‟‘’‚‛«»"
