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

// TestHomeProgressDataStaysSmall: the home page of 1,000 exercise
// workbooks carries at most 50 KB of progress data (issue 20 asks under
// 500 KB at 10,000) and no field inline; every workbook it lists is in a
// field file the build wrote, of about fieldFileBytes.
func TestHomeProgressDataStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 workbooks")
	}
	const workbooks, budget = 1000, 50 << 10
	root := t.TempDir()
	if err := corpus.Write(root, workbooks, corpus.Exercise); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Source: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<script type=application/json id=coachbook-progress>(.*?)</script>`).FindSubmatch(home)
	if m == nil {
		t.Fatal("the home page carries no progress data")
	}
	t.Logf("home page %d KB, its progress data %d KB", len(home)>>10, len(m[1])>>10)
	if len(m[1]) > budget {
		t.Errorf("the home page carries %d KB of progress data for %d workbooks, over %d KB", len(m[1])>>10, workbooks, budget>>10)
	}
	if strings.Contains(string(home), `"fields":`) || strings.Contains(string(home), "id=coachbook-fields") {
		t.Error("the home page lists fields inline")
	}
	var groups []struct {
		Src       string  `json:"src"`
		Workbooks [][]any `json:"workbooks"`
	}
	if err := json.Unmarshal(m[1], &groups); err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, g := range groups {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(g.Src, "/"))))
		if err != nil {
			t.Fatalf("the field file %s: %v", g.Src, err)
		}
		if len(data) > 2*fieldFileBytes {
			t.Errorf("the field file %s holds %d KB", g.Src, len(data)>>10)
		}
		for _, w := range g.Workbooks {
			if len(w) != 3 || !strings.Contains(string(data), `{"id":`+mustJSON(t, w[0])+`,"fields":[`) {
				t.Errorf("%v is not listed in %s as counted", w, g.Src)
			}
			listed++
		}
	}
	if listed != workbooks {
		t.Errorf("the home page lists %d workbooks, want %d", listed, workbooks)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
