package generator

// The names a build gives a page, exported so that `coachbook new`
// (package scaffold) writes a workbook whose title and ID match what the
// build would give the same file.

// TitleFromName makes a title from a file or folder name, as a build does
// for a folder without an _index.md: "star-practice" becomes "Star practice".
func TitleFromName(name string) string { return titleFromName(name) }

// PagePath turns a content-relative path without extension, such as
// "Interview/STAR practice", into the page's path, "interview/star-practice".
func PagePath(rel string) string { return slugPath(rel) }

// IsWorkbookID reports whether id is a valid workbook ID; see
// WorkbookIDPattern.
func IsWorkbookID(id string) bool { return isWorkbookID(id) }

// IDFromText makes an ID from free text, as a build does for a checklist
// item without one: ASCII letters and digits joined by hyphens, or "" when
// the text has too few of them.
func IDFromText(text string) string { return slugID(text) }

// FieldKinds lists the field kinds a build knows, for the test that the
// runtime binds each of them.
func FieldKinds() []string {
	names := make([]string, len(fieldKinds))
	for i, k := range fieldKinds {
		names[i] = k.name
	}
	return names
}
