package metadata

import (
	"fmt"
	"strings"
	"testing"
)

// TestYAMLMistakes has one case for each mistake that yamlmistakes.go
// explains, and one for a problem it does not know, which keeps the
// YAML library's words at the right line. Each src is a whole file.
func TestYAMLMistakes(t *testing.T) {
	tests := []struct{ name, src, want string }{
		// mapping values are not allowed in this context
		{"colon in a value", "---\ntitle: Before your session: a primer\n---\n",
			`a.md:2:27: the title holds ': ', which YAML reads as another key; put the title in quotes: title: "Before your session: a primer"`},
		{"colon ending a value", "---\ndescription: x\ntitle: Three steps:\n---\n",
			`a.md:3:19: the title holds ':', which YAML reads as another key; put the title in quotes: title: "Three steps:"`},
		{"colon in a value with quotes", "---\ntitle: The \"why\": a primer\n---\n",
			`a.md:2:17: the title holds ': ', which YAML reads as another key; put the title in quotes: title: 'The "why": a primer'`},
		{"indented key", "---\ntitle: A\n  description: B\n---\n",
			"a.md:3:3: description: is indented more than title: above, so YAML reads it as part of the title; start it in the same column as title:"},
		// found unexpected end of stream (while scanning a quoted scalar)
		{"unclosed quote", "---\ntitle: \"Before your session\ndescription: x\nweight: 3\n---\n",
			`a.md:2:8: the quote opened at 2:8 is never closed; close it with " at the end of the value`},
		{"unclosed single quote", "---\ndescription: x\ntitle: 'Before your session\n---\n",
			`a.md:3:8: the quote opened at 3:8 is never closed; close it with ' at the end of the value`},
		{"unclosed quote closed by the next value", "---\ntitle: \"Before your session\ndescription: \"A primer\"\n---\n",
			`a.md:2:8: the quote opened at 2:8 is never closed; close it with " at the end of the value`},
		// did not find expected key
		{"text after the closing quote", "---\ntitle: \"Hello\" world\n---\n",
			`a.md:2:14: the quote closes before the end of the title; put the whole title in quotes: title: '"Hello" world'`},
		{"apostrophe in single quotes", "---\ntitle: 'it's'\n---\n",
			`a.md:2:11: the quote closes before the end of the title; put the whole title in quotes: title: "it's"`},
		{"indentation that matches nothing", "---\ntitle: A\ntags:\n  - a\n - b\n---\n",
			"a.md:5:2: this line is indented by 1 space, which matches no line above it; YAML groups lines by their indentation: line it up with the lines it belongs with"},
		// found a tab character that violates indentation; found character that cannot start any token
		{"tab indentation", "---\ntitle: A\n\tdescription: x\n---\n",
			"a.md:3:1: YAML does not allow tabs for indentation; use spaces"},
		{"tab on the first line", "---\n\ttitle: A\n---\n",
			"a.md:2:1: YAML does not allow tabs for indentation; use spaces"},
		{"reserved character", "---\ntitle: @home\n---\n",
			`a.md:2:8: YAML does not allow a value to start with @; put the title in quotes: title: "@home"`},
		{"alias character", "---\ntitle: *Important* things\n---\n",
			`a.md:2:8: YAML reads a value that starts with * as a reference to another value; put the title in quotes: title: "*Important* things"`},
		{"brackets", "---\ntitle: [Draft] Intro\n---\n",
			`a.md:2:8: YAML reads a value that starts with [ as a list; put the title in quotes: title: "[Draft] Intro"`},
		{"block indicator", "---\ntitle: > Hello\n---\n",
			`a.md:2:8: YAML reads a value that starts with > as the start of a block of lines; put the title in quotes: title: "> Hello"`},
		// did not find expected ',' or ']'
		{"unclosed list", "---\ntitle: A\ntags: [a, b\n---\n",
			"a.md:3:7: the list opened with [ at 3:7 is never closed; close it with ]"},
		// could not find expected ':'
		{"line without a key", "---\ntitle: A\njust some text\n---\n",
			"a.md:3:1: this line is not key: value; write a key and a colon before it, or, if it goes on from the line above, indent it"},
		// block sequence entries are not allowed in this context
		{"list item after a key", "---\ntitle: A\ntags: - a\n---\n",
			"a.md:3:7: a list item starts a line of its own; write tags: alone and the item on the next line, indented: - a"},
		// did not find expected hexdecimal number; found unknown escape character
		{"backslash", "---\ntitle: \"C:\\Users\"\n---\n",
			`a.md:2:11: in double quotes a backslash starts an escape such as \n; write \\ for a backslash, or use single quotes: title: 'C:\Users'`},
		// duplicates
		{"key set twice", "---\ntitle: A\ndescription: x\n\ntitle: B\n---\n",
			"a.md:5:1: title is set twice (lines 2 and 5); keep one"},
		{"nested key set twice", "---\ntitle: A\nx:\n  a: 1\n  a: 2\n---\n",
			"a.md:5:3: x: a is set twice (lines 4 and 5); keep one"},
		// something else
		{"other problem", "---\ntitle: A\ndescription: !<x A\n---\n",
			"a.md:3:1: YAML could not read this line: did not find the expected '>'; check its quotes and indentation"},
		{"wrong type", "---\ntitle: A\nx: !!int abc\n---\n",
			"a.md:3:4: x: cannot decode !!str `abc` as a !!int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, _, _, err := Parse("a.md", []byte(tt.src))
			if err == nil {
				r := fm.Reader()
				r.String("title")
				r.Rest()
				err = r.Err()
			}
			if err == nil || !hasPrefix(err.Error(), tt.want) {
				t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
			}
		})
	}
}

