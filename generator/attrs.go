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

// attrReader reads a directive's attributes, collecting errors and the
// names it read so that the rest can be reported as unknown.
type attrReader struct {
	attrs map[string]directive.Attr
	read  map[string]bool
	pos   func(offset int) diag.Position // nil for attributes a layout wrote
	at    diag.Position                  // the directive, for what is missing
	errs  diag.List
	// warns collects the page's warnings; nil for attributes a layout
	// wrote, whose author is not the page's.
	warns *diag.List
	// words are the layouts' words of i18n/en.yaml, for the words a field
	// gets without the author writing them, such as a bare other's.
	words map[string]string
}

func newAttrReader(attrs []directive.Attr, at diag.Position, pos func(int) diag.Position, words map[string]string) *attrReader {
	r := &attrReader{attrs: map[string]directive.Attr{}, read: map[string]bool{}, pos: pos, at: at, words: words}
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

// warn records a problem with name's value that does not stop the build.
func (r *attrReader) warn(name, format string, args ...any) {
	if r.warns != nil {
		r.warns.Add(diag.Warnf(r.posOf(name), format, args...))
	}
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
