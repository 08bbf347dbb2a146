package generator

import (
	"fmt"
	"html/template"
	"reflect"
	"text/template/parse"
)

// The layouts call a few dozen Go methods and functions, hundreds of
// thousands of times in a build: reflect.Value.Call spends longer on
// each than most of them take. A function or method whose signature is
// one listed in typedSignatures is called here as a Go func instead,
// asserted once (per site and receiver type, for a method) from its
// reflect value; its arguments are evaluated and converted by the same
// code, in the same order, as for reflect.Value.Call, and a panic in it
// becomes the same error. Any other signature, or a wrong number of
// arguments, still goes through fastState.call.

// typedFunc is a function, or a method expression whose first parameter
// is the receiver, that can be called without reflect.Value.Call.
type typedFunc struct {
	numIn    int // parameters, the receiver's included
	variadic bool
	call     func(a typedArgs) (reflect.Value, error)
}

// typedArgs are the values of one call: the receiver, for a method,
// then the command's arguments, then the previous command's value.
type typedArgs struct {
	s        *fastState
	dot      reflect.Value
	recv     reflect.Value // valid for a method
	args     []fastArg
	final    reflect.Value
	hasFinal bool
}

// count is how many parameters the call fills.
func (a typedArgs) count() int {
	n := len(a.args)
	if a.hasFinal {
		n++
	}
	if a.recv.IsValid() {
		n++
	}
	return n
}

// value evaluates parameter i for type typ as fastState.call does.
func (a typedArgs) value(i int, typ reflect.Type) reflect.Value {
	if a.recv.IsValid() {
		if i == 0 {
			return a.recv
		}
		i--
	}
	if i < len(a.args) {
		return a.args[i](a.s, a.dot, typ)
	}
	return a.s.validateType(a.final, typ)
}

// callTyped calls fn with the arguments, or reports false, having
// evaluated nothing, when their number is wrong, for fastState.call to
// report as text/template does.
func (s *fastState) callTyped(fn *typedFunc, dot, recv reflect.Value, node parse.Node, name string, args []fastArg, final reflect.Value, hasFinal bool) (reflect.Value, bool) {
	a := typedArgs{s: s, dot: dot, recv: recv, args: args, final: final, hasFinal: hasFinal}
	n := a.count()
	if n != fn.numIn && !(fn.variadic && n >= fn.numIn-1) {
		return reflect.Value{}, false
	}
	v, err := fn.call(a)
	if err != nil {
		s.at(node)
		s.errorf("error calling %s: %w", name, err)
	}
	return v, true
}

// typedFuncOf returns fn as a typedFunc, or nil when its signature is
// not one listed.
func typedFuncOf(fn reflect.Value) *typedFunc {
	if !fn.IsValid() || fn.Kind() != reflect.Func || fn.IsNil() {
		return nil
	}
	f := fn.Interface()
	for _, adapt := range typedSignatures {
		if t := adapt(f); t != nil {
			return t
		}
	}
	return nil
}

// typedSignatures are the signatures of the layouts' methods (with their
// receiver first) and functions, the builtins' included.
var typedSignatures = concat(
	receiverSignatures[*call](),
	receiverSignatures[*field](),
	receiverSignatures[rowsCell](),
	receiverSignatures[*page](),
	[]func(any) *typedFunc{
		// The page's own methods.
		fixed1[*page, []languageLink], fixed1[*page, *support], fixed1[*page, []*page],
		fixed1[*page, []progressGroup], fixed1[*page, []bookGroup],
		// Functions: i18n, printf, attrs, i18nN, cell, list, asset, relURL,
		// runtimeMessages, hasAsset, seq.
		fixed0[template.JS],
		fixed1[string, string], fixed1[string, bool], fixed1[int, []int],
		variadic1[string, string], variadic1[any, []any],
		variadic2[string, any, string],
		variadic3[string, int, any, template.HTML],
		fixed3[*field, *field, int, template.HTML],
		// Builtins (and and or evaluate their arguments themselves).
		fixed1[reflect.Value, bool], fixed1[reflect.Value, int],
		fixed2[reflect.Value, reflect.Value, bool],
		variadic2[reflect.Value, reflect.Value, bool],
		variadic2[reflect.Value, reflect.Value, reflect.Value],
	},
)

