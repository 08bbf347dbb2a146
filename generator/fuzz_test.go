package generator

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"coachbook/generator/diag"
)

// FuzzMarkdown converts any workbook body with the full engine, raw HTML
// off and the default theme's directive layouts, and checks the HTML a
// browser would build from it (see renderedHTMLProblem) and that every
// error it reports is placed inside the page. Its seeds, the CommonMark
// spec's examples and the hostile samples below, run with every go test;
// fuzz it with
//
//	go test ./generator -run '^$' -fuzz '^FuzzMarkdown$' -parallel 1
func FuzzMarkdown(f *testing.F) {
	for _, ex := range specExamples(f) {
		f.Add(ex.Markdown)
	}
	for _, sample := range directiveSamples {
		f.Add(sample)
	}
	for _, sample := range hostileMarkdown {
		f.Add(sample)
	}
	dl := defaultDirectiveLayouts(f)
	s := defaultSettings()
	// A site around the page, so that its links can lead to a workbook, a
	// collection, a draft and files.
	links := &linkResolver{site: s,
		workbooks:   map[string]*page{"guides/other.md": {URL: s.url("guides/other/")}, "top.md": {URL: s.url("top/")}},
		collections: map[string]*page{"guides": {URL: s.url("guides/")}, "": {URL: s.url("")}},
		drafts:      map[string]bool{"guides/draft.md": true}}
	md := newMarkdown(false, links, dl)
	const file = "content/guides/f.md"
	f.Fuzz(func(t *testing.T, body string) {
		p := &page{Kind: kindWorkbook, Site: s, source: file, dir: "guides", src: []byte(body), hasBody: true}
		conv := renderMarkdown(md, dl, p)
		if problem := renderedHTMLProblem(string(conv.html), len(conv.errs) == 0); problem != "" {
			t.Fatalf("%s\nfrom\n%q\nin\n%s", problem, body, conv.html)
		}
		for _, err := range conv.errs {
			var at *diag.Error
			if !errors.As(err, &at) || at.Pos.File != file || !positionInside(at.Pos, p.src) {
				t.Fatalf("error not placed in the page: %v\nfrom\n%q", err, body)
			}
		}
	})
}

// TestFuzzMarkdownOracleSeesRawHTML runs FuzzMarkdown's check on the
// engine with raw HTML allowed, where the hostile seeds do reach the
// output: the check must see them, or the fuzz target proves nothing.
func TestFuzzMarkdownOracleSeesRawHTML(t *testing.T) {
	dl := defaultDirectiveLayouts(t)
	md := newMarkdown(true, nil, dl)
	for in, want := range map[string]string{
		"<script>alert(1)</script>\n":            "element <script>",
		"a <b onclick=x>b</b>\n":                 "element <b>",
		"<p onclick=x>a</p>\n":                   `event handler onclick="x" on <p>`,
		"<a href=\"jav&#x09;ascript:x\">a</a>\n": "has the javascript: scheme",
		"<div>\n\n*a*\n":                         "<div> is never closed",
	} {
		p := &page{Kind: kindWorkbook, Site: defaultSettings(), source: "content/f.md", src: []byte(in), hasBody: true}
		conv := renderMarkdown(md, dl, p)
		if got := renderedHTMLProblem(string(conv.html), true); !strings.Contains(got, want) {
			t.Errorf("%q gave\n%s\nwhich the check reads as %q, want %q", in, conv.html, got, want)
		}
	}
}

// positionInside reports whether pos is a line and column of src: a
// column may be one past a line's last character, where a missing
// character would go.
func positionInside(pos diag.Position, src []byte) bool {
	lines := strings.Split(strings.TrimPrefix(string(src), "\uFEFF"), "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return false
	}
	return pos.Col >= 1 && pos.Col <= utf8.RuneCountInString(lines[pos.Line-1])+1
}

