package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every language's starter site is the English one in other words: the
// same files in the same places, the same exercise and field IDs, and its
// own language in the settings.
func TestStarterSitesAreParallel(t *testing.T) {
	ids := regexp.MustCompile(`\{#[A-Za-z0-9_-]+`)
	shape := func(lang string) (files []string, fieldIDs []string) {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "career")
		written, err := NewSite(Site{Dir: dir, Language: lang})
		if err != nil {
			t.Fatalf("NewSite(%q): %v", lang, err)
		}
		home, err := os.ReadFile(filepath.Join(dir, "content", "_index.md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(home), "\nlanguage: "+lang+"\n") {
			t.Errorf("%s: content/_index.md does not say language: %s:\n%s", lang, lang, home)
		}
		words, _ := starterFor(lang)
		workbook, err := os.ReadFile(filepath.Join(dir, "content", words.collection, words.workbookName+".md"))
		if err != nil {
			t.Fatal(err)
		}
		// Files named by role, so that French names compare with English.
		for _, f := range written {
			f = strings.Replace(f, words.collection+"/", "COLLECTION/", 1)
			files = append(files, strings.Replace(f, words.workbookName, "WORKBOOK", 1))
		}
		slices.Sort(files)
		return files, ids.FindAllString(string(workbook), -1)
	}
	enFiles, enIDs := shape("en")
	for _, lang := range StarterLanguages() {
		files, fieldIDs := shape(lang)
		if !slices.Equal(files, enFiles) {
			t.Errorf("%s writes %q, English %q", lang, files, enFiles)
		}
		if !slices.Equal(fieldIDs, enIDs) {
			t.Errorf("%s's workbook has the IDs %q, English %q", lang, fieldIDs, enIDs)
		}
	}
}

// A region keeps its tag and takes its language's words; a language
// without starter content, or a tag that is not one, writes nothing and
// names the languages there are.
func TestNewSiteLanguages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "quebec")
	if _, err := NewSite(Site{Dir: dir, Language: "fr-CA"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "premiers-pas", "avant-votre-seance.md")); err != nil {
		t.Errorf("fr-CA did not get the French starter workbook: %v", err)
	}
	for _, lang := range []string{"de", "en_US", "", "fr-"} {
		dir := filepath.Join(t.TempDir(), "site")
		_, err := NewSite(Site{Dir: dir, Language: lang})
		if err == nil || !strings.HasSuffix(err.Error(), "the languages with starter content are en, fr") {
			t.Errorf("NewSite(%q) = %v, want an error listing en, fr", lang, err)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("NewSite(%q) wrote %s", lang, dir)
		}
	}
}
