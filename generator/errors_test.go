package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput builds a good site, breaks it one way, and checks the
// message and its position, and that the previous output is intact.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, root string)
		want  []string // each line must appear in the error
	}{{
		name:  "unclosed frontmatter",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR practice\n\nSituation, Task, Action, Result.\n"},
		want:  []string{`content/interview/star.md:1:1: frontmatter opened with "---" is never closed`},
	}, {
		name:  "malformed YAML",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR practice\nduration: [30 min\n---\n"},
		want:  []string{"content/interview/star.md:3:1: invalid YAML frontmatter: did not find expected ',' or ']'"},
	}, {
		name:  "malformed TOML",
		files: map[string]string{"content/before/assessments.md": "+++\ntitle = \"Assessments\"\nweight = = 3\n+++\n"},
		want:  []string{"content/before/assessments.md:3:10: invalid TOML frontmatter"},
	}, {
		name:  "missing title",
		files: map[string]string{"content/interview/star.md": "---\nduration: 30 min\n---\nText\n"},
		want:  []string{"content/interview/star.md:1:1: title is required"},
	}, {
		name:  "duplicate key",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\nweight: 1\nweight: 2\n---\n"},
		want:  []string{`content/interview/star.md:4:1: duplicate key "weight": it is already set at content/interview/star.md:3:9`},
	}, {
		name:  "wrong type",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\nweight: abc\n---\n"},
		want:  []string{`content/interview/star.md:3:9: weight must be a whole number, not the text "abc"`},
	}, {
		name:  "invalid UTF-8",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\n---\nCaf\xe9 au lait\n"},
		want:  []string{"content/interview/star.md:4:4: invalid UTF-8"},
	}, {
		name:  "two pages claim one URL",
		files: map[string]string{"content/interview/STAR.md": "---\ntitle: Another STAR\n---\n"},
		want:  []string{"content/interview/star.md:1:1: interview/star/index.html would be written twice: content/interview/STAR.md:1:1 makes it too"},
	}, {
		name: "symlink out of the site",
		setup: func(t *testing.T, root string) {
			outside := filepath.Join(t.TempDir(), "secret.md")
			if err := os.WriteFile(outside, []byte("---\ntitle: Secret\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(root, "content/secret.md")); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
		},
		want: []string{"content/secret.md:1:1: symbolic link leads to /", "secret.md, outside content/; a link in content/ must lead to a file or folder inside it"},
	}, {
		name: "content folder linked out of the site",
		setup: func(t *testing.T, root string) {
			outside := filepath.Join(t.TempDir(), "workbooks")
			mustDo(t, os.Rename(filepath.Join(root, "content"), outside))
			symlink(t, outside, filepath.Join(root, "content"))
		},
		want: []string{"content:1:1: content/ is a symbolic link to /", "/workbooks, outside the site folder; it may lead only to a folder inside the site"},
	}, {
		name: "content folder linked to the site folder",
		setup: func(t *testing.T, root string) {
			mustDo(t, os.Rename(filepath.Join(root, "content"), filepath.Join(root, "src")))
			symlink(t, ".", filepath.Join(root, "content"))
		},
		want: []string{"content:1:1: content/ is a symbolic link to the site folder itself; it may lead only to a folder inside the site"},
	}, {
		// Each build published the last one again below content/loop/public.
		name:  "link to the site folder",
		setup: func(t *testing.T, root string) { symlink(t, "..", filepath.Join(root, "content/loop")) },
		want:  []string{"content/loop:1:1: symbolic link leads to the site folder itself, outside content/"},
	}, {
		name:  "link into the output",
		setup: func(t *testing.T, root string) { symlink(t, "../../public", filepath.Join(root, "content/before/old")) },
		want:  []string{"content/before/old:1:1: symbolic link leads to public, outside content/"},
	}, {
		name:  "link to a layout",
		files: map[string]string{"layouts/partials/private.html": "<p>not for publishing</p>"},
		setup: func(t *testing.T, root string) {
			symlink(t, "../layouts/partials/private.html", filepath.Join(root, "content/private.html"))
		},
		want: []string{"content/private.html:1:1: symbolic link leads to layouts/partials/private.html, outside content/"},
	}, {
		name:  "link to a hidden file",
		files: map[string]string{"content/.private/notes.md": "---\ntitle: Private notes\n---\n"},
		setup: func(t *testing.T, root string) {
			symlink(t, ".private/notes.md", filepath.Join(root, "content/notes.md"))
		},
		want: []string{"content/notes.md:1:1: symbolic link leads to content/.private/notes.md, a hidden file that a build never publishes"},
	}, {
		name: "static link out of static",
		setup: func(t *testing.T, root string) {
			symlink(t, "../content/_index.md", filepath.Join(root, "static/settings.md"))
		},
		want: []string{"static/settings.md:1:1: symbolic link leads to content/_index.md, outside static/; a link in static/ must lead to a file or folder inside it"},
	}, {
		name: "asset link out of assets",
		setup: func(t *testing.T, root string) {
			symlink(t, "../public/index.html", filepath.Join(root, "assets/page.html"))
		},
		want: []string{"assets/page.html:1:1: symbolic link leads to public/index.html, outside assets/"},
	}, {
		name: "theme link out of its folder",
		files: map[string]string{
			"content/_index.md":            "---\ntitle: Careers\ntheme: mine\n---\n",
			"themes/mine/static/notes.txt": "fine\n",
		},
		setup: func(t *testing.T, root string) {
			symlink(t, "../../../content/_index.md", filepath.Join(root, "themes/mine/static/settings.md"))
		},
		want: []string{"themes/mine/static/settings.md:1:1: symbolic link leads to content/_index.md, outside themes/mine/static/"},
	}, {
		// A folder " .." slugs to "..": its collection page was written
		// over the home page, in an order that changed from build to build.
		name:  "folder of dots",
		setup: writeFile("content/interview/ ../_index.md", "---\ntitle: Over the home page\n---\n"),
		want:  []string{`content/interview/ ..:1:1: the name " .." makes the URL segment "..", which cannot name a page's folder; rename it`},
	}, {
		name:  "folder of spaces",
		setup: writeFile("content/   /welcome.md", "---\ntitle: Welcome again\n---\n"),
		want:  []string{`content/   :1:1: the name "   " makes no URL segment, having nothing but spaces; rename it`},
	}, {
		name:  "workbook named with a space",
		setup: writeFile("content/interview/ .md", "---\ntitle: Over the collection\n---\n"),
		want:  []string{`content/interview/ .md:1:1: the name " .md" makes no URL segment, having nothing but spaces; rename it`},
	}, {
		name:  "workbook named with dots at the root",
		setup: writeFile("content/ ...md", "---\ntitle: Above the site\n---\n"),
		want:  []string{`content/ ...md:1:1: the name " ...md" makes the URL segment "..", which cannot name a page's folder; rename it`},
	}, {
		name:  "file in a folder of dots",
		setup: writeFile("content/ ./cv.docx", "not a page"),
		want:  []string{`content/ .:1:1: the name " ." makes the URL segment ".", which cannot name a page's folder; rename it`},
	}, {
		name:  "broken page link",
		files: map[string]string{"content/welcome.md": "---\ntitle: Welcome\n---\nSee [STAR](interview/stars.md).\n"},
		want:  []string{`content/welcome.md:4:12: link "interview/stars.md" leads to content/interview/stars.md, which does not exist`},
	}, {
		name:  "broken file link",
		files: map[string]string{"content/welcome.md": "---\ntitle: Welcome\n---\n\nDownload the [template](/files/cv.docx).\n"},
		want:  []string{"content/welcome.md:5:25: broken link: /files/cv.docx is not in the built site"},
	}, {
		name:  "link out of content",
		files: map[string]string{"content/welcome.md": "---\ntitle: Welcome\n---\n[x](../../etc/passwd)\n"},
		want:  []string{`content/welcome.md:4:5: link "../../etc/passwd" leads outside content/`},
	}, {
		name:  "bad settings",
		files: map[string]string{"content/_index.md": "---\ntitle: Careers\nbaseURL: ftp://example.edu\naccent: \"red; background: url(x)\"\ncontact: someone\nlanguage: english!\nbaseUrl: /x/\n---\n"},
		want: []string{
			`content/_index.md:3:10: baseURL "ftp://example.edu" must be a full http(s) URL`,
			`content/_index.md:4:9: accent "red; background: url(x)" is not a CSS colour`,
			`content/_index.md:5:10: contact "someone" must be an email address or an http(s) URL`,
			`content/_index.md:6:11: language "english!" is not a language tag`,
			`content/_index.md:7:10: unknown key "baseUrl": did you mean "baseURL"?`,
		},
	}, {
		name:  "unknown theme",
		files: map[string]string{"content/_index.md": "---\ntitle: Careers\ntheme: fancy\n---\n"},
		want:  []string{`content/_index.md:3:8: theme "fancy" not found: there is no folder themes/fancy in the site`},
	}, {
		name:  "missing logo",
		files: map[string]string{"content/_index.md": "---\ntitle: Careers\nlogo: crest.svg\n---\n"},
		want:  []string{`content/_index.md:3:7: logo "crest.svg" not found: put the image at static/crest.svg`},
	}, {
		name:  "bad workbook id",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\nid: \"star practice!\"\n---\n"},
		want:  []string{`content/interview/star.md:3:5: id "star practice!" may hold only letters`},
	}, {
		name:  "duplicate workbook id",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\nid: before/drive\n---\n"},
		want:  []string{`content/interview/star.md:3:5: workbook id "before/drive" is already used by content/before/drive.md:1:1`},
	}, {
		name:  "template syntax error",
		files: map[string]string{"layouts/workbook.html": "{{define \"main\"}}\n<h1>{{.Title}</h1>\n{{end}}\n"},
		want:  []string{"layouts/workbook.html:2: bad character U+007D '}'"},
	}, {
		name:  "template execution error",
		files: map[string]string{"layouts/workbook.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n  <p>{{.Nope}}</p>\n{{end}}\n"},
		want:  []string{`layouts/workbook.html:3:7: executing "main" at <.Nope>: can't evaluate field Nope in type *generator.page (rendering content/welcome.md and 4 other pages)`},
	}, {
		name:  "template escaping error",
		files: map[string]string{"layouts/workbook.html": "{{define \"main\"}}\n<a href=\"{{.URL}}\n{{end}}\n"},
		// The escaper follows the unclosed quote into base.html and reports it there.
		want: []string{`themes/default/layouts/base.html: "\"" in attribute name`, "(rendering content/welcome.md and 4 other pages)"},
	}, {
		name: "several errors at once",
		files: map[string]string{
			"content/interview/star.md":    "---\ntitle: STAR\nweight: abc\n---\n",
			"content/before/drive.md":      "---\ndescription: no title\n---\n",
			"content/before/reflection.md": "---\ntitle: x\n",
		},
		want: []string{
			"content/before/drive.md:1:1: title is required",
			`content/before/reflection.md:1:1: frontmatter opened with "---" is never closed`,
			"content/interview/star.md:3:9: weight must be a whole number",
		},
	}, {
		name:  "frontmatter of aliases",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\nl: &l [" + strings.Repeat("x, ", 999) + "x]\n" + strings.Repeat("m: *l\n", 10) + "---\n"},
		want:  []string{"content/interview/star.md:12:4: the frontmatter stands for more than 10000 values once its aliases (*name) are expanded"},
	}, {
		name:  "frontmatter too large",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\ndescription: " + strings.Repeat("a", 300<<10) + "\n---\n"},
		want:  []string{"content/interview/star.md:1:1: the frontmatter is 301 KB, more than the 256 KB coachbook reads"},
	}, {
		name:  "page too large",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\n---\n" + strings.Repeat("Situation, task, action, result.\n", 40000)},
		want:  []string{"content/interview/star.md:1:1: the file is 1.3 MB, more than the 1 MB a page may be"},
	}, {
		name:  "lists nested too deep",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\n---\nIntro\n\n" + nestedList(40)},
		want:  []string{"content/interview/star.md:22:33: lists and quotes are nested more than 16 deep here"},
	}, {
		name:  "list markers on one line",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\n---\n" + strings.Repeat("> - ", 20) + "deep\n"},
		want:  []string{"content/interview/star.md:4:33: lists and quotes are nested more than 16 deep here"},
	}, {
		name:  "brackets left open",
		files: map[string]string{"content/interview/star.md": "---\ntitle: STAR\n---\nOne \\[ escaped, then\n" + strings.Repeat("[", 17) + "a\n"},
		want:  []string{`content/interview/star.md:5:17: more than 16 brackets "[" are open at once here`},
	}, {
		name:  "file name that makes no workbook ID",
		files: map[string]string{"content/interview/q&a.md": "---\ntitle: Questions and answers\n---\n"},
		want:  []string{`content/interview/q&a.md:1:1: the file's name gives the workbook ID "interview/q&a", which may hold only letters, digits, '.', '-', '_' and '/', and must start with a letter or digit: rename the file, or set an id in its frontmatter`},
	}, {
		name:  "file name with an apostrophe",
		files: map[string]string{"content/what's next.md": "---\ntitle: What next\n---\n"},
		want:  []string{`content/what's next.md:1:1: the file's name gives the workbook ID "what's-next"`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, careerSite)
			s.build()
			before := s.snapshot()
			for name, content := range tt.files {
				s.write(name, content)
			}
			if tt.setup != nil {
				tt.setup(t, s.root)
			}
			out := s.buildErr()
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("error output\n%s\ndoes not contain\n%s", out, want)
				}
			}
			s.assertUnchanged(before)
		})
	}
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

