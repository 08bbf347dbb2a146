package metadata

import (
	"coachbook/generator/diag"

	"reflect"
	"testing"
)

// plainYAMLSeeds are blocks decodePlainYAML takes, and blocks it must
// leave to the YAML library because one character or word changes what
// they mean.
var plainYAMLSeeds = []string{
	"title: Workbook 0\ndescription: progress plan, change and review.\nweight: 1\nduration: 27 min\ntags: [reality, answer]\n",
	"title: Préparer l’entretien — étape 1\nsummary: Pourquoi «ce» poste ?\n\nweight: 10\n",
	"title: يوم العمل\nid: prep/star-2\n",
	"title: a\ntitle: b\n",
	"weight: 007\n", "weight: 1234567890\n", "weight: 0x1F\n", "weight: 1e3\n", "weight: 1_000\n", "weight: -3\n",
	"draft: yes\n", "draft: True\n", "draft: NULL\n", "draft: off\n", "draft: y\n",
	"date: 2026-11-30\n", "time: 12:30\n", "title: a: b\n", "title: a #b\n", "title: a  b\n", "title: a \n",
	"title: 'quoted'\n", "title: \"quoted\"\n", "title: *alias\n", "title: &anchor a\n", "title: !tag a\n",
	"title: |\n  block\n", "title: >\n  folded\n", "title:\n  - a\n", "title: a\n  continued\n", "  title: a\n",
	"tags: []\n", "tags: [a,b]\n", "tags: [ a, b ]\n", "tags: [a, [b]]\n", "tags: [a, yes]\n", "tags: [a, 2]\n", "tags: [a b, c]\n",
	"title: a\r\nweight: 1\r\n", "title: a\tb\n", "title: a\u00a0b\n", "title: a\u2028b\n", "title: \u00e9t\u00e9\n",
	"key-name_2: value\n", "2key: value\n", "title: [a, b\n", "title: 27\u00a0min\n", "title: 27 \n", "title: 27 28\n",
	"# a comment\ntitle: a\n", "title: a # comment\n", "---\ntitle: a\n", "title: a%\n", "title: 100% sure\n",
}

// FuzzPlainYAML holds decodePlainYAML to the YAML library: a block it
// takes must decode with the library to the same keys, values and
// positions, without error.
//
//	go test ./generator/metadata -run '^$' -fuzz '^FuzzPlainYAML$'
func FuzzPlainYAML(f *testing.F) {
	for _, seed := range plainYAMLSeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, block []byte) {
		plain := &Frontmatter{file: "f.md", values: map[string]any{}, pos: map[string]diag.Position{}, keyLine: map[string]int{}}
		if !plain.decodePlainYAML(block, 2) {
			return
		}
		library := &Frontmatter{file: "f.md", values: map[string]any{}, pos: map[string]diag.Position{}, keyLine: map[string]int{}}
		if err := library.decodeYAMLNodes(block, 2); err != nil {
			t.Fatalf("taken as plain, but the library fails: %v\n%q", err, block)
		}
		if !reflect.DeepEqual(plain.keys, library.keys) || !reflect.DeepEqual(plain.values, library.values) ||
			!reflect.DeepEqual(plain.pos, library.pos) || !reflect.DeepEqual(plain.keyLine, library.keyLine) {
			t.Fatalf("plain and library decode differ for %q:\nkeys %q / %q\nvalues %#v / %#v\npositions %v / %v\nkey lines %v / %v",
				block, plain.keys, library.keys, plain.values, library.values, plain.pos, library.pos, plain.keyLine, library.keyLine)
		}
	})
}

// TestPlainYAMLTakesWhatPagesWrite checks that the fast path is taken for
// the frontmatter pages usually have, and left for what it cannot be sure
// of, so that FuzzPlainYAML's seeds test both sides.
func TestPlainYAMLTakesWhatPagesWrite(t *testing.T) {
	taken := map[string]bool{
		plainYAMLSeeds[0]: true, plainYAMLSeeds[1]: true, plainYAMLSeeds[2]: true,
		"key-name_2: value\n": true, "title: a%\n": true, "tags: [a, 2]\n": true, "tags: [a b, c]\n": true, "title: \u00e9t\u00e9\n": true,
	}
	for _, seed := range plainYAMLSeeds {
		fm := &Frontmatter{file: "f.md", values: map[string]any{}, pos: map[string]diag.Position{}, keyLine: map[string]int{}}
		if got := fm.decodePlainYAML([]byte(seed), 2); got != taken[seed] {
			t.Errorf("decodePlainYAML(%q) = %v, want %v", seed, got, taken[seed])
		}
	}
	fm := &Frontmatter{file: "f.md", values: map[string]any{}, pos: map[string]diag.Position{}, keyLine: map[string]int{}}
	fm.decodePlainYAML([]byte(plainYAMLSeeds[0]), 2)
	want := map[string]any{"title": "Workbook 0", "description": "progress plan, change and review.", "weight": 1, "duration": "27 min", "tags": []any{"reality", "answer"}}
	if !reflect.DeepEqual(fm.values, want) {
		t.Errorf("values %#v, want %#v", fm.values, want)
	}
}
