package generator

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	html5 "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML that converted Markdown may contain with raw HTML off: what
// goldmark and its extensions write, and what the default theme's
// directive layouts write. Anything else in the output came from the
// author's text and got past the escaping.
var (
	allowedElements = setOf(
		// Markdown: blocks, inlines, tables, task lists, footnotes.
		"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
		"pre", "code", "hr", "br", "em", "strong", "a", "img", "del",
		"table", "thead", "tbody", "tr", "th", "td", "input", "sup", "div",
		// Directive layouts: exercises, fields and callouts.
		"section", "span", "label", "textarea", "fieldset", "legend", "button", "output",
		"select", "option", // a choice or scale cell of rows
		// Totals and charts.
		"figure", "figcaption", "caption",
	)
	allowedAttributes = setOf(
		"id", "class", "role", "hidden", "title", "href", "src", "alt", "align", "start",
		"for", "name", "value", "type", "checked", "disabled", "placeholder",
		"autocomplete", "rows", "min", "max", "step", "inputmode", "selected",
		"scope",
	)
	// The controls the layouts and task lists make; none submits or loads
	// anything.
	allowedInputTypes  = setOf("checkbox", "radio", "text", "date", "range")
	allowedButtonTypes = setOf("button")
	// Attributes a browser reads as a URL, in any element.
	browserURLAttributes = setOf("href", "src", "action", "formaction", "xlink:href", "poster",
		"srcset", "imagesrcset", "cite", "background", "data", "ping", "longdesc",
		"lowsrc", "dynsrc", "codebase", "manifest", "icon", "profile", "usemap", "archive", "classid")
	voidElements = setOf("area", "base", "br", "col", "embed", "hr", "img", "input",
		"keygen", "link", "meta", "param", "source", "track", "wbr")
)

func setOf(names ...string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// renderedHTMLProblem returns what is wrong with out, a page's converted
// Markdown as the layouts place it inside <div class="prose">, or "" when
// nothing is. It parses out as a browser does, with an HTML5 parser, and
// checks that:
//
//   - every element is one the renderer or the layouts make, in the HTML
//     namespace (no script, style, iframe, form, svg or math), and the
//     only comment is the one goldmark writes for raw HTML it leaves out;
//   - no attribute is an event handler, a style (the CSP forbids inline
//     styles) or outside what the renderer writes;
//   - every URL, read as a browser reads it, has no scheme or an allowed
//     one: http, https, mailto, tel, and data:image/ for an image's src.
//     When the conversion reported errors, the build publishes nothing,
//     and only the schemes that run code (javascript:, vbscript:, data:
//     other than an image) are problems: goldmark keeps an irc: autolink,
//     and the build rejects it;
//   - the markup is balanced and the parser keeps the tree the tags say,
//     so no content can close the layout's elements or re-parse into
//     something else, and parsing the parser's own rendering gives it back.
func renderedHTMLProblem(out string, published bool) string {
	nodes, err := parseProse(out)
	if err != nil {
		return fmt.Sprintf("does not parse: %v", err)
	}
	for _, n := range nodes {
		if problem := nodeProblem(n, published); problem != "" {
			return problem
		}
	}
	if problem := idProblem(nodes, published); problem != "" {
		return problem
	}
	tokens, problem := tokenTree(out)
	if problem != "" {
		return problem
	}
	parsed := renderNodes(nodes)
	if written := renderNodes(tokens); written != parsed {
		return fmt.Sprintf("the parser rebuilds the tags into another tree:\n written %q\n  parsed %q", written, parsed)
	}
	again, err := parseProse(parsed)
	if err != nil {
		return fmt.Sprintf("the parsed tree, rendered, does not parse: %v", err)
	}
	if renderNodes(again) != parsed {
		return fmt.Sprintf("the parsed tree parses differently once rendered:\n %q\n %q", parsed, renderNodes(again))
	}
	return ""
}

// parseProse parses out as the children of the layout's <div>.
func parseProse(out string) ([]*html5.Node, error) {
	context := &html5.Node{Type: html5.ElementNode, Data: "div", DataAtom: atom.Div}
	return html5.ParseFragment(strings.NewReader(out), context)
}

// nodeProblem checks n and its descendants' elements and attributes.
func nodeProblem(n *html5.Node, published bool) string {
	for d := range n.Descendants() {
		if problem := elementProblem(d, published); problem != "" {
			return problem
		}
	}
	return elementProblem(n, published)
}

func elementProblem(n *html5.Node, published bool) string {
	switch n.Type {
	case html5.ElementNode:
	case html5.TextNode:
		return ""
	case html5.CommentNode:
		if n.Data != " raw HTML omitted " {
			return fmt.Sprintf("comment %q: the renderer writes only the one that marks raw HTML left out", n.Data)
		}
		return ""
	default:
		return fmt.Sprintf("a node of type %d, %q", n.Type, n.Data)
	}
	if n.Namespace != "" {
		return fmt.Sprintf("foreign content <%s:%s>", n.Namespace, n.Data)
	}
	if !allowedElements[n.Data] {
		return fmt.Sprintf("element <%s>", n.Data)
	}
	for _, a := range n.Attr {
		name := a.Key
		if a.Namespace != "" {
			name = a.Namespace + ":" + a.Key
		}
		switch {
		case strings.HasPrefix(name, "on"):
			return fmt.Sprintf("event handler %s=%q on <%s>", name, a.Val, n.Data)
		case name == "style":
			return fmt.Sprintf("inline style %q on <%s>", a.Val, n.Data)
		case browserURLAttributes[name]:
			if problem := urlProblem(n.Data, name, a.Val, published); problem != "" {
				return problem
			}
		}
		if !allowedAttributes[name] && !strings.HasPrefix(name, "data-") && !strings.HasPrefix(name, "aria-") {
			return fmt.Sprintf("attribute %s=%q on <%s>", name, a.Val, n.Data)
		}
		if name == "type" && (n.Data == "input" && !allowedInputTypes[a.Val] || n.Data == "button" && !allowedButtonTypes[a.Val]) {
			return fmt.Sprintf("<%s type=%q>", n.Data, a.Val)
		}
	}
	return ""
}

// urlProblem checks a URL attribute's value, already decoded by the
// parser, for a scheme that is not allowed.
func urlProblem(element, attr, value string, published bool) string {
	urls := []string{value}
	if attr == "srcset" || attr == "imagesrcset" {
		urls = nil
		for candidate := range strings.SplitSeq(value, ",") {
			if fields := strings.Fields(candidate); len(fields) > 0 {
				urls = append(urls, fields[0])
			}
		}
	}
	for _, u := range urls {
		scheme, rest := browserScheme(u)
		switch scheme {
		case "", "http", "https", "mailto", "tel":
			continue
		case "data":
			if element == "img" && attr == "src" && strings.HasPrefix(strings.ToLower(rest), "image/") {
				continue
			}
		case "javascript", "vbscript":
		default:
			if !published {
				continue
			}
		}
		return fmt.Sprintf("%s=%q on <%s> has the %s: scheme", attr, value, element, scheme)
	}
	return ""
}

// browserScheme returns the lowercased scheme of u and what follows its
// colon, as the URL Standard's parser reads them: leading and trailing C0
// controls and spaces are stripped and tabs and newlines anywhere removed
// first. A URL without a scheme returns "".
func browserScheme(u string) (scheme, rest string) {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(u[:i]), u[i+1:]
		default:
			return "", ""
		}
	}
	return "", ""
}

