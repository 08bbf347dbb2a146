package generator

import (
	"errors"
	"html/template"
	"text/template/parse"

	"coachbook/generator/diag"
)

// errNoScripts is reported at the base layout when a page's fields need
// runtime extensions but its layouts never load them: those fields would
// show but never save.
var errNoScripts = errors.New(`this page needs the runtime extensions .Scripts lists (for its fields, or to show every answer), but no layout renders .Scripts: ` +
	`add {{range .Scripts}}<script src="{{asset .}}" defer></script>{{end}} after the script of coachbook.js`)

// errNoMessages is reported at the base layout when a page's layouts
// never give the runtime its sentences: its buttons and notices would be
// blank.
var errNoMessages = errors.New(`no layout gives the runtime its sentences: ` +
	`add <script type="application/json" id="coachbook-messages">{{runtimeMessages}}</script> before the script of coachbook.js`)

// checkScripts reports, at the base layout, a page that needs runtime
// extensions rendered by layouts that never mention .Scripts, or whose
// layouts never render the runtime's sentences.
func (b *builder) checkScripts(p *page) error {
	pos := diag.Position{File: "layouts/base.html"}
	if f, ok := b.theme.files["layouts/base.html"]; ok {
		pos.File = f.display
	}
	if use := b.withScripts[p.Kind]; use.runtime && !use.messages {
		return &diag.Error{Pos: pos, Err: errNoMessages}
	}
	if b.withScripts[p.Kind].scripts || len(p.Scripts()) == 0 {
		return nil
	}
	// Layouts that never load the runtime save no answers: pages without
	// fields of their own (listings, the book pages) need no extensions.
	if p.Kind != kindWorkbook && !b.withScripts[p.Kind].runtime {
		return nil
	}
	return &diag.Error{Pos: pos, Err: errNoScripts}
}

// runtimeUse is what a page kind's layouts give the runtime: whether they
// load it at all ({{asset "coachbook.js"}}), the extensions .Scripts
// lists, and the sentences runtimeMessages returns.
type runtimeUse struct{ runtime, scripts, messages bool }

// layoutsWithScripts tells, for each page kind, what its layouts give the
// runtime, read once from the parsed layouts before any page renders them.
func layoutsWithScripts(sets map[string]*template.Template) map[string]runtimeUse {
	with := map[string]runtimeUse{}
	for kind, set := range sets {
		with[kind] = runtimeUse{
			runtime:  rendersField(set, "coachbook.js"),
			scripts:  rendersField(set, "Scripts"),
			messages: rendersField(set, "runtimeMessages"),
		}
	}
	return with
}

// rendersField reports whether any template of set reads the dot's field
// name, as .name or $.name, calls the function name, or writes name as a
// string, as the argument of asset.
func rendersField(set *template.Template, name string) bool {
	for _, t := range set.Templates() {
		if t.Tree != nil && mentions(t.Tree.Root, name) {
			return true
		}
	}
	return false
}

// mentions reports whether node, or any node below it, reads field name.
func mentions(node parse.Node, name string) bool {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if mentions(c, name) {
				return true
			}
		}
	case *parse.ActionNode:
		return mentions(n.Pipe, name)
	case *parse.TemplateNode:
		return n.Pipe != nil && mentions(n.Pipe, name)
	case *parse.IfNode:
		return mentions(&n.BranchNode, name)
	case *parse.RangeNode:
		return mentions(&n.BranchNode, name)
	case *parse.WithNode:
		return mentions(&n.BranchNode, name)
	case *parse.BranchNode:
		return mentions(n.Pipe, name) || mentions(n.List, name) || n.ElseList != nil && mentions(n.ElseList, name)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if mentions(c, name) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if mentions(a, name) {
				return true
			}
		}
	case *parse.FieldNode:
		return len(n.Ident) > 0 && n.Ident[0] == name
	case *parse.IdentifierNode:
		return n.Ident == name
	case *parse.StringNode:
		return n.Text == name
	case *parse.VariableNode:
		return len(n.Ident) > 1 && n.Ident[0] == "$" && n.Ident[1] == name
	case *parse.ChainNode:
		return mentions(n.Node, name)
	}
	return false
}
