package generator

import (
	"coachbook/generator/directive"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// newMarkdown configures goldmark for workbooks: CommonMark with the GitHub
// extensions, footnotes and heading IDs. Raw HTML is left out unless the
// site allows it. Table alignment is written as attributes because the
// site's Content-Security-Policy forbids inline styles.
//
// Directives are parsed and rendered through dl's layouts; with a nil dl,
// as in the conformance test, the engine is plain Markdown. A nil links
// leaves link destinations as written. Markdown written for Docusaurus
// and GitHub reads as it does there: alerts and admonitions are callouts,
// MDX import lines are left out, and so is a heading the page's title
// came from; raw HTML left out gets a warning.
func newMarkdown(allowHTML bool, links *linkResolver, dl *directiveLayouts) goldmark.Markdown {
	rendererOpts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(imageRenderer{}, 100))}
	if allowHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	extensions := []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.Linkify,
		extension.TaskList,
		extension.Footnote,
	}
	if dl != nil {
		// GitHub's alerts render as callouts, through the same layouts.
		extensions = append(extensions, directiveExtension(dl), alerts{})
	}
	// Exercise levels follow the headings' levels once they are demoted.
	transformers := []util.PrioritizedValue{util.Prioritized(headingTransformer{}, 100), util.Prioritized(exerciseLevels{}, 110)}
	if dl != nil {
		transformers = append(transformers, util.Prioritized(mdxImports{}, 45), util.Prioritized(admonitionLabels{}, 50), util.Prioritized(titleHeadingDropper{}, 60))
	}
	if dl != nil && !allowHTML {
		transformers = append(transformers, util.Prioritized(droppedHTMLWarning{}, 300))
	}
	if links != nil {
		transformers = append(transformers, util.Prioritized(links, 200))
	}
	return goldmark.New(
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(transformers...),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
}

// directiveExtension parses directives and renders them through dl.
func directiveExtension(dl *directiveLayouts) goldmark.Extender {
	return directive.New(dl.render, dl.isKnown)
}

// pageKey carries the page being converted to the AST transformers.
var pageKey = parser.NewContextKey()
