package generator

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
)

// The evaluation below follows text/template's exec.go step by step, so
// that values, truth, conversions and error messages are the same; what
// it saves is looking fields and methods up by name on every use (each
// site keeps what it found for the last type it saw) and reaching the
// escapers through reflection.

// fastState is one run of a compiled layout.
type fastState struct {
	w     *bytes.Buffer
	set   *fastLayouts
	tmpl  *fastTemplate
	vars  []fastVar
	depth int
	node  parse.Node // the node errors point at, as text/template's s.at
	// firstVars hold the first variables, in the state's own allocation.
	firstVars [6]fastVar
}

type fastVar struct {
	name  string
	value reflect.Value
}

// fastExpr evaluates a pipeline.
type fastExpr func(s *fastState, dot reflect.Value) reflect.Value

// fastCmd evaluates a command; final is the previous command's value,
// passed as the last argument when hasFinal.
type fastCmd func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value

// fastArg evaluates an argument for a parameter of type typ.
type fastArg func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value

var (
	reflectValueType = reflect.TypeFor[reflect.Value]()
	errorType        = reflect.TypeFor[error]()
	stringerType     = reflect.TypeFor[fmt.Stringer]()
	stringType       = reflect.TypeFor[string]()
	intType          = reflect.TypeFor[int]()
)

func (s *fastState) at(n parse.Node) { s.node = n }

func (s *fastState) errorf(format string, args ...any) {
	name := strings.ReplaceAll(s.tmpl.name, "%", "%%")
	if s.node == nil {
		format = fmt.Sprintf("template: %s: %s", name, format)
	} else {
		location, context := s.tmpl.tree.ErrorContext(s.node)
		format = fmt.Sprintf("template: %s: executing %q at <%s>: %s", location, name, strings.ReplaceAll(context, "%", "%%"), format)
	}
	panic(texttemplate.ExecError{Name: s.tmpl.name, Err: fmt.Errorf(format, args...)})
}

func (s *fastState) setVar(name string, value reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = value
			return
		}
	}
	s.errorf("undefined variable: %s", name)
}

func (s *fastState) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.errorf("undefined variable: %s", name)
	return reflect.Value{}
}

func (c *fastCompiler) pipeline(pipe *parse.PipeNode, cmdNodes []*parse.CommandNode) (fastExpr, error) {
	cmds := make([]fastCmd, len(cmdNodes))
	for i, cmd := range cmdNodes {
		for _, arg := range cmd.Args {
			if id, ok := arg.(*parse.IdentifierNode); ok && strings.HasPrefix(id.Ident, escaperPrefix) {
				return nil, errNotCompiled
			}
		}
		fn, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		cmds[i] = fn
	}
	decl, assign := pipe.Decl, pipe.IsAssign
	return func(s *fastState, dot reflect.Value) reflect.Value {
		s.at(pipe)
		var value reflect.Value
		for i, cmd := range cmds {
			value = cmd(s, dot, value, i > 0)
			if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
				value = value.Elem()
			}
		}
		for _, v := range decl {
			if assign {
				s.setVar(v.Ident[0], value)
			} else {
				s.vars = append(s.vars, fastVar{v.Ident[0], value})
			}
		}
		return value
	}, nil
}

func (c *fastCompiler) command(cmd *parse.CommandNode) (fastCmd, error) {
	args := cmd.Args
	switch n := args[0].(type) {
	case *parse.FieldNode:
		chain, err := c.fieldChain(n, n.Ident, args)
		if err != nil {
			return nil, err
		}
		return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
			s.at(n)
			return chain(s, dot, dot, final, hasFinal)
		}, nil
	case *parse.ChainNode:
		return c.chainNode(n, args)
	case *parse.IdentifierNode:
		return c.function(n, cmd, args)
	case *parse.PipeNode:
		pipe, err := c.pipeline(n, n.Cmds)
		if err != nil {
			return nil, err
		}
		return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
			notAFunction(s, args, hasFinal)
			return pipe(s, dot)
		}, nil
	case *parse.VariableNode:
		return c.variable(n, args)
	}
	first := args[0]
	var value func(dot reflect.Value) reflect.Value
	switch word := first.(type) {
	case *parse.BoolNode:
		v := reflect.ValueOf(word.True)
		value = func(reflect.Value) reflect.Value { return v }
	case *parse.DotNode:
		value = func(dot reflect.Value) reflect.Value { return dot }
	case *parse.NumberNode:
		v, ok := idealConstant(word)
		if !ok {
			return nil, errNotCompiled
		}
		value = func(reflect.Value) reflect.Value { return v }
	case *parse.StringNode:
		v := reflect.ValueOf(word.Text)
		value = func(reflect.Value) reflect.Value { return v }
	default:
		return nil, errNotCompiled
	}
	return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
		s.at(first)
		notAFunction(s, args, hasFinal)
		return value(dot)
	}, nil
}

