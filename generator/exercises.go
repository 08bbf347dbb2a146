package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"path"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Directive layouts live in three folders of the theme's layouts/:
// fields/ holds the primitives, exercises/ the exercise types (each needs
// an ID and may hold fields), and callouts/ the notes, tips and warnings
// (no ID, no fields). A site adds a directive by adding a layout.
var directiveFolders = []string{"fields", "exercises", "callouts"}

// directiveLayouts renders directives through the theme's layouts.
type directiveLayouts struct {
	set   *template.Template
	kinds map[string]string // directive name → its folder
	theme *theme
}

// parseDirectiveLayouts parses every field, exercise and callout layout
// into one set.
func (t *theme) parseDirectiveLayouts() (*directiveLayouts, error) {
	funcs := template.FuncMap{
		// seq returns 1..n, for repeating a group.
		"seq": seq,
		// list gathers values, for passing several to a partial.
		"list": func(v ...any) []any { return v },
	}
	dl := &directiveLayouts{set: template.New("directives").Funcs(funcs), kinds: map[string]string{}, theme: t}
	var errs diag.List
	for _, folder := range directiveFolders {
		for _, file := range t.list("layouts/" + folder) {
			name := strings.TrimSuffix(path.Base(file), ".html")
			if path.Ext(file) != ".html" || path.Dir(file) != "layouts/"+folder {
				continue
			}
			pos := t.pos(file)
			if strings.HasPrefix(name, "_") {
				// A partial shared by the layouts of this folder.
				errs.Add(t.parse(dl.set, file))
				continue
			}
			if !fieldID.MatchString(name) {
				errs.Add(diag.Errorf(pos, "%q cannot be a directive name: name the layout with a letter, then letters, digits, '-' and '_'", name))
				continue
			}
			if other, dup := dl.kinds[name]; dup {
				errs.Add(diag.Errorf(pos, "directive %q is defined twice: there is also layouts/%s/%s.html", name, other, name))
				continue
			}
			if folder == "fields" {
				if _, ok := fieldTypes[name]; !ok {
					errs.Add(diag.Errorf(pos, "there is no field type %q: new directives go in layouts/exercises/ or layouts/callouts/", name))
					continue
				}
			}
			if err := t.parse(dl.set, file); err != nil {
				errs.Add(err)
				continue
			}
			dl.kinds[name] = folder
		}
	}
	for name := range fieldTypes {
		if dl.kinds[name] != "fields" {
			errs.Add(diag.Errorf(diag.Position{File: "layouts/fields/"}, "the theme has no layout for the %s field: add layouts/fields/%s.html", name, name))
		}
	}
	return dl, errs.Err()
}

