package generator

import (
	"fmt"
	"html/template"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"

	"coachbook/generator/diag"
	"coachbook/generator/directive"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown configures goldmark for workbooks: CommonMark with the GitHub
// extensions, footnotes and heading IDs. Raw HTML is left out unless the
// site allows it. Table alignment is written as attributes because the
// site's Content-Security-Policy forbids inline styles.
//
// Directives are parsed and rendered through dl's layouts; with a nil dl,
// as in the conformance test, the engine is plain Markdown. A nil links
// leaves link destinations as written.
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
		extensions = append(extensions, directiveExtension(dl))
	}
	transformers := []util.PrioritizedValue{util.Prioritized(headingTransformer{}, 100)}
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

// conversion is the state of converting one page's Markdown.
type conversion struct {
	page    *page
	source  []byte // the Markdown body
	layouts *directiveLayouts
	errs    diag.List
	links   []internalLink

	// Directives: the fields and exercises found, in order, the keys
	// declared and where, the exercises being rendered, the containers
	// whose content is being captured, and each directive's heading level.
	fields    []*field
	exercises []manifestExercise
	keys      map[string]diag.Position
	open      []openExercise
	captured  map[*directive.Directive]int
	levels    map[*directive.Directive]int

	html     template.HTML   // the result
	manifest []manifestField // the fields as the manifest lists them, made once

	lines  *diag.Lines // positions in the page's file, while converting
	cursor linkCursor  // where the last link was found, while converting
}

// internalLink is a link to a file of the output, checked once every
// output file is known.
type internalLink struct {
	pos diag.Position
	out string // the output path it must find, without the base path
}

// renderMarkdown converts p's body and records the internal links it
// makes.
func renderMarkdown(md goldmark.Markdown, dl *directiveLayouts, p *page) *conversion {
	conv := &conversion{page: p, layouts: dl, keys: map[string]diag.Position{},
		captured: map[*directive.Directive]int{}, levels: map[*directive.Directive]int{}}
	if !p.hasBody {
		return conv
	}
	conv.source = p.src[p.bodyOff:]
	conv.lines = diag.NewLines(p.source, p.src)
	if err := checkPageSize(p.pos(), int64(len(p.src))); err != nil {
		conv.errs.Add(err) // The file grew after it was first read.
		return conv
	}
	if err := checkNesting(conv.source, conv.pos); err != nil {
		conv.errs.Add(err)
		return conv
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(pageKey, conv)
	w := newCaptureWriter(conv)
	if err := md.Convert(conv.source, w, parser.WithContext(ctx)); err != nil {
		conv.errs.Add(diag.Errorf(p.pos(), "rendering Markdown: %v", err))
	}
	conv.html = template.HTML(w.String())
	conv.manifest = manifestOf(conv)
	// Let go of what only converting needs. The directives its maps are
	// keyed by hold the whole syntax tree, which serve would otherwise
	// keep for every page of the site.
	conv.lines, conv.fields, conv.keys, conv.captured, conv.levels, conv.open = nil, nil, nil, nil, nil, nil
	conv.cursor.block = nil
	return conv
}

// headingTransformer keeps the page title the page's only h1: when the
// body uses a level-one heading anywhere, every heading moves one level
// down. It also keeps only the id and class of a heading's {attributes},
// since inline styles break the site's Content-Security-Policy.
type headingTransformer struct{}

func (headingTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	var headings []*ast.Heading
	demote := false
	walkBlocks(doc, func(n ast.Node, entering bool) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			demote = demote || h.Level == 1
		}
	})
	for _, h := range headings {
		if demote && h.Level < 6 {
			h.Level++
		}
		attrs := h.Attributes()
		h.RemoveAttributes()
		for _, attr := range attrs {
			if name := string(attr.Name); name == "id" || name == "class" {
				h.SetAttribute(attr.Name, attr.Value)
			}
		}
	}
	conv, _ := pc.Get(pageKey).(*conversion)
	if conv == nil {
		return
	}
	seen := map[string]diag.Position{}
	for _, h := range headings {
		id, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		v, _ := id.([]byte)
		pos := conv.nodePos(h, nil)
		// Generated IDs avoid these and each other, so only an author's
		// {#id} can hit one.
		if reserved, why := reservedID(string(v)); reserved {
			conv.errs.Add(diag.Errorf(pos, "heading ID %q %s; choose another", v, why))
		} else if first, dup := seen[string(v)]; dup {
			conv.errs.Add(diag.Errorf(pos, "heading ID %q is already the ID of the heading at %s; links to it would find that one", v, first))
		} else {
			seen[string(v)] = pos
		}
	}
	// An exercise's title goes one level below the heading before it, and
	// below the exercise around it.
	last, open := 1, []int{}
	walkBlocks(doc, func(n ast.Node, entering bool) {
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				last = n.Level
			}
		case *directive.Directive:
			if !entering {
				if n.Container {
					open = open[:len(open)-1]
				}
				break
			}
			level := last + 1
			if len(open) > 0 {
				level = max(level, open[len(open)-1]+1)
			}
			conv.levels[n] = level
			if n.Container {
				open = append(open, level)
			}
		}
	})
}

