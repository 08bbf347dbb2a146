package themes_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"text/template/parse"

	"golang.org/x/net/html"

	"coachbook/themes"
)

// TestLayoutsHoldNoWords checks that the default theme's layouts write no
// words of their own: every word a page shows comes from i18n/en.yaml
// through i18n, so that a translation changes all of them. It reads each
// layout as a template, puts a stand-in for every action, reads what is
// left as HTML, and fails on text with letters in it, on human attributes
// (aria-label, title, alt, placeholder) with letters in them, and on
// string literals that are words rather than names (keys, field types,
// IDs, template names, attributes such as min=0).
func TestLayoutsHoldNoWords(t *testing.T) {
	theme := themes.Default()
	found := 0
	err := fs.WalkDir(theme, "layouts", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			return err
		}
		for _, w := range layoutWords(t, name, string(src)) {
			t.Errorf("%s: %s", name, w)
			found++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found > 0 {
		t.Logf("%d words written in layouts rather than in i18n/en.yaml", found)
	}
}

// TestLayoutWordsFinder checks the finder itself on what it must find
// and what it must let through.
func TestLayoutWordsFinder(t *testing.T) {
	for _, c := range []struct {
		src   string
		words int
	}{
		{`<p>Page not found</p>`, 1},
		{`<span class="visually-hidden"> (row <span data-n>{{.Row}}</span>)</span>`, 1},
		{`<nav aria-label="More in {{.Title}}"></nav>`, 1},
		{`<input placeholder="Say what">`, 1},
		{`{{template "x" (list . "note" "Note")}}`, 1},
		{"{{.Field \"text\" \"a\" `label=\"What I will do\"`}}", 1},
		{`{{if .Optional}} <span class="optional">(optional)</span>{{end}}`, 1},
		{`<p class="hint">{{or .Hint (i18n "someHint")}}</p>`, 0},
		{`<a href="{{.URL}}" aria-label="{{.A}}, {{.B}}">{{i18n "open" .Title}}</a> · {{.X}}`, 0},
		{"{{.Field \"scale\" \"now\" (attrs \"label\" (i18n \"k\")) `min=0 max=10 optional`}}", 0},
		{`{{template "partials/header.html" .}}<script src="{{asset "coachbook.js"}}" defer></script>`, 0},
		{`<!doctype html>{{/* A comment with words. */}}<output>–</output><button>↑</button>`, 0},
	} {
		if got := layoutWords(t, "case", c.src); len(got) != c.words {
			t.Errorf("%s: found %q, want %d", c.src, got, c.words)
		}
	}
}

// stand is what the finder puts where an action was.
const stand = "\uE000"

var (
	letters = regexp.MustCompile(`\p{L}`)
	tags    = regexp.MustCompile(`<[^>]*>`)
	// aName is a literal that names rather than says: keys, types, IDs,
	// template and asset names, printf formats, attributes without quoted
	// text (min=0 max=10 optional). Words start with a capital or hold
	// quoted text or spaces between them.
	aName = regexp.MustCompile(`^[a-z0-9_.:/#%-][\w.:/#%-]*(=[\w.:/#%-]*)?$`)
	// humanAttrs are the attributes people read or hear.
	humanAttrs = map[string]bool{"aria-label": true, "title": true, "alt": true, "placeholder": true, "aria-roledescription": true, "aria-valuetext": true}
)

// layoutWords returns the words written in a layout's source.
func layoutWords(t *testing.T, name, src string) []string {
	t.Helper()
	tree := parse.New(name)
	tree.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(src, "{{", "}}", trees); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var skeleton strings.Builder
	var out []string
	literal := func(s string) {
		for _, token := range strings.Fields(s) {
			if !aName.MatchString(token) {
				out = append(out, "the literal "+strings.TrimSpace(s))
				return
			}
		}
	}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case nil:
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.TextNode:
			skeleton.Write(n.Text)
		case *parse.ActionNode:
			skeleton.WriteString(stand)
			walk(n.Pipe)
		case *parse.IfNode:
			walk(&n.BranchNode)
		case *parse.RangeNode:
			walk(&n.BranchNode)
		case *parse.WithNode:
			walk(&n.BranchNode)
		case *parse.BranchNode:
			// if, range and with: a stand-in where each of their parts
			// begins and ends.
			skeleton.WriteString(stand)
			walk(n.Pipe)
			walk(n.List)
			skeleton.WriteString(stand)
			walk(n.ElseList)
			skeleton.WriteString(stand)
		case *parse.TemplateNode:
			skeleton.WriteString(stand)
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.StringNode:
			literal(n.Text)
		}
	}
	for _, tr := range trees {
		skeleton.WriteString(stand)
		walk(tr.Root)
	}
	z := html.NewTokenizer(strings.NewReader(skeleton.String()))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.TextToken:
			// The tokenizer reads noscript's content as text: its tags go.
			text := tags.ReplaceAllString(strings.ReplaceAll(string(z.Text()), stand, " "), " ")
			if letters.MatchString(text) {
				out = append(out, "the text "+strings.Join(strings.Fields(text), " "))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			_, more := z.TagName()
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				if v := strings.ReplaceAll(string(val), stand, " "); humanAttrs[string(key)] && letters.MatchString(v) {
					out = append(out, string(key)+"="+strings.Join(strings.Fields(v), " "))
				}
			}
		}
	}
}
