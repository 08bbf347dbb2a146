package generator

import (
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"
)

// A field or a container with show-if="NAME OP VALUE" shows only while
// the workbook's field NAME (inside a repeated entry, the entry's own
// copy) holds what the condition says. Without JavaScript, and in print,
// everything shows. The element carries the condition as data attributes
// that coachbook-showif.js evaluates; a hidden field does not count
// towards progress, so each field lists the conditions it sits under for
// the listings (progressField.If). A condition names a field that may come
// later in the page, so it is checked and written into the element once
// the whole page is converted (resolveConditions), as displays are.

// showIfScript hides and shows the elements with show-if.
const showIfScript = "coachbook-showif.js"

// condition is one show-if, as written and as resolved.
type condition struct {
	name, op, value string
	pos             diag.Position
	prefix          string // keyPrefix where it was written
	marker          string // stands in for its data attributes until resolved
	key             string // the field it names, once resolved; "" if it names none
	inside          bool   // on a container: the fields written inside it are under it
}

// progressCondition is a condition as the listings evaluate it with
// coachbook.holds: the field's key, the operator and the value.
type progressCondition struct {
	Key   string `json:"key"`
	Op    string `json:"op"`
	Value string `json:"value,omitempty"`
}

// showIfSyntax is NAME answered, NAME empty, or NAME OP VALUE, where the
// value may be quoted.
var showIfSyntax = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9_.-]*)\s*(?:\s(answered|empty)|(<=|>=|!=|=|<|>)\s*("[^"]*"|[^\s"]+))\s*$`)

// readShowIf reads r's show-if, if any, and returns its condition, whose
// marker goes into the element's first tag.
func (conv *converting) readShowIf(r *attrReader) *condition {
	if !r.has("show-if") {
		return nil
	}
	written := r.str("show-if")
	m := showIfSyntax.FindStringSubmatch(written)
	if m == nil {
		if written != "" {
			r.fail("show-if", "show-if=%q must be a field's ID, an operator (=, !=, <, <=, >, >=) and a value, or the ID and answered or empty, such as show-if=\"mood <= 3\" or show-if=\"role answered\"", written)
		}
		return nil
	}
	c := &condition{name: m[1], op: m[2] + m[3], value: strings.Trim(m[4], `"`), pos: r.posOf("show-if"), prefix: conv.keyPrefix()}
	c.marker = "\x00showif" + strconv.Itoa(len(conv.conditions)+1) + "\x00"
	conv.conditions = append(conv.conditions, c)
	return c
}

// readDirectiveField reads a field written as directive d, of kind typ,
// with its own show-if condition, if any.
func (conv *converting) readDirectiveField(typ string, d *directive.Directive) (*field, *condition) {
	r := conv.attrs(d)
	cond := conv.readShowIf(r)
	f := conv.readPageField(typ, d.Label, r)
	conv.errs.Add(r.errs.Err())
	f.conditions = ownCondition(cond)
	return f, cond
}

// openShowIf reads the show-if of an exercise or callout as it opens:
// every field written inside it shows only while the condition holds.
func (conv *converting) openShowIf(d *directive.Directive) {
	r := conv.attrs(d)
	c := conv.readShowIf(r)
	conv.errs.Add(r.errs.Err())
	if c == nil {
		return
	}
	if conv.showIfOf == nil {
		conv.showIfOf = map[*directive.Directive]*condition{}
	}
	conv.showIfOf[d] = c
	c.inside = true // until closeShowIf: a leaf exercise's layout adds fields too
}

// closeShowIf ends the show-if of container d, returning its output with
// the condition's marker on its outermost element.
func (conv *converting) closeShowIf(d *directive.Directive, out template.HTML) template.HTML {
	c := conv.showIfOf[d]
	if c == nil {
		return out
	}
	c.inside = false
	return insertIntoFirstTag(out, c.marker)
}

// conditionsNow lists the conditions of the containers open around the
// place being converted.
func (conv *converting) conditionsNow() []*condition {
	var out []*condition
	for _, c := range conv.conditions {
		if c.inside {
			out = append(out, c)
		}
	}
	return out
}

