package generator

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"reflect"
	"sort"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// fastLayouts runs the directive layouts without html/template's
// executor, which resolves every field and method by name through
// reflection and calls every escaper through reflection and fmt: on a
// page of exercises that was half the build. Each layout is compiled once,
// from the parse tree html/template escaped, into closures with the
// escapers written in Go; the layouts stay the source of the markup, so a
// site's own layouts are compiled just the same. A layout holding anything
// the compiler does not know (a node, a builtin, an escaping context) is
// left to html/template, as is every layout it is called from.
type fastLayouts struct {
	templates map[string]*fastTemplate
	escapers  *escaperOracles
}

// fastTemplate is one compiled layout.
type fastTemplate struct {
	name string
	tree *parse.Tree
	run  fastNode
	// calls are the layouts it calls with {{template}}, which must be
	// compiled too.
	calls []string
}

// errNotCompiled stops compiling a layout the fast path cannot run.
var errNotCompiled = errors.New("not compiled")

// compileFastLayouts escapes the layouts of set that are run by name
// (entries) and compiles them and the layouts they call, where it can.
// html/template escapes a layout when it first runs it, so each entry
// runs once on no data, which escapes it and calls nothing with side
// effects (a method on a nil dot gives nothing). Only what an entry
// reaches is compiled: a layout no entry reaches may not be escaped yet,
// and an entry html/template cannot escape keeps failing through it.
func compileFastLayouts(set *template.Template, funcs template.FuncMap, entries []string) *fastLayouts {
	fl := &fastLayouts{templates: map[string]*fastTemplate{}, escapers: newEscaperOracles()}
	var todo []string
	for _, name := range entries {
		var escapeErr *template.Error
		if err := set.ExecuteTemplate(io.Discard, name, nil); !errors.As(err, &escapeErr) {
			todo = append(todo, name)
		}
	}
	seen := map[string]bool{}
	for len(todo) > 0 {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		t := set.Lookup(name)
		if seen[name] || t == nil || t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		seen[name] = true
		c := &fastCompiler{funcs: funcs, escapers: fl.escapers, set: fl, tree: t.Tree}
		run, err := c.list(t.Tree.Root)
		if err != nil {
			continue
		}
		fl.templates[name] = &fastTemplate{name: name, tree: t.Tree, run: run, calls: c.calls}
		todo = append(todo, c.calls...)
	}
	// A layout that calls one left to html/template is left to it too.
	for changed := true; changed; {
		changed = false
		for name, ft := range fl.templates {
			for _, callee := range ft.calls {
				if fl.templates[callee] == nil {
					delete(fl.templates, name)
					changed = true
					break
				}
			}
		}
	}
	return fl
}

// execute runs layout name on data into w as html/template would, and
// reports false when the layout is left to html/template.
func (fl *fastLayouts) execute(w *bytes.Buffer, name string, data any) (bool, error) {
	if fl == nil {
		return false, nil
	}
	ft := fl.templates[name]
	if ft == nil {
		return false, nil
	}
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s := &fastState{w: w, set: fl, tmpl: ft}
	s.vars = append(s.firstVars[:0], fastVar{"$", value})
	return true, s.runTop(value)
}

// runTop runs the state's template, turning the panic an error raises
// back into the error, as text/template does.
func (s *fastState) runTop(dot reflect.Value) (err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(texttemplate.ExecError)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	s.tmpl.run(s, dot)
	return nil
}

// entries are the directive layouts run by name: one per directive and
// the cells of rows (cell).
func (dl *directiveLayouts) entries() []string {
	var names []string
	for name, folder := range dl.kinds {
		names = append(names, folder+"/"+name+".html")
	}
	for _, t := range dl.set.Templates() {
		if strings.HasPrefix(t.Name(), "fields/_cell") {
			names = append(names, t.Name())
		}
	}
	sort.Strings(names)
	return names
}

// usesFastPath reports whether name runs through the fast path, for tests.
func (fl *fastLayouts) usesFastPath(name string) bool {
	return fl != nil && fl.templates[name] != nil
}

