package generator

import (
	"strings"
	"testing"

	"coachbook/generator/diag"
)

// TestNestingWithinBoundsPasses keeps the nesting bound from catching
// ordinary Markdown: lists as deep as allowed, items that close, thematic
// breaks of spaced dashes, code, tabs and escaped brackets.
func TestNestingWithinBoundsPasses(t *testing.T) {
	for _, body := range []string{
		nestedList(16),
		nestedList(16) + nestedList(16) + nestedList(16),
		strings.Repeat("- - - -\n\n", 50),
		strings.Repeat("1. one\n   2) two\n\t- tab\n", 30),
		strings.Repeat("> quote\n> - item\n", 40),
		strings.Repeat("[", 16) + strings.Repeat("]", 16) + strings.Repeat("[a] ", 100) + strings.Repeat(`\[`, 50),
		strings.Repeat("[", 16) + "\n\n" + strings.Repeat("[", 16),
		"```\n" + strings.Repeat("    code\n", 100) + "```\n",
	} {
		if err := checkNesting([]byte(body), func(off int) diag.Position { return diag.Position{Line: off} }); err != nil {
			t.Errorf("%q: %v", body[:min(len(body), 60)], err)
		}
	}
}
