package metadata

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"coachbook/generator/diag"
)

// FuzzFrontmatter parses any file and checks that Parse never panics, that
// every error it or a Reader reports is placed at a line and column of the
// file, and that the body it returns is the end of the file. Its seeds,
// run with every go test, include alias bombs kept small enough to run in
// milliseconds; fuzz it with
//
//	go test ./generator/metadata -run '^$' -fuzz '^FuzzFrontmatter$' -parallel 1
func FuzzFrontmatter(f *testing.F) {
	for _, seed := range frontmatterSeeds {
		f.Add([]byte(seed))
	}
	// A deep bomb used by a few keys, and a shallow one used by many,
	// since each top-level key is decoded on its own.
	f.Add([]byte(aliasBomb(4, 8, 6)))
	f.Add([]byte(aliasBomb(2, 30, 60)))
	f.Add([]byte("---\ntitle: \"caf\xe9\"\n---\nBody\n"))
	f.Add([]byte("---\ntitle: a\x00b\n---\n"))
	const file = "content/f.md"
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, off, err := Parse(file, src)
		// Errors are placed in the frontmatter, from its opening line to
		// its closing one, or anywhere in a file whose frontmatter was not
		// found.
		block := lineRange{1, strings.Count(string(src), "\n") + 1}
		if err == nil || body != nil {
			if off < 0 || off > len(src) || !bytes.Equal(src[off:], body) {
				t.Fatalf("body %q at offset %d is not the end of the file\n%q", body, off, src)
			}
			if off > len(src)-len(bytes.TrimPrefix(src, []byte("\uFEFF"))) {
				block = lineRange{fm.open.Line, diag.Offset(file, src, off-1).Line}
			}
		}
		placed(t, "Parse", err, file, src, block)
		if err != nil {
			return
		}
		for _, key := range fm.keys {
			pos := fm.Pos(key)
			if pos.File != file || !positionInside(pos, src) || pos.Line <= block.first || pos.Line >= block.last {
				t.Fatalf("key %q placed at %s, outside the frontmatter's lines %d to %d\n%q", key, pos, block.first+1, block.last-1, src)
			}
		}
		// Read the keys a page reads, of every type, and the rest.
		r := fm.Reader()
		r.String("title")
		r.Int("weight")
		r.Bool("draft")
		r.Strings("tags")
		r.Require("title", "")
		r.Rest()
		placed(t, "Reader", r.Err(), file, src, block)
	})
}

// lineRange is the lines from first to last, inclusive.
type lineRange struct{ first, last int }

// placed fails t unless every error in err is a diag.Error inside src, on
// one of the lines of within.
func placed(t *testing.T, what string, err error, file string, src []byte, within lineRange) {
	t.Helper()
	if err == nil {
		return
	}
	errs := []error{err}
	var list diag.List
	if errors.As(err, &list) {
		errs = list
	}
	for _, e := range errs {
		var at *diag.Error
		if !errors.As(e, &at) || at.Pos.File != file || !positionInside(at.Pos, src) || at.Pos.Line < within.first || at.Pos.Line > within.last {
			t.Fatalf("%s: error not placed on lines %d to %d: %v\n%q", what, within.first, within.last, e, src)
		}
	}
}

// positionInside reports whether pos is a line and column of src: a
// column may be one past a line's last character, where a missing
// character would go.
func positionInside(pos diag.Position, src []byte) bool {
	lines := strings.Split(strings.TrimPrefix(string(src), "\uFEFF"), "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return false
	}
	return pos.Col >= 1 && pos.Col <= utf8.RuneCountInString(lines[pos.Line-1])+1
}

// aliasBomb returns YAML frontmatter whose anchors each repeat the one
// before fanOut times, levels deep, used by keys top-level keys: small
// to write, fanOut^levels values per key once expanded.
func aliasBomb(levels, fanOut, keys int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Bomb\nl0: &l0 [\"lol\"]\n")
	for level := 1; level <= levels; level++ {
		b.WriteString("l" + strconv.Itoa(level) + ": &l" + strconv.Itoa(level) + " [")
		for i := range fanOut {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + strconv.Itoa(level-1))
		}
		b.WriteString("]\n")
	}
	for k := range keys {
		b.WriteString("k" + strconv.Itoa(k) + ": *l" + strconv.Itoa(levels) + "\n")
	}
	b.WriteString("---\nBody\n")
	return b.String()
}

