package devserver

import (
	"errors"
	"io/fs"
	"regexp"
	"strings"

	"coachbook/themes"
)

// cspMeta finds the Content-Security-Policy in a layout's <head>.
var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"{}]+)">`)

// pagePolicy returns the Content-Security-Policy of the built-in theme's
// pages as serve serves them: connect-src 'self' lets them receive the
// reload events, as the build allows when it adds the reload script.
// serve sends it with every response it makes itself, the error page
// above all, so they are held to what the site's own pages are. Reading it
// from the theme keeps one copy of the policy.
func pagePolicy() (string, error) {
	base, err := fs.ReadFile(themes.Default(), "layouts/base.html")
	if err != nil {
		return "", err
	}
	m := cspMeta.FindSubmatch(base)
	if m == nil {
		return "", errors.New("the built-in theme's base.html has no Content-Security-Policy")
	}
	return strings.Replace(string(m[1]), "connect-src 'none'", "connect-src 'self'", 1), nil
}
