package metadata

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"coachbook/generator/diag"

	yaml "go.yaml.in/yaml/v3"
)

// The YAML library says what its grammar expected ("mapping values are
// not allowed in this context"), at a line that is often not the one
// written wrong, and without a column. The people who write frontmatter
// make a handful of mistakes; findYAMLMistake reads the lines of a block
// the library refused, as an author would, and names the first of these
// mistakes, at its line and column, with the fix:
//
//	library's words                                   mistake
//	mapping values are not allowed in this context    ": " in a value; a key indented under a value
//	found unexpected end of stream                    a quote never closed
//	did not find expected key                         text after a closing quote; [ or { starting a value;
//	                                                  indentation that matches no line above
//	found a tab character that violates indentation   a tab in the indentation
//	found character that cannot start any token       a tab; a value starting with @, ` or %
//	did not find expected alphabetic or numeric …     a value starting with * or &
//	did not find expected comment or line break       a value starting with | or >
//	did not find expected ',' or ']' (or '}')         a list or mapping never closed
//	could not find expected ':'                       a line that is not key: value
//	block sequence entries are not allowed …          "key: - item" on one line
//	did not find expected hexdecimal number;          a backslash in double quotes
//	found unknown escape character
//
// Anything else keeps the library's words, at its line (yamlError).
// TestYAMLMistakes has a case for each row.

// yamlMistake is a mistake at a line and column of a file, both from 1.
type yamlMistake struct {
	line, col int
	msg       string
}

// blockLine is one line of a frontmatter block as findYAMLMistake reads it.
type blockLine struct {
	n      int    // in the file
	text   string // without its line break
	indent int    // bytes of leading spaces
}

// col is the column, from 1, of the byte offset i of the line.
func (l blockLine) col(i int) int { return utf8.RuneCountInString(l.text[:i]) + 1 }

// findYAMLMistake returns the first mistake of the list above in block,
// whose first line is line firstLine of its file, or false when it finds
// none.
func findYAMLMistake(block []byte, firstLine int) (yamlMistake, bool) {
	var lines []blockLine
	for i, text := range strings.Split(string(block), "\n") {
		text = strings.TrimSuffix(text, "\r")
		lines = append(lines, blockLine{n: firstLine + i, text: text, indent: len(text) - len(strings.TrimLeft(text, " "))})
	}
	r := mistakeReader{lines: lines}
	return r.find()
}

type mistakeReader struct {
	lines []blockLine
	// levels are the columns (in bytes) where the keys and list items of
	// the blocks open at the current line start, outermost first.
	levels []int
	// started is set once a line held a key or an item; prevKey is the
	// last key, and prevOpens whether the last such line opened a block
	// (a key without a value, or a bare "-").
	started   bool
	prevKey   string
	prevOpens bool
}

// placement is where checkIndent finds a line belongs.
type placement int

const (
	fitsABlock placement = iota // among the blocks open above it
	continues                   // in the value of the line above
	misplaced                   // nowhere: a mistake
)

func (r *mistakeReader) find() (yamlMistake, bool) {
	for i := 0; i < len(r.lines); i++ {
		l := r.lines[i]
		content := strings.TrimSpace(l.text)
		if content == "" || strings.HasPrefix(content, "#") {
			continue
		}
		if tab := strings.IndexByte(l.text[:len(l.text)-len(strings.TrimLeft(l.text, " \t"))], '\t'); tab >= 0 {
			return yamlMistake{l.n, l.col(tab), "YAML does not allow tabs for indentation; use spaces"}, true
		}
		switch m, where := r.checkIndent(l); where {
		case misplaced:
			return m, true
		case continues:
			continue
		}
		end, m, found := r.readEntry(i)
		if found {
			return m, true
		}
		i = end
	}
	return yamlMistake{}, false
}

