package generator

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"regexp"
	"strings"
	"testing"
)

const webAppSite = `
-- content/_index.md --
---
title: Career coaching companion
baseURL: https://example.edu/sub/
accent: "#7a3e9d"
logo: logo.svg
language: en-GB
---
Welcome.
-- content/one.md --
---
title: One
---
::text[Your name]{#name}
-- content/guide.pdf --
%PDF-1.4
-- static/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>
`

// workerVersion reads the version the build wrote into sw.js.
var workerVersion = regexp.MustCompile(`version:"([0-9a-f]{16})"`)

// TestWebAppFiles builds a site under a sub-path: its manifest opens and
// covers the sub-path, with the logo as icon and the accent as colour,
// and its worker keeps every page and file the pages load, under the
// URLs they are linked by, and nothing else.
func TestWebAppFiles(t *testing.T) {
	s := newTestSite(t, webAppSite)
	s.build()
	var m webManifest
	if err := json.Unmarshal([]byte(s.file("manifest.webmanifest")), &m); err != nil {
		t.Fatal(err)
	}
	want := webManifest{
		ID: "/sub/", Name: "Career coaching companion", ShortName: "Career", Lang: "en-GB",
		StartURL: "/sub/", Scope: "/sub/", Display: "standalone", ThemeColour: "#7a3e9d", BackgroundColor: "#fbfaf7",
		Icons: []appIcon{{Src: "/sub/logo.svg", Sizes: "any", Type: "image/svg+xml"}},
	}
	if got, _ := json.Marshal(m); !bytes.Equal(got, must(json.Marshal(want))) {
		t.Errorf("manifest:\n%s\nwant:\n%s", got, must(json.Marshal(want)))
	}
	for _, page := range []string{"index.html", "one/index.html", "404.html"} {
		s.assertFile(page, `<link rel=manifest href="/sub/manifest.webmanifest">`, `data-worker="/sub/sw.js"`,
			`worker-src 'self'; manifest-src 'self'`)
	}
	worker := s.file("sw.js")
	assertHolds(t, "sw.js", worker, `app:!0`, `"/sub/"`, `"/sub/one/"`, `"/sub/404.html"`, `"/sub/guide.pdf"`,
		`"/sub/logo.svg"`, `"/sub/manifest.webmanifest"`, `"/sub/`+s.assetPath("coachbook")+`"`, `notFound:"/sub/404.html"`)
	for _, left := range []string{"sitemap.xml", "robots.txt", "workbooks.json", "index.html", buildMarker, `"/sub/sw.js"`, "Your name"} {
		if strings.Contains(worker, left) {
			t.Errorf("sw.js names %s", left)
		}
	}
	if !workerVersion.MatchString(worker) {
		t.Errorf("sw.js has no version:\n%s", worker)
	}
	s.assertNoFile("assets/sw.js")
}

// TestWorkerVersionFollowsFiles rebuilds a site: the worker's version
// stays while no file changes, and changes with any page.
func TestWorkerVersionFollowsFiles(t *testing.T) {
	s := newTestSite(t, webAppSite)
	s.build()
	first := workerVersion.FindString(s.file("sw.js"))
	s.build()
	if again := workerVersion.FindString(s.file("sw.js")); again != first {
		t.Errorf("the same site built again has version %s, was %s", again, first)
	}
	s.write("content/one.md", "---\ntitle: One\n---\n::text[Your full name]{#name}\n")
	s.build()
	if changed := workerVersion.FindString(s.file("sw.js")); changed == first {
		t.Errorf("a changed page keeps the version %s", changed)
	}
}

// TestAppIcons takes a square PNG logo large enough as the icon, and the
// default icons for any other.
func TestAppIcons(t *testing.T) {
	for _, tc := range []struct {
		width, height int
		want          string
	}{
		{256, 256, `[{"src":"/logo.png","sizes":"256x256","type":"image/png"}]`},
		{64, 64, `[{"src":"/icon-192.png","sizes":"192x192","type":"image/png"},{"src":"/icon-512.png","sizes":"512x512","type":"image/png"}]`},
		{512, 256, `[{"src":"/icon-192.png","sizes":"192x192","type":"image/png"},{"src":"/icon-512.png","sizes":"512x512","type":"image/png"}]`},
	} {
		s := newTestSite(t, "-- content/_index.md --\n---\ntitle: Site\nlogo: logo.png\n---\n")
		var logo bytes.Buffer
		mustDo(t, png.Encode(&logo, image.NewGray(image.Rect(0, 0, tc.width, tc.height))))
		s.write("static/logo.png", logo.String())
		s.build()
		var m webManifest
		mustDo(t, json.Unmarshal([]byte(s.file("manifest.webmanifest")), &m))
		if got := string(must(json.Marshal(m.Icons))); got != tc.want {
			t.Errorf("a %dx%d logo gives the icons %s, want %s", tc.width, tc.height, got, tc.want)
		}
	}
}

// TestAppTurnedOff builds a site with app: false: no manifest and no
// worker on its pages, and a worker that removes an earlier build's.
func TestAppTurnedOff(t *testing.T) {
	s := newTestSite(t, "-- content/_index.md --\n---\ntitle: Site\napp: false\n---\n")
	s.build()
	s.assertNoFile("manifest.webmanifest")
	assertHolds(t, "sw.js", s.file("sw.js"), "BUILD={app:!1}")
	assertLacks(t, "index.html", s.file("index.html"), "rel=manifest", "data-worker")
}

// TestAppSettingMustBeBool reports an app setting that is not true or
// false where it is written.
func TestAppSettingMustBeBool(t *testing.T) {
	s := newTestSite(t, "-- content/_index.md --\n---\ntitle: Site\napp: sometimes\n---\n")
	s.expectOnly("content/_index.md:3:6: app must be true or false, not the text \"sometimes\"")
}

// TestServeHasNoApp checks that serve's pages register no worker and link
// no manifest, and that it serves the worker that removes one.
func TestServeHasNoApp(t *testing.T) {
	s := newTestSite(t, webAppSite)
	v := s.serve()
	v.build()
	v.assertNoFile("manifest.webmanifest")
	assertLacks(t, "index.html", v.file("index.html"), "rel=manifest", "data-worker")
	v.assertFile("sw.js", "BUILD={app:!1}")
}

func assertLacks(t *testing.T, name, content string, snippets ...string) {
	t.Helper()
	for _, s := range snippets {
		if strings.Contains(content, s) {
			t.Errorf("%s holds %q", name, s)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
