package generator

import (
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// Page kinds, which are also the names of their layouts.
const (
	kindHome       = "home"
	kindCollection = "collection"
	kindWorkbook   = "workbook"
	kindNotFound   = "404"
)

// page is one output page: the home page, a collection, a workbook or the
// 404 page. Templates see it as the dot.
type page struct {
	Kind        string
	Title       string
	Description string
	Duration    string
	Weight      int
	Tags        []string
	Draft       bool
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

	source  string // file path relative to the site root, for positions
	dir     string // folder relative to content/, for resolving links
	src     []byte // the whole file
	bodyOff int    // where the Markdown body starts in src
	out     string // output file relative to the destination
	hasBody bool
	fm      *metadata.Frontmatter

	// The Markdown body is converted once, on first use, so a layout may
	// show another page's content while pages render in parallel.
	convert sync.Once
	conv    *conversion

	file     string     // where the source is on disk
	head     []byte     // the source up to its body, when src is not kept, to tell it is the file read again
	mu       sync.Mutex // guards released and the HTML it lets go
	released bool
}

// pageMeta is what a page's frontmatter says, for the page fields of the
// same names. It is decoded when the file is parsed, so a rebuild in serve
// reuses it with the parse. page does not embed it: layouts reach a field
// of an embedded struct through a search that allocates on every use.
type pageMeta struct {
	Title, Description, Duration string
	Weight                       int
	Tags                         []string
	Draft                        bool
	ID                           string
	Params                       map[string]any
}

// setMeta gives p what its frontmatter says.
func (p *page) setMeta(m pageMeta) {
	p.Title, p.Description, p.Duration, p.Weight = m.Title, m.Description, m.Duration, m.Weight
	p.Tags, p.Draft, p.ID, p.Params = m.Tags, m.Draft, m.ID, m.Params
}

// String is what a layout shows of a page printed whole: its title.
// Printing the struct would put its internals, its source among them, in
// the page, and read them while other pages render.
func (p *page) String() string { return p.Title }

// converted returns the result of converting p's Markdown.
func (p *page) converted() *conversion {
	p.convert.Do(func() {
		if p.Site.reuse != nil {
			p.conv = p.Site.reuse(p)
		}
		if p.conv != nil {
			return
		}
		if p.src == nil && p.hasBody {
			// A build to disk reads each source again when it converts it,
			// rather than holding every file of the site at once.
			src, err := os.ReadFile(p.file)
			if err != nil {
				p.conv = &conversion{page: p}
				p.conv.errs.Add(diag.Errorf(p.pos(), "%v", err))
				return
			}
			if off := p.changedAt(src); off >= 0 {
				p.conv = &conversion{page: p}
				p.conv.errs.Add(diag.Errorf(diag.Offset(p.source, src, off), "the frontmatter changed during the build; build again"))
				return
			}
			p.src = src
		}
		p.conv = renderMarkdown(p.Site.markdown, p.Site.directives, p)
	})
	return p.conv
}

// Content returns the page's Markdown body as HTML.
func (p *page) Content() template.HTML {
	conv := p.converted()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.released {
		return conv.html
	}
	// The page was written and its HTML let go; a layout of another page
	// wants it again, so convert it again from its file.
	src, err := os.ReadFile(p.file)
	if err != nil || p.changedAt(src) >= 0 {
		return ""
	}
	again := &page{Kind: p.Kind, Site: p.Site, source: p.source, dir: p.dir, src: src, bodyOff: p.bodyOff, hasBody: p.hasBody}
	return renderMarkdown(p.Site.markdown, p.Site.directives, again).html
}

// changedAt returns where src, p's file read again, departs from the
// frontmatter that p was made from, or -1 if it does not. A body changed
// in between is simply the body converted; only a changed frontmatter
// would make the page disagree with the listings and links made from it.
func (p *page) changedAt(src []byte) int {
	for i, c := range p.head {
		if i >= len(src) || src[i] != c {
			return i
		}
	}
	return -1
}

// release lets go of a written page's source and HTML, so that a build's
// memory does not grow with the size of the site.
func (p *page) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.conv; c != nil {
		// Keep what listings and the link check need: the manifest,
		// exercises, links and errors.
		c.html, c.source = "", nil
	}
	p.src = nil
	p.released = true
}

