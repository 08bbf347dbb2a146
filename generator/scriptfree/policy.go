package scriptfree

import (
	"bytes"
	"html"

	xhtml "golang.org/x/net/html"
)

// WithPolicy returns an HTML document with a Content-Security-Policy
// meta element first in its head, so that a browser that honours it runs
// no script in the document even were the check to miss some. It goes
// after the doctype and the html and head tags, where there are any: a
// doctype must come first, or the page is shown in quirks mode.
func WithPolicy(src []byte, policy string) []byte {
	at := policyPlace(src)
	meta := `<meta http-equiv="Content-Security-Policy" content="` + html.EscapeString(policy) + `">`
	out := make([]byte, 0, len(src)+len(meta))
	out = append(out, src[:at]...)
	out = append(out, meta...)
	return append(out, src[at:]...)
}

// policyPlace returns the offset after the doctype and the html and head
// start tags that open src, and the comments and white space among them.
func policyPlace(src []byte) int {
	place := 0
	if bytes.HasPrefix(src, []byte(byteOrderMark)) {
		place = len(byteOrderMark)
	}
	z := xhtml.NewTokenizer(bytes.NewReader(src[place:]))
	off, stage := place, 0 // stage: 0 before the doctype, 1 before html, 2 before head, 3 done
	for stage < 3 {
		tt := z.Next()
		off += len(z.Raw())
		switch tt {
		case xhtml.CommentToken:
		case xhtml.TextToken:
			if len(bytes.TrimSpace(z.Raw())) > 0 {
				return place
			}
		case xhtml.DoctypeToken:
			if stage > 0 || !bytes.HasSuffix(z.Raw(), []byte(">")) {
				return place // A doctype cut short would swallow the policy.
			}
			stage, place = 1, off
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			switch {
			case stage < 2 && string(name) == "html":
				stage, place = 2, off
			case string(name) == "head":
				stage, place = 3, off
			default:
				return place
			}
		default:
			return place
		}
	}
	return place
}
