package generator

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"coachbook/generator/diag"
)

// Options configure a build.
type Options struct {
	// Source is the site root, holding content/. It defaults to ".".
	Source string
	// Dest is the output folder. It defaults to public/ in Source.
	Dest string
	// BaseURL, when set, overrides the baseURL of the site settings.
	BaseURL string
	// Drafts includes pages marked draft.
	Drafts bool
	// LiveReload, when set, is the URL of a script that every page loads
	// to reload itself when the site changes. Only serve sets it; the base
	// layout renders it as .Site.LiveReload, and then also lets the page
	// connect to its own origin.
	LiveReload string
	// Strict turns warnings into errors, for a CI that must not publish
	// a site with something wrong in it.
	Strict bool

	// serving is set for a Session, which serve builds with: its pages
	// never register the service worker (see site.App).
	serving bool

	// renderHook, when set, runs each page's rendering in its place, given
	// the page's source: tests hold a page in the middle of a build with
	// it, as a slow conversion would, and learn when it is done.
	renderHook func(source string, render func())
	// slowLayouts runs every page and directive layout through
	// html/template, for tests that compare the fast path's output with
	// it.
	slowLayouts bool
	// keepFields keeps every workbook's fields whole to the end of the
	// build, as serve does, for tests that compare what the records kept
	// instead give (workbookrecord.go).
	keepFields bool
}

// Stats describe a finished build.
type Stats struct {
	Pages    int // pages in the site
	Rendered int // pages rendered by this build
	Files    int // files written by this build
	Duration time.Duration
	Full     bool // the whole site was rebuilt
	// Warnings are problems that did not stop the build, such as words
	// missing from a language's file, each printing as
	// "file: warning: what".
	Warnings []error
}

// Build builds the site described by opts. On any error, including a
// cancelled ctx, the previous output is left as it was and the error lists
// every problem found, each at its file:line:col.
func Build(ctx context.Context, opts Options) (Stats, error) {
	start := time.Now()
	if opts.Source == "" {
		opts.Source = "."
	}
	opts.Dest = opts.Destination()
	if err := CheckSite(opts.Source); err != nil {
		return Stats{}, err
	}
	st, err := stage(opts.Source, opts.Dest)
	if err != nil {
		return Stats{}, err
	}
	b := &builder{opts: opts, plan: plan{keepFields: opts.keepFields}, out: newOutput(st.dir, newMinifier())}
	if st.recycled {
		b.out.spare = spareDir(st.dest)
	}
	err = b.build(ctx)
	if err == nil && st.recycled {
		err = b.out.prune()
	}
	if err == nil {
		err = st.publish()
	}
	if err != nil {
		// An interrupted build's pages may still be rendering: they must
		// not write into the folder once it is set aside.
		b.out.discard()
		st.discard()
		return Stats{}, err
	}
	return Stats{Pages: b.pages, Rendered: b.rendered, Files: b.out.files, Duration: time.Since(start), Full: true, Warnings: b.warned()}, nil
}

// CheckSite reports an error unless source is a site: a folder with
// content/ in it.
func CheckSite(source string) error {
	if info, err := os.Stat(filepath.Join(source, "content")); err != nil || !info.IsDir() {
		return fmt.Errorf("%s has no content/ folder: run coachbook in a site folder or pass --source", source)
	}
	return nil
}

// Destination returns where the build is written: Dest, or public/ in the
// site folder.
func (o Options) Destination() string {
	if o.Dest != "" {
		return o.Dest
	}
	return filepath.Join(o.Source, "public")
}