func notAFunction(s *fastState, args []parse.Node, hasFinal bool) {
	if len(args) > 1 || hasFinal {
		s.errorf("can't give argument to non-function %s", args[0])
	}
}

// idealConstant is a number with no type to convert to, as text/template
// reads it; numbers it reports as errors are not compiled.
func idealConstant(n *parse.NumberNode) (reflect.Value, bool) {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128), true
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), true
	case n.IsInt:
		v := int(n.Int64)
		return reflect.ValueOf(v), int64(v) == n.Int64
	}
	return reflect.Value{}, false
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

func (c *fastCompiler) chainNode(chain *parse.ChainNode, args []parse.Node) (fastCmd, error) {
	switch chain.Node.(type) {
	case *parse.DotNode, *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
	default:
		return nil, errNotCompiled
	}
	pipe, err := c.arg(chain.Node)
	if err != nil {
		return nil, err
	}
	fields, err := c.fieldChain(chain, chain.Field, args)
	if err != nil {
		return nil, err
	}
	return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
		s.at(chain)
		return fields(s, dot, pipe(s, dot, nil), final, hasFinal)
	}, nil
}

func (c *fastCompiler) variable(v *parse.VariableNode, args []parse.Node) (fastCmd, error) {
	name := v.Ident[0]
	if len(v.Ident) == 1 {
		return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
			s.at(v)
			value := s.varValue(name)
			notAFunction(s, args, hasFinal)
			return value
		}, nil
	}
	fields, err := c.fieldChain(v, v.Ident[1:], args)
	if err != nil {
		return nil, err
	}
	return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
		s.at(v)
		return fields(s, dot, s.varValue(name), final, hasFinal)
	}, nil
}

// fieldChainFn evaluates .A.B.C on receiver; the last gets the arguments.
type fieldChainFn func(s *fastState, dot, receiver, final reflect.Value, hasFinal bool) reflect.Value

func (c *fastCompiler) fieldChain(node parse.Node, ident []string, args []parse.Node) (fieldChainFn, error) {
	sites := make([]*fieldSite, len(ident))
	for i, name := range ident {
		sites[i] = &fieldSite{name: name, node: node}
	}
	var callArgs []fastArg
	if len(args) > 1 {
		for _, a := range args[1:] {
			fn, err := c.arg(a)
			if err != nil {
				return nil, err
			}
			callArgs = append(callArgs, fn)
		}
	}
	last := sites[len(sites)-1]
	return func(s *fastState, dot, receiver, final reflect.Value, hasFinal bool) reflect.Value {
		for _, site := range sites[:len(sites)-1] {
			receiver = site.eval(s, dot, receiver, nil, 0, reflect.Value{}, false)
		}
		return last.eval(s, dot, receiver, callArgs, len(args), final, hasFinal)
	}, nil
}

// fieldSite is one .Name of a layout, with what it resolved to for the
// last type it was used on.
type fieldSite struct {
	name  string
	node  parse.Node
	found atomic.Pointer[fieldResolution]
}

// fieldResolution is what .Name means on a receiver type.
type fieldResolution struct {
	typ      reflect.Type // the receiver's type after indirection
	addr     bool         // whether the receiver was addressable
	method   int          // index in the method set, or -1
	index    []int        // the struct field, if no method
	exported bool
	typed    *typedFunc // the method, called without reflection
}

func (f *fieldSite) resolve(receiver reflect.Value, addr bool) *fieldResolution {
	if r := f.found.Load(); r != nil && r.typ == receiver.Type() && r.addr == addr {
		return r
	}
	r := &fieldResolution{typ: receiver.Type(), addr: addr, method: -1}
	ptrType := receiver.Type()
	if addr {
		ptrType = reflect.PointerTo(ptrType)
	}
	if m, ok := ptrType.MethodByName(f.name); ok {
		r.method = m.Index
		if ptrType.Kind() != reflect.Interface {
			r.typed = typedFuncOf(m.Func)
		}
	} else if receiver.Kind() == reflect.Struct {
		if sf, ok := receiver.Type().FieldByName(f.name); ok {
			r.index, r.exported = sf.Index, sf.IsExported()
		}
	}
	f.found.Store(r)
	return r
}

