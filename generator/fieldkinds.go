package generator

import (
	"regexp"
	"strconv"
	"strings"

	"coachbook/generator/diag"
)

// fieldKind is everything the build knows about one kind of field. Its
// name is the directive authors write (::text[…]{#id}), the type the
// manifest and the runtime know it by, and the layout that renders it:
// layouts/fields/NAME.html, which sees the *field as its dot. The runtime
// binds it through BINDERS[NAME] in assets/coachbook.js, or through
// coachbook.defineKind in the extension file it names as its script.
type fieldKind struct {
	name string
	// script is the runtime extension file in assets/ that binds the
	// kind, which a page loads only when it uses the kind; "" for the
	// core runtime.
	script string
	// container kinds are written as a ::: container holding what holds
	// (a checklist's task list, the fields that are a table's columns);
	// the others are written on one line.
	container bool
	holds     string
	// layoutOnly kinds can be used inside exercise layouts (.Field, .Col)
	// but not written as directives.
	layoutOnly bool
	// column kinds may be a column of rows (.Col, or a field inside a
	// :::rows): those whose answer is one text or one tick. A column
	// renders through layouts/fields/_cell-NAME.html, or _cell.html.
	column bool
	// read reads the attributes the kind takes beyond the common ones
	// (id, label, hint, placeholder, optional, class, was), if any.
	read func(f *field, r *attrReader)
	// manifest adds what the kind alone lists in the manifest, if anything.
	manifest func(f *field, m *manifestField)
	// counts reports whether the field counts towards progress.
	counts func(f *field) bool
}

// fieldKinds are the field primitives. Their order is the order in which
// messages list them.
var fieldKinds = []fieldKind{
	{name: "text", column: true, counts: unlessOptional},
	{name: "textarea", column: true, read: readWords, counts: unlessOptional},
	{name: "list", script: tablesScript, read: readItemCounts, manifest: manifestMax, counts: unlessOptional},
	{name: "choice", column: true, read: readChoice, manifest: manifestOptions, counts: unlessOptional},
	{name: "rank", script: orderScript, read: readRank, manifest: manifestCards, counts: unlessOptional},
	{name: "sort", script: orderScript, read: readSort, manifest: manifestCards, counts: unlessOptional},
	{name: "checklist", container: true, holds: "a task list", manifest: manifestItems, counts: unlessOptional},
	{name: "scale", column: true, read: readScale, counts: unlessOptional},
	{name: "date", column: true, read: readRemind, counts: unlessOptional},
	{name: "number", column: true, read: readNumber, manifest: manifestNumber, counts: unlessOptional},
	{name: "rows", script: tablesScript, container: true, holds: "one field per column", read: readItemCounts, manifest: manifestRows, counts: unlessOptional},
	{name: "check", layoutOnly: true, column: true, counts: unlessOptional},
	{name: "grid", script: gridScript, read: readGrid, counts: unlessOptional},
	{name: "matrix", script: gridScript, read: readMatrix, counts: unlessOptional},
}

// tablesScript binds the repeatable fields, lists and rows.
const tablesScript = "coachbook-tables.js"

// gridScript binds the two-way tables, weekly grids and decision matrices.
const gridScript = "coachbook-grid.js"

// fieldKindNamed returns the field kind called name.
func fieldKindNamed(name string) (*fieldKind, bool) {
	for i := range fieldKinds {
		if fieldKinds[i].name == name {
			return &fieldKinds[i], true
		}
	}
	return nil, false
}

// layoutOnlyField reports whether name is a field kind that only exercise
// layouts may use.
func layoutOnlyField(name string) bool {
	k, ok := fieldKindNamed(name)
	return ok && k.layoutOnly
}

// fieldLayout is the layout that renders a field of kind name.
func fieldLayout(name string) string { return "fields/" + name + ".html" }

// columnKinds lists the kinds a column of rows may be, for messages.
func columnKinds() string {
	var names []string
	for _, k := range fieldKinds {
		if k.column {
			names = append(names, k.name)
		}
	}
	return orList(names)
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " or " + names[len(names)-1]
}

