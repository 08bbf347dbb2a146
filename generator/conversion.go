package generator

import (
	"fmt"
	"html/template"

	"coachbook/generator/diag"
	"coachbook/generator/directive"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// conversion is what converting a page's Markdown made. It never
// changes once made: serve shares it between builds, and listings read it
// while other pages render.
type conversion struct {
	html      template.HTML
	manifest  []manifestField // the fields as the manifest lists them
	exercises []manifestExercise
	displays  []string       // the display kinds used, such as "total"
	showIf    bool           // some element has a show-if
	reminds   bool           // some date offers to add itself to a calendar
	links     []internalLink // links to output files, checked once all are written
	errs      diag.List
	warns     diag.List // what is wrong but does not stop the build
	// recalls are the page's answers recalled from workbooks, and
	// recallables its own fields as recalls elsewhere show them: both
	// are resolved once every page is converted.
	recalls     []recallDisplay
	recallables map[string]*recallSource
	// lean says manifest and recallables were let go once the page was
	// written: record holds what is still needed of them
	// (workbookrecord.go).
	lean   bool
	record *workbookRecord
}

// withoutHTML is c without its HTML, which a build to disk lets go once
// the page is written: listings and the link check need only the rest.
func (c *conversion) withoutHTML() *conversion {
	lean := *c
	lean.html = ""
	return &lean
}

// withoutFields is c without its HTML and without the fields record
// holds, once its page is written.
func (c *conversion) withoutFields(r *workbookRecord) *conversion {
	lean := c.withoutHTML()
	lean.manifest, lean.recallables, lean.lean, lean.record = nil, nil, true, r
	return lean
}

// converting is the scratch state of converting one page's Markdown,
// gone once the conversion is made: the directives its maps are keyed by
// hold the whole syntax tree, which serve would otherwise keep for every
// page of the site.
type converting struct {
	page    *page
	source  []byte // the Markdown body
	layouts *directiveLayouts
	errs    diag.List
	warns   diag.List
	links   []internalLink

	// Directives: the fields and exercises found, in order, the keys
	// declared and where, the exercises being rendered, the containers
	// whose content is being captured, and each directive's heading level.
	fields    []*field
	exercises []manifestExercise
	keys      map[string]diag.Position
	open      []openExercise
	captured  map[*directive.Directive]int
	levels    map[*directive.Directive]int
	displays  []*display
	// conditions are the show-ifs, in order, and showIfOf those of
	// exercises and callouts.
	conditions []*condition
	showIfOf   map[*directive.Directive]*condition

	lines  *diag.Lines // positions in the page's file
	cursor linkCursor  // where the last link was found
	html   template.HTML
}

// renderMarkdown converts p's body and records the internal links it
// makes.
func renderMarkdown(md goldmark.Markdown, dl *directiveLayouts, p *page) *conversion {
	return convertMarkdown(md, dl, p).result()
}

// convertMarkdown converts p's body, leaving the scratch state for
// result.
func convertMarkdown(md goldmark.Markdown, dl *directiveLayouts, p *page) *converting {
	conv := &converting{page: p, layouts: dl, keys: map[string]diag.Position{},
		captured: map[*directive.Directive]int{}, levels: map[*directive.Directive]int{}}
	if !p.hasBody {
		return conv
	}
	conv.source = p.src[p.bodyOff:]
	conv.lines = diag.NewLines(p.source, p.src)
	if err := checkPageSize(p.pos(), int64(len(p.src))); err != nil {
		conv.errs.Add(err) // The file grew after it was first read.
		return conv
	}
	if err := checkNesting(conv.source, conv.pos); err != nil {
		conv.errs.Add(err)
		return conv
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(pageKey, conv)
	w := newCaptureWriter(conv)
	if err := md.Convert(conv.source, w, parser.WithContext(ctx)); err != nil {
		conv.errs.Add(diag.Errorf(p.pos(), "rendering Markdown: %v", err))
	}
	conv.html = template.HTML(w.String())
	conv.renderDisplays()
	conv.resolveConditions()
	conv.keysBeforeRepeat()
	return conv
}

// render converts p's Markdown and minifies the HTML, once for every
// page that shows it: pages are written as their minified layouts render
// them. A page that recalls answers is minified once they are in
// (recallContent).
func (c *converter) render(p *page) *conversion {
	conv := renderMarkdown(c.markdown, c.directives, p)
	if len(conv.recalls) == 0 && conv.html != "" {
		html, err := c.minifiedHTML(conv.html)
		if err != nil {
			conv.errs.Add(diag.Errorf(p.pos(), "%v", err))
		}
		conv.html = html
	}
	return conv
}

// minifiedHTML returns html minified, or html itself without a minifier
// or on an error.
func (c *converter) minifiedHTML(html template.HTML) (template.HTML, error) {
	if c.min == nil {
		return html, nil
	}
	out, err := c.min.Bytes("text/html", []byte(html)) // Read in place, unlike a reader.
	if err != nil {
		return html, fmt.Errorf("minifying the page's HTML: %w", err)
	}
	return template.HTML(out), nil
}

// result is what the conversion made.
func (conv *converting) result() *conversion {
	var displays []string
	for _, ds := range conv.displays {
		displays = append(displays, ds.Kind)
	}
	return &conversion{html: conv.html, manifest: manifestOf(conv), exercises: conv.exercises, displays: displays, showIf: len(conv.conditions) > 0, reminds: reminds(conv.fields), links: conv.links, errs: conv.errs, warns: conv.warns,
		recalls: conv.recallDisplays(), recallables: conv.recallables()}
}

// warn records a problem that does not stop the build, to be printed
// with the build's other warnings.
func (conv *converting) warn(pos diag.Position, format string, args ...any) {
	conv.warns.Add(diag.Warnf(pos, format, args...))
}

// attrs reads d's attributes with positions in the page.
func (conv *converting) attrs(d *directive.Directive) *attrReader {
	r := newAttrReader(d.Attrs, conv.pos(d.Offset), conv.pos, conv.layouts.words)
	r.warns = &conv.warns
	return r
}

// pos turns a byte offset in the Markdown body into a position in the
// page's file.
func (conv *converting) pos(offset int) diag.Position {
	return conv.lines.Position(conv.page.bodyOff + offset)
}

// nodePos is where block n starts, or else directive d, or else the page.
func (conv *converting) nodePos(n ast.Node, d *directive.Directive) diag.Position {
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