// eval is text/template's evalField. nargs counts the command's words,
// the field's own included, as text/template's args do.
func (f *fieldSite) eval(s *fastState, dot, receiver reflect.Value, args []fastArg, nargs int, final reflect.Value, hasFinal bool) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	typ := receiver.Type()
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.errorf("nil pointer evaluating %s.%s", typ, f.name)
	}
	ptr := receiver
	addr := ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr()
	if addr {
		ptr = ptr.Addr()
	}
	r := f.resolve(receiver, addr)
	if r.method >= 0 {
		if r.typed != nil {
			if v, ok := s.callTyped(r.typed, dot, ptr, f.node, f.name, args, final, hasFinal); ok {
				return v
			}
		}
		return s.call(dot, ptr.Method(r.method), nil, f.node, f.name, args, final, hasFinal)
	}
	hasArgs := nargs > 1 || hasFinal
	switch receiver.Kind() {
	case reflect.Struct:
		if r.index != nil {
			field, err := receiver.FieldByIndexErr(r.index)
			if !r.exported {
				s.errorf("%s is an unexported field of struct type %s", f.name, typ)
			}
			if err != nil {
				s.errorf("%v", err)
			}
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", f.name)
			}
			return field
		}
	case reflect.Map:
		nameVal := reflect.ValueOf(f.name)
		if nameVal.Type().AssignableTo(receiver.Type().Key()) {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", f.name)
			}
			return receiver.MapIndex(nameVal)
		}
	case reflect.Pointer:
		etyp := receiver.Type().Elem()
		if etyp.Kind() == reflect.Struct {
			if _, ok := etyp.FieldByName(f.name); !ok {
				break
			}
		}
		if isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, f.name)
		}
	}
	s.errorf("can't evaluate field %s in type %s", f.name, typ)
	panic("not reached")
}

// fastFunc is a function a layout calls by name.
type fastFunc struct {
	name    string
	fn      reflect.Value
	builtin bool
}

func (c *fastCompiler) function(id *parse.IdentifierNode, cmd parse.Node, args []parse.Node) (fastCmd, error) {
	fn, err := c.findFunction(id.Ident)
	if err != nil {
		return nil, err
	}
	var callArgs []fastArg
	for i := 1; i < len(args); i++ {
		a, err := c.arg(args[i])
		if err != nil {
			return nil, err
		}
		callArgs = append(callArgs, a)
	}
	var typed *typedFunc
	if !fn.builtin || (fn.name != "and" && fn.name != "or") {
		typed = typedFuncOf(fn.fn)
	}
	return func(s *fastState, dot, final reflect.Value, hasFinal bool) reflect.Value {
		s.at(id)
		if typed != nil {
			if v, ok := s.callTyped(typed, dot, reflect.Value{}, cmd, fn.name, callArgs, final, hasFinal); ok {
				return v
			}
		}
		return s.call(dot, fn.fn, fn, cmd, fn.name, callArgs, final, hasFinal)
	}, nil
}

// findFunction finds a function as text/template does: the layouts' own
// first, then the builtins this compiler has.
func (c *fastCompiler) findFunction(name string) (*fastFunc, error) {
	if fn, ok := c.funcs[name]; ok {
		v := reflect.ValueOf(fn)
		if v.Kind() != reflect.Func || goodFunc(name, v.Type()) != nil {
			return nil, errNotCompiled
		}
		return &fastFunc{name: name, fn: v}, nil
	}
	if fn, ok := fastBuiltin(name); ok {
		return &fastFunc{name: name, fn: reflect.ValueOf(fn), builtin: true}, nil
	}
	return nil, errNotCompiled
}

func goodFunc(name string, typ reflect.Type) error {
	switch n := typ.NumOut(); {
	case n == 1:
		return nil
	case n == 2 && typ.Out(1) == errorType:
		return nil
	case n == 2:
		return fmt.Errorf("invalid function signature for %s: second return value should be error; is %s", name, typ.Out(1))
	}
	return fmt.Errorf("function %s has %d return values; should be 1 or 2", name, typ.NumOut())
}

// call is text/template's evalCall; builtin is nil for a method.
func (s *fastState) call(dot, fun reflect.Value, builtin *fastFunc, node parse.Node, name string, args []fastArg, final reflect.Value, hasFinal bool) reflect.Value {
	typ := fun.Type()
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, typ.NumIn()-1, len(args))
		}
	} else if numIn != typ.NumIn() {
		s.errorf("wrong number of args for %s: want %d got %d", name, typ.NumIn(), numIn)
	}
	if err := goodFunc(name, typ); err != nil {
		s.errorf("%v", err)
	}
	if builtin != nil && builtin.builtin && (name == "and" || name == "or") {
		argType := typ.In(0)
		var v reflect.Value
		for _, arg := range args {
			v = arg(s, dot, argType).Interface().(reflect.Value)
			if truth(v) == (name == "or") {
				return v
			}
		}
		if hasFinal {
			v = unwrapValue(s.validateType(final, argType))
		}
		return v
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = args[i](s, dot, typ.In(i))
	}
	if typ.IsVariadic() {
		argType := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = args[i](s, dot, argType)
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	v, err := safeCall(fun, argv)
	if err != nil {
		s.at(node)
		s.errorf("error calling %s: %w", name, err)
	}
	return unwrapValue(v)
}