// checkIndent places l among the blocks open above it, returning the
// mistake when it is misplaced.
func (r *mistakeReader) checkIndent(l blockLine) (yamlMistake, placement) {
	if !r.started {
		return yamlMistake{}, fitsABlock
	}
	deepest := r.levels[len(r.levels)-1]
	if l.indent > deepest {
		if r.prevOpens {
			return yamlMistake{}, fitsABlock
		}
		if key, _, ok := splitKey(strings.TrimSpace(l.text)); ok && !strings.HasPrefix(strings.TrimSpace(l.text), "- ") {
			return yamlMistake{l.n, l.col(l.indent), fmt.Sprintf("%s: is indented more than %s: above, so YAML reads it as part of the %s; start it in the same column as %s:", key, r.prevKey, r.prevKey, r.prevKey)}, misplaced
		}
		return yamlMistake{}, continues
	}
	for len(r.levels) > 0 && r.levels[len(r.levels)-1] > l.indent {
		r.levels = r.levels[:len(r.levels)-1]
	}
	if len(r.levels) > 0 && r.levels[len(r.levels)-1] != l.indent {
		spaces := "spaces"
		if l.indent == 1 {
			spaces = "space"
		}
		return yamlMistake{l.n, l.col(l.indent), fmt.Sprintf("this line is indented by %d %s, which matches no line above it; YAML groups lines by their indentation: line it up with the lines it belongs with", l.indent, spaces)}, misplaced
	}
	return yamlMistake{}, fitsABlock
}

// readEntry reads the key or list item starting on line i and its value,
// returning the index of the value's last line.
func (r *mistakeReader) readEntry(i int) (int, yamlMistake, bool) {
	l := r.lines[i]
	r.started = true
	r.levels = appendLevel(r.levels, l.indent)
	at := l.indent
	// "- " items, perhaps several on a line, each a level of its own.
	for strings.HasPrefix(l.text[at:], "- ") || l.text[at:] == "-" {
		at++
		for at < len(l.text) && l.text[at] == ' ' {
			at++
		}
		r.levels = appendLevel(r.levels, at)
	}
	rest := l.text[at:]
	r.prevOpens = rest == ""
	if rest == "" {
		return i, yamlMistake{}, false
	}
	key, valueAt, isKey := splitKey(rest)
	if !isKey {
		if strings.HasPrefix(rest, "? ") || strings.HasPrefix(rest, ": ") || strings.HasPrefix(rest, "!") {
			// A complex key, its value, or a tag: rare, and left to
			// the library's words.
			return len(r.lines), yamlMistake{}, false
		}
		if at == l.indent {
			return i, yamlMistake{l.n, l.col(at), "this line is not key: value; write a key and a colon before it, or, if it goes on from the line above, indent it"}, true
		}
		key, valueAt = "item", 0 // A list item's value.
	} else {
		r.prevKey = key
	}
	valueAt += at
	for valueAt < len(l.text) && l.text[valueAt] == ' ' {
		valueAt++
	}
	value := l.text[valueAt:]
	if value == "" || strings.HasPrefix(value, "#") {
		r.prevOpens = true
		return i, yamlMistake{}, false
	}
	return r.readValue(i, key, valueAt)
}

func appendLevel(levels []int, at int) []int {
	if len(levels) > 0 && levels[len(levels)-1] == at {
		return levels
	}
	return append(levels, at)
}

// plainKey is a key as frontmatter writes them, before its colon.
var plainKey = regexp.MustCompile(`^([^\s"'#:\[\]{},&*!|>%@` + "`" + `-][^:#]*?|"[^"]*"|'[^']*')\s*:(\s|$)`)

// splitKey splits "key: value" into the key and the offset of what
// follows its colon.
func splitKey(s string) (string, int, bool) {
	m := plainKey.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0, false
	}
	key := strings.Trim(s[m[2]:m[3]], `"'`)
	return key, m[1], true
}