func seq(n int) []int {
	out := make([]int, max(n, 0))
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// isKnown reports whether authors can write name as a directive.
func (dl *directiveLayouts) isKnown(name string) bool {
	_, ok := dl.kinds[name]
	return ok && !layoutOnlyFields[name]
}

// known lists the directive names an author can write.
func (dl *directiveLayouts) known() string {
	var names []string
	for name := range dl.kinds {
		if !layoutOnlyFields[name] {
			names = append(names, name)
		}
	}
	return describeKnown(names)
}

// captureWriter is the writer goldmark renders a page into. A container
// directive's children are captured on a stack so its layout can wrap
// them, and the writer carries the page's conversion state to the
// directive renderer.
type captureWriter struct {
	stack []*bytes.Buffer
	conv  *conversion
}

func newCaptureWriter(conv *conversion) *captureWriter {
	// HTML runs to about twice its Markdown; starting there saves growing.
	base := bytes.NewBuffer(make([]byte, 0, 2*len(conv.source)))
	return &captureWriter{stack: []*bytes.Buffer{base}, conv: conv}
}

func (w *captureWriter) top() *bytes.Buffer                { return w.stack[len(w.stack)-1] }
func (w *captureWriter) Write(p []byte) (int, error)       { return w.top().Write(p) }
func (w *captureWriter) WriteString(s string) (int, error) { return w.top().WriteString(s) }
func (w *captureWriter) WriteByte(c byte) error            { return w.top().WriteByte(c) }
func (w *captureWriter) WriteRune(r rune) (int, error)     { return w.top().WriteRune(r) }
func (w *captureWriter) Available() int                    { return 4096 }
func (w *captureWriter) Buffered() int                     { return 0 }
func (w *captureWriter) Flush() error                      { return nil }
func (w *captureWriter) push()                             { w.stack = append(w.stack, &bytes.Buffer{}) }
func (w *captureWriter) String() string                    { return w.stack[0].String() }
func (w *captureWriter) pop() template.HTML {
	b := w.top()
	w.stack = w.stack[:len(w.stack)-1]
	return template.HTML(b.String())
}

// Container directives capture their content, to wrap it in a layout or,
// when the directive has a problem, to keep it as it is.
const (
	captureLayout = iota + 1
	captureRaw
)

// render is the directive.RenderFunc of a build. The page's conversion
// state travels in the writer, which renderMarkdown makes, since goldmark
// hands node renderers only the writer and the source.
func (dl *directiveLayouts) render(w util.BufWriter, _ []byte, d *directive.Directive, entering bool) (ast.WalkStatus, error) {
	cw, ok := w.(*captureWriter)
	if !ok {
		return ast.WalkStop, errors.New("directives render only through renderMarkdown")
	}
	conv := cw.conv
	if !entering {
		switch conv.captured[d] {
		case captureLayout:
			_, _ = cw.WriteString(string(dl.renderWrapped(conv, d, cw.pop())))
		case captureRaw:
			_, _ = cw.WriteString(string(cw.pop()))
		}
		return ast.WalkContinue, nil
	}
	if err := dl.check(conv, d); err != nil {
		conv.errs.Add(err)
		if !d.Container {
			return ast.WalkSkipChildren, nil
		}
		// Render the content anyway, so that its own errors show too.
		conv.captured[d] = captureRaw
		cw.push()
		return ast.WalkContinue, nil
	}
	folder := dl.kinds[d.Name]
	switch {
	case d.Name == "checklist":
		_, _ = cw.WriteString(string(dl.renderChecklist(conv, d)))
		return ast.WalkSkipChildren, nil
	case folder == "fields":
		_, _ = cw.WriteString(string(dl.renderField(conv, d)))
		return ast.WalkSkipChildren, nil
	case folder == "exercises":
		conv.openExercise(d)
	}
	if !d.Container {
		_, _ = cw.WriteString(string(dl.renderWrapped(conv, d, "")))
		return ast.WalkSkipChildren, nil
	}
	conv.captured[d] = captureLayout
	cw.push()
	return ast.WalkContinue, nil
}

// check reports why d cannot be rendered, if anything.
func (dl *directiveLayouts) check(conv *conversion, d *directive.Directive) error {
	at := conv.pos(d.Offset)
	folder, known := dl.kinds[d.Name]
	switch {
	case d.Err != nil:
		return &diag.Error{Pos: conv.pos(d.ErrOffset), Err: d.Err}
	case !known || layoutOnlyFields[d.Name]:
		return diag.Errorf(at, "unknown directive %q; the known ones are %s", d.Name, dl.known())
	case folder == "fields" && d.Container && !fieldTypes[d.Name]:
		return diag.Errorf(at, "%s is written on one line, as ::%s[The question]{#id}, not as a ::: container", d.Name, d.Name)
	case folder == "fields" && !d.Container && fieldTypes[d.Name]:
		return diag.Errorf(at, "%s is a container: write :::%s[Label]{#id}, a task list, then :::", d.Name, d.Name)
	case folder != "callouts" && conv.page.Kind != kindWorkbook:
		return diag.Errorf(at, "%s belongs in a workbook: only workbooks save answers, so home and collection pages hold prose and callouts", d.Name)
	}
	return nil
}

// renderField renders a field primitive written as a directive.
func (dl *directiveLayouts) renderField(conv *conversion, d *directive.Directive) template.HTML {
	r := conv.attrs(d)
	f := readField(d.Name, "", d.Label, r)
	conv.errs.Add(r.errs.Err())
	conv.addField(f)
	return dl.execute(conv, d, "fields/"+d.Name+".html", f)
}

// renderWrapped renders an exercise or a callout around its content.
func (dl *directiveLayouts) renderWrapped(conv *conversion, d *directive.Directive, body template.HTML) template.HTML {
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
		for _, read := range []string{"id", "was", "optional"} {
			c.r.read[read] = true // openExercise read them.
		}
	} else if c.Label == "" && body == "" {
		c.r.errs.Add(diag.Errorf(c.r.at, "%s needs text: write ::%s[Your text] or a ::: container", d.Name, d.Name))
	}
	layout := folder + "/" + d.Name + ".html"
	out := dl.execute(conv, d, layout, c)
	if folder == "exercises" && ex.index >= 0 && out != "" {
		hooked, err := addExerciseHook(out, c.ID)
		if err != nil {
			err = &diag.Error{Pos: dl.markupStart(layout), Err: err}
			conv.errs.Add(fmt.Errorf("%w (rendering %s%s at %s)", err, fence(d), d.Name, conv.pos(d.Offset)))
		}
		out = hooked
	}
	if folder == "exercises" && ex.index >= 0 {
		// The title the layout showed: the label, or the type's default.
		conv.exercises[ex.index].Label = c.shown
	}
	c.r.unknown(d.Name)
	conv.errs.Add(c.r.errs.Err())
	return out
}

