package generator

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

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
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// output is the folder a build writes into before it is published. Every
// file is claimed first, so two sources writing one file is an error that
// names both.
type output struct {
	dir string
	min *minify.M

	mu      sync.Mutex
	claimed map[string]diag.Position
	files   int
}

func newOutput(dir string, min *minify.M) *output {
	return &output{dir: dir, min: min, claimed: map[string]diag.Position{}}
}

// claim reserves rel for the source at by.
func (o *output) claim(rel string, by diag.Position) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if prev, ok := o.claimed[rel]; ok {
		return diag.Errorf(by, "%s would be written twice: %s makes it too", rel, prev)
	}
	o.claimed[rel] = by
	return nil
}

// has reports whether rel, or rel/index.html for a folder, is in the output.
func (o *output) has(rel string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	rel = strings.TrimSuffix(rel, "/")
	_, file := o.claimed[rel]
	_, dir := o.claimed[path.Join(rel, "index.html")]
	return file || dir
}

// write minifies data by the file's type and writes it to rel.
func (o *output) write(rel string, data []byte) error {
	return o.writeFrom(rel, bytes.NewReader(data))
}

// minified returns data minified by name's type, or data itself for a
// type that is not minified.
func (o *output) minified(name string, data []byte) ([]byte, error) {
	mediatype, ok := minifiedTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		return data, nil
	}
	out, err := o.min.Bytes(mediatype, data)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return out, nil
}

// writeFrom writes what r holds to rel, minifying it where its type
// allows.
func (o *output) writeFrom(rel string, r io.Reader) error {
	mediatype := minifiedTypes[strings.ToLower(path.Ext(rel))]
	return o.create(rel, func(w io.Writer) error {
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
	return o.create(rel, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func (o *output) create(rel string, fill func(io.Writer) error) error {
	full := filepath.Join(o.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = fill(f)
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

// stagingPrefix names the folder a build assembles its output in, beside
// the destination, so that publishing it is a rename on the same disk.
func stagingPrefix(dest string) string {
	return "." + filepath.Base(dest) + ".coachbook-"
}

// stage checks that dest is safe to replace and makes the staging folder
// beside it. It clears staging folders that interrupted builds left.
func stage(source, dest string) (string, error) {
	absSource, err := filepath.Abs(source)
	if err != nil {
		return "", err
	}
	absDest, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	if absDest == absSource || within(absDest, absSource) {
		return "", fmt.Errorf("refusing to build into %s: it holds the site's own files", dest)
	}
	for _, folder := range append([]string{"content", "themes"}, themeFolders...) {
		if within(filepath.Join(absSource, folder), absDest) {
			return "", fmt.Errorf("refusing to build into %s: it is inside the site's %s/ folder", dest, folder)
		}
	}
	if info, err := os.Stat(absDest); err == nil {
		if !info.IsDir() {
			return "", fmt.Errorf("refusing to build into %s: it is a file, not a folder", dest)
		}
		if !looksBuilt(absDest) {
			return "", fmt.Errorf("refusing to replace %s: it is not empty and has no index.html, so it does not look like a coachbook build; remove it or pick another --dest", dest)
		}
	}
	parent := filepath.Dir(absDest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	stale, _ := filepath.Glob(filepath.Join(parent, stagingPrefix(absDest)+"*"))
	for _, dir := range stale {
		os.RemoveAll(dir)
	}
	return os.MkdirTemp(parent, stagingPrefix(absDest)+"new-")
}

// looksBuilt reports whether dir is empty or holds a site's output.
func looksBuilt(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return err == nil
	}
	_, err = os.Stat(filepath.Join(dir, "index.html"))
	return err == nil
}

// publish swaps the staged folder in for dest. The old output is moved
// aside first and put back if the swap fails, so dest always holds one
// complete build.
func publish(staged, dest string) error {
	absDest, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(absDest); err == nil {
		old = filepath.Join(filepath.Dir(absDest), stagingPrefix(absDest)+"old-"+filepath.Base(staged))
		if err := os.Rename(absDest, old); err != nil {
			return fmt.Errorf("moving the previous %s aside: %w", dest, err)
		}
	}
	if err := os.Rename(staged, absDest); err != nil {
		if old != "" {
			os.Rename(old, absDest)
		}
		return fmt.Errorf("publishing %s: %w", dest, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}
