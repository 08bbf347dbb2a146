package generator

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"coachbook/generator/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// urlAttributes are the attributes whose values a browser follows or
// loads. A raw HTML tag's are held to the same schemes as Markdown links,
// so that allowHTML lets markup through, not another way to run script or
// leave the page.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"poster": true, "background": true, "cite": true, "data": true, "longdesc": true,
	"ping": true, "srcset": true, "imagesrcset": true, "manifest": true, "codebase": true,
	"lowsrc": true, "dynsrc": true, "icon": true, "profile": true, "usemap": true,
	"archive": true, "classid": true,
}

// rawHTMLSource returns the source of a raw HTML node, and a function
// from offsets in it to offsets in the body, or nil for any other node.
// A block's lines are not always next to each other in the body: inside
// a quote, each line's "> " lies between them.
func rawHTMLSource(n ast.Node, body []byte) ([]byte, func(int) int) {
	var segs *text.Segments
	switch n := n.(type) {
	case *ast.HTMLBlock:
		segs = text.NewSegments()
		segs.AppendAll(n.Lines().Sliced(0, n.Lines().Len()))
		if n.HasClosure() {
			segs.Append(n.ClosureLine)
		}
	case *ast.RawHTML:
		segs = n.Segments
	}
	if segs == nil || segs.Len() == 0 {
		return nil, nil
	}
	var src []byte
	starts := make([]int, segs.Len()) // where each segment starts in src
	for i := range segs.Len() {
		seg := segs.At(i)
		starts[i] = len(src)
		src = append(src, seg.Value(body)...)
	}
	toBody := func(off int) int {
		i := sort.SearchInts(starts, off+1) - 1
		return segs.At(max(i, 0)).Start + off - starts[max(i, 0)]
	}
	return src, toBody
}

// checkRawHTML reports the tags of raw HTML that would run script or send
// the reader elsewhere: a URL attribute with a scheme Markdown links may
// not use, and a <meta http-equiv="refresh">.
func checkRawHTML(src []byte, pos func(off int) diag.Position) []error {
	var errs []error
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return errs
		}
		at := off
		off += len(z.Raw())
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			name := strings.ToLower(a.Key)
			if a.Namespace != "" {
				name = a.Namespace + ":" + name
			}
			switch {
			case tok.Data == "meta" && name == "http-equiv" && strings.EqualFold(strings.TrimSpace(a.Val), "refresh"):
				errs = append(errs, diag.Errorf(pos(at), "<meta http-equiv=\"refresh\"> would send the reader to another page; use a link"))
			case urlAttributes[name]:
				if err := checkURLAttribute(tok.Data, name, a.Val); err != nil {
					errs = append(errs, &diag.Error{Pos: pos(at), Err: err})
				}
			}
		}
	}
}

// checkURLAttribute checks a URL attribute's value as a browser reads it:
// without the blanks and control characters around and inside it, and,
// for srcset, each of its candidates.
func checkURLAttribute(tag, name, value string) error {
	urls := []string{value}
	if strings.HasSuffix(name, "srcset") {
		urls = nil
		for _, c := range strings.Split(value, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				urls = append(urls, f[0])
			}
		}
	}
	for _, u := range urls {
		u = strings.Map(func(r rune) rune {
			if r <= ' ' || r == 0x7f {
				return -1
			}
			return r
		}, u)
		image := (tag == "img" || tag == "source") && (name == "src" || strings.HasSuffix(name, "srcset"))
		if err := checkScheme(u, image); err != nil {
			return fmt.Errorf("<%s %s>: %w", tag, name, err)
		}
	}
	return nil
}
