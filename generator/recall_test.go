package generator

import "testing"

// TestServeRerendersRecalls edits a workbook that another recalls: serve
// renders the recalling page again with the new label, and reports the
// recall once the field is gone.
func TestServeRerendersRecalls(t *testing.T) {
	site := newTestSite(t, careerSite)
	site.write("content/before/src.md", "---\ntitle: Source\n---\n::text[Your focus]{#focus}\n")
	site.write("content/interview/uses.md", "---\ntitle: Uses\n---\n::recall[The focus]{from=\"before/src#focus\"}\n")
	v := site.serve()
	v.build()
	v.assertFile("interview/uses/index.html", `"label":"Your focus"`)

	v.edit("content/before/src.md", "---\ntitle: Source\n---\n::text[Your one focus]{#focus}\n")
	v.assertFile("interview/uses/index.html", `"label":"Your one focus"`)

	// A page that recalls since an edit is rendered again too.
	v.edit("content/interview/star.md", "---\ntitle: STAR practice\n---\n::recall[The focus]{from=\"before/src#focus\"}\n")
	v.edit("content/before/src.md", "---\ntitle: Source\n---\n::text[Your focus, again]{#focus}\n")
	v.assertFile("interview/star/index.html", `"label":"Your focus, again"`)

	site.write("content/before/src.md", "---\ntitle: Source\n---\n::text[Your one focus]{#aim}\n")
	v.expectErrors([]string{"content/before/src.md"}, `content/interview/uses.md:4:21: from="before/src#focus" names no field of before/src: its fields are "aim"`)
}
