package scaffold

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"coachbook/generator"
)

// Every starter, in every language with starter content, builds with no
// error and no warning, even under Strict, and writes its language into
// the settings.
func TestStartersBuildCleanly(t *testing.T) {
	for _, name := range Starters() {
		for _, lang := range append(StarterLanguages(), "fr-CA") {
			t.Run(name+"/"+lang, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "site")
				if _, err := NewSite(Site{Dir: dir, Starter: name, Language: lang}); err != nil {
					t.Fatal(err)
				}
				home, err := os.ReadFile(filepath.Join(dir, "content", "_index.md"))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(home), "\nlanguage: "+lang+"\n") {
					t.Errorf("content/_index.md does not say language: %s:\n%s", lang, home)
				}
				stats, err := generator.Build(context.Background(), generator.Options{Source: dir, Strict: true})
				if err != nil {
					t.Fatalf("the %s starter in %s does not build:\n%v", name, lang, err)
				}
				if len(stats.Warnings) > 0 {
					t.Errorf("the %s starter in %s builds with warnings: %v", name, lang, stats.Warnings)
				}
				if stats.Pages < 2 {
					t.Errorf("the %s starter in %s has %d pages", name, lang, stats.Pages)
				}
			})
		}
	}
}

// Each starter is the same site in every language: as many files, the same
// deployment files, and the same exercise and field IDs, so that a
// translation leaves nothing out.
func TestStartersAreParallelAcrossLanguages(t *testing.T) {
	ids := regexp.MustCompile(`\{#[A-Za-z0-9_-]+`)
	for _, name := range Starters() {
		shape := func(lang string) (count int, same map[string]string, fieldIDs []string) {
			dir := filepath.Join(t.TempDir(), "site")
			written, err := NewSite(Site{Dir: dir, Starter: name, Language: lang})
			if err != nil {
				t.Fatalf("%s in %s: %v", name, lang, err)
			}
			same = map[string]string{}
			for _, f := range written {
				data, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(f, "content/") {
					fieldIDs = append(fieldIDs, ids.FindAllString(string(data), -1)...)
				} else if f != ".gitignore" {
					same[f] = string(data)
				}
			}
			slices.Sort(fieldIDs)
			return len(written), same, fieldIDs
		}
		enCount, enSame, enIDs := shape("en")
		for _, lang := range StarterLanguages() {
			count, same, fieldIDs := shape(lang)
			if count != enCount {
				t.Errorf("%s in %s writes %d files, in English %d", name, lang, count, enCount)
			}
			if len(same) != len(enSame) {
				t.Errorf("%s in %s writes the files %v, in English %v", name, lang, same, enSame)
			}
			for f, text := range enSame {
				if same[f] != text {
					t.Errorf("%s in %s: %s differs from the English one", name, lang, f)
				}
			}
			if !slices.Equal(fieldIDs, enIDs) {
				t.Errorf("%s in %s has the IDs %q, in English %q", name, lang, fieldIDs, enIDs)
			}
		}
	}
}

// Every description in the starters' frontmatter, and in the archetypes
// new workbooks come from, is a quoted YAML string: an unquoted one that
// someone later edits to hold ": " no longer parses.
func TestStarterDescriptionsAreQuoted(t *testing.T) {
	check := func(file string, data []byte) {
		t.Helper()
		front, ok := frontmatter(data)
		if !ok {
			t.Errorf("%s has no frontmatter", file)
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(front, &doc); err != nil {
			t.Errorf("%s: frontmatter: %v", file, err)
			return
		}
		found := false
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value != "description" {
				continue
			}
			found = true
			if v := m.Content[i+1]; v.Kind != yaml.ScalarNode || v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
				t.Errorf("%s:%d: the description is not in quotes: %s", file, v.Line+1, v.Value)
			}
		}
		if !found && !strings.HasSuffix(file, "_index.md") {
			t.Errorf("%s has no description", file)
		}
	}
	for _, name := range Starters() {
		for _, lang := range StarterLanguages() {
			dir := filepath.Join(t.TempDir(), "site")
			written, err := NewSite(Site{Dir: dir, Starter: name, Language: lang})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range written {
				if strings.HasSuffix(f, ".md") {
					data, err := os.ReadFile(filepath.Join(dir, f))
					if err != nil {
						t.Fatal(err)
					}
					check(name+"/"+lang+"/"+f, data)
				}
			}
		}
	}
	kinds, err := Kinds("")
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range kinds {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		file, err := NewWorkbook(dir, "w", kind)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		check("archetypes/"+kind+".md", data)
	}
}

// frontmatter returns the YAML between a file's opening and closing ---.
func frontmatter(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, false
	}
	front, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	return front, ok
}

// A starter that is not one is an error naming those there are, and
// writes nothing.
func TestNewSiteUnknownStarter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	_, err := NewSite(Site{Dir: dir, Starter: "coaching"})
	if err == nil || err.Error() != `there is no starter "coaching"; the starters are career, therapy, blank` {
		t.Errorf("NewSite with the starter coaching = %v", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("NewSite with an unknown starter wrote %s", dir)
	}
}
