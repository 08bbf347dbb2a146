package generator

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"
)

// fieldTypes are the field primitives, each rendered through
// layouts/fields/NAME.html. The value tells whether authors write it as a
// container. "rows" and "check" are for exercise layouts only.
var fieldTypes = map[string]bool{
	"text":      false,
	"textarea":  false,
	"list":      false,
	"choice":    false,
	"checklist": true,
	"scale":     false,
	"date":      false,
	"rows":      false,
	"check":     false,
}

// layoutOnlyFields can be used inside exercise layouts but not written as
// directives.
var layoutOnlyFields = map[string]bool{"rows": true, "check": true}

// Limits that keep a typo such as max=1000000 from building a page of a
// million boxes.
const (
	maxScalePoints = 1001
	maxRepeat      = 50  // the most boxes or rows a list shows to start with
	maxItems       = 200 // the largest max a list or rows may have
)

// fieldID is the form of the IDs authors give: letters first, so that it
// is also a safe part of an HTML id. It never holds '.' or ':', which join
// the parts of keys and of HTML ids.
var fieldID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// field is one answerable control of a workbook, as the manifest lists it
// and as layouts/fields/TYPE.html sees it.
type field struct {
	Type string
	Key  string // the ID in the workbook: "phrase", or "lead.situation-1" for a sub-field
	// DOMID is the field's HTML id; ids derived from it append ":" parts.
	// HintID is the id of its hint, for aria-describedby. Both are set
	// with Key: layouts use them often, and a method call from a layout
	// costs many times what reading a field does.
	DOMID, HintID string
	Label         string
	Hint          string
	Placeholder   string
	Optional      bool
	Class         string
	Was           []string

	Options  []option // choice
	Multiple bool     // choice
	Other    string   // choice: the label of the "other" option, if any
	Words    int      // textarea
	Min, Max int      // list and rows: item counts; scale: the ends
	Step     int      // scale
	MinLabel string   // scale
	MaxLabel string   // scale
	Items    []option // checklist
	Columns  []*field // rows

	exercise string
	pos      diag.Position
}

// option is a choice, or a checklist item, with the ID it is saved under.
type option struct {
	Value   string
	Label   string
	Checked bool
}

// setKey sets the field's key and the ids made from it.
func (f *field) setKey(key string) {
	f.Key, f.DOMID = key, "field-"+key
	f.HintID = f.DOMID + ":hint"
}

// Sub is the last part of the field's key: a column's name within its
// rows.
func (f *field) Sub() string { return f.Key[strings.LastIndex(f.Key, ".")+1:] }

// Range lists the scale's values, for layouts that show each as a choice.
func (f *field) Range() []int {
	var out []int
	for v := f.Min; f.Step > 0 && v <= f.Max && len(out) < maxScalePoints; v += f.Step {
		out = append(out, v)
	}
	return out
}

// Repeat returns 1..n, the boxes or rows a list or rows field shows before
// any are added: at least one, and at least its minimum.
func (f *field) Repeat() []int { return seq(max(f.Min, 1)) }

// attrReader reads a directive's attributes, collecting errors and the
// names it read so that the rest can be reported as unknown.
type attrReader struct {
	attrs map[string]directive.Attr
	read  map[string]bool
	pos   func(offset int) diag.Position // nil for attributes a layout wrote
	at    diag.Position                  // the directive, for what is missing
	errs  diag.List
}

func newAttrReader(attrs []directive.Attr, at diag.Position, pos func(int) diag.Position) *attrReader {
	r := &attrReader{attrs: map[string]directive.Attr{}, read: map[string]bool{}, pos: pos, at: at}
	for _, a := range attrs {
		r.attrs[a.Key] = a
	}
	return r
}

func (r *attrReader) posOf(name string) diag.Position {
	if a, ok := r.attrs[name]; ok && r.pos != nil {
		return r.pos(a.Offset)
	}
	return r.at
}

func (r *attrReader) fail(name, format string, args ...any) {
	r.errs.Add(diag.Errorf(r.posOf(name), format, args...))
}

// messages returns the errors without their positions, for attributes
// that a layout wrote, whose position is in the layout.
func (r *attrReader) messages() string {
	var msgs []string
	for _, err := range r.errs {
		var de *diag.Error
		if errors.As(err, &de) {
			err = de.Err
		}
		msgs = append(msgs, err.Error())
	}
	return strings.Join(msgs, "; ")
}

// has reports whether name was written.
func (r *attrReader) has(name string) bool {
	r.read[name] = true
	_, ok := r.attrs[name]
	return ok
}

// str returns name's text, or "". A bare name, which means true, is an
// error here, since a text attribute needs a value.
func (r *attrReader) str(name string) string {
	if !r.has(name) {
		return ""
	}
	a := r.attrs[name]
	if a.Value == "true" && a.Bare {
		r.fail(name, "%s needs a value: write %s=\"…\"", name, name)
		return ""
	}
	return a.Value
}

