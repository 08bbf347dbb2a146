package generator

import (
	"context"
	"crypto/sha256"
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
	// pack gzips the files and HTML the session keeps.
	pack packer
	// minified keeps the assets the last builds minified.
	minified minifiedCache
}

// snapshot is what a good build left. It never changes once made: a
// rebuild makes a new one, sharing what did not change, so a cancelled
// build's calls still running in the background read a consistent past.
type snapshot struct {
	files   map[string]packedFile // the site as served, by output path
	records map[string]*record    // one per page and per Markdown file, by source
	tree    *contentTree          // the files of content/
	use     listingUse            // what the layouts show of a workbook on other pages
	// multilingual is set for a site of several language folders, which
	// serve rebuilds whole: a workbook's language switcher and hreflang
	// links name its translations, which the incremental plan does not
	// track.
	multilingual bool
	// languages are the words and layouts of each language, which a
	// rebuild that changes only workbooks binds to itself
	// (keptlayouts.go).
	languages map[string]*keptLanguage
	// recalling are the sources of the pages that recall answers
	// (recall.go): a rebuild asks only them whether they recall a changed
	// workbook, rather than every page of the site.
	recalling map[string]bool
}

// record is what a good build knew of one source: a Markdown file of
// content/, or the folder of a collection without an _index.md.
type record struct {
	out    string      // the page's output path; "" for a draft left out
	parsed *parsedFile // the file as read and parsed; nil for a folder
	conv   *conversion // the page's Markdown, converted, without its HTML
	// What a workbook shows elsewhere: what listings show of it (see
	// listingUse.key), its collection's folder, its entry in
	// workbooks.json, and in the book pages. Each is kept as a digest, to
	// tell whether it changed: the text is several kilobytes a workbook.
	workbook   bool
	listing    digest
	collection string
	manifest   digest
	book       digest
}

// digest is the SHA-256 of what a workbook shows elsewhere.
type digest [sha256.Size]byte

func digestOf(s string) digest { return sha256.Sum256([]byte(s)) }

// partDigest is the digest of part which of workbook p's record, as text
// gives it: a written workbook's record made it with its parts, which
// reading back would un-gzip the record once a part.
func partDigest(p *page, which recordPart, text func() string) digest {
	if conv := p.converted(); conv.lean {
		return conv.record.sums[which]
	}
	return digestOf(text())
}

// NewSession prepares to build the site that opts describe. Dest is not
// used: the output stays in memory.
func NewSession(opts Options) *Session {
	if opts.Source == "" {
		opts.Source = "."
	}
	opts.serving = true
	return &Session{opts: opts, last: &snapshot{files: map[string]packedFile{}}}
}

// File returns an output file by its path, such as "index.html".
func (s *Session) File(name string) ([]byte, bool) {
	data, gzipped, ok := s.Packed(name)
	if !ok || !gzipped {
		return data, ok
	}
	// The session gzipped it itself, so it reads back.
	data, err := gunzip(data)
	return data, err == nil
}

// Packed returns an output file as the session keeps it: gzipped, when
// gzipped is set, or as it is. serve sends a gzipped file as it is to a
// browser that accepts gzip.
func (s *Session) Packed(name string) (data []byte, gzipped, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f, ok := s.last.files[name]
	return f.data, f.gzipped, ok
}

// Build builds the site. changed lists the files that changed since the
// last build, relative to the site root with forward slashes; nil means
// anything may have. On error the site served stays as it was.
func (s *Session) Build(ctx context.Context, changed []string) (Stats, error) {
	start := time.Now()
	pl := s.plan(changed)
	s.minified.nextBuild()
	b := &builder{opts: s.opts, plan: pl, out: newMemoryOutput(newMinifier(), &s.pack, &s.minified)}
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

// dropReplaced leaves out of files the field files and book files that a
// rebuild wrote again, under other names: a build writes all of them, the
// first time a page names them, or none. Once a workbook's fields change,
// the files that list them get new hashes, and serve held the old ones
// too, which a build does not write.
func dropReplaced(files map[string]packedFile, written map[string]packedFile) {
	for _, name := range []string{fieldFileName, bookFileName} {
		stem, ext := "assets/"+strings.TrimSuffix(name, path.Ext(name))+".", path.Ext(name)
		isOne := func(file string) bool { return strings.HasPrefix(file, stem) && strings.HasSuffix(file, ext) }
		rewritten := false
		for file := range written {
			rewritten = rewritten || isOne(file)
		}
		if !rewritten {
			continue
		}
		for file := range files {
			if _, ok := written[file]; !ok && isOne(file) {
				delete(files, file)
			}
		}
	}
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
		next.languages = pl.last.languages
		next.recalling = pl.last.recalling
	} else {
		next.files = map[string]packedFile{}
		next.use = readListingUse(b.layouts)
		next.languages = b.kept
		next.recalling = map[string]bool{}
	}
	shared := pl.incremental() // next.recalling is the last snapshot's
	if pl.incremental() {
		dropReplaced(next.files, b.out.mem)
	}
	maps.Copy(next.files, b.out.mem)
	fresh := func(source string) bool { return !pl.incremental() || pl.changed[source] }
	for _, pf := range b.loaded.parsed {
		source := pf.file.source
		if fresh(source) {
			// The page keeps its conversion: a rebuild needs the file
			// again only to convert it again, once it changed.
			pf := pf.withoutSource()
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
		p.mu.Lock()
		r.out, r.conv = p.out, p.conv.Load()
		p.mu.Unlock()
		if recalls := r.conv != nil && len(r.conv.recalls) > 0; recalls != next.recalling[p.source] {
			if shared {
				next.recalling, shared = maps.Clone(next.recalling), false
			}
			if recalls {
				next.recalling[p.source] = true
			} else {
				delete(next.recalling, p.source)
			}
		}
		if p.Kind == kindWorkbook {
			r.workbook = true
			r.listing = next.use.digest(p)
			r.collection = p.dir
			r.manifest = partDigest(p, recordManifest, func() string { return manifestJSON(p) })
			r.book = partDigest(p, recordBook, func() string { return bookJSON(p) })
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
	if conv := p.converted(); conv.lean {
		data, _ := conv.record.part(recordListing)
		return string(data)
	}
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
	if conv := p.converted(); conv.lean {
		data, _ := conv.record.part(recordBook)
		return string(data)
	}
	data, _ := json.Marshal(bookEntryOf(p))
	return string(data)
}

// manifestJSON is a workbook's entry in workbooks.json.
func manifestJSON(p *page) string {
	return string(p.manifestJSON())
}