// directiveSamples seed the fuzz target with directives whose labels and
// attributes hold markup.
var directiveSamples = []string{
	"::text[Name]{#name hint=\"<script>alert(1)</script>\" placeholder='\" onmouseover=\"x()'}\n",
	"::choice[<b>Pick</b>]{#c options=\"javascript:alert(1)|<img src=x onerror=y>|a\\\"b\" other=\"<svg onload=z>\"}\n",
	":::exercise{#e title=\"</h2><script>x()</script>\" class='a\" onclick=\"b'}\n::textarea[T]{#t words=10}\n:::\n",
	"::::star[Led]{#lead examples=3}\n:::tip[Careful]\n[link](javascript:alert(1))\n:::\n::::\n",
	":::checklist[Docs]{#docs}\n- [ ] <script>x</script> {#cv}\n- [x] Letter\n:::\n",
	"::scale[Sure]{#s min=0 max=100 step=5 minLabel=\"<i>no</i>\"}\n::list[Q]{#q min=2 max=4}\n::date[D]{#d}\n",
	"::fear-exclusion{#f}\n::commitments{#c}\n::thought-record{#t}\n::grow{#g}\n::oskar{#o}\n",
	":::note\n<iframe src=x></iframe>\n:::\n::warning[Mind <the> gap]\n",
	"::text[A]{#a}} ::text\n:::\n::\n:::x{\n::a[\n",
	"::text[x]{#a placeholder=\"&quot; onfocus=x autofocus &quot;\" hint='&lt;b&gt;' class=\"c d\"}\n",
	"::text[**bold** <b>x</b> [l](javascript:x) ![i](data:text/html,x)]{#t .\"><x}\n",
	":::exercise[</section><script>]{#e hint=\"</p><form action=x>\" was=\"a,b\"}\n:::tip[<style>]\nx\n:::\n:::\n",
	"::::::exercise{#a}\n:::::note\n::::tip\n:::warning\ndeep\n:::\n::::\n:::::\n::::::\n",
	":::checklist[D]{#d hint=\"<svg>\"}\n- [ ] x {#x\" onclick=\"y}\n- [ ] [l](javascript:x) {#l}\n- [x] <img src=x onerror=y>\n:::\n",
	"::choice[C]{#c options=\"&lt;a&gt;|&#106;avascript:x|\\\"|'\" multiple other=\"&amp;\"}\n",
	"::scale[S]{#s min=-5 max=5 minLabel=\"</span><script>\" maxLabel='\" style=\"x'}\n::scale[T]{#t max=1000 step=10}\n",
	"::list[L]{#l min=0 max=50 placeholder=\"</textarea><script>\"}\n::textarea[T]{#t placeholder=\"</textarea><img src=x onerror=y>\" words=1}\n",
	":::rows[Log]{#log}\n::date[D]{#d}\n::number[M]{#m}\n:::\n::total[<b>Sum</b>]{of=\"log.m\" show=average class='x\" onclick=\"y'}\n::chart[</figure><script>]{of=\"log.m\"}\n",
	"::text[\x00display1\x00]{#a placeholder=\"\x00display1\x00\"}\n\x00display1\x00 `\x00display1\x00`\n::total[T]{of=\"log.m\"}\n:::rows[Log]{#log}\n::number[M]{#m}\n:::\n",
	"::practice-log{#p title=\"<h1>\"}\n::star{#s examples=20 label='\"><svg onload=x>'}\n",
	"- item\n  :::tip[In a list]\n  [a](<javascript:x>)\n  :::\n> :::note\n> quoted\n> :::\n",
	"::text[\\[esc\\] \\<b\\>]{#t hint=\"a\\\\\" class=x}\n::note[`<code>`]\n",
}

