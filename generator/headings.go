package generator

import (
	"strconv"
	"strings"
	"unicode"

	"coachbook/generator/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// headingTransformer keeps the page title the page's only h1: when the
// body uses a level-one heading anywhere, every heading moves one level
// down. It also keeps only the id and class of a heading's {attributes},
// since inline styles break the site's Content-Security-Policy, and reports
// an ID that is reserved or used twice.
type headingTransformer struct{}

func (headingTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	var headings []*ast.Heading
	demote := false
	walkBlocks(doc, func(n ast.Node, entering bool) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			demote = demote || h.Level == 1
		}
	})
	for _, h := range headings {
		if demote && h.Level < 6 {
			h.Level++
		}
		attrs := h.Attributes()
		h.RemoveAttributes()
		for _, attr := range attrs {
			if name := string(attr.Name); name == "id" || name == "class" {
				h.SetAttribute(attr.Name, attr.Value)
			}
		}
	}
	conv, _ := pc.Get(pageKey).(*converting)
	if conv == nil {
		return
	}
	seen := map[string]diag.Position{}
	for _, h := range headings {
		id, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		v, _ := id.([]byte)
		pos := conv.nodePos(h, nil)
		// Generated IDs avoid these and each other, so only an author's
		// {#id} can hit one.
		if reserved, why := reservedID(string(v)); reserved {
			conv.errs.Add(diag.Errorf(pos, "heading ID %q %s; choose another", v, why))
		} else if first, dup := seen[string(v)]; dup {
			conv.errs.Add(diag.Errorf(pos, "heading ID %q is already the ID of the heading at %s; links to it would find that one", v, first))
		} else {
			seen[string(v)] = pos
		}
	}
}

// walkBlocks visits the block nodes of doc, not the inline text inside
// them: most of a document's nodes are inline, and headings and
// directives are blocks.
func walkBlocks(doc *ast.Document, visit func(n ast.Node, entering bool)) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		visit(n, entering)
		if c := n.FirstChild(); entering && c != nil && c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// headingIDs makes heading IDs from their text in any script, unlike
// goldmark's default, which keeps only ASCII letters. IDs the layouts use
// are reserved so a heading such as "Main" cannot clash with them.
type headingIDs struct {
	used map[string]bool
	// next is the suffix to try first for each base, so that a page of n
	// headings with the same text takes n steps, not n².
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	h := &headingIDs{used: map[string]bool{}, next: map[string]int{}}
	for _, id := range reservedIDs {
		h.used[id] = true
	}
	return h
}

// Generate returns a unique ID for a heading's text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := hyphenate(string(value), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if base == "" {
		base = "section"
	}
	if reservedPrefix(base) != "" {
		base = "section-" + base
	}
	id := base
	for h.used[id] {
		h.next[base]++
		id = base + "-" + strconv.Itoa(h.next[base])
	}
	h.used[id] = true
	return []byte(id)
}

// hyphenate lowercases text and keeps the runs of characters that keep
// accepts, joined by single hyphens: "Été à Zürich!" becomes "été-à-zürich".
func hyphenate(text string, keep func(rune) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if !keep(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		dash = false
	}
	return b.String()
}

// Put records an ID the author set with {#id}.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
