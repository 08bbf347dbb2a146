package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Session builds a site again and again in memory, for serve. A change to
// one workbook re-renders that workbook, and the listings and neighbours
// that show it only when what they show of it changed; anything else
// rebuilds the whole site.
type Session struct {
	opts Options

	mu    sync.RWMutex
	files map[string][]byte // the site as served, by output path

	// What the last good build knew, for deciding what a change affects.
	built      bool
	markdown   map[string]bool        // content files by path relative to the site
	use        listingUse             // what the layouts show of a workbook on other pages
	listings   map[string]string      // what other pages show of each workbook, by source
	converted  map[string]*conversion // each page's Markdown, by source
	sources    map[string][]byte      // the bytes each conversion came from
	collection map[string]string      // each workbook's collection folder, by source
	pages      map[string]bool        // every page's output path
	manifests  map[string]string      // each workbook's fields, as workbooks.json has them
	tree       *contentTree           // the files of content/
	parsed     map[string]parsedFile  // each Markdown file as read and parsed
}

// NewSession prepares to build the site that opts describe. Dest is not
// used: the output stays in memory.
func NewSession(opts Options) *Session {
	if opts.Source == "" {
		opts.Source = "."
	}
	return &Session{opts: opts, files: map[string][]byte{}}
}

// File returns an output file by its path, such as "index.html".
func (s *Session) File(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.files[name]
	return data, ok
}

// Build builds the site. changed lists the files that changed since the
// last build, relative to the site root with forward slashes; nil means
// anything may have. On error the site served stays as it was.
func (s *Session) Build(ctx context.Context, changed []string) (Stats, error) {
	start := time.Now()
	b := &builder{opts: s.opts, out: newMemoryOutput(newMinifier())}
	incremental := s.incremental(changed)
	if incremental {
		changedSet := map[string]bool{}
		for _, c := range changed {
			changedSet[c] = true
		}
		// The builder's calls read what the session remembers under its
		// lock: the calls of a cancelled build run on in the background,
		// maybe while the next build is remembering.
		b.reuse = func(p *page) *conversion {
			s.mu.RLock()
			defer s.mu.RUnlock()
			if changedSet[p.source] || !bytes.Equal(s.sources[p.source], p.src) {
				return nil
			}
			return s.converted[p.source]
		}
		// shown holds the changed workbooks whose listing changed: only
		// they re-render the pages that list or name them.
		var once sync.Once
		var shown map[string]bool
		listingChanged := false
		b.render = func(p *page) bool {
			once.Do(func() {
				pages := workbooksBySource(p.Site.Home)
				shown = map[string]bool{}
				for source := range changedSet {
					s.mu.RLock()
					listing, fields, use := s.listings[source], s.manifests[source], s.use
					s.mu.RUnlock()
					w := pages[source]
					switch {
					case w == nil:
						listingChanged = true
					case use.key(w) != listing:
						shown[source] = true
						listingChanged = true
					case manifestJSON(w) != fields:
						listingChanged = true
					}
				}
			})
			s.mu.RLock()
			defer s.mu.RUnlock()
			return s.affected(p, changedSet, shown)
		}
		// Only a change to what listings show, or to a workbook's fields,
		// changes the site's lists.
		b.siteFiles = func() bool { return listingChanged }
		b.loadCache = &loadCache{tree: s.tree, parsed: s.parsed, changed: changedSet, mu: &s.mu}
		b.out.prior = func(rel string) bool {
			s.mu.RLock()
			defer s.mu.RUnlock()
			_, ok := s.files[rel]
			return ok
		}
	}
	err := b.build(ctx)
	if err != nil {
		// What changed is not remembered past a failed build, so the next
		// one builds everything.
		s.mu.Lock()
		s.built = false
		s.mu.Unlock()
		return Stats{}, err
	}
	if incremental && !s.samePages(b.loaded.pages) {
		// A draft was published or hidden: every listing and link may
		// change, so build it all.
		return s.Build(ctx, nil)
	}
	s.remember(b, incremental, changed)
	return Stats{Pages: b.pages, Rendered: b.rendered, Files: b.out.files, Duration: time.Since(start), Full: !incremental}, nil
}

