package generator

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden builds each site in testdata/golden/*.txtar and compares the
// output files named want/... in the archive byte for byte. Run one case
// with -run TestGolden/NAME, and rewrite the expectations with -update.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			site, want := &txtar.Archive{}, map[string]int{}
			for i, f := range ar.Files {
				if out, ok := strings.CutPrefix(f.Name, "want/"); ok {
					want[out] = i
				} else {
					site.Files = append(site.Files, f)
				}
			}
			if len(want) == 0 {
				t.Fatal("the case names no want/ files")
			}
			s := newTestSite(t, "")
			s.writeArchive(site)
			s.build()
			for out, i := range want {
				got := s.file(out)
				if *update {
					ar.Files[i].Data = []byte(got + "\n")
					continue
				}
				if wantData := strings.TrimSuffix(string(ar.Files[i].Data), "\n"); got != wantData {
					t.Errorf("%s differs from the golden file\n got: %s\nwant: %s", out, got, wantData)
				}
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
