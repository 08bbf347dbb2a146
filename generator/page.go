package generator

import (
	"encoding/json"
	"html/template"
	"sync"
	"sync/atomic"

	"coachbook/generator/diag"
)

// Page kinds, which are also the names of their layouts.
const (
	kindHome       = "home"
	kindCollection = "collection"
	kindWorkbook   = "workbook"
	kindNotFound   = "404"
	// The client's "My answers" page and the coach's review page, which
	// every site gets: see answerbook.go.
	kindAnswers = "answers"
	kindReview  = "review"
)

// page is one output page: the home page, a collection, a workbook or the
// 404 page. Templates see it as the dot.
type page struct {
	Kind        string
	Title       string
	Description string
	Duration    string
	Tags        []string
	// ID is the workbook's identity: its frontmatter id, or its path
	// without the extension. Saved answers are keyed by it.
	ID     string
	Params map[string]any
	// URL is the page's path including the base path; Permalink is absolute
	// when the base URL has a host.
	URL       string
	Permalink string
	Site      *site
	Parent    *page
	// Pages are a collection's workbooks and Collections its
	// sub-collections, each in reading order.
	Pages       []*page
	Collections []*page
	// Prev and Next are the neighbouring workbooks in the same collection.
	Prev, Next *page

	source string // file path relative to the site root, for positions
	dir    string // folder relative to content/, for resolving links
	src    []byte // the whole file
	out    string // output file relative to the destination
	// idAt, when its frontmatter sets an id, says where, and sensitivePos
	// where it says sensitive: true: all a page keeps of its frontmatter
	// once read, as every page of a large site is in memory.
	idAt         *diag.Position
	sensitivePos *diag.Position

	// The Markdown body is converted once, on first use, so a layout may
	// show another page's content while pages render in parallel.
	// A build to disk swaps it for one without the HTML once the page is
	// written.
	convertBy *converter
	conv      atomic.Pointer[conversion]
	// fields holds what a workbook with fields works out once (fieldState),
	// made on first need: most pages of a large site have none, and each
	// page is alive to the end of the build.
	fields atomic.Pointer[fieldState]

	file string // where the source is on disk
	head []byte // the source up to its body, when src is not kept, to tell it is the file read again

	// What holds no pointer comes last, where the collector need not look.
	Weight  int
	minutes int // a Duration written as a number of minutes
	// titleHeading is 1 + the body offset of the heading the title was
	// taken from, which the page leaves out, or 0 (titlefallback.go).
	titleHeading int
	bodyOff      int // where the Markdown body starts in src
	convert      sync.Once
	mu           sync.Mutex // guards released
	released     bool
	Draft        bool
	// sensitive is the frontmatter's sensitive: true (support.go), and
	// noProgress its progress: false (see progressFields).
	sensitive  bool
	noProgress bool
	hasBody    bool
	// fromFile is set for a page made from a file.
	fromFile bool
}

// fieldState is what a workbook with fields works out once.
type fieldState struct {
	// manifestData is the workbook's manifest as JSON, made once: the
	// page, workbooks.json and a rebuild's comparison all show it.
	manifestOnce sync.Once
	manifestData []byte
	// How the workbook counts while nothing is answered, and the print of
	// its counted fields, worked out once: its manifest and every listing
	// and book page that names it show them.
	markOnce  sync.Once
	markEmpty int
	markPrint string
	// rec is what is kept of the workbook's fields once its page is
	// written (workbookrecord.go), made once.
	recordOnce sync.Once
	rec        *workbookRecord
}

// fieldState returns p's fieldState, making it on first call.
func (p *page) fieldState() *fieldState {
	if s := p.fields.Load(); s != nil {
		return s
	}
	p.fields.CompareAndSwap(nil, new(fieldState))
	return p.fields.Load()
}

// String is what a layout shows of a page printed whole: its title.
// Printing the struct would put its internals, its source among them, in
// the page, and read them while other pages render.
func (p *page) String() string { return p.Title }

// progressEntry is what a listing needs to show a workbook's progress
// without visiting it: each counted field, as the runtime counts it.
type progressEntry struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	URL    string          `json:"url"`
	Fields []progressField `json:"fields"`
}

// progressField is what the runtime's counts() needs to judge a field's
// answer on a listing as the workbook page judges it: its key and the
// keys it was saved under before, its kind and a choice's options (an
// answer no option matches any more is kept but not counted), and, for a
// field of a repeating exercise, how many entries must answer it.
type progressField struct {
	Key     string   `json:"key"`
	Was     []string `json:"was,omitempty"`
	Type    string   `json:"type"`
	Options []string `json:"options,omitempty"`
	Entries int      `json:"entries,omitempty"`
	// If are the show-if conditions it shows under: while one does not
	// hold, it does not count.
	If []progressCondition `json:"if,omitempty"`
}

