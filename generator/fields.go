package generator

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"
)

// fieldType describes a field primitive: the attributes it takes beyond
// the common ones, and whether it is written as a container.
type fieldType struct {
	attrs     []string
	container bool
}

// commonFieldAttrs are taken by every field.
var commonFieldAttrs = []string{"id", "label", "hint", "placeholder", "optional", "was", "class"}

// fieldTypes are the primitives authors write as directives. Each renders
// through layouts/fields/NAME.html. "rows" is used by exercise layouts
// only, since its columns are given in the layout.
var fieldTypes = map[string]fieldType{
	"text":      {},
	"textarea":  {attrs: []string{"words"}},
	"list":      {attrs: []string{"min", "max"}},
	"choice":    {attrs: []string{"options", "multiple", "other"}},
	"checklist": {container: true},
	"scale":     {attrs: []string{"min", "max", "step", "minLabel", "maxLabel"}},
	"date":      {},
	"rows":      {attrs: []string{"min", "max"}},
	"check":     {},
}

// layoutOnlyFields can be used inside exercise layouts but not written as
// directives.
var layoutOnlyFields = map[string]bool{"rows": true, "check": true}

// fieldID is the form of the IDs authors give: letters first, so that it
// is also a safe part of an HTML id.
var fieldID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// field is one answerable control of a workbook, as the manifest lists it
// and as layouts/fields/TYPE.html sees it.
type field struct {
	Type        string
	Key         string // the ID in the workbook: "phrase", or "lead.1.situation" for a sub-field
	Label       string
	Hint        string
	Placeholder string
	Optional    bool
	Class       string
	Was         []string

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

// DOMID is the field's HTML id. The prefix keeps it apart from heading IDs.
func (f *field) DOMID() string { return "field-" + f.Key }

// Sub is the last part of the field's key: a column's name within its
// rows.
func (f *field) Sub() string { return f.Key[strings.LastIndex(f.Key, ".")+1:] }

// HintID is the id of the field's hint, for aria-describedby.
func (f *field) HintID() string { return f.DOMID() + ":hint" }

// Range lists the scale's values, for layouts that show each as a choice.
func (f *field) Range() []int {
	var out []int
	for v := f.Min; f.Step > 0 && v <= f.Max; v += f.Step {
		out = append(out, v)
	}
	return out
}

// Repeat returns 1..n, the rows a list or rows field shows before any are
// added: at least one, and at least its minimum.
func (f *field) Repeat() []int {
	n := max(f.Min, 1)
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// attrReader reads a directive's attributes, collecting errors and the
// names it read so that the rest can be reported as unknown.
type attrReader struct {
	attrs map[string]directive.Attr
	read  map[string]bool
	pos   func(offset int) diag.Position
	at    diag.Position // the directive, for attributes that are missing
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

// has reports whether name was written.
func (r *attrReader) has(name string) bool {
	r.read[name] = true
	_, ok := r.attrs[name]
	return ok
}

// str returns name's value, or "".
func (r *attrReader) str(name string) string {
	r.read[name] = true
	return r.attrs[name].Value
}

// int returns name's whole-number value, or def when it is absent.
func (r *attrReader) int(name string, def int) int {
	if !r.has(name) {
		return def
	}
	v := r.attrs[name].Value
	n, err := strconv.Atoi(v)
	if err != nil {
		r.fail(name, "%s must be a whole number, not %q", name, v)
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

// unknown reports every attribute that was not read, naming those that
// were.
func (r *attrReader) unknown(what string) {
	known := make([]string, 0, len(r.read))
	for k := range r.read {
		known = append(known, k)
	}
	sort.Strings(known)
	var names []string
	for k := range r.attrs {
		if !r.read[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		r.fail(k, "unknown attribute %q on %s; it takes %s", k, what, strings.Join(known, ", "))
	}
}

// readField reads a field of type typ from its attributes. label is the
// directive's [label], if any. The key is the field's ID, under prefix
// for sub-fields of an exercise.
func readField(typ, prefix, label string, r *attrReader) *field {
	f := &field{Type: typ, pos: r.at}
	id := r.str("id")
	switch {
	case !r.has("id"):
		r.errs.Add(diag.Errorf(r.at, "%s needs an ID that never changes, such as {#my-answer}: answers are saved under it", typ))
	case !fieldID.MatchString(id):
		r.fail("id", "ID %q must start with a letter and hold only letters, digits, '-' and '_'", id)
	}
	f.Key = prefix + id
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
	f.Was = readWas(r, prefix)

	switch typ {
	case "textarea":
		f.Words = r.int("words", 0)
		if f.Words < 0 {
			r.fail("words", "words must be a positive number")
		}
	case "list", "rows":
		f.Min, f.Max = r.int("min", 0), r.int("max", 0)
		checkRange(r, f.Min, f.Max, 0)
	case "scale":
		f.Min, f.Max, f.Step = r.int("min", 0), r.int("max", 10), r.int("step", 1)
		f.MinLabel, f.MaxLabel = r.str("minLabel"), r.str("maxLabel")
		if f.Step <= 0 {
			r.fail("step", "step must be a positive number, not %d", f.Step)
			f.Step = 1
		}
		if f.Min >= f.Max {
			r.fail("min", "min (%d) must be less than max (%d)", f.Min, f.Max)
		}
	case "choice":
		f.Multiple = r.bool("multiple")
		if r.has("other") {
			f.Other = r.str("other")
			if f.Other == "true" {
				f.Other = "Other"
			}
		}
		f.Options = readOptions(r)
	}
	r.unknown(typ)
	return f
}

// checkRange reports min greater than max, where max 0 means no limit.
func checkRange(r *attrReader, min, max, floor int) {
	if min < floor {
		r.fail("min", "min must be at least %d", floor)
	}
	if max != 0 && min > max {
		r.fail("min", "min (%d) is greater than max (%d)", min, max)
	}
}

// readWas reads the IDs a field was once saved under, so the client can
// carry old answers over.
func readWas(r *attrReader, prefix string) []string {
	if !r.has("was") {
		return nil
	}
	var was []string
	for _, old := range strings.Split(r.str("was"), ",") {
		old = strings.TrimSpace(old)
		if !fieldID.MatchString(old) {
			r.fail("was", "was=%q must list earlier IDs separated by commas", r.str("was"))
			return nil
		}
		was = append(was, prefix+old)
	}
	return was
}

// readOptions reads a choice's options="a|b|c".
func readOptions(r *attrReader) []option {
	if !r.has("options") {
		r.errs.Add(diag.Errorf(r.at, "choice needs options, such as options=\"Yes|No|Not sure\""))
		return nil
	}
	var opts []option
	seen := map[string]bool{}
	for _, o := range strings.Split(r.str("options"), "|") {
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
}

// manifestColumn is one column of a rows field.
type manifestColumn struct {
	Key   string `json:"key"`
	Type  string `json:"type"`
	Label string `json:"label"`
}

func (f *field) manifest() manifestField {
	m := manifestField{Key: f.Key, Type: f.Type, Label: f.Label, Counts: !f.Optional, Exercise: f.exercise, Was: f.Was}
	for _, o := range f.Options {
		m.Options = append(m.Options, o.Value)
	}
	for _, o := range f.Items {
		m.Options = append(m.Options, o.Value)
	}
	m.Other = f.Other != ""
	for _, c := range f.Columns {
		m.Columns = append(m.Columns, manifestColumn{Key: strings.TrimPrefix(c.Key, f.Key+"."), Type: c.Type, Label: c.Label})
	}
	return m
}

// slugID makes a checklist item's ID from its text when the author gave
// none.
func slugID(text string) string {
	id := (&headingIDs{used: map[string]bool{}}).Generate([]byte(text), 0)
	if !fieldID.Match(id) {
		return "item-" + string(id)
	}
	return string(id)
}

// describeKnown lists names for an error message.
func describeKnown(names []string) string {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	return strings.Join(sorted, ", ")
}

// errDuplicateKey reports an ID used twice in one workbook.
func errDuplicateKey(key string, at, first diag.Position) error {
	return diag.Errorf(at, "ID %q is used twice in this workbook: it is already used at %s", key, first)
}
