package generator

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestWarnings builds the career site with a case's files added, as
// TestBadInput does, and checks that the build succeeds with each line of
// the "want" section among its warnings. Then it builds again with
// Strict, as a CI would: the warnings are errors, and the previous output
// stays as it was. Each case is a testdata/warnings/*.txtar archive, run
// alone with -run TestWarnings/NAME.
func TestWarnings(t *testing.T) {
	for _, file := range casesIn(t, "testdata/warnings") {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			c := readCase(t, file)
			s := newTestSite(t, careerSite)
			for _, f := range c.files {
				s.write(f.Name, string(f.Data))
			}
			runSetup(s, t.TempDir(), c.setup)
			stats := s.build()
			var warnings []string
			for _, w := range stats.Warnings {
				warnings = append(warnings, w.Error())
			}
			assertErrors(t, strings.Join(warnings, "\n"), c.want...)

			before := s.snapshot()
			strict := s.opts
			strict.Strict = true
			_, err := Build(context.Background(), strict)
			assertErrors(t, failed(t, err), c.want...)
			s.assertUnchanged(before)
		})
	}
}
