package generator

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// testSite is a whole site written from a txtar archive into a temporary
// folder, in the manner of Hugo's integration tests.
type testSite struct {
	t    *testing.T
	root string
	opts Options
}

// newTestSite writes the archive's files into a fresh site root.
func newTestSite(t *testing.T, archive string) *testSite {
	t.Helper()
	root := t.TempDir()
	writeArchive(t, root, txtar.Parse([]byte(archive)))
	return &testSite{t: t, root: root, opts: Options{Source: root}}
}

func writeArchive(t *testing.T, root string, ar *txtar.Archive) {
	t.Helper()
	for _, f := range ar.Files {
		full := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// write adds or replaces a file of the site.
func (s *testSite) write(name, content string) {
	s.t.Helper()
	writeArchive(s.t, s.root, &txtar.Archive{Files: []txtar.File{{Name: name, Data: []byte(content)}}})
}

// build builds the site and fails the test on error.
func (s *testSite) build() Stats {
	s.t.Helper()
	stats, err := Build(context.Background(), s.opts)
	if err != nil {
		s.t.Fatalf("build failed:\n%v", err)
	}
	return stats
}

// buildErr builds the site, expecting it to fail, and returns the message.
func (s *testSite) buildErr() string {
	s.t.Helper()
	_, err := Build(context.Background(), s.opts)
	if err == nil {
		s.t.Fatal("build succeeded, want an error")
	}
	return err.Error()
}

func (s *testSite) dest() string {
	if s.opts.Dest != "" {
		return s.opts.Dest
	}
	return filepath.Join(s.root, "public")
}

// file returns an output file's content.
func (s *testSite) file(name string) string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.dest(), filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatalf("output file: %v", err)
	}
	return string(data)
}

// assertFile checks that an output file holds each of the snippets.
func (s *testSite) assertFile(name string, snippets ...string) {
	s.t.Helper()
	content := s.file(name)
	for _, want := range snippets {
		if !strings.Contains(content, want) {
			s.t.Errorf("%s does not contain %q; it holds:\n%s", name, want, content)
		}
	}
}

// assertNoFile checks that an output file does not exist.
func (s *testSite) assertNoFile(name string) {
	s.t.Helper()
	if _, err := os.Stat(filepath.Join(s.dest(), filepath.FromSlash(name))); err == nil {
		s.t.Errorf("%s exists, want it absent", name)
	}
}

// snapshot returns every output file by its path.
func (s *testSite) snapshot() map[string]string {
	s.t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(s.dest(), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(s.dest(), p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return files
}

// assertUnchanged checks that the output is exactly before.
func (s *testSite) assertUnchanged(before map[string]string) {
	s.t.Helper()
	after := s.snapshot()
	if len(after) != len(before) {
		s.t.Errorf("output has %d files, had %d", len(after), len(before))
	}
	for name, data := range before {
		if after[name] != data {
			s.t.Errorf("output file %s changed", name)
		}
	}
}

// assetPath finds the output path of a content-hashed asset.
func (s *testSite) assetPath(prefix string) string {
	s.t.Helper()
	for name := range s.snapshot() {
		if strings.HasPrefix(name, "assets/"+prefix+".") {
			return name
		}
	}
	s.t.Fatalf("no asset %s.* in the output", prefix)
	return ""
}

// symlink makes a symbolic link at name to target, and the folder it is in,
// or skips the test where the system has no symbolic links.
func symlink(t *testing.T, target, name string) {
	t.Helper()
	mustDo(t, os.MkdirAll(filepath.Dir(name), 0o755))
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
}

// writeFile returns a setup that writes one file of the site, for names
// that a txtar archive cannot hold, such as those with leading spaces.
func writeFile(name, content string) func(t *testing.T, root string) {
	return func(t *testing.T, root string) {
		t.Helper()
		full := filepath.Join(root, filepath.FromSlash(name))
		mustDo(t, os.MkdirAll(filepath.Dir(full), 0o755))
		mustDo(t, os.WriteFile(full, []byte(content), 0o644))
	}
}

// nestedList is a list n items deep, each indented under the last.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}
