// Package directive is a goldmark extension for CommonMark generic
// directives, the syntax of remark-directive and of Docusaurus
// admonitions:
//
//	::name[label]{#id .class key=value key="quoted value" flag}
//
//	:::name[label]{attributes}
//	Markdown content, which may hold further directives; a container
//	nested in another uses a longer fence.
//	:::
//
// Names, attributes, labels and containers are read as the reference
// implementation, micromark-extension-directive, reads them;
// docs/exercises.md says where coachbook deliberately differs (an unclosed
// container is an error, a fenced code block may show a closing fence).
//
// The extension parses directives into Directive nodes and hands each one
// to a RenderFunc, so what a directive means is up to the caller. A line
// that starts with colons but does not name a directive stays a
// paragraph. A line that does name one but is otherwise malformed becomes
// a Directive whose Err says what is wrong, so the caller can report it at
// its position rather than silently printing the line.
package directive

import (
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindDirective is the node kind of a Directive.
var KindDirective = ast.NewNodeKind("Directive")

// Directive is a leaf or container directive.
type Directive struct {
	ast.BaseBlock

	// Name is the directive's name, such as "text" or "star".
	Name string
	// Label is the text between [ and ], with its backslash escapes and
	// character references decoded as CommonMark text's are.
	Label string
	// HasLabel tells an empty label, [], from none.
	HasLabel bool
	// Attrs are the attributes in the order written. #id is "id", and
	// every .class is joined into one "class"; a bare key has the value
	// "true".
	Attrs []Attr
	// Container is true for :::name … ::: and false for ::name.
	Container bool
	// Rest is the text after a container's name when a space and words
	// other than a [label] or {attributes} follow it, as in Docusaurus'
	// ":::tip Some title"; RestOffset is its byte offset. The line is
	// still malformed for the parser (Err wraps ErrTrailingText), so a
	// caller that gives such text a meaning, such as an admonition's
	// title, clears Err itself.
	Rest       string
	RestOffset int
	// Offset is the byte offset in the source where the directive's line
	// starts, for error positions.
	Offset int
	// Err is set when the directive's line is malformed or a container is
	// never closed. ErrOffset is the byte offset of the problem.
	Err       error
	ErrOffset int

	fence  int  // the number of colons that opened a container
	indent int  // the columns of space before the colons, stripped from the content
	closed bool // a container's closing fence was seen
}

// Attr is one attribute of a directive.
type Attr struct {
	Key string
	// Value has its character references decoded, and in a quoted value
	// its backslash escapes too.
	Value string
	// Bare is set for a key written without a value, which means true.
	Bare bool
	// Offset is the attribute's byte offset in the source.
	Offset int
}

// Kind implements ast.Node.
func (d *Directive) Kind() ast.NodeKind { return KindDirective }

// Attr returns the value of the attribute key and whether it was written.
func (d *Directive) Attr(key string) (Attr, bool) {
	for _, a := range d.Attrs {
		if a.Key == key {
			return a, true
		}
	}
	return Attr{}, false
}

// Dump implements ast.Node, for debugging.
func (d *Directive) Dump(source []byte, level int) {
	kv := map[string]string{"Name": d.Name, "Label": d.Label, "Container": fmt.Sprint(d.Container)}
	for _, a := range d.Attrs {
		kv["attr "+a.Key] = a.Value
	}
	ast.DumpHelper(d, source, level, kv, nil)
}

// RenderFunc renders a directive. It is called on entering and, for a
// container, again on leaving, after its children have been rendered, as
// goldmark's node renderers are.
type RenderFunc func(w util.BufWriter, source []byte, d *Directive, entering bool) (ast.WalkStatus, error)

// extension registers the parser and the renderer.
type extension struct {
	render RenderFunc
	known  func(name string) bool
}

// New returns the extension, rendering each directive with render. known
// tells the names the caller understands: a malformed line with another
// name, such as "::before and ::after are CSS pseudo-elements", is left a
// paragraph, while one with a known name becomes a Directive carrying its
// error. A nil known treats every name as known.
func New(render RenderFunc, known func(name string) bool) goldmark.Extender {
	return &extension{render: render, known: known}
}

// Extend implements goldmark.Extender. The parser runs before goldmark's
// own block parsers so that "::" lines are never taken for paragraphs.
func (e *extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(
		util.Prioritized(blockParser{known: e.known}, 50),
		// Just before goldmark's paragraph parser, at 1000.
		util.Prioritized(newLazyGuard(), 999),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{e.render}, 500)))
}

type nodeRenderer struct {
	render RenderFunc
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDirective, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return r.render(w, source, n.(*Directive), entering)
	})
}
