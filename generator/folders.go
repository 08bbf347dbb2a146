package generator

// The folders of a site, relative to its root, that a build reads. This is
// the one list: publish guards them, the theme lays them over its own, and
// serve watches them, so a folder the build reads cannot go unwatched.
const (
	// folderContent holds the workbooks and collections as Markdown, and
	// the site settings in content/_index.md.
	folderContent = "content"
	// folderThemes holds named themes, each a folder with the same layout
	// as the site's own layouts/, assets/ and static/.
	folderThemes = "themes"
	// folderLayouts holds the site's own templates, laid over the theme's.
	folderLayouts = "layouts"
	// folderAssets holds CSS and scripts, content-hashed into the output.
	folderAssets = "assets"
	// folderStatic holds files copied into the output as they are.
	folderStatic = "static"
	// folderI18n holds the interface's words (i18n/en.yaml), laid over the
	// theme's key by key.
	folderI18n = "i18n"
)

// themeFolders returns the folders of a theme that a site can override
// file by file. It returns a fresh slice, which callers may change.
func themeFolders() []string {
	return []string{folderLayouts, folderAssets, folderStatic, folderI18n}
}

// SourceFolders returns every top-level folder of a site that a build
// reads: a change under any of them can change the output. It returns a
// fresh slice, which callers may change.
func SourceFolders() []string {
	return append([]string{folderContent, folderThemes}, themeFolders()...)
}
