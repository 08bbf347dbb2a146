package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strings"
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

	// renderHook, when set, runs each page's rendering in its place, given
	// the page's source: tests hold a page in the middle of a build with
	// it, as a slow conversion would, and learn when it is done.
	renderHook func(source string, render func())
}

// Stats describe a finished build.
type Stats struct {
	Pages    int // pages in the site
	Rendered int // pages rendered by this build
	Files    int // files written by this build
	Duration time.Duration
	Full     bool // the whole site was rebuilt
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
	b := &builder{opts: opts, out: newOutput(st.dir, newMinifier()), release: true}
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
	return Stats{Pages: b.pages, Rendered: b.rendered, Files: b.out.files, Duration: time.Since(start), Full: true}, nil
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
	out     *output
	site    *site
	theme   *theme
	layouts map[string]*template.Template
	loaded  *loadedSite
	pages   int
	// render, when set, limits rendering to the pages it accepts: a
	// rebuild in serve renders only what a change affects.
	render   func(*page) bool
	rendered int
	// reuse, when set, gives a page's conversion from an earlier build.
	reuse func(*page) *conversion
	// release lets each page's HTML go once it is written.
	release bool
	// loadCache, when set, is what a rebuild reuses of the last load.
	loadCache *loadCache
	// siteFiles, when set, says whether the files that list every page
	// (sitemap.xml, workbooks.json) need writing again.
	siteFiles func() bool

	// buffers reuses the buffers pages are rendered into.
	buffers sync.Pool

	mu   sync.Mutex
	errs diag.List
}

// fail records err, if any, to be reported with the build's other errors.
func (b *builder) fail(err error) {
	b.mu.Lock()
	b.errs.Add(err)
	b.mu.Unlock()
}

func (b *builder) build(ctx context.Context) error {
	l, err := loadSite(ctx, b.opts, b.loadCache, !b.release)
	if l == nil {
		return err
	}
	b.fail(err)
	b.loaded, b.site = l, l.site
	if b.release {
		l.parsed = nil // Only serve reuses the parsed files.
	}
	if b.theme, err = loadTheme(b.opts.Source, b.site); err != nil {
		b.fail(err)
		return b.errs.Err()
	}
	defer b.theme.close()
	b.checkLogo()
	for _, p := range l.pages {
		b.fail(b.out.claim(p.out, p.pos()))
	}
	assets := b.writeAssets()
	if b.render == nil {
		b.copyFiles(l.files)
	}
	funcs := layoutFuncs(b.site, assets)
	if b.layouts, err = b.theme.parseLayouts(funcs); err != nil {
		b.fail(err)
		return b.errs.Err()
	}

	links := &linkResolver{site: b.site, workbooks: l.bySrc, collections: map[string]*page{}, drafts: l.drafts}
	for _, p := range l.pages {
		if p.Kind == kindCollection || p.Kind == kindHome {
			links.collections[p.dir] = p
		}
	}
	b.site.directives, err = b.theme.parseDirectiveLayouts(funcs)
	if err != nil {
		b.fail(err)
		return b.errs.Err()
	}
	b.site.markdown = newMarkdown(b.site.allowHTML, links, b.site.directives)
	b.site.reuse = b.reuse
	// Workbooks first: listings need every workbook's fields, and a
	// workbook rendered first has let its HTML go by the time they ask.
	todo := append([]*page(nil), l.pages...)
	sort.SliceStable(todo, func(i, j int) bool { return todo[i].Kind == kindWorkbook && todo[j].Kind != kindWorkbook })
	if b.render != nil {
		// Deciding may convert the changed pages: in parallel, so that it
		// stops with ctx like the rendering.
		keep := make([]bool, len(todo))
		if err := parallel(ctx, len(todo), func(i int) { keep[i] = b.render(todo[i]) }); err != nil {
			return err
		}
		kept := todo[:0]
		for i, p := range todo {
			if keep[i] {
				kept = append(kept, p)
			}
		}
		todo = kept
	}
	layoutErrs := make([]error, len(todo))
	err = parallel(ctx, len(todo), func(i int) {
		render := func() { layoutErrs[i] = b.renderPage(todo[i]) }
		if b.opts.renderHook != nil {
			b.opts.renderHook(todo[i].source, render)
		} else {
			render()
		}
	})
	if err != nil {
		return err
	}
	b.rendered = len(todo)
	b.reportLayoutErrors(todo, layoutErrs)
	for _, p := range l.pages {
		conv := p.converted()
		b.fail(conv.errs.Err())
		for _, link := range conv.links {
			if !b.out.has(link.out) {
				b.fail(diag.Errorf(link.pos, "broken link: %s is not in the built site", b.site.url(escapePath(link.out))))
			}
		}
	}
	if b.siteFiles == nil || b.siteFiles() {
		b.fail(b.writeSitemap(l.pages))
		b.fail(b.writeManifest(l.pages))
	}
	b.pages = len(l.pages)
	return b.errs.Err()
}

