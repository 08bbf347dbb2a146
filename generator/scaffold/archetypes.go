package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"coachbook/themes"
)

// DefaultKind is the workbook kind `coachbook new workbook` uses when none
// is given.
const DefaultKind = "prep"

// siteArchetype is the archetype of a new site's home page; it is not a
// workbook kind.
const siteArchetype = "site"

// Kinds lists the workbook kinds a site offers, sorted: one for each
// archetypes/KIND.md in the default theme or in the site folder source
// ("" for the theme's alone), apart from the home page's.
func Kinds(source string) ([]string, error) {
	names, err := fs.Glob(themes.Default(), "archetypes/*.md")
	if err != nil {
		return nil, fmt.Errorf("listing the theme's archetypes: %w", err)
	}
	if source != "" {
		own, err := filepath.Glob(filepath.Join(source, "archetypes", "*.md"))
		if err != nil {
			return nil, fmt.Errorf("listing the site's archetypes: %w", err)
		}
		names = append(names, own...)
	}
	var kinds []string
	for _, name := range names {
		kind := strings.TrimSuffix(path.Base(filepath.ToSlash(name)), ".md")
		if kind != siteArchetype && !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
	}
	slices.Sort(kinds)
	return kinds, nil
}

// archetype fills the archetype of kind in folder (archetypes, or
// archetypes/LANG for a new site's starter content) with values: the
// site's own folder/KIND.md if it has one, or else the default theme's.
func archetype(source, folder, kind string, values map[string]string) ([]byte, error) {
	name := folder + "/" + kind + ".md"
	text, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		text, err = fs.ReadFile(themes.Default(), name)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the archetype %s: %w", name, err)
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, values); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out.Bytes(), nil
}

// yamlText writes s as a YAML string, quoted, so that a title such as
// "2024" or "true" stays text.
func yamlText(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
