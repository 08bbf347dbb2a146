package scriptfree

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzCheck checks any input in every format without failing, and that
// the policy a checked HTML file gets is always the first thing in its
// head, where browsers honour it.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"<!DOCTYPE html><html><head><title>x</title></head><body onload=x()>",
		"<svg xmlns='http://www.w3.org/2000/svg'><use href='#a'/><style>a{b:url(javascript:x)}</style></svg>",
		"<select><svg><style><xmp><img src=x onerror=alert(1)>",
		"\ufeff<!-- c --><!doctype html><p style='width:expression(1)'>",
		"<?xml-stylesheet type='text/xsl' href='a'?><a xml:base='x'/>",
		`a { background: u\72l(\6A\61vascript\3A x()) }`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, format := range []Format{HTML, XHTML, XML, CSS} {
			Check("f", src, format)
		}
		const policy = "script-src 'none'"
		// Browsers drop a byte order mark before they parse.
		withPolicy := bytes.TrimPrefix(WithPolicy(src, policy), []byte(byteOrderMark))
		doc, err := html.Parse(bytes.NewReader(withPolicy))
		if err != nil {
			t.Fatal(err)
		}
		var first *html.Node
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Data == "head" {
				for c := n.FirstChild; c != nil && first == nil; c = c.NextSibling {
					if c.Type == html.ElementNode {
						first = c
					}
				}
				break
			}
		}
		if first == nil || first.Data != "meta" || !strings.Contains(renderAttrs(first), policy) {
			t.Errorf("the policy is not first in the head of %q", WithPolicy(src, policy))
		}
	})
}

func renderAttrs(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		b.WriteString(a.Key + "=" + a.Val + " ")
	}
	return b.String()
}
