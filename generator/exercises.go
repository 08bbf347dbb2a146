package generator

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"
)

// genericExercise is the exercise type with no fields of its own: it holds
// the ones written inside it.
const genericExercise = "exercise"

// renderWrapped renders an exercise or a callout around its content.
func (dl *directiveLayouts) renderWrapped(conv *converting, d *directive.Directive, body template.HTML) template.HTML {
	folder := dl.kinds[d.Name]
	c := &call{conv: conv, d: d, Body: body, Name: d.Name, Label: d.Label, Level: conv.levels[d], r: conv.attrs(d)}
	if c.r.has("title") {
		c.Label = c.r.str("title")
	}
	if c.r.has("label") {
		c.Label = c.r.str("label")
	}
	c.Class = c.r.class()
	var ex openExercise
	if folder == "exercises" {
		// The exercise stays open while its layout adds its own fields.
		ex = conv.findExercise(d)
		defer conv.closeExercise(d)
		c.ID, c.was, c.Optional = ex.id, ex.was, ex.optional
		c.DOMID = "exercise-" + c.ID
		c.Hint = c.r.str("hint")
		for _, read := range []string{"id", "was", "optional", "repeat"} {
			c.r.read[read] = true // openExercise read them.
		}
		for _, read := range repeatAttrs {
			// Named as known only where they apply; openExercise reported
			// them elsewhere.
			if _, given := c.r.attrs[read]; given || ex.repeat != nil {
				c.r.read[read] = true
			}
		}
	} else if c.Label == "" && body == "" {
		c.r.errs.Add(diag.Errorf(c.r.at, "%s needs text: write ::%s[Your text] or a ::: container", d.Name, d.Name))
	}
	c.r.read["show-if"] = true // openShowIf read it.
	layout := folder + "/" + d.Name + ".html"
	out := dl.execute(conv, d, layout, c)
	if folder == "exercises" && ex.index >= 0 && out != "" {
		hooked, err := addExerciseHook(out, c.ID)
		if err != nil {
			err = &diag.Error{Pos: dl.markupStart(layout), Err: err}
			conv.errs.Add(fmt.Errorf("%w (rendering %s%s at %s)", err, fence(d), d.Name, conv.pos(d.Offset)))
		}
		out = hooked
		if ex.repeat != nil {
			out = addRepeatHook(out, ex.repeat)
		}
	}
	if folder == "exercises" && ex.index >= 0 {
		// The title the layout showed: the label, or the type's default.
		conv.exercises[ex.index].Label = c.shown
	}
	out = conv.closeShowIf(d, out)
	c.r.unknown(d.Name)
	conv.errs.Add(c.r.errs.Err())
	return out
}

// openExercise starts an exercise, reading what the fields inside it need
// to know: where they belong and whether they count.
func (conv *converting) openExercise(d *directive.Directive) {
	r := conv.attrs(d)
	ex := openExercise{d: d, id: r.id(d.Name), optional: r.bool("optional"), index: -1}
	if fieldID.MatchString(ex.id) {
		conv.declare(ex.id, r.posOf("id"))
		ex.was = readWas(r, "", ex.id)
		// Listed now, so that an exercise comes before those inside it.
		ex.index = len(conv.exercises)
		ex.repeat = conv.readRepeat(r)
		conv.exercises = append(conv.exercises, manifestExercise{ID: ex.id, Type: d.Name, Repeat: ex.repeat})
	}
	conv.errs.Add(r.errs.Err())
	conv.open = append(conv.open, ex)
}

// findExercise returns open exercise d.
func (conv *converting) findExercise(d *directive.Directive) openExercise {
	for _, ex := range conv.open {
		if ex.d == d {
			return ex
		}
	}
	return openExercise{d: d, index: -1}
}

// closeExercise ends exercise d, the innermost open one.
func (conv *converting) closeExercise(d *directive.Directive) {
	for i := len(conv.open) - 1; i >= 0; i-- {
		if conv.open[i].d == d {
			conv.open = append(conv.open[:i], conv.open[i+1:]...)
			return
		}
	}
}

// openExercise is an exercise whose content is being rendered.
type openExercise struct {
	d        *directive.Directive
	id       string
	was      []string
	optional bool
	repeat   *manifestRepeat // nil unless it repeats
	index    int             // in conv.exercises, or -1
}

// call is an exercise or callout being rendered: its layout sees it as the
// dot.
type call struct {
	Name string
	ID   string
	// DOMID is the exercise's HTML id; ids derived from it append ":"
	// parts. It is set with ID, for the reason field's is.
	DOMID    string
	Label    string
	Hint     string
	Class    string
	Optional bool
	// Body is a container's content, rendered.
	Body template.HTML
	// Level is the heading level the exercise's title takes: one below the
	// heading before it.
	Level int

	conv *converting
	d    *directive.Directive
	r    *attrReader
	was  []string
	// shown is the title the layout showed, recorded by Title for the
	// manifest, since only the layout knows its type's default title.
	shown string
}