// renderChecklist renders a :::checklist, whose task-list items become
// checkboxes. An item keeps its tick when reworded if it ends in {#id}.
func (dl *directiveLayouts) renderChecklist(conv *conversion, d *directive.Directive) template.HTML {
	r := conv.attrs(d)
	f := readField("checklist", "", d.Label, r)
	conv.errs.Add(r.errs.Err())
	seen := map[string]bool{}
	items := 0
	for n := d.FirstChild(); n != nil; n = n.NextSibling() {
		list, ok := n.(*ast.List)
		if !ok {
			conv.errs.Add(diag.Errorf(conv.nodePos(n, d), "a checklist holds only a task list: write each item as - [ ] Item"))
			continue
		}
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			items++
			if o, ok := conv.checklistItem(item, d, seen); ok {
				f.Items = append(f.Items, o)
			}
		}
	}
	if items == 0 {
		conv.errs.Add(diag.Errorf(conv.pos(d.Offset), "checklist %q has no items: add a task list such as - [ ] Update my CV", f.Key))
	}
	conv.addField(f)
	return dl.execute(conv, d, "fields/checklist.html", f)
}

// checklistItem reads one item of a checklist.
func (conv *conversion) checklistItem(item ast.Node, d *directive.Directive, seen map[string]bool) (option, bool) {
	at := conv.nodePos(item, d)
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if _, nested := c.(*ast.List); nested {
			conv.errs.Add(diag.Errorf(conv.nodePos(c, d), "a checklist cannot nest lists: make every item its own line"))
		}
	}
	text, checked, isTask := taskItem(item, conv.source)
	if !isTask {
		conv.errs.Add(diag.Errorf(at, "checklist items are task items: write - [ ] Item"))
		return option{}, false
	}
	id := ""
	if i := strings.LastIndex(text, "{#"); i >= 0 && strings.HasSuffix(text, "}") {
		id, text = text[i+2:len(text)-1], strings.TrimSpace(text[:i])
		if !fieldID.MatchString(id) {
			conv.errs.Add(diag.Errorf(at, "item ID %q must start with a letter and hold only letters, digits, '-' and '_'", id))
			return option{}, false
		}
	} else if id = slugID(text); id == "" {
		conv.errs.Add(diag.Errorf(at, "give this item an ID to save it under, such as - [ ] %s {#item-1}", text))
		return option{}, false
	}
	switch {
	case text == "":
		conv.errs.Add(diag.Errorf(at, "checklist item %q has no text", id))
		return option{}, false
	case seen[id]:
		conv.errs.Add(diag.Errorf(at, "checklist item ID %q is used twice: give one item its own ID with {#another-id}", id))
		return option{}, false
	}
	seen[id] = true
	return option{Value: id, Label: text, Checked: checked}, true
}

// taskItem returns a list item's text and tick, and whether it is a task
// item at all.
func taskItem(item ast.Node, source []byte) (string, bool, bool) {
	block := item.FirstChild()
	if block == nil {
		return "", false, false
	}
	box, ok := block.FirstChild().(*extast.TaskCheckBox)
	if !ok {
		return "", false, false
	}
	return strings.TrimSpace(plainText(block, source)), box.IsChecked, true
}

// plainText returns the text of a node's inline content.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// execute runs a directive layout, reporting a layout error at the
// layout's position and naming the directive that used it.
func (dl *directiveLayouts) execute(conv *conversion, d *directive.Directive, name string, data any) template.HTML {
	var buf bytes.Buffer
	if err := dl.set.ExecuteTemplate(&buf, name, data); err != nil {
		conv.errs.Add(fmt.Errorf("%w (rendering %s%s at %s)", dl.theme.templateError(err), fence(d), d.Name, conv.pos(d.Offset)))
		return ""
	}
	return template.HTML(buf.String())
}

