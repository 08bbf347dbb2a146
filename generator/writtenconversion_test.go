package generator

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestOnlyHTMLSeesEveryField guards the list of fields onlyHTML checks by
// hand: a conversion with any field but its HTML set is not blank, or a
// page that has it would lose it once written, when it shares
// writtenBlank. A field added to conversion fails here until onlyHTML
// checks it too.
func TestOnlyHTMLSeesEveryField(t *testing.T) {
	blank := conversion{manifest: []manifestField{}, html: "<p>text</p>"}
	if !blank.onlyHTML() {
		t.Fatal("a conversion with only HTML is not taken as blank")
	}
	typ := reflect.TypeOf(blank)
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		if name == "html" {
			continue
		}
		c := blank
		field := reflect.ValueOf(&c).Elem().Field(i)
		// The fields are unexported: set them through their address.
		setNonZero(t, name, reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem())
		if c.onlyHTML() {
			t.Errorf("a conversion with %s set is taken as holding only HTML", name)
		}
	}
}

// setNonZero gives v a value other than its blank one: true, a list or
// map of one item, or a pointer to a new value.
func setNonZero(t *testing.T, name string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(reflect.Zero(v.Type().Key()), reflect.Zero(v.Type().Elem()))
		v.Set(m)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	default:
		t.Fatalf("field %s is a %s: teach setNonZero to set it", name, v.Kind())
	}
}