var frontmatterSeeds = []string{
	// Plain YAML and TOML, and no frontmatter at all.
	"---\ntitle: A workbook\ndescription: Say it\nweight: 3\ndraft: false\ntags: [career, values]\n---\n# Body\n",
	"+++\ntitle = \"A workbook\"\nweight = 3\ndraft = true\ntags = [\"a\", \"b\"]\n+++\n# Body\n",
	"# Just Markdown\n",
	"",
	"\n\n---\ntitle: after blank lines\n---\n",
	"\uFEFF---\ntitle: BOM\n---\nBody\n",
	"\uFEFF+++\ntitle = 'BOM'\n+++\n",
	"---\r\ntitle: CRLF\r\ntags:\r\n  - a\r\n---\r\nBody\r\n",
	"---\rtitle: CR only\r---\r",
	"---\ntitle: A\n", "+++\ntitle = 'A'\n", "---\n---\n", "+++\n+++\n", "---", "--- \ntitle: x\n--- \n", "----\ntitle: x\n----\n",
	// YAML anchors, aliases, merges and recursion.
	"---\na: &a [1, 2]\nb: *a\ntitle: *a\n---\n",
	"---\nbase: &base {title: T, weight: 2}\npage:\n  <<: *base\n  draft: true\n<<: *base\n---\n",
	"---\n&k title: x\n*k : y\n---\n",
	"---\na: &a [*a]\n---\n",
	"---\ntitle: *nowhere\n---\n",
	"---\na: &a\n  b: &b\n    c: *a\n---\n",
	"---\nx: &x [&y [&z [1]], *y, *z]\ntitle: *x\n---\n",
	// Tags, documents, odd keys and roots.
	"---\ntitle: !!binary aGVsbG8=\nweight: !!str 3\ndate: !!timestamp 2024-01-01\nx: !custom y\ns: !!set {a, b}\n---\n",
	"---\ntitle: !!python/object:os.system ls\nw: !!int nope\n---\n",
	"---\na: 1\n...\n---\nb: 2\n---\n",
	"---\n? [a, b]\n: c\n{x: 1}: y\n---\n",
	"---\n{title: flow, tags: [a, b]}\n---\n",
	"---\n- a\n- b\n---\n", "---\njust a string\n---\n", "---\n~\n---\n", "---\n'\n---\n", "---\n:\n---\n",
	"---\ntitle: A\ntitle: B\nTitle: C\n---\n",
	"---\ntitle: |\n  two\n  lines\nsummary: >-\n  folded\n  text\nx: |2-\n    indented\n---\n",
	"---\ntitle:\tA\n\tweight: 2\n---\n",
	"---\nweight: 0x1F\nw2: 0o17\nw3: 1e400\nw4: .inf\nw5: .nan\nw6: -0\nw7: 18446744073709551616\nw8: -9223372036854775809\n---\n",
	"---\ntitle: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n---\n",
	"---\ntitle: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: x}}}}}}}}}}}\n---\n",
	"---\ntitle: \"unterminated\nweight: 1\n---\n",
	"---\ntitle: 'it''s'\nx: \"\\u00e9\\x41\\U0001F600\"\ny: \"\\q\"\n---\n",
	"---\nétiquette: café\n日本語: テスト\ntags: [é, 😀]\n---\n",
	"---\n%YAML 1.2\n---\n", "---\n%TAG ! tag:x.example,2000:\n---\n", "---\n# only a comment\n---\n",
	"---\ntitle: a\n  b\n c: d\n---\n",
	// TOML tables, arrays, strings and errors.
	"+++\ntitle = \"T\"\n[params]\ncolour = \"red\"\n[[items]]\nname = \"a\"\n[[items]]\nname = \"b\"\n+++\n",
	"+++\na.b.c = 1\na.d = 2\n\"quoted.key\" = 3\n'lit' = 4\n[ x . y ]\nz = 5\n+++\n",
	"+++\ninline = { a = 1, b = { c = [1, 2, { d = 3 }] } }\ntags = [ [\"nested\"], [] ]\n+++\n",
	"+++\ntitle = \"\"\"\nmulti\nline\"\"\"\nlit = '''\nraw \\n'''\n+++\n",
	"+++\ndate = 1979-05-27T07:32:00-08:00\nlocal = 1979-05-27\ntime = 07:32:00\nf = inf\ng = nan\nh = 0xDEAD_BEEF\ni = 1e1000\n+++\n",
	"+++\ntitle = 'A'\ntitle = 'B'\n+++\n",
	"+++\n[a]\nx = 1\n[a]\ny = 2\n+++\n",
	"+++\na = 1\na.b = 2\n+++\n",
	"+++\ntitle = \n+++\n", "+++\n= 1\n+++\n", "+++\ntitle = \"é\nnext = 1\n+++\n", "+++\n[[[\n+++\n",
	"+++\n\"é\" = 1\nweight = 99999999999999999999\ndraft = \"yes\"\n+++\n",
	"+++\ntitle = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n+++\n",
	"+++\r\ntitle = 'CRLF'\r\n[t]\r\nx = 1\r\n+++\r\n",
	"+++\ntitle = \"日本語\" # comment ✓\n\t weight = 2\n+++\n",
}
