package themes_test

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"coachbook/themes"
)

// TestRuntimeMessagesAgree checks the runtime's files against the theme's
// i18n/en.yaml, the one place their sentences are written: every sentence
// a runtime file names is there, and every sentence there is named by one.
// A sentence missing from the file would show blank; one no file names is
// a sentence translators would translate for nothing.
func TestRuntimeMessagesAgree(t *testing.T) {
	theme := themes.Default()
	data, err := fs.ReadFile(theme, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Runtime map[string]string }
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
	var unused []string
	for key := range file.Runtime {
		if !used[key] {
			unused = append(unused, key)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("i18n/en.yaml holds sentences no runtime file shows: %s", strings.Join(unused, ", "))
	}
}
