package generator

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzEscapePath holds escapePath, which returns most paths as they are,
// to escaping every segment.
func FuzzEscapePath(f *testing.F) {
	for _, p := range []string{"", "/", "a/b/", "interview/star", "a b/c", "école/", "a%2F", "a?b", "a#b", "a+b", "~x/-_.", "a;b,c"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		parts := strings.Split(p, "/")
		for i, s := range parts {
			parts[i] = url.PathEscape(s)
		}
		if got, want := escapePath(p), strings.Join(parts, "/"); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	})
}
