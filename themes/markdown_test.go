package themes_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	goldhtml "github.com/yuin/goldmark/renderer/html"
)

// hostileAnswers are answers that are Markdown or HTML, one a line; a
// coach's reader must show each as the text it is.
var hostileAnswers = []string{
	"<img src=x onerror=alert(1)>",
	"[click](javascript:alert(1))",
	"# heading",
	"**bold** and __bold__ and *em*",
	"`code` and ``` fence",
	"1. first",
	"2) second",
	"- dash",
	"+ plus",
	"> quote",
	"| a | b |",
	"&amp; &#60;script&#62;",
	"~~strike~~",
	"<https://example.com>",
	"![image](x.png)",
	"[ref]: javascript:alert(1)",
	"a \\",
}

// TestMarkdownEscapesAnswers answers with Markdown and HTML, downloads the
// workbook as Markdown, and renders it as a coach's reader would, with
// GitHub's extensions and raw HTML allowed: only the document's own
// headings, paragraphs and lists come out, and every answer reads as
// typed.
func TestMarkdownEscapesAnswers(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	dir := downloads(b)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	lines := jsString(strings.Join(hostileAnswers, "\n"))
	b.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const set = (id, v) => { const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); };
		const lines = ` + lines + `;
		set('field-name', lines.split('\n')[0]);
		set('field-enjoy', lines);
		set('field-questions:1', lines.split('\n')[1]);
		set('field-fears.pairs:1:fear', lines);
		set('field-fears.pairs:1:criterion', lines.split('\n')[2]);
	})()`))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=markdown]`)))
	markdown := waitForFile(t, dir, ".md")

	var out bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(goldhtml.WithUnsafe()))
	if err := md.Convert([]byte(markdown), &out); err != nil {
		t.Fatal(err)
	}
	// A bare web address may become a link to itself, as it reads.
	selfLink := regexp.MustCompile(`<a href="(https://[^"<]*)">([^<]*)</a>`)
	rendered := selfLink.ReplaceAllStringFunc(out.String(), func(a string) string {
		m := selfLink.FindStringSubmatch(a)
		if m[1] != m[2] {
			return a
		}
		return m[2]
	})
	allowed := map[string]bool{"h1": true, "h2": true, "p": true, "ul": true, "li": true}
	for _, tag := range regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)`).FindAllStringSubmatch(rendered, -1) {
		if !allowed[strings.ToLower(tag[2])] {
			t.Errorf("the Markdown renders a <%s> element:\n%s\nfrom:\n%s", tag[2], rendered, markdown)
			break
		}
	}
	if n := strings.Count(rendered, "<h2>"); n != 4 {
		t.Errorf("%d headings for 4 answers:\n%s", n, rendered)
	}
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(rendered, ""))
	for _, line := range hostileAnswers {
		if !strings.Contains(text, line) {
			t.Errorf("the rendered text lacks %q:\n%s", line, text)
		}
	}
}