// receiverSignatures are the signatures of the methods the layouts call
// on a receiver of type R.
func receiverSignatures[R any]() []func(any) *typedFunc {
	return []func(any) *typedFunc{
		fixed1[R, string], fixed1[R, bool], fixed1[R, int], fixed1[R, []int], fixed1[R, []string],
		fixed1[R, template.HTML], fixed1[R, template.JS], fixed1[R, template.HTMLAttr],
		fixed2[R, string, string], fixed2[R, string, bool], fixed2[R, string, int],
		fixed3[R, string, int, int], fixed3[R, string, bool, bool],
		fixed4[R, string, int, int, int],
		variadic2[R, string, template.HTML],
		variadic4[R, string, string, string, template.HTML],
		variadic4[R, string, string, string, *field],
		variadic4[R, string, string, *field, template.HTML],
	}
}

func concat[T any](lists ...[]T) []T {
	var all []T
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// param converts an evaluated argument to a parameter of type P.
type param[P any] struct {
	typ reflect.Type
	as  func(reflect.Value) P
}

func paramOf[P any]() param[P] {
	typ := reflect.TypeFor[P]()
	var as any
	switch typ {
	case stringType:
		as = func(v reflect.Value) string { return v.String() }
	case intType:
		as = func(v reflect.Value) int { return int(v.Int()) }
	case reflectValueType:
		// The argument is evaluated for unboxedValueType: what
		// reflect.Value.Call would pass, with no box to take it out of.
		typ = unboxedValueType
		as = func(v reflect.Value) reflect.Value { return v }
	default:
		as = func(v reflect.Value) P {
			p, _ := v.Interface().(P) // a nil interface stays the zero P
			return p
		}
	}
	return param[P]{typ: typ, as: as.(func(reflect.Value) P)}
}

func (p param[P]) get(a typedArgs, i int) P { return p.as(a.value(i, p.typ)) }

// unboxedValueType stands, when an argument is evaluated, for a
// reflect.Value parameter of a typed func: the argument is what
// validateType would put in a reflect.Value box for reflectValueType,
// as it is, without the allocation of the box.
var unboxedValueType = reflect.TypeFor[struct{ unboxed reflect.Value }]()

// unboxedValue is validateType(value, reflectValueType), unboxed.
func unboxedValue(value reflect.Value) reflect.Value {
	switch {
	case !value.IsValid():
		return reflect.Value{}
	case value.Type() == reflectValueType:
		return value.Interface().(reflect.Value)
	}
	return value
}

// result turns what a typed func returned into the value text/template
// would have had from reflect.Value.Call, or reports false for a result
// it cannot give the same way: an interface, whose reflect value keeps
// its interface type.
func result[T any]() (func(T) reflect.Value, bool) {
	typ := reflect.TypeFor[T]()
	switch {
	case typ == reflectValueType:
		return any(func(v reflect.Value) reflect.Value { return v }).(func(T) reflect.Value), true
	case typ.Kind() == reflect.Interface:
		return nil, false
	}
	return func(t T) reflect.Value { return reflect.ValueOf(t) }, true
}

// newTypedFunc wraps call, which evaluates its arguments and calls the
// function through protect.
func newTypedFunc[T any](numIn int, variadic bool, call func(a typedArgs) (T, error)) *typedFunc {
	box, ok := result[T]()
	if !ok {
		return nil
	}
	return &typedFunc{numIn: numIn, variadic: variadic, call: func(a typedArgs) (reflect.Value, error) {
		out, err := call(a)
		if err != nil {
			return reflect.Value{}, err
		}
		return box(out), nil
	}}
}

// protect calls fn, turning a panic into an error as text/template's
// safeCall does.
func protect[T any](fn func() (T, error)) (out T, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	return fn()
}

// rest evaluates the variadic arguments from parameter from on.
func rest[E any](a typedArgs, from int, p param[E]) []E {
	elems := make([]E, a.count()-from)
	for i := range elems {
		elems[i] = p.get(a, from+i)
	}
	return elems
}

func fixed0[T any](fn any) *typedFunc {
	var f func() (T, error)
	switch g := fn.(type) {
	case func() (T, error):
		f = g
	case func() T:
		f = func() (T, error) { return g(), nil }
	default:
		return nil
	}
	return newTypedFunc(0, false, func(a typedArgs) (T, error) { return protect(f) })
}

func fixed1[A, T any](fn any) *typedFunc {
	var f func(A) (T, error)
	switch g := fn.(type) {
	case func(A) (T, error):
		f = g
	case func(A) T:
		f = func(x A) (T, error) { return g(x), nil }
	default:
		return nil
	}
	pa := paramOf[A]()
	return newTypedFunc(1, false, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		return protect(func() (T, error) { return f(x) })
	})
}