func fence(d *directive.Directive) string {
	if d.Container {
		return ":::"
	}
	return "::"
}

// openExercise starts an exercise, reading what the fields inside it need
// to know: where they belong and whether they count.
func (conv *conversion) openExercise(d *directive.Directive) {
	r := conv.attrs(d)
	ex := openExercise{d: d, id: r.id(d.Name), optional: r.bool("optional"), index: -1}
	if fieldID.MatchString(ex.id) {
		conv.declare(ex.id, r.posOf("id"))
		ex.was = readWas(r, "", ex.id)
		// Listed now, so that an exercise comes before those inside it.
		ex.index = len(conv.exercises)
		conv.exercises = append(conv.exercises, manifestExercise{ID: ex.id, Type: d.Name})
	}
	conv.errs.Add(r.errs.Err())
	conv.open = append(conv.open, ex)
}

// findExercise returns open exercise d.
func (conv *conversion) findExercise(d *directive.Directive) openExercise {
	for _, ex := range conv.open {
		if ex.d == d {
			return ex
		}
	}
	return openExercise{d: d, index: -1}
}

// closeExercise ends exercise d, the innermost open one.
func (conv *conversion) closeExercise(d *directive.Directive) {
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
	index    int // in conv.exercises, or -1
}

// attrs reads d's attributes with positions in the page.
func (conv *conversion) attrs(d *directive.Directive) *attrReader {
	return newAttrReader(d.Attrs, conv.pos(d.Offset), conv.pos)
}

// pos turns a byte offset in the Markdown body into a position in the
// page's file.
func (conv *conversion) pos(offset int) diag.Position {
	return conv.lines.Position(conv.page.bodyOff + offset)
}

// nodePos is where block n starts, or else directive d, or else the page.
func (conv *conversion) nodePos(n ast.Node, d *directive.Directive) diag.Position {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return conv.pos(n.Lines().At(0).Start)
		}
	}
	if d != nil {
		return conv.pos(d.Offset)
	}
	return conv.page.pos()
}

// declare records a key, reporting one used twice.
func (conv *conversion) declare(key string, at diag.Position) {
	if first, dup := conv.keys[key]; dup {
		conv.errs.Add(diag.Errorf(at, "ID %q is used twice in this workbook: it is already used at %s", key, first))
		return
	}
	conv.keys[key] = at
}

// addField records a field for the manifest, as part of the innermost
// open exercise, whose optional makes every field in it optional.
func (conv *conversion) addField(f *field) {
	if n := len(conv.open); n > 0 {
		f.exercise = conv.open[n-1].id
		f.Optional = f.Optional || conv.open[n-1].optional
	}
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

	conv *conversion
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
	f, err := c.subField("rows", sub, []string{attrs})
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

// Col describes a column of Rows: a text, textarea, date or check field.
func (c *call) Col(typ, sub string, attrs ...string) (*field, error) {
	switch typ {
	case "text", "textarea", "date", "check":
	default:
		return nil, fmt.Errorf("a column is text, textarea, date or check, not %q", typ)
	}
	return c.subField(typ, sub, attrs)
}

func (c *call) subField(typ, sub string, attrs []string) (*field, error) {
	if _, ok := fieldTypes[typ]; !ok || typ == "checklist" {
		return nil, fmt.Errorf("there is no field type %q", typ)
	}
	parsed, err := directive.ParseAttributes(strings.Join(attrs, " "))
	if err != nil {
		return nil, fmt.Errorf("attributes of %s %q: %w", typ, sub, err)
	}
	parsed = append(parsed, directive.Attr{Key: "id", Value: sub})
	r := newAttrReader(parsed, c.conv.pos(c.d.Offset), nil)
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
	var buf bytes.Buffer
	if err := c.conv.layouts.set.ExecuteTemplate(&buf, "fields/"+f.Type+".html", f); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// manifestOf lists a conversion's fields for the manifest, in the order
// they appear.
func manifestOf(conv *conversion) []manifestField {
	out := make([]manifestField, 0, len(conv.fields))
	for _, f := range conv.fields {
		out = append(out, f.manifest())
	}
	return out
}