// hostileMarkdown seeds the fuzz target with raw HTML, which must be left
// out, and with links, images, entities and attributes that try to smuggle
// a scheme, a handler or an element past the renderer.
var hostileMarkdown = []string{
	"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n",
	"<svg><script>alert(1)</script></svg>\n<math><mtext><table><mglyph><style><img src=x onerror=y>\n",
	"<iframe srcdoc=\"<script>x</script>\"></iframe><object data=javascript:x></object><embed src=x>\n",
	"<base href=//x.example><meta http-equiv=refresh content=\"0;url=javascript:x\"><link rel=stylesheet href=x>\n",
	"<form action=//x.example><button formaction=javascript:x>go</button></form>\n",
	"<!-- --><script>x</script><![CDATA[<script>]]><?php x ?>\n<style>@import 'x'</style>\n",
	"<noscript><p title=\"</noscript><img src=x onerror=y>\"></noscript>\n",
	"<textarea></textarea><script>x</script>\n<title><script></title>\n<xmp><script></xmp>\n",
	"a <b onclick=x>b</b> <span style=color:red>c</span> <a href=javascript:x>d</a>\n",
	"[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](&#106;avascript:x) [d](java&#x09;script:x)\n",
	"[a](<java\tscript:x>) [b]( javascript:x) [c](%6Aavascript:x) [d](\x01javascript:x) [e](java\x00script:x)\n",
	"<javascript:alert(1)> <vbscript:x> <data:text/html,x> <JAVASCRIPT:x> <mailto:a@b.example>\n",
	"[a](data:text/html,<script>x</script>) ![i](data:image/svg+xml,<svg onload=x>) ![j](data:text/html;base64,PHNjcmlwdD4=)\n",
	"[ref] [other][ref2] ![img][ref3]\n\n[ref]: javascript:x\n[ref2]: <java\nscript:x>\n[ref3]: data:text/html,x \"t\"\n",
	"[a](b \"\\\" onclick=\\\"x\") ![\" onerror=\"x](y.png \"' onload='x\") [c](d 'e\" style=\"f')\n",
	"[a](//x.example/%22onmouseover=%22x) [b](/x?\"><script>) [c](#\"><script>) [d](x.md#\" onclick=\")\n",
	"# Title {#id .c onclick=x style=\"color:red\"}\n## T {#\"><script> .x}\n### T {#x data-x=y srcdoc=z}\n",
	"# Main\n# Main\n## field-x\n## exercise-y {#z}\n###### deep {id=w}\n",
	"x[^1] y[^<script>] z[^\"onclick]\n\n[^1]: <img src=x onerror=y>\n[^<script>]: [l](javascript:x)\n[^\"onclick]: z\n",
	"| a | <b>b</b> |\n|:--|--:|\n| [x](javascript:y) | <img onerror=z> |\n| `|` | ![i](data:image/png;base64,AA) |\n",
	"- [ ] <input type=submit formaction=x>\n- [x] done\n  - [ ] nested\n",
	"www.x.example/<script> http://x.example/\"onmouseover=\"x https://x.example/'>y javascript:alert(1)\nfoo@x.example\n",
	"```\"><script>\ncode\n```\n``` onclick=x\n</pre><script>\n```\n~~~ style=\"x\"\n~~~\n",
	"`</code><script>` ``<img src=x onerror=y>``\n\n    <script>indented</script>\n",
	"&lt;script&gt; &#0; &#x110000; &NotAnEntity; &amp;lt; &#60;script&#62; &#x3C;img src=x onerror=y&#x3E;\n",
	"\uFEFF# BOM\r\nline\r\n::text[Q]{#q}\r\n:::note\r\nx\r\n:::\r\n",
	"\x00<scr\x00ipt>\x00 [a](java\x00script:x) \x00\n",
	"<a\nhref=\"javascript:x\">a</a> <a href=\"jav&#x0A;ascript:x\">b</a>\n",
	"*<a href=\"*\">* _<img src=\"_\">_ [a](<b>c</b>) [<a href=\"x\">](y)\n",
	"> <script>\n> > <iframe>\n>\n> - <svg>\n",
	"~~<s>~~ **<b>** ***<i>***\n",
	"::text[Q]{#q}\n[a](javascript:x \"::text\")\n:::exercise{#e}\n<script>\n:::\n",
	"[a](other.md) [b](../top.md#x) [c](./) [d](draft.md) [e](../) [f](_index.md?q=1) [g](../guides/other.md#\"x)\n",
	"![i](img%20x.png) ![j](/static/<x>.png) [k](a%ZZ.pdf) [l](../../out.md) [m](file.pdf \"</a><script>\")\n",
	"[n](//x.example/y) [o](?q=\"><x>) [p](#%22onclick) [q](other.md#%3Cscript%3E) <other.md>\n",
}
