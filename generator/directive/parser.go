package directive

import (
	"errors"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParser parses leaf and container directives.
type blockParser struct {
	known func(name string) bool
}

// Trigger implements parser.BlockParser.
func (blockParser) Trigger() []byte { return []byte{':'} }

// Open implements parser.BlockParser.
func (b blockParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) || line[pos] != ':' {
		return nil, parser.NoChildren
	}
	// A tab before the colons counts as padding that the segment skips.
	d := parseLine(line[pos:], seg.Start-seg.Padding+pos)
	if d == nil || d.Err != nil && b.known != nil && !b.known(d.Name) {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	if d.Container {
		return d, parser.HasChildren
	}
	return d, parser.NoChildren
}

// Continue implements parser.BlockParser: a container runs until a line of
// at least as many colons as opened it, unless that line is inside a fenced
// code block, which shows it as code.
func (blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	d := node.(*Directive)
	if !d.Container {
		return parser.Close
	}
	if _, inCode := pc.LastOpenedBlock().Node.(*ast.FencedCodeBlock); inCode {
		return parser.Continue | parser.HasChildren
	}
	line, _ := reader.PeekLine()
	if w, pos := util.IndentWidth(line, reader.LineOffset()); w < 4 {
		n := colons(line[pos:])
		if n >= d.fence && util.IsBlank(line[pos+n:]) {
			reader.AdvanceToEOL()
			d.closed = true
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (blockParser) Close(node ast.Node, _ text.Reader, _ parser.Context) {
	d := node.(*Directive)
	if !d.Container || d.closed || d.Err != nil {
		return
	}
	fence := strings.Repeat(":", d.fence)
	d.ErrOffset = d.Offset
	for p := d.Parent(); p != nil; p = p.Parent() {
		if outer, ok := p.(*Directive); ok && outer.closed {
			// The outer container's fence ended this one too.
			d.Err = fmt.Errorf("%s%s is inside %s%s, so the outer one needs a longer fence: open and close it with %s:", fence, d.Name, strings.Repeat(":", outer.fence), outer.Name, strings.Repeat(":", outer.fence))
			return
		}
	}
	d.Err = fmt.Errorf("%s%s is never closed: end it with a line %s", fence, d.Name, fence)
}

// CanInterruptParagraph implements parser.BlockParser.
func (blockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (blockParser) CanAcceptIndentedLine() bool { return false }

func colons(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ':' {
		n++
	}
	return n
}

// parseLine parses a directive's opening line, which starts with colons,
// at byte offset base. It returns nil when the line names no directive.
func parseLine(line []byte, base int) *Directive {
	n := colons(line)
	if n < 2 {
		return nil
	}
	i := n
	for i < len(line) && (isLetter(line[i]) || i > n && (isDigit(line[i]) || line[i] == '-' || line[i] == '_')) {
		i++
	}
	if i == n {
		return nil
	}
	d := &Directive{Name: string(line[n:i]), Container: n >= 3, Offset: base, fence: n}
	fail := func(at int, format string, args ...any) *Directive {
		d.Err, d.ErrOffset = fmt.Errorf(format, args...), base+at
		return d
	}
	if i < len(line) && line[i] == '[' {
		label, end, ok := scanLabel(line, i)
		if !ok {
			return fail(i, "the label of %s%s is never closed: add ]", line[:n], d.Name)
		}
		d.Label, d.HasLabel, i = label, true, end
	}
	if i < len(line) && line[i] == '{' {
		end, ok := scanBraces(line, i)
		if !ok {
			return fail(i, "the attributes of %s%s are never closed: add }", line[:n], d.Name)
		}
		attrs, err := ParseAttributes(string(line[i+1 : end]))
		if err != nil {
			var se *SyntaxError
			if errors.As(err, &se) {
				return fail(i+1+se.Offset, "%s", se.Msg)
			}
			return fail(i, "%v", err)
		}
		for k := range attrs {
			attrs[k].Offset += base + i + 1
		}
		d.Attrs, i = attrs, end+1
	}
	if rest := strings.TrimSpace(string(line[i:])); rest != "" {
		return fail(i, "unexpected %q after %s%s: a directive's line holds only its name, [label] and {attributes}", rest, line[:n], d.Name)
	}
	return d
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// scanLabel reads a [label] starting at line[start], allowing nested
// brackets and backslash escapes.
func scanLabel(line []byte, start int) (label string, end int, ok bool) {
	var b strings.Builder
	depth := 0
	for i := start; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && line[i+1] != '\n':
			i++
			b.WriteByte(line[i])
			continue
		case c == '[':
			depth++
			if depth == 1 {
				continue
			}
		case c == ']':
			depth--
			if depth == 0 {
				return b.String(), i + 1, true
			}
		case c == '\n' || c == '\r':
			return "", 0, false
		}
		b.WriteByte(c)
	}
	return "", 0, false
}

// scanBraces finds the } that closes the { at line[start], skipping quoted
// values.
func scanBraces(line []byte, start int) (int, bool) {
	var quote byte
	for i := start + 1; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		case c == '}':
			return i, true
		}
	}
	return 0, false
}

// SyntaxError is a malformed attribute list. Offset counts bytes from the
// start of the text that was parsed.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// ParseAttributes parses the text between a directive's { and }:
// #id, .class, key=value, key="quoted value", key='quoted value', and a
// bare key meaning true, except class, which is always a name. Each
// Attr's Offset counts from the start of s.
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
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return attrs, nil
		}
		start := i
		switch c := s[i]; {
		case c == '#' || c == '.':
			i++
			for i < len(s) && !isSpace(s[i]) && !strings.ContainsRune("#.=\"'{}", rune(s[i])) {
				i++
			}
			if i == start+1 {
				return nil, &SyntaxError{start, fmt.Sprintf("%q must be followed by a name", string(c))}
			}
			key := "id"
			if c == '.' {
				key = "class"
			}
			if err := add(key, s[start+1:i], false, start); err != nil {
				return nil, err
			}
		case isLetter(c) || c == '_':
			for i < len(s) && (isLetter(s[i]) || isDigit(s[i]) || strings.ContainsRune("_-:", rune(s[i]))) {
				i++
			}
			key := s[start:i]
			value, bare := "true", true
			if i < len(s) && s[i] == '=' {
				bare = false
				i++
				v, end, err := scanValue(s, i)
				if err != nil {
					return nil, err
				}
				value, i = v, end
			}
			if i < len(s) && !isSpace(s[i]) {
				return nil, &SyntaxError{i, fmt.Sprintf("unexpected %q in attribute %q: separate attributes with spaces", string(s[i]), key)}
			}
			if bare && key == "class" {
				// Joined to other classes, it would become the class "true".
				return nil, &SyntaxError{start, `class needs a value: write .name or class="name"`}
			}
			if err := add(key, value, bare, start); err != nil {
				return nil, err
			}
		default:
			return nil, &SyntaxError{start, fmt.Sprintf("unexpected %q: attributes are #id, .class, key=value or key=\"a value\"", string(c))}
		}
	}
}

// scanValue reads an attribute value at s[i]: quoted, or up to the next
// space.
func scanValue(s string, i int) (string, int, error) {
	if i >= len(s) || isSpace(s[i]) {
		return "", 0, &SyntaxError{i, "a value must follow '=': write key=value or key=\"a value\""}
	}
	if q := s[i]; q == '"' || q == '\'' {
		var b strings.Builder
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				if j+1 < len(s) {
					j++
					b.WriteByte(s[j])
				}
			case q:
				return b.String(), j + 1, nil
			default:
				b.WriteByte(s[j])
			}
		}
		return "", 0, &SyntaxError{i, fmt.Sprintf("the quoted value is never closed: add %c", q)}
	}
	j := i
	for j < len(s) && !isSpace(s[j]) && !strings.ContainsRune("\"'=<>`", rune(s[j])) {
		j++
	}
	if j < len(s) && !isSpace(s[j]) {
		return "", 0, &SyntaxError{j, fmt.Sprintf("unexpected %q in a value: put the value in quotes", string(s[j]))}
	}
	return s[i:j], j, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }
