package metadata

import (
	"fmt"
	"strings"
	"testing"
)

// aliasLadder writes YAML whose last key stands for 10^levels values
// through aliases, in a few hundred bytes.
func aliasLadder(levels int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: T\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	return b.String()
}

func TestAliasExpansionIsBounded(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{
			// One key that stands for 100,000 values.
			name: "one key",
			src:  aliasLadder(5) + "---\n",
			want: "a.md:6:5: the frontmatter stands for more than 10000 values",
		},
		{
			// The YAML library counts each key's aliases afresh; the
			// bound is for the whole block.
			name: "many keys",
			src:  "---\nl: &l [" + strings.Repeat("x, ", 999) + "x]\n" + strings.Repeat("m: *l\n", 10) + "---\n",
			want: "a.md:11:4: the frontmatter stands for more than 10000 values",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := Parse("a.md", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error\n %v\nwant prefix\n %s", err, tt.want)
			}
		})
	}
}

func TestModestAliasesPass(t *testing.T) {
	src := aliasLadder(2) + "again: *l1\n---\nBody\n"
	fm, _, _, err := Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := fm.values["again"].([]any); len(list) != 10 {
		t.Errorf("again = %v, want the 10 lists of l1", fm.values["again"])
	}
}

func TestFrontmatterSizeIsBounded(t *testing.T) {
	src := "---\ntitle: T\ndescription: " + strings.Repeat("a", MaxBytes) + "\n---\nBody\n"
	_, _, _, err := Parse("a.md", []byte(src))
	want := "a.md:1:1: the frontmatter is 257 KB, more than the 256 KB coachbook reads"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error\n %v\nwant prefix\n %s", err, want)
	}
}
