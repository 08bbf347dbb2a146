package generator

import (
	"strings"

	"coachbook/generator/diag"
)

// writeAssets writes the theme's assets under content-hashed names and
// returns the URL of each by its name in assets/. A site with an accent
// colour also gets site.css, which sets it.
func (b *builder) writeAssets() map[string]string {
	urls := map[string]string{}
	add := func(name string, data []byte, by diag.Position) {
		data, err := b.out.minified(name, data)
		if err != nil {
			b.fail(diag.Errorf(by, "%v", err))
			return
		}
		out := "assets/" + assetName(name, data)
		if err := b.out.claim(out, by); err != nil {
			b.fail(err)
			return
		}
		// A rebuild keeps the file the last build wrote: its name holds
		// the hash of what it holds. serve gzipped every asset again after
		// each edit.
		if !b.plan.kept(out) {
			if err := b.out.writeExact(out, data); err != nil {
				b.fail(err)
				return
			}
		}
		urls[name] = b.site.url(escapePath(out))
	}
	for _, file := range b.theme.list("assets") {
		if file == workerSource {
			continue // Served from the base path: see writeWebApp.
		}
		data, err := b.theme.read(file)
		if err != nil {
			b.fail(err)
			continue
		}
		add(strings.TrimPrefix(file, "assets/"), data, b.theme.pos(file))
	}
	if b.site.Accent != "" {
		// The accent is validated as a colour, so it cannot end the rule.
		add("site.css", []byte(":root{--accent:"+b.site.Accent+"}"), diag.Position{File: "content/_index.md"})
	}
	return urls
}