// tokenTree builds the tree that out's tags spell, element by element as
// they open and close, and reports a tag that closes another element than
// the last one opened, one never closed, or a self-closing form that HTML
// ignores.
func tokenTree(out string) ([]*html5.Node, string) {
	root := &html5.Node{Type: html5.ElementNode, Data: "div", DataAtom: atom.Div}
	open := []*html5.Node{root}
	z := html5.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		tok := z.Token()
		top := open[len(open)-1]
		switch tt {
		case html5.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return nil, fmt.Sprintf("does not tokenize: %v", z.Err())
			}
			if len(open) > 1 {
				return nil, fmt.Sprintf("<%s> is never closed", top.Data)
			}
			var nodes []*html5.Node
			for c := root.FirstChild; c != nil; {
				next := c.NextSibling
				root.RemoveChild(c)
				nodes = append(nodes, c)
				c = next
			}
			return nodes, ""
		case html5.TextToken:
			top.AppendChild(&html5.Node{Type: html5.TextNode, Data: tok.Data})
		case html5.CommentToken:
			top.AppendChild(&html5.Node{Type: html5.CommentNode, Data: tok.Data})
		case html5.StartTagToken, html5.SelfClosingTagToken:
			if tt == html5.SelfClosingTagToken && !voidElements[tok.Data] {
				return nil, fmt.Sprintf("<%s/> does not close itself in HTML", tok.Data)
			}
			n := &html5.Node{Type: html5.ElementNode, Data: tok.Data, DataAtom: tok.DataAtom, Attr: tok.Attr}
			top.AppendChild(n)
			if !voidElements[tok.Data] {
				open = append(open, n)
			}
		case html5.EndTagToken:
			if len(open) == 1 || top.Data != tok.Data {
				return nil, fmt.Sprintf("</%s> closes <%s>", tok.Data, top.Data)
			}
			open = open[:len(open)-1]
		default:
			return nil, fmt.Sprintf("unexpected %s", tok)
		}
	}
}

// renderNodes renders nodes with each element's attributes sorted, as the
// parser sorts those of formatting elements such as <a>.
func renderNodes(nodes []*html5.Node) string {
	var b bytes.Buffer
	for _, n := range nodes {
		for d := range n.Descendants() {
			slices.SortFunc(d.Attr, compareAttributes)
		}
		slices.SortFunc(n.Attr, compareAttributes)
		if err := html5.Render(&b, n); err != nil {
			return fmt.Sprintf("(cannot render: %v)", err)
		}
	}
	return b.String()
}

