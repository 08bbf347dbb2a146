package generator

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// An MDX page for Docusaurus opens with the import lines of the JSX
// components it uses: `import Tabs from '@theme/Tabs';`. Without the
// components they mean nothing, and Markdown would show them as a
// paragraph, so the paragraphs at the top of the body made only of such
// lines are left out. The components themselves are raw HTML, which the
// page leaves out with a warning (droppedHTMLWarning) unless allowHTML.
type mdxImports struct{}

// mdxImportLine matches an import line: `import X from 'module';`,
// `import {A, B} from "module"` or `import 'module';`.
var mdxImportLine = regexp.MustCompile(`^import\s+(?:[\w$*{}\s,]+\s+from\s+)?(?:'[^']*'|"[^"]*")\s*;?\s*$`)

func (mdxImports) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	for n := doc.FirstChild(); n != nil; {
		p, ok := n.(*ast.Paragraph)
		if !ok || !allLines(p, source, mdxImportLine) {
			return
		}
		n = n.NextSibling()
		doc.RemoveChild(doc, p)
	}
}

// allLines reports whether every line of block b matches re.
func allLines(b ast.Node, source []byte, re *regexp.Regexp) bool {
	lines := b.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if !re.Match(seg.Value(source)) {
			return false
		}
	}
	return lines.Len() > 0
}
