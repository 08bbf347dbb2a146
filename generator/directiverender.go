package generator

import (
	"errors"
	"html/template"

	"coachbook/generator/diag"
	"coachbook/generator/directive"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
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
	case folder == "fields" && d.Name == "rows":
		// check let only a container kind through as a container.
		_, _ = cw.WriteString(string(dl.renderRows(conv, d)))
		return ast.WalkSkipChildren, nil
	case folder == "fields" && d.Container:
		_, _ = cw.WriteString(string(dl.renderChecklist(conv, d)))
		return ast.WalkSkipChildren, nil
	case folder == "fields":
		_, _ = cw.WriteString(string(dl.renderField(conv, d)))
		return ast.WalkSkipChildren, nil
	case folder == "displays":
		_, _ = cw.WriteString(conv.addDisplay(d))
		return ast.WalkSkipChildren, nil
	case folder == "exercises":
		conv.openExercise(d)
	}
	conv.openShowIf(d)
	if !d.Container {
		_, _ = cw.WriteString(string(dl.renderWrapped(conv, d, "")))
		return ast.WalkSkipChildren, nil
	}
	conv.captured[d] = captureLayout
	cw.push()
	return ast.WalkContinue, nil
}

// check reports why d cannot be rendered, if anything.
func (dl *directiveLayouts) check(conv *converting, d *directive.Directive) error {
	at := conv.pos(d.Offset)
	folder, known := dl.kinds[d.Name]
	kind, _ := fieldKindNamed(d.Name)
	switch {
	case d.Err != nil:
		return &diag.Error{Pos: conv.pos(d.ErrOffset), Err: d.Err}
	case !known || layoutOnlyField(d.Name):
		return diag.Errorf(at, "unknown directive %q; the known ones are %s", d.Name, dl.known())
	case folder == "fields" && d.Container && !kind.container:
		return diag.Errorf(at, "%s is written on one line, as ::%s[The question]{#id}, not as a ::: container", d.Name, d.Name)
	case folder == "fields" && !d.Container && kind.container:
		return diag.Errorf(at, "%s is a container: write :::%s[Label]{#id}, %s, then :::", d.Name, d.Name, kind.holds)
	case folder == "exercises" && d.Name == genericExercise && !d.Container:
		// Written with two colons, it is an empty box, and the fields and
		// the ::: meant to close it fall out below it.
		return diag.Errorf(at, "::%s holds nothing: an exercise holds the fields written inside it, so open it with three colons, :::%s{#id title=\"…\"}, write its fields, then close it with :::", d.Name, d.Name)
	case folder == "displays" && d.Container:
		display, _ := displayKindNamed(d.Name)
		return diag.Errorf(at, "%s is written on one line, as %s, not as a ::: container", d.Name, display.usage)
	case folder != "callouts" && conv.page.Kind != kindWorkbook:
		return diag.Errorf(at, "%s belongs in a workbook: only workbooks save answers, so home and collection pages hold prose and callouts", d.Name)
	}
	return nil
}

// renderField renders a field primitive written as a directive.
func (dl *directiveLayouts) renderField(conv *converting, d *directive.Directive) template.HTML {
	f, cond := conv.readDirectiveField(d.Name, d)
	conv.addField(f)
	return withShowIf(dl.execute(conv, d, fieldLayout(d.Name), f), cond)
}
