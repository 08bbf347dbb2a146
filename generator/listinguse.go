package generator

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"strings"
	"text/template/parse"
)

// listingUse is what a site's layouts show of a workbook on pages other
// than its own, read from the parsed layouts rather than assumed from the
// default theme, so that serve re-renders every page a change shows on.
// Where the reading cannot tell, it assumes more is shown.
type listingUse struct {
	// fields are the fields read of pages other than the one rendered.
	fields map[string]bool
	// whole is set when another page is printed or handed to a function
	// whole, so any of its fields may show.
	whole bool
	// anywhere is set when a page may reach workbooks outside the ones it
	// lists (its collection's tree) or names (its neighbours): through
	// the pages above it, or through a value the reading cannot follow.
	anywhere bool
}

// listingFields are the fields that page.listing records, and the ones
// that only lead to other pages, whose fields are read in their turn.
var listingFields = map[string]bool{
	"Title": true, "Description": true, "Duration": true, "Weight": true, "Draft": true, "ID": true,
	"Counted": true, "URL": true, "Permalink": true, "Kind": true, "IsHome": true,
	"Site": true, "Parent": true, "Ancestors": true, "Pages": true, "Workbooks": true,
	"Collections": true, "Prev": true, "Next": true, "Progress": true,
}

// readListingUse reads every page kind's layouts, from base.html down
// through the templates it calls.
func readListingUse(layouts map[string]*template.Template) listingUse {
	u := listingUse{fields: map[string]bool{}}
	for _, set := range layouts {
		r := &layoutReader{use: &u, set: set, seen: map[templateCall]bool{}}
		r.template("base.html", value{kind: selfValue})
	}
	return u
}

// digest is the digest of what pages other than workbook p show of it: a
// change to it re-renders them. It is made of the digest of p's listing,
// which a written workbook's record made with it (workbookrecord.go),
// and of what the site's layouts show besides.
func (u listingUse) digest(p *page) digest {
	listing := partDigest(p, recordListing, p.listing)
	return digestOf(string(listing[:]) + u.shownBesides(p))
}

// shownBesides is what the site's layouts show of workbook p beyond its
// listing.
func (u listingUse) shownBesides(p *page) string {
	key := ""
	if u.fields["Tags"] {
		key += fmt.Sprintf(" %q", p.Tags)
	}
	if u.fields["Params"] {
		key += fmt.Sprintf(" %v", p.Params) // fmt prints maps sorted by key.
	}
	if u.whole || u.readsMore() {
		// Content, the manifest or a field the reading doesn't know: any
		// change to the file may show. serve keeps every source, so src is
		// the whole file.
		key += fmt.Sprintf(" %x", sha256.Sum256(p.src))
	}
	return key
}

// readsMore reports whether the layouts read a field of another page
// beyond the listing's, its tags and its params.
func (u listingUse) readsMore() bool {
	for name := range u.fields {
		if !listingFields[name] && name != "Tags" && name != "Params" {
			return true
		}
	}
	return false
}

// valueKind is what a value in a layout may be, as far as the reading can
// tell.
type valueKind uint8

const (
	scalarValue  valueKind = iota // anything that is not a page: text, numbers, maps
	selfValue                     // the page being rendered
	nearValue                     // a page below the rendered one, or its neighbour
	upValue                       // a page above the rendered one
	anyValue                      // any page of the site
	siteValue                     // the site settings
	unknownValue                  // anything, pages included
)

// value is a value's kind, and whether it is a list of such values.
type value struct {
	kind valueKind
	list bool
}

// page reports whether v is or holds pages, or may.
func (v value) page() bool { return v.kind != scalarValue && v.kind != siteValue }

// element is what ranging over or indexing v gives.
func (v value) element() value {
	if v.list || v.kind == unknownValue {
		return value{kind: v.kind}
	}
	return value{kind: scalarValue}
}

type templateCall struct {
	name string
	dot  value
}

// layoutReader follows one page kind's layouts with what the dot is.
type layoutReader struct {
	use  *listingUse
	set  *template.Template
	seen map[templateCall]bool
}

func (r *layoutReader) template(name string, dot value) {
	call := templateCall{name, dot}
	if r.seen[call] {
		return
	}
	r.seen[call] = true
	// Once executed, html/template calls a template from a context other
	// than text through a copy it names after the context; the copy reads
	// what the original does.
	base, _, _ := strings.Cut(name, "$htmltemplate_")
	t := r.set.Lookup(base)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		// A template the reading cannot find: assume it shows anything.
		r.use.whole, r.use.anywhere = true, true
		return
	}
	r.list(t.Tree.Root, dot, map[string]value{"$": dot})
}

func (r *layoutReader) list(l *parse.ListNode, dot value, vars map[string]value) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		r.node(n, dot, vars)
	}
}

