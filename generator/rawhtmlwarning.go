package generator

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// droppedHTMLWarning says, once a page, what raw HTML and JSX the page
// leaves out while the site does not allow HTML, and how to keep it: a
// page brought from Docusaurus or GitHub would otherwise lose its
// <details> or <Tabs> without a word. It names the tags as written, at
// the first of them; comments, which show nothing, go without a warning.
type droppedHTMLWarning struct{}

// tagName reads a start tag's name as written, JSX's capitals included,
// which the HTML tokenizer would lowercase.
var tagName = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9._:-]*)`)

func (droppedHTMLWarning) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*converting)
	if conv == nil {
		return
	}
	source := reader.Source()
	var names []string
	seen := map[string]bool{}
	first := -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		src, toBody := rawHTMLSource(n, source)
		if src == nil {
			return ast.WalkContinue, nil
		}
		z := html.NewTokenizer(bytes.NewReader(src))
		for off := 0; ; {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			raw := z.Raw()
			at := off
			off += len(raw)
			m := tagName.FindSubmatch(raw)
			if m == nil || tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			if first < 0 {
				first = toBody(at)
			}
			if name := string(m[1]); !seen[name] {
				seen[name] = true
				names = append(names, "<"+name+">")
			}
		}
		return ast.WalkContinue, nil
	})
	if first >= 0 {
		conv.warn(conv.pos(first), "raw HTML is left out (%s); set allowHTML: true in content/_index.md to keep it", someOf(names, 2))
	}
}

// someOf lists the first n of names and counts the rest: "<a>, <b> and
// 3 more", or all of them when they are few.
func someOf(names []string, n int) string {
	if len(names) <= n+1 {
		if len(names) == 1 {
			return names[0]
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}
