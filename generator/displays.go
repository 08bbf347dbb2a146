package generator

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"
)

// displayKind is a directive that shows something beside the fields and
// saves nothing, such as a total, a chart, an answer recalled from another
// workbook or a timer: displays never enter the manifest or progress. Its
// layout is layouts/displays/NAME.html, which sees the *display as its
// dot, and the runtime extension it names brings it to life.
type displayKind struct {
	name   string
	script string
	// usage is how authors write it, for messages.
	usage string
	// read reads the attributes the kind takes beyond label and class,
	// reporting a bad one at its position.
	read func(ds *display, r *attrReader)
	// resolve, when set, finds what the display shows on the page once
	// the whole page is converted, and reports whether it can render.
	resolve func(conv *converting, ds *display) bool
	// sitewide is set for a display of another workbook's answers: it
	// renders once every page is converted (recall.go).
	sitewide bool
	// shows lists what show= may be, the first being the default; nil
	// when the kind takes no show.
	shows []string
}

// displayKinds are the display directives, in the order messages list them.
var displayKinds = []displayKind{
	{name: "total", script: trendsScript, usage: `::total[What it shows]{of="EXERCISE.FIELD"}`, read: readSource,
		resolve: resolvedSource, shows: []string{"sum", "average", "latest", "count"}},
	{name: "chart", script: trendsScript, usage: `::chart[What it shows]{of="EXERCISE.FIELD"}`, read: readSource,
		resolve: resolvedSource},
	{name: "recall", script: recallScript, usage: `::recall[What it shows]{from="WORKBOOK#FIELD"}`, read: readRecallFrom,
		sitewide: true},
	{name: "timer", script: timerScript, usage: `::timer[What to do]{minutes=2}`, read: readMinutes},
}

// trendsScript computes totals and draws charts.
const trendsScript = "coachbook-trends.js"

// displayKindNamed returns the display kind called name.
func displayKindNamed(name string) (*displayKind, bool) {
	for i := range displayKinds {
		if displayKinds[i].name == name {
			return &displayKinds[i], true
		}
	}
	return nil, false
}

// display is one total or chart of a page, as its layout sees it. Its
// source is either a column of rows (OfRows, OfCol, and DateCol when the
// rows have a date column) or a field of a repeated exercise's entries
// (OfRepeat, OfField, and DateField when entries have a date).
type display struct {
	Kind, Label, Show, Class string
	// Seconds is a timer's length.
	Seconds int
	// Recall is what a recall shows, once the whole site is converted.
	Recall *recallSource
	// DOMID is the display's HTML id; ids derived from it append ":" parts.
	DOMID                        string
	OfRows, OfCol, DateCol       string
	OfRepeat, OfField, DateField string
	// ValueLabel and DateLabel are the source's labels, which head the
	// table of values.
	ValueLabel, DateLabel string

	of     string
	ofPos  diag.Position
	from   recallRef
	d      *directive.Directive
	marker string
}

// addDisplay reads a display and returns a marker standing in for it:
// what a total shows may come later in the page, so it renders once the
// whole page is converted (renderDisplays).
func (conv *converting) addDisplay(d *directive.Directive) string {
	kind, _ := displayKindNamed(d.Name)
	r := conv.attrs(d)
	n := len(conv.displays) + 1
	ds := &display{Kind: d.Name, Label: d.Label, DOMID: "display:" + strconv.Itoa(n), d: d, Class: r.class()}
	// NUL never reaches goldmark's output otherwise: it turns NUL in the
	// source into U+FFFD.
	ds.marker = "\x00display" + strconv.Itoa(n) + "\x00"
	if strings.TrimSpace(ds.Label) == "" {
		r.errs.Add(diag.Errorf(r.at, "%s needs a label: write %s", d.Name, kind.usage))
	}
	kind.read(ds, r)
	if kind.shows != nil {
		ds.Show = kind.shows[0]
		if r.has("show") {
			ds.Show = r.str("show")
			if !slices.Contains(kind.shows, ds.Show) {
				r.fail("show", "show=%q is not one of %s", ds.Show, orList(quoted(kind.shows)))
			}
		}
	}
	r.unknown(d.Name)
	conv.errs.Add(r.errs.Err())
	conv.displays = append(conv.displays, ds)
	return ds.marker
}

// readSource reads of="EXERCISE.FIELD", the number a total or chart shows.
func readSource(ds *display, r *attrReader) {
	ds.of, ds.ofPos = r.str("of"), r.posOf("of")
	if !r.has("of") {
		r.errs.Add(diag.Errorf(r.at, "%s needs of=\"EXERCISE.FIELD\", the number or scale it shows, such as of=\"log.minutes\"", ds.Kind))
		ds.of = ""
	}
}

