// Package metadata splits a content file into its frontmatter and body, and
// decodes YAML (---) or TOML (+++) frontmatter into values that remember
// where in the file each one was written.
//
// github.com/adrg/frontmatter reads the block, once this package has found
// where it ends, so that it does not copy the file; this package adds what
// it leaves out: an error for a block that is never closed, a leading byte
// order mark, positions relative to the whole file, duplicate keys and
// type checks.
package metadata

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"coachbook/generator/diag"

	adrg "github.com/adrg/frontmatter"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	yaml "go.yaml.in/yaml/v3"
)

// Frontmatter holds a file's decoded top-level keys.
type Frontmatter struct {
	file   string
	open   diag.Position // the opening delimiter, or 1:1 when there is none
	keys   []string      // in the order they were written
	values map[string]any
	pos    map[string]diag.Position // where each key's value starts
	// keyLine is the line of each YAML key, for a key written twice.
	keyLine map[string]int
}

// Parse splits src, the contents of file, into frontmatter and body. It
// returns the body's byte offset in src so that later stages can report
// positions in the body. A file without frontmatter has empty Frontmatter.
func Parse(file string, src []byte) (*Frontmatter, []byte, int, error) {
	fm := &Frontmatter{
		file:    file,
		open:    diag.Position{File: file, Line: 1, Col: 1},
		values:  map[string]any{},
		pos:     map[string]diag.Position{},
		keyLine: map[string]int{},
	}
	if !utf8.Valid(src) {
		return fm, nil, 0, diag.Errorf(diag.Offset(file, src, invalidUTF8(src)), "invalid UTF-8: the file must be saved as UTF-8 text")
	}
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = len("\uFEFF")
	}
	delim, delimOff := openingDelimiter(src[start:])
	if delim == "" {
		return fm, src[start:], start, nil
	}
	// Only the lines up to the delimiter count towards its position.
	fm.open = diag.Offset(file, src[:start+delimOff], start+delimOff)
	// Data after the opening delimiter line starts on the next line.
	dataLine := fm.open.Line + 1

	_, bodyOff, found := closedBlock(src, start+delimOff, delim)
	if !found {
		return fm, nil, 0, diag.Errorf(fm.open, "frontmatter opened with %q is never closed: add a line %q after the last key", delim, delim)
	}
	// adrg/frontmatter reads the block, given only the lines up to its
	// closing delimiter: given the whole file, it copies the body.
	block, err := readBlock(src[start:bodyOff])
	if err != nil {
		return fm, nil, 0, diag.Errorf(fm.open, "reading frontmatter: %w", err)
	}
	body := src[bodyOff:]
	if cr := loneCR(src[start+delimOff : bodyOff]); cr >= 0 {
		// YAML would count it as a line break and the positions of
		// everything after it would be off.
		return fm, nil, 0, diag.Errorf(diag.Offset(file, src, start+delimOff+cr), "a carriage return without a line feed: save the file with Unix (LF) or Windows (CRLF) line endings")
	}
	if len(block) > MaxBytes {
		return fm, nil, 0, diag.Errorf(fm.open, "the frontmatter is %d KB, more than the %d KB coachbook reads: move long text into the page's body", (len(block)+1023)>>10, MaxBytes>>10)
	}
	if delim == "---" {
		err = fm.decodeYAML(block, dataLine)
	} else {
		err = fm.decodeTOML(src, block, dataLine)
	}
	return fm, body, bodyOff, err
}

// openingDelimiter reports the frontmatter delimiter that src opens with, if
// any, and its offset. Blank lines before it are allowed, as adrg/frontmatter
// allows them.
func openingDelimiter(src []byte) (string, int) {
	off := 0
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := bytes.TrimSpace(src[off : off+end])
		switch {
		case len(line) == 0:
			off += end + 1
			continue
		case string(line) == "---" || string(line) == "+++":
			return string(line), off + bytes.Index(src[off:], line)
		}
		return "", 0
	}
	return "", 0
}