// TestCommentedOutValue reports a key whose value YAML reads as empty
// because a '#' started a comment, at the '#'.
func TestCommentedOutValue(t *testing.T) {
	tests := []struct{ src, want string }{
		{"---\ntitle: A\naccent: #7a3e9d\n---\n", `a.md:3:9: accent: the value is empty because # starts a comment in YAML; put it in quotes: accent: "#7a3e9d"`},
		{"---\ntitle: A\nparams:\n  label:   # 3 steps  \n---\n", `a.md:4:12: label: the value is empty because # starts a comment in YAML; put it in quotes: label: "# 3 steps"`},
	}
	for _, tt := range tests {
		_, _, _, err := Parse("a.md", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
	// A comment after a value, or on a key that opens a nested block, is
	// no mistake.
	for _, src := range []string{"---\ntitle: A # the title\nparams: # more\n  a: 1\ntags: # none\n  - x\n---\n", "---\ntitle: A\nempty:\n---\n"} {
		if _, _, _, err := Parse("a.md", []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

// TestYAMLMistakesAfterGoodLines puts a mistake after each kind of line
// that YAML reads well, however unusual: the mistake is found, not the
// good line before it.
func TestYAMLMistakesAfterGoodLines(t *testing.T) {
	good := []string{
		"description: |\n  Note: this\n\n  # not a comment\n",
		"description: >-\n  folded: text\n  more\n",
		"description: a long value\n  that goes on: here\n"[:len("description: a long value\n")] + "  that goes on here\n",
		"params:\n  a: 1\n  b:\n    - x\n    - y: z\n      w: v\n",
		"tags:\n- a\n- b\n",
		"tags: [a, 'b: c', \"d, e\"]\n",
		"x: {a: 1, b: [2, 3]}\n",
		"tags: [a,\n  b]\n",
		"title: \"a\n  b\"\n",
		"link: https://example.org/a?b=c#d\n",
		"time: 10:30\n",
		"title: C# basics # a comment: with a colon\n",
		"title: 'it''s'\n",
		"a: &x 1\nb: *x\n",
		"# a comment\n  # an indented one\n",
		"\"my key\": v\n'other': w\n",
		"title: A - B\n",
		"title: A\n\n\nweight: 2\n",
		"tags: # none yet\n  - x\n",
		"description: \"say \\\"hi\\\" \\u00e9\"\n",
		"list:\n  - - a\n    - b\n  - c\n",
		"empty:\nnext: 1\n",
	}
	for _, g := range good {
		src := "---\n" + g + "bad: one: two\n---\n"
		line := 2 + strings.Count(g, "\n")
		_, _, _, err := Parse("a.md", []byte(src))
		want := fmt.Sprintf("a.md:%d:9: the bad holds ': '", line)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q:\n got %v\nwant %s", src, err, want)
		}
	}
}
