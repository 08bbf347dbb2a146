package metadata

import "testing"

// TestTOMLMistakes has one case for each mistake tomlmistakes.go explains,
// and one it does not know.
func TestTOMLMistakes(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"text without quotes", "+++\ntitle = Before your session\n+++\n",
			`a.md:2:9: invalid TOML frontmatter: the title is text, which TOML writes in quotes: title = "Before your session"`},
		{"a hash", "+++\ntitle = \"A\"\naccent = #7a3e9d\n+++\n",
			`a.md:3:10: invalid TOML frontmatter: TOML reads # as the start of a comment; put the accent in quotes: accent = "#7a3e9d"`},
		{"no value", "+++\ntitle = \n+++\n",
			`a.md:2:9: invalid TOML frontmatter: title has no value: write title = "…", or leave the line out`},
		{"written as YAML", "+++\ntitle: Before your session\n+++\n",
			`a.md:2:1: invalid TOML frontmatter: TOML frontmatter, between +++ lines, writes key = value, not key: value: write title = "Before your session", or open and close the frontmatter with --- to write YAML`},
		{"unclosed quote", "+++\ntitle = \"Before your session\ndescription = \"x\"\n+++\n",
			`a.md:2:9: invalid TOML frontmatter: the quote opened at 2:9 is never closed; close it with " at the end of the value`},
		{"backslash", "+++\ntitle = \"C:\\Users\"\n+++\n",
			`a.md:2:12: invalid TOML frontmatter: in double quotes a backslash starts an escape such as \n; write \\ for a backslash, or use single quotes: title = 'C:\Users'`},
		{"key set twice", "+++\ntitle = 'A'\n\ntitle = 'B'\n+++\n",
			"a.md:4:1: invalid TOML frontmatter: title is set twice (lines 2 and 4); keep one"},
		{"text after the closing quote", "+++\ntitle = 'it's'\n+++\n",
			`a.md:2:12: invalid TOML frontmatter: the quote closes before the end of the title; put the whole title in quotes: title = "it's"`},
		{"other problem", "+++\ntitle = 'A'\nweight = = 3\n+++\n",
			"a.md:3:10: invalid TOML frontmatter: toml: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := Parse("a.md", []byte(tt.src))
			if err == nil || !hasPrefix(err.Error(), tt.want) {
				t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
			}
		})
	}
}
