package generator

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"coachbook/internal/corpus"
)

// TestBookPagesStaySmall: the book pages ("My answers" and the review
// page) of 1,000 exercise workbooks carry at most 64 KB of data inline,
// an index of the files that hold the book (issue 20), and no workbook's
// fields; every workbook of the book is in a book file the build wrote.
func TestBookPagesStaySmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 workbooks")
	}
	const workbooks, budget = 1000, 64 << 10
	root := t.TempDir()
	if err := corpus.Write(root, workbooks, corpus.Exercise); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Source: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	inline := regexp.MustCompile(`(?s)<script type=application/json id=(coachbook-[a-z-]+)>(.*?)</script>`)
	for _, page := range []string{"answers/index.html", "review/index.html"} {
		html, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		data := 0
		var index []byte
		for _, m := range inline.FindAllSubmatch(html, -1) {
			data += len(m[2])
			if string(m[1]) == "coachbook-book" {
				index = m[2]
			}
		}
		t.Logf("%s: %d KB, %d KB of it data", page, len(html)>>10, data>>10)
		if data > budget {
			t.Errorf("%s carries %d KB of data for %d workbooks, over %d KB", page, data>>10, workbooks, budget>>10)
		}
		if strings.Contains(string(html), `"fields":`) {
			t.Errorf("%s lists fields inline", page)
		}
		var groups []struct {
			Src       string  `json:"src"`
			Workbooks [][]any `json:"workbooks"`
		}
		if err := json.Unmarshal(index, &groups); err != nil {
			t.Fatalf("%s: the book's index: %v", page, err)
		}
		listed := 0
		for _, g := range groups {
			file, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(g.Src, "/"))))
			if err != nil {
				t.Fatalf("the book file %s: %v", g.Src, err)
			}
			if len(file) > 2*fieldFileBytes {
				t.Errorf("the book file %s holds %d KB", g.Src, len(file)>>10)
			}
			for _, w := range g.Workbooks {
				if !strings.Contains(string(file), `{"id":`+mustJSON(t, w[0])+`,"title":`) {
					t.Errorf("%v is not in %s", w, g.Src)
				}
				listed++
			}
		}
		if listed != workbooks {
			t.Errorf("%s lists %d workbooks, want %d", page, listed, workbooks)
		}
	}
}

// bookOf gives the book a book page's index names, as one JSON array:
// every workbook the book files it names hold, file by file, read with
// read (a path under the site's public folder).
func bookOf(t *testing.T, html string, read func(name string) string) string {
	t.Helper()
	m := regexp.MustCompile(`<script type=application/json id=coachbook-book>(.*?)</script>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("the page has no book")
	}
	var groups []struct {
		Src string `json:"src"`
	}
	if err := json.Unmarshal([]byte(m[1]), &groups); err != nil {
		t.Fatalf("the book's index is not JSON: %v", err)
	}
	var parts []string
	for _, g := range groups {
		file := read(g.Src[strings.Index(g.Src, "assets/"):])
		const start, end = "coachbook.restoring().then(function(r){r.takeBook([", "])});\n"
		if !strings.HasPrefix(file, start) || !strings.HasSuffix(file, end) {
			t.Fatalf("the book file %s: %.200s", g.Src, file)
		}
		parts = append(parts, file[len(start):len(file)-len(end)])
	}
	return "[" + strings.Join(parts, ",") + "]"
}
