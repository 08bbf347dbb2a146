package generator

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// The page layouts (base.html, a page kind's layout and the partials) run
// by the same fast path as the directive layouts (fastlayout.go), one
// compiled set per page kind, entered at base.html.
//
// base.html calls the "title" block inside <title>. html/template escapes
// a layout called in such an element (RCDATA) into a copy for that
// context, named "title$htmltemplate_stateRCDATA_elementTitle", which it
// keeps where no one else can look it up; the compiler could not find it,
// and so every page stayed on html/template. Before anything runs,
// addContextCopies puts that copy in the set itself, made exactly as
// html/template makes it: html/template finds it there, uses it instead
// of making its own, and escapes it for its context as ever, and the
// compiler can then read it. The output is html/template's by
// construction, and a site's own "title" works as before.

// pageLayoutEntry is the layout a page kind's set is run from.
const pageLayoutEntry = "base.html"

// derivedMark separates a layout's name from the context html/template
// escaped a copy of it for.
const derivedMark = "$htmltemplate_"

// maxCopyRounds bounds how deep calls made from inside copies are
// followed: each round finds the copies the previous round's call.
const maxCopyRounds = 8

// compilePageLayouts compiles each page kind's set, entered at base.html.
// It must run before the sets have executed.
func compilePageLayouts(sets map[string]*template.Template, funcs template.FuncMap) map[string]*fastLayouts {
	fast := map[string]*fastLayouts{}
	copiesWork := htmlTemplateUsesContextCopies()
	for kind, set := range sets {
		if copiesWork {
			addContextCopies(set, pageLayoutEntry)
		}
		fast[kind] = compileFastLayouts(set, funcs, []string{pageLayoutEntry})
	}
	return fast
}

// addContextCopies adds to set, before it has run, the copies html/template
// would make of layouts called from entry in another context than their
// own (see above). It finds their names by escaping a clone of set: the
// calls name them.
func addContextCopies(set *template.Template, entry string) {
	for range maxCopyRounds {
		trial, err := set.Clone()
		if err != nil {
			return
		}
		var escapeErr *template.Error
		if err := trial.ExecuteTemplate(io.Discard, entry, nil); errors.As(err, &escapeErr) {
			return
		}
		added := false
		for _, t := range trial.Templates() {
			if t.Tree == nil {
				continue
			}
			for _, name := range calledTemplates(t.Tree.Root, nil) {
				if addContextCopy(set, name) {
					added = true
				}
			}
		}
		if !added {
			return
		}
	}
}

// addContextCopy adds the copy called name to set, as html/template
// would make it, unless set has it or name is not a copy's.
func addContextCopy(set *template.Template, name string) bool {
	original, _, ok := strings.Cut(name, derivedMark)
	if !ok || set.Lookup(name) != nil {
		return false
	}
	t := set.Lookup(original)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return false
	}
	_, err := set.AddParseTree(name, &parse.Tree{Name: name, Root: t.Tree.Root.CopyList()})
	return err == nil
}

// calledTemplates appends the names of the layouts node calls.
func calledTemplates(node parse.Node, names []string) []string {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return names
		}
		for _, child := range n.Nodes {
			names = calledTemplates(child, names)
		}
	case *parse.IfNode:
		names = calledTemplates(n.List, calledTemplates(n.ElseList, names))
	case *parse.WithNode:
		names = calledTemplates(n.List, calledTemplates(n.ElseList, names))
	case *parse.RangeNode:
		names = calledTemplates(n.List, calledTemplates(n.ElseList, names))
	case *parse.TemplateNode:
		names = append(names, n.Name)
	}
	return names
}

// htmlTemplateUsesContextCopies checks, on a layout of its own, that
// html/template takes a copy put in the set for the one it would make,
// and escapes it: if a Go release stopped doing so, the copies would stay
// unescaped, and must not be added (the pages then stay on html/template).
func htmlTemplateUsesContextCopies() bool {
	set, err := template.New("probe").Parse(`<title>{{template "t" .}}</title>{{define "t"}}{{.}}{{end}}`)
	if err != nil {
		return false
	}
	addContextCopies(set, "probe")
	var out bytes.Buffer
	if err := set.Execute(&out, template.HTML("<b>&amp;</b>")); err != nil || out.String() != "<title>&lt;b&gt;&amp;&lt;/b&gt;</title>" {
		return false
	}
	for _, t := range set.Templates() {
		if !strings.Contains(t.Name(), derivedMark) {
			continue
		}
		action, ok := t.Tree.Root.Nodes[0].(*parse.ActionNode)
		if !ok {
			return false
		}
		cmds := action.Pipe.Cmds
		name, ok := escaperName(cmds[len(cmds)-1])
		return ok && name == escaperPrefix+"rcdataescaper"
	}
	return false
}
