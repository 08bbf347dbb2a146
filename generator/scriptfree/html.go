package scriptfree

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// checkHTML checks an HTML document twice. Its tokens give each problem
// its place in the file; then the tree a browser's parser builds is
// checked too, since the parser reads some markup differently from the
// tokens alone (CDATA in SVG ends elsewhere, for one), and markup hidden
// from the tokens can run.
func checkHTML(c *checker, src []byte) {
	if !c.encoding(src) {
		return
	}
	// Browsers drop a byte order mark before they parse; the parsers
	// here would read it as text, and build another tree.
	base := 0
	if bytes.HasPrefix(src, []byte(byteOrderMark)) {
		src, base = src[len(byteOrderMark):], len(byteOrderMark)
	}
	checkHTMLTokens(c, src, base, 0)
	if len(c.found) > 0 {
		return // The file is refused; the tree would repeat the problems.
	}
	tree := &checker{lines: c.lines, format: c.format}
	checkHTMLTree(tree, src)
	for _, p := range tree.found {
		c.report(-1, p.msg+" (where a browser's HTML parser puts it)")
	}
}

const byteOrderMark = "\uFEFF"

// rawText are the elements whose content the tokenizer reads as text. A
// browser does too in HTML, but not inside SVG or MathML, where the same
// content is markup; so it is checked as markup as well.
var rawText = map[string]bool{
	"style": true, "textarea": true, "title": true, "xmp": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// maxRawTextDepth bounds how deep raw text within raw text is checked;
// deeper nesting is refused rather than checked in quadratic time.
const maxRawTextDepth = 8

// checkHTMLTokens checks the tokens of src, which starts at offset base
// of the file and lies depth raw-text elements deep.
func checkHTMLTokens(c *checker, src []byte, base, depth int) {
	z := html.NewTokenizer(bytes.NewReader(src))
	off, raw := base, ""
	for {
		tt := z.Next()
		start := off
		off += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				c.report(start, "the file cannot be read as HTML: "+err.Error())
			}
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tag := bytes.Clone(z.Raw()) // TagName changes what Raw returns.
			name, more := z.TagName()
			var attrs []attr
			for more {
				var key, value []byte
				key, value, more = z.TagAttr()
				attrs = append(attrs, newAttr(string(key), string(value), -1))
			}
			place(attrs, tag, start)
			c.element(string(name), attrs, start)
			raw = ""
			if tt == html.StartTagToken && rawText[string(name)] {
				raw = string(name)
			}
		case html.TextToken:
			if raw == "style" {
				c.css(string(z.Raw()), func(i int) int { return start + i })
			}
			if raw != "" && bytes.IndexByte(z.Raw(), '<') >= 0 {
				if depth == maxRawTextDepth {
					c.report(start, raw+" element: its text holds markup nested too deep to check")
				} else {
					checkHTMLTokens(c, bytes.Clone(z.Raw()), start, depth+1)
				}
			}
			raw = ""
		default:
			raw = ""
		}
	}
}

// checkHTMLTree checks the document a browser's parser builds from src,
// with scripting on, as in the browsers that can run script.
func checkHTMLTree(c *checker, src []byte) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		c.report(-1, "the file cannot be read as HTML: "+err.Error())
		return
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attrs := make([]attr, len(n.Attr))
		for i, a := range n.Attr {
			name := a.Key
			if a.Namespace != "" {
				name = a.Namespace + ":" + a.Key
			}
			attrs[i] = newAttr(name, a.Val, -1)
		}
		c.element(n.Data, attrs, -1)
		if n.Data == "style" {
			for t := n.FirstChild; t != nil; t = t.NextSibling {
				if t.Type == html.TextNode {
					c.css(t.Data, func(int) int { return -1 })
				}
			}
		}
	}
}
