package generator

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestTitleFromHeadingLeavesTheBody checks that a workbook titled by its
// first # heading shows that heading once, as the page's title, and that
// its other headings keep their levels, as they would had the title been
// in the frontmatter; setext headings count too, and the file is read
// again for its body, as a build to disk does.
func TestTitleFromHeadingLeavesTheBody(t *testing.T) {
	s := newTestSite(t, `
-- content/a.md --
---
sidebar_label: A
---
# Common questions

Intro.

## Tell me about yourself
-- content/b.md --
Salary talk
===========

## Your range
`)
	stats := s.build()
	if len(stats.Warnings) != 2 {
		t.Errorf("want 2 warnings, got %v", stats.Warnings)
	}
	a := s.file("a/index.html")
	if n := strings.Count(a, "Common questions</h"); n != 1 {
		t.Errorf("the title's heading shows %d times, want once:\n%s", n, a)
	}
	s.assertFile("a/index.html", "<h1>Common questions</h1>", "<h2 id=tell-me-about-yourself>Tell me about yourself</h2>")
	s.assertFile("b/index.html", "<h1>Salary talk</h1>", "<h2 id=your-range>Your range</h2>")
}

// TestPartialsAreLeftOut checks that files and folders whose names start
// with "_", which Docusaurus treats as partials, are left out of the
// build, pages and other files alike, except _index.md.
func TestPartialsAreLeftOut(t *testing.T) {
	s := newTestSite(t, careerSite+`
-- content/_partial.md --
---
weight: not a number
---
::text[Left out]{#x y=}
-- content/__template__.md --
---
weight: not a number
---
-- content/_courses/_index.md --
---
weight: not a number
---
-- content/_courses/intro.md --
---
weight: not a number
---
-- content/_courses/diagram.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- content/interview/_category_.json --
{"label": "Interviews"}
`)
	s.build()
	for _, name := range []string{"_partial/index.html", "__template__/index.html", "_courses/index.html", "_courses/intro/index.html", "_courses/diagram.svg", "interview/_category_.json"} {
		s.assertNoFile(name)
	}
	s.assertFile("interview/index.html", "Interview preparation")
}

// TestMDXImportLinesLeftOut checks that the import lines MDX pages open
// with, for the JSX components they use, are left out rather than shown
// as a paragraph, and that prose which only starts like one stays.
func TestMDXImportLinesLeftOut(t *testing.T) {
	s := newTestSite(t, `
-- content/a.md --
---
title: A
---
import Tabs from '@theme/Tabs';
import TabItem from "@theme/TabItem";
import '../css/extra.css';

Import your CV from LinkedIn.

import the rest from 'elsewhere' later, when this is not the page's top.
`)
	s.build()
	page := s.file("a/index.html")
	for _, left := range []string{"@theme/Tabs", "@theme/TabItem", "extra.css"} {
		if strings.Contains(page, left) {
			t.Errorf("the page shows the import of %s:\n%s", left, page)
		}
	}
	s.assertFile("a/index.html", "<p>Import your CV from LinkedIn.", "import the rest from")
}

// TestSidebarPositionOrders checks that Docusaurus' sidebar_position
// orders a collection's workbooks as weight does, 0 and fractions
// included, and that weight wins where both are written.
func TestSidebarPositionOrders(t *testing.T) {
	s := newTestSite(t, `
-- content/c/_index.md --
---
title: C
---
-- content/c/a.md --
---
title: Alpha
sidebar_position: 2
---
-- content/c/b.md --
---
title: Bravo
sidebar_position: 0
---
-- content/c/c.md --
---
title: Charlie
sidebar_position: 1.5
---
-- content/c/d.md --
---
title: Delta
---
-- content/c/e.md --
---
title: Echo
weight: 10
sidebar_position: 0
---
`)
	s.build()
	page := s.file("c/index.html")
	last := -1
	for _, title := range []string{"Bravo", "Charlie", "Alpha", "Echo", "Delta"} {
		at := strings.Index(page, ">"+title+"<")
		if at < last {
			t.Errorf("%s is out of order:\n%s", title, page)
		}
		last = at
	}
}