// progressEntry is what a listing needs to show a workbook's progress
// without visiting it: each counted field's key, followed by the keys it
// was saved under before.
type progressEntry struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	URL    string     `json:"url"`
	Fields [][]string `json:"fields"`
}

// Progress lists, for the home and collection pages, every workbook below
// p that has counted fields, with those fields.
func (p *page) Progress() []progressEntry {
	var out []progressEntry
	for _, w := range p.Workbooks() {
		e := progressEntry{ID: w.ID, Title: w.Title, URL: w.URL, Fields: [][]string{}}
		for _, f := range w.converted().manifest {
			if f.Counts {
				e.Fields = append(e.Fields, append([]string{f.Key}, f.Was...))
			}
		}
		if len(e.Fields) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// HasFields reports whether a workbook saves any answers.
func (p *page) HasFields() bool {
	return p.Kind == kindWorkbook && len(p.converted().manifest) > 0
}

// Counted is how many of a workbook's fields count towards completion.
func (p *page) Counted() int {
	if p.Kind != kindWorkbook {
		return 0
	}
	n := 0
	for _, f := range p.converted().manifest {
		if f.Counts {
			n++
		}
	}
	return n
}

// Manifest lists the fields of a workbook, for the client runtime.
func (p *page) Manifest() *manifest {
	if p.Kind != kindWorkbook {
		return nil
	}
	conv := p.converted()
	return &manifest{ID: p.ID, Title: p.Title, URL: p.URL, Exercises: append([]manifestExercise{}, conv.exercises...), Fields: append([]manifestField{}, conv.manifest...)}
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
	if p.fm == nil {
		return diag.Position{File: p.source}
	}
	return diag.Position{File: p.source, Line: 1, Col: 1}
}

// sourceFile is a file found under content/.
type sourceFile struct {
	rel  string // slash-separated, relative to content/
	path string // where to read it
}

// contentTree is what walking content/ found.
type contentTree struct {
	markdown []sourceFile
	other    []sourceFile // copied to the output as they are
}

// Ignored reports whether a file name is one a site never builds: hidden
// files, and the backups, swap and test files that editors leave beside
// the files they save. serve's watcher ignores the same names.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		name == "4913" // Vim's test write.
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// readWorkbook reads a workbook's frontmatter into m.
func (m *pageMeta) readWorkbook(r *metadata.Reader) {
	m.Title = r.String("title")
	r.Require("title", m.Title)
	m.Description = r.String("description")
	m.Weight = r.Int("weight")
	m.Duration = r.String("duration")
	m.Tags = r.Strings("tags")
	m.Draft = r.Bool("draft")
	m.ID = r.Matching("id", workbookID, workbookIDRule)
	m.Params = r.Rest()
}

// readCollection reads a collection's _index.md frontmatter into m. A
// collection without a title keeps the one its folder's name gives it.
func (m *pageMeta) readCollection(r *metadata.Reader) {
	m.Title = r.String("title")
	m.Description = r.String("description")
	m.Weight = r.Int("weight")
	m.Draft = r.Bool("draft")
	m.Params = r.Rest()
}

// workbookID checks workbook IDs; see WorkbookIDPattern.
var workbookID = regexp.MustCompile(WorkbookIDPattern)

// workbookIDRule says in words what workbookID allows.
const workbookIDRule = "may hold only letters, digits, '.', '-', '_' and '/', and must start with a letter or digit"

// slug turns a file or folder name into a URL segment: lower case, with
// spaces as hyphens.
func slug(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.Join(strings.Fields(name), "-")
}

// slugPath turns a content-relative path without extension into the
// page's path, as "interview/star".
func slugPath(rel string) string {
	parts := strings.Split(rel, "/")
	for i, s := range parts {
		parts[i] = slug(s)
	}
	return strings.Join(parts, "/")
}

// escapePath escapes each segment of a slash path for use in a URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// titleFromName makes a title for a folder without an _index.md.
func titleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) })
	for i, w := range words {
		if i == 0 {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}

// sortPages puts pages in reading order: by weight, with unweighted pages
// last, then by title, then by file.
func sortPages(pages []*page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return a.Weight != 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.source < b.source
	})
}
