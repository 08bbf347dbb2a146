package themes_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Images written as data: addresses, in every encoding that used to come
// out blank: SVG percent-encoded and in base64, AVIF, and PNG without a
// ';' after its type.
const (
	svgImage     = `data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20width='4'%20height='3'%3E%3Crect%20width='4'%20height='3'%20fill='%231f6f5c'/%3E%3C/svg%3E`
	svgB64Image  = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnIHdpZHRoPSc0JyBoZWlnaHQ9JzMnPjxyZWN0IHdpZHRoPSc0JyBoZWlnaHQ9JzMnLz48L3N2Zz4="
	avifImage    = "data:image/avif;base64,AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUEAAADybWV0YQAAAAAAAAAoaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAGxpYmF2aWYAAAAADnBpdG0AAAAAAAEAAAAeaWxvYwAAAABEAAABAAEAAAABAAABGgAAAB0AAAAoaWluZgAAAAAAAQAAABppbmZlAgAAAAABAABhdjAxQ29sb3IAAAAAamlwcnAAAABLaXBjbwAAABRpc3BlAAAAAAAAAAQAAAADAAAAEHBpeGkAAAAAAwgICAAAAAxhdjFDgSAAAAAAABNjb2xybmNseAABAA0ABoAAAAAXaXBtYQAAAAAAAAABAAEEAQKDBAAAACVtZGF0EgAKCDgEeYQENBpAMg8YwA0000QARmzv+ECLE8A="
	pngNoSemicol = "data:image/png,%89PNG%0D%0A%1A%0A%00%00%00%0DIHDR%00%00%00%04%00%00%00%03%08%02%00%00%00%3B%969%91%00%00%00%18IDATx%9Cb%91%CF%8Fa%80%01%26%06%24%80%C2%01%04%00%00%FF%FF%22%A6%00%F3%DC%7D%84B%00%00%00%00IEND%AEB%60%82"
)

// TestDataImagesShow opens a workbook with each kind of data: image and
// checks that the browser shows every one, within the page's policy.
func TestDataImagesShow(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n" +
		"![svg](" + svgImage + ") ![svg64](" + svgB64Image + ") ![avif](" + avifImage + ") ![png](" + pngNoSemicol + ")\n"}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitReady(chromedp.CSS("main")))
	waitFor(b, `[...document.querySelectorAll('main img')].every(i => i.complete)`)
	widths := eval[map[string]float64](b, `Object.fromEntries([...document.querySelectorAll('main img')].map(i => [i.alt, i.naturalWidth]))`)
	for _, alt := range []string{"svg", "svg64", "avif", "png"} {
		if widths[alt] != 4 {
			t.Errorf("the %s image is %v pixels wide, want 4: %v", alt, widths[alt], widths)
		}
	}
}

// TestPublishedHTMLRunsNoScript opens a plain HTML handout that a site
// publishes as it is, then adds script to the published copy, as a check
// that missed it would have let through: the policy the build wrote into
// the handout stops it.
func TestPublishedHTMLRunsNoScript(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{
		"content/handout.html": "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Handout</title><link rel=\"icon\" href=\"dot.svg\">\n" +
			"<style>h1 { color: #1f6f5c }</style></head>\n<body><h1>Before we meet</h1>\n" +
			"<img src=\"dot.svg\" alt=\"dot\"></body></html>\n",
		"content/dot.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"><rect width=\"4\" height=\"3\"/></svg>\n",
	}))
	b.do(chromedp.Navigate(b.url("handout.html")), chromedp.WaitReady(chromedp.CSS("h1")))
	waitFor(b, `document.querySelector('img').complete`)
	if got := eval[float64](b, `document.querySelector('img').naturalWidth`); got != 4 {
		t.Errorf("the handout's image is %v pixels wide, want 4", got)
	}
	if got := eval[string](b, `getComputedStyle(document.querySelector('h1')).color`); got != "rgb(31, 111, 92)" {
		t.Errorf("the handout's own style is not applied: the heading is %s", got)
	}

	published := filepath.Join(b.dests[basePath], "handout.html")
	data, err := os.ReadFile(published)
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Replace(string(data), "</h1>",
		`</h1><script>document.title = "ran"</script><svg onload="document.title = 'ran'"></svg>`, 1)
	if err := os.WriteFile(published, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.url("handout.html")), chromedp.WaitReady(chromedp.CSS("h1")))
	waitFor(b, `document.readyState == "complete"`)
	if title := eval[string](b, `document.title`); title != "Handout" {
		t.Fatalf("script ran in the published handout: the title is %q", title)
	}
	// The browser reports both scripts it blocked; they are expected here.
	for blocked := 0; blocked < 2; {
		select {
		case <-b.ctx.Done():
			t.Fatalf("the browser reported %d of the 2 scripts blocked by the handout's policy", blocked)
		case <-time.After(20 * time.Millisecond):
		}
		b.mu.Lock()
		blocked = 0
		for _, p := range b.problems {
			if strings.Contains(p, "violates the following Content Security Policy directive 'script-src 'none''") {
				blocked++
			}
		}
		if blocked == 2 {
			b.problems = nil
		}
		b.mu.Unlock()
	}
}
