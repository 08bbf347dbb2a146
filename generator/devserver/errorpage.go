package devserver

import (
	"bufio"
	"errors"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"coachbook/generator/diag"
)

// shownProblems is how many of a build's errors the error page shows. A
// build can report tens of thousands; the terminal lists them all, and a
// page of the first hundred is enough to start fixing.
const shownProblems = 100

// excerptContext is how many lines the error page shows on either side of
// the line an error points at.
const excerptContext = 2

// maxLineBytes is how much of a source line the error page shows.
const maxLineBytes = 400

// problem is one build error on the error page, with the lines around it.
type problem struct {
	Place   place
	Message string
	Lines   []line
}

type line struct {
	Number int
	Text   string
	Here   bool
}

// errorPage lays out the error page; its sentences are in words. It needs
// nothing its Content-Security-Policy forbids: no inline script, no
// inline style (serve.css styles it).
var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{.Words.ErrorTitle}}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{.Stylesheet}}">
<script src="{{.Script}}" defer></script>
</head>
<body class="coachbook-serve-page">
<main>
<h1>{{.Words.ErrorHeading}}</h1>
<p class="coachbook-serve-lead">
{{- if eq .Total 1}}{{.Words.FixOne}}
{{- else if .Hidden}}{{printf .Words.FixFirst .Total (len .Problems)}}
{{- else}}{{printf .Words.FixAll .Total}}
{{- end}}</p>
{{range .Problems}}
<section>
<h2><code>{{if .Place.Link}}<a href="{{.Place.Link}}">{{.Place.Text}}</a>: {{else if .Place.Text}}{{.Place.Text}}: {{end}}{{.Message}}</code></h2>
{{- with .Lines}}
<pre tabindex="0">{{range .}}{{if .Here}}<mark>{{printf "%4d" .Number}} | {{.Text}}</mark>{{else}}{{printf "%4d" .Number}} | {{.Text}}{{end}}
{{end}}</pre>
{{- end}}
</section>
{{end}}
{{- with .Hidden}}
<p>{{if eq . 1}}{{$.Words.MoreOne}}{{else}}{{printf $.Words.MoreSome .}}{{end}}</p>
{{end -}}
{{- if not .Linked}}
<p class="coachbook-serve-hint">{{.Words.EditorHint}}</p>
{{- end}}
</main>
</body>
</html>
`))

// errorPage shows the first of the build's errors with the source lines
// they point at, and how many more there are.
func (s *server) errorPage(w http.ResponseWriter, err error) {
	var list diag.List
	if !errors.As(err, &list) {
		list = diag.List{err}
	}
	shown := list[:min(len(list), shownProblems)]
	positions := make([]diag.Position, len(shown))
	for i, e := range shown {
		var de *diag.Error
		if errors.As(e, &de) && de.Pos.Line > 0 {
			positions[i] = de.Pos
		}
	}
	sources := s.readExcerpts(positions)
	problems := make([]problem, len(shown))
	for i, e := range shown {
		where, message := s.located(e)
		problems[i] = problem{Place: where, Message: message, Lines: sources[positions[i].File].around(positions[i].Line)}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	errorPage.Execute(w, map[string]any{
		"Words":      words,
		"Problems":   problems,
		"Total":      len(list),
		"Hidden":     len(list) - len(shown),
		"Linked":     s.editor != nil,
		"Script":     s.basePath + internal + "livereload.js",
		"Stylesheet": s.basePath + internal + "serve.css",
	})
}

// sourceLines holds the lines of one file that excerpts need, by number.
type sourceLines map[int]string

// around returns the lines around line n that the file has.
func (src sourceLines) around(n int) []line {
	var out []line
	for i := n - excerptContext; i <= n+excerptContext; i++ {
		if text, ok := src[i]; ok {
			out = append(out, line{Number: i, Text: text, Here: i == n})
		}
	}
	return out
}

// readExcerpts reads the lines around each position, reading each file
// once and no further than the last line it needs, so the page costs as
// much as its excerpts, not errors times file length.
func (s *server) readExcerpts(positions []diag.Position) map[string]sourceLines {
	wanted := map[string]map[int]bool{}
	for _, pos := range positions {
		if pos.Line <= 0 {
			continue
		}
		if wanted[pos.File] == nil {
			wanted[pos.File] = map[int]bool{}
		}
		for i := pos.Line - excerptContext; i <= pos.Line+excerptContext; i++ {
			wanted[pos.File][i] = true
		}
	}
	out := map[string]sourceLines{}
	for name, lines := range wanted {
		if file, ok := s.siteFile(name); ok {
			out[name] = readLines(file, lines)
		}
	}
	return out
}

// siteFile returns where the site file name really is, if it is a regular
// file inside the site once every symbolic link is followed. A link the
// build rejects for leaving the site must not have its target shown, and
// a named pipe would never finish opening.
func (s *server) siteFile(name string) (string, bool) {
	root, err := filepath.EvalSymlinks(s.cfg.Source)
	if err != nil {
		return "", false
	}
	real, err := filepath.EvalSymlinks(filepath.Join(s.cfg.Source, filepath.FromSlash(name)))
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	info, err := os.Stat(real)
	if err != nil || !info.Mode().IsRegular() {
		return "", false
	}
	return real, true
}

// readLines reads the wanted lines of a file, cut to maxLineBytes.
func readLines(file string, wanted map[int]bool) sourceLines {
	last := 0
	for n := range wanted {
		last = max(last, n)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	out := sourceLines{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20) // Long enough for a minified line.
	for n := 1; n <= last && sc.Scan(); n++ {
		if wanted[n] {
			out[n] = shorten(sc.Text())
		}
	}
	return out
}

// shorten cuts a line to maxLineBytes, on a character boundary.
func shorten(text string) string {
	if len(text) <= maxLineBytes {
		return text
	}
	cut := maxLineBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut] + "…"
}
