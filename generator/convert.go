package generator

import (
	"coachbook/generator/diag"

	"github.com/tdewolff/minify/v2"
	"github.com/yuin/goldmark"
)

// converter turns pages' Markdown into HTML for one build. The builder
// makes it once the layouts are loaded, and each page converts itself
// through it on first use, since a layout may show another page's content
// while pages render in parallel.
type converter struct {
	markdown   goldmark.Markdown
	directives *directiveLayouts
	plan       plan
	min        *minify.M // minifies each conversion's HTML (render)
	// workbooks are the site's workbooks by ID, whose answers recalls show.
	workbooks map[string]*page
	// records gzips what is kept of each workbook's fields once its page
	// is written (workbookRecord).
	records *packer
}

// newConverter makes the converter of the site that l loaded: its links
// resolve to l's pages, and its directives render through directives.
func newConverter(s *site, l *loadedSite, directives *directiveLayouts, pl plan, min *minify.M) *converter {
	links := &linkResolver{site: s, workbooks: l.bySrc, collections: map[string]*page{}, drafts: l.drafts, partials: l.tree.partials}
	workbooks := make(map[string]*page, len(l.pages))
	for _, p := range l.pages {
		if p.Kind == kindCollection || p.Kind == kindHome {
			links.collections[p.dir] = p
		}
		if p.Kind == kindWorkbook && p.Site == s {
			// A recall names a workbook of its own language.
			workbooks[p.ID] = p
		}
	}
	return &converter{markdown: newMarkdown(s.allowHTML, links, directives), directives: directives, plan: pl, min: min, workbooks: workbooks, records: &packer{}}
}

// convert converts p's Markdown, or takes its conversion from the last
// build when the plan allows.
func (c *converter) convert(p *page) *conversion {
	if conv := c.plan.reuse(p); conv != nil {
		p.mu.Lock()
		p.released = true // Without its HTML.
		p.mu.Unlock()
		return conv
	}
	if p.src == nil && p.hasBody {
		// A build to disk reads each source again when it converts it,
		// rather than holding every file of the site at once.
		src, err := p.reread()
		if err != nil {
			return &conversion{errs: diag.List{err}}
		}
		p.src = src
	}
	return c.render(p)
}

// reread reads p's file again, once its source was let go, and reports
// an error if its frontmatter is no longer the one p was made from: a
// changed body is simply the body converted, but a changed frontmatter
// would make the page disagree with the listings and links made from it.
func (p *page) reread() ([]byte, error) {
	src, err := readWhole(p.file, func(int64) error { return nil })
	if err != nil {
		return nil, diag.Errorf(p.pos(), "%v", err)
	}
	for i, c := range p.head {
		if i >= len(src) || src[i] != c {
			return nil, diag.Errorf(diag.Offset(p.source, src, i), "the frontmatter changed during the build; build again")
		}
	}
	return src, nil
}