func (r *layoutReader) node(n parse.Node, dot value, vars map[string]value) {
	switch n := n.(type) {
	case *parse.ActionNode:
		v := r.pipe(n.Pipe, dot, vars)
		if len(n.Pipe.Decl) == 0 && v.page() {
			r.use.whole = true // The page is printed.
		}
	case *parse.IfNode:
		r.pipe(n.Pipe, dot, vars)
		r.list(n.List, dot, scope(vars))
		r.list(n.ElseList, dot, scope(vars))
	case *parse.WithNode:
		inner := scope(vars)
		v := r.pipe(n.Pipe, dot, inner)
		r.list(n.List, v, inner)
		r.list(n.ElseList, dot, scope(vars))
	case *parse.RangeNode:
		inner := scope(vars)
		v := r.pipe(n.Pipe, dot, inner)
		switch len(n.Pipe.Decl) {
		case 1:
			inner[n.Pipe.Decl[0].Ident[0]] = v.element()
		case 2:
			inner[n.Pipe.Decl[0].Ident[0]] = value{kind: scalarValue}
			inner[n.Pipe.Decl[1].Ident[0]] = v.element()
		}
		r.list(n.List, v.element(), inner)
		r.list(n.ElseList, dot, scope(vars))
	case *parse.TemplateNode:
		arg := value{kind: scalarValue} // No pipeline passes nil.
		if n.Pipe != nil {
			arg = r.pipe(n.Pipe, dot, vars)
		}
		r.template(n.Name, arg)
	case *parse.ListNode:
		r.list(n, dot, vars)
	}
}

// scope gives a block its own variables, which end with it.
func scope(vars map[string]value) map[string]value {
	inner := make(map[string]value, len(vars))
	for k, v := range vars {
		inner[k] = v
	}
	return inner
}

func (r *layoutReader) pipe(p *parse.PipeNode, dot value, vars map[string]value) value {
	if p == nil {
		return value{kind: scalarValue}
	}
	var v value
	for i, cmd := range p.Cmds {
		var prev *value
		if i > 0 {
			prev = &v
		}
		v = r.command(cmd, dot, vars, prev)
	}
	for _, d := range p.Decl {
		if p.IsAssign {
			if old, ok := vars[d.Ident[0]]; ok && old != v {
				v = value{kind: unknownValue}
			}
		}
		vars[d.Ident[0]] = v
	}
	return v
}

// command reads one command of a pipeline; prev is the previous command's
// result, which a function receives as its last argument.
func (r *layoutReader) command(cmd *parse.CommandNode, dot value, vars map[string]value, prev *value) value {
	args := make([]value, 0, len(cmd.Args))
	for _, a := range cmd.Args[1:] {
		args = append(args, r.operand(a, dot, vars))
	}
	if prev != nil {
		args = append(args, *prev)
	}
	fn, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return r.operand(cmd.Args[0], dot, vars)
	}
	switch fn.Ident {
	case "and", "or":
		// They give one of their arguments.
		out := value{kind: scalarValue}
		for _, a := range args {
			if a.page() {
				out = join(out, a)
			}
		}
		return out
	case "not", "len", "eq", "ne", "lt", "le", "gt", "ge":
		return value{kind: scalarValue}
	case "index":
		if len(args) > 0 {
			return args[0].element()
		}
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
	}
	// Any other function may print what it is given, or give back
	// anything when called with a page.
	for _, a := range args {
		if a.page() {
			r.use.whole = true
			return value{kind: unknownValue}
		}
	}
	return value{kind: scalarValue}
}

// join is a value that may be either a or b.
func join(a, b value) value {
	if a.kind == scalarValue {
		return b
	}
	if a != b {
		return value{kind: unknownValue}
	}
	return a
}

func (r *layoutReader) operand(n parse.Node, dot value, vars map[string]value) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return r.fields(dot, n.Ident)
	case *parse.VariableNode:
		v, ok := vars[n.Ident[0]]
		if !ok {
			v = value{kind: unknownValue}
		}
		return r.fields(v, n.Ident[1:])
	case *parse.ChainNode:
		return r.fields(r.operand(n.Node, dot, vars), n.Field)
	case *parse.PipeNode:
		return r.pipe(n, dot, scope(vars))
	case *parse.IdentifierNode:
		// A function called without arguments.
		return r.command(&parse.CommandNode{Args: []parse.Node{n}}, dot, vars, nil)
	}
	return value{kind: scalarValue}
}

func (r *layoutReader) fields(v value, names []string) value {
	for _, name := range names {
		v = r.field(v, name)
	}
	return v
}

// field is the value of field name of v, and records what it reads of
// pages other than the one rendered.
func (r *layoutReader) field(v value, name string) value {
	switch {
	case v.list || v.kind == scalarValue:
		return value{kind: scalarValue}
	case v.kind == siteValue:
		if name == "Home" {
			return value{kind: upValue}
		}
		return value{kind: scalarValue}
	}
	if v.kind != selfValue {
		r.use.fields[name] = true
	}
	// Going down from a page above, or from one the reading lost, may
	// reach any workbook.
	down := nearValue
	if v.kind != selfValue && v.kind != nearValue {
		down = anyValue
	}
	switch name {
	case "Site":
		return value{kind: siteValue}
	case "Parent":
		return value{kind: upValue}
	case "Ancestors":
		return value{kind: upValue, list: true}
	case "Pages", "Workbooks", "Collections", "Prev", "Next", "Progress":
		if down == anyValue {
			r.use.anywhere = true
		}
		if name == "Progress" {
			return value{kind: scalarValue} // The listing's fields of the workbooks below.
		}
		return value{kind: down, list: name != "Prev" && name != "Next"}
	}
	if v.kind == unknownValue {
		r.use.anywhere = true
		return value{kind: unknownValue}
	}
	return value{kind: scalarValue}
}
