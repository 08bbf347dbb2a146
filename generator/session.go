package generator

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
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

	mu sync.RWMutex
	// last is what the last good build left: the site as served, and
	// what the next rebuild needs to decide what a change affects.
	last *snapshot
	// fresh is set while last is the latest build: after a failed build
	// the site is still served, but the next build starts afresh.
	fresh bool
}

// snapshot is what a good build left. It never changes once made: a
// rebuild makes a new one, sharing what did not change, so a cancelled
// build's calls still running in the background read a consistent past.
type snapshot struct {
	files   map[string][]byte  // the site as served, by output path
	records map[string]*record // one per page and per Markdown file, by source
	tree    *contentTree       // the files of content/
	use     listingUse         // what the layouts show of a workbook on other pages
	// multilingual is set for a site of several language folders, which
	// serve rebuilds whole: a workbook's language switcher and hreflang
	// links name its translations, which the incremental plan does not
	// track.
	multilingual bool
}

// record is what a good build knew of one source: a Markdown file of
// content/, or the folder of a collection without an _index.md.
type record struct {
	out    string      // the page's output path; "" for a draft left out
	parsed *parsedFile // the file as read and parsed; nil for a folder
	conv   *conversion // the page's Markdown, converted
	src    []byte      // the bytes conv came from
	// What a workbook shows elsewhere: what listings show of it (see
	// listingUse.key), its collection's folder, its entry in
	// workbooks.json, and in the book pages.
	workbook   bool
	listing    string
	collection string
	manifest   string
	book       string
}

// NewSession prepares to build the site that opts describe. Dest is not
// used: the output stays in memory.
func NewSession(opts Options) *Session {
	if opts.Source == "" {
		opts.Source = "."
	}
	opts.serving = true
	return &Session{opts: opts, last: &snapshot{files: map[string][]byte{}}}
}

// File returns an output file by its path, such as "index.html".
func (s *Session) File(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.last.files[name]
	return data, ok
}

// Build builds the site. changed lists the files that changed since the
// last build, relative to the site root with forward slashes; nil means
// anything may have. On error the site served stays as it was.
func (s *Session) Build(ctx context.Context, changed []string) (Stats, error) {
	start := time.Now()
	pl := s.plan(changed)
	b := &builder{opts: s.opts, plan: pl, out: newMemoryOutput(newMinifier())}
	b.out.prior = pl.kept
	err := b.build(ctx)
	if err != nil {
		// What changed is not remembered past a failed build, so the next
		// one builds everything.
		s.mu.Lock()
		s.fresh = false
		s.mu.Unlock()
		return Stats{}, err
	}
	if pl.incremental() && !pl.last.samePages(b.loaded.pages) {
		// A draft was published or hidden: every listing and link may
		// change, so build it all.
		return s.Build(ctx, nil)
	}
	next := s.snapshot(b)
	s.mu.Lock()
	s.last, s.fresh = next, true
	s.mu.Unlock()
	return Stats{Pages: b.pages, Rendered: b.rendered, Files: b.out.files, Duration: time.Since(start), Full: !pl.incremental(), Warnings: b.warned()}, nil
}

// plan decides how to build after changed: a rebuild of what changed, or
// the whole site.
func (s *Session) plan(changed []string) plan {
	s.mu.RLock()
	last, fresh := s.last, s.fresh
	s.mu.RUnlock()
	pl := plan{keep: true}
	if fresh && s.incremental(last, changed) {
		pl.last, pl.changed = last, map[string]bool{}
		for _, c := range changed {
			pl.changed[c] = true
		}
	}
	return pl
}

// incremental reports whether a change can be handled by re-rendering
// some pages: only existing Markdown files of content/ that are pages
// changed, and none of them is a collection's _index.md, whose title
// every page under it shows.
func (s *Session) incremental(last *snapshot, changed []string) bool {
	if changed == nil || last.multilingual {
		return false
	}
	for _, c := range changed {
		r := last.records[c]
		if !strings.HasPrefix(c, "content/") || r == nil || r.parsed == nil || r.out == "" || path.Base(c) == "_index.md" {
			return false
		}
		if _, err := os.Stat(filepath.Join(s.opts.Source, filepath.FromSlash(c))); err != nil {
			return false // Deleted or moved away: the site's pages change.
		}
	}
	return true
}

// snapshot records what build b made. After a rebuild only the changed
// sources' records are new: the rest are shared with the last snapshot,
// so a rebuild stays small in a large site.
func (s *Session) snapshot(b *builder) *snapshot {
	pl := b.plan
	next := &snapshot{records: map[string]*record{}, tree: b.loaded.tree, multilingual: b.site.multilingual()}
	if pl.incremental() {
		next.files = maps.Clone(pl.last.files)
		next.records = maps.Clone(pl.last.records)
		next.use = pl.last.use // The layouts stay as they are until the next full build.
	} else {
		next.files = map[string][]byte{}
		next.use = readListingUse(b.layouts)
	}
	maps.Copy(next.files, b.out.mem)
	fresh := func(source string) bool { return !pl.incremental() || pl.changed[source] }
	for _, pf := range b.loaded.parsed {
		source := "content/" + pf.file.rel
		if fresh(source) {
			next.records[source] = &record{parsed: &pf}
		}
	}
	for _, p := range b.loaded.pages {
		if !fresh(p.source) {
			continue
		}
		r := next.records[p.source]
		if r == nil {
			r = &record{}
			next.records[p.source] = r
		}
		r.out, r.conv, r.src = p.out, p.conv.Load(), p.src
		if p.Kind == kindWorkbook {
			r.workbook = true
			r.listing = next.use.key(p)
			r.collection = p.dir
			r.manifest = manifestJSON(p)
			r.book = bookJSON(p)
		}
	}
	return next
}

// samePages reports whether pages are the pages of the snapshot's build.
func (sn *snapshot) samePages(pages []*page) bool {
	n := 0
	for _, r := range sn.records {
		if r.out != "" {
			n++
		}
	}
	if len(pages) != n {
		return false
	}
	for _, p := range pages {
		if r := sn.records[p.source]; r == nil || r.out != p.out {
			return false
		}
	}
	return true
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
	// Marshalled, not printed with %v, which prints a number field's
	// limits by their address: a different key after every conversion.
	type counted struct {
		manifestField
		ShowIf []progressCondition
	}
	var fields []counted
	for _, f := range p.converted().manifest {
		if f.Counts {
			fields = append(fields, counted{f, f.showIf})
		}
	}
	data, _ := json.Marshal(fields)
	return fmt.Sprintf("%q %q %q %d %v %v %s", p.Title, p.Description, p.Duration, p.Weight, p.Draft, p.ID, data)
}

// bookJSON is what the book pages show of a workbook.
func bookJSON(p *page) string {
	data, _ := json.Marshal(bookEntryOf(p))
	return string(data)
}

// manifestJSON is a workbook's entry in workbooks.json.
func manifestJSON(p *page) string {
	data, _ := json.Marshal(p.Manifest())
	return string(data)
}
