package generator

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"coachbook/generator/diag"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifiedTypes maps the extensions that are minified to media types.
var minifiedTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".mjs":  "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml",
}

// newMinifier builds the one minifier a build shares; Minify is safe for
// concurrent use once every type is added.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true})
	m.Add(layoutType, &html.Minifier{KeepDocumentTags: true, TemplateDelims: html.GoTemplateDelims})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// output is the staging folder a build writes into before it is
// published. Every file is claimed first, so two sources writing one file
// is an error that names both.
type output struct {
	dir  string                // the staging folder, for a build to disk
	mem  map[string]packedFile // or the files in memory, for serve
	pack *packer
	min  *minify.M
	// cache, for serve, keeps what earlier builds minified.
	cache *minifiedCache
	// prior reports a file that an earlier build made and this one keeps,
	// for the link check of a build that renders only some pages.
	prior func(rel string) bool
	// spare, when set, says dir holds an earlier build to write over, and
	// is where that build is kept between builds; see prune.
	spare string

	// gate lets writes through until discard: each write holds it to
	// read, and discard takes it to write, so that once discard returns no
	// write is under way and none starts.
	gate      sync.RWMutex
	discarded atomic.Bool

	mu      sync.Mutex
	claimed map[string]diag.Position
	// sums holds each written file's SHA-256 once hashAll is called, for
	// the version of the service worker's copy of the site.
	sums    map[string][sha256.Size]byte
	files   int
	made    sync.Map  // folders already made, so each is made once
	writers sync.Pool // write buffers, reused from file to file
}

func newOutput(dir string, min *minify.M) *output {
	return &output{dir: dir, min: min, claimed: map[string]diag.Position{}}
}

// newMemoryOutput keeps the files in memory, packed by pack.
func newMemoryOutput(min *minify.M, pack *packer, cache *minifiedCache) *output {
	return &output{mem: map[string]packedFile{}, pack: pack, min: min, cache: cache, claimed: map[string]diag.Position{}}
}

// claim reserves rel for the source at by. rel must be a clean path
// inside the output: two spellings of one file, such as "a/../index.html"
// and "index.html", would get past the check for a file written twice.
func (o *output) claim(rel string, by diag.Position) error {
	if path.Clean(rel) != rel || rel == "." || rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel) {
		return diag.Errorf(by, "%q is not a plain path inside the output, so it could name another file or one outside it", rel)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if prev, ok := o.claimed[rel]; ok {
		return diag.Errorf(by, "%s would be written twice: %s makes it too", rel, prev)
	}
	o.claimed[rel] = by
	return nil
}

// expect makes room for n more claims at once: a site of 10,000 pages
// claims them together, and a map grown a claim at a time was a tenth of
// a serve edit.
func (o *output) expect(n int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	claimed := make(map[string]diag.Position, len(o.claimed)+n)
	maps.Copy(claimed, o.claimed)
	o.claimed = claimed
}

// hashAll makes the output record the SHA-256 of every file written from
// now on.
func (o *output) hashAll() {
	o.mu.Lock()
	o.sums = map[string][sha256.Size]byte{}
	o.mu.Unlock()
}

// hashing wraps fill so that what it writes is hashed as well, when the
// output records hashes; record then keeps the hash of rel.
func (o *output) hashing(rel string, fill func(io.Writer) error) (func(io.Writer) error, func()) {
	o.mu.Lock()
	on := o.sums != nil
	o.mu.Unlock()
	if !on {
		return fill, func() {}
	}
	h := sha256.New()
	return func(w io.Writer) error { return fill(io.MultiWriter(w, h)) }, func() {
		var sum [sha256.Size]byte
		h.Sum(sum[:0])
		o.mu.Lock()
		o.sums[rel] = sum
		o.mu.Unlock()
	}
}

// has reports whether rel, or rel/index.html for a folder, is in the output.
func (o *output) has(rel string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	rel = strings.TrimSuffix(rel, "/")
	index := path.Join(rel, "index.html")
	_, file := o.claimed[rel]
	_, dir := o.claimed[index]
	return file || dir || o.prior != nil && (o.prior(rel) || o.prior(index))
}

