package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"sort"
	"strings"

	"coachbook/generator/diag"
)

// recallScript shows answers recalled from other workbooks.
const recallScript = "coachbook-recall.js"

// recallFrom is the form of a recall's from="WORKBOOK#FIELD": a workbook
// ID, then the key of one of its fields ("one-focus", or "plan.goal" for
// a field an exercise layout made).
var recallFrom = regexp.MustCompile(`^([^#]+)#([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*)*)$`)

// recallRef is the answer a recall names, and where it names it.
type recallRef struct {
	workbook, key string
	pos           diag.Position
}

// recallSource is what a recall's layout and runtime need to show another
// workbook's answer as text without loading its page: where it is saved,
// and the labels its keys stand for. The layout writes it as JSON.
type recallSource struct {
	Workbook string `json:"workbook"`
	Key      string `json:"key"`
	Type     string `json:"type"`
	Label    string `json:"label"`
	// Options maps a choice's or a checklist's keys to their text.
	Options map[string]string `json:"options,omitempty"`
	// Other is the key of a choice's "other" option, whose text is saved
	// as KEY.other.
	Other string `json:"other,omitempty"`
	// Piles maps a card sort's pile keys to their text.
	Piles map[string]string `json:"piles,omitempty"`
	// Cols maps a grid's column keys, or a matrix's criteria, to their
	// text; Options then holds the grid's rows or the matrix's options.
	Cols    map[string]string `json:"cols,omitempty"`
	Columns []recallColumn    `json:"columns,omitempty"`
	// Repeat is the repeating exercise whose entries each hold an answer.
	Repeat string `json:"repeat,omitempty"`
	// URL and Title are the source workbook's, for the link to it.
	URL   string `json:"-"`
	Title string `json:"-"`
}

// recallColumn is a column of a recalled rows field.
type recallColumn struct {
	Key     string            `json:"key"`
	Type    string            `json:"type"`
	Label   string            `json:"label"`
	Options map[string]string `json:"options,omitempty"`
}

// recallDisplay is a recall of a converted page, rendered in place of its
// marker when the page is shown, once every workbook is converted.
type recallDisplay struct {
	marker, label, class, domID string
	from                        recallRef
}

// readRecallFrom reads from="WORKBOOK#FIELD".
func readRecallFrom(ds *display, r *attrReader) {
	from := r.str("from")
	if !r.has("from") {
		r.errs.Add(diag.Errorf(r.at, "recall needs from=\"WORKBOOK#FIELD\", the answer it shows, such as from=\"session/agenda#one-focus\""))
		return
	}
	m := recallFrom.FindStringSubmatch(from)
	if m == nil || !isWorkbookID(m[1]) {
		r.fail("from", "from=%q must name WORKBOOK#FIELD: a workbook's ID, #, and the ID of one of its fields, such as from=\"session/agenda#one-focus\"", from)
		return
	}
	ds.from = recallRef{workbook: m[1], key: m[2], pos: r.posOf("from")}
}

// recallDisplays lists the page's recalls, without the syntax tree.
func (conv *converting) recallDisplays() []recallDisplay {
	var out []recallDisplay
	for _, ds := range conv.displays {
		if kind, _ := displayKindNamed(ds.Kind); !kind.sitewide || ds.from.key == "" {
			continue
		}
		out = append(out, recallDisplay{marker: ds.marker, label: ds.Label, class: ds.Class, domID: ds.DOMID, from: ds.from})
	}
	return out
}

