package generator

import (
	"html/template"
	"path"
	"strings"

	"coachbook/generator/diag"
)

// parseDirectiveLayouts parses every field, exercise and callout layout
// into one set, with the functions page layouts have too.
func (t *theme) parseDirectiveLayouts(funcs template.FuncMap, messages languageWords) (*directiveLayouts, error) {
	dl := &directiveLayouts{kinds: map[string]string{}, theme: t, words: messages.plain("layouts")}
	// cell renders a column's cell in fields/rows.html through the
	// column kind's own cell layout.
	all := template.FuncMap{}
	for name, fn := range funcs {
		all[name] = fn
	}
	all["cell"] = dl.cell
	dl.set = template.New("directives").Funcs(all)
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
				if _, ok := fieldKindNamed(name); !ok {
					errs.Add(diag.Errorf(pos, "there is no field type %q: new directives go in layouts/exercises/ or layouts/callouts/", name))
					continue
				}
			}
			if folder == "displays" {
				if _, ok := displayKindNamed(name); !ok {
					errs.Add(diag.Errorf(pos, "there is no display %q: new directives go in layouts/exercises/ or layouts/callouts/", name))
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
	for _, kind := range fieldKinds {
		if name := kind.name; dl.kinds[name] != "fields" {
			errs.Add(diag.Errorf(diag.Position{File: "layouts/fields/"}, "the theme has no layout for the %s field: add layouts/fields/%s.html", name, name))
		}
	}
	for _, kind := range displayKinds {
		if name := kind.name; dl.kinds[name] != "displays" {
			errs.Add(diag.Errorf(diag.Position{File: "layouts/displays/"}, "the theme has no layout for the %s display: add layouts/displays/%s.html", name, name))
		}
	}
	if err := errs.Err(); err != nil {
		return dl, err
	}
	dl.fast = compileFastLayouts(dl.set, all, dl.entries())
	return dl, nil
}