// fastCompiler compiles the nodes of one layout.
type fastCompiler struct {
	funcs    template.FuncMap
	escapers *escaperOracles
	set      *fastLayouts
	tree     *parse.Tree
	calls    []string
}

// fastNode runs one compiled node.
type fastNode func(s *fastState, dot reflect.Value)

// escaperPrefix starts the names of the functions html/template inserts.
const escaperPrefix = "_html_template_"

func (c *fastCompiler) list(l *parse.ListNode) (fastNode, error) {
	if l == nil {
		return nil, nil
	}
	nodes := make([]fastNode, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		fn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if fn != nil {
			nodes = append(nodes, fn)
		}
	}
	return func(s *fastState, dot reflect.Value) {
		for _, n := range nodes {
			n(s, dot)
		}
	}, nil
}

func (c *fastCompiler) node(n parse.Node) (fastNode, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *fastState, _ reflect.Value) { s.w.Write(text) }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(n, n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n, n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	}
	return nil, errNotCompiled
}

// action prints its pipeline through the escapers html/template put at
// its end, or only sets its variables.
func (c *fastCompiler) action(n *parse.ActionNode) (fastNode, error) {
	cmds := n.Pipe.Cmds
	var chain []string
	for len(cmds) > 0 {
		name, ok := escaperName(cmds[len(cmds)-1])
		if !ok {
			break
		}
		chain = append([]string{name}, chain...)
		cmds = cmds[:len(cmds)-1]
	}
	if len(n.Pipe.Decl) > 0 {
		if len(chain) > 0 {
			return nil, errNotCompiled
		}
		pipe, err := c.pipeline(n.Pipe, n.Pipe.Cmds)
		if err != nil {
			return nil, err
		}
		return func(s *fastState, dot reflect.Value) {
			s.at(n)
			pipe(s, dot)
		}, nil
	}
	esc, ok := c.escapers.chain(strings.Join(chain, " | "))
	if !ok || len(cmds) == 0 {
		return nil, errNotCompiled
	}
	pipe, err := c.pipeline(n.Pipe, cmds)
	if err != nil {
		return nil, err
	}
	return func(s *fastState, dot reflect.Value) {
		s.at(n)
		v := pipe(s, dot)
		if err := esc(s.w, v); err != nil {
			s.errorf("%v", err)
		}
	}, nil
}

