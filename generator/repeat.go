package generator

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
)

// An exercise with repeat holds many entries, each with every field of the
// exercise; the runtime adds them (coachbook-entries.js) and saves each
// entry's fields under keys with the entry's ID (ex@entry.sub, see
// docs/answers.md).

// maxEntries is the most entries a repeating exercise may hold.
const maxEntries = 200

// repeatAttrs are what only a repeating exercise takes.
var repeatAttrs = []string{"min", "max", "add"}

// manifestRepeat is what the runtime needs to know of a repeating
// exercise: how many entries make it done, and how many it may hold.
type manifestRepeat struct {
	Min int `json:"min"`
	Max int `json:"max"`
	// add is the label of the button that adds an entry, "" for the
	// runtime's default.
	add string
}

// readRepeat reads repeat, min, max and add, and reports a repeating
// exercise inside another.
func (conv *converting) readRepeat(r *attrReader) *manifestRepeat {
	if !r.bool("repeat") {
		for _, name := range repeatAttrs {
			if r.has(name) {
				r.fail(name, "%s applies only to an exercise with repeat", name)
			}
		}
		return nil
	}
	for _, outer := range conv.open {
		if outer.repeat != nil {
			r.fail("repeat", "a repeating exercise cannot be inside another (%s%s at %s repeats): its entries would each hold entries",
				fence(outer.d), outer.d.Name, conv.pos(outer.d.Offset))
			return nil
		}
	}
	rep := &manifestRepeat{Max: r.count("max", maxEntries, maxEntries)}
	rep.Min = r.count("min", 1, maxEntries)
	if rep.Min > rep.Max {
		r.fail("min", "min (%d) must not be more than max (%d)", rep.Min, rep.Max)
		rep.Min = 1
	}
	if r.has("add") {
		rep.add = r.str("add")
		if rep.add == "" {
			r.fail("add", "add is the label of the button that adds an entry, and must not be empty")
		}
	}
	return rep
}

// addRepeatHook puts what the runtime needs to add entries on the
// outermost element of a repeating exercise's output.
func addRepeatHook(out template.HTML, rep *manifestRepeat) template.HTML {
	attrs := fmt.Sprintf(` data-repeat data-min="%d" data-max="%d"`, rep.Min, rep.Max)
	if rep.add != "" {
		attrs += ` data-add-label="` + template.HTMLEscapeString(rep.add) + `"`
	}
	return insertIntoFirstTag(out, attrs)
}

// keyPrefix is what the key of a field written in the page starts with:
// inside a repeating exercise its ID and a dot, so that every field of an
// entry is EXERCISE@ENTRY.FIELD, and elsewhere nothing.
func (conv *converting) keyPrefix() string {
	for _, ex := range conv.open {
		if ex.repeat != nil {
			return ex.id + "."
		}
	}
	return ""
}

// readPageField reads a field written in the page. Inside a repeating
// exercise its key gains the exercise's ID, so it remembers the keys it had
// before: an author who makes an exercise repeat keeps the client's
// answers (see keysBeforeRepeat).
func (conv *converting) readPageField(typ, label string, r *attrReader) *field {
	prefix := conv.keyPrefix()
	f := readField(typ, prefix, label, r)
	if prefix == "" {
		return f
	}
	for _, key := range append([]string{f.Key}, f.Was...) {
		if before, ok := strings.CutPrefix(key, prefix); ok {
			f.beforeRepeat = append(f.beforeRepeat, before)
		}
	}
	return f
}

// keysBeforeRepeat lists, among the earlier keys of each field written in
// a repeating exercise, the keys it had before the exercise repeated, so
// that the runtime adopts what was saved there into a first entry. A key
// that another field of the page also has, had or may have had is left
// out: its answer could be either field's.
func (conv *converting) keysBeforeRepeat() {
	claims := map[string]int{}
	for _, f := range conv.fields {
		for _, key := range slices.Concat([]string{f.Key}, f.Was, f.beforeRepeat) {
			claims[key]++
		}
	}
	for _, f := range conv.fields {
		for _, key := range f.beforeRepeat {
			if claims[key] == 1 {
				f.Was = append(f.Was, key)
			}
		}
	}
}
