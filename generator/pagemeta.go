package generator

import (
	"regexp"

	"coachbook/generator/metadata"
)

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
