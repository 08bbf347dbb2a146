package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image"
	_ "image/png" // to read a PNG logo's size
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"coachbook/generator/diag"
	"coachbook/themes"
)

// The files that make the site an installable app that works offline.
const (
	webManifestFile = "manifest.webmanifest"
	// workerFile is served from the base path, since a service worker
	// controls only the pages at or below its own folder.
	workerFile = "sw.js"
	// workerSource is the theme's hand-written worker; the build puts the
	// list of files to keep before it, as BUILD.
	workerSource = "assets/sw.js"
	// defaultThemeColour is the default theme's --accent (style.css).
	defaultThemeColour = "#1f6f5c"
	// defaultBackground is the default theme's --bg, shown while the
	// installed app opens.
	defaultBackground = "#fbfaf7"
	// minIconSize is the smallest square logo used as the app's icon: what
	// Chromium asks of an installable app's icon.
	minIconSize = 192
)

// notCached are the files the site's pages never load, which the worker
// need not keep.
var notCached = map[string]bool{
	"sitemap.xml": true, "robots.txt": true, buildMarker: true, manifestFile: true, workerFile: true,
}

// webManifest is the web app manifest, as browsers read it.
type webManifest struct {
	ID              string    `json:"id"`
	Name            string    `json:"name"`
	ShortName       string    `json:"short_name"`
	Description     string    `json:"description,omitempty"`
	Lang            string    `json:"lang"`
	StartURL        string    `json:"start_url"`
	Scope           string    `json:"scope"`
	Display         string    `json:"display"`
	ThemeColour     string    `json:"theme_color"`
	BackgroundColor string    `json:"background_color"`
	Icons           []appIcon `json:"icons"`
}

type appIcon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// workerBuild is what the worker is told of the build: URLs and a
// version, never page content.
type workerBuild struct {
	// App false makes the worker remove itself and its copies: the site
	// turned the app off, or serve is serving it.
	App      bool     `json:"app"`
	Version  string   `json:"version,omitempty"`
	URLs     []string `json:"urls,omitempty"`
	NotFound string   `json:"notFound,omitempty"` // shown offline for a page not kept
}

// startWebApp readies the output for the app's files, before anything is
// written: the worker's version is the hash of every file.
func (b *builder) startWebApp() {
	if b.site.App {
		b.out.hashAll()
	}
}

// writeWebApp writes the manifest and then, last of all, the worker with
// the list of every file the build wrote. With the app off it writes a
// worker that removes any an earlier build installed, since a browser
// keeps running an installed worker until a new one replaces it.
func (b *builder) writeWebApp(pages []*page) error {
	var errs diag.List
	build := workerBuild{}
	if b.site.App {
		errs.Add(b.writeGenerated(webManifestFile, b.webManifest()))
		build = b.workerBuild(pages)
	}
	src, err := b.workerSource()
	if err != nil {
		errs.Add(err)
		return errs.Err()
	}
	data, err := json.Marshal(build)
	if err != nil {
		return err
	}
	worker := append([]byte("var BUILD = "+string(data)+";\n"), src...)
	if worker, err = b.out.minified(workerFile, worker); err != nil {
		errs.Add(diag.Errorf(b.theme.pos(workerSource), "%v", err))
		return errs.Err()
	}
	errs.Add(b.writeGenerated(workerFile, worker))
	return errs.Err()
}

// workerSource is the theme's worker, or the default theme's for a theme
// without one: any theme's pages may have installed it.
func (b *builder) workerSource() ([]byte, error) {
	if _, ok := b.theme.files[workerSource]; ok {
		return b.theme.read(workerSource)
	}
	return fs.ReadFile(themes.Default(), workerSource)
}

// writeGenerated claims and writes a file the build makes itself.
func (b *builder) writeGenerated(name string, data []byte) error {
	if err := b.out.claim(name, diag.Position{File: "(generated " + name + ")"}); err != nil {
		return err
	}
	return b.out.writeExact(name, data)
}

// webManifest describes the site as an app that opens at its home page
// and covers the whole site.
func (b *builder) webManifest() []byte {
	s := b.site
	colour := s.Accent
	if colour == "" {
		colour = defaultThemeColour
	}
	m := webManifest{
		ID:              s.basePath,
		Name:            s.Title,
		ShortName:       shortName(s.Title),
		Description:     s.Description,
		Lang:            s.Language,
		StartURL:        s.basePath,
		Scope:           s.basePath,
		Display:         "standalone",
		ThemeColour:     colour,
		BackgroundColor: defaultBackground,
		Icons:           b.appIcons(),
	}
	data, _ := json.Marshal(m) // Only strings: it cannot fail.
	return data
}

// appIcons are the site's logo, when it is an SVG or a square PNG large
// enough, or else the default theme's icons.
func (b *builder) appIcons() []appIcon {
	s := b.site
	switch strings.ToLower(path.Ext(s.logoFile)) {
	case ".svg":
		return []appIcon{{Src: s.Logo, Sizes: "any", Type: "image/svg+xml"}}
	case ".png":
		if f, err := b.theme.open("static/" + s.logoFile); err == nil {
			c, _, err := image.DecodeConfig(f)
			f.Close()
			if err == nil && c.Width == c.Height && c.Width >= minIconSize {
				return []appIcon{{Src: s.Logo, Sizes: sizes(c.Width), Type: "image/png"}}
			}
		}
	}
	var icons []appIcon
	for _, n := range []int{192, 512} {
		icons = append(icons, appIcon{Src: s.url("icon-" + strconv.Itoa(n) + ".png"), Sizes: sizes(n), Type: "image/png"})
	}
	return icons
}

func sizes(n int) string { return strconv.Itoa(n) + "x" + strconv.Itoa(n) }

// shortName is the title when it fits under an icon, else its first word.
func shortName(title string) string {
	const fits = 12
	if utf8.RuneCountInString(title) <= fits {
		return title
	}
	first, _, _ := strings.Cut(title, " ")
	if r := []rune(first); len(r) > fits {
		return string(r[:fits])
	}
	return first
}

// workerBuild lists the URL of every page and file the site's pages load,
// and versions them by the hash of every file written.
func (b *builder) workerBuild(pages []*page) workerBuild {
	b.out.mu.Lock()
	names := make([]string, 0, len(b.out.sums))
	for name := range b.out.sums {
		names = append(names, name)
	}
	sort.Strings(names)
	version := sha256.New()
	for _, name := range names {
		sum := b.out.sums[name]
		version.Write([]byte(name + "\x00"))
		version.Write(sum[:])
	}
	b.out.mu.Unlock()
	build := workerBuild{App: true, Version: hex.EncodeToString(version.Sum(nil))[:16]}
	for _, name := range names {
		if notCached[name] {
			continue
		}
		// A page is kept at the URL its links use: its folder.
		page := strings.TrimSuffix(name, "index.html")
		if page != name && (page == "" || strings.HasSuffix(page, "/")) {
			name = page
		}
		build.URLs = append(build.URLs, b.site.url(escapePath(name)))
	}
	for _, p := range pages {
		if p.Kind == kindNotFound {
			build.NotFound = b.site.url(escapePath(p.out))
		}
	}
	return build
}
