package generator

import (
	"fmt"
	"strings"
)

// Docusaurus leaves out of a site the Markdown files and folders whose
// names start with "_", such as _courses/ or __template__.md: they are
// partials, imported into other pages. coachbook leaves every file and
// folder of content/ so named out of the build, Markdown or not (such as
// Docusaurus' _category_.json), except _index.md, which is a collection's
// page. static/ is copied as it is, as Docusaurus copies it.

// isPartial reports whether a file or folder of content/ named name is
// left out of the build.
func isPartial(name string) bool {
	return strings.HasPrefix(name, "_") && name != "_index.md"
}

// partialProblem says why a link to rel, a path relative to content/,
// finds nothing when rel is in or below a file or folder left out as a
// partial, or returns "". partials are those the walk left out.
func partialProblem(partials map[string]bool, rel string) string {
	parts := strings.Split(rel, "/")
	for i, name := range parts {
		at := strings.Join(parts[:i+1], "/")
		if !isPartial(name) || !partials[at] {
			continue
		}
		if i == len(parts)-1 {
			what := "publish it"
			if strings.HasSuffix(name, ".md") {
				what = "make it a page"
			}
			return fmt.Sprintf("which is left out of the build because its name starts with \"_\", as Docusaurus leaves out partials; rename it without the \"_\" to %s", what)
		}
		return fmt.Sprintf("which is left out of the build because the folder %s starts with \"_\", as Docusaurus leaves out partials; rename the folder without the \"_\" to publish it", name)
	}
	return ""
}
