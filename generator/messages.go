package generator

import (
	"io/fs"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
	"coachbook/themes"
)

// messagesFile holds the interface's words: under runtime, every sentence
// the runtime shows, which reaches it through the page (the layout
// function runtimeMessages), so that none is written into JavaScript.
// Issue 17 (languages) adds a file per language beside it.
const messagesFile = folderI18n + "/en.yaml"

// loadMessages reads the runtime's sentences: the built-in theme's, with
// the theme's or the site's own i18n/en.yaml laid over them key by key, so
// that a file need only hold the sentences it changes. A key the built-in
// file lacks is a mistake, reported at its position.
func (t *theme) loadMessages() (map[string]string, error) {
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

// readMessages reads a messages file's runtime sentences over known, or
// as the first file when known is nil.
func readMessages(data []byte, file string, known map[string]string) (map[string]string, error) {
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
	out := map[string]string{}
	for k, v := range known {
		out[k] = v
	}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, diag.Errorf(at(root), "the interface's words are a mapping: runtime: followed by key: \"sentence\" lines")
	}
	var errs diag.List
	for i := 0; i+1 < len(root.Content); i += 2 {
		part, body := root.Content[i], root.Content[i+1]
		if part.Value != "runtime" {
			errs.Add(diag.Errorf(at(part), "unknown part %q: the interface's words are under runtime:", part.Value))
			continue
		}
		if body.Kind != yaml.MappingNode {
			errs.Add(diag.Errorf(at(body), "runtime: holds key: \"sentence\" lines"))
			continue
		}
		for j := 0; j+1 < len(body.Content); j += 2 {
			key, value := body.Content[j], body.Content[j+1]
			switch {
			case known != nil && !hasKey(known, key.Value):
				errs.Add(diag.Errorf(at(key), "the runtime shows no sentence called %q: themes/default/%s lists the ones it shows", key.Value, messagesFile))
			case value.Kind != yaml.ScalarNode || value.Tag != "!!str":
				errs.Add(diag.Errorf(at(value), "%s must be a sentence in quotes", key.Value))
			default:
				out[key.Value] = value.Value
			}
		}
	}
	return out, errs.Err()
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}
