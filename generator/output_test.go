package generator

import (
	"strings"
	"testing"

	"coachbook/generator/diag"
)

// TestClaimRefusesPathsThatNameAnotherFile checks the output's own guard
// against a path that is another file's, or outside the output, once
// cleaned: "written twice" compares paths as they are claimed, so
// "a/../index.html" got past the home page's "index.html".
func TestClaimRefusesPathsThatNameAnotherFile(t *testing.T) {
	by := diag.Position{File: "content/a/ ../_index.md", Line: 1, Col: 1}
	for _, rel := range []string{"a/../index.html", "a//index.html", "./index.html", "../index.html", "/index.html", "a/./b", "", ".", "..", "a/"} {
		o := newMemoryOutput(newMinifier())
		err := o.claim(rel, by)
		if err == nil {
			t.Errorf("claim(%q) succeeded", rel)
			continue
		}
		if want := "content/a/ ../_index.md:1:1: "; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("claim(%q): %v, want it at %s", rel, err, want)
		}
	}
	o := newMemoryOutput(newMinifier())
	for _, rel := range []string{"index.html", "a/b/index.html", "a b/x.png", " ../x", "...", "a/.well-known"} {
		if err := o.claim(rel, by); err != nil {
			t.Errorf("claim(%q): %v", rel, err)
		}
	}
}