// builder holds the state of one build.
type builder struct {
	opts    Options
	plan    plan
	out     *output
	site    *site
	theme   *theme
	layouts map[string]*template.Template
	loaded  *loadedSite
	// layouts are the default language's page layouts; languages holds
	// every language's layouts and converter (languages.go).
	languages map[*site]*languageLayouts
	// kept are the languages this build parsed, for a Session's next
	// build (keptlayouts.go).
	kept     map[string]*keptLanguage
	pages    int
	rendered int

	// withScripts holds the page kinds whose layouts render .Scripts.
	withScripts map[string]runtimeUse
	// bundles are the extensions workbooks load together (scriptbundles.go).
	bundles *scriptBundles

	// buffers reuses the buffers pages are rendered into.
	buffers sync.Pool

	mu       sync.Mutex
	errs     diag.List
	warnings diag.List
}

// fail records err, if any, to be reported with the build's other errors.
func (b *builder) fail(err error) {
	b.mu.Lock()
	b.errs.Add(err)
	b.mu.Unlock()
}

// warned returns the build's warnings, sorted by position.
func (b *builder) warned() []error {
	list, _ := b.warnings.Err().(diag.List)
	return list
}

func (b *builder) build(ctx context.Context) error {
	l, err := loadSite(ctx, b.opts, b.plan)
	if l == nil {
		return err
	}
	b.fail(err)
	b.loaded, b.site = l, l.site
	b.warnings = append(b.warnings, l.warns...)
	if b.theme, err = loadTheme(b.opts.Source, b.site); err != nil {
		b.fail(err)
		return b.errs.Err()
	}
	defer b.theme.close()
	l.pages = b.theme.withoutBookPages(l.pages)
	b.checkLogo()
	b.startWebApp()
	b.out.expect(len(l.pages))
	for _, p := range l.pages {
		b.fail(b.out.claim(p.out, p.pos()))
	}
	assets := b.writeAssets()
	b.bundles = newScriptBundles(b)
	if !b.plan.incremental() {
		b.copyFiles(l.files)
	}
	// Each language has its own words, and so its own layouts and
	// directive layouts; a site of one language has one of each.
	sites := []*site{b.site}
	if b.site.langs != nil {
		sites = b.site.langs.sites
	}
	b.languages, b.kept = map[*site]*languageLayouts{}, map[string]*keptLanguage{}
	for _, ls := range sites {
		ll, err := b.loadLanguage(ls, assets)
		if err != nil {
			b.fail(err)
			return b.errs.Err()
		}
		b.languages[ls] = ll
	}
	b.prepareFieldFiles(sites)
	first := b.languages[sites[0]]
	b.layouts = first.layouts
	b.withScripts = layoutsWithScripts(b.layouts)
	for _, p := range l.pages {
		p.convertBy = b.languages[p.Site].convert
	}
	w, err := b.plan.work(ctx, l.pages)
	if err != nil {
		return err
	}
	layoutErrs := make([]error, len(w.render))
	err = parallel(ctx, len(w.render), func(i int) {
		render := func() { layoutErrs[i] = b.renderPage(w.render[i]) }
		if b.opts.renderHook != nil {
			b.opts.renderHook(w.render[i].source, render)
		} else {
			render()
		}
	})
	if err != nil {
		return err
	}
	b.rendered = len(w.render)
	b.reportLayoutErrors(w.render, layoutErrs)
	for _, p := range l.pages {
		conv := p.converted()
		b.fail(conv.errs.Err())
		b.warnings = append(b.warnings, conv.warns...)
		for _, err := range p.convertBy.checkRecalls(conv) {
			b.fail(err)
		}
		for _, link := range conv.links {
			if !b.out.has(link.out) {
				b.fail(diag.Errorf(link.pos, "broken link: %s is not in the built site", b.site.url(escapePath(link.out))))
			}
		}
	}
	if w.siteFiles {
		b.fail(b.writeLanguageRoot(assets))
		b.fail(b.writeSitemap(l.pages))
		b.fail(b.writeManifest(l.pages))
		// Last: the worker lists every file written before it.
		b.fail(b.writeWebApp(l.pages))
	}
	b.pages = len(l.pages)
	if b.opts.Strict {
		b.errs = append(b.errs, b.warnings...)
	}
	return b.errs.Err()
}