// renderPage renders p's Markdown and layout and writes the page. It
// returns the error executing the layout, if any, for
// reportLayoutErrors.
func (b *builder) renderPage(p *page) error {
	p.Content()
	buf, _ := b.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() { buf.Reset(); b.buffers.Put(buf) }()
	if err := b.layouts[p.Kind].ExecuteTemplate(buf, "base.html", p); err != nil {
		return b.theme.templateError(err)
	}
	if err := b.out.write(p.out, buf.Bytes()); err != nil {
		b.fail(fmt.Errorf("%s: %w", p.source, err))
	}
	if b.release {
		p.release()
	}
	return nil
}

// reportLayoutErrors reports each distinct layout error once, naming the
// first page it broke, since one mistake in a layout breaks every page
// that uses it.
func (b *builder) reportLayoutErrors(pages []*page, errs []error) {
	first := map[string]int{}
	count := map[string]int{}
	var order []string
	for i, err := range errs {
		if err == nil {
			continue
		}
		msg := err.Error()
		if _, seen := first[msg]; !seen {
			first[msg] = i
			order = append(order, msg)
		}
		count[msg]++
	}
	for _, msg := range order {
		i := first[msg]
		also := ""
		if n := count[msg] - 1; n == 1 {
			also = " and 1 other page"
		} else if n > 1 {
			also = fmt.Sprintf(" and %d other pages", n)
		}
		b.fail(fmt.Errorf("%w (rendering %s%s)", errs[i], pages[i].source, also))
	}
}

func (b *builder) checkLogo() {
	s := b.site
	if s.logoFile == "" {
		return
	}
	if _, ok := b.theme.files["static/"+s.logoFile]; !ok {
		b.fail(diag.Errorf(s.logoPos, "logo %q not found: put the image at static/%s", s.logoFile, s.logoFile))
		return
	}
	s.Logo = s.url(escapePath(s.logoFile))
}

// writeAssets writes the theme's assets under content-hashed names and
// returns the URL of each by its name in assets/. A site with an accent
// colour also gets site.css, which sets it.
func (b *builder) writeAssets() map[string]string {
	urls := map[string]string{}
	add := func(name string, data []byte, by diag.Position) {
		data, err := b.out.minified(name, data)
		if err != nil {
			b.fail(diag.Errorf(by, "%v", err))
			return
		}
		out := "assets/" + assetName(name, data)
		if err := b.out.claim(out, by); err != nil {
			b.fail(err)
			return
		}
		if err := b.out.writeExact(out, data); err != nil {
			b.fail(err)
			return
		}
		urls[name] = b.site.url(escapePath(out))
	}
	for _, file := range b.theme.list("assets") {
		data, err := b.theme.read(file)
		if err != nil {
			b.fail(err)
			continue
		}
		add(strings.TrimPrefix(file, "assets/"), data, b.theme.pos(file))
	}
	if b.site.Accent != "" {
		// The accent is validated as a colour, so it cannot end the rule.
		add("site.css", []byte(":root{--accent:"+b.site.Accent+"}"), diag.Position{File: "content/_index.md"})
	}
	return urls
}

// copyFiles copies the theme's and site's static/ files, then content/'s
// files that are not Markdown, to the same paths in the output.
func (b *builder) copyFiles(content []sourceFile) {
	for _, file := range b.theme.list("static") {
		out := strings.TrimPrefix(file, "static/")
		b.copyFile(out, b.theme.pos(file), func() (io.ReadCloser, error) { return b.theme.open(file) })
	}
	for _, f := range content {
		b.copyFile(f.rel, contentPos(f.rel), func() (io.ReadCloser, error) { return os.Open(f.path) })
	}
}

func (b *builder) copyFile(out string, by diag.Position, open func() (io.ReadCloser, error)) {
	if err := b.out.claim(out, by); err != nil {
		b.fail(err)
		return
	}
	r, err := open()
	if err == nil {
		err = b.writeChecked(out, by, r)
		r.Close()
	}
	if err != nil {
		b.fail(fmt.Errorf("%s: %w", by, err))
	}
}

