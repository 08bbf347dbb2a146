package generator

import (
	"path"
	"strings"

	"coachbook/generator/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Markdown written for Docusaurus or GitHub often has no title in its
// frontmatter, or no frontmatter, and names itself in a first
// `# heading` instead. Such a workbook takes that heading for its title,
// and the page leaves the heading out of its body so that the title does
// not show twice; without one, it is named after its file. Either way the
// build says so, with the line that would set the title.

// fallBackTitle gives a workbook whose frontmatter has no title the text
// of the first level-one heading of body, or else its file's name, with
// a warning.
func (pf *parsedFile) fallBackTitle(body []byte) {
	pos := contentPos(pf.file.rel)
	missing := "no title in the frontmatter"
	if !pf.hasFrontmatter() {
		missing = "no title"
	}
	say := func(missing, from, title string) {
		how := "add title: " + yamlQuote(title) + " to the frontmatter"
		if !pf.hasFrontmatter() {
			how = "start the file with a frontmatter holding title: " + yamlQuote(title)
		}
		pf.warns.Add(diag.Warnf(pos, "%s; using %s %q: to set it yourself, %s", missing, from, title, how))
	}
	if title, offset, ok := firstTitleHeading(body); ok {
		pf.meta.Title, pf.meta.titleHeading = title, offset+1
		say(missing, "the first heading", title)
		return
	}
	pf.meta.Title = titleFromName(strings.TrimSuffix(path.Base(pf.file.rel), ".md"))
	say(missing+" and no # heading", "the file name", pf.meta.Title)
}

// hasFrontmatter reports whether the file opens with a frontmatter, even
// an empty one.
func (pf *parsedFile) hasFrontmatter() bool {
	return pf.bodyOff > len("\uFEFF")
}

// firstTitleHeading finds the first level-one heading of body, ATX or
// setext, as goldmark reads it (not one inside code), and returns its
// text and the offset in body where its text starts, which the
// conversion uses to leave that heading out (titleHeadingDropper).
func firstTitleHeading(body []byte) (title string, offset int, ok bool) {
	if len(body) == 0 {
		return "", 0, false
	}
	md := goldmark.New(goldmark.WithParserOptions(parser.WithHeadingAttribute()))
	doc, _ := md.Parser().Parse(text.NewReader(body)).(*ast.Document)
	var found *ast.Heading
	walkBlocks(doc, func(n ast.Node, entering bool) {
		if h, isHeading := n.(*ast.Heading); isHeading && entering && found == nil && h.Level == 1 && h.Lines().Len() > 0 {
			found = h
		}
	})
	if found == nil {
		return "", 0, false
	}
	title = strings.Join(strings.Fields(plainText(found, body)), " ")
	if title == "" {
		return "", 0, false
	}
	return title, found.Lines().At(0).Start, true
}

// yamlQuote writes s as a YAML double-quoted string.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// titleHeadingDropper leaves out of the page the heading its title was
// taken from (see fallBackTitle). It runs before headingTransformer,
// which moves every heading down a level when the body holds a level-one
// heading: the title's own heading is not one of the body's.
type titleHeadingDropper struct{}

func (titleHeadingDropper) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*converting)
	if conv == nil || conv.page.titleHeading == 0 {
		return
	}
	var found *ast.Heading
	walkBlocks(doc, func(n ast.Node, entering bool) {
		if h, ok := n.(*ast.Heading); ok && entering && found == nil && h.Level == 1 && h.Lines().Len() > 0 && h.Lines().At(0).Start == conv.page.titleHeading-1 {
			found = h
		}
	})
	if found != nil {
		found.Parent().RemoveChild(found.Parent(), found)
	}
}