// closedBlock returns the lines between the delimiter line at offset open
// in src and the next line that is delim, blanks aside, and the offset
// after that line, where the body starts. A delimiter on the file's last
// line opens nothing, as adrg/frontmatter reads it.
func closedBlock(src []byte, open int, delim string) (block []byte, bodyOff int, found bool) {
	nl := bytes.IndexByte(src[open:], '\n')
	if nl < 0 {
		return nil, 0, false
	}
	start := open + nl + 1
	for off := start; ; {
		end := len(src)
		nl := bytes.IndexByte(src[off:], '\n')
		if nl >= 0 {
			end = off + nl + 1
		}
		if string(bytes.TrimSpace(src[off:end])) == delim {
			return src[start:off], end, true
		}
		if nl < 0 {
			return nil, 0, false
		}
		off = end
	}
}

// readBlock returns the block of frontmatter that head, the lines from its
// opening delimiter to its closing one, holds, as adrg/frontmatter reads it.
func readBlock(head []byte) ([]byte, error) {
	var block []byte
	capture := func(data []byte, _ any) error {
		block = data
		return nil
	}
	formats := []*adrg.Format{
		adrg.NewFormat("---", "---", capture),
		adrg.NewFormat("+++", "+++", capture),
	}
	if _, err := adrg.Parse(bytes.NewReader(head), nil, formats...); err != nil {
		return nil, err
	}
	return block, nil
}

// loneCR returns the offset of the first carriage return in b that no
// line feed follows, or -1.
func loneCR(b []byte) int {
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		if i+1 >= len(b) || b[i+1] != '\n' {
			return i
		}
		next := bytes.IndexByte(b[i+1:], '\r')
		if next < 0 {
			return -1
		}
		i += 1 + next
	}
	return -1
}

func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

func (fm *Frontmatter) decodeYAML(block []byte, dataLine int) error {
	if fm.decodePlainYAML(block, dataLine) {
		return nil
	}
	return fm.decodeYAMLNodes(block, dataLine)
}

// decodeYAMLNodes decodes block with the YAML library.
func (fm *Frontmatter) decodeYAMLNodes(block []byte, dataLine int) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(block, &doc); err != nil {
		return fm.yamlError(block, dataLine, err, "", nil)
	}
	if len(doc.Content) == 0 {
		return nil // An empty block.
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return diag.Errorf(fm.yamlPos(root, dataLine), "frontmatter must be a mapping of keys to values, not a %s", yamlKind(root))
	}
	if err := fm.checkExpansion(root, dataLine); err != nil {
		return err
	}
	var errs diag.List
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			errs.Add(diag.Errorf(fm.yamlPos(k, dataLine), "frontmatter keys must be plain names"))
			continue
		}
		if _, dup := fm.pos[k.Value]; dup {
			errs.Add(diag.Errorf(fm.yamlPos(k, dataLine), "%s is set twice (lines %d and %d); keep one", k.Value, fm.keyLine[k.Value], dataLine+k.Line-1))
			continue
		}
		if err := fm.commentedOut(block, dataLine, k, v); err != nil {
			errs.Add(err)
			continue
		}
		var value any
		if err := v.Decode(&value); err != nil {
			errs.Add(fm.yamlError(block, dataLine, err, k.Value, v))
			continue
		}
		pos := fm.yamlPos(v, dataLine)
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" {
			// A key with no value: YAML places the missing value where
			// the next thing starts, which may be the closing "---".
			pos = fm.yamlPos(k, dataLine)
		}
		fm.set(k.Value, value, pos)
		fm.keyLine[k.Value] = dataLine + k.Line - 1
	}
	return errs.Err()
}

var (
	yamlLineRef = regexp.MustCompile(`line (\d+)`)
	// yamlNestedTwice is how decoding reports a key written twice in a
	// nested mapping.
	yamlNestedTwice   = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
	yamlUnknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
)