// unlessOptional counts every field that is not optional.
func unlessOptional(f *field) bool { return !f.Optional }

// readWords reads a textarea's suggested length in words.
func readWords(f *field, r *attrReader) {
	if f.Words = r.int("words", 0); f.Words < 0 {
		r.fail("words", "words must be a positive number")
	}
}

// readItemCounts reads how many items a list or rows starts with and may
// hold: without max, as many as any may (200), as a repeat's entries.
func readItemCounts(f *field, r *attrReader) {
	f.Min, f.Max = r.int("min", 0), r.int("max", maxItems)
	switch {
	case f.Min < 0 || f.Min > maxRepeat:
		r.fail("min", "min must be between 0 and %d, not %d", maxRepeat, f.Min)
	case f.Max < 0 || f.Max > maxItems:
		r.fail("max", "max must be between 1 and %d, not %d", maxItems, f.Max)
	case f.Max != 0 && f.Min > f.Max:
		r.fail("min", "min (%d) is greater than max (%d)", f.Min, f.Max)
	}
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

// decimal is how authors write a number's min, max and step.
var decimal = regexp.MustCompile(`^-?[0-9]{1,9}(\.[0-9]{1,6})?$`)

// maxUnit is the most characters a unit may have: it sits beside a box.
const maxUnit = 20

// readNumber reads a number's optional min, max and step, which may be
// decimal, and the unit shown beside its box.
func readNumber(f *field, r *attrReader) {
	f.NumMin, f.NumMax = readDecimal(r, "min"), readDecimal(r, "max")
	if step := readDecimal(r, "step"); step != nil {
		if *step <= 0 {
			r.fail("step", "step must be more than 0, not %s", r.attrs["step"].Value)
		} else {
			f.NumStep = *step
		}
	}
	if f.NumMin != nil && f.NumMax != nil && *f.NumMin >= *f.NumMax {
		r.fail("min", "min (%s) must be less than max (%s)", r.attrs["min"].Value, r.attrs["max"].Value)
	}
	unit := r.str("unit")
	if r.has("unit") && (strings.TrimSpace(unit) == "" || len([]rune(unit)) > maxUnit) {
		r.fail("unit", "unit must be a short text of 1 to %d characters, such as unit=\"min\", not %q", maxUnit, unit)
		unit = ""
	}
	f.Unit = strings.TrimSpace(unit)
}

// readDecimal returns name's value as a number, or nil when it is absent
// or not a plain decimal number such as 10 or 0.5.
func readDecimal(r *attrReader, name string) *float64 {
	if !r.has(name) {
		return nil
	}
	v := r.attrs[name].Value
	if !decimal.MatchString(v) {
		r.fail(name, "%s must be a number such as 10 or 0.5, not %q", name, v)
		return nil
	}
	n, _ := strconv.ParseFloat(v, 64)
	return &n
}

// readChoice reads a choice's options, whether several may be picked, and
// its "other" choice.
func readChoice(f *field, r *attrReader) {
	f.Multiple = r.bool("multiple")
	f.Options = readOptions(r)
	f.Other = readOther(r, f.Options)
}

// manifestMax lists the most items a list may hold; 0 for no limit.
func manifestMax(f *field, m *manifestField) { m.Max = f.Max }

// manifestNumber lists a number's limits and unit, which the runtime
// checks what a client types against.
func manifestNumber(f *field, m *manifestField) {
	m.Number = &manifestNum{Min: f.NumMin, Max: f.NumMax, Step: f.NumStep, Unit: f.Unit}
}

// manifestOptions lists every value a choice may save, its options' keys
// then its other choice's, and whether it has another.
func manifestOptions(f *field, m *manifestField) {
	m.Options = optionValues(f.Options)
	if m.Other = f.Other.Value != ""; m.Other {
		m.Options = append(m.Options, f.Other.Value)
	}
}

// manifestItems lists a checklist's item IDs as its options.
func manifestItems(f *field, m *manifestField) { m.Options = optionValues(f.Items) }

// manifestRows lists the most rows; field.manifest lists the columns.
func manifestRows(f *field, m *manifestField) { m.Max = f.Max }

func optionValues(opts []option) []string {
	var values []string
	for _, o := range opts {
		values = append(values, o.Value)
	}
	return values
}

// readOptions reads a choice's options="a|b|c", each written "key=text"
// or just "text", whose key is then its text.
func readOptions(r *attrReader) []option {
	if r.str("options") == "" {
		r.errs.Add(diag.Errorf(r.at, "choice needs options, such as options=\"Yes|No|Not sure\""))
		return nil
	}
	return readKeyedList(r, "options", "choice")
}

// readKeyedList reads attr's list, "key=Text|key=Text" (or "Text", keyed
// by itself), reporting each empty entry, and each key or text listed
// twice: what each one (a choice, a pile, a row…) is saved by is its own.
func readKeyedList(r *attrReader, attr, each string) []option {
	var opts []option
	keys, labels := map[string]bool{}, map[string]bool{}
	list := r.str(attr)
	warnCommas(r, attr, each, list)
	for _, written := range strings.Split(list, "|") {
		o, ok := parseOption(r, attr, written)
		switch {
		case !ok:
			continue
		case keys[o.Value]:
			r.fail(attr, "%s uses the key %q twice: each %s needs a key of its own", attr, o.Value, each)
			continue
		case labels[o.Label]:
			r.fail(attr, "%s lists %q twice", attr, o.Label)
			continue
		}
		keys[o.Value], labels[o.Label] = true, true
		opts = append(opts, o)
	}
	return opts
}

// warnCommas warns about a list written with commas and no |, such as
// options="Good, OK, Bad", which makes one choice where the coach meant
// three. A comma beside a | is the coach's own: "Yes, definitely|No".
func warnCommas(r *attrReader, attr, each, written string) {
	if strings.Contains(written, "|") || !strings.Contains(written, ",") {
		return
	}
	var parts []string
	for _, p := range strings.Split(written, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	many := each + "s"
	if each == "criterion" {
		many = "criteria"
	}
	r.warn(attr, "%s=%q makes one %s: separate %s with |, as in %s=%q", attr, written, each, many, attr, strings.Join(parts, " | "))
}

// parseOption reads one choice, "key=text" or "text". Answers are saved by
// the key, which keeps them when the text is reworded. Any text before the
// first '=' is the key, spaces included: a choice published without a key
// was saved by its text, so a coach who fixes a typo in it keeps its
// answers by making the old text the key ("Work-life harmony=Work–life
// harmony"). A text holding '=' needs a key of its own ("sum=1+1=2").
func parseOption(r *attrReader, attr, written string) (option, bool) {
	written = strings.TrimSpace(written)
	if written == "" {
		r.fail(attr, "%s has an empty choice: separate choices with single |", attr)
		return option{}, false
	}
	key, label, keyed := strings.Cut(written, "=")
	key, label = strings.TrimSpace(key), strings.TrimSpace(label)
	switch {
	case !keyed:
		return option{Value: written, Label: written}, true
	case key == "":
		r.fail(attr, "%s has a choice with an empty key in %q: write key=text, or leave out the '='", attr, written)
		return option{}, false
	case label == "":
		r.fail(attr, "%s gives the key %q no text: write %s=text", attr, key, key)
		return option{}, false
	}
	return option{Value: key, Label: label}, true
}

// readOther reads a choice's other: bare for an "Other" choice (saved by
// the key Other, whatever the words of the site's language), a text to
// name it ("key=text" to save it by a key), or false for none.
func readOther(r *attrReader, opts []option) option {
	if !r.has("other") {
		return option{}
	}
	a := r.attrs["other"]
	written := a.Value
	parse := written
	switch {
	case a.Bare || written == "true" || written == "yes":
		written = r.words["choiceOther"]
		parse = "Other=" + written
	case written == "false" || written == "no":
		return option{}
	}
	other, ok := parseOption(r, "other", parse)
	if !ok {
		return option{}
	}
	for _, o := range opts {
		if o.Value == other.Value || o.Label == other.Label {
			r.fail("other", "other=%q is also one of the options: name the other choice differently", written)
			return option{}
		}
	}
	return other
}