// walkBlocks visits the block nodes of doc, not the inline text inside
// them: most of a document's nodes are inline, and headings and
// directives are blocks.
func walkBlocks(doc *ast.Document, visit func(n ast.Node, entering bool)) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		visit(n, entering)
		if c := n.FirstChild(); entering && c != nil && c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// headingIDs makes heading IDs from their text in any script, unlike
// goldmark's default, which keeps only ASCII letters. IDs the layouts use
// are reserved so a heading such as "Main" cannot clash with them.
type headingIDs struct {
	used map[string]bool
	// next is the suffix to try first for each base, so that a page of n
	// headings with the same text takes n steps, not n².
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	h := &headingIDs{used: map[string]bool{}, next: map[string]int{}}
	for _, id := range reservedIDs {
		h.used[id] = true
	}
	return h
}

// Generate returns a unique ID for a heading's text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := hyphenate(string(value), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if base == "" {
		base = "section"
	}
	if reservedPrefix(base) != "" {
		base = "section-" + base
	}
	id := base
	for h.used[id] {
		h.next[base]++
		id = base + "-" + strconv.Itoa(h.next[base])
	}
	h.used[id] = true
	return []byte(id)
}

// hyphenate lowercases text and keeps the runs of characters that keep
// accepts, joined by single hyphens: "Été à Zürich!" becomes "été-à-zürich".
func hyphenate(text string, keep func(rune) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if !keep(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		dash = false
	}
	return b.String()
}

// Put records an ID the author set with {#id}.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// linkResolver rewrites link and image destinations so they work wherever
// the site is hosted. Relative links are read as an editor reads them:
// relative to the Markdown file, with .md files standing for their pages.
type linkResolver struct {
	site        *site
	workbooks   map[string]*page // by path relative to content/
	collections map[string]*page // by folder relative to content/
	drafts      map[string]bool
}

func (lr *linkResolver) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*conversion)
	if conv == nil {
		return
	}
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		image := false
		switch n := n.(type) {
		case *ast.Link:
			dest = &n.Destination
		case *ast.Image:
			dest, image = &n.Destination, true
		case *ast.HTMLBlock, *ast.RawHTML:
			if !lr.site.allowHTML {
				return ast.WalkContinue, nil // Left out of the page.
			}
			if src, toBody := rawHTMLSource(n, source); src != nil {
				for _, err := range checkRawHTML(src, func(off int) diag.Position { return conv.pos(toBody(off)) }) {
					conv.errs.Add(err)
				}
			}
			return ast.WalkContinue, nil
		case *ast.AutoLink:
			url := string(n.URL(source))
			if err := checkScheme(url, false); err != nil {
				conv.errs.Add(&diag.Error{Pos: conv.linkPos(source, n, url), Err: err})
			}
			return ast.WalkContinue, nil
		default:
			return ast.WalkContinue, nil
		}
		raw := string(*dest)
		err := checkScheme(raw, image)
		resolved, out := raw, ""
		if err == nil {
			resolved, out, err = lr.resolve(conv.page, raw)
		}
		if err != nil || out != "" {
			pos := conv.linkPos(source, n, raw)
			if err != nil {
				conv.errs.Add(&diag.Error{Pos: pos, Err: err})
				return ast.WalkContinue, nil
			}
			conv.links = append(conv.links, internalLink{pos: pos, out: out})
		}
		*dest = []byte(resolved)
		return ast.WalkContinue, nil
	})
}

// checkScheme rejects link schemes that can run code or load documents,
// whatever the raw-HTML setting: http, https, mailto and tel are allowed,
// and data: for images.
func checkScheme(dest string, image bool) error {
	if !hasScheme(dest) {
		return nil
	}
	scheme, rest, _ := strings.Cut(dest, ":")
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return nil
	case "data":
		if image && strings.HasPrefix(strings.ToLower(rest), "image/") {
			return checkDataImage(dest, rest)
		}
	}
	return fmt.Errorf("link %q uses the %s: scheme; only http, https, mailto and tel links are allowed", dest, strings.ToLower(scheme))
}