// incremental reports whether a change can be handled by re-rendering
// some pages: only existing Markdown files of content/ changed, and none
// of them is a collection's _index.md, whose title every page under it
// shows.
func (s *Session) incremental(changed []string) bool {
	if !s.built || changed == nil {
		return false
	}
	for _, c := range changed {
		if !strings.HasPrefix(c, "content/") || !s.markdown[c] || path.Base(c) == "_index.md" {
			return false
		}
		if _, err := os.Stat(filepath.Join(s.opts.Source, filepath.FromSlash(c))); err != nil {
			return false // Deleted or moved away: the site's pages change.
		}
	}
	return true
}

// affected reports whether page p must be rendered again after changed;
// shown holds the changed workbooks whose listing changed.
func (s *Session) affected(p *page, changed, shown map[string]bool) bool {
	if changed[p.source] {
		return true
	}
	if len(shown) > 0 && s.use.anywhere {
		return true // The layouts may show the workbook on any page.
	}
	for source := range shown {
		// What listings show of the workbook changed: its collection and
		// everything above it, and its neighbours, which name it.
		if p.Kind == kindHome || p.Kind == kindCollection && isAncestor(p.dir, s.collection[source]) ||
			p.Kind == kindWorkbook && p.dir == s.collection[source] {
			return true
		}
	}
	return false
}

// workbooksBySource maps every workbook under home by its source file.
func workbooksBySource(home *page) map[string]*page {
	out := map[string]*page{}
	for _, w := range home.Workbooks() {
		out[w.source] = w
	}
	return out
}

// isAncestor reports whether folder dir is folder sub or above it.
func isAncestor(dir, sub string) bool {
	return dir == "" || dir == sub || strings.HasPrefix(sub, dir+"/")
}

// listing is what the default theme shows of a workbook on other pages:
// listings show its title, description, duration and progress, and its
// neighbours its title. listingUse.key adds what a site's own layouts
// show. A change to anything else re-renders the workbook alone.
func (p *page) listing() string {
	var counted []manifestField
	for _, f := range p.converted().manifest {
		if f.Counts {
			counted = append(counted, f)
		}
	}
	return fmt.Sprintf("%q %q %q %d %v %v %v", p.Title, p.Description, p.Duration, p.Weight, p.Draft, p.ID, counted)
}

// samePages reports whether pages are the pages of the last build.
func (s *Session) samePages(pages []*page) bool {
	if len(pages) != len(s.pages) {
		return false
	}
	for _, p := range pages {
		if !s.pages[p.out] {
			return false
		}
	}
	return true
}

// manifestJSON is a workbook's entry in workbooks.json.
func manifestJSON(p *page) string {
	data, _ := json.Marshal(p.Manifest())
	return string(data)
}

// remember keeps what the next build needs and swaps in the new files.
// After an incremental build only the changed files' entries are new, so
// only they are recorded again: a rebuild stays small in a large site.
func (s *Session) remember(b *builder, incremental bool, changed []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !incremental {
		s.files = map[string][]byte{}
		s.markdown = map[string]bool{}
		s.converted = map[string]*conversion{}
		s.sources = map[string][]byte{}
		s.listings = map[string]string{}
		s.collection = map[string]string{}
		s.pages = map[string]bool{}
		s.manifests = map[string]string{}
		s.parsed = map[string]parsedFile{}
		// The layouts stay as they are until the next full build.
		s.use = readListingUse(b.layouts)
	}
	for name, data := range b.out.mem {
		s.files[name] = data
	}
	s.tree = b.loaded.tree
	fresh := func(source string) bool { return !incremental || slices.Contains(changed, source) }
	for _, pf := range b.loaded.parsed {
		if fresh("content/" + pf.file.rel) {
			s.parsed[pf.file.rel] = pf
		}
	}
	for _, p := range b.loaded.pages {
		if !fresh(p.source) {
			continue
		}
		s.pages[p.out] = true
		if p.src != nil {
			s.markdown[p.source] = true
		}
		if p.Kind == kindWorkbook {
			s.listings[p.source] = s.use.key(p)
			s.collection[p.source] = p.dir
			s.manifests[p.source] = manifestJSON(p)
		}
		if p.conv != nil {
			s.converted[p.source] = p.conv
			s.sources[p.source] = p.src
		}
	}
	s.built = true
}
