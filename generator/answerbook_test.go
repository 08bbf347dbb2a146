package generator

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestBookPages: every site gets "My answers" at answers/, linked from
// the header of every page and from "Your answers", and a review page at
// review/, linked from nowhere and left out of the sitemap. Both list the
// workbooks that ask something, by collection in site order, and give the
// runtime each one's fields.
func TestBookPages(t *testing.T) {
	s := newTestSite(t, `-- content/_index.md --
---
title: Career companion
baseURL: https://example.edu/career/
---
-- content/start.md --
---
title: Start
---
::text[Why now?]{#why}
-- content/reading.md --
---
title: A reading
---
Nothing to answer.
-- content/before/_index.md --
---
title: Before your session
weight: 1
---
-- content/before/drive.md --
---
title: Your drive
weight: 1
---
::text[One phrase]{#phrase}
-- content/before/more/_index.md --
---
title: More
---
-- content/before/more/values.md --
---
title: Values
---
::list[Values]{#values}
-- content/interview/_index.md --
---
title: Interview preparation
weight: 2
---
-- content/interview/star.md --
---
title: STAR practice
---
::star{#story}
`)
	s.build()
	for _, page := range []string{"index.html", "start/index.html", "before/drive/index.html", "answers/index.html", "404.html"} {
		s.assertFile(page, `<nav class=site-nav aria-label="This site"><a href="/career/answers/"`)
	}
	s.assertFile("index.html", `<a href="/career/answers/">See all your answers on one page</a>`)
	s.assertFile("answers/index.html", "<title>My answers · Career companion</title>", `<a href="/career/answers/" aria-current="page">My answers</a>`)
	s.assertFile("review/index.html", "<title>Review a client&#39;s answers · Career companion</title>", `data-review-file`, `id=coachbook-fields`)
	for _, name := range []string{"index.html", "start/index.html", "answers/index.html", "sitemap.xml"} {
		if strings.Contains(s.file(name), "review/") {
			t.Errorf("%s links to the review page", name)
		}
	}
	s.assertFile("sitemap.xml", "https://example.edu/career/answers/")

	for _, page := range []string{"answers/index.html", "review/index.html"} {
		html := s.file(page)
		groups := regexp.MustCompile(`<h2>([^<]*)`).FindAllStringSubmatch(html, -1)
		var got []string
		for _, g := range groups {
			got = append(got, g[1])
		}
		if strings.Join(got, "|") != "Workbooks|Before your session|Interview preparation" {
			t.Errorf("%s groups: %q", page, got)
		}
		var ids []string
		for _, m := range regexp.MustCompile(`data-book-workbook="([^"]+)"`).FindAllStringSubmatch(html, -1) {
			ids = append(ids, m[1])
		}
		if strings.Join(ids, " ") != "start before/drive before/more/values interview/star" {
			t.Errorf("%s lists %q", page, ids)
		}
		scripts := regexp.MustCompile(`assets/(coachbook[a-z-]*)\.`).FindAllStringSubmatch(html, -1)
		var names []string
		for _, m := range scripts {
			names = append(names, m[1])
		}
		want := "coachbook coachbook-recall coachbook-listings coachbook-book"
		if page == "review/index.html" {
			// And the address of the protect file, loaded on demand.
			want += " coachbook-restore coachbook-protect"
		}
		// And the address of the restore file, which loads the book's files.
		want += " coachbook-restore"
		if strings.Join(names, " ") != want {
			t.Errorf("%s loads %q, want %s", page, names, want)
		}
		var book []struct {
			ID     string `json:"id"`
			Fields []struct {
				Key   string `json:"key"`
				Label string `json:"label"`
				Type  string `json:"type"`
			} `json:"fields"`
			Progress []struct {
				Key string `json:"key"`
			} `json:"progress"`
		}
		if err := json.Unmarshal([]byte(bookOf(t, html, s.file)), &book); err != nil {
			t.Fatalf("%s: the book is not JSON: %v", page, err)
		}
		if len(book) != 4 || book[3].ID != "interview/star" || len(book[3].Fields) < 4 || book[3].Fields[0].Label == "" || len(book[3].Progress) == 0 {
			t.Errorf("%s: the book %+v", page, book)
		}
	}
}
