package generator

import (
	"fmt"
	"html/template"

	"coachbook/generator/diag"
	"coachbook/generator/directive"
)

// renderRows renders a :::rows written by an author: a table whose
// columns are the field directives it holds, in order. Each column is
// saved in every row under its ID, as the columns an exercise layout
// gives Rows with Col are.
func (dl *directiveLayouts) renderRows(conv *converting, d *directive.Directive) template.HTML {
	f, cond := conv.readDirectiveField("rows", d)
	seen := map[string]diag.Position{}
	for n := d.FirstChild(); n != nil; n = n.NextSibling() {
		child, ok := n.(*directive.Directive)
		if !ok {
			conv.errs.Add(diag.Errorf(conv.nodePos(n, d), "rows %q holds only its columns: write each as a field such as ::text[Company]{#company}, and put any text before the table or in hint=\"…\"", f.Key))
			continue
		}
		col, ok := conv.rowsColumn(dl, f, child)
		if !ok {
			continue
		}
		at := conv.pos(child.Offset)
		if first, dup := seen[col.Sub()]; dup {
			conv.errs.Add(diag.Errorf(at, "rows %q has two columns with the ID %q: the first is at %s", f.Key, col.Sub(), first))
			continue
		}
		seen[col.Sub()] = at
		f.Columns = append(f.Columns, col)
	}
	if len(f.Columns) == 0 && len(seen) == 0 {
		conv.errs.Add(diag.Errorf(conv.pos(d.Offset), "rows %q has no columns: add a field for each, such as ::text[Company]{#company}", f.Key))
	}
	conv.addField(f)
	return withShowIf(dl.execute(conv, d, fieldLayout("rows"), f), cond)
}

// rowsColumn reads one column of an author's rows, reporting what cannot
// be one.
func (conv *converting) rowsColumn(dl *directiveLayouts, rows *field, d *directive.Directive) (*field, bool) {
	at := conv.pos(d.Offset)
	kind, isField := fieldKindNamed(d.Name)
	switch {
	case d.Err != nil:
		conv.errs.Add(&diag.Error{Pos: conv.pos(d.ErrOffset), Err: d.Err})
		return nil, false
	case dl.kinds[d.Name] == "":
		// A check, which authors cannot write alone, may be a column.
		conv.errs.Add(diag.Errorf(at, "unknown directive %q; a column of rows is %s", d.Name, columnKinds()))
		return nil, false
	case !isField || !kind.column || d.Container:
		conv.errs.Add(diag.Errorf(at, "%s cannot be a column of rows %q: a column is %s, written on one line", fence(d)+d.Name, rows.Key, columnKinds()))
		return nil, false
	}
	r := conv.attrs(d)
	col := readField(d.Name, rows.Key+".", d.Label, r)
	if problem := columnProblem(col); problem != "" {
		r.errs.Add(diag.Errorf(at, "%s", problem))
	}
	conv.errs.Add(r.errs.Err())
	return col, len(r.errs) == 0
}

// columnProblem says why a field read as a column cannot be one, or "":
// a cell holds one text or one tick, so a choice column takes one option
// and shows them as a menu, with no text box for another.
func columnProblem(col *field) string {
	switch {
	case col.Type == "choice" && col.Multiple:
		return fmt.Sprintf("choice column %q cannot be multiple: a cell holds one option", col.Sub())
	case col.Type == "choice" && col.Other.Value != "":
		return fmt.Sprintf("choice column %q cannot have other: list every option a cell may take", col.Sub())
	}
	return ""
}

// rowsCell is one cell of a row, as layouts/fields/_cell-TYPE.html sees
// it: the column's field, the row's number (which the runtime renumbers)
// and the control's HTML id.
type rowsCell struct {
	*field
	Row int
	ID  string
}

// cell renders the cell of column col in row n through the column kind's
// cell layout, or the plain one for a kind without its own.
func (dl *directiveLayouts) cell(col *field, rows *field, n int) (template.HTML, error) {
	name := "fields/_cell-" + col.Type + ".html"
	if dl.set.Lookup(name) == nil {
		name = "fields/_cell.html"
	}
	data := rowsCell{field: col, Row: n, ID: fmt.Sprintf("%s:%d:%s", rows.DOMID, n, col.Sub())}
	return dl.executeHTML(name, data)
}
