package corpus

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// Floor returns goldmark as a workbook needs it at the least: GitHub's
// extensions (tables, strikethrough, task lists, autolinks), footnotes and
// automatic heading IDs. Converting a corpus with it, in memory on every
// core, is the floor a build's cost is compared with.
func Floor() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}
