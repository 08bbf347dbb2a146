package generator

import (
	"net/url"
	"strings"
)

// slug turns a file or folder name into a URL segment: lower case, with
// spaces as hyphens.
func slug(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.Join(strings.Fields(name), "-")
}

// slugPath turns a content-relative path without extension into the
// page's path, as "interview/star".
func slugPath(rel string) string {
	parts := strings.Split(rel, "/")
	for i, s := range parts {
		parts[i] = slug(s)
	}
	return strings.Join(parts, "/")
}

// escapePath escapes each segment of a slash path for use in a URL. Most
// paths have nothing to escape, and every page's path is escaped on every
// build: those are returned as they are.
func escapePath(p string) string {
	if !strings.ContainsFunc(p, needsEscape) {
		return p
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// needsEscape reports whether url.PathEscape may change r: anything but
// ASCII letters, digits and "-._~", which it never escapes, and '/',
// which separates the segments.
func needsEscape(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("-._~/", r))
}