// int returns name's whole-number value, or def when it is absent. Values
// beyond a million are refused, as no workbook needs them.
func (r *attrReader) int(name string, def int) int {
	if !r.has(name) {
		return def
	}
	v := r.attrs[name].Value
	n, err := strconv.Atoi(v)
	if err != nil || n > 1_000_000 || n < -1_000_000 {
		r.fail(name, "%s must be a whole number, not %q", name, v)
		return def
	}
	return n
}

// count returns a count between 1 and most, or def when absent.
func (r *attrReader) count(name string, def, most int) int {
	n := r.int(name, def)
	if n < 1 || n > most {
		r.fail(name, "%s must be between 1 and %d, not %d", name, most, n)
		return def
	}
	return n
}

// bool returns whether name is set; a bare name means true.
func (r *attrReader) bool(name string) bool {
	if !r.has(name) {
		return false
	}
	switch v := r.attrs[name].Value; v {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	default:
		r.fail(name, "%s must be true or false, not %q", name, v)
		return false
	}
}

// cssClasses are what class= may hold: names that layouts can style.
var cssClasses = regexp.MustCompile(`^[A-Za-z0-9_ -]*$`)

// class returns the class attribute, which must be plain class names.
func (r *attrReader) class() string {
	c := r.str("class")
	if !cssClasses.MatchString(c) {
		r.fail("class", "class %q may hold only class names of letters, digits, '-' and '_'", c)
		return ""
	}
	return strings.TrimSpace(c)
}

// id returns the required #id, reporting it missing or malformed.
func (r *attrReader) id(what string) string {
	id := r.str("id")
	switch {
	case !r.has("id"):
		r.errs.Add(diag.Errorf(r.at, "%s needs an ID that never changes, such as {#my-answer}: answers are saved under it", what))
	case !fieldID.MatchString(id):
		r.fail("id", "ID %q must start with a letter and hold only letters, digits, '-' and '_'", id)
	}
	return id
}

// unknown reports every attribute that was not read, naming those that
// were.
func (r *attrReader) unknown(what string) {
	var names []string
	for k := range r.attrs {
		if !r.read[k] {
			names = append(names, k)
		}
	}
	if len(names) == 0 {
		return
	}
	known := make([]string, 0, len(r.read))
	for k := range r.read {
		known = append(known, k)
	}
	sort.Strings(names)
	for _, k := range names {
		r.fail(k, "unknown attribute %q on %s; it takes %s", k, what, describeKnown(known))
	}
}

// readField reads a field of type typ from its attributes. label is the
// directive's [label], if any. The key is the field's ID, under prefix
// for sub-fields of an exercise.
func readField(typ, prefix, label string, r *attrReader) *field {
	id := r.id(typ)
	f := &field{Type: typ, pos: r.posOf("id")}
	f.setKey(prefix + id)
	f.Label = label
	if r.has("label") {
		f.Label = r.str("label")
	}
	if strings.TrimSpace(f.Label) == "" {
		r.errs.Add(diag.Errorf(r.at, "%s %q needs a label: write ::%s[The question]{#%s} or label=\"The question\"", typ, id, typ, id))
	}
	f.Hint = r.str("hint")
	f.Placeholder = r.str("placeholder")
	f.Optional = r.bool("optional")
	f.Class = r.class()
	f.Was = readWas(r, prefix, id)

	switch typ {
	case "textarea":
		if f.Words = r.int("words", 0); f.Words < 0 {
			r.fail("words", "words must be a positive number")
		}
	case "list", "rows":
		f.Min, f.Max = r.int("min", 0), r.int("max", 0)
		switch {
		case f.Min < 0 || f.Min > maxRepeat:
			r.fail("min", "min must be between 0 and %d, not %d", maxRepeat, f.Min)
		case f.Max < 0 || f.Max > maxItems:
			r.fail("max", "max must be between 1 and %d, not %d", maxItems, f.Max)
		case f.Max != 0 && f.Min > f.Max:
			r.fail("min", "min (%d) is greater than max (%d)", f.Min, f.Max)
		}
	case "scale":
		readScale(f, r)
	case "choice":
		f.Multiple = r.bool("multiple")
		f.Options = readOptions(r)
		f.Other = readOther(r, f.Options)
	}
	r.unknown(typ)
	return f
}

