package generator

import "context"

// plan says what one build renders and what it takes from the last one.
// The zero plan is `build`'s: every file read, every page rendered, and
// each page's source and HTML let go once it is written. A Session plans
// a rebuild from what its last good build left (Session.plan).
type plan struct {
	// keep holds every page's source and conversion after it is written,
	// for the next rebuild to reuse.
	keep bool
	// keepFields keeps each workbook's fields in its conversion once its
	// page is written, rather than only its record, as keep does.
	keepFields bool
	// last is what the last good build left, and changed the files that
	// changed since, relative to the site root. With last set, the build
	// reads again only the changed files, converts only them, and renders
	// only the pages that show what changed; only existing Markdown files
	// of content/ may have changed (see Session.incremental).
	last    *snapshot
	changed map[string]bool
}

// incremental reports whether the plan renders only what changed.
func (pl plan) incremental() bool { return pl.last != nil }

// tree is the last build's walk of content/, or nil to walk it again.
func (pl plan) tree() *contentTree {
	if pl.last == nil {
		return nil
	}
	return pl.last.tree
}

// parsed returns a Markdown file of content/, by its path from the site
// root, as the last build read and parsed it, unless it changed, or nil.
// It is shared, and never changes.
func (pl plan) parsed(source string) *parsedFile {
	if pl.last == nil || pl.changed[source] {
		return nil
	}
	if r := pl.last.records[source]; r != nil {
		return r.parsed
	}
	return nil
}

// reuse returns p's conversion from the last build, when p's file is
// unchanged: without its HTML, which the page converts again should a
// layout show it (see page.release). p was made from the last build's
// parse of the file (see parsed), so the conversion is of the same file.
func (pl plan) reuse(p *page) *conversion {
	if pl.last == nil || pl.changed[p.source] {
		return nil
	}
	r := pl.last.records[p.source]
	if r == nil {
		return nil
	}
	return r.conv
}

// kept reports whether the last build wrote output file rel, which a
// build that renders only some pages keeps: the link check counts it.
func (pl plan) kept(rel string) bool {
	if pl.last == nil {
		return false
	}
	_, ok := pl.last.files[rel]
	return ok
}

// work is what a build renders and writes, decided once its pages are
// loaded.
type work struct {
	render    []*page // the pages to render, workbooks first
	copyFiles bool    // copy the static files and content's other files
	siteFiles bool    // write the files that list every page
}

// work decides what the build of pages renders. A rebuild renders the
// changed pages, and the pages that list or name a changed workbook when
// what they show of it changed; the files that list every page are
// written again when a listing or a workbook's fields changed.
func (pl plan) work(ctx context.Context, pages []*page) (work, error) {
	// Workbooks first: listings need every workbook's fields, and a
	// workbook rendered first has let its HTML go by the time they ask.
	todo := make([]*page, 0, len(pages))
	for _, p := range pages {
		if p.Kind == kindWorkbook {
			todo = append(todo, p)
		}
	}
	for _, p := range pages {
		if p.Kind != kindWorkbook {
			todo = append(todo, p)
		}
	}
	if pl.last == nil {
		return work{render: todo, copyFiles: true, siteFiles: true}, nil
	}
	changed := make([]*page, 0, len(pl.changed))
	for _, p := range pages {
		if pl.changed[p.source] {
			changed = append(changed, p)
		}
	}
	// What a changed workbook shows elsewhere depends on its fields, so
	// the changed pages are converted first: in parallel, so that this
	// stops with ctx like the rendering.
	if err := parallel(ctx, len(changed), func(i int) { changed[i].converted() }); err != nil {
		return work{}, err
	}
	shown := map[string]bool{} // changed workbooks whose listing changed
	siteFiles := len(changed) < len(pl.changed)
	// The book pages show every workbook's questions by collection.
	booked := siteFiles
	for _, p := range changed {
		r := pl.last.records[p.source]
		booked = booked || p.Kind != kindWorkbook || r == nil || digestOf(bookJSON(p)) != r.book
		switch {
		case p.Kind != kindWorkbook || r == nil || !r.workbook:
			siteFiles = true
		case pl.last.use.digest(p) != r.listing:
			shown[p.source] = true
			siteFiles = true
		case digestOf(manifestJSON(p)) != r.manifest:
			siteFiles = true
		}
	}
	// A recall shows a changed workbook's labels, or says it is gone.
	recalled := map[string]bool{}
	for _, p := range changed {
		recalled[p.ID] = p.Kind == kindWorkbook
	}
	var render []*page
	for _, p := range todo {
		if pl.affects(p, shown) || booked && p.isBook() || pl.last.recalling[p.source] && p.converted().recallsAny(recalled) {
			render = append(render, p)
		}
	}
	return work{render: render, siteFiles: siteFiles}, nil
}

// affects reports whether page p must be rendered again; shown holds the
// changed workbooks whose listing changed.
func (pl plan) affects(p *page, shown map[string]bool) bool {
	if pl.changed[p.source] {
		return true
	}
	if len(shown) > 0 && pl.last.use.anywhere {
		return true // The layouts may show the workbook on any page.
	}
	for source := range shown {
		// What listings show of the workbook changed: its collection and
		// everything above it, and its neighbours, which name it.
		folder := pl.last.records[source].collection
		if p.Kind == kindHome || p.Kind == kindCollection && isAncestor(p.dir, folder) ||
			p.Kind == kindWorkbook && p.dir == folder {
			return true
		}
	}
	return false
}