// Progress lists, for the home and collection pages, every workbook below
// p that has counted fields, with those fields.
func (p *page) Progress() []progressEntry {
	var out []progressEntry
	for _, w := range p.Workbooks() {
		if fields := progressFields(w); len(fields) > 0 {
			out = append(out, progressEntry{ID: w.ID, Title: w.Title, URL: w.URL, Fields: fields})
		}
	}
	return out
}

// progressMark is how workbook p counts while nothing is answered and the
// print of its counted fields; both are zero when no field counts.
func (p *page) progressMark() progressMark {
	if !p.HasFields() {
		// No field counts: the zero mark, without a fieldState.
		return progressMark{ID: p.ID}
	}
	s := p.fieldState()
	s.markOnce.Do(func() {
		if conv := p.converted(); conv.lean {
			s.markEmpty, s.markPrint = conv.record.markEmpty, conv.record.markPrint
			return
		}
		if fields := progressFields(p); len(fields) > 0 {
			s.markEmpty, s.markPrint = emptyCount(fields), progressPrint(fields)
		}
	})
	return progressMark{ID: p.ID, Empty: s.markEmpty, Print: s.markPrint}
}

// progressFields lists the fields of workbook w that count towards its
// completion, as the runtime counts them.
func progressFields(w *page) []progressField {
	if w.noProgress {
		return []progressField{}
	}
	if conv := w.converted(); conv.lean {
		return leanProgressFields(w)
	}
	entries := repeatMinimums(w)
	out := []progressField{}
	for _, f := range w.converted().manifest {
		if !f.Counts {
			continue
		}
		pf := progressField{Key: f.Key, Was: f.Was, Type: f.Type, Entries: entries[f.Exercise], If: f.showIf}
		if f.Type == "choice" {
			pf.Options = f.Options
		}
		out = append(out, pf)
	}
	return out
}

// HasFields reports whether a workbook saves any answers.
func (p *page) HasFields() bool {
	if p.Kind != kindWorkbook {
		return false
	}
	if conv := p.converted(); !conv.lean {
		return len(conv.manifest) > 0
	}
	return p.record().hasFields
}

// Counted is how many of a workbook's fields count towards completion.
func (p *page) Counted() int {
	if p.Kind != kindWorkbook || p.noProgress {
		return 0
	}
	conv := p.converted()
	if conv.lean {
		return p.record().counted
	}
	n := 0
	for _, f := range conv.manifest {
		if f.Counts {
			n++
		}
	}
	return n
}

// ManifestJSON is the workbook's manifest as html/template would write
// Manifest into a script element, or "" for a page with no fields.
func (p *page) ManifestJSON() template.JS {
	if !p.HasFields() {
		return ""
	}
	return template.JS(p.manifestJSON())
}

// manifestJSON returns Manifest marshalled, marshalling it once, or as
// the workbook's record keeps it once the page is written. A workbook
// without fields is marshalled each time, as only workbooks.json asks for
// it: kept, it was 20 MB alive at 100,000 pages as the build ended.
func (p *page) manifestJSON() []byte {
	if !p.HasFields() {
		data, _ := json.Marshal(p.Manifest())
		return data
	}
	if p.converted().lean {
		data, err := p.record().part(recordManifest)
		if err != nil {
			return nil
		}
		return data
	}
	s := p.fieldState()
	s.manifestOnce.Do(func() { s.manifestData, _ = json.Marshal(p.Manifest()) })
	return s.manifestData
}

// Manifest lists the fields of a workbook, for the client runtime.
func (p *page) Manifest() *manifest {
	if p.Kind != kindWorkbook {
		return nil
	}
	conv := p.converted()
	if conv.lean {
		var m manifest
		if p.record().decode(recordManifest, &m) != nil {
			return nil
		}
		return &m
	}
	return &manifest{ID: p.ID, Title: p.Title, URL: p.URL, Exercises: append([]manifestExercise{}, conv.exercises...), Fields: append([]manifestField{}, conv.manifest...), Progress: p.progressMark().Print}
}

// IsHome reports whether p is the home page.
func (p *page) IsHome() bool { return p.Kind == kindHome }

// Ancestors returns the pages above p, from the home page down, for
// breadcrumbs.
func (p *page) Ancestors() []*page {
	var up []*page
	for a := p.Parent; a != nil; a = a.Parent {
		up = append(up, a)
	}
	for i, j := 0, len(up)-1; i < j; i, j = i+1, j-1 {
		up[i], up[j] = up[j], up[i]
	}
	return up
}

// Workbooks returns every workbook at or below a collection, in reading
// order, for listings that show a whole programme.
func (p *page) Workbooks() []*page {
	out := append([]*page(nil), p.Pages...)
	for _, c := range p.Collections {
		out = append(out, c.Workbooks()...)
	}
	return out
}

// pos is where p comes from: its file, or its folder when it has none.
func (p *page) pos() diag.Position {
	if !p.fromFile {
		return diag.Position{File: p.source}
	}
	return diag.Position{File: p.source, Line: 1, Col: 1}
}