func fixed2[A, B, T any](fn any) *typedFunc {
	var f func(A, B) (T, error)
	switch g := fn.(type) {
	case func(A, B) (T, error):
		f = g
	case func(A, B) T:
		f = func(x A, y B) (T, error) { return g(x, y), nil }
	default:
		return nil
	}
	pa, pb := paramOf[A](), paramOf[B]()
	return newTypedFunc(2, false, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		y := pb.get(a, 1)
		return protect(func() (T, error) { return f(x, y) })
	})
}

func fixed3[A, B, C, T any](fn any) *typedFunc {
	var f func(A, B, C) (T, error)
	switch g := fn.(type) {
	case func(A, B, C) (T, error):
		f = g
	case func(A, B, C) T:
		f = func(x A, y B, z C) (T, error) { return g(x, y, z), nil }
	default:
		return nil
	}
	pa, pb, pc := paramOf[A](), paramOf[B](), paramOf[C]()
	return newTypedFunc(3, false, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		y := pb.get(a, 1)
		z := pc.get(a, 2)
		return protect(func() (T, error) { return f(x, y, z) })
	})
}

func fixed4[A, B, C, D, T any](fn any) *typedFunc {
	var f func(A, B, C, D) (T, error)
	switch g := fn.(type) {
	case func(A, B, C, D) (T, error):
		f = g
	case func(A, B, C, D) T:
		f = func(x A, y B, z C, w D) (T, error) { return g(x, y, z, w), nil }
	default:
		return nil
	}
	pa, pb, pc, pd := paramOf[A](), paramOf[B](), paramOf[C](), paramOf[D]()
	return newTypedFunc(4, false, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		y := pb.get(a, 1)
		z := pc.get(a, 2)
		w := pd.get(a, 3)
		return protect(func() (T, error) { return f(x, y, z, w) })
	})
}

func variadic1[E, T any](fn any) *typedFunc {
	var f func(...E) (T, error)
	switch g := fn.(type) {
	case func(...E) (T, error):
		f = g
	case func(...E) T:
		f = func(e ...E) (T, error) { return g(e...), nil }
	default:
		return nil
	}
	pe := paramOf[E]()
	return newTypedFunc(1, true, func(a typedArgs) (T, error) {
		e := rest(a, 0, pe)
		return protect(func() (T, error) { return f(e...) })
	})
}

func variadic2[A, E, T any](fn any) *typedFunc {
	var f func(A, ...E) (T, error)
	switch g := fn.(type) {
	case func(A, ...E) (T, error):
		f = g
	case func(A, ...E) T:
		f = func(x A, e ...E) (T, error) { return g(x, e...), nil }
	default:
		return nil
	}
	pa, pe := paramOf[A](), paramOf[E]()
	return newTypedFunc(2, true, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		e := rest(a, 1, pe)
		return protect(func() (T, error) { return f(x, e...) })
	})
}

func variadic3[A, B, E, T any](fn any) *typedFunc {
	var f func(A, B, ...E) (T, error)
	switch g := fn.(type) {
	case func(A, B, ...E) (T, error):
		f = g
	case func(A, B, ...E) T:
		f = func(x A, y B, e ...E) (T, error) { return g(x, y, e...), nil }
	default:
		return nil
	}
	pa, pb, pe := paramOf[A](), paramOf[B](), paramOf[E]()
	return newTypedFunc(3, true, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		y := pb.get(a, 1)
		e := rest(a, 2, pe)
		return protect(func() (T, error) { return f(x, y, e...) })
	})
}

func variadic4[A, B, C, E, T any](fn any) *typedFunc {
	var f func(A, B, C, ...E) (T, error)
	switch g := fn.(type) {
	case func(A, B, C, ...E) (T, error):
		f = g
	case func(A, B, C, ...E) T:
		f = func(x A, y B, z C, e ...E) (T, error) { return g(x, y, z, e...), nil }
	default:
		return nil
	}
	pa, pb, pc, pe := paramOf[A](), paramOf[B](), paramOf[C](), paramOf[E]()
	return newTypedFunc(4, true, func(a typedArgs) (T, error) {
		x := pa.get(a, 0)
		y := pb.get(a, 1)
		z := pc.get(a, 2)
		e := rest(a, 3, pe)
		return protect(func() (T, error) { return f(x, y, z, e...) })
	})
}
