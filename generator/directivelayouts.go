package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"coachbook/generator/directive"
)

// Directive layouts live in four folders of the theme's layouts/:
// fields/ holds the primitives, exercises/ the exercise types (each needs
// an ID and may hold fields), callouts/ the notes, tips and warnings
// (no ID, no fields), and displays/ the totals and charts of answers
// (displays.go). A site adds an exercise or callout by adding a layout.
var directiveFolders = []string{"fields", "exercises", "callouts", "displays"}

// directiveLayouts renders directives through the theme's layouts.
type directiveLayouts struct {
	set   *template.Template
	kinds map[string]string // directive name → its folder
	theme *theme
	// words are the layouts' words of i18n/en.yaml, for the words the
	// build gives fields itself.
	words map[string]string
	// fast runs the layouts it could compile without html/template's
	// reflection (fastlayout.go); nil runs every layout through set.
	fast *fastLayouts
	// buffers are the buffers layouts render into, reused.
	buffers sync.Pool
}

// isKnown reports whether authors can write name as a directive.
func (dl *directiveLayouts) isKnown(name string) bool {
	_, ok := dl.kinds[name]
	return ok && !layoutOnlyField(name)
}

// known lists the directive names an author can write.
func (dl *directiveLayouts) known() string {
	var names []string
	for name := range dl.kinds {
		if !layoutOnlyField(name) {
			names = append(names, name)
		}
	}
	return describeKnown(names)
}

// execute runs a directive layout, reporting a layout error at the
// layout's position and naming the directive that used it.
func (dl *directiveLayouts) execute(conv *converting, d *directive.Directive, name string, data any) template.HTML {
	out, err := dl.executeHTML(name, data)
	if err != nil {
		conv.errs.Add(fmt.Errorf("%w (rendering %s%s at %s)", dl.theme.templateError(err), fence(d), d.Name, conv.pos(d.Offset)))
		return ""
	}
	return out
}

// executeHTML runs layout name on data into a buffer it reuses: a page
// of exercises renders every field into one, and growing a fresh one each
// time cost as much as the rendering.
func (dl *directiveLayouts) executeHTML(name string, data any) (template.HTML, error) {
	buf, _ := dl.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			buf.Reset()
			dl.buffers.Put(buf)
		}
	}()
	if err := dl.run(buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// maxPooledBuffer keeps a huge layout's buffer from being held for good.
const maxPooledBuffer = 64 << 10

// run runs layout name on data into w, by the fast path when it has the
// layout, with the output and errors html/template would give.
func (dl *directiveLayouts) run(w *bytes.Buffer, name string, data any) error {
	if ok, err := dl.fast.execute(w, name, data); ok {
		return err
	}
	return dl.set.ExecuteTemplate(w, name, data)
}

func fence(d *directive.Directive) string {
	if d.Container {
		return ":::"
	}
	return "::"
}
