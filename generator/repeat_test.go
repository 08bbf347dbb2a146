package generator

import (
	"slices"
	"strings"
	"testing"
)

// TestRepeatKeepsEarlierKeys makes the exercises of one page repeatable
// and checks that every key a field was saved under before is the key or
// an earlier key of a field after, so the runtime can adopt every answer;
// and that a key two fields could claim is given to neither.
func TestRepeatKeepsEarlierKeys(t *testing.T) {
	const page = `
:::thought-record{#tr REPEAT}
:::

:::star{#star REPEAT}
:::

::::exercise{#journal REPEAT title="Journal entry"}
::date[Date]{#date}
::scale[Mood]{#mood min=0 max=10 was="feeling"}
::textarea[What happened]{#what}
:::rows[People I talked to]{#people}
::text[Name]{#name}
:::
:::checklist[Tried today]{#tried}
- [ ] A walk
:::
::::
`
	s := newTestSite(t, "")
	fieldsOf := func(repeat string) []manifestField {
		t.Helper()
		s.write("content/w.md", workbookFrontmatter+strings.ReplaceAll(page, "REPEAT", repeat))
		p, err := s.converted("w.md")
		if err != nil {
			t.Fatalf("build failed:\n%v", err)
		}
		return p.converted().manifest
	}
	before, after := fieldsOf(""), fieldsOf("repeat")
	for _, old := range before {
		for _, key := range append([]string{old.Key}, old.Was...) {
			var adopters []string
			for _, f := range after {
				if f.Key == key || slices.Contains(f.Was, key) {
					adopters = append(adopters, f.Key)
				}
			}
			if len(adopters) != 1 {
				t.Errorf("answers saved under %q before the exercises repeated: %d fields take them after (%v), want 1", key, len(adopters), adopters)
			}
		}
	}

	// A key another field of the page has is not an earlier key.
	s.write("content/w.md", workbookFrontmatter+"::text[Note]{#note}\n\n:::exercise{#journal repeat}\n::text[Note]{#note}\n:::\n")
	p, err := s.converted("w.md")
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	for _, f := range p.converted().manifest {
		if len(f.Was) > 0 {
			t.Errorf("%s lists earlier keys %v; note is the other field's", f.Key, f.Was)
		}
	}
}