func unwrapValue(v reflect.Value) reflect.Value {
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

func safeCall(fun reflect.Value, args []reflect.Value) (reflect.Value, error) {
	return protect(func() (reflect.Value, error) {
		ret := fun.Call(args)
		if len(ret) == 2 && !ret[1].IsNil() {
			return ret[0], ret[1].Interface().(error)
		}
		return ret[0], nil
	})
}

func (s *fastState) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if typ == unboxedValueType {
		return unboxedValue(value)
	}
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// arg compiles an argument: text/template's evalArg.
func (c *fastCompiler) arg(n parse.Node) (fastArg, error) {
	switch a := n.(type) {
	case *parse.DotNode:
		return func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(dot, typ)
		}, nil
	case *parse.NilNode:
		return func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			if typ == unboxedValueType {
				return reflect.Value{}
			}
			if !canBeNil(typ) {
				s.errorf("cannot assign nil to %s", typ)
			}
			return reflect.Zero(typ)
		}, nil
	case *parse.FieldNode:
		chain, err := c.fieldChain(a, a.Ident, []parse.Node{n})
		if err != nil {
			return nil, err
		}
		return func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(a)
			return s.validateType(chain(s, dot, dot, reflect.Value{}, false), typ)
		}, nil
	case *parse.VariableNode, *parse.IdentifierNode, *parse.ChainNode:
		var cmd fastCmd
		var err error
		switch a := a.(type) {
		case *parse.VariableNode:
			cmd, err = c.variable(a, nil)
		case *parse.IdentifierNode:
			cmd, err = c.function(a, a, nil)
		case *parse.ChainNode:
			cmd, err = c.chainNode(a, nil)
		}
		if err != nil {
			return nil, err
		}
		return func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(cmd(s, dot, reflect.Value{}, false), typ)
		}, nil
	case *parse.PipeNode:
		pipe, err := c.pipeline(a, a.Cmds)
		if err != nil {
			return nil, err
		}
		return func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(pipe(s, dot), typ)
		}, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		return constantArg(n), nil
	}
	return nil, errNotCompiled
}

// constantArg converts a constant to the parameter's type as text/template
// does, and keeps the common string and int cases ready made.
func constantArg(n parse.Node) fastArg {
	str, isString := n.(*parse.StringNode)
	num, isNumber := n.(*parse.NumberNode)
	boolean, isBool := n.(*parse.BoolNode)
	var ready reflect.Value // the value for an empty interface or its own type
	switch {
	case isString:
		ready = reflect.ValueOf(str.Text)
	case isBool:
		ready = reflect.ValueOf(boolean.True)
	case isNumber:
		ready, _ = idealConstant(num)
	}
	return func(s *fastState, dot reflect.Value, typ reflect.Type) reflect.Value {
		s.at(n)
		if typ == nil {
			s.errorf("can't handle %s for arg of type %s", n, typ)
		}
		if ready.IsValid() && ready.Type() == typ {
			return ready
		}
		value := func() reflect.Value { return reflect.New(typ).Elem() }
		switch typ.Kind() {
		case reflect.Bool:
			if !isBool {
				s.errorf("expected bool; found %s", n)
			}
			v := value()
			v.SetBool(boolean.True)
			return v
		case reflect.Complex64, reflect.Complex128:
			if !isNumber || !num.IsComplex {
				s.errorf("expected complex; found %s", n)
			}
			v := value()
			v.SetComplex(num.Complex128)
			return v
		case reflect.Float32, reflect.Float64:
			if !isNumber || !num.IsFloat {
				s.errorf("expected float; found %s", n)
			}
			v := value()
			v.SetFloat(num.Float64)
			return v
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if !isNumber || !num.IsInt {
				s.errorf("expected integer; found %s", n)
			}
			v := value()
			v.SetInt(num.Int64)
			return v
		case reflect.Interface:
			if typ.NumMethod() == 0 {
				if isNumber && !ready.IsValid() {
					s.errorf("%s overflows int", num.Text)
				}
				return ready
			}
		case reflect.Struct:
			if typ == reflectValueType || typ == unboxedValueType {
				if isNumber && !ready.IsValid() {
					s.errorf("%s overflows int", num.Text)
				}
				if typ == unboxedValueType {
					return ready
				}
				return reflect.ValueOf(ready)
			}
		case reflect.String:
			if !isString {
				s.errorf("expected string; found %s", n)
			}
			v := value()
			v.SetString(str.Text)
			return v
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if !isNumber || !num.IsUint {
				s.errorf("expected unsigned integer; found %s", n)
			}
			v := value()
			v.SetUint(num.Uint64)
			return v
		}
		s.errorf("can't handle %s for arg of type %s", n, typ)
		panic("not reached")
	}
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func truth(arg reflect.Value) bool {
	t, _ := isTrue(indirectInterface(arg))
	return t
}
