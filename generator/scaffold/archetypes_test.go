package scaffold

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The kinds are the archetype files: the theme's, then a site's own added
// to them once each, never the home page's.
func TestKindsComeFromArchetypeFiles(t *testing.T) {
	theme, err := Kinds("")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"blank", "commitments", "fears", "grow", "oskar", "prep", "star", "thought-record"}
	if !slices.Equal(theme, want) {
		t.Errorf("Kinds(\"\") = %q, want %q", theme, want)
	}
	if !slices.Contains(theme, DefaultKind) {
		t.Errorf("the default kind %q is not among %q", DefaultKind, theme)
	}

	site := t.TempDir()
	if err := os.Mkdir(filepath.Join(site, "archetypes"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"intake.md", "star.md", "site.md", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(site, "archetypes", name), []byte("---\ntitle: {{.Title}}\nid: {{.ID}}\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Kinds(site)
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"blank", "commitments", "fears", "grow", "intake", "oskar", "prep", "star", "thought-record"}
	if !slices.Equal(got, want) {
		t.Errorf("Kinds(site) = %q, want %q", got, want)
	}
}

// A kind that is not an archetype file is refused before any file is read,
// so --kind cannot name a file elsewhere, nor the home page's archetype.
func TestNewWorkbookRefusesUnknownKinds(t *testing.T) {
	site := t.TempDir()
	if err := os.Mkdir(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"site", "../archetypes/star", "nope"} {
		if _, err := NewWorkbook(site, "x", kind); err == nil {
			t.Errorf("NewWorkbook with kind %q: no error", kind)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "content", "x.md")); err == nil {
		t.Error("a refused kind wrote content/x.md")
	}
}