// escaperName reports whether cmd is an escaper html/template inserted.
func escaperName(cmd *parse.CommandNode) (string, bool) {
	if len(cmd.Args) != 1 {
		return "", false
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || !strings.HasPrefix(id.Ident, escaperPrefix) {
		return "", false
	}
	return id.Ident, true
}

func (c *fastCompiler) ifOrWith(n parse.Node, pipeNode *parse.PipeNode, list, elseList *parse.ListNode, with bool) (fastNode, error) {
	pipe, err := c.pipeline(pipeNode, pipeNode.Cmds)
	if err != nil {
		return nil, err
	}
	then, err := c.list(list)
	if err != nil {
		return nil, err
	}
	otherwise, err := c.list(elseList)
	if err != nil {
		return nil, err
	}
	return func(s *fastState, dot reflect.Value) {
		s.at(n)
		mark := len(s.vars)
		val := pipe(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			s.errorf("if/with can't use %v", val)
		}
		if truth {
			if with {
				then(s, val)
			} else {
				then(s, dot)
			}
		} else if otherwise != nil {
			otherwise(s, dot)
		}
		s.vars = s.vars[:mark]
	}, nil
}

// rangeNode ranges as text/template does over slices, arrays, integers,
// channels, iterator functions and maps (of string or integer keys: no
// layout's data has maps of others, which are an error here).
func (c *fastCompiler) rangeNode(r *parse.RangeNode) (fastNode, error) {
	if len(r.Pipe.Decl) > 2 {
		return nil, errNotCompiled
	}
	pipe, err := c.pipeline(r.Pipe, r.Pipe.Cmds)
	if err != nil {
		return nil, err
	}
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	otherwise, err := c.list(r.ElseList)
	if err != nil {
		return nil, err
	}
	decl := r.Pipe.Decl
	return func(s *fastState, dot reflect.Value) {
		s.at(r)
		outer := len(s.vars)
		val, _ := indirect(pipe(s, dot))
		mark := len(s.vars)
		one := func(index, elem reflect.Value) {
			if len(decl) > 0 {
				if r.Pipe.IsAssign {
					if len(decl) > 1 {
						s.setVar(decl[0].Ident[0], index)
					} else {
						s.setVar(decl[0].Ident[0], elem)
					}
				} else {
					s.vars[len(s.vars)-1].value = elem
				}
			}
			if len(decl) > 1 {
				if r.Pipe.IsAssign {
					s.setVar(decl[1].Ident[0], elem)
				} else {
					s.vars[len(s.vars)-2].value = index
				}
			}
			body(s, elem)
			s.vars = s.vars[:mark]
		}
		ran := false
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			for i := 0; i < val.Len(); i++ {
				ran = true
				one(reflect.ValueOf(i), val.Index(i))
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if len(decl) > 1 {
				s.errorf("can't use %v to iterate over more than one variable", val)
			}
			for v := range val.Seq() {
				ran = true
				one(reflect.Value{}, v)
			}
		case reflect.Map:
			for _, key := range sortedMapKeys(s, val) {
				ran = true
				one(key, val.MapIndex(key))
			}
		case reflect.Chan:
			if !val.IsNil() && val.Type().ChanDir() == reflect.SendDir {
				s.errorf("range over send-only channel %v", val)
			}
			for i := 0; !val.IsNil(); i++ {
				elem, ok := val.Recv()
				if !ok {
					break
				}
				ran = true
				one(reflect.ValueOf(i), elem)
			}
		case reflect.Func:
			switch {
			case val.Type().CanSeq():
				if len(decl) > 1 {
					s.errorf("can't use %v iterate over more than one variable", val)
				}
				for v := range val.Seq() {
					ran = true
					one(reflect.Value{}, v)
				}
			case val.Type().CanSeq2():
				for i, v := range val.Seq2() {
					ran = true
					if len(decl) > 1 {
						one(i, v)
					} else {
						one(reflect.Value{}, i)
					}
				}
			default:
				s.errorf("range can't iterate over %v", val)
			}
		case reflect.Invalid:
		default:
			s.errorf("range can't iterate over %v", val)
		}
		if !ran && otherwise != nil {
			otherwise(s, dot)
		}
		s.vars = s.vars[:outer]
	}, nil
}

func (c *fastCompiler) templateNode(t *parse.TemplateNode) (fastNode, error) {
	var pipe func(s *fastState, dot reflect.Value) reflect.Value
	if t.Pipe != nil {
		p, err := c.pipeline(t.Pipe, t.Pipe.Cmds)
		if err != nil {
			return nil, err
		}
		pipe = p
	}
	c.calls = append(c.calls, t.Name)
	set, name := c.set, t.Name
	return func(s *fastState, dot reflect.Value) {
		s.at(t)
		callee := set.templates[name]
		if s.depth == maxFastDepth {
			s.errorf("exceeded maximum template depth (%v)", maxFastDepth)
		}
		if pipe != nil {
			dot = pipe(s, dot)
		}
		inner := &fastState{w: s.w, set: s.set, tmpl: callee, depth: s.depth + 1}
		inner.vars = append(inner.firstVars[:0], fastVar{"$", dot})
		callee.run(inner, dot)
	}, nil
}

// maxFastDepth is text/template's limit on nested {{template}} calls.
const maxFastDepth = 100000

// sortedMapKeys returns the keys of m in the order text/template ranges
// over them, for keys of a basic ordered kind.
func sortedMapKeys(s *fastState, m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	var less func(a, b reflect.Value) bool
	switch m.Type().Key().Kind() {
	case reflect.String:
		less = func(a, b reflect.Value) bool { return a.String() < b.String() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		less = func(a, b reflect.Value) bool { return a.Int() < b.Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		less = func(a, b reflect.Value) bool { return a.Uint() < b.Uint() }
	default:
		s.errorf("range can't iterate over %v", m)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}