// dataImageTypes are the image types every current browser shows. An
// image is inert in an img element, SVG included: it runs no script and
// loads nothing, and the pages' CSP allows data: images.
var dataImageTypes = map[string]bool{
	"image/apng": true, "image/avif": true, "image/bmp": true, "image/gif": true,
	"image/jpeg": true, "image/jpg": true, "image/png": true, "image/svg+xml": true,
	"image/webp": true, "image/x-icon": true, "image/vnd.microsoft.icon": true,
}

// checkDataImage rejects a data: image, given as dest and the part after
// "data:", that a browser would show as a broken image.
func checkDataImage(dest, rest string) error {
	header, data, ok := strings.Cut(rest, ",")
	if !ok {
		return fmt.Errorf("image %q has no data: a data: address holds a comma before its data", dest)
	}
	mediaType, _, _ := strings.Cut(strings.ToLower(header), ";")
	if !dataImageTypes[mediaType] {
		return fmt.Errorf("image %q is of type %s, which browsers do not show; use PNG, JPEG, GIF, WebP, AVIF or SVG", dest, mediaType)
	}
	if strings.Contains(data, "#") {
		what := "data"
		if mediaType == "image/svg+xml" {
			what = "SVG"
		}
		return fmt.Errorf("image %q has a # in its %s, which ends the address there: write it as %%23", dest, what)
	}
	return nil
}

// imageRenderer renders images as goldmark does, except that an address
// checkScheme allows is written as it is. goldmark's own check, without
// raw HTML, blanks every data: image but PNG, GIF, JPEG and WebP, and even
// those unless a ';' follows the type, so SVG and AVIF came out empty.
type imageRenderer struct{}

func (imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	var filtered, asWritten renderer.NodeRendererFunc
	html.NewRenderer().RegisterFuncs(imageFunc{&filtered})
	html.NewRenderer(html.WithUnsafe()).RegisterFuncs(imageFunc{&asWritten})
	reg.Register(ast.KindImage, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if checkScheme(string(n.(*ast.Image).Destination), true) == nil {
			return asWritten(w, source, n, entering)
		}
		return filtered(w, source, n, entering)
	})
}

// imageFunc keeps the image function a goldmark renderer registers.
type imageFunc struct{ f *renderer.NodeRendererFunc }

func (i imageFunc) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) {
	if kind == ast.KindImage {
		*i.f = f
	}
}

// resolve returns the URL to write for dest and, for a link into the site
// that is not a page, the output file it must find.
func (lr *linkResolver) resolve(p *page, dest string) (resolved, out string, err error) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || hasScheme(dest) {
		return dest, "", nil
	}
	target, suffix := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		target, suffix = dest[:i], dest[i:]
	}
	unescaped, err := url.PathUnescape(target)
	if err != nil {
		return "", "", fmt.Errorf("link %q is not a valid URL path: %v", dest, err)
	}
	if strings.HasPrefix(target, "/") {
		// Root-relative: the site's root, which may be under a sub-path.
		return lr.site.url(target) + suffix, strings.TrimPrefix(unescaped, "/"), nil
	}
	rel := path.Join(p.dir, unescaped)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", "", fmt.Errorf("link %q leads outside content/", dest)
	}
	if rel == "." {
		rel = ""
	}
	if strings.HasSuffix(rel, ".md") {
		if path.Base(rel) == "_index.md" {
			if c, ok := lr.collections[parentDir(rel)]; ok {
				return c.URL + suffix, "", nil
			}
		} else if w, ok := lr.workbooks[rel]; ok {
			return w.URL + suffix, "", nil
		}
		if lr.drafts[rel] {
			return "", "", fmt.Errorf("link %q leads to content/%s, a draft that is built only with --drafts", dest, rel)
		}
		return "", "", fmt.Errorf("link %q leads to content/%s, which does not exist", dest, rel)
	}
	if c, ok := lr.collections[strings.TrimSuffix(rel, "/")]; ok {
		return c.URL + suffix, "", nil
	}
	resolved = lr.site.url(escapePath(rel))
	if strings.HasSuffix(target, "/") && rel != "" {
		resolved += "/"
	}
	return resolved + suffix, rel, nil
}

// hasScheme reports whether dest starts with a URL scheme such as
// "https:" or "mailto:".
func hasScheme(dest string) bool {
	for i, c := range dest {
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}
