package generator

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestBadInput builds a good site, breaks it one way, and checks the
// message and its position, and that the previous output is intact. Each
// case is a testdata/errors/*.txtar archive, run alone with
// -run TestBadInput/NAME:
//
//   - files named by path are written into the career site after its
//     first build, and files under outside/ into a folder outside it;
//   - an optional "setup" section runs one step a line, for what an
//     archive cannot hold (see runSetup);
//   - the "want" section lists lines that must each appear in the error.
func TestBadInput(t *testing.T) {
	for _, file := range casesIn(t, "testdata/errors") {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			c := readCase(t, file)
			s := newTestSite(t, careerSite)
			s.build()
			before := s.snapshot()
			outside := t.TempDir()
			for _, f := range c.files {
				if name, ok := strings.CutPrefix(f.Name, "outside/"); ok {
					writeFileIn(t, outside, name, f.Data)
				} else {
					s.write(f.Name, string(f.Data))
				}
			}
			runSetup(s, outside, c.setup)
			s.expectErrors(c.want...)
			s.assertUnchanged(before)
		})
	}
}

// siteCase is one testdata archive of TestBadInput or TestWarnings: the
// files it writes, its setup steps, and the lines it wants reported.
type siteCase struct {
	files []txtar.File
	setup string
	want  []string
}

// casesIn returns the archives in dir, failing if there are none.
func casesIn(t *testing.T, dir string) []string {
	t.Helper()
	cases, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in %s: %v", dir, err)
	}
	return cases
}

// readCase reads one archive, failing if it wants nothing.
func readCase(t *testing.T, file string) siteCase {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var c siteCase
	for _, f := range ar.Files {
		switch f.Name {
		case "setup":
			c.setup = string(f.Data)
		case "want":
			for _, line := range strings.Split(string(f.Data), "\n") {
				if line != "" {
					c.want = append(c.want, line)
				}
			}
		default:
			c.files = append(c.files, f)
		}
	}
	if len(c.want) == 0 {
		t.Fatal("the case has no want section")
	}
	return c
}

// runSetup runs a case's setup steps in the site at root, one a line:
//
//	symlink TARGET NAME  links NAME to TARGET, skipping where links fail
//	rename OLD NEW       renames a file or folder
//	write NAME TEXT...   writes NAME, for names txtar cannot hold
//
// Arguments are bare words or Go-quoted strings; a TEXT may be N*"text",
// the text N times, for bodies too large to keep. $OUTSIDE stands for the
// folder outside the site; NAME, OLD and NEW are relative to the site.
func runSetup(s *testSite, outside, setup string) {
	t := s.t
	t.Helper()
	for _, line := range strings.Split(setup, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		args := setupArgs(t, strings.ReplaceAll(line, "$OUTSIDE", filepath.ToSlash(outside)))
		inSite := func(name string) string {
			if filepath.IsAbs(name) {
				return name
			}
			return s.path(name)
		}
		switch {
		case args[0] == "symlink" && len(args) == 3:
			symlink(t, filepath.FromSlash(args[1]), inSite(args[2]))
		case args[0] == "rename" && len(args) == 3:
			mustDo(t, os.Rename(inSite(args[1]), inSite(args[2])))
		case args[0] == "write" && len(args) >= 2:
			s.write(args[1], strings.Join(args[2:], ""))
		default:
			t.Fatalf("setup: cannot run %q", line)
		}
	}
}

// setupArgs splits a setup line into its words and unquoted strings,
// expanding N*"text".
func setupArgs(t *testing.T, line string) []string {
	t.Helper()
	var args []string
	for rest := strings.TrimSpace(line); rest != ""; rest = strings.TrimSpace(rest) {
		times := 1
		if star := strings.Index(rest, "*\""); star > 0 && !strings.ContainsAny(rest[:star], " \"") {
			n, err := strconv.Atoi(rest[:star])
			if err != nil {
				t.Fatalf("setup: %q: %v", line, err)
			}
			times, rest = n, rest[star+1:]
		}
		if !strings.HasPrefix(rest, "\"") {
			word, after, _ := strings.Cut(rest, " ")
			args, rest = append(args, word), after
			continue
		}
		quoted, err := strconv.QuotedPrefix(rest)
		if err != nil {
			t.Fatalf("setup: %q: %v", line, err)
		}
		text, _ := strconv.Unquote(quoted)
		args, rest = append(args, strings.Repeat(text, times)), rest[len(quoted):]
	}
	return args
}

// TestSourceChangedDuringTheBuild edits a workbook between its loading and
// its conversion, as an editor saving mid-build does: a new body is simply
// converted, and a new frontmatter, which the listings and links were made
// from, fails the page rather than publishing a page that disagrees.
func TestSourceChangedDuringTheBuild(t *testing.T) {
	s := newTestSite(t, "-- content/a.md --\n---\ntitle: A\n---\nFirst body.\n")
	// The edit lands as the workbook starts rendering; the other pages,
	// which may convert it for their listings, wait for it.
	editWhileRendering := func(now string) {
		edited := make(chan struct{})
		s.opts.renderHook = func(source string, render func()) {
			if source == "content/a.md" {
				s.write(source, now)
				close(edited)
			}
			await(t, edited, "the workbook to be edited")
			render()
		}
	}
	editWhileRendering("---\ntitle: A\n---\nA new body.\n")
	s.build()
	s.assertFile("a/index.html", "A new body.")
	editWhileRendering("---\ntitle: B\n---\nFirst body.\n")
	s.write("content/a.md", "---\ntitle: A\n---\nFirst body.\n")
	s.expectErrors("content/a.md:2:8: the frontmatter changed during the build; build again")
}

// TestContentOfAChangedPageIsAnError has a listing show a workbook's
// content after the workbook was written and its HTML let go, once the
// workbook's frontmatter changed on disk: the build fails at the change,
// rather than publishing a listing without the workbook's content.
func TestContentOfAChangedPageIsAnError(t *testing.T) {
	s := newTestSite(t, `-- content/a.md --
---
title: A
---
The body of A.
-- layouts/partials/workbook-list.html --
{{range .}}<article>{{.Title}} {{.Content}}</article>{{end}}
`)
	s.build()
	before := s.snapshot()
	written := make(chan struct{}) // Workbooks render first, but maybe beside the listings.
	s.opts.renderHook = func(source string, render func()) {
		switch source {
		case "content/a.md":
			render()
			close(written)
			return
		case "content/_index.md":
			<-written
			s.write("content/a.md", "---\ntitle: B\n---\nThe body of A.\n")
		}
		render()
	}
	s.expectErrors("content/a.md:2:8: the frontmatter changed during the build; build again")
	s.assertUnchanged(before)
}
