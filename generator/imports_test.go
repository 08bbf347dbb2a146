package generator

import (
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
