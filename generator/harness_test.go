package generator

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// The test harness: every test that builds a site writes, builds, edits
// and checks it through these, in the manner of Hugo's integration tests.
//
//	s := newTestSite(t, archive)   // a txtar archive of the site's files
//	s.build()                      // to disk; s.buildErr() expects a failure
//	s.assertFile("index.html", "<h1>Home</h1>")
//	s.expectErrors("content/a.md:4:1: title is required")
//	s.expectOnly("content/a.md:4:1: title is required") // and no other
//
//	v := s.serve()                 // a Session building in memory, as serve does
//	v.build()
//	v.edit("content/a.md", text)   // writes the file and rebuilds
//	v.assertRendered(1)            // the rebuild rendered that page alone
//
// It goes through Build, NewSession, Session.Build and Session.File; the
// few helpers that must read the package's internals are marked so.

// testSite is a whole site in a folder, usually written from a txtar
// archive into a temporary one.
type testSite struct {
	t    *testing.T
	root string
	opts Options // what build and serve pass on; tests may change it
}

// newTestSite writes the archive's files into a fresh site root.
func newTestSite(t *testing.T, archive string) *testSite {
	t.Helper()
	s := &testSite{t: t, root: t.TempDir()}
	s.opts = Options{Source: s.root}
	s.writeArchive(txtar.Parse([]byte(archive)))
	return s
}

// openSite is a site that already exists at root, such as the sample
// site of the repository; its output goes to a temporary folder.
func openSite(t *testing.T, root string) *testSite {
	return &testSite{t: t, root: root, opts: Options{Source: root, Dest: filepath.Join(t.TempDir(), "public")}}
}

// path is the full path of a site file named with forward slashes.
func (s *testSite) path(name string) string {
	return filepath.Join(s.root, filepath.FromSlash(name))
}

// write adds or replaces a file of the site; unlike an archive, it can
// write any name, such as one with leading spaces.
func (s *testSite) write(name, content string) {
	s.t.Helper()
	writeFileIn(s.t, s.root, name, []byte(content))
}

// writeArchive writes each file of an archive into the site.
func (s *testSite) writeArchive(ar *txtar.Archive) {
	s.t.Helper()
	for _, f := range ar.Files {
		writeFileIn(s.t, s.root, f.Name, f.Data)
	}
}

// remove deletes a file or folder of the site.
func (s *testSite) remove(name string) {
	s.t.Helper()
	mustDo(s.t, os.RemoveAll(s.path(name)))
}

// writeFileIn writes a file under root, making the folders it is in.
func writeFileIn(t *testing.T, root, name string, data []byte) {
	t.Helper()
	full := filepath.Join(root, filepath.FromSlash(name))
	mustDo(t, os.MkdirAll(filepath.Dir(full), 0o755))
	mustDo(t, os.WriteFile(full, data, 0o644))
}

// build builds the site to disk and fails the test on error.
func (s *testSite) build() Stats {
	s.t.Helper()
	stats, err := Build(context.Background(), s.opts)
	if err != nil {
		s.t.Fatalf("build failed:\n%v", err)
	}
	return stats
}

// buildContext builds the site to disk under ctx and returns its error.
func (s *testSite) buildContext(ctx context.Context) error {
	_, err := Build(ctx, s.opts)
	return err
}

// buildErr builds the site, expecting it to fail, and returns the message.
func (s *testSite) buildErr() string {
	s.t.Helper()
	return failed(s.t, s.buildContext(context.Background()))
}

// expectErrors builds the site, expecting it to fail with each of want,
// usually "file:line:col: message", in its message, which it returns.
func (s *testSite) expectErrors(want ...string) string {
	s.t.Helper()
	out := s.buildErr()
	assertErrors(s.t, out, want...)
	return out
}

