package generator

import (
	"sort"
	"strings"
	"testing"
)

// listingLayouts are a site's own listing partial and workbook layout that
// show more of each workbook than the default theme does: its tags, a
// param and, for its neighbours, their content.
const listingLayouts = `
-- layouts/partials/workbook-list.html --
<ol>{{range .}}<li><a href="{{.URL}}">{{.Title}}</a> {{range .Tags}}<span class=tag>{{.}}</span>{{end}} level {{.Params.level}}</li>{{end}}</ol>
-- layouts/workbook.html --
{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{with .Next}}<aside>{{.Content}}</aside>{{end}}{{end}}
`

// everyWorkbookLayout is a breadcrumb partial that also lists every
// workbook of the site, with its tags, on every page.
const everyWorkbookLayout = `
-- layouts/partials/breadcrumbs.html --
<nav><ul>{{range .Site.Home.Workbooks}}<li>{{.Title}} {{.Tags}}</li>{{end}}</ul></nav>
`

// TestServeListingShowsWhatTheLayoutsUse is issue 12's first bug: a site
// whose listing shows tags and a param kept the old tags on the home page
// after a workbook's tags changed in serve.
func TestServeListingShowsWhatTheLayoutsUse(t *testing.T) {
	v := newTestSite(t, careerSite+listingLayouts).serve()
	v.build()
	v.edit("content/before/reflection.md", "---\ntitle: Self-reflection\nduration: 20 min\nweight: 1\ntags: [values]\nlevel: 3\n---\n## Why {#why}\n\nLong-term aspirations first.\n")
	v.assertFile("index.html", "<span class=tag>values</span>", "level 3")
	v.assertEqualsBuild("tags and a param")
}

// TestServeEqualsBuild applies a sequence of edits in serve and checks,
// after each, that every page served equals a fresh build, with the
// default theme and with layouts that show tags, params and content in
// listings.
func TestServeEqualsBuild(t *testing.T) {
	for name, archive := range map[string]string{
		"default theme":                careerSite,
		"own listings":                 careerSite + listingLayouts,
		"every workbook on every page": careerSite + everyWorkbookLayout,
	} {
		t.Run(name, func(t *testing.T) {
			site := newTestSite(t, archive)
			site.opts.LiveReload = "/_coachbook/livereload.js"
			v := site.serve()
			v.build()
			v.assertEqualsBuild("first build")
			edits := []struct {
				name, file, content string // content "" deletes the file
			}{
				{"tags", "content/before/reflection.md", "---\ntitle: Self-reflection\nduration: 20 min\nweight: 1\ntags: [values, drive]\n---\n## Why {#why}\n\nLong-term aspirations first.\n"},
				{"params", "content/before/reflection.md", "---\ntitle: Self-reflection\nduration: 20 min\nweight: 1\ntags: [values, drive]\nlevel: 2\n---\n## Why {#why}\n\nLong-term aspirations first.\n"},
				{"body", "content/before/assessments.md", "---\ntitle: Assessments taken\ndescription: Results worth discussing.\n---\nBring the results, and a pen.\n"},
				{"body with a field", "content/before/assessments.md", "---\ntitle: Assessments taken\ndescription: Results worth discussing.\n---\nBring the results.\n\n::text[Which ones?]{#which}\n"},
				// A kind no page had needs scripts of its own: the
				// layouts kept from the last build must name this build's.
				{"a field of a new kind", "content/before/assessments.md", "---\ntitle: Assessments taken\ndescription: Results worth discussing.\n---\nBring the results.\n\n::text[Which ones?]{#which}\n\n::grid[Habits]{#habits rows=\"Walk|Read\" cols=\"Mon|Tue\" cell=check}\n"},
				{"title", "content/before/drive.md", "---\ntitle: Your drive\ndescription: One phrase that says what matters most.\nduration: 10 min\nweight: 2\n---\n# What matters\n\nSay it in [one phrase](reflection.md#why).\n"},
				{"description", "content/before/drive.md", "---\ntitle: Your drive\ndescription: One word.\nduration: 10 min\nweight: 2\n---\n# What matters\n\nSay it in [one phrase](reflection.md#why).\n"},
				{"a collection's _index.md", "content/before/_index.md", "---\ntitle: Before we meet\ndescription: Twenty minutes of reflection.\nweight: 1\n---\n"},
				{"a new file", "content/before/extra.md", "---\ntitle: Extra\ntags: [more]\nweight: 9\n---\nMore.\n"},
				{"a new file's body", "content/before/extra.md", "---\ntitle: Extra\ntags: [more]\nweight: 9\n---\nEven more.\n"},
				{"a deleted file", "content/before/extra.md", ""},
				{"a layout", "layouts/partials/footer.html", "<footer>New footer</footer>"},
				{"an asset", "assets/site.css", "body { color: #222 }\n"},
			}
			for _, e := range edits {
				if e.content == "" {
					v.remove(e.file)
				} else {
					v.edit(e.file, e.content)
				}
				v.assertEqualsBuild(e.name)
			}
		})
	}
}

// TestListingUseReadsTheLayouts checks what the reading of layouts finds:
// the default theme keeps serve's narrow rebuilds, and layouts that show
// more of other pages, or that the reading cannot follow, widen them.
func TestListingUseReadsTheLayouts(t *testing.T) {
	for _, c := range []struct {
		name, layouts   string
		fields          []string // read of other pages beyond the listing's
		whole, anywhere bool
	}{
		{name: "default theme"},
		{name: "own listings", layouts: listingLayouts, fields: []string{"Content", "Params", "Tags"}},
		{name: "every workbook on every page", layouts: everyWorkbookLayout, fields: []string{"Tags"}, anywhere: true},
		{name: "a neighbour printed whole", layouts: "-- layouts/workbook.html --\n{{define \"main\"}}{{printf \"%v\" .Next}}{{end}}\n", whole: true},
		{name: "a page through a variable", layouts: "-- layouts/home.html --\n{{define \"main\"}}{{range $i, $w := .Pages}}{{$w.Params.level}}{{end}}{{end}}\n", fields: []string{"Params"}},
		{name: "a partial called in an attribute", layouts: "-- layouts/partials/tagline.html --\n{{range .Tags}}{{.}} {{end}}\n-- layouts/workbook.html --\n{{define \"main\"}}{{with .Next}}<p title=\"{{template \"partials/tagline.html\" .}}\">{{.Title}}</p>{{end}}{{end}}\n", fields: []string{"Tags"}},
		{name: "siblings through the parent", layouts: "-- layouts/workbook.html --\n{{define \"main\"}}{{range .Parent.Pages}}{{.Title}}{{end}}{{end}}\n", anywhere: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := newTestSite(t, careerSite+c.layouts).serve()
			v.build()
			s := v.session // Internal: what the reading of the layouts found.
			var extra []string
			for name := range s.last.use.fields {
				if !listingFields[name] {
					extra = append(extra, name)
				}
			}
			sort.Strings(extra)
			if strings.Join(extra, " ") != strings.Join(c.fields, " ") || s.last.use.whole != c.whole || s.last.use.anywhere != c.anywhere {
				t.Errorf("read fields %v, whole %v, anywhere %v; want %v, %v, %v", extra, s.last.use.whole, s.last.use.anywhere, c.fields, c.whole, c.anywhere)
			}
		})
	}
}
