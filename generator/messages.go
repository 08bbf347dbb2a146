package generator

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// Words files hold the interface's words, one file per language
// (i18n/en.yaml, i18n/fr.yaml, i18n/pt-BR.yaml…), in two parts: runtime,
// every sentence the runtime shows, which reaches it through the page
// (the layout function runtimeMessages), so that none is written into
// JavaScript; and layouts, the words layouts show through i18n. The
// built-in theme's English file names every key there is and the
// placeholders each takes; languages.go picks a language's words.
const messagesFile = folderI18n + "/en.yaml"

// message is the words of one key: plain words, or words by CLDR plural
// category (zero, one, two, few, many, other), chosen by argument {0}.
type message struct {
	text  string
	forms map[string]string // nil for plain words
}

// MarshalJSON gives the runtime plain words as a string and plural forms
// as an object, which its say chooses from.
func (m message) MarshalJSON() ([]byte, error) {
	if m.forms != nil {
		return json.Marshal(m.forms)
	}
	return json.Marshal(m.text)
}

// words are a words file's, by part (runtime or layouts), then by key.
type words map[string]map[string]message

// wordParts says, for each part of a words file, who shows its words.
var wordParts = map[string]struct{ who, shows string }{
	"runtime": {"the runtime shows", "it shows"},
	"layouts": {"the layouts show", "they show"},
}

// wordsFile is one words file, read and checked.
type wordsFile struct {
	display string // the path shown in errors
	lang    string // the language tag its name gives, such as "pt-BR"
	words   words
}

// has reports whether the file gives the words of key in part.
func (f *wordsFile) has(part, key string) bool {
	_, ok := f.words[part][key]
	return ok
}

// readWordsFile reads a words file. english, the built-in English words,
// is nil when the file is that one; otherwise every key must be one of
// English's, with the same placeholders.
func readWordsFile(data []byte, display string, english words) (*wordsFile, error) {
	out := &wordsFile{display: display, words: words{}}
	for part := range wordParts {
		out.words[part] = map[string]message{}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, problem := metadata.YAMLProblem(err)
		pos := diag.Position{File: display, Line: max(line, 1), Col: 1}
		if lines := strings.Split(string(data), "\n"); pos.Line <= len(lines) {
			text := lines[pos.Line-1]
			pos.Col += len(text) - len(strings.TrimLeft(text, " \t"))
		}
		return nil, diag.Errorf(pos, "not valid YAML (%s): check the quotes and the indentation", problem)
	}
	if len(doc.Content) == 0 {
		return out, nil
	}
	at := func(n *yaml.Node) diag.Position { return diag.Position{File: display, Line: n.Line, Col: n.Column} }
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
			if english != nil && !hasKey(english[part.Value], key.Value) {
				errs.Add(diag.Errorf(at(key), "%s no words called %q: themes/default/%s lists the ones %s", shows.who, key.Value, messagesFile, shows.shows))
				continue
			}
			m, err := readMessage(key.Value, value, at)
			if err == nil && english != nil {
				err = samePlaceholders(key.Value, m, english[part.Value][key.Value], at(value))
			}
			if err != nil {
				errs.Add(err)
				continue
			}
			out.words[part.Value][key.Value] = m
		}
	}
	return out, errs.Err()
}

// readMessage reads the words of key: words in quotes, or a mapping of
// plural categories to words in quotes, other among them.
func readMessage(key string, value *yaml.Node, at func(*yaml.Node) diag.Position) (message, error) {
	isText := func(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!str" }
	if isText(value) {
		return message{text: value.Value}, nil
	}
	if value.Kind != yaml.MappingNode {
		return message{}, diag.Errorf(at(value), "%s must be words in quotes, or words by plural form (one:, other:…)", key)
	}
	m := message{forms: map[string]string{}}
	var errs diag.List
	for i := 0; i+1 < len(value.Content); i += 2 {
		form, words := value.Content[i], value.Content[i+1]
		switch {
		case !pluralCategories[form.Value]:
			errs.Add(diag.Errorf(at(form), "%s: %q is not a plural form: the forms are zero, one, two, few, many and other", key, form.Value))
		case !isText(words):
			errs.Add(diag.Errorf(at(words), "%s: %s must be words in quotes", key, form.Value))
		default:
			m.forms[form.Value] = words.Value
		}
	}
	if _, ok := m.forms["other"]; !ok && len(errs) == 0 {
		errs.Add(diag.Errorf(at(value), "%s: words by plural form need other:, the form for any number the others miss", key))
	}
	if len(m.forms) > 0 && !strings.Contains(m.all(), "{0}") && len(errs) == 0 {
		errs.Add(diag.Errorf(at(value), "%s: the plural form is chosen by the number {0}, which these words never show", key))
	}
	return m, errs.Err()
}

// all returns every form of m's words, for finding their placeholders.
func (m message) all() string {
	if m.forms == nil {
		return m.text
	}
	var b strings.Builder
	for _, w := range m.forms {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.String()
}

func hasKey(m map[string]message, k string) bool {
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
