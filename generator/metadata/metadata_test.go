package metadata

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unclosed yaml", "\n---\ntitle: A\n\nBody text\n", "a.md:2:1: frontmatter opened with \"---\" is never closed"},
		{"unclosed toml", "+++\ntitle = 'A'\n", "a.md:1:1: frontmatter opened with \"+++\" is never closed"},
		{"bad yaml", "---\ntitle: A\n  weight: [1\n---\n", "a.md:3:3: weight: is indented more than title: above"},
		{"bad toml", "+++\ntitle = 'A'\nweight = \n+++\n", "a.md:3:"},
		{"yaml duplicate", "---\ntitle: A\ntitle: B\n---\n", "a.md:3:1: title is set twice (lines 2 and 3); keep one"},
		{"toml duplicate", "+++\ntitle = 'A'\ntitle = 'B'\n+++\n", "a.md:3:1: invalid TOML frontmatter"},
		{"not a mapping", "---\n- a\n- b\n---\n", "a.md:2:1: frontmatter must be a mapping"},
		{"invalid utf8", "---\ntitle: \"caf\xe9\"\n---\n", "a.md:2:12: invalid UTF-8"},
		{"lone carriage return", "---\r\ntitle: a\r\r  b: c\n---\n", "a.md:2:9: a carriage return without a line feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := Parse("a.md", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n %s\nwant prefix\n %s", err, tt.want)
			}
		})
	}
}

func TestReaderTypes(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: 7\nweight: abc\ndraft: \"yes\"\ntags: [1, 2]\n---\n",
		"+++\ntitle = 7\nweight = \"abc\"\ndraft = \"yes\"\ntags = [1, 2]\n+++\n",
	} {
		fm, _, _, err := Parse("a.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		r := fm.Reader()
		r.String("title")
		r.Int("weight")
		r.Bool("draft")
		r.Strings("tags")
		got := r.Err()
		if got == nil {
			t.Fatal("no type errors")
		}
		want := []string{
			"a.md:2:9: title must be text, not the number 7",
			"a.md:3:10: weight must be a whole number, not the text \"abc\"",
			"a.md:4:9: draft must be true or false, not the text \"yes\"",
			"a.md:5:8: tags must be a list of texts, not a list",
		}
		if src[0] == '-' {
			want = []string{
				"a.md:2:8: title must be text, not the number 7",
				"a.md:3:9: weight must be a whole number, not the text \"abc\"",
				"a.md:4:8: draft must be true or false, not the text \"yes\"",
				"a.md:5:7: tags must be a list of texts, not a list",
			}
		}
		if g := got.Error(); g != strings.Join(want, "\n") {
			t.Errorf("errors:\n%s\nwant:\n%s", g, strings.Join(want, "\n"))
		}
	}
}

func TestBodyOffsetAndBOM(t *testing.T) {
	src := "\uFEFF---\ntitle: Hello\n---\n# Body\n"
	fm, body, off, err := Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != "# Body\n" || src[off:] != "# Body\n" {
		t.Errorf("body %q at %d", body, off)
	}
	r := fm.Reader()
	if got := r.String("title"); got != "Hello" {
		t.Errorf("title %q", got)
	}
}

func TestNoFrontmatter(t *testing.T) {
	for _, src := range []string{"# Just Markdown\n", "{\"title\": \"json is not frontmatter\"}\n\nText\n", ""} {
		fm, body, off, err := Parse("a.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if string(body) != src || off != 0 || fm.Has("title") {
			t.Errorf("%q: body %q off %d", src, body, off)
		}
	}
}

func TestRestReportsCaseTypos(t *testing.T) {
	fm, _, _, err := Parse("a.md", []byte("---\nbaseUrl: x\ncolour: red\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := fm.Reader()
	r.String("baseURL")
	rest := r.Rest()
	if rest["colour"] != "red" {
		t.Errorf("rest %v", rest)
	}
	if err := r.Err(); err == nil || err.Error() != `a.md:2:10: unknown key "baseUrl": did you mean "baseURL"?` {
		t.Errorf("err %v", err)
	}
}

func TestNestedPositions(t *testing.T) {
	tests := []struct{ src, want string }{
		{"---\ntitle: A\nx:\n  a: 1\n  a: 2\n---\n", "a.md:5:3: x: a is set twice (lines 4 and 5); keep one"},
		{"+++\ntitle = \"a\"\ndescription = \"b\"\n\n[weight]\nx = 1\n+++\n", "a.md:5:2: weight must be a whole number, not a mapping"},
		{"---\ntitle: A\nweight: 18446744073709551615\n---\n", "a.md:3:9: weight is too large: 18446744073709551615"},
		{"\n\n---\ntitle: A\nweight: *x\n---\n", "a.md:5:9: YAML reads *x as a reference to a value named &x, and there is none; if the star is part of the text, put the value in quotes"},
	}
	for _, tt := range tests {
		fm, _, _, err := Parse("a.md", []byte(tt.src))
		if err == nil {
			r := fm.Reader()
			r.String("title")
			r.String("description")
			r.Int("weight")
			err = r.Err()
		}
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

// TestKeyWithoutValue places a key written with no value at the key, not
// where YAML puts the missing value: after it, on the closing "---".
func TestKeyWithoutValue(t *testing.T) {
	for _, src := range []string{"---\n? title\n---\n", "---\ntitle:\n---\n"} {
		fm, _, _, err := Parse("a.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		r := fm.Reader()
		r.Require("title", r.String("title"))
		if got := r.Err(); got == nil || !strings.HasPrefix(got.Error(), "a.md:2:") {
			t.Errorf("%q: %v, want an error on line 2", src, got)
		}
	}
}
