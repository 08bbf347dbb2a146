package generator

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestWarnings builds the career site with a case's files added, as
// TestBadInput does, and checks that the build succeeds with each line of
// the "want" section among its warnings. Then it builds again with
// Strict, as a CI would: the warnings are errors, and the previous output
// stays as it was. Each case is a testdata/warnings/*.txtar archive, run
// alone with -run TestWarnings/NAME.
func TestWarnings(t *testing.T) {
	cases, err := filepath.Glob("testdata/warnings/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s := newTestSite(t, careerSite)
			var want []string
			for _, f := range ar.Files {
				if f.Name == "want" {
					for _, line := range strings.Split(string(f.Data), "\n") {
						if line != "" {
							want = append(want, line)
						}
					}
					continue
				}
				s.write(f.Name, string(f.Data))
			}
			if len(want) == 0 {
				t.Fatal("the case has no want section")
			}
			stats := s.build()
			var warnings []string
			for _, w := range stats.Warnings {
				warnings = append(warnings, w.Error())
			}
			assertErrors(t, strings.Join(warnings, "\n"), want...)

			before := s.snapshot()
			strict := s.opts
			strict.Strict = true
			_, err = Build(context.Background(), strict)
			assertErrors(t, failed(t, err), want...)
			s.assertUnchanged(before)
		})
	}
}