// Title returns the exercise's title as a heading at its level: its label,
// or else the first default given, or nothing.
func (c *call) Title(defaults ...string) template.HTML {
	label := c.Label
	if label == "" && len(defaults) > 0 {
		label = defaults[0]
	}
	if label == "" {
		return ""
	}
	c.shown = label
	level := min(max(c.Level, 2), 6)
	return template.HTML(fmt.Sprintf(`<h%d class="exercise-title" id="%s:title">%s</h%d>`,
		level, html.EscapeString(c.DOMID), html.EscapeString(label), level))
}

// Attr returns an attribute the layout understands, or "".
func (c *call) Attr(name string) string { return c.r.str(name) }

// Int returns a whole-number attribute, or def when it is absent.
func (c *call) Int(name string, def int) int { return c.r.int(name, def) }

// Bool reports whether a flag attribute is set.
func (c *call) Bool(name string) bool { return c.r.bool(name) }

// BoolOr returns a true-or-false attribute, or def when it is absent, for
// a part of a layout that is on unless the author turns it off.
func (c *call) BoolOr(name string, def bool) bool {
	if !c.r.has(name) {
		return def
	}
	return c.r.bool(name)
}

// Count returns a count attribute between 1 and most, or def when it is
// absent, such as how many examples a STAR exercise asks for.
func (c *call) Count(name string, def, most int) int { return c.r.count(name, def, most) }

// Field renders a field of the exercise. sub is its ID within the
// exercise, and attrs are attributes in directive syntax, such as
// `label="Situation" hint="Set the scene."`.
func (c *call) Field(typ, sub string, attrs ...string) (template.HTML, error) {
	f, err := c.subField(typ, sub, attrs)
	if err != nil {
		return "", err
	}
	c.conv.addField(f)
	return c.render(f)
}

// Rows renders a repeatable group of columns, such as fears paired with
// exclusion criteria. Each column comes from Col.
func (c *call) Rows(sub, attrs string, cols ...*field) (template.HTML, error) {
	f, err := c.newField("rows", sub, []string{attrs})
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	for _, col := range cols {
		if seen[col.Sub()] {
			return "", fmt.Errorf("Rows %q has two columns named %q", sub, col.Sub())
		}
		seen[col.Sub()] = true
		col.setKey(f.Key + "." + col.Sub())
		f.Columns = append(f.Columns, col)
	}
	if len(f.Columns) == 0 {
		return "", fmt.Errorf("Rows %q needs at least one column from Col", sub)
	}
	c.conv.addField(f)
	return c.render(f)
}

// Col describes a column of Rows: a field of any kind whose answer is one
// text or one tick (fieldKind.column).
func (c *call) Col(typ, sub string, attrs ...string) (*field, error) {
	if kind, ok := fieldKindNamed(typ); !ok || !kind.column {
		return nil, fmt.Errorf("a column is %s, not %q", columnKinds(), typ)
	}
	f, err := c.subField(typ, sub, attrs)
	if err == nil {
		if problem := columnProblem(f); problem != "" {
			return nil, errors.New(problem)
		}
	}
	return f, err
}

func (c *call) subField(typ, sub string, attrs []string) (*field, error) {
	// A layout cannot give a container kind the items it holds; Rows
	// gives rows its columns itself.
	if kind, ok := fieldKindNamed(typ); !ok || kind.container {
		return nil, fmt.Errorf("there is no field type %q", typ)
	}
	return c.newField(typ, sub, attrs)
}

// newField reads a field of the exercise from a layout's attributes.
func (c *call) newField(typ, sub string, attrs []string) (*field, error) {
	parsed, err := directive.ParseAttributes(strings.Join(attrs, " "))
	if err != nil {
		return nil, fmt.Errorf("attributes of %s %q: %w", typ, sub, err)
	}
	parsed = append(parsed, directive.Attr{Key: "id", Value: sub})
	r := newAttrReader(parsed, c.conv.pos(c.d.Offset), nil, c.conv.layouts.words)
	f := readField(typ, c.ID+".", "", r)
	if len(r.errs) > 0 {
		return nil, fmt.Errorf("field %q: %s", sub, r.messages())
	}
	for _, old := range c.was {
		f.Was = append(f.Was, old+"."+sub)
	}
	return f, nil
}

func (c *call) render(f *field) (template.HTML, error) {
	return c.conv.layouts.executeHTML(fieldLayout(f.Type), f)
}