// maxPooledPageBuffer is the largest buffer renderPage reuses.
const maxPooledPageBuffer = 4 << 20

// renderPage renders p's Markdown and layout and writes the page. It
// returns the error executing the layout, if any, for
// reportLayoutErrors.
func (b *builder) renderPage(p *page) error {
	p.converted()
	buf, _ := b.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		// A page of megabytes, such as the home page listing 100,000
		// workbooks, would keep its buffer alive for the pages after it.
		if buf.Cap() <= maxPooledPageBuffer {
			buf.Reset()
			b.buffers.Put(buf)
		}
	}()
	ll := b.languages[p.Site]
	minified := ll.minified
	ran, err := ll.fast[p.Kind].execute(buf, pageLayoutEntry, p)
	if !ran {
		err = ll.layouts[p.Kind].ExecuteTemplate(buf, pageLayoutEntry, p)
	}
	if err != nil {
		if !minified {
			return b.theme.templateError(err)
		}
		// Render again with the layouts as written: the error is then
		// reported where it is in the layout's file.
		written, werr := ll.written()
		if werr != nil {
			return werr
		}
		buf.Reset()
		if err := written[p.Kind].ExecuteTemplate(buf, "base.html", p); err != nil {
			return b.theme.templateError(err)
		}
		minified = false
	}
	if err := b.checkScripts(p); err != nil {
		return err
	}
	// Minified layouts write minified pages, given minified content
	// (converter.render).
	write := b.out.write
	if minified {
		write = b.out.writeExact
	}
	if err := write(p.out, buf.Bytes()); err != nil {
		b.fail(fmt.Errorf("%s: %w", p.source, err))
	}
	p.release()
	return nil
}

// languageLayouts are what one language of the site renders with: the
// page layouts and the converter, whose directive layouts show the
// language's words.
type languageLayouts struct {
	layouts map[string]*template.Template
	// minified says the layouts were parsed minified; written parses
	// them as written, on first need, to report a layout's error at its
	// place in the file.
	minified bool
	written  func() (map[string]*template.Template, error)
	// fast runs each page kind's layouts without html/template's
	// reflection where it could compile them (fastpagelayouts.go); a
	// kind it lacks runs through layouts.
	fast    map[string]*fastLayouts
	convert *converter
}

// loadLanguage loads the words of language site ls and parses the layouts
// with them: the words are loaded once per language.
func (b *builder) loadLanguage(ls *site, assets map[string]string) (*languageLayouts, error) {
	bind := &layoutBinding{site: ls, assets: assets, bundles: b.bundles}
	if kept := b.keptLanguage(ls, bind); kept != nil {
		return b.languageLayouts(ls, kept), nil
	}
	messages, warnings, err := b.theme.loadMessages(ls)
	for _, w := range warnings {
		b.warnings.Add(w)
	}
	if err != nil {
		return nil, err
	}
	kept := &keptLanguage{bound: new(atomic.Pointer[layoutBinding]), messages: messages, warnings: warnings, minified: true}
	kept.bound.Store(bind)
	kept.funcs = boundLayoutFuncs(kept.bound, messages)
	if kept.layouts, err = b.theme.parseLayouts(kept.funcs, b.out.min); err != nil {
		// The error where it is in the layout's file.
		if kept.layouts, err = b.theme.parseLayouts(kept.funcs, nil); err != nil {
			return nil, err
		}
		kept.minified = false
	}
	if !b.opts.slowLayouts {
		kept.fast = compilePageLayouts(kept.layouts, kept.funcs)
	}
	if kept.directives, err = b.theme.parseDirectiveLayouts(kept.funcs, messages); err != nil {
		return nil, err
	}
	if b.opts.slowLayouts {
		kept.directives.fast = nil
	}
	b.kept[ls.Language] = kept
	return b.languageLayouts(ls, kept), nil
}
