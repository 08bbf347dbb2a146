package devserver

import (
	"fmt"
	"html/template"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// editor turns a file and line into a link that opens it in the author's
// editor, from a URL template such as vscode://file/{abs}:{line}:{col}.
type editor struct {
	template string
}

// editorScheme is the scheme a template starts with, as in vscode: or idea:.
var editorScheme = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):`)

// editorPlaceholder is any {word} in a template.
var editorPlaceholder = regexp.MustCompile(`\{[^{}]*\}`)

// afterOneSlash finds {abs} written after a single slash.
var afterOneSlash = regexp.MustCompile(`(^|[^/])/\{abs\}`)

// forbiddenSchemes run what follows them in the page rather than open a
// file: a link with one would be script, not a way to an editor.
var forbiddenSchemes = []string{"javascript", "data", "vbscript"}

// CheckEditor checks an editor URL template as serve will: see
// parseEditor.
func CheckEditor(tmpl string) error {
	_, err := parseEditor(tmpl)
	return err
}

// parseEditor reads an editor URL template: it must start with a scheme
// that opens an application (not javascript:, data: and the like), name
// the file with {abs} or {path}, and hold no placeholder but {abs},
// {path}, {line} and {col}.
func parseEditor(tmpl string) (*editor, error) {
	m := editorScheme.FindStringSubmatch(tmpl)
	if m == nil {
		return nil, fmt.Errorf("%q must start with the editor's URL scheme, such as vscode://file/{abs}:{line}:{col}", tmpl)
	}
	scheme := strings.ToLower(m[1])
	for _, bad := range forbiddenSchemes {
		if scheme == bad {
			return nil, fmt.Errorf("%q: a %s: URL cannot open an editor; use the editor's own scheme, such as vscode://file/{abs}:{line}:{col}", tmpl, scheme)
		}
	}
	for _, p := range editorPlaceholder.FindAllString(tmpl, -1) {
		switch p {
		case "{abs}", "{path}", "{line}", "{col}":
		default:
			return nil, fmt.Errorf("%q: unknown placeholder %s; the placeholders are {abs}, {path}, {line} and {col}", tmpl, p)
		}
	}
	if !strings.Contains(tmpl, "{abs}") && !strings.Contains(tmpl, "{path}") {
		return nil, fmt.Errorf("%q: name the file with {abs} (its absolute path) or {path} (its path in the site)", tmpl)
	}
	return &editor{template: tmpl}, nil
}

// link returns the URL that opens the site file rel (slash-separated) of
// the site in root at line and col, which count from 1; 0 means the
// start. The paths are percent-encoded, so they cannot end the URL's
// path or query or add to it; the scheme was checked by parseEditor, so
// the URL may go into an href as it is.
func (e *editor) link(root, rel string, line, col int) template.URL {
	abs, err := filepath.Abs(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	abs = filepath.ToSlash(abs)
	// After one slash, as in vscode://file/{abs}, the path's own leading
	// slash would make two, which reads as a network share; after two, as
	// in file://{abs}, it is the third that a file URL needs.
	tmpl := afterOneSlash.ReplaceAllString(e.template, "${1}/{abs-rest}")
	link := strings.NewReplacer(
		"{abs-rest}", escapeFilePath(strings.TrimPrefix(abs, "/")),
		"{abs}", escapeFilePath(abs),
		"{path}", escapeFilePath(rel),
		"{line}", strconv.Itoa(max(line, 1)),
		"{col}", strconv.Itoa(max(col, 1)),
	).Replace(tmpl)
	return template.URL(link)
}

// escapeFilePath percent-encodes every byte of a path but letters,
// digits, -._~ and the / and : of its folders and drive, so that it reads
// the same in a URL's path and in its query.
func escapeFilePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/', c == ':':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
