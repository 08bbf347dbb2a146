package generator

import (
	"fmt"
	"html/template"
	"strings"

	"coachbook/generator/diag"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The runtime finds an exercise's fields and its status through the
// element that carries data-exercise="ID". The build owns that hook, so
// that a layout written without it still saves: it puts data-exercise on
// the outermost element of an exercise layout's output when the layout
// leaves it off, and reports a layout it cannot put the hook on.

// addExerciseHook returns an exercise's rendered layout with
// data-exercise="id" on its outermost element. The output must be one
// element holding the whole exercise; if that element already has a
// data-exercise, it must name id.
func addExerciseHook(out template.HTML, id string) (template.HTML, error) {
	// Most layouts, the built-in ones among them, write the hook
	// themselves: reading the first tag is then enough, and parsing every
	// exercise of a site would cost a tenth of its build.
	if val, ok := firstTagHook(out); ok {
		if val != id {
			return out, hookMismatch(val, id)
		}
		return out, nil
	}
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(string(out)), context)
	if err != nil {
		return out, fmt.Errorf("reading the exercise's HTML: %w", err)
	}
	var outer *html.Node
	elements := 0
	for _, n := range nodes {
		switch {
		case n.Type == html.ElementNode:
			elements++
			outer = n
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) != "":
			return out, oneElementError("renders text outside it")
		}
	}
	switch {
	case elements == 0:
		return out, oneElementError("renders none")
	case elements > 1:
		return out, oneElementError(fmt.Sprintf("renders %d elements side by side", elements))
	}
	for _, a := range outer.Attr {
		if a.Namespace == "" && a.Key == "data-exercise" {
			if a.Val != id {
				return out, hookMismatch(a.Val, id)
			}
			return out, nil
		}
	}
	return insertIntoFirstTag(out, ` data-exercise="`+template.HTMLEscapeString(id)+`"`), nil
}

// firstTagHook returns the data-exercise of out's first start tag, if it
// has one.
func firstTagHook(out template.HTML) (string, bool) {
	z := html.NewTokenizer(strings.NewReader(string(out)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Namespace == "" && a.Key == "data-exercise" {
					return a.Val, true
				}
			}
			return "", false
		}
	}
}

func hookMismatch(val, id string) error {
	return fmt.Errorf("the exercise's outermost element has data-exercise=%q, but this exercise's ID is %q: write data-exercise=\"{{.ID}}\", or leave it off and the build adds it", val, id)
}

func oneElementError(what string) error {
	return fmt.Errorf("an exercise layout renders one element that holds the whole exercise, such as <section>…</section>; this one %s", what)
}

// insertIntoFirstTag adds attr at the end of the first start tag of out.
func insertIntoFirstTag(out template.HTML, attr string) template.HTML {
	z := html.NewTokenizer(strings.NewReader(string(out)))
	offset := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			end := offset + len(raw) - len(">")
			if tt == html.SelfClosingTagToken {
				end -= len("/")
			}
			s := string(out)
			return template.HTML(s[:end] + attr + s[end:])
		}
		offset += len(raw)
	}
}

// markupStart is where the markup of a directive layout starts: its first
// character outside template actions, such as the < of its outermost
// element, or else the layout's first line.
func (dl *directiveLayouts) markupStart(name string) diag.Position {
	file := "layouts/" + name
	pos := dl.theme.pos(file)
	src, err := dl.theme.read(file)
	if err != nil {
		return pos
	}
	for i := 0; i < len(src); {
		switch {
		case strings.HasPrefix(string(src[i:]), "{{"):
			end := strings.Index(string(src[i:]), "}}")
			if end < 0 {
				return diag.Offset(pos.File, src, 0)
			}
			i += end + len("}}")
		case strings.ContainsRune(" \t\r\n", rune(src[i])):
			i++
		default:
			return diag.Offset(pos.File, src, i)
		}
	}
	return diag.Offset(pos.File, src, 0)
}
