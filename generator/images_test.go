package generator

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestDataImages checks that every image type the scheme check lets
// through keeps its address in the page: an SVG or AVIF written as a
// data: URL used to come out as an empty src. A data: image that cannot
// show is a build error that says why.
func TestDataImages(t *testing.T) {
	const (
		svg  = `data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%202%202'%3E%3Ccircle%20r='1'%20fill='%231f6f5c'/%3E%3C/svg%3E`
		svg2 = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="
		avif = "data:image/avif;base64,AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZg=="
		png  = "data:image/png,%89PNG%0D%0A%1A%0A"
	)
	for _, settings := range []string{"", "---\nallowHTML: true\n---\n"} {
		s := newTestSite(t, "-- content/_index.md --\n"+settings+`
-- content/a.md --
---
title: A
---
![a](`+svg+`) ![b](`+svg2+`) ![c](`+avif+`) ![d](`+png+`)
`)
		s.build()
		// The minifier may write a data: URL in another encoding: compare
		// the images they hold.
		got := imageSources(t, s.file("a/index.html"))
		for i, src := range []string{svg, svg2, avif, png} {
			if i >= len(got) {
				t.Errorf("settings %q: image %d is missing", settings, i)
				continue
			}
			wantType, wantData := decodeDataURL(t, src)
			gotType, gotData := decodeDataURL(t, got[i])
			if wantType == "image/svg+xml" {
				// It may also minify the SVG, which changes its quotes.
				wantData = strings.ReplaceAll(wantData, "'", `"`)
			}
			if gotType != wantType || gotData != wantData {
				t.Errorf("settings %q: image %d is %q, want it to show %s", settings, i, got[i], src)
			}
		}
	}
}

// imageSources returns the src of each img element in a page, in order.
func imageSources(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var srcs []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "img" {
			src := ""
			for _, a := range n.Attr {
				if a.Key == "src" {
					src = a.Val
				}
			}
			srcs = append(srcs, src)
		}
	}
	return srcs
}

// decodeDataURL returns a data: URL's media type and the bytes it holds.
func decodeDataURL(t *testing.T, u string) (mediaType, data string) {
	t.Helper()
	header, payload, ok := strings.Cut(strings.TrimPrefix(u, "data:"), ",")
	if !ok || !strings.HasPrefix(u, "data:") {
		return "", ""
	}
	mediaType, base64Encoded := strings.CutSuffix(header, ";base64")
	if base64Encoded {
		b, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		return mediaType, string(b)
	}
	unescaped, err := url.PathUnescape(payload)
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return mediaType, unescaped
}

// TestDataImagesThatCannotShow checks the data: images that would come out
// blank are errors at their position that say why.
func TestDataImagesThatCannotShow(t *testing.T) {
	s := newTestSite(t, `-- content/a.md --
---
title: A
---
![a](data:image/svg+xml,<svg><circle_fill='#fff'/></svg>)
![b](data:image/x-tiff;base64,AAAA)
![c](data:image/png;base64)
`)
	s.expectErrors(
		`content/a.md:4:6: image "data:image/svg+xml,<svg><circle_fill='#fff'/></svg>" has a # in its SVG, which ends the address there: write it as %23`,
		`content/a.md:5:6: image "data:image/x-tiff;base64,AAAA" is of type image/x-tiff, which browsers do not show; use`,
		`content/a.md:6:6: image "data:image/png;base64" has no data: a data: address holds a comma before its data`,
	)
}
