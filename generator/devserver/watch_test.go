package devserver

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coachbook/generator"

	"github.com/fsnotify/fsnotify"
)

// everyFolderSite has a file in each folder a build might read: a named
// theme, the site's own overrides of it, and notes/ and README.md, which
// the build does not read.
var everyFolderSite = map[string]string{
	"content/_index.md":                    "---\ntheme: plain\n---\n",
	"content/a.md":                         "---\ntitle: A\n---\n",
	"themes/plain/layouts/base.html":       `<!doctype html><html lang="{{.Site.Language}}"><title>{{.Title}}</title><script type="application/json" id="coachbook-messages">{{runtimeMessages}}</script>{{block "main" .}}{{end}}</html>`,
	"themes/plain/layouts/home.html":       `{{define "main"}}home{{end}}`,
	"themes/plain/layouts/collection.html": `{{define "main"}}collection{{end}}`,
	"themes/plain/layouts/workbook.html":   `{{define "main"}}plain workbook {{.Title}}{{end}}`,
	"themes/plain/layouts/404.html":        `{{define "main"}}missing{{end}}`,
	"layouts/workbook.html":                `{{define "main"}}site workbook {{.Title}}{{end}}`,
	"assets/extra.css":                     "body { color: teal }",
	"static/files/note.txt":                "Name:",
	"i18n/en.yaml":                         "runtime:\n  saved: \"Kept\"\n",
	"notes/todo.md":                        "---\ntitle: Todo\n---\n",
	"README.md":                            "# My workbooks\n",
}

// TestServeWatchesEveryFolderTheBuildReads builds the site once whole and
// once without each of its top-level entries. An entry whose absence
// changes the build is one the build reads, so serve must rebuild when a
// file in it changes; one that changes nothing must not trigger rebuilds.
func TestServeWatchesEveryFolderTheBuildReads(t *testing.T) {
	tops := map[string]bool{}
	for name := range everyFolderSite {
		top, _, _ := strings.Cut(name, "/")
		tops[top] = true
	}
	whole := buildWithout(t, "")

	root := t.TempDir()
	writeSite(t, root, "")
	w, err := newWatcher(root)
	if err != nil {
		t.Fatal(err)
	}
	defer w.fs.Close()
	watching := map[string]bool{}
	for _, p := range w.fs.WatchList() {
		watching[p] = true
	}

	read := map[string]bool{}
	for top := range tops {
		read[top] = buildWithout(t, top) != whole
	}
	// The site must exercise every source folder, or the test proves
	// nothing about it.
	for _, folder := range generator.SourceFolders() {
		if !read[folder] {
			t.Errorf("the test site does not show the build reading %s/", folder)
		}
	}
	for top := range tops {
		file := filepath.Join(root, top, "changed.md")
		if top == "README.md" {
			file = filepath.Join(root, top)
		}
		_, relevant := w.relevant(fsnotify.Event{Name: file, Op: fsnotify.Write})
		watched := relevant && (top == "README.md" || watching[filepath.Join(root, top)])
		if read[top] && !watched {
			t.Errorf("the build reads %s, but serve does not watch it", top)
		}
		if !read[top] && watched {
			t.Errorf("serve watches %s, which the build does not read", top)
		}
	}
}

// writeSite writes everyFolderSite into root, leaving out the entry left.
func writeSite(t *testing.T, root, left string) {
	t.Helper()
	for name, content := range everyFolderSite {
		if top, _, _ := strings.Cut(name, "/"); top != left {
			writeFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
		}
	}
}

// buildWithout builds the site without the top-level entry left and
// returns the outcome as text: the build error, or every output file.
func buildWithout(t *testing.T, left string) string {
	t.Helper()
	root := t.TempDir()
	writeSite(t, root, left)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Source: root, Dest: dest}); err != nil {
		return "error: " + err.Error()
	}
	var out strings.Builder
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dest, p)
		out.WriteString("-- " + filepath.ToSlash(rel) + " --\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}
