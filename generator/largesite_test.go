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

// TestLargeSitePagesStaySmall builds 1,000 exercise workbooks once and
// checks the pages that used to carry every workbook's fields (issue 20):
// the home page carries at most 50 KB of progress data (the issue asks
// under 500 KB at 10,000), the book pages ("My answers" and the review
// page) at most 64 KB of data; none lists fields inline, and every
// workbook their indexes name is in a field or book file the build wrote,
// of about fieldFileBytes.
func TestLargeSitePagesStaySmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 workbooks")
	}
	const workbooks = 1000
	root := t.TempDir()
	if err := corpus.Write(root, workbooks, corpus.Exercise); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Source: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	inline := regexp.MustCompile(`(?s)<script type=application/json id=(coachbook-[a-z-]+)>(.*?)</script>`)
	for _, c := range []struct {
		page, index string
		budget      int
		entry       string // how a listed workbook starts in its file, after its ID
	}{
		{"index.html", "coachbook-progress", 50 << 10, `,"fields":[`},
		{"answers/index.html", "coachbook-book", 64 << 10, `,"title":`},
		{"review/index.html", "coachbook-book", 64 << 10, `,"title":`},
	} {
		html, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(c.page)))
		if err != nil {
			t.Fatal(err)
		}
		data := 0
		var index []byte
		for _, m := range inline.FindAllSubmatch(html, -1) {
			data += len(m[2])
			if string(m[1]) == c.index {
				index = m[2]
			}
		}
		t.Logf("%s: %d KB, %d KB of it data", c.page, len(html)>>10, data>>10)
		if data > c.budget {
			t.Errorf("%s carries %d KB of data for %d workbooks, over %d KB", c.page, data>>10, workbooks, c.budget>>10)
		}
		if strings.Contains(string(html), `"fields":`) || c.page == "index.html" && strings.Contains(string(html), "id=coachbook-fields") {
			t.Errorf("%s lists fields inline", c.page)
		}
		if index == nil {
			t.Fatalf("%s has no %s", c.page, c.index)
		}
		if listed := checkGroupFiles(t, dest, index, c.entry); listed != workbooks {
			t.Errorf("%s lists %d workbooks, want %d", c.page, listed, workbooks)
		}
	}
}

// checkGroupFiles reads an index of field or book files, checks that each
// file it names is of about fieldFileBytes and holds the workbooks it says,
// and returns how many workbooks it lists.
func checkGroupFiles(t *testing.T, dest string, index []byte, entry string) int {
	t.Helper()
	var groups []struct {
		Src       string  `json:"src"`
		Workbooks [][]any `json:"workbooks"`
	}
	if err := json.Unmarshal(index, &groups); err != nil {
		t.Fatalf("the index: %v", err)
	}
	listed := 0
	for _, g := range groups {
		file, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(g.Src, "/"))))
		if err != nil {
			t.Fatalf("the file %s: %v", g.Src, err)
		}
		if len(file) > 2*fieldFileBytes {
			t.Errorf("the file %s holds %d KB", g.Src, len(file)>>10)
		}
		for _, w := range g.Workbooks {
			if !strings.Contains(string(file), `{"id":`+mustJSON(t, w[0])+entry) {
				t.Errorf("%v is not in %s", w, g.Src)
			}
			listed++
		}
	}
	return listed
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
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