// withShowIf puts a field's own condition, if any, on its output.
func withShowIf(out template.HTML, c *condition) template.HTML {
	if c == nil {
		return out
	}
	return insertIntoFirstTag(out, c.marker)
}

// resolveConditions checks what each condition names against the whole
// page's fields, and writes it into its element in place of its marker.
func (conv *converting) resolveConditions() {
	if len(conv.conditions) == 0 {
		return
	}
	html := string(conv.html)
	for _, c := range conv.conditions {
		attrs := ""
		if err := conv.resolveCondition(c); err != nil {
			conv.errs.Add(err)
			c.key = ""
		} else {
			attrs = fmt.Sprintf(` data-show-if-field="%s" data-show-if-op="%s"`, template.HTMLEscapeString(c.key), template.HTMLEscapeString(c.op))
			if c.value != "" {
				attrs += ` data-show-if-value="` + template.HTMLEscapeString(c.value) + `"`
			}
		}
		html = strings.Replace(html, c.marker, attrs, 1)
	}
	conv.html = template.HTML(html)
}

// resolveCondition finds the field c names, inside a repeated entry the
// entry's own first, and reports a condition that does not fit its kind.
func (conv *converting) resolveCondition(c *condition) error {
	var f *field
	for _, key := range []string{c.prefix + c.name, c.name} {
		for _, g := range conv.fields {
			if g.Key == key {
				f = g
				break
			}
		}
		if f != nil {
			break
		}
	}
	if f == nil {
		return diag.Errorf(c.pos, "show-if names %q, which is no field of this workbook: write the ID of a field on this page", c.name)
	}
	c.key = f.Key
	if conv.repeats(f.exercise) && c.prefix != f.exercise+"." {
		return diag.Errorf(c.pos, "show-if names %q, a field of each entry of the repeating exercise %q: only a show-if inside that exercise may name it, and then means the same entry's answer", c.name, f.exercise)
	}
	if slices.Contains(f.conditions, c) {
		return diag.Errorf(c.pos, "show-if names %q, which it would hide itself: a field hidden until it is answered could never be answered", c.name)
	}
	if c.op == "answered" || c.op == "empty" {
		return nil
	}
	switch f.Type {
	case "number", "scale":
		if !decimal.MatchString(c.value) {
			return diag.Errorf(c.pos, "show-if compares the %s field %q with %q: write a number, such as show-if=\"%s %s 3\"", f.Type, c.name, c.value, c.name, c.op)
		}
	case "choice":
		if c.op != "=" && c.op != "!=" {
			return diag.Errorf(c.pos, "show-if compares the choice field %q with %s: a choice takes = or != and one of its options' keys, or answered or empty", c.name, c.op)
		}
		options := optionValues(f.Options)
		if f.Other.Value != "" {
			options = append(options, f.Other.Value)
		}
		if !slices.Contains(options, c.value) {
			return diag.Errorf(c.pos, "show-if compares the choice field %q with %q, which is none of its options' keys: %s", c.name, c.value, orList(quoted(options)))
		}
	case "check":
		if (c.op != "=" && c.op != "!=") || (c.value != "true" && c.value != "false") {
			return diag.Errorf(c.pos, "show-if compares the check %q: write %s = true or %s = false", c.name, c.name, c.name)
		}
	default:
		return diag.Errorf(c.pos, "show-if compares the %s field %q with %s: a %s field takes only answered or empty, such as show-if=\"%s answered\"", f.Type, c.name, c.op, f.Type, c.name)
	}
	return nil
}

// progressConditions lists the resolved conditions f sits under.
func progressConditions(f *field) []progressCondition {
	var out []progressCondition
	for _, c := range f.conditions {
		if c.key != "" {
			out = append(out, progressCondition{Key: c.key, Op: c.op, Value: c.value})
		}
	}
	return out
}

// ownCondition lists a field's own condition, if it has one.
func ownCondition(c *condition) []*condition {
	if c == nil {
		return nil
	}
	return []*condition{c}
}