// writeSitemap writes sitemap.xml, robots.txt and the build marker. Search engines need
// absolute URLs, which a base URL without a host cannot give, so robots.txt
// names the sitemap only when it can.
func (b *builder) writeSitemap(pages []*page) error {
	type entry struct {
		Loc string `xml:"loc"`
	}
	var doc struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	doc.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	for _, p := range pages {
		if p.Kind != kindNotFound {
			doc.URLs = append(doc.URLs, entry{Loc: p.Permalink})
		}
	}
	sort.Slice(doc.URLs, func(i, j int) bool { return doc.URLs[i].Loc < doc.URLs[j].Loc })
	data, err := xml.Marshal(doc)
	if err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if b.site.absolute {
		robots += "Sitemap: " + b.site.permalink("sitemap.xml") + "\n"
	}
	var errs diag.List
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"sitemap.xml", append([]byte(xml.Header), data...)},
		{"robots.txt", []byte(robots)},
		{buildMarker, []byte(buildMarkerText)},
	} {
		err := b.out.claim(f.name, diag.Position{File: "(generated " + f.name + ")"})
		if err == nil {
			err = b.out.write(f.name, f.data)
		}
		errs.Add(err)
	}
	return errs.Err()
}

// manifestFile lists the fields of every workbook, so that progress and
// export can cover the whole site without visiting each page.
const manifestFile = "workbooks.json"

// writeManifest writes manifestFile. It streams one workbook at a time:
// in a large site of exercises the file runs to tens of megabytes, which a
// build need not hold at once.
func (b *builder) writeManifest(pages []*page) error {
	if err := b.out.claim(manifestFile, diag.Position{File: "(generated " + manifestFile + ")"}); err != nil {
		return err
	}
	site, err := json.Marshal(b.site.Title)
	if err != nil {
		return err
	}
	return b.out.create(manifestFile, 0, func(w io.Writer) error {
		// The same document as a struct of version, site and workbooks
		// would marshal to.
		if _, err := fmt.Fprintf(w, `{"version":1,"site":%s,"workbooks":[`, site); err != nil {
			return err
		}
		sep := ""
		for _, p := range pages {
			m := p.Manifest()
			if m == nil {
				continue
			}
			data, err := json.Marshal(m)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(w, sep); err != nil {
				return err
			}
			if _, err := w.Write(data); err != nil {
				return err
			}
			sep = ","
		}
		_, err := io.WriteString(w, "]}")
		return err
	})
}

// parallel calls fn for 0..n-1 on every core. Once ctx is cancelled it
// starts no more calls and returns ctx's error at once, without waiting
// for the calls under way: nothing can stop a page that takes goldmark
// minutes, so they are abandoned, to end in the background or with the
// process. What they still do must be harmless: the output of a build
// whose ctx ends is discarded before Build returns, and refuses writes
// from then on.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() != nil {
					return // The item may have been sent as ctx ended.
				}
				fn(i)
			}
		})
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	select {
	case <-finished:
	case <-ctx.Done():
	}
	// Every item ran unless ctx ended, and a build cancelled as its
	// last page finished is as cancelled as any.
	return ctx.Err()
}

// buildMemoryLimit is the least soft limit LimitMemory sets: a build
// keeps little alive (each page's source and HTML go once it is written),
// so what grows is garbage, and the collector may as well run before it
// does.
const buildMemoryLimit = 150 << 20

// buildGCPercent lets the heap grow to five times what is alive between
// collections, rather than twice. The live heap of a build is small, so the
// memory limit, not this, decides the peak; collecting less often saves
// CPU.
const buildGCPercent = 400

// LimitMemory tunes the garbage collector for a one-shot build: fewer
// collections, unless the GOGC environment variable says otherwise, and a
// soft memory limit, unless GOMEMLIMIT sets one. The limit is
// buildMemoryLimit or twice the heap the last collection found alive,
// whichever is more: a site whose workbooks' fields alone fill the limit
// (every workbook's fields stay until workbooks.json is written) would
// otherwise keep the collector running without pause. It changes the
// whole process, so commands call it, not the library; serve, which holds
// the site in memory, does not. restore undoes it.
func LimitMemory() (restore func()) {
	// Setting the GC percent is the only way to read it.
	gcPercent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gcPercent)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
	var stop atomic.Bool
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
		followLiveHeap(&stop)
	}
	return func() {
		stop.Store(true)
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(limit)
	}
}

// followLiveHeap sets the memory limit after every collection, until stop,
// to twice the heap found alive, and never below buildMemoryLimit: as much
// room again for garbage, so that the collector does not run without
// pause. A
// cleanup of an object nothing refers to runs once a collection is done.
func followLiveHeap(stop *atomic.Bool) {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var watch func()
	watch = func() {
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			if stop.Load() {
				return
			}
			metrics.Read(live)
			debug.SetMemoryLimit(max(buildMemoryLimit, 2*int64(live[0].Value.Uint64())))
			watch()
		}, struct{}{})
	}
	watch()
}
