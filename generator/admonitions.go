package generator

import (
	"bytes"
	"regexp"

	"coachbook/generator/directive"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Docusaurus writes a callout's title after its name and a space,
// `:::tip Before you start`, as well as in brackets, `:::tip[Before you
// start]`. The directive parser takes the rest of such a line for a
// mistake, as it is for every other directive, so a page that holds one
// is read twice: the first parse finds which lines really open a callout
// (not those inside code, say), and the second reads the page with those
// titles blanked out, the same length so that every position stays
// where it was, and takes them as labels (admonitionTitles).

// titledCallout finds the lines that may be callouts titled after a
// space, so that the pages without one are parsed once.
var titledCallout = regexp.MustCompile(`(?m):{3,}[A-Za-z][A-Za-z0-9_-]*[ \t]+[^ \t\r\n\[{]`)

// withAdmonitionTitles returns the body with the title of each callout
// written `:::kind Title` blanked out, and records the titles in conv by
// the offset of their directive.
func (conv *converting) withAdmonitionTitles(md goldmark.Markdown, body []byte) []byte {
	if conv.layouts == nil || !titledCallout.Match(body) {
		return body
	}
	doc := md.Parser().Parse(text.NewReader(body), parser.WithContext(parser.NewContext(parser.WithIDs(newHeadingIDs()))))
	var blanked []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		d, ok := n.(*directive.Directive)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		start, end, ok := conv.titleAfterSpace(d, body)
		if !ok {
			return ast.WalkContinue, nil
		}
		if blanked == nil {
			blanked = bytes.Clone(body)
			conv.admonitionTitles = map[int]string{}
		}
		conv.admonitionTitles[d.Offset] = string(bytes.TrimSpace(body[start:end]))
		for i := start; i < end; i++ {
			blanked[i] = ' '
		}
		return ast.WalkContinue, nil
	})
	if blanked == nil {
		return body
	}
	return blanked
}

// titleAfterSpace returns where the title of a callout written `:::kind
// Title` lies in body: the parser reported the text after the name, and
// it is neither a [label] nor {attributes} after a stray space.
func (conv *converting) titleAfterSpace(d *directive.Directive, body []byte) (start, end int, ok bool) {
	if d.Err == nil || !d.Container || d.HasLabel || len(d.Attrs) > 0 || conv.layouts.kinds[d.Name] != "callouts" {
		return 0, 0, false
	}
	start = d.ErrOffset
	if start <= d.Offset || start >= len(body) || body[start] != ' ' && body[start] != '\t' {
		return 0, 0, false
	}
	end = start
	for end < len(body) && body[end] != '\n' && body[end] != '\r' {
		end++
	}
	title := bytes.TrimSpace(body[start:end])
	if len(title) == 0 || title[0] == '[' || title[0] == '{' {
		return 0, 0, false
	}
	return start, end, true
}

// admonitionLabels gives each callout written `:::kind Title` its title
// as its label, as if written `:::kind[Title]`.
type admonitionLabels struct{}

func (admonitionLabels) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*converting)
	if conv == nil || conv.admonitionTitles == nil {
		return
	}
	walkBlocks(doc, func(n ast.Node, entering bool) {
		if d, ok := n.(*directive.Directive); ok && entering {
			if title, titled := conv.admonitionTitles[d.Offset]; titled && !d.HasLabel {
				d.Label, d.HasLabel = title, true
			}
		}
	})
}
