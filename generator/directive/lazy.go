package directive

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// lazyGuard keeps a line from being continued lazily into a container
// directive, as the reference does (test/index.js, "should not support
// lazyness"): in
//
//	> :::note
//	> Inside.
//	Outside.
//
// "Outside." ends the quote and the container instead of joining
// "Inside.". goldmark continues a paragraph lazily when a block around it
// does not go on and no block opens on the line; the guard runs just
// before goldmark's paragraph parser and, when a container directive lies
// between that paragraph and the block the line is in, opens a new
// paragraph there instead. Paragraphs it opens are ordinary ones, which
// it continues and closes as goldmark's paragraph parser does.
type lazyGuard struct {
	parser.BlockParser // goldmark's paragraph parser
}

func newLazyGuard() lazyGuard { return lazyGuard{parser.NewParagraphParser()} }

// Trigger implements parser.BlockParser: every line may be lazy.
func (lazyGuard) Trigger() []byte {
	all := make([]byte, 0, 255)
	for c := 0; c < 256; c++ {
		if c != '\n' {
			all = append(all, byte(c))
		}
	}
	return all
}

// Open implements parser.BlockParser.
func (g lazyGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	para, ok := pc.LastOpenedBlock().Node.(*ast.Paragraph)
	if !ok || para.Parent() == parent {
		return nil, parser.NoChildren
	}
	if _, inList := parent.(*ast.List); inList {
		// A list holds only items; goldmark ends the list itself first.
		return nil, parser.NoChildren
	}
	for n := para.Parent(); n != nil && n != parent; n = n.Parent() {
		if d, ok := n.(*Directive); ok && d.Container {
			return g.BlockParser.Open(parent, reader, pc)
		}
	}
	return nil, parser.NoChildren
}

// CanInterruptParagraph implements parser.BlockParser: the guard must run
// where goldmark would otherwise continue the paragraph.
func (lazyGuard) CanInterruptParagraph() bool { return true }