// yamlError places a YAML error at the mistake findYAMLMistake sees in
// the block, or else at the first line the error names, in plain words
// where it can, with every line it names counted from the top of the file
// rather than of the block. key is the key whose value failed to decode,
// and value that value, or "" and nil for the block's syntax.
func (fm *Frontmatter) yamlError(block []byte, dataLine int, err error, key string, value *yaml.Node) error {
	line, msg := YAMLProblem(err)
	if key == "" {
		if m, ok := findYAMLMistake(block, dataLine); ok {
			return diag.Errorf(diag.Position{File: fm.file, Line: m.line, Col: m.col}, "%s", m.msg)
		}
		if m := yamlUnknownAnchor.FindStringSubmatch(msg); m != nil {
			return fm.unknownAnchor(block, dataLine, m[1])
		}
		// Without a line, the library means the first.
		line = max(line, 1)
	}
	pos := fm.open
	switch {
	case line > 0:
		pos = fm.lineStart(block, dataLine, line)
	case value != nil:
		pos = fm.yamlPos(value, dataLine)
	}
	if m := yamlNestedTwice.FindStringSubmatch(msg); m != nil {
		first, _ := strconv.Atoi(m[2])
		return diag.Errorf(pos, "%s: %s is set twice (lines %d and %d); keep one", key, m[1], dataLine+first-1, pos.Line)
	}
	msg = yamlLineRef.ReplaceAllStringFunc(msg, func(ref string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(ref, "line "))
		return fmt.Sprintf("line %d", dataLine+n-1)
	})
	if key != "" {
		return diag.Errorf(pos, "%s: %s", key, msg)
	}
	return diag.Errorf(pos, "YAML could not read this line: %s; check its quotes and indentation", msg)
}

// YAMLProblem reads a YAML syntax error: the line of its text it names
// (0 for none), counted from 1 whether the YAML scanner or its parser
// found it, and what is wrong.
func YAMLProblem(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	m := yamlLineRef.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	line, _ := strconv.Atoi(m[1])
	if yamlParserProblem(msg[strings.Index(msg, ": ")+2:]) {
		// The YAML parser, unlike its scanner, counts lines from zero.
		line++
	}
	return line, strings.TrimPrefix(msg, m[0]+": ")
}

// yamlParserProblem reports whether msg comes from the YAML parser rather
// than its scanner.
func yamlParserProblem(msg string) bool {
	for _, prefix := range []string{"did not find expected", "found duplicate %", "found incompatible", "found undefined tag"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

func (fm *Frontmatter) yamlPos(n *yaml.Node, dataLine int) diag.Position {
	return diag.Position{File: fm.file, Line: dataLine + n.Line - 1, Col: n.Column}
}

// lineStart points at the first character of a line of the block, because
// YAML syntax errors carry a line but no column.
func (fm *Frontmatter) lineStart(block []byte, dataLine, line int) diag.Position {
	lines := bytes.Split(block, []byte("\n"))
	col := 1
	if line >= 1 && line <= len(lines) {
		text := lines[line-1]
		col = utf8.RuneCount(text) - utf8.RuneCount(bytes.TrimLeft(text, " \t")) + 1
	}
	return diag.Position{File: fm.file, Line: dataLine + line - 1, Col: col}
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	default:
		return "document"
	}
}

func (fm *Frontmatter) decodeTOML(src, block []byte, dataLine int) error {
	blockPos := func(line, col int) diag.Position {
		return diag.Position{File: fm.file, Line: dataLine + line - 1, Col: col}
	}
	values := map[string]any{}
	if err := toml.Unmarshal(block, &values); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			// go-toml counts columns in bytes; convert to characters.
			lines := bytes.Split(block, []byte("\n"))
			if line >= 1 && line <= len(lines) && col-1 <= len(lines[line-1]) {
				col = utf8.RuneCount(lines[line-1][:col-1]) + 1
			}
			if l, c, msg, ok := tomlMistake(block, dataLine, line, col, de.Error()); ok {
				return diag.Errorf(diag.Position{File: fm.file, Line: l, Col: c}, "invalid TOML frontmatter: %s", msg)
			}
			return diag.Errorf(blockPos(line, col), "invalid TOML frontmatter: %s", de.Error())
		}
		return diag.Errorf(blockPos(1, 1), "invalid TOML frontmatter: %v", err)
	}
	// go-toml rejects duplicate keys above, so only positions are left to
	// find. Top-level keys are the key-value expressions before any table.
	var p unstable.Parser
	p.Reset(block)
	table := ""
	for p.NextExpression() {
		expr := p.Expression()
		switch expr.Kind {
		case unstable.Table, unstable.ArrayTable:
			it := expr.Key()
			if it.Next() {
				table = string(it.Node().Data)
				p := diag.Offset(fm.file, block, int(it.Node().Raw.Offset))
				fm.set(table, values[table], blockPos(p.Line, p.Col))
			}
		case unstable.KeyValue:
			if table != "" {
				continue
			}
			it := expr.Key()
			if !it.Next() {
				continue
			}
			key := string(it.Node().Data)
			if _, seen := fm.pos[key]; seen {
				continue // A dotted key such as a.b after a.c.
			}
			fm.set(key, values[key], fm.tomlValuePos(block, expr, blockPos))
		}
	}
	return nil
}

