package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// TestMinifyLayout: a layout is minified with its actions as written, a
// comment's apostrophe does not hide the markup after it, and a layout the
// minifier could misread is left as written.
func TestMinifyLayout(t *testing.T) {
	m := newMinifier()
	src := "{{- /* the coach's page */ -}}\n<div class=\"a\">\n  <p title=\"{{.T}}\">{{ \"}}\" }}</p>\n</div>\n{{/* it's */}}\n<p class=\"b\">x</p>"
	got, ok := minifyLayout(m, []byte(src))
	want := "{{- /**/ -}}<div class=a><p title=\"{{.T}}\">{{ \"}}\" }}</div>{{/**/}}<p class=b>x"
	if !ok || string(got) != want {
		t.Errorf("minified %v:\n%s\nwant:\n%s", ok, got, want)
	}
	for _, asWritten := range []string{
		"<p class=\"a\">{{printf `%s}}` .}}</p>",  // a raw string
		"<p class=\"a\"><!-- {{.Hidden}} --></p>", // an action the minifier drops
		"<p class=\"a\">{{.Open</p>",              // an action left open
	} {
		if got, ok := minifyLayout(m, []byte(asWritten)); ok || string(got) != asWritten {
			t.Errorf("%s was minified: %s", asWritten, got)
		}
	}
}

// TestMinifiedLayoutsRenderTheSameDocument: every page written through
// the minified layouts and content is the document that the layouts as
// written make once the whole page is minified, as pages were before:
// the same elements, attributes and text, by the parse a browser makes.
func TestMinifiedLayoutsRenderTheSameDocument(t *testing.T) {
	cases, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s := newTestSite(t, "")
			site := &txtar.Archive{}
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					site.Files = append(site.Files, f)
				}
			}
			s.writeArchive(site)
			assertSameDocuments(t, s)
		})
	}
	t.Run("sample", func(t *testing.T) { assertSameDocuments(t, openSite(t, "..")) })
}

// assertSameDocuments builds s and compares each page it wrote with the
// page rendered through the layouts as written and minified whole.
func assertSameDocuments(t *testing.T, s *testSite) {
	t.Helper()
	st, err := stage(s.root, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.discard)
	var mu sync.Mutex
	before := map[string][]byte{}
	var b *builder
	opts := s.opts
	// The layouts as written are read while the theme is open: as each
	// page renders.
	opts.renderHook = func(source string, render func()) {
		render()
		p := b.loaded.bySrc[source]
		if p == nil { // a book page, which has no file
			for _, q := range b.loaded.pages {
				if q.source == source {
					p = q
				}
			}
		}
		ll := b.languages[p.Site]
		if !ll.minified {
			t.Errorf("%s: the layouts were not minified", source)
			return
		}
		written, err := ll.written()
		if err != nil {
			t.Error(err)
			return
		}
		var buf bytes.Buffer
		if err := written[p.Kind].ExecuteTemplate(&buf, "base.html", p); err != nil {
			t.Error(err)
			return
		}
		page, err := b.out.min.Bytes("text/html", buf.Bytes())
		if err != nil {
			t.Error(err)
			return
		}
		mu.Lock()
		before[p.out] = page
		mu.Unlock()
	}
	b = &builder{opts: opts, plan: plan{keep: true}, out: newOutput(st.dir, newMinifier())}
	if err := b.build(context.Background()); err != nil {
		t.Fatal(err)
	}
	compared := 0
	for out, page := range before {
		now, err := os.ReadFile(filepath.Join(st.dir, filepath.FromSlash(out)))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := documentOf(t, page), documentOf(t, now); a != b {
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s differs from its page minified whole at\n got: %.300s\nwant: %.300s", out, b[i:], a[i:])
		}
		compared++
	}
	if compared < 3 {
		t.Fatalf("compared only %d pages", compared)
	}
}

// blockElements are those between which, or at whose edges, white space
// shows nothing.
var blockElements = regexp.MustCompile(`^(html|head|body|meta|link|script|style|title|main|header|footer|nav|section|article|aside|div|p|h[1-6]|ul|ol|li|dl|dt|dd|fieldset|legend|figure|figcaption|form|table|thead|tbody|tr|td|th|details|summary|noscript|template|blockquote|pre|hr|br|progress|output|select|option|textarea)$`)

// documentOf writes out the document a browser parses from page, one
// node a line, with white space as it shows: runs collapsed into one
// space, and none after a space or next to a block element.
func documentOf(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out, text strings.Builder
	afterSpace := true
	// flush writes the text before an element's edge. A space at its end
	// goes with the next text, as it shows, or none before a block.
	flush := func(block bool) {
		s := text.String()
		trailing := strings.HasSuffix(s, " ") && !block
		s = strings.TrimRight(s, " ")
		if block {
			afterSpace = true
		}
		if s != "" {
			out.WriteString("text " + s + "\n")
		}
		text.Reset()
		if trailing {
			text.WriteString(" ")
		}
	}
	space := regexp.MustCompile(`\s+`)
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		block := n.Type == html.ElementNode && blockElements.MatchString(n.Data)
		switch n.Type {
		case html.ElementNode:
			flush(block)
			out.WriteString("<" + n.Data)
			for _, a := range n.Attr {
				out.WriteString(" " + a.Key + "=" + a.Val)
			}
			out.WriteString(">\n")
			pre = pre || n.Data == "pre" || n.Data == "textarea" || n.Data == "script" || n.Data == "style"
		case html.TextNode:
			switch {
			case n.Parent.Data == "script" && hasAttr(n.Parent, "type", "application/json"):
				// html/template pads some JSON values with spaces, which
				// the whole page's minifier took out: JSON.parse reads
				// either.
				text.WriteString(strings.TrimSpace(n.Data))
			case pre:
				text.WriteString(n.Data)
			default:
				s := space.ReplaceAllString(n.Data, " ")
				if afterSpace {
					s = strings.TrimLeft(s, " ")
				}
				if s != "" {
					text.WriteString(s)
					afterSpace = strings.HasSuffix(s, " ")
				}
			}
		case html.DoctypeNode:
			out.WriteString("doctype " + n.Data + "\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if n.Type == html.ElementNode {
			flush(block)
			out.WriteString("</" + n.Data + ">\n")
		}
	}
	walk(doc, false)
	return out.String()
}

// hasAttr reports whether n has attribute key with value val.
func hasAttr(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}