// recallables describes each field of the page as a recall in another
// workbook shows it.
func (conv *converting) recallables() map[string]*recallSource {
	out := make(map[string]*recallSource, len(conv.fields))
	for _, f := range conv.fields {
		src := &recallSource{Key: f.Key, Type: f.Type, Label: f.Label, Options: optionTexts(f), Piles: optionTexts(&field{Options: pilesAsOptions(f.Piles)})}
		if f.Other.Value != "" {
			src.Other = f.Other.Value
		}
		switch f.Type {
		case "grid":
			src.Options, src.Cols = optionTexts(&field{Options: f.GridRows}), optionTexts(&field{Options: f.GridCols})
		case "matrix":
			src.Cols = optionTexts(&field{Options: f.Criteria})
		}
		for _, c := range f.Columns {
			src.Columns = append(src.Columns, recallColumn{Key: c.Sub(), Type: c.Type, Label: c.Label, Options: optionTexts(c)})
		}
		if f.exercise != "" && conv.repeats(f.exercise) {
			src.Repeat = f.exercise
		}
		out[f.Key] = src
	}
	return out
}

// optionTexts maps a choice's or checklist's saved keys to their text.
func optionTexts(f *field) map[string]string {
	options := append(append([]option{}, f.Options...), f.Items...)
	if f.Other.Value != "" {
		options = append(options, f.Other)
	}
	if len(options) == 0 {
		return nil
	}
	out := make(map[string]string, len(options))
	for _, o := range options {
		out[o.Value] = o.Label
	}
	return out
}

// recallSource finds the answer ref names among the site's workbooks.
func (c *converter) recallSource(ref recallRef) (*recallSource, error) {
	p := c.workbooks[ref.workbook]
	if p == nil {
		return nil, diag.Errorf(ref.pos, "from=\"%s#%s\" names workbook %q, which is not in the site: use the id of a workbook (its path in content/ without .md, such as session/agenda)", ref.workbook, ref.key, ref.workbook)
	}
	recallables := p.recallablesOf()
	found := recallables[ref.key]
	if found == nil {
		return nil, diag.Errorf(ref.pos, "from=\"%s#%s\" names no field of %s%s", ref.workbook, ref.key, ref.workbook, fieldsHint(recallables, ref.key))
	}
	src := *found
	src.Workbook, src.URL, src.Title = p.ID, p.URL, p.Title
	return &src, nil
}

// fieldsHint lists the fields an author may have meant: those of the
// exercise key names, or else every field of the workbook.
func fieldsHint(recallables map[string]*recallSource, key string) string {
	var keys []string
	for k := range recallables {
		if strings.HasPrefix(k, key+".") || len(recallables) <= 12 {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	sort.Strings(keys)
	return ": its fields are " + strings.Join(quoted(keys), ", ")
}

// recallContent renders the recalls of conv in place of their markers.
// One that names nothing renders as nothing: the build reports it
// (checkRecalls).
func (c *converter) recallContent(conv *conversion) (template.HTML, error) {
	html := string(conv.html)
	for _, rd := range conv.recalls {
		var out string
		if src, err := c.recallSource(rd.from); err == nil {
			view := display{Kind: "recall", Label: rd.label, Class: rd.class, DOMID: rd.domID, Recall: src}
			var buf bytes.Buffer
			if err := c.directives.run(&buf, "displays/recall.html", &view); err != nil {
				return "", fmt.Errorf("%w (rendering ::recall at %s)", c.directives.theme.templateError(err), rd.from.pos)
			}
			out = buf.String()
		}
		html = strings.Replace(html, rd.marker, out, 1)
	}
	if len(conv.recalls) == 0 {
		return conv.html, nil
	}
	return c.minifiedHTML(template.HTML(html)) // Not minified with the rest (converter.render).
}

// checkRecalls reports each recall of conv whose answer is not in the
// site.
func (c *converter) checkRecalls(conv *conversion) []error {
	var errs []error
	for _, rd := range conv.recalls {
		if _, err := c.recallSource(rd.from); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// recallsAny reports whether conv recalls an answer of one of workbooks.
func (conv *conversion) recallsAny(workbooks map[string]bool) bool {
	for _, rd := range conv.recalls {
		if workbooks[rd.from.workbook] {
			return true
		}
	}
	return false
}
