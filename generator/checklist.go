package generator

import (
	"html/template"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/directive"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// renderChecklist renders a :::checklist, whose task-list items become
// checkboxes. An item keeps its tick when reworded if it ends in {#id}.
func (dl *directiveLayouts) renderChecklist(conv *converting, d *directive.Directive) template.HTML {
	f, cond := conv.readDirectiveField("checklist", d)
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
	return withShowIf(dl.execute(conv, d, fieldLayout("checklist"), f), cond)
}

// checklistItem reads one item of a checklist.
func (conv *converting) checklistItem(item ast.Node, d *directive.Directive, seen map[string]bool) (option, bool) {
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

// slugID makes a checklist item's ID from its text when the author gave
// none: ASCII letters and digits joined by hyphens, or "" when the text
// has too few of them to make one.
func slugID(text string) string {
	id := hyphenate(text, func(c rune) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' })
	if id != "" && !fieldID.MatchString(id) {
		id = "item-" + id
	}
	return id
}
