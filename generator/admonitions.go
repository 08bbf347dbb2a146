package generator

import (
	"errors"

	"coachbook/generator/directive"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// admonitionLabels gives each callout written in Docusaurus' way, with
// its title after the name and a space (`:::tip Before you start`), that
// title as its label, as if written `:::tip[Before you start]`. The
// directive parser keeps such a title in Rest and marks the line as
// malformed, as it is for every directive but a callout.
type admonitionLabels struct{}

func (admonitionLabels) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*converting)
	if conv == nil || conv.layouts == nil {
		return
	}
	walkBlocks(doc, func(n ast.Node, entering bool) {
		d, ok := n.(*directive.Directive)
		if ok && entering && d.Rest != "" && errors.Is(d.Err, directive.ErrTrailingText) && conv.layouts.kinds[d.Name] == "callouts" {
			d.Label, d.HasLabel, d.Err = d.Rest, true, nil
		}
	})
}