// expectOnly builds the site, expecting it to fail with exactly the
// errors want, one a line, and nothing else.
func (s *testSite) expectOnly(want ...string) {
	s.t.Helper()
	if out, all := s.buildErr(), strings.Join(want, "\n"); out != all {
		s.t.Errorf("errors:\n%s\nwant only:\n%s", out, all)
	}
}

// failed returns err's message, failing the test if there is none.
func failed(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		t.Fatal("build succeeded, want an error")
	}
	return err.Error()
}

// assertErrors checks that an error message holds each of want.
func assertErrors(t *testing.T, out string, want ...string) {
	t.Helper()
	if len(want) == 0 {
		t.Fatal("no errors to expect")
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("error output\n%s\ndoes not contain\n%s", out, w)
		}
	}
}

// assertErrorCount checks how many errors, one a line, a message holds.
func assertErrorCount(t *testing.T, out string, n int) {
	t.Helper()
	if got := strings.Count(out, "\n") + 1; got != n {
		t.Errorf("want %d errors, got %d:\n%s", n, got, out)
	}
}

func (s *testSite) dest() string {
	return s.opts.Destination()
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
	assertHolds(s.t, name, s.file(name), snippets...)
}

// assertHolds checks that content, the file name's, holds each snippet.
func assertHolds(t *testing.T, name, content string, snippets ...string) {
	t.Helper()
	for _, want := range snippets {
		if !strings.Contains(content, want) {
			t.Errorf("%s does not contain %q; it holds:\n%s", name, want, content)
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

// serve starts a Session of the site, with the site's options, that
// builds in memory as serve does. Nothing is built until its build.
func (s *testSite) serve() *testServe {
	return &testServe{site: s, session: NewSession(s.opts)}
}

// testServe is a site served from memory: each build after the first
// names the files that changed, as serve's watcher does.
type testServe struct {
	site    *testSite
	session *Session
	stats   Stats    // the last good build's
	changed []string // what the last build was told changed
}

// build builds, after changes to the named files or, with none, to
// anything, and fails the test on error.
func (v *testServe) build(changed ...string) Stats {
	v.site.t.Helper()
	if err := v.buildContext(context.Background(), changed...); err != nil {
		v.site.t.Fatalf("serve's build after %v failed:\n%v", changed, err)
	}
	return v.stats
}

// buildContext builds under ctx and returns its error.
func (v *testServe) buildContext(ctx context.Context, changed ...string) error {
	if len(changed) == 0 {
		changed = nil
	}
	stats, err := v.session.Build(ctx, changed)
	v.changed = changed
	if err == nil {
		v.stats = stats
	}
	return err
}

// buildErr builds, expecting it to fail, and returns the message.
func (v *testServe) buildErr(changed ...string) string {
	v.site.t.Helper()
	return failed(v.site.t, v.buildContext(context.Background(), changed...))
}

// expectErrors builds, expecting it to fail with each of want in its
// message, which it returns.
func (v *testServe) expectErrors(changed []string, want ...string) string {
	v.site.t.Helper()
	out := v.buildErr(changed...)
	assertErrors(v.site.t, out, want...)
	return out
}

// edit writes a site file and rebuilds.
func (v *testServe) edit(name, content string) Stats {
	v.site.t.Helper()
	v.site.write(name, content)
	return v.build(name)
}

// remove deletes a site file and rebuilds.
func (v *testServe) remove(name string) Stats {
	v.site.t.Helper()
	v.site.remove(name)
	return v.build(name)
}

// has reports whether an output file is served.
func (v *testServe) has(name string) bool {
	_, ok := v.session.File(name)
	return ok
}

// file returns a served file's content.
func (v *testServe) file(name string) string {
	v.site.t.Helper()
	data, ok := v.session.File(name)
	if !ok {
		v.site.t.Fatalf("serve has no %s", name)
	}
	return string(data)
}

// assertFile checks that a served file holds each of the snippets.
func (v *testServe) assertFile(name string, snippets ...string) {
	v.site.t.Helper()
	assertHolds(v.site.t, name, v.file(name), snippets...)
}

// assertNoFile checks that serve has no such file.
func (v *testServe) assertNoFile(name string) {
	v.site.t.Helper()
	if v.has(name) {
		v.site.t.Errorf("serve still has %s, want it gone", name)
	}
}

// assertRendered checks that the last build rendered n pages, and only
// them, rather than the whole site.
func (v *testServe) assertRendered(n int) {
	v.site.t.Helper()
	if v.stats.Full || v.stats.Rendered != n {
		v.site.t.Errorf("the build after %v rendered %+v, want %d pages and not the whole site", v.changed, v.stats, n)
	}
}

// assertWritten checks that the last build wrote n files.
func (v *testServe) assertWritten(n int) {
	v.site.t.Helper()
	if v.stats.Files != n {
		v.site.t.Errorf("the build after %v wrote %d files, want %d", v.changed, v.stats.Files, n)
	}
}

// assertFull checks that the last build rebuilt the whole site, of n
// pages when n is more than 0.
func (v *testServe) assertFull(n int) {
	v.site.t.Helper()
	if !v.stats.Full || n > 0 && v.stats.Rendered != n {
		v.site.t.Errorf("the build after %v rendered %+v, want the whole site (%d pages)", v.changed, v.stats, n)
	}
}

// assertEqualsBuild checks that every file served equals a fresh build
// of the same site files, and that serve holds no other file.
func (v *testServe) assertEqualsBuild(step string) {
	t := v.site.t
	t.Helper()
	fresh := &testSite{t: t, root: v.site.root, opts: v.session.opts}
	fresh.opts.Dest = filepath.Join(t.TempDir(), "public")
	if err := fresh.buildContext(context.Background()); err != nil {
		t.Fatalf("%s: fresh build: %v", step, err)
	}
	built := fresh.snapshot()
	names := v.outputs()
	for name := range built {
		if !v.has(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		served, ok := v.session.File(name)
		want, inFresh := built[name]
		switch {
		case !ok:
			t.Errorf("%s: serve lacks %s", step, name)
		case !inFresh:
			t.Errorf("%s: serve holds %s, which a build does not write", step, name)
		case string(served) != want:
			t.Errorf("%s: serve's %s differs from a fresh build:\n%s", step, name, firstDifference(string(served), want))
		}
	}
}

// firstDifference shows where served and built first differ.
func firstDifference(served, built string) string {
	i := 0
	for i < len(served) && i < len(built) && served[i] == built[i] {
		i++
	}
	window := func(s string) string { return s[max(0, i-80):min(len(s), i+80)] }
	return "serve: …" + window(served) + "…\nbuild: …" + window(built) + "…"
}

// outputs lists every file served. Internal: a Session lists none.
func (v *testServe) outputs() []string {
	v.session.mu.RLock()
	defer v.session.mu.RUnlock()
	var names []string
	for name := range v.session.last.files {
		names = append(names, name)
	}
	return names
}

// converted builds the site without publishing it and returns the page
// from source, relative to content/, whose Content is its Markdown as
// converted, before any layout and minifying. Internal: no entry point
// gives a page.
func (s *testSite) converted(source string) (*page, error) {
	s.t.Helper()
	st, err := stage(s.root, filepath.Join(s.t.TempDir(), "public"))
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(st.discard)
	b := &builder{opts: s.opts, plan: plan{keep: true}, out: newOutput(st.dir, newMinifier())}
	if err := b.build(context.Background()); err != nil {
		return nil, err
	}
	p := b.loaded.bySrc[source]
	if p == nil {
		s.t.Fatalf("no page from %s", source)
	}
	return p, nil
}

// pageHTML is a built page's body as HTML, as converted before it is
// minified (converter.render), which is easier to read and to check.
func pageHTML(t *testing.T, p *page) string {
	t.Helper()
	plain := *p.convertBy
	plain.min = nil
	html, err := plain.recallContent(plain.render(p))
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
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

// mustDo fails the test on a setup step's error.
func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
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