// write minifies data by the file's type and writes it to rel. The
// minifier reads a *bytes.Buffer in place rather than copying it.
func (o *output) write(rel string, data []byte) error {
	return o.writeFrom(rel, bytes.NewBuffer(data))
}

// minified returns data minified by name's type, or data itself for a
// type that is not minified.
func (o *output) minified(name string, data []byte) ([]byte, error) {
	mediatype, ok := minifiedTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		return data, nil
	}
	minify := func() ([]byte, error) { return o.min.Bytes(mediatype, data) }
	var out []byte
	var err error
	if o.cache != nil {
		out, err = o.cache.minified(mediatype, data, minify)
	} else {
		out, err = minify()
	}
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return out, nil
}

// writeFrom writes what r holds to rel, minifying it where its type
// allows.
func (o *output) writeFrom(rel string, r io.Reader) error {
	mediatype := minifiedTypes[strings.ToLower(path.Ext(rel))]
	size := 0
	if b, ok := r.(*bytes.Buffer); ok {
		size = b.Len() // Minifying only shrinks it.
	}
	return o.create(rel, size, func(w io.Writer) error {
		if mediatype == "" {
			_, err := io.Copy(w, r)
			return err
		}
		if err := o.min.Minify(mediatype, w, r); err != nil {
			return fmt.Errorf("minifying %s: %w", rel, err)
		}
		return nil
	})
}