func (fm *Frontmatter) tomlValuePos(block []byte, kv *unstable.Node, blockPos func(int, int) diag.Position) diag.Position {
	v := kv.Value()
	off := int(v.Raw.Offset)
	if v.Raw.Length == 0 {
		// Arrays and inline tables carry no range: the value starts after
		// the first '=' of the expression and any blanks.
		off = int(kv.Raw.Offset)
		if eq := bytes.IndexByte(block[off:], '='); eq >= 0 {
			off += eq + 1
			for off < len(block) && (block[off] == ' ' || block[off] == '\t') {
				off++
			}
		}
	}
	p := diag.Offset(fm.file, block, off)
	return blockPos(p.Line, p.Col)
}

func (fm *Frontmatter) set(key string, value any, pos diag.Position) {
	if _, ok := fm.values[key]; !ok {
		fm.keys = append(fm.keys, key)
	}
	fm.values[key] = value
	fm.pos[key] = pos
}

// Has reports whether key was written.
func (fm *Frontmatter) Has(key string) bool {
	_, ok := fm.values[key]
	return ok
}

// Pos returns where key's value was written, or where the frontmatter
// opens when the key is absent.
func (fm *Frontmatter) Pos(key string) diag.Position {
	if p, ok := fm.pos[key]; ok {
		return p
	}
	return fm.open
}

// Reader reads typed values from fm, collecting type errors and remembering
// which keys were read so that the rest can be kept as free parameters.
func (fm *Frontmatter) Reader() *Reader {
	return &Reader{fm: fm, read: map[string]bool{}}
}

// Reader reads the known keys of a Frontmatter; see Frontmatter.Reader.
type Reader struct {
	fm   *Frontmatter
	read map[string]bool
	errs diag.List
}

func (r *Reader) lookup(key string) (any, bool) {
	r.read[key] = true
	v, ok := r.fm.values[key]
	return v, ok && v != nil
}

func (r *Reader) typeError(key, want string, got any) {
	r.errs.Add(diag.Errorf(r.fm.Pos(key), "%s must be %s, not %s", key, want, describe(got)))
}

// String returns key's text, or "" when it is absent.
func (r *Reader) String(key string) string {
	v, ok := r.lookup(key)
	if !ok {
		return ""
	}
	s, isString := v.(string)
	if !isString {
		r.typeError(key, "text", v)
	}
	return s
}