// readScale reads a scale's ends, step and labels.
func readScale(f *field, r *attrReader) {
	f.Min, f.Max, f.Step = r.int("min", 0), r.int("max", 10), r.int("step", 1)
	f.MinLabel, f.MaxLabel = r.str("minLabel"), r.str("maxLabel")
	switch {
	case f.Step <= 0:
		r.fail("step", "step must be a positive number, not %d", f.Step)
		f.Step = 1
	case f.Min >= f.Max:
		r.fail("min", "min (%d) must be less than max (%d)", f.Min, f.Max)
	case (f.Max-f.Min)%f.Step != 0:
		r.fail("step", "step %d does not reach max %d from min %d", f.Step, f.Max, f.Min)
	case (f.Max-f.Min)/f.Step+1 > maxScalePoints:
		which := "max"
		if _, ok := r.attrs["step"]; ok {
			which = "step"
		}
		r.fail(which, "a scale may have at most %d points; make the step larger", maxScalePoints)
	}
}

// readWas reads the IDs a field was once saved under, so the client can
// carry old answers over.
func readWas(r *attrReader, prefix, id string) []string {
	list := r.str("was")
	if list == "" {
		return nil
	}
	var was []string
	for _, old := range strings.Split(list, ",") {
		old = strings.TrimSpace(old)
		switch {
		case !fieldID.MatchString(old):
			r.fail("was", "was=%q must list earlier IDs separated by commas", list)
			return nil
		case old == id:
			r.fail("was", "was=%q names the field's own ID %q", list, id)
			return nil
		}
		was = append(was, prefix+old)
	}
	return was
}

// readOptions reads a choice's options="a|b|c".
func readOptions(r *attrReader) []option {
	list := r.str("options")
	if list == "" {
		r.errs.Add(diag.Errorf(r.at, "choice needs options, such as options=\"Yes|No|Not sure\""))
		return nil
	}
	var opts []option
	seen := map[string]bool{}
	for _, o := range strings.Split(list, "|") {
		o = strings.TrimSpace(o)
		if o == "" {
			r.fail("options", "options has an empty choice: separate choices with single |")
			continue
		}
		if seen[o] {
			r.fail("options", "options lists %q twice", o)
			continue
		}
		seen[o] = true
		opts = append(opts, option{Value: o, Label: o})
	}
	return opts
}

// readOther reads a choice's other: bare for an "Other" choice, a text to
// name it, or false for none.
func readOther(r *attrReader, opts []option) string {
	if !r.has("other") {
		return ""
	}
	a := r.attrs["other"]
	label := a.Value
	switch {
	case a.Bare || label == "true" || label == "yes":
		label = "Other"
	case label == "false" || label == "no":
		return ""
	}
	for _, o := range opts {
		if o.Value == label {
			r.fail("other", "other=%q is also one of the options: name the other choice differently", label)
			return ""
		}
	}
	return label
}

// manifest is what the build writes for each workbook: every field the
// client saves, so that progress, export and import work without reading
// the page.
type manifest struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	URL       string             `json:"url"`
	Exercises []manifestExercise `json:"exercises"`
	Fields    []manifestField    `json:"fields"`
}

// manifestExercise names a group of fields.
type manifestExercise struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Label string `json:"label,omitempty"`
}

// manifestField is one saved answer.
type manifestField struct {
	Key      string           `json:"key"`
	Type     string           `json:"type"`
	Label    string           `json:"label"`
	Counts   bool             `json:"counts"`
	Exercise string           `json:"exercise,omitempty"`
	Was      []string         `json:"was,omitempty"`
	Options  []string         `json:"options,omitempty"`
	Other    bool             `json:"other,omitempty"`
	Columns  []manifestColumn `json:"columns,omitempty"`
	Max      int              `json:"max,omitempty"` // list and rows: the most items; 0 for no limit
}

// manifestColumn is one column of a rows field.
type manifestColumn struct {
	Key   string `json:"key"`
	Type  string `json:"type"`
	Label string `json:"label"`
}

func (f *field) manifest() manifestField {
	m := manifestField{Key: f.Key, Type: f.Type, Label: f.Label, Counts: !f.Optional, Exercise: f.exercise, Was: f.Was, Other: f.Other != ""}
	for _, o := range append(f.Options, f.Items...) {
		m.Options = append(m.Options, o.Value)
	}
	for _, c := range f.Columns {
		m.Columns = append(m.Columns, manifestColumn{Key: c.Sub(), Type: c.Type, Label: c.Label})
	}
	if f.Type == "list" || f.Type == "rows" {
		m.Max = f.Max
	}
	return m
}

// slugID makes a checklist item's ID from its text when the author gave
// none: ASCII letters and digits joined by hyphens, or "" when the text
// has too few of them to make one.
func slugID(text string) string {
	id := hyphenate(text, func(c rune) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' })
	if id != "" && !fieldID.MatchString(id) {
		id = "item-" + id
	}
	return id
}

// describeKnown lists names for an error message.
func describeKnown(names []string) string {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	return strings.Join(sorted, ", ")
}
