package generator

import (
	"bytes"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

// The escapers html/template puts at the end of a layout's actions. The
// two that nearly every action ends with, in text and in a quoted
// attribute, are written here for the values layouts print most (strings,
// template.HTML in text, ints and bools); every other value, and every
// other chain of escapers, goes through html/template itself: a one-action
// template whose action it escapes into that same chain (an oracle), so
// that the result is html/template's by construction.

// escapeFunc writes v as the escaper chain does.
type escapeFunc func(w *bytes.Buffer, v reflect.Value) error

// escaperOracles holds, for each chain of escapers it knows, a template
// whose one action html/template escaped into that chain.
type escaperOracles struct {
	oracles map[string]*escaperOracle
}

type escaperOracle struct {
	tmpl           *template.Template
	prefix, suffix int
}

// escaperContexts are markup in which html/template ends an action with
// the chains layouts are likely to hold.
var escaperContexts = []string{
	`{{.}}`,
	`<a title="{{.}}">`,
	`<a title='{{.}}'>`,
	`<a title={{.}}>`,
	`<a href="{{.}}">`,
	`<a href="/?q={{.}}">`,
	`<a href="/{{.}}">`,
	`<textarea>{{.}}</textarea>`,
	`<title>{{.}}</title>`,
	`<script>{{.}}</script>`,
	`<script type="application/json">{{.}}</script>`,
	`<!-- -->{{.}}`,
}

var (
	htmlType = reflect.TypeFor[template.HTML]()
	jsType   = reflect.TypeFor[template.JS]()
)

func newEscaperOracles() *escaperOracles {
	o := &escaperOracles{oracles: map[string]*escaperOracle{}}
	for _, src := range escaperContexts {
		t, err := template.New("oracle").Parse(src)
		if err != nil {
			continue
		}
		if err := t.Execute(&bytes.Buffer{}, ""); err != nil {
			continue
		}
		nodes := t.Tree.Root.Nodes
		var chain []string
		prefix, suffix, actions := 0, 0, 0
		for _, n := range nodes {
			switch n := n.(type) {
			case *parse.TextNode:
				if actions == 0 {
					prefix += len(n.Text)
				} else {
					suffix += len(n.Text)
				}
			case *parse.ActionNode:
				actions++
				cmds := n.Pipe.Cmds
				if len(cmds) < 2 || len(n.Pipe.Decl) > 0 || cmds[0].String() != "." {
					actions = 2
				}
				for _, cmd := range cmds[1:] {
					name, ok := escaperName(cmd)
					if !ok {
						actions = 2
					}
					chain = append(chain, name)
				}
			default:
				actions = 2
			}
		}
		key := strings.Join(chain, " | ")
		if actions != 1 || o.oracles[key] != nil {
			continue
		}
		o.oracles[key] = &escaperOracle{tmpl: t, prefix: prefix, suffix: suffix}
	}
	return o
}

// chain returns the escaper for a chain of escapers, or false if there is
// no oracle for it.
func (o *escaperOracles) chain(key string) (escapeFunc, bool) {
	oracle := o.oracles[key]
	if oracle == nil {
		return nil, false
	}
	switch key {
	case "_html_template_htmlescaper":
		return func(w *bytes.Buffer, v reflect.Value) error {
			if v.IsValid() && v.Type() == htmlType {
				w.WriteString(v.String())
				return nil
			}
			if writePlain(w, v) {
				return nil
			}
			return oracle.escape(w, v)
		}, true
	case "_html_template_attrescaper":
		return func(w *bytes.Buffer, v reflect.Value) error {
			if writePlain(w, v) {
				return nil
			}
			return oracle.escape(w, v)
		}, true
	case "_html_template_rcdataescaper":
		// Inside <title> and <textarea>: HTML is normalized, not passed
		// through.
		return func(w *bytes.Buffer, v reflect.Value) error {
			if v.IsValid() && v.Type() == htmlType {
				writeNormalizedHTML(w, v.String())
				return nil
			}
			if writePlain(w, v) {
				return nil
			}
			return oracle.escape(w, v)
		}, true
	case "_html_template_urlfilter | _html_template_urlnormalizer | _html_template_attrescaper":
		// A link in a quoted attribute, as page layouts write theirs.
		return func(w *bytes.Buffer, v reflect.Value) error {
			if v.IsValid() && v.Type() == stringType {
				writeURLAttr(w, v.String())
				return nil
			}
			return oracle.escape(w, v)
		}, true
	case "_html_template_jsvalescaper":
		// JS is written as it is: the runtime's sentences, on every page.
		return func(w *bytes.Buffer, v reflect.Value) error {
			if v.IsValid() && v.Type() == jsType {
				w.WriteString(v.String())
				return nil
			}
			return oracle.escape(w, v)
		}, true
	}
	return oracle.escape, true
}

// escape writes v through the oracle's chain.
func (o *escaperOracle) escape(w *bytes.Buffer, v reflect.Value) error {
	start := w.Len()
	if err := o.tmpl.Execute(w, v); err != nil {
		w.Truncate(start)
		return err
	}
	out := w.Bytes()[start:]
	escaped := out[o.prefix : len(out)-o.suffix]
	w.Truncate(start + copy(out, escaped))
	return nil
}

// writePlain escapes a string, an int or a bool as html/template does
// plain text in text and in quoted attributes, and reports false for any
// other value.
func writePlain(w *bytes.Buffer, v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Type() {
	case stringType:
		writeEscapedHTML(w, v.String())
	case intType:
		w.Write(strconv.AppendInt(w.AvailableBuffer(), v.Int(), 10))
	case boolType:
		w.Write(strconv.AppendBool(w.AvailableBuffer(), v.Bool()))
	default:
		return false
	}
	return true
}

var boolType = reflect.TypeFor[bool]()

// htmlReplacements is html/template's htmlReplacementTable: the bytes
// below '?' it replaces; every other byte, and every byte of a multi-byte
// or invalid UTF-8 sequence, it keeps.
var htmlReplacements = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

func writeEscapedHTML(w *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) >= len(htmlReplacements) || htmlReplacements[c] == "" {
			continue
		}
		w.WriteString(s[written:i])
		w.WriteString(htmlReplacements[c])
		written = i + 1
	}
	w.WriteString(s[written:])
}

// writeNormalizedHTML writes HTML as html/template's RCDATA escaper does:
// with htmlNormReplacementTable, which is htmlReplacements but for '&'.
func writeNormalizedHTML(w *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '&' || int(c) >= len(htmlReplacements) || htmlReplacements[c] == "" {
			continue
		}
		w.WriteString(s[written:i])
		w.WriteString(htmlReplacements[c])
		written = i + 1
	}
	w.WriteString(s[written:])
}

// writeURLAttr writes a string as html/template's urlFilter,
// urlNormalizer and attrEscaper do in turn: a URL of another scheme than
// http, https or mailto is replaced, every byte that is not allowed in a
// URL is percent-encoded (but for a valid escape), and what normalizing
// keeps of the HTML specials, '&' and '+', is escaped for the attribute
// (percent escapes have none).
func writeURLAttr(w *bytes.Buffer, s string) {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			s = "#ZgotmplZ"
		}
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			w.WriteString("&amp;")
		case c == '+':
			w.WriteString("&#43;")
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0,
			c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			w.WriteByte(c)
		default:
			w.WriteByte('%')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
		}
	}
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
