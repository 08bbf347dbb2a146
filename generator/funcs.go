package generator

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
	"sync/atomic"
)

// layoutFuncs are the functions every layout can call, page and directive
// layouts alike. assets maps a file of assets/ to its content-hashed URL;
// bundles writes the bundles of extensions pages load (scriptbundles.go).
func layoutFuncs(s *site, assets map[string]string, bundles *scriptBundles, messages languageWords) template.FuncMap {
	var bound atomic.Pointer[layoutBinding]
	bound.Store(&layoutBinding{site: s, assets: assets, bundles: bundles})
	return boundLayoutFuncs(&bound, messages)
}

// layoutBinding is what the layouts' functions read of the build they
// run in. serve keeps a language's parsed layouts from one build to the
// next while only workbooks change, and binds them to each new build.
type layoutBinding struct {
	site    *site
	assets  map[string]string
	bundles *scriptBundles
}

// boundLayoutFuncs is layoutFuncs bound to whichever build bound holds.
func boundLayoutFuncs(bound *atomic.Pointer[layoutBinding], messages languageWords) template.FuncMap {
	runtime, runtimeErr := scriptJSON(messages.words["runtime"])
	return template.FuncMap{
		// runtimeMessages returns the runtime's sentences, for the page's
		// <script type="application/json" id="coachbook-messages">.
		// Words by plural form reach it as an object, which say picks from.
		// They are the same on every page, so they are escaped once.
		"runtimeMessages": func() (template.JS, error) { return runtime, runtimeErr },
		// i18n returns the layouts' words called key in the site's
		// language, with {0}, {1}… filled in by args and the plural form
		// chosen by {0}; an unknown key is an error.
		"i18n": func(key string, args ...any) (string, error) {
			m, ok := messages.words["layouts"][key]
			if !ok {
				return "", fmt.Errorf("no words called %q under layouts: in %s", key, messagesFile)
			}
			return say(m.pick(messages.tag, args), args...), nil
		},
		// i18nN returns the layouts' words called key as HTML, with {0} a
		// number the runtime renumbers (<span data-n>n</span>, as when a
		// row is added or removed) and {1}, {2}… filled in by args, all
		// escaped: "(row {0})".
		"i18nN": func(key string, n int, args ...any) (template.HTML, error) {
			m, ok := messages.words["layouts"][key]
			w := m.pick(messages.tag, []any{n})
			if !ok {
				return "", fmt.Errorf("no words called %q under layouts: in %s", key, messagesFile)
			}
			escaped := make([]any, 0, len(args)+1)
			escaped = append(escaped, "\x00")
			for _, a := range args {
				escaped = append(escaped, html.EscapeString(fmt.Sprint(a)))
			}
			text := say(html.EscapeString(w), escaped...)
			return template.HTML(strings.ReplaceAll(text, "\x00", "<span data-n>"+strconv.Itoa(n)+"</span>")), nil
		},
		// attrs writes name, value pairs as directive attributes, for an
		// exercise layout to give .Field, .Rows and .Col words from
		// i18n: (attrs "label" (i18n "growGoal") "hint" (i18n "growGoalHint")).
		"attrs": directiveAttrs,
		// asset returns the content-hashed URL of a file in assets/.
		"asset": func(name string) (string, error) {
			b := bound.Load()
			if u, ok := b.assets[name]; ok {
				return u, nil
			}
			if b.bundles != nil {
				if u, ok, err := b.bundles.url(name); ok {
					return u, err
				}
			}
			return "", fmt.Errorf("no asset %q: the theme has no assets/%s", name, name)
		},
		// hasAsset says whether assets/ has a file, for one a site may add,
		// such as custom.css.
		"hasAsset": func(name string) bool { _, ok := bound.Load().assets[name]; return ok },
		// relURL returns a site path as a link that works under a sub-path.
		"relURL": func(p string) string { return bound.Load().site.url(p) },
		// absURL returns a site path as an absolute URL when the base URL
		// has a host.
		"absURL": func(p string) string { return bound.Load().site.permalink(p) },
		// relLangURL and absLangURL are relURL and absURL inside the
		// page's language, as "/fr/answers/" in a multilingual site; in a
		// site of one language they are relURL and absURL.
		"relLangURL": func(p string) string { return bound.Load().site.langURL(p) },
		"absLangURL": func(p string) string { return bound.Load().site.langPermalink(p) },
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

// attrQuote escapes a directive attribute's value. Building a Replacer
// is what attrs cost when it built one per call, for every field of an
// exercise.
var attrQuote = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// directiveAttrs writes name, value pairs as directive attributes, every
// value quoted, as the directive parser reads them back.
func directiveAttrs(pairs ...string) (string, error) {
	if len(pairs)%2 != 0 {
		return "", fmt.Errorf("attrs takes names and values in pairs, not %d arguments", len(pairs))
	}
	parts := make([]string, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		parts = append(parts, pairs[i]+`="`+attrQuote.Replace(pairs[i+1])+`"`)
	}
	return strings.Join(parts, " "), nil
}

// scriptJSON returns v as html/template writes it into a script element,
// escaped once for a value every page shows: marshalling a map of a few
// hundred words on every page cost a tenth of a plain build.
func scriptJSON(v any) (template.JS, error) {
	const open, close = `<script type="application/json">`, `</script>`
	t := template.Must(template.New("").Parse(open + "{{.}}" + close))
	var b strings.Builder
	if err := t.Execute(&b, v); err != nil {
		return "", err
	}
	return template.JS(strings.TrimSuffix(strings.TrimPrefix(b.String(), open), close)), nil
}
