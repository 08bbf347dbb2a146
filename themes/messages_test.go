package themes_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"coachbook/themes"
)

// TestRuntimeMessagesAgree checks the runtime's files and the layouts
// against the theme's i18n/en.yaml, the one place their words are written:
// every sentence a runtime file or a layout names is there, and every one
// there is named.
// A sentence missing from the file would show blank; one no file names is
// a sentence translators would translate for nothing.
func TestRuntimeMessagesAgree(t *testing.T) {
	theme := themes.Default()
	data, err := fs.ReadFile(theme, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A value is words, or words by plural form.
	var file struct{ Runtime, Layouts map[string]any }
	if err := yaml.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	scripts, _ := fs.Glob(theme, "assets/coachbook*.js")
	if len(scripts) < 5 {
		t.Fatalf("found only %v", scripts)
	}
	// Each file calls the table MESSAGES, or M for short.
	named := regexp.MustCompile(`\b(?:MESSAGES|M)\.([A-Za-z]\w*)`)
	used := map[string]bool{}
	for _, name := range scripts {
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			t.Fatal(err)
		}
		if regexp.MustCompile(`(?m)^\s*var MESSAGES = \{`).Match(src) {
			t.Errorf("%s writes its sentences itself", path.Base(name))
		}
		for _, m := range named.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
			if _, ok := file.Runtime[m[1]]; !ok {
				t.Errorf("%s shows the sentence %s, which i18n/en.yaml lacks", path.Base(name), m[1])
			}
		}
	}
	// Layouts call them {{i18n "key"}} or {{i18nN "key" n}}, and i18n
	// within i18n.
	layoutWords := regexp.MustCompile(`\bi18nN? "(\w+)"`)
	usedInLayouts := map[string]bool{}
	fs.WalkDir(theme, "layouts", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			return err
		}
		for _, m := range layoutWords.FindAllStringSubmatch(string(src), -1) {
			usedInLayouts[m[1]] = true
			if _, ok := file.Layouts[m[1]]; !ok {
				t.Errorf("%s shows the words %s, which i18n/en.yaml lacks under layouts:", name, m[1])
			}
		}
		return nil
	})
	// The build writes a few words into pages itself, such as a bare
	// other's "Other": generator/*.go names them words["key"],
	// ["layouts"]["key"] or plain("layouts")["key"]; words["layouts"]
	// names a part, not words.
	goWords := regexp.MustCompile(`(?:\bwords(?:\["layouts"\])?|\["layouts"\]|plain\("layouts"\))\["(\w+)"\]`)
	sources, _ := filepath.Glob("../generator/*.go")
	for _, name := range sources {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goWords.FindAllStringSubmatch(string(src), -1) {
			if m[1] == "runtime" || m[1] == "layouts" {
				continue
			}
			usedInLayouts[m[1]] = true
			if _, ok := file.Layouts[m[1]]; !ok && !strings.HasSuffix(name, "_test.go") {
				t.Errorf("%s writes the words %s, which i18n/en.yaml lacks under layouts:", name, m[1])
			}
		}
	}
	var unused []string
	for key := range file.Runtime {
		if !used[key] {
			unused = append(unused, key)
		}
	}
	for key := range file.Layouts {
		if !usedInLayouts[key] {
			unused = append(unused, "layouts."+key)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("i18n/en.yaml holds sentences no runtime file shows: %s", strings.Join(unused, ", "))
	}
}
