package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"text/template"
)

// DefaultStarter is the starting content `coachbook new site` writes when
// none is asked for.
const DefaultStarter = "career"

// Starters lists the starting contents `coachbook new site --starter`
// offers, the default first: career (a first workbook to prepare a
// coaching session), therapy (homework between therapy sessions) and blank
// (one workbook with one field).
func Starters() []string { return []string{DefaultStarter, "therapy", "blank"} }

// CheckStarter reports whether name is a starter, with an error listing
// those there are.
func CheckStarter(name string) error {
	if !slices.Contains(Starters(), name) {
		return fmt.Errorf("there is no starter %q; the starters are %s", name, strings.Join(Starters(), ", "))
	}
	return nil
}

// bundledFiles holds the starters other than career, one folder each, with
// a folder for each language: starters/NAME/LANG/content/... ("all:" keeps
// the _index.md files).
//
//go:embed all:starters
var bundledFiles embed.FS

// bundledStarter returns the files of the starter name in the language
// lang ("en", "fr"), each filled in with values like an archetype.
func bundledStarter(name, lang string, values map[string]string) (map[string][]byte, error) {
	root := "starters/" + name + "/" + lang
	files := map[string][]byte{}
	err := fs.WalkDir(bundledFiles, root, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := fs.ReadFile(bundledFiles, file)
		if err != nil {
			return err
		}
		t, err := template.New(file).Option("missingkey=error").Parse(string(text))
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		var out bytes.Buffer
		if err := t.Execute(&out, values); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		files[strings.TrimPrefix(file, root+"/")] = out.Bytes()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the %s starter in %s: %w", name, lang, err)
	}
	return files, nil
}
