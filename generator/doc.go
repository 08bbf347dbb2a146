// Package generator builds a coachbook site. A build runs one way:
//
//  1. walk content/ (walk.go), following links only inside their folder;
//  2. read each Markdown file's frontmatter (load.go, package metadata) and
//     the site settings in content/_index.md (settings.go) into pages
//     (content.go), each with its URL and workbook ID;
//  3. load the theme's layouts (theme.go) and the directive layouts;
//  4. convert each page's Markdown with goldmark, the directive extension
//     and the link resolver (markdown.go, linkpos.go, rawhtml.go), within
//     the bounds of pagelimits.go; exercises and fields (exercises.go,
//     fields.go) render through their layouts and fill the manifest;
//  5. render pages through the layouts, minify and write them into a
//     staging folder (output.go), with content and static files checked
//     for script (filesafety.go, package scriptfree);
//  6. check internal links, write sitemap.xml and workbooks.json, and
//     swap the staging folder in for the destination (publish.go).
//
// Every problem is a diag.Error at file:line:col, and a build reports all
// of them together. serve keeps a Session (session.go) that rebuilds only
// what an edit affects.
package generator