// readValue reads the value of key that starts at byte valueAt of line i.
func (r *mistakeReader) readValue(i int, key string, valueAt int) (int, yamlMistake, bool) {
	l := r.lines[i]
	value := l.text[valueAt:]
	mistake := func(at int, format string, args ...any) (int, yamlMistake, bool) {
		return i, yamlMistake{l.n, l.col(at), fmt.Sprintf(format, args...)}, true
	}
	written := strings.TrimSpace(stripComment(value))
	switch c := value[0]; c {
	case '"', '\'':
		return r.readQuoted(i, key, valueAt)
	case '@', '`', '%':
		return mistake(valueAt, "YAML does not allow a value to start with %c; put the %s in quotes: %s: %s", c, key, key, quoteYAML(written))
	case '*', '&':
		name, after, _ := strings.Cut(written[1:], " ")
		// An anchor names the value after it; an alias stands alone.
		if name == "" || c == '*' && strings.TrimSpace(after) != "" {
			what := "a reference to another value"
			if c == '&' {
				what = "a name for the value that follows"
			}
			return mistake(valueAt, "YAML reads a value that starts with %c as %s; put the %s in quotes: %s: %s", c, what, key, key, quoteYAML(written))
		}
	case '|', '>':
		if strings.TrimLeft(written[1:], "+-0123456789") != "" {
			return mistake(valueAt, "YAML reads a value that starts with %c as the start of a block of lines; put the %s in quotes: %s: %s", c, key, key, quoteYAML(written))
		}
		return r.skipBlockScalar(i), yamlMistake{}, false
	case '[', '{':
		return r.readFlow(i, key, valueAt)
	case '-':
		if strings.HasPrefix(value, "- ") {
			return mistake(valueAt, "a list item starts a line of its own; write %s: alone and the item on the next line, indented: %s", key, written)
		}
	}
	// A plain value: a colon followed by a space or the end of the line
	// would start a key.
	plain := stripComment(value)
	trimmed := strings.TrimRight(plain, " ")
	if colon := strings.Index(plain, ": "); colon >= 0 {
		return mistake(valueAt+colon, "the %s holds ': ', which YAML reads as another key; put the %s in quotes: %s: %s", key, key, key, quoteYAML(trimmed))
	}
	if strings.HasSuffix(trimmed, ":") {
		return mistake(valueAt+len(trimmed)-1, "the %s holds ':', which YAML reads as another key; put the %s in quotes: %s: %s", key, key, key, quoteYAML(trimmed))
	}
	return i, yamlMistake{}, false
}

// stripComment cuts a plain value's comment: a '#' after a space.
func stripComment(value string) string {
	if hash := strings.Index(value, " #"); hash >= 0 {
		return value[:hash]
	}
	return value
}

// quoteYAML writes s as a quoted YAML value: in double quotes, or in
// single ones when s holds a double quote or a backslash.
func quoteYAML(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// readQuoted reads a quoted value to its closing quote, which may be on
// a later line.
func (r *mistakeReader) readQuoted(i int, key string, valueAt int) (int, yamlMistake, bool) {
	open := r.lines[i]
	q := open.text[valueAt]
	unclosed := yamlMistake{open.n, open.col(valueAt), fmt.Sprintf("the quote opened at %d:%d is never closed; close it with %c at the end of the value", open.n, open.col(valueAt), q)}
	for j, from := i, valueAt+1; j < len(r.lines); j, from = j+1, 0 {
		l := r.lines[j]
		if j > i && l.indent <= r.levels[0] {
			if _, _, isKey := splitKey(strings.TrimSpace(l.text)); isKey {
				// The next key came before the quote closed.
				return j, unclosed, true
			}
		}
		for k := from; k < len(l.text); k++ {
			switch {
			case q == '"' && l.text[k] == '\\':
				if k+1 < len(l.text) && !validEscape(l.text[k+1:]) {
					return j, yamlMistake{l.n, l.col(k), fmt.Sprintf(`in double quotes a backslash starts an escape such as \n; write \\ for a backslash, or use single quotes: %s: %s`, key, "'"+strings.ReplaceAll(strings.Trim(strings.TrimSpace(stripComment(open.text[valueAt:])), `"`), "'", "''")+"'")}, true
				}
				k++
			case q == '\'' && l.text[k] == '\'' && k+1 < len(l.text) && l.text[k+1] == '\'':
				k++ // '' is a quote inside single quotes.
			case l.text[k] == q:
				after := strings.TrimSpace(l.text[k+1:])
				if after != "" && !strings.HasPrefix(after, "#") && !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, "]") && !strings.HasPrefix(after, "}") {
					whole := strings.TrimSpace(stripComment(l.text[valueAt:]))
					if j > i {
						whole = strings.TrimSpace(stripComment(l.text))
					}
					if strings.HasSuffix(whole, string(q)) && whole[0] == q {
						whole = whole[1 : len(whole)-1]
					}
					return j, yamlMistake{l.n, l.col(k), fmt.Sprintf("the quote closes before the end of the %s; put the whole %s in quotes: %s: %s", key, key, key, quoteYAML(whole))}, true
				}
				return j, yamlMistake{}, false
			}
		}
	}
	return len(r.lines), unclosed, true
}

