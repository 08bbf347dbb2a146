package generator

import (
	"bytes"
	"strings"

	"coachbook/generator/directive"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alertCallouts are GitHub's alerts and the callouts they become. GitHub
// shows IMPORTANT in a colour of its own, and "Important" says more than
// "Info", so it is a callout of its own; CAUTION is GitHub's red one,
// which is a danger.
var alertCallouts = map[string]string{
	"NOTE":      "note",
	"TIP":       "tip",
	"IMPORTANT": "important",
	"WARNING":   "warning",
	"CAUTION":   "danger",
}

// alerts is a goldmark extension for GitHub's alerts: a block quote whose
// first line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION],
// in any case, becomes the callout of that kind, as if written :::note
// … :::, and renders through its layout.
type alerts struct{}

// Extend implements goldmark.Extender.
func (alerts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alertTransformer{}, 40)))
}

// alertTransformer turns the block quotes that are alerts into callout
// directives. It runs before the transformers that read directives.
type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var quotes []*ast.Blockquote
	walkBlocks(doc, func(n ast.Node, entering bool) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
	})
	for _, q := range quotes {
		first, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || first.Lines().Len() == 0 {
			continue
		}
		marker := first.Lines().At(0)
		kind, ok := alertKind(marker.Value(source))
		if !ok || first.Lines().Len() == 1 && first.NextSibling() == nil {
			continue // GitHub shows an alert with nothing in it as a quote.
		}
		d := &directive.Directive{Name: kind, Container: true, Offset: marker.Start}
		dropFirstLine(first, marker)
		if first.Lines().Len() == 0 {
			q.RemoveChild(q, first)
		}
		for c := q.FirstChild(); c != nil; c = q.FirstChild() {
			q.RemoveChild(q, c)
			d.AppendChild(d, c)
		}
		q.Parent().ReplaceChild(q.Parent(), q, d)
	}
}

// alertKind reads an alert's marker line, such as "[!NOTE]", and returns
// the callout it makes. The marker stands alone on its line, as GitHub
// wants it.
func alertKind(line []byte) (string, bool) {
	line = bytes.TrimSpace(line)
	if !bytes.HasPrefix(line, []byte("[!")) || !bytes.HasSuffix(line, []byte("]")) {
		return "", false
	}
	kind, ok := alertCallouts[strings.ToUpper(string(line[2:len(line)-1]))]
	return kind, ok
}

// dropFirstLine removes a paragraph's first line, marker, with the inline
// nodes it holds and the line break after it.
func dropFirstLine(p *ast.Paragraph, marker text.Segment) {
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= marker.Stop {
			break
		}
		p.RemoveChild(p, c)
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
		c = next
	}
	lines := text.NewSegments()
	for i := 1; i < p.Lines().Len(); i++ {
		lines.Append(p.Lines().At(i))
	}
	p.SetLines(lines)
}
