package generator

import (
	"regexp"
	"sort"
	"strings"

	"coachbook/generator/diag"
)

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
	Other    option   // choice: the "other" choice, if any; its Value is "" if none
	Words    int      // textarea
	Min, Max int      // list and rows: item counts; scale: the ends
	Step     int      // scale
	MinLabel string   // scale
	MaxLabel string   // scale
	Items    []option // checklist
	Columns  []*field // rows
	// number: its limits (nil for none), its step (0 for any) and unit.
	NumMin, NumMax *float64
	NumStep        float64
	Unit           string
	Remind         bool // date: offers to add the date to a calendar
	// grid: its rows and columns, and what each cell is (text, check or
	// scale, whose ends are Min and Max).
	GridRows, GridCols []option
	Cell               string
	// matrix: what each option (Options) is scored on, whether the
	// criteria are weighted, and whether the client names the options.
	Criteria      []option
	Weights       bool
	ClientOptions bool
	OwnItems      bool   // rank: whether a client may add their own items
	Piles         []pile // sort

	exercise string
	pos      diag.Position
	// conditions are the show-ifs the field shows under: its own and
	// those of the containers around it.
	conditions []*condition
	// beforeRepeat is, for a field written in a repeating exercise, its
	// key and earlier keys as they were before the exercise repeated.
	beforeRepeat []string
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

	if kind, ok := fieldKindNamed(typ); ok && kind.read != nil {
		kind.read(f, r)
	}
	refuseRemind(f, r)
	r.unknown(typ)
	return f
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

// describeKnown lists names for an error message.
func describeKnown(names []string) string {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	return strings.Join(sorted, ", ")
}

// declare records a key, reporting one used twice.
func (conv *converting) declare(key string, at diag.Position) {
	if first, dup := conv.keys[key]; dup {
		conv.errs.Add(diag.Errorf(at, "ID %q is used twice in this workbook: it is already used at %s", key, first))
		return
	}
	conv.keys[key] = at
}

// addField records a field for the manifest, as part of the innermost
// open exercise, whose optional makes every field in it optional.
func (conv *converting) addField(f *field) {
	if n := len(conv.open); n > 0 {
		f.exercise = conv.open[n-1].id
		f.Optional = f.Optional || conv.open[n-1].optional
	}
	f.conditions = append(f.conditions, conv.conditionsNow()...)
	if validKey(f.Key) {
		conv.declare(f.Key, f.pos)
	}
	conv.fields = append(conv.fields, f)
}

// validKey reports whether every part of a key is a valid ID; an invalid
// one has been reported already.
func validKey(key string) bool {
	for _, part := range strings.Split(key, ".") {
		if !fieldID.MatchString(part) {
			return false
		}
	}
	return true
}
