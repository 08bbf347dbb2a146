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

// Site is a new site for NewSite to write.
type Site struct {
	Dir      string // the folder to write it in
	Starter  string // its starting content: one of Starters(), DefaultStarter when ""
	Language string // a language tag with starter content, such as "en" or "fr-CA"
	// Coachbook is where its deployment files get coachbook from.
	Coachbook Coachbook
}

// NewSite writes a new, working site: settings and the starter's content,
// in the language's words, a .gitignore, and deployment files for GitHub
// Pages and Netlify. It writes nothing if any of its files exists already,
// or if there is no such starter or no starter content in the language,
// and returns the files it wrote.
func NewSite(site Site) ([]string, error) {
	if site.Starter == "" {
		site.Starter = DefaultStarter
	}
	if err := CheckStarter(site.Starter); err != nil {
		return nil, err
	}
	words, err := starterLanguage(site.Language)
	if err != nil {
		return nil, err
	}
	dir := site.Dir
	title := generator.TitleFromName(filepath.Base(filepath.Clean(dir)))
	if title == "" || title == "." || title == "/" {
		title = words.siteTitle
	}
	id := generator.IDFromText(filepath.Base(filepath.Clean(dir)))
	if id == "" {
		id = "workbooks"
	}
	values := map[string]string{"Title": yamlText(title), "ID": yamlText(id), "Language": site.Language}
	var files map[string][]byte
	if site.Starter == DefaultStarter {
		files, err = careerFiles(dir, words, values)
	} else {
		files, err = bundledStarter(site.Starter, words.lang, values)
	}
	if err != nil {
		return nil, err
	}
	files[".gitignore"] = []byte(words.gitignore)
	for name, data := range deploymentFiles(site.Coachbook) {
		files[name] = data
	}
	return writeNew(dir, files)
}

// careerFiles are the career starter's files: a home page and a first
// workbook from the archetypes, in a first collection.
func careerFiles(dir string, words starter, values map[string]string) (map[string][]byte, error) {
	home, err := archetype(dir, words.archetypes, siteArchetype, values)
	if err != nil {
		return nil, err
	}
	first := words.collection + "/" + words.workbookName
	workbook, err := archetype(dir, words.archetypes, DefaultKind, map[string]string{"Title": yamlText(words.workbookTitle), "ID": yamlText(first)})
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		"content/_index.md":                          home,
		"content/" + words.collection + "/_index.md": []byte(words.collectionIndex),
		"content/" + first + ".md":                   workbook,
	}, nil
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
