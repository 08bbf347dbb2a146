package generator

import (
	"coachbook/generator/directive"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// exerciseLevels gives each directive the heading level its title takes:
// an exercise's title goes one level below the heading before it, and
// below the exercise around it. It runs after headingTransformer, so that
// it sees the headings' levels as the page shows them.
type exerciseLevels struct{}

func (exerciseLevels) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*converting)
	if conv == nil {
		return
	}
	last, open := 1, []int{}
	walkBlocks(doc, func(n ast.Node, entering bool) {
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				last = n.Level
			}
		case *directive.Directive:
			if !entering {
				if n.Container {
					open = open[:len(open)-1]
				}
				break
			}
			level := last + 1
			if len(open) > 0 {
				level = max(level, open[len(open)-1]+1)
			}
			conv.levels[n] = level
			if n.Container {
				open = append(open, level)
			}
		}
	})
}
