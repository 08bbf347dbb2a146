package generator

import (
	"bytes"
	"strings"

	"github.com/tdewolff/minify/v2"
)

// layoutType is the media type that minifies a layout's source with its
// template actions kept as written (newMinifier): minifying a layout once
// at load spares minifying the markup it writes on every page, most of
// which is the same on every page.
const layoutType = "text/x-coachbook-layout"

// minifyLayout returns src minified, or src itself when the minifier
// could misread it. The minifier skips an action by its quotes but knows
// neither comments nor raw strings, so comments are emptied first (an
// apostrophe in one would hide the markup after it) and a layout with a
// raw string is left as written. A layout whose actions did not all come
// through unchanged and in order is left as written too.
func minifyLayout(m *minify.M, src []byte) ([]byte, bool) {
	actions, ok := templateActions(src)
	if !ok {
		return src, false
	}
	var prepared bytes.Buffer
	prepared.Grow(len(src))
	last := 0
	for _, a := range actions {
		if open, close, ok := commentDelims(src[a[0]:a[1]]); ok {
			prepared.Write(src[last:a[0]])
			prepared.WriteString(open + "/**/" + close)
			last = a[1]
			continue
		}
		if bytes.IndexByte(src[a[0]:a[1]], '`') >= 0 {
			return src, false
		}
	}
	prepared.Write(src[last:])
	want, ok := templateActions(prepared.Bytes())
	if !ok {
		return src, false
	}
	out, err := m.Bytes(layoutType, prepared.Bytes())
	if err != nil {
		return src, false
	}
	got, ok := templateActions(out)
	if !ok || len(got) != len(want) {
		return src, false
	}
	for i := range got {
		if !bytes.Equal(out[got[i][0]:got[i][1]], prepared.Bytes()[want[i][0]:want[i][1]]) {
			return src, false
		}
	}
	return out, true
}

// commentDelims reports whether action is a comment, {{/* … */}} with or
// without trim markers, and returns what opens and closes it.
func commentDelims(action []byte) (open, close string, ok bool) {
	s := string(action)
	open, close = "{{", "}}"
	if strings.HasPrefix(s, "{{- ") {
		open = "{{- "
	}
	if strings.HasSuffix(s, " -}}") {
		close = " -}}"
	}
	inner := s[len(open) : len(s)-len(close)]
	if len(inner) < 4 || !strings.HasPrefix(inner, "/*") || !strings.HasSuffix(inner, "*/") {
		return "", "", false
	}
	return open, close, true
}

// templateActions returns where each {{…}} action of src starts and
// ends, reading comments, strings, raw strings and characters as
// text/template does, or false for an action left open.
func templateActions(src []byte) ([][2]int, bool) {
	var spans [][2]int
	for i := 0; ; {
		start := bytes.Index(src[i:], []byte("{{"))
		if start < 0 {
			return spans, true
		}
		start += i
		j := start + 2
		if bytes.HasPrefix(src[j:], []byte("- ")) {
			j += 2
		}
		if bytes.HasPrefix(src[j:], []byte("/*")) {
			end := bytes.Index(src[j+2:], []byte("*/"))
			if end < 0 {
				return nil, false
			}
			j += 2 + end + 2
		}
		end, ok := actionEnd(src, j)
		if !ok {
			return nil, false
		}
		spans = append(spans, [2]int{start, end})
		i = end
	}
}

// actionEnd returns the offset just past the "}}" that closes the action
// whose inside starts at j.
func actionEnd(src []byte, j int) (int, bool) {
	for j < len(src) {
		switch c := src[j]; c {
		case '"', '\'':
			j++
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j++
		case '`':
			end := bytes.IndexByte(src[j+1:], '`')
			if end < 0 {
				return 0, false
			}
			j += 1 + end + 1
		case '}':
			if j+1 < len(src) && src[j+1] == '}' {
				return j + 2, true
			}
			j++
		default:
			j++
		}
	}
	return 0, false
}
