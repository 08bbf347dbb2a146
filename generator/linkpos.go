package generator

import (
	"bytes"

	"coachbook/generator/diag"

	"github.com/yuin/goldmark/ast"
)

// closingSlack is how much closing markup may stand between a link's last
// text and its "](", as in [**bold**](x).
const closingSlack = 8

// searchSlack is how far after the last link of a block a link with no
// text is looked for.
const searchSlack = 4096

// linkCursor remembers where the last link of a block was found, for links
// whose text gives no position.
type linkCursor struct {
	block ast.Node
	off   int
	// scanned counts the bytes looked at, so a test can tell that finding
	// positions stays linear in the size of the page.
	scanned int
}

// linkPos finds where a link's destination is written. Inline nodes carry
// no position, but the text inside them does: an inline link's
// destination follows its text and "](", and a reference link is placed
// at its text. A link with no text is looked for after the link before it.
// Each search looks only at the link's own stretch of source, so a page
// of many links on one line costs as much as its length.
func (conv *converting) linkPos(body []byte, n ast.Node, raw string) diag.Position {
	if a, ok := n.(*ast.AutoLink); ok {
		return conv.pos(offsetIn(body, a.Label(body)))
	}
	block := enclosingBlock(n)
	if conv.cursor.block != block {
		conv.cursor = linkCursor{block: block, scanned: conv.cursor.scanned}
		if block != nil && block.Lines().Len() > 0 {
			conv.cursor.off = block.Lines().At(0).Start
		}
	}
	var off int
	if first, last := textOf(n, true), textOf(n, false); first != nil {
		off = max(first.Segment.Start-1, 0)
		if dest := conv.destinationAfter(body, last.Segment.Stop, closingSlack); dest >= 0 {
			off = dest
		}
	} else {
		off = conv.cursor.off
		window := body[off:min(len(body), off+searchSlack)]
		conv.cursor.scanned += len(window)
		if i := bytes.Index(window, []byte("]("+raw)); i >= 0 {
			off += i + 2
		}
	}
	conv.cursor.off = max(conv.cursor.off, off)
	return conv.pos(off)
}

// destinationAfter returns where an inline link's destination starts,
// given where its text ends: after "](" within slack bytes, blanks, line
// breaks and "<". It returns -1 when no "](" follows, as for a reference
// link.
func (conv *converting) destinationAfter(body []byte, end, slack int) int {
	window := body[end:min(len(body), end+slack+2)]
	conv.cursor.scanned += len(window)
	i := bytes.Index(window, []byte("]("))
	if i < 0 {
		return -1
	}
	off := end + i + 2
	for off < len(body) && (body[off] == ' ' || body[off] == '\t' || body[off] == '\n' || body[off] == '\r' || body[off] == '<') {
		off++
		conv.cursor.scanned++
	}
	return off
}

// enclosingBlock is the block that holds an inline node.
func enclosingBlock(n ast.Node) ast.Node {
	block := n.Parent()
	for block != nil && (block.Type() != ast.TypeBlock || block.Lines().Len() == 0) {
		block = block.Parent()
	}
	return block
}

// textOf returns the first (or last) text inside n, if any.
func textOf(n ast.Node, first bool) *ast.Text {
	c := n.FirstChild()
	if !first {
		c = n.LastChild()
	}
	for ; c != nil; c = next(c, first) {
		if t, ok := c.(*ast.Text); ok {
			return t
		}
		if t := textOf(c, first); t != nil {
			return t
		}
	}
	return nil
}

func next(n ast.Node, forward bool) ast.Node {
	if forward {
		return n.NextSibling()
	}
	return n.PreviousSibling()
}

// offsetIn returns where part, a slice of body, starts in it.
func offsetIn(body, part []byte) int {
	off := cap(body) - cap(part)
	if off < 0 || off > len(body) {
		return 0
	}
	return off
}
