package directive

import (
	"bytes"
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
		d.indent = max(pc.BlockIndent(), 0)
		return d, parser.HasChildren
	}
	return d, parser.NoChildren
}

// Continue implements parser.BlockParser: a container runs until a line of
// at least as many colons as opened it, unless that line is inside a fenced
// code block, which shows it as code. As in the reference, the content
// loses up to as many columns of space as the opening line had before
// its colons.
func (blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	d := node.(*Directive)
	if !d.Container {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if _, inCode := pc.LastOpenedBlock().Node.(*ast.FencedCodeBlock); !inCode && w < 4 {
		n := colons(line[pos:])
		if n >= d.fence && util.IsBlank(line[pos+n:]) {
			reader.AdvanceToEOL()
			d.closed = true
			return parser.Close
		}
	}
	if strip := min(w, d.indent); strip > 0 && !util.IsBlank(line) {
		if at, padding := util.IndentPosition(line, reader.LineOffset(), strip); at >= 0 {
			reader.AdvanceAndSetPadding(at, padding)
		}
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (blockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	d := node.(*Directive)
	// A container titled after a space (Rest) is malformed only where it
	// is not a callout; that it is never closed is the error either way.
	if !d.Container || d.closed || d.Err != nil && !errors.Is(d.Err, ErrTrailingText) {
		return
	}
	fence := strings.Repeat(":", d.fence)
	if code := openCodeIn(d, pc); code != nil {
		// The code block hid the closing fence; the fix is to close it.
		src := bytes.TrimLeft(reader.Source()[code.Pos():], " \t")
		codeFence := "```"
		if len(src) > 0 && (src[0] == '`' || src[0] == '~') {
			codeFence = string(src[:runOf(src, src[0])])
		}
		d.Err = fmt.Errorf("the code fence %s opened here is never closed, so the rest of %s%s, its closing %s too, is read as code: end the code with a line %s", codeFence, fence, d.Name, fence, codeFence)
		d.ErrOffset = code.Pos()
		return
	}
	d.ErrOffset = d.Offset
	for p := d.Parent(); p != nil; p = p.Parent() {
		if outer, ok := p.(*Directive); ok && outer.closed {
			// The outer container's fence ended this one too.
			d.Err = fmt.Errorf("%s%s is inside %s%s, so the outer one needs a longer fence: open and close it with %s:", fence, d.Name, strings.Repeat(":", outer.fence), outer.Name, strings.Repeat(":", outer.fence))
			return
		}
	}
	closing := "a line " + fence
	for p := d.Parent(); p != nil; p = p.Parent() {
		if _, inQuote := p.(*ast.Blockquote); inQuote {
			// A line without > has ended the quote, and the container with it.
			closing = "a line > " + fence + " inside the quote"
			break
		}
	}
	d.Err = fmt.Errorf("%s%s is never closed: end it with %s", fence, d.Name, closing)
}

// openCodeIn returns the fenced code block inside d that is still open
// while d closes, if any.
func openCodeIn(d *Directive, pc parser.Context) ast.Node {
	for _, b := range pc.OpenedBlocks() {
		if _, ok := b.Node.(*ast.FencedCodeBlock); !ok {
			continue
		}
		for p := b.Node.Parent(); p != nil; p = p.Parent() {
			if p == d {
				return b.Node
			}
		}
	}
	return nil
}

// CanInterruptParagraph implements parser.BlockParser.
func (blockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (blockParser) CanAcceptIndentedLine() bool { return false }

func colons(b []byte) int { return runOf(b, ':') }

// runOf counts the bytes c that b starts with.
func runOf(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
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
	i := scanName(line, n)
	if i == n {
		return nil
	}
	d := &Directive{Name: string(line[n:i]), Container: n >= 3, Offset: base, fence: n}
	fail := func(at int, err error) *Directive {
		d.Err, d.ErrOffset = err, base+at
		return d
	}
	failf := func(at int, format string, args ...any) *Directive {
		return fail(at, fmt.Errorf(format, args...))
	}
	if i < len(line) && line[i] == '[' {
		label, end, ok := scanLabel(line, i)
		if !ok {
			return failf(i, "the label of %s%s is never closed: add ]", line[:n], d.Name)
		}
		d.Label, d.HasLabel, i = label, true, end
	}
	hasAttrs := false
	if i < len(line) && line[i] == '{' {
		end, quote := scanBraces(line, i)
		switch {
		case quote >= 0:
			return failf(quote, "the quote opened here is never closed: close it with %c", line[quote])
		case end < 0:
			return failf(i, "the attributes of %s%s are never closed: add }", line[:n], d.Name)
		}
		attrs, err := ParseAttributes(string(line[i+1 : end]))
		if err != nil {
			var se *SyntaxError
			if errors.As(err, &se) {
				return failf(i+1+se.Offset, "%s", se.Msg)
			}
			return failf(i, "%v", err)
		}
		for k := range attrs {
			attrs[k].Offset += base + i + 1
		}
		d.Attrs, i, hasAttrs = attrs, end+1, true
	}
	rest := strings.TrimRight(string(line[i:]), " \t\r\n")
	words := strings.TrimLeft(rest, " \t")
	if words == "" {
		return d
	}
	spaced := len(words) < len(rest)
	switch {
	case spaced && !hasAttrs && words[0] == '{':
		after := "name"
		if d.HasLabel {
			after = "label"
		}
		return failf(i, "attributes must follow the %s with no space: write %s%s", after, line[:i], words)
	case spaced && !hasAttrs && !d.HasLabel && words[0] == '[':
		return failf(i, "a label must follow the name with no space: write %s%s", line[:i], words)
	case spaced && !hasAttrs && !d.HasLabel && d.Container:
		d.Rest, d.RestOffset = words, base+i+len(rest)-len(words)
	}
	return fail(i, trailingText(fmt.Sprintf("unexpected %q after %s%s: a directive's line holds only its name, [label] and {attributes}", words, line[:n], d.Name)))
}

// ErrTrailingText is what a Directive's Err wraps when words follow its
// name, label or attributes, as in Docusaurus' ":::tip Some title".
var ErrTrailingText = errors.New("words after a directive")

type trailingText string

func (e trailingText) Error() string        { return string(e) }
func (e trailingText) Is(target error) bool { return target == ErrTrailingText }

// scanLabel reads a [label] starting at line[start], allowing nested
// brackets. As in the reference (dev/lib/factory-label.js), a backslash
// keeps a bracket from opening or closing; the label's text then decodes
// as CommonMark text does, escapes and character references.
func scanLabel(line []byte, start int) (label string, end int, ok bool) {
	depth := 0
	for i := start; i < len(line); i++ {
		switch line[i] {
		case '\\':
			if i+1 < len(line) && strings.IndexByte(`[]\\`, line[i+1]) >= 0 {
				i++
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return decodeText(string(line[start+1:i]), true), i + 1, true
			}
		case '\n', '\r':
			return "", 0, false
		}
	}
	return "", 0, false
}

// scanBraces finds the } that closes the { at line[start], skipping quoted
// values. When the line ends first, it returns -1 and, if a quote is
// still open, where that quote is, else -1.
func scanBraces(line []byte, start int) (end, openQuote int) {
	openQuote = -1
	for i := start + 1; i < len(line); i++ {
		c := line[i]
		switch {
		case openQuote >= 0 && c == '\\' && i+1 < len(line) && isASCIIPunctuation(line[i+1]):
			i++
		case openQuote >= 0 && c == line[openQuote]:
			openQuote = -1
		case openQuote >= 0:
		case c == '"' || c == '\'':
			openQuote = i
		case c == '}':
			return i, -1
		}
	}
	return -1, openQuote
}