// writeExact writes data to rel as it is.
func (o *output) writeExact(rel string, data []byte) error {
	return o.create(rel, len(data), func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// create writes rel with what fill writes, about size bytes: a file kept
// in memory is written into a buffer of that size rather than one grown
// again and again, and kept packed.
func (o *output) create(rel string, size int, fill func(io.Writer) error) (err error) {
	o.gate.RLock()
	defer o.gate.RUnlock()
	if o.discarded.Load() {
		return errDiscarded
	}
	fill, record := o.hashing(rel, fill)
	defer func() {
		if err == nil {
			record()
		}
	}()
	if o.mem != nil {
		buf, _ := o.pack.buffers.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		defer o.pack.putBuffer(buf)
		buf.Grow(size)
		if err := fill(buf); err != nil {
			return err
		}
		f := o.pack.pack(buf.Bytes())
		o.mu.Lock()
		o.mem[rel] = f
		o.files++
		o.mu.Unlock()
		return nil
	}
	full := filepath.Join(o.dir, filepath.FromSlash(rel))
	if err := o.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	f, oldSize, err := o.open(full)
	if err != nil {
		return err
	}
	// The minifier writes in many small pieces; buffer them.
	w, _ := o.writers.Get().(*bufio.Writer)
	if w == nil {
		w = bufio.NewWriterSize(nil, 64<<10)
	}
	var written int64
	w.Reset(gatedFile{f, &o.discarded, &written})
	if err = fill(w); err == nil {
		err = w.Flush()
	}
	if err == nil && written < oldSize {
		// Cut what is left of the longer file written over.
		err = f.Truncate(written)
	}
	w.Reset(nil)
	o.writers.Put(w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		o.mu.Lock()
		o.files++
		o.mu.Unlock()
	}
	return err
}

// open opens the file full to write it, and gives the size of what is in
// it. In a recycled folder a file the earlier build wrote is written over
// in place, unless something else would see it change: a link in its
// place, or another name for it. That goes, as does a folder where the
// file belongs, and the file is made anew.
func (o *output) open(full string) (f *os.File, size int64, err error) {
	if o.spare != "" {
		if before, err := os.Lstat(full); err == nil {
			if before.Mode().IsRegular() && singleLink(before) {
				if f, err := openFile(full, os.O_WRONLY, 0); err == nil {
					if now, err := f.Stat(); err == nil && os.SameFile(before, now) {
						return f, now.Size(), nil
					}
					f.Close()
				}
			}
			// A folder this build writes into stays, and the file fails as
			// it would in an empty folder.
			if _, used := o.made.Load(full); !used {
				if err := os.RemoveAll(full); err != nil {
					return nil, 0, o.inTheWay(err)
				}
			}
		}
	}
	f, err = openFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	return f, 0, err
}

// prune removes from a recycled folder everything this build did not
// write: the pages and files the site no longer has, and anything added
// to the earlier build.
func (o *output) prune() error {
	keep := map[string]bool{} // the files written and the folders above them
	for rel := range o.claimed {
		for p := rel; p != "." && !keep[p]; p = path.Dir(p) {
			keep[p] = true
		}
	}
	return filepath.WalkDir(o.dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil || full == o.dir {
			return err
		}
		rel, err := filepath.Rel(o.dir, full)
		if err != nil || keep[filepath.ToSlash(rel)] {
			return err
		}
		if err := os.RemoveAll(full); err != nil {
			return o.inTheWay(err)
		}
		if d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
}

// inTheWay explains an error removing what an earlier build left, such as
// files that another user's build made: the build cannot mend it, but
// deleting the spare lets the next build start afresh.
func (o *output) inTheWay(err error) error {
	return fmt.Errorf("%w: the earlier build kept to write over is in the way; delete %s and build again", err, o.spare)
}

// writes reports whether full is a file this build writes.
func (o *output) writes(full string) bool {
	rel, err := filepath.Rel(o.dir, full)
	if err != nil {
		return false
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	_, claimed := o.claimed[filepath.ToSlash(rel)]
	return claimed
}

// mkdir makes dir and the folders above it inside the staging folder,
// each once: every page is a folder of its own, and system calls are what
// a build to disk spends most on. In a recycled folder, a folder the
// earlier build made is used as it is; a file or link in its place goes.
func (o *output) mkdir(dir string) error {
	if dir == o.dir {
		return nil
	}
	if !within(o.dir, dir) {
		return fmt.Errorf("%s is outside the output folder", dir)
	}
	if _, done := o.made.Load(dir); done {
		return nil
	}
	if err := o.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	if o.spare != "" {
		if info, err := os.Lstat(dir); err == nil {
			if info.IsDir() {
				o.made.Store(dir, true)
				return nil
			}
			// A file this build writes stays, and what goes in the
			// folder fails as it would in an empty folder.
			if !o.writes(dir) {
				if err := os.Remove(dir); err != nil {
					return o.inTheWay(err)
				}
			}
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	o.made.Store(dir, true)
	return nil
}

// errDiscarded refuses a write to the output of an abandoned build.
var errDiscarded = errors.New("the build was abandoned: its output is discarded")

// discard makes the output refuse writes, for a build that is abandoned:
// the calls of an interrupted build run on in the background, and must
// neither write into the folder once it is set aside, for the next build
// to write over, nor make it again. A write under way stops at its next
// chunk, and discard returns once it has.
func (o *output) discard() {
	o.discarded.Store(true)
	o.gate.Lock()
	defer o.gate.Unlock()
}

// gatedFile is a file being written that takes no more once the output is
// discarded, so that discard need not wait for a long write to end.
type gatedFile struct {
	f         *os.File
	discarded *atomic.Bool
	// written counts the bytes written, for cutting a longer file that
	// was written over to their length.
	written *int64
}

func (g gatedFile) Write(p []byte) (int, error) {
	if g.discarded.Load() {
		return 0, errDiscarded
	}
	n, err := g.f.Write(p)
	*g.written += int64(n)
	return n, err
}

// gatedChunk is how much of a copied file goes in one step between checks.
const gatedChunk = 8 << 20

// ReadFrom copies r a chunk at a time, each in the kernel when r is a file
// too, as the file's own ReadFrom would the whole.
func (g gatedFile) ReadFrom(r io.Reader) (int64, error) {
	var n int64
	for {
		if g.discarded.Load() {
			return n, errDiscarded
		}
		m, err := io.CopyN(g.f, r, gatedChunk)
		n += m
		*g.written += m
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