// TestSourceChangedDuringTheBuild edits a workbook between its loading and
// its conversion, as an editor saving mid-build does: a new body is simply
// converted, and a new frontmatter, which the listings and links were made
// from, fails the page rather than publishing a page that disagrees.
func TestSourceChangedDuringTheBuild(t *testing.T) {
	s := newTestSite(t, "-- content/a.md --\n---\ntitle: A\n---\nFirst body.\n")
	file := filepath.Join(s.root, "content", "a.md")
	settings := defaultSettings()
	settings.markdown = newMarkdown(false, nil, nil)
	head := "---\ntitle: A\n---\n"
	convert := func(now string) *conversion {
		t.Helper()
		if err := os.WriteFile(file, []byte(now), 0o644); err != nil {
			t.Fatal(err)
		}
		// As a build to disk holds it: its frontmatter, not its source.
		p := &page{Kind: kindWorkbook, Site: settings, source: "content/a.md", file: file,
			hasBody: true, bodyOff: len(head), head: []byte(head)}
		return p.converted()
	}
	if conv := convert(head + "A new body.\n"); conv.errs.Err() != nil || !strings.Contains(string(conv.html), "A new body.") {
		t.Errorf("a body changed mid-build gave %q, %v", conv.html, conv.errs.Err())
	}
	conv := convert("---\ntitle: B\n---\nFirst body.\n")
	if err := conv.errs.Err(); err == nil || !strings.Contains(err.Error(), "content/a.md:2:8: the frontmatter changed during the build; build again") {
		t.Errorf("a frontmatter changed mid-build gave %v", err)
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
