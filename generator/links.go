package generator

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"coachbook/generator/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// internalLink is a link to a file of the output, checked once every
// output file is known.
type internalLink struct {
	pos diag.Position
	out string // the output path it must find, without the base path
}

// linkResolver rewrites link and image destinations so they work wherever
// the site is hosted. Relative links are read as an editor reads them:
// relative to the Markdown file, with .md files standing for their pages.
type linkResolver struct {
	site        *site
	workbooks   map[string]*page // by path relative to content/
	collections map[string]*page // by folder relative to content/
	drafts      map[string]bool
	partials    map[string]bool // left out for their names (partials.go)
}

func (lr *linkResolver) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	conv, _ := pc.Get(pageKey).(*converting)
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
		if why := partialProblem(lr.partials, rel); why != "" {
			return "", "", fmt.Errorf("link %q leads to content/%s, %s", dest, rel, why)
		}
		return "", "", fmt.Errorf("link %q leads to content/%s, which does not exist", dest, rel)
	}
	if why := partialProblem(lr.partials, rel); why != "" {
		return "", "", fmt.Errorf("link %q leads to content/%s, %s", dest, rel, why)
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
