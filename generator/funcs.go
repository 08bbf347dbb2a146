package generator

import (
	"fmt"
	"html/template"
)

// layoutFuncs are the functions every layout can call, page and directive
// layouts alike. assets maps a file of assets/ to its content-hashed URL.
func layoutFuncs(s *site, assets map[string]string, messages words) template.FuncMap {
	return template.FuncMap{
		// runtimeMessages returns the runtime's sentences, for the page's
		// <script type="application/json" id="coachbook-messages">.
		"runtimeMessages": func() map[string]string { return messages["runtime"] },
		// i18n returns the layouts' words called key from i18n/en.yaml,
		// with {0}, {1}… filled in by args; an unknown key is an error.
		"i18n": func(key string, args ...any) (string, error) {
			w, ok := messages["layouts"][key]
			if !ok {
				return "", fmt.Errorf("no words called %q under layouts: in %s", key, messagesFile)
			}
			return say(w, args...), nil
		},
		// asset returns the content-hashed URL of a file in assets/.
		"asset": func(name string) (string, error) {
			if u, ok := assets[name]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no asset %q: the theme has no assets/%s", name, name)
		},
		// relURL returns a site path as a link that works under a sub-path.
		"relURL": func(p string) string { return s.url(p) },
		// absURL returns a site path as an absolute URL when the base URL
		// has a host.
		"absURL": func(p string) string { return s.permalink(p) },
		// relLangURL and absLangURL are relURL and absURL inside the
		// page's language, as "/fr/answers/" in a multilingual site; in a
		// site of one language they are relURL and absURL.
		"relLangURL": func(p string) string { return s.langURL(p) },
		"absLangURL": func(p string) string { return s.langPermalink(p) },
		// seq returns 1..n, for repeating a group.
		"seq": seq,
		// list gathers values, for passing several to a partial.
		"list": func(v ...any) []any { return v },
	}
}

// seq returns 1..n, or nothing for n below 1.
func seq(n int) []int {
	out := make([]int, max(n, 0))
	for i := range out {
		out[i] = i + 1
	}
	return out
}
