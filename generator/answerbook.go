package generator

import (
	"path"

	"coachbook/generator/diag"
)

// Every site gets two pages that show all of a client's answers at once,
// in site order: the client's own, "My answers" (answers/), read from
// their device, and a coach's review page (review/), read from a file the
// client sent. Both are made from the same book: the layouts give its
// headings and the runtime (coachbook-book.js) fills in the answers.
var bookPages = []struct{ kind, folder, what string }{
	{kindAnswers, "answers/", `the client's "My answers" page`},
	{kindReview, "review/", "the page where coaches review a client's answers"},
}

// bookScripts are the runtime extensions a book page loads: how answers
// read as text (shared with recalls), how progress counts (shared with
// the listings), the book itself, and, to read a client's file, the
// restore's checks.
var bookScripts = map[string][]string{
	kindAnswers: {recallScript, listingsScript, bookScript},
	kindReview:  {recallScript, listingsScript, bookScript, restoreScript},
}

const (
	// bookPartial shows the book; both book layouts use it.
	bookPartial   = "answer-book.html"
	bookScript    = "coachbook-book.js"
	restoreScript = "coachbook-restore.js"
)

// isBook reports whether p is one of the pages that show every answer.
func (p *page) isBook() bool { return p.Kind == kindAnswers || p.Kind == kindReview }

// newBookPages makes the site's book pages. Their titles come from the
// layouts, in the interface's words.
func newBookPages(s *site) []*page {
	out := make([]*page, 0, len(bookPages))
	for _, b := range bookPages {
		out = append(out, &page{Kind: b.kind, Site: s, out: s.langPrefix + b.folder + "index.html",
			URL: s.langURL(b.folder), Permalink: s.langPermalink(b.folder), source: path.Join("layouts", b.kind+".html")})
	}
	return out
}

// bookGroup is a part of the book: the home page's own workbooks, with no
// title, or a collection's, with every workbook below it.
type bookGroup struct {
	Title     string
	URL       string
	Workbooks []*page
}

// AnswerBook lists, for a book page, the workbooks that ask something, by
// collection in site order, as the home page lists them.
func (p *page) AnswerBook() []bookGroup {
	if !p.isBook() {
		return nil
	}
	home := p.Site.Home
	var out []bookGroup
	add := func(title, url string, pages []*page) {
		g := bookGroup{Title: title, URL: url}
		for _, w := range pages {
			if w.HasFields() {
				g.Workbooks = append(g.Workbooks, w)
			}
		}
		if len(g.Workbooks) > 0 {
			out = append(out, g)
		}
	}
	add("", home.URL, home.Pages)
	for _, c := range home.Collections {
		add(c.Title, c.URL, c.Workbooks())
	}
	return out
}

// bookEntry is what the runtime needs to show a workbook's answers as
// text and count its progress, without its page: each field as a recall
// shows it, in page order, its exercises' names, and the counted fields
// as the listings count them.
type bookEntry struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	URL       string             `json:"url"`
	Exercises []manifestExercise `json:"exercises,omitempty"`
	Fields    []bookField        `json:"fields"`
	Progress  []progressField    `json:"progress"`
}

// bookField is a field as a recall shows it, and the exercise it is in.
type bookField struct {
	*recallSource
	Exercise string `json:"exercise,omitempty"`
}

// BookIndex lists every workbook of AnswerBook for the runtime, for the
// page's <script type="application/json" id="coachbook-book">, grouped
// by the book file that holds it (fieldfiles.go), with how it counts
// while nothing is answered, as ProgressIndex lists them. The runtime
// loads the files of only the workbooks whose answers it shows: with
// every workbook inline, a book page of 10,000 workbooks ran to 89 MB.
func (p *page) BookIndex() []progressGroup {
	if p.Site.fieldFiles == nil {
		return nil
	}
	var workbooks []*page
	for _, g := range p.AnswerBook() {
		workbooks = append(workbooks, g.Workbooks...)
	}
	return indexOf(workbooks, p.Site.fieldFiles.books(), true)
}

// BookFields lists every workbook of AnswerBook for the runtime whole,
// as the book pages of a site's own layout may still carry them; the
// theme's carry BookIndex.
func (p *page) BookFields() []bookEntry {
	var out []bookEntry
	for _, g := range p.AnswerBook() {
		for _, w := range g.Workbooks {
			out = append(out, bookEntryOf(w))
		}
	}
	return out
}

// bookEntryOf is workbook w as the book shows it.
func bookEntryOf(w *page) bookEntry {
	conv := w.converted()
	if conv.lean {
		e, _ := w.record().decodeBook() // Made by this build: it decodes.
		return e
	}
	e := bookEntry{ID: w.ID, Title: w.Title, URL: w.URL, Exercises: conv.exercises, Fields: make([]bookField, 0, len(conv.manifest)), Progress: progressFields(w)}
	for _, f := range conv.manifest {
		if src := conv.recallables[f.Key]; src != nil {
			e.Fields = append(e.Fields, bookField{recallSource: src, Exercise: f.Exercise})
		}
	}
	return e
}

// withoutBookPages leaves the book pages out of a site whose theme has no
// runtime: it saves no answers, so they would have none to show.
func (t *theme) withoutBookPages(pages []*page) []*page {
	if _, ok := t.files["assets/coachbook.js"]; ok {
		return pages
	}
	out := pages[:0:0]
	for _, p := range pages {
		if !p.isBook() {
			out = append(out, p)
		}
	}
	return out
}

// checkBookPlaces reports a content page published where a book page is.
func checkBookPlaces(pages []*page) error {
	var errs diag.List
	for _, p := range pages {
		for _, b := range bookPages {
			if p.out == p.Site.langPrefix+b.folder+"index.html" && !p.isBook() {
				errs.Add(diag.Errorf(p.pos(), "%s would be published at %s, where every site has %s: rename the file or its folder", p.source, p.Site.langPrefix+b.folder, b.what))
			}
		}
	}
	return errs.Err()
}