// TestDocusaurusSiteBuilds builds testdata/sites/docusaurus.txtar, a site
// of Markdown written for Docusaurus and GitHub: admonitions of every
// kind and title form, GitHub alerts of every kind, pages without a
// title, partials, raw HTML and JSX, MDX imports, Docusaurus'
// frontmatter and an image in static/. It builds with exactly the
// warnings expected, and an alert renders as the callout of its kind.
func TestDocusaurusSiteBuilds(t *testing.T) {
	archive, err := os.ReadFile("testdata/sites/docusaurus.txtar")
	mustDo(t, err)
	s := newTestSite(t, string(archive))
	stats := s.build()
	var got []string
	for _, w := range stats.Warnings {
		got = append(got, w.Error())
	}
	sort.Strings(got)
	want := []string{
		`content/interview/more.md:4:1: warning: raw HTML is left out (<details>, <summary> and 3 more); set allowHTML: true in content/_index.md to keep it`,
		`content/interview/thank-you.md:1:1: warning: no title and no # heading; using the file name "Thank you": to set it yourself, start the file with a frontmatter holding title: "Thank you"`,
		`content/intro.md:1:1: warning: no title in the frontmatter; using the first heading "Welcome to interview prep": to set it yourself, add title: "Welcome to interview prep" to the frontmatter`,
		`content/intro.md:35:1: warning: raw HTML is left out (<Tabs> and <TabItem>); set allowHTML: true in content/_index.md to keep it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	intro, questions := s.file("intro/index.html"), s.file("interview/questions/index.html")
	s.assertFile("intro/index.html", "<h1>Welcome to interview prep</h1>", "<p>Find a quiet room.")
	for _, gone := range []string{"@theme/Tabs", "<Tabs", "<TabItem", "Welcome to interview prep</h2>"} {
		if strings.Contains(intro, gone) {
			t.Errorf("intro/index.html holds %q:\n%s", gone, intro)
		}
	}
	shown := calloutsOf(intro)
	wantCallouts := []string{
		`<div class="callout callout-note" role=note><p class=callout-title>Note<p>Same as a GitHub note.</div>`,
		`<div class="callout callout-tip" role=note><p class=callout-title>Be specific<p>Name the company.</div>`,
		`<div class="callout callout-info" role=note><p class=callout-title>Before you start<p>Have your CV open.</div>`,
		`<div class="callout callout-warning" role=note><p class=callout-title>Mind the time<p>Twenty minutes.</div>`,
		`<div class="callout callout-danger" role=note><p class=callout-title>Danger<p>Never share a password.</div>`,
		`<div class="callout callout-warning" role=note><p class=callout-title>Warning<p>Docusaurus' other name for a warning.</div>`,
	}
	if strings.Join(shown, "\n") != strings.Join(wantCallouts, "\n") {
		t.Errorf("intro's callouts:\n%s\nwant:\n%s", strings.Join(shown, "\n"), strings.Join(wantCallouts, "\n"))
	}
	alerts := calloutsOf(questions)
	wantAlerts := []string{
		shown[0], // [!NOTE] is :::note, to the byte.
		`<div class="callout callout-tip" role=note><p class=callout-title>Tip<p>Say it out loud.</div>`,
		`<div class="callout callout-important" role=note><p class=callout-title>Important<p>Do this first.</div>`,
		`<div class="callout callout-warning" role=note><p class=callout-title>Warning<p>Twenty minutes.</div>`,
		shown[4], // [!CAUTION] is :::danger.
	}
	if strings.Join(alerts, "\n") != strings.Join(wantAlerts, "\n") {
		t.Errorf("the alerts:\n%s\nwant:\n%s", strings.Join(alerts, "\n"), strings.Join(wantAlerts, "\n"))
	}
	s.assertFile("interview/questions/index.html", `src=/img/logo.png`)
	s.assertFile("img/logo.png", "not really a PNG")
	for _, name := range []string{"_partial/index.html", "_courses/course/index.html", "_courses/_category_.json", "interview/__template__/index.html"} {
		s.assertNoFile(name)
	}
}

// calloutsOf returns the callouts of a page's HTML, each on one line.
func calloutsOf(page string) []string {
	var found []string
	for _, m := range regexp.MustCompile(`(?s)<div class="callout .*?</div>`).FindAllString(page, -1) {
		found = append(found, strings.Join(strings.Fields(strings.ReplaceAll(m, ">\n", ">")), " "))
	}
	return found
}
