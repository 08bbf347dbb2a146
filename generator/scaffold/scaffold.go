// Package scaffold writes new sites and workbooks from archetypes: the
// starting points `coachbook new` offers. It sits above generator, whose
// naming rules it follows, and reads the default theme's archetypes and a
// site's own.
package scaffold

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"coachbook/generator"
)

// NewSite writes a new, working site into dir, in the language tag lang
// ("en", "fr", "fr-CA"): settings, one collection and one workbook, in that
// language's words. It writes nothing if any of its files exists already,
// or if there is no starter content in lang, and returns the files it
// wrote.
func NewSite(dir, lang string) ([]string, error) {
	words, err := starterLanguage(lang)
	if err != nil {
		return nil, err
	}
	title := generator.TitleFromName(filepath.Base(filepath.Clean(dir)))
	if title == "" || title == "." || title == "/" {
		title = words.siteTitle
	}
	id := generator.IDFromText(filepath.Base(filepath.Clean(dir)))
	if id == "" {
		id = "workbooks"
	}
	home, err := archetype(dir, words.archetypes, siteArchetype, map[string]string{"Title": yamlText(title), "ID": yamlText(id), "Language": lang})
	if err != nil {
		return nil, err
	}
	first := words.collection + "/" + words.workbookName
	workbook, err := archetype(dir, words.archetypes, DefaultKind, map[string]string{"Title": yamlText(words.workbookTitle), "ID": yamlText(first)})
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		"content/_index.md":                          home,
		"content/" + words.collection + "/_index.md": []byte(words.collectionIndex),
		"content/" + first + ".md":                   workbook,
		".gitignore":                                 []byte(words.gitignore),
	}
	return writeNew(dir, files)
}

// NewWorkbook writes a workbook from the archetype of kind at name, a path
// under the site's content/ folder such as "interview/star-practice". Its
// title comes from the file name and its ID from the path. It refuses to
// overwrite a file, and returns the file it wrote.
func NewWorkbook(source, name, kind string) (string, error) {
	if err := generator.CheckSite(source); err != nil {
		return "", err
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(filepath.Clean(name)), "content/"), ".md")
	if rel == "." || rel == "" || strings.HasPrefix(rel, "../") || path.IsAbs(rel) || path.Base(rel) == "_index" {
		return "", fmt.Errorf("%q is not a path for a workbook under content/, such as interview/star-practice", name)
	}
	id := generator.PagePath(rel)
	if !generator.IsWorkbookID(id) {
		return "", fmt.Errorf("%q would make the ID %q: use letters, digits, '-' and '_' in the path", name, id)
	}
	kinds, err := Kinds(source)
	if err != nil {
		return "", err
	}
	if !slices.Contains(kinds, kind) {
		return "", fmt.Errorf("there is no workbook kind %q; the kinds are %s", kind, strings.Join(kinds, ", "))
	}
	data, err := archetype(source, "archetypes", kind, map[string]string{"Title": yamlText(generator.TitleFromName(path.Base(rel))), "ID": yamlText(id)})
	if err != nil {
		return "", err
	}
	file := "content/" + rel + ".md"
	if _, err := writeNew(source, map[string][]byte{file: data}); err != nil {
		return "", err
	}
	return file, nil
}
