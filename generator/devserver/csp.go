package devserver

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"text/template"

	"coachbook/themes"
)

// cspMeta finds the Content-Security-Policy in a layout's <head>: its
// content may hold template actions, but no double quote.
var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)

// pagePolicy returns the Content-Security-Policy of the built-in theme's
// pages as serve serves them. serve sends it with every response it makes
// itself, the error page above all, so they are held to what the site's
// own pages are. Reading it from the theme keeps one copy of the policy:
// the meta's content is run as a template with .Site.LiveReload set, as
// serve's pages are rendered, so it gets connect-src 'self' for the reload
// events the same way they do. Any other action in it is an error here
// rather than a policy quietly different from the pages'.
func pagePolicy() (string, error) {
	base, err := fs.ReadFile(themes.Default(), "layouts/base.html")
	if err != nil {
		return "", err
	}
	m := cspMeta.FindSubmatch(base)
	if m == nil {
		return "", errors.New("the built-in theme's base.html has no Content-Security-Policy")
	}
	t, err := template.New("policy").Option("missingkey=error").Parse(string(m[1]))
	if err != nil {
		return "", fmt.Errorf("the built-in theme's Content-Security-Policy: %w", err)
	}
	var policy strings.Builder
	serving := map[string]any{"Site": map[string]any{"LiveReload": internal + "livereload.js"}}
	if err := t.Execute(&policy, serving); err != nil {
		return "", fmt.Errorf("the built-in theme's Content-Security-Policy: %w", err)
	}
	return policy.String(), nil
}