func compareAttributes(a, b html5.Attribute) int {
	return cmp.Or(strings.Compare(a.Namespace, b.Namespace), strings.Compare(a.Key, b.Key), strings.Compare(a.Val, b.Val))
}

// TestRenderedHTMLProblem checks that the fuzz target's oracle catches
// what it is there to catch, as a browser would read it, and passes what
// the renderer really writes.
func TestRenderedHTMLProblem(t *testing.T) {
	for in, want := range map[string]string{
		`<p>Fine <em>text</em> &lt;script&gt;</p>`:                                    "",
		`<p><a href="https://x.example/?a=1&amp;b=2">a</a> <a href="#fn:1">b</a></p>`: "",
		`<p><img src="data:image/png;base64,AAAA" alt="i"></p>`:                       "",
		`<!-- raw HTML omitted --><p>x</p>`:                                           "",
		`<input checked="" disabled="" type="checkbox"> x`:                            "",
		`<p title="x onclick=y">a</p>`:                                                "",
		`<!--[if IE]><script>x</script><![endif]--><p>a</p>`:                          "comment \"[if IE]",
		`<SCRIPT>x()</SCRIPT>`:                                                        "element <script>",
		`<b onclick=x()>a</b>`:                                                        "element <b>",
		`<p onclick=x()>a</p>`:                                                        `event handler onclick="x()" on <p>`,
		`<p style="color:red">a</p>`:                                                  `inline style "color:red" on <p>`,
		`<a href=" JavaScript:x">a</a>`:                                               `href=" JavaScript:x" on <a> has the javascript: scheme`,
		`<a href="&#106;ava&#x09;script:x">a</a>`:                                     "href=\"java\\tscript:x\" on <a> has the javascript: scheme",
		"<a href=\"\x01java\nscript:x\">a</a>":                                        "has the javascript: scheme",
		`<a href="data:image/svg+xml,x">a</a>`:                                        "has the data: scheme",
		`<img src="data:text/html,x">`:                                                "has the data: scheme",
		`<p><svg><a href="x">a</a></svg></p>`:                                         "foreign content <svg:svg>",
		`<form action="https://x.example"></form>`:                                    "element <form>",
		`<input type="image" src="x">`:                                                `<input type="image">`,
		`<p srcdoc="x">a</p>`:                                                         `attribute srcdoc="x" on <p>`,
		`<p>a</div>`:                                                                  "</div> closes <p>",
		`</div><p>a</p>`:                                                              "</div> closes <div>",
		`<p>a`:                                                                        "<p> is never closed",
		`<span/>a`:                                                                    "<span/> does not close itself in HTML",
		`<p><div>a</div></p>`:                                                         "the parser rebuilds the tags into another tree",
		`<table><p>a</p></table>`:                                                     "the parser rebuilds the tags into another tree",
		`<h2 id="a">a</h2><p><span id="a">b</span></p>`:                               `id "a" is used twice`,
		`<h2 id="coachbook-manifest">a</h2>`:                                          `id "coachbook-manifest" is one the page itself uses`,
	} {
		got := renderedHTMLProblem(in, true)
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", in, got, want)
		}
	}
	// A page with errors is not published, and the build reports the
	// scheme; only a scheme that runs code is a problem there.
	for in, want := range map[string]string{
		`<p><a href="irc://x.example">a</a></p>`:     "",
		`<p><a href="JavaScript:x">a</a></p>`:        "has the javascript: scheme",
		`<p><img src="data:text/html,x" alt=""></p>`: "has the data: scheme",
	} {
		if got := renderedHTMLProblem(in, false); want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s with errors:\n got %q\nwant %q", in, got, want)
		}
	}
	if got := renderedHTMLProblem(`<p><a href="irc://x.example">a</a></p>`, true); !strings.Contains(got, "has the irc: scheme") {
		t.Errorf("irc: link on a published page: got %q", got)
	}
}

// idProblem reports, in a page that builds, an id used twice or one the
// page itself uses, which the runtime or a link would take for another
// element.
func idProblem(nodes []*html5.Node, published bool) string {
	if !published {
		return ""
	}
	seen := map[string]bool{}
	check := func(n *html5.Node) string {
		for _, a := range n.Attr {
			switch {
			case a.Key != "id":
			case seen[a.Val]:
				return fmt.Sprintf("id %q is used twice", a.Val)
			case a.Val == "main" || strings.HasPrefix(a.Val, "coachbook-"):
				return fmt.Sprintf("id %q is one the page itself uses", a.Val)
			default:
				seen[a.Val] = true
			}
		}
		return ""
	}
	for _, n := range nodes {
		if problem := check(n); problem != "" {
			return problem
		}
		for d := range n.Descendants() {
			if problem := check(d); problem != "" {
				return problem
			}
		}
	}
	return ""
}
