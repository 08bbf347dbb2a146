package generator

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
	"coachbook/themes"
)

// messagesFile holds the interface's words, in two parts: runtime, every
// sentence the runtime shows, which reaches it through the page (the
// layout function runtimeMessages), so that none is written into
// JavaScript; and layouts, the words layouts show through i18n. Issue 17
// (languages) adds a file per language beside it.
const messagesFile = folderI18n + "/en.yaml"

// words are a words file's, by part (runtime or layouts), then by key.
type words map[string]map[string]string

// wordParts says, for each part of a words file, who shows its words.
var wordParts = map[string]string{"runtime": "the runtime shows", "layouts": "no layout shows"}

// loadMessages reads the interface's words: the built-in theme's, with
// the theme's or the site's own i18n/en.yaml laid over them key by key, so
// that a file need only hold the words it changes. A key the built-in
// file lacks is a mistake, reported at its position.
func (t *theme) loadMessages() (words, error) {
	builtIn, err := fs.ReadFile(themes.Default(), messagesFile)
	if err != nil {
		return nil, err
	}
	out, err := readMessages(builtIn, "themes/default/"+messagesFile, nil)
	if err != nil {
		return nil, err
	}
	f, ok := t.files[messagesFile]
	if !ok || f.display == "themes/default/"+messagesFile {
		return out, nil
	}
	data, err := t.read(messagesFile)
	if err != nil {
		return nil, err
	}
	return readMessages(data, f.display, out)
}

// readMessages reads a words file over known, or as the first file when
// known is nil.
func readMessages(data []byte, file string, known words) (words, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, problem := metadata.YAMLProblem(err)
		pos := diag.Position{File: file, Line: max(line, 1), Col: 1}
		if lines := strings.Split(string(data), "\n"); pos.Line <= len(lines) {
			text := lines[pos.Line-1]
			pos.Col += len(text) - len(strings.TrimLeft(text, " \t"))
		}
		return nil, diag.Errorf(pos, "not valid YAML (%s): check the quotes and the indentation", problem)
	}
	at := func(n *yaml.Node) diag.Position { return diag.Position{File: file, Line: n.Line, Col: n.Column} }
	out := words{}
	for part := range wordParts {
		out[part] = map[string]string{}
		for k, v := range known[part] {
			out[part][k] = v
		}
	}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, diag.Errorf(at(root), "the interface's words are a mapping: runtime: and layouts:, each followed by key: \"words\" lines")
	}
	var errs diag.List
	for i := 0; i+1 < len(root.Content); i += 2 {
		part, body := root.Content[i], root.Content[i+1]
		shows, ok := wordParts[part.Value]
		if !ok {
			errs.Add(diag.Errorf(at(part), "unknown part %q: the interface's words are under runtime: and layouts:", part.Value))
			continue
		}
		if body.Kind != yaml.MappingNode {
			errs.Add(diag.Errorf(at(body), "%s: holds key: \"words\" lines", part.Value))
			continue
		}
		for j := 0; j+1 < len(body.Content); j += 2 {
			key, value := body.Content[j], body.Content[j+1]
			switch {
			case known != nil && !hasKey(known[part.Value], key.Value):
				errs.Add(diag.Errorf(at(key), "%s no words called %q: themes/default/%s lists the ones it shows", shows, key.Value, messagesFile))
			case value.Kind != yaml.ScalarNode || value.Tag != "!!str":
				errs.Add(diag.Errorf(at(value), "%s must be words in quotes", key.Value))
			default:
				out[part.Value][key.Value] = value.Value
			}
		}
	}
	return out, errs.Err()
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// say fills {0}, {1}… of words with args, as the runtime's say does.
func say(words string, args ...any) string {
	for i, a := range args {
		words = strings.ReplaceAll(words, "{"+strconv.Itoa(i)+"}", fmt.Sprint(a))
	}
	return words
}
