package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"coachbook/themes"
)

// WorkbookKinds are the archetypes `coachbook new workbook --kind` offers.
var WorkbookKinds = []string{"prep", "star", "fears", "grow", "oskar", "commitments", "thought-record", "blank"}

// NewSite writes a new, working site into dir: settings, one collection
// and one workbook. It writes nothing if any of its files exists already,
// and returns the files it wrote.
func NewSite(dir string) ([]string, error) {
	title := titleFromName(filepath.Base(filepath.Clean(dir)))
	if title == "" || title == "." || title == "/" {
		title = "Workbooks"
	}
	id := slugID(filepath.Base(filepath.Clean(dir)))
	if id == "" {
		id = "workbooks"
	}
	home, err := archetype(dir, "site", title, id)
	if err != nil {
		return nil, err
	}
	first, err := archetype(dir, "prep", "Before your session", "getting-started/before-your-session")
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		"content/_index.md":                              home,
		"content/getting-started/_index.md":              []byte("---\ntitle: Getting started\ndescription: Where every client begins.\nweight: 1\n---\n"),
		"content/getting-started/before-your-session.md": first,
		".gitignore": []byte("# The build output, which coachbook replaces on every build, and the\n# earlier build it keeps beside it to write the next one over.\n/public/\n/.public.coachbook-*\n"),
	}
	return writeNew(dir, files)
}

// NewWorkbook writes a workbook from the archetype of kind at name, a path
// under the site's content/ folder such as "interview/star-practice". Its
// title comes from the file name and its ID from the path. It refuses to
// overwrite a file, and returns the file it wrote.
func NewWorkbook(source, name, kind string) (string, error) {
	if err := CheckSite(source); err != nil {
		return "", err
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(filepath.Clean(name)), "content/"), ".md")
	if rel == "." || rel == "" || strings.HasPrefix(rel, "../") || path.IsAbs(rel) || path.Base(rel) == "_index" {
		return "", fmt.Errorf("%q is not a path for a workbook under content/, such as interview/star-practice", name)
	}
	id := slugPath(rel)
	if !workbookID.MatchString(id) {
		return "", fmt.Errorf("%q would make the ID %q: use letters, digits, '-' and '_' in the path", name, id)
	}
	data, err := archetype(source, kind, titleFromName(path.Base(rel)), id)
	if err != nil {
		return "", err
	}
	file := "content/" + rel + ".md"
	if _, err := writeNew(source, map[string][]byte{file: data}); err != nil {
		return "", err
	}
	return file, nil
}

// archetype fills the archetype of kind: the site's own archetypes/KIND.md
// if it has one, or else the default theme's.
func archetype(source, kind, title, id string) ([]byte, error) {
	name := "archetypes/" + kind + ".md"
	text, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		text, err = fs.ReadFile(themes.Default(), name)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("there is no workbook kind %q; the kinds are %s", kind, strings.Join(WorkbookKinds, ", "))
	}
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, map[string]string{"Title": yamlText(title), "ID": yamlText(id)}); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out.Bytes(), nil
}

// yamlText writes s as a YAML string, quoted, so that a title such as
// "2024" or "true" stays text.
func yamlText(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// writeNew writes files under dir, each only if it does not exist; if any
// exists it writes none.
func writeNew(dir string, files map[string][]byte) ([]string, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var existing []string
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			existing = append(existing, name)
		}
	}
	if len(existing) > 0 {
		return nil, fmt.Errorf("refusing to overwrite %s in %s", strings.Join(existing, ", "), dir)
	}
	for _, name := range names {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		_, err = f.Write(files[name])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}