// renderDisplays resolves each display's source against the whole page's
// fields and renders it in place of its marker. A recall's source is in
// another workbook, so its marker stays until the page is shown
// (recallContent).
func (conv *converting) renderDisplays() {
	if len(conv.displays) == 0 {
		return
	}
	html := string(conv.html)
	for _, ds := range conv.displays {
		kind, _ := displayKindNamed(ds.Kind)
		if kind.sitewide {
			continue
		}
		var out template.HTML
		if kind.resolve == nil || kind.resolve(conv, ds) {
			out = conv.layouts.execute(conv, ds.d, "displays/"+ds.Kind+".html", ds)
		}
		html = strings.Replace(html, ds.marker, string(out), 1)
	}
	conv.html = template.HTML(html)
}

// resolvedSource resolves a total's or chart's of, unless reading it
// failed, and reports whether it names a number of the page.
func resolvedSource(conv *converting, ds *display) bool {
	if ds.of == "" {
		return false
	}
	if err := conv.resolveSource(ds); err != nil {
		conv.errs.Add(err)
		return false
	}
	return true
}

// resolveSource finds what of="EXERCISE.FIELD" names: a column FIELD of
// the rows EXERCISE (a Markdown :::rows{#EXERCISE}, or the rows inside
// exercise EXERCISE), or the field FIELD of a repeated exercise.
func (conv *converting) resolveSource(ds *display) error {
	ex, name, ok := strings.Cut(ds.of, ".")
	if !ok || !fieldID.MatchString(ex) || !fieldID.MatchString(name) {
		return diag.Errorf(ds.ofPos, "of=%q must name EXERCISE.FIELD, such as of=\"log.minutes\"", ds.of)
	}
	for _, f := range conv.fields {
		if f.Type != "rows" || (f.Key != ex && f.exercise != ex) {
			continue
		}
		// A repeated exercise's own field comes before a column of the
		// same ID in a table inside it (a thought record's emotion
		// scale "before", and its other emotions' "before" column).
		if f.Key != ex && conv.repeats(ex) && conv.hasOwnField(ex, name) {
			break
		}
		for _, c := range f.Columns {
			if c.Sub() != name {
				continue
			}
			if err := numeric(ds, c); err != nil {
				return err
			}
			ds.OfRows, ds.OfCol, ds.ValueLabel = f.Key, name, c.Label
			if date := firstDate(f.Columns); date != nil {
				ds.DateCol, ds.DateLabel = date.Sub(), date.Label
			}
			return nil
		}
	}
	for _, f := range conv.fields {
		// A field written in an exercise keeps its ID as its key; one an
		// exercise layout made is "EXERCISE.ID".
		if f.exercise != ex || f.Sub() != name || f.Type == "rows" {
			continue
		}
		if err := numeric(ds, f); err != nil {
			return err
		}
		if !conv.repeats(ex) {
			return diag.Errorf(ds.ofPos, "of=%q names a field of exercise %q, which holds one answer: a %s needs rows or an exercise that repeats", ds.of, ex, ds.Kind)
		}
		ds.OfRepeat, ds.OfField, ds.ValueLabel = ex, name, f.Label
		var inside []*field
		for _, g := range conv.fields {
			if g.exercise == ex {
				inside = append(inside, g)
			}
		}
		if date := firstDate(inside); date != nil {
			ds.DateField, ds.DateLabel = date.Sub(), date.Label
		}
		return nil
	}
	return diag.Errorf(ds.ofPos, "of=%q names nothing on this page: write the ID of rows or of a repeated exercise, a dot, and the ID of its number or scale", ds.of)
}

// hasOwnField reports whether exercise ex has a field, not a table, whose
// ID is name.
func (conv *converting) hasOwnField(ex, name string) bool {
	for _, f := range conv.fields {
		if f.exercise == ex && f.Sub() == name && f.Type != "rows" {
			return true
		}
	}
	return false
}

// numeric reports a source that is not a number or a scale.
func numeric(ds *display, f *field) error {
	if f.Type == "number" || f.Type == "scale" {
		return nil
	}
	return diag.Errorf(ds.ofPos, "of=%q names a %s field: a %s shows a number or scale field", ds.of, f.Type, ds.Kind)
}

// firstDate returns the first date field of fields, if any.
func firstDate(fields []*field) *field {
	for _, f := range fields {
		if f.Type == "date" {
			return f
		}
	}
	return nil
}

// repeats reports whether exercise id keeps many entries.
func (conv *converting) repeats(id string) bool {
	for _, e := range conv.exercises {
		if e.ID == id {
			return e.repeats()
		}
	}
	return false
}

// repeats reports whether the exercise keeps many entries.
func (e manifestExercise) repeats() bool { return e.Repeat != nil }

func quoted(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}
