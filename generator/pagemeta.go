package generator

import (
	"regexp"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// pageMeta is what a page's frontmatter says, for the page fields of the
// same names. It is decoded when the file is parsed, so a rebuild in serve
// reuses it with the parse. page does not embed it: layouts reach a field
// of an embedded struct through a search that allocates on every use.
type pageMeta struct {
	Title, Description, Duration string
	Weight                       int
	// minutes is a duration written as a number, which the page shows
	// in the site's language (see wordPages).
	minutes int
	Tags    []string
	Draft   bool
	ID      string
	Params  map[string]any
	// sensitive marks a collection or workbook whose pages show the site's
	// support details (support.go); a collection's covers everything below.
	sensitive    bool
	sensitivePos diag.Position
	// noProgress is a workbook's progress: false, which leaves it out of
	// every completion count while its answers are still saved.
	noProgress bool
	// titleHeading is 1 + the body offset of the heading the title was
	// taken from, which the page leaves out, or 0 (titlefallback.go).
	titleHeading int
}

// setMeta gives p what its frontmatter says.
func (p *page) setMeta(m pageMeta) {
	p.Title, p.Description, p.Duration, p.Weight = m.Title, m.Description, m.Duration, m.Weight
	p.Tags, p.Draft, p.ID, p.Params = m.Tags, m.Draft, m.ID, m.Params
	p.minutes, p.titleHeading = m.minutes, m.titleHeading
	p.sensitive, p.noProgress = m.sensitive, m.noProgress
	if m.sensitive {
		at := m.sensitivePos
		p.sensitivePos = &at
	}
}

// readWorkbook reads a workbook's frontmatter into m.
func (m *pageMeta) readWorkbook(r *metadata.Reader) {
	// Without a title, the parse takes the first heading or the file's
	// name (fallBackTitle).
	m.Title = r.String("title")
	m.Description = r.String("description")
	m.Weight = r.Int("weight")
	m.readDuration(r)
	m.Tags = r.Strings("tags")
	m.Draft = r.Bool("draft")
	m.ID = r.Matching("id", workbookID, workbookIDRule)
	m.readSensitive(r)
	m.noProgress = !r.BoolOr("progress", true)
	m.Params = r.Rest()
	if !r.Has("weight") {
		m.Weight = sidebarWeight(m.Params["sidebar_position"])
	}
}

// sidebarWeight orders a page brought from Docusaurus by its
// sidebar_position, as weight would: 0 comes first, so it is weight 1, a
// fraction counts as the whole number below it, and anything else is no
// weight at all.
func sidebarWeight(position any) int {
	var n float64
	switch v := position.(type) {
	case int:
		n = float64(v)
	case int64:
		n = float64(v)
	case uint64:
		n = float64(v)
	case float64:
		n = v
	default:
		return 0
	}
	if !(n >= 0 && n <= 1e6) { // NaN too
		return 0
	}
	return int(n) + 1
}

// readDuration reads the time a workbook takes: text ("about 20 min"), or
// a number of minutes (duration: 20), which YAML would otherwise make an
// error for lack of quotes.
func (m *pageMeta) readDuration(r *metadata.Reader) {
	if !r.IsNumber("duration") {
		m.Duration = r.String("duration")
		return
	}
	if n := r.Int("duration"); n >= 1 && n <= 24*60 {
		m.minutes = n
	} else if r.Err() == nil {
		r.Fail("duration", "duration: %d is read as minutes, from 1 to 1440; write a longer time as text, such as \"2 weeks\"", n)
	}
}

// readCollection reads a collection's _index.md frontmatter into m. A
// collection without a title keeps the one its folder's name gives it.
func (m *pageMeta) readCollection(r *metadata.Reader) {
	m.Title = r.String("title")
	m.Description = r.String("description")
	m.Weight = r.Int("weight")
	// A collection may state the time its workbooks take together;
	// TestBundledSite checks the sample site's add up.
	m.readDuration(r)
	m.Draft = r.Bool("draft")
	m.readSensitive(r)
	m.Params = r.Rest()
}

// readSensitive reads sensitive: true, remembering where it is written for
// a site that has no support details to show (checkSupport).
func (m *pageMeta) readSensitive(r *metadata.Reader) {
	m.sensitive, m.sensitivePos = r.Bool("sensitive"), r.Pos("sensitive")
}

// workbookID checks workbook IDs; see WorkbookIDPattern.
var workbookID = regexp.MustCompile(WorkbookIDPattern)

// workbookIDRule says in words what workbookID allows.
const workbookIDRule = "may hold only letters, digits, '.', '-', '_' and '/', and must start with a letter or digit"
