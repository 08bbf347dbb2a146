// Package generator builds a coachbook site. A build runs one way:
//
//  1. walk content/ (walk.go), following links only inside their folder
//     and leaving out Docusaurus' partials, names that start with "_"
//     (partials.go);
//  2. read each Markdown file's frontmatter (load.go, pagemeta.go, package
//     metadata) and the settings (settings.go; the support details that
//     sensitive pages show in support.go) into pages (page.go), a
//     page without a title taking its first heading (titlefallback.go), each
//     with its URL (urls.go) and workbook ID (ids.go); a multilingual
//     site is a site per language folder, whose pages know their
//     translations (languages.go);
//  3. load, once per language, the theme's page layouts (theme.go,
//     build.go's loadLanguage), compiled for the layouts' fast path
//     (fastpagelayouts.go, fastlayout.go), noting which give the
//     runtime its extensions and sentences (layoutscripts.go), directive
//     layouts (themedirectives.go), and the interface's words
//     (messages.go, one words file per language, chosen with its
//     fallbacks in languages.go, plural forms in plurals.go), with one
//     function map (funcs.go);
//  4. convert each page's Markdown on first use (convert.go, conversion.go:
//     goldmark configured in markdown.go, headings.go, exerciselevels.go,
//     links.go; Markdown written for Docusaurus and GitHub in
//     admonitions.go, alerts.go, mdximports.go, rawhtmlwarning.go), where
//     directives render through their layouts
//     (directiverender.go, exercises.go, repeat.go, rows.go) and fields,
//     one table of kinds (fieldkinds.go, fields.go, attrs.go, orderkinds.go,
//     grid.go), fill the manifest (manifest.go), displays resolve what they
//     show (displays.go, timer.go, recall.go, across workbooks), show-if
//     conditions resolve against the page's fields (showif.go), and each
//     page names the runtime extensions it loads (pagescripts.go, and
//     remind.go for dates added to a calendar);
//  5. render the pages the plan names (plan.go) through their layouts in
//     parallel, minify and write them to a staging folder (output.go),
//     with assets, static and content files (assets.go, staticfiles.go)
//     checked for script (filesafety.go, package scriptfree);
//  6. check internal links, write the site-wide files (sitefiles.go,
//     workbooksjson.go) and swap the staging folder in (publish.go).
//
// Every problem is a diag.Error at file:line:col, and a build reports all
// of them together. serve keeps a Session (session.go) whose plan rebuilds
// only what an edit affects, judged by what the layouts read of other
// pages (listinguse.go).
package generator
