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

// escapePath escapes each segment of a slash path for use in a URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