// validEscape reports whether s, what follows a backslash in double
// quotes, is an escape YAML knows.
func validEscape(s string) bool {
	hex := map[byte]int{'x': 2, 'u': 4, 'U': 8}
	if n, ok := hex[s[0]]; ok {
		if len(s) < n+1 {
			return false
		}
		for _, c := range s[1 : n+1] {
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
		return true
	}
	return strings.IndexByte("0abt\tnvfre \"/\\N_LP", s[0]) >= 0
}

// readFlow reads a value in [ ] or { } to its closing bracket, which may
// be on a later line.
func (r *mistakeReader) readFlow(i int, key string, valueAt int) (int, yamlMistake, bool) {
	open := r.lines[i]
	what, closer := "list", byte(']')
	if open.text[valueAt] == '{' {
		what, closer = "mapping", '}'
	}
	depth := 0
	var quote byte
	for j, from := i, valueAt; j < len(r.lines); j, from = j+1, 0 {
		l := r.lines[j]
		for k := from; k < len(l.text); k++ {
			c := l.text[k]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '#' && k > 0 && l.text[k-1] == ' ':
				k = len(l.text)
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				depth--
				if depth > 0 {
					continue
				}
				after := strings.TrimSpace(stripComment(l.text[k+1:]))
				if after != "" && j == i {
					return j, yamlMistake{open.n, open.col(valueAt), fmt.Sprintf("YAML reads a value that starts with %c as a %s; put the %s in quotes: %s: %s", open.text[valueAt], what, key, key, quoteYAML(strings.TrimSpace(stripComment(open.text[valueAt:]))))}, true
				}
				return j, yamlMistake{}, false
			}
		}
	}
	return len(r.lines), yamlMistake{open.n, open.col(valueAt), fmt.Sprintf("the %s opened with %c at %d:%d is never closed; close it with %c", what, open.text[valueAt], open.n, open.col(valueAt), closer)}, true
}

// skipBlockScalar returns the last line of the block of lines that the
// value on line i opens: the lines after it indented more than its key.
func (r *mistakeReader) skipBlockScalar(i int) int {
	keyIndent := r.lines[i].indent
	last := i
	for j := i + 1; j < len(r.lines); j++ {
		l := r.lines[j]
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		if l.indent <= keyIndent {
			break
		}
		last = j
	}
	return last
}

// commentedOut reports the key k whose value v YAML read as empty because
// the author wrote it after " #", which starts a comment: accent: #7a3e9d.
// It looks into nested mappings too.
func (fm *Frontmatter) commentedOut(block []byte, dataLine int, k, v *yaml.Node) error {
	if v.Kind == yaml.MappingNode {
		var errs diag.List
		for i := 0; i+1 < len(v.Content); i += 2 {
			errs.Add(fm.commentedOut(block, dataLine, v.Content[i], v.Content[i+1]))
		}
		return errs.Err()
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" {
		return nil
	}
	lines := strings.Split(string(block), "\n")
	if k.Line < 1 || k.Line > len(lines) {
		return nil
	}
	text := []rune(strings.TrimSuffix(lines[k.Line-1], "\r"))
	at := k.Column - 1 + utf8.RuneCountInString(k.Value)
	for at < len(text) && text[at] != ':' {
		at++ // Past a quoted key's closing quote.
	}
	at++
	for at < len(text) && (text[at] == ' ' || text[at] == '\t') {
		at++
	}
	if at >= len(text) || text[at] != '#' {
		return nil
	}
	pos := diag.Position{File: fm.file, Line: dataLine + k.Line - 1, Col: at + 1}
	return diag.Errorf(pos, "%s: the value is empty because # starts a comment in YAML; put it in quotes: %s: %s", k.Value, k.Value, quoteYAML(strings.TrimSpace(string(text[at:]))))
}

// unknownAnchor reports the first *name in block, which refers to a value
// that no &name names: most likely a value that starts with a star.
func (fm *Frontmatter) unknownAnchor(block []byte, dataLine int, name string) error {
	pos := fm.open
	for i, text := range strings.Split(string(block), "\n") {
		if at := strings.Index(text, "*"+name); at >= 0 {
			pos = diag.Position{File: fm.file, Line: dataLine + i, Col: utf8.RuneCountInString(text[:at]) + 1}
			break
		}
	}
	return diag.Errorf(pos, "YAML reads *%s as a reference to a value named &%s, and there is none; if the star is part of the text, put the value in quotes", name, name)
}