// IsNumber reports whether key holds a number rather than text, for a key
// that may be either.
func (r *Reader) IsNumber(key string) bool {
	v, ok := r.lookup(key)
	switch v.(type) {
	case int, int64, uint64, float64:
		return ok
	}
	return false
}

// Int returns key's whole number, or 0 when it is absent.
func (r *Reader) Int(key string) int {
	v, ok := r.lookup(key)
	if !ok {
		return 0
	}
	switch n := v.(type) {
	case int:
		return n
	case int64:
		if int64(int(n)) == n {
			return int(n)
		}
	case uint64:
		if n <= math.MaxInt {
			return int(n)
		}
	default:
		r.typeError(key, "a whole number", v)
		return 0
	}
	r.Fail(key, "%s is too large: %v", key, v)
	return 0
}

// Matching returns key's text when it matches re. Otherwise it reports
// "key "value" problem" and returns "".
func (r *Reader) Matching(key string, re *regexp.Regexp, problem string) string {
	v := r.String(key)
	if v != "" && !re.MatchString(v) {
		r.Fail(key, "%s %q %s", key, v, problem)
		return ""
	}
	return v
}

// Bool returns key's true or false, or false when it is absent.
func (r *Reader) Bool(key string) bool {
	v, ok := r.lookup(key)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		r.typeError(key, "true or false", v)
	}
	return b
}

// BoolOr returns key's true or false, or def when it is absent.
func (r *Reader) BoolOr(key string, def bool) bool {
	if _, ok := r.lookup(key); !ok {
		return def
	}
	return r.Bool(key)
}

// Strings returns key's list of texts. A single text counts as a list of
// one, as authors often write `tags: interview`.
func (r *Reader) Strings(key string) []string {
	v, ok := r.lookup(key)
	if !ok {
		return nil
	}
	switch list := v.(type) {
	case string:
		return []string{list}
	case []any:
		out := make([]string, 0, len(list))
		for _, item := range list {
			s, isString := item.(string)
			if !isString {
				r.typeError(key, "a list of texts", v)
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	r.typeError(key, "a list of texts", v)
	return nil
}

// Require reports an error when key is absent or empty.
func (r *Reader) Require(key, value string) {
	if strings.TrimSpace(value) == "" {
		r.errs.Add(diag.Errorf(r.fm.Pos(key), "%s is required: add a line `%s: ...` to the frontmatter", key, key))
	}
}

// Value returns key's value as decoded, nil when it is absent, for a
// setting with a shape of its own such as a list of entries.
func (r *Reader) Value(key string) any {
	v, _ := r.lookup(key)
	return v
}

// Has reports whether key was written, so that a reader can tell an
// absent key from one written as its zero value.
func (r *Reader) Has(key string) bool { return r.fm.Has(key) }

// Pos returns where key's value was written; see Frontmatter.Pos.
func (r *Reader) Pos(key string) diag.Position { return r.fm.Pos(key) }

// Fail records an error about key's value.
func (r *Reader) Fail(key, format string, args ...any) {
	r.errs.Add(diag.Errorf(r.fm.Pos(key), format, args...))
}

// Rest returns the keys that were not read, for templates. A key that
// differs from a known key only in case is reported, since it is almost
// certainly a typo that would otherwise be ignored.
func (r *Reader) Rest() map[string]any {
	rest := map[string]any{}
	for _, k := range r.fm.keys {
		if r.read[k] {
			continue
		}
		for known := range r.read {
			if strings.EqualFold(k, known) {
				r.errs.Add(diag.Errorf(r.fm.Pos(k), "unknown key %q: did you mean %q?", k, known))
			}
		}
		rest[k] = r.fm.values[k]
	}
	return rest
}

// Err returns every error the reader found.
func (r *Reader) Err() error { return r.errs.Err() }

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case bool:
		return fmt.Sprintf("%t", v)
	case int, int64, uint64, float64:
		return fmt.Sprintf("the number %v", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%v", v)
}
