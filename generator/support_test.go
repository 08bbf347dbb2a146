package generator

import (
	"strings"
	"testing"
)

// supportSite is a site with support details, a sensitive collection with
// a sub-collection, a collection that is not sensitive but has a thought
// record, and a workbook marked sensitive on its own.
const supportSite = `
-- content/_index.md --
---
title: Companion
language: en-GB
support:
  intro: If you feel unsafe, contact one of these now.
  services:
    - {name: Samaritans, number: "116 123", where: UK and Ireland, url: "https://www.samaritans.org"}
    - {name: 988 Suicide & Crisis Lifeline, number: "988", where: US}
---
-- content/therapy/_index.md --
---
title: Between sessions
sensitive: true
---
-- content/therapy/log.md --
---
title: Log
---
::textarea{#how label="How was today?"}
-- content/therapy/deeper/_index.md --
---
title: Going deeper
---
-- content/therapy/deeper/plan.md --
---
title: Plan
---
::text{#step label="One step"}
-- content/career/_index.md --
---
title: Career
---
-- content/career/cv.md --
---
title: CV
---
::text{#role label="Your role"}
-- content/career/record.md --
---
title: Record
---
::thought-record{#tr}
-- content/career/hard-day.md --
---
title: A hard day
sensitive: true
---
::text{#what label="What happened"}
`

// TestSupportShownOnSensitivePages checks that the support details reach
// every page of a sensitive collection, below it, a sensitive workbook and
// a thought record, with their numbers as tel: links, and no other page.
func TestSupportShownOnSensitivePages(t *testing.T) {
	s := newTestSite(t, supportSite)
	s.build()
	for _, page := range []string{"therapy/index.html", "therapy/log/index.html", "therapy/deeper/index.html", "therapy/deeper/plan/index.html", "career/record/index.html", "career/hard-day/index.html"} {
		s.assertFile(page,
			`<h2 id=coachbook-support-title>If you need help now</h2><p>If you feel unsafe, contact one of these now.`,
			`<strong>Samaritans</strong> <span class=support-where>(UK and Ireland)</span> <a class=support-call href="tel:116123">Call 116 123</a> <a class=support-web href="https://www.samaritans.org">Website<span class=visually-hidden> (Samaritans)</span></a>`,
			`<strong>988 Suicide &amp; Crisis Lifeline</strong> <span class=support-where>(US)</span> <a class=support-call href="tel:988">Call 988</a>`)
	}
	for _, page := range []string{"index.html", "career/index.html", "career/cv/index.html", "answers/index.html"} {
		if strings.Contains(s.file(page), "coachbook-support-title") {
			t.Errorf("%s shows the support details, but nothing on it is sensitive", page)
		}
	}
}

// TestSupportWordsInEveryLanguage shows the support details' fixed words in
// the site's language.
func TestSupportWordsInEveryLanguage(t *testing.T) {
	s := newTestSite(t, strings.Replace(supportSite, "language: en-GB", "language: fr", 1))
	s.build()
	s.assertFile("therapy/log/index.html", `>Si vous avez besoin d&#39;aide maintenant</h2>`, `>Appeler le 116 123</a>`, `>Site web<span class=visually-hidden> (Samaritans)</span></a>`)
}

// TestProgressFalse switches a workbook's completion counter off: no
// progress on its page, its card or the listing's progress data, and none
// counted on the answers page, while its fields are still saved.
func TestProgressFalse(t *testing.T) {
	s := newTestSite(t, `
-- content/_index.md --
---
title: Companion
---
-- content/journal.md --
---
title: Journal
progress: false
---
::textarea{#today label="Today"}
-- content/goals.md --
---
title: Goals
---
::text{#goal label="A goal"}
`)
	s.build()
	journal := s.file("journal/index.html")
	if strings.Contains(journal, "data-progress") {
		t.Error("the journal shows a progress counter")
	}
	s.assertFile("journal/index.html", `"key":"today"`)
	s.assertFile("goals/index.html", `data-progress`)
	home := s.file("index.html")
	progress := between(t, home, "id=coachbook-progress>", "</script>")
	// A workbook is listed with its counted fields' print only when it
	// counts; the journal only for restoring its answers.
	if !strings.Contains(progress, `["journal"]`) {
		t.Errorf("the listing's progress data counts the journal: %s", progress)
	}
	if !strings.Contains(progress, `["goals",1,"`) {
		t.Errorf("the listing's progress data leaves out the goals: %s", progress)
	}
	if card := between(t, home, `data-workbook="journal">`, "</ol>"); strings.Contains(card, "data-card-progress") {
		t.Errorf("the journal's card shows progress: %s", card)
	}
	if index := between(t, s.file("answers/index.html"), "id=coachbook-book>", "</script>"); !strings.Contains(index, `["journal"]`) {
		t.Errorf("the answers page's index counts the journal: %s", index)
	}
	answers := bookOf(t, s.file("answers/index.html"), s.file)
	start := strings.Index(answers, `"id":"journal"`)
	if start < 0 {
		t.Fatal("the answers page does not list the journal")
	}
	entry := answers[start:]
	if !strings.Contains(entry[:min(len(entry), strings.Index(entry, `"progress":`)+20)], `"progress":[]`) {
		t.Errorf("the answers page counts the journal: %.300s", entry)
	}
}

// TestCollectionDuration shows the time a collection states on its page
// and on the listing above it, in minutes written as a number too.
func TestCollectionDuration(t *testing.T) {
	s := newTestSite(t, `
-- content/_index.md --
---
title: Companion
---
-- content/before/_index.md --
---
title: Before
duration: 25
---
-- content/before/a.md --
---
title: A
duration: 25 min
---
::text{#a label="A"}
`)
	s.build()
	s.assertFile("before/index.html", `<h1>Before</h1><p class=meta><span class=visually-hidden>Time needed: </span>25 min`)
	s.assertFile("index.html", `<h2><a href="/before/">Before</a></h2><p class=meta><span class=visually-hidden>Time needed: </span>25 min`)
}

// between is the part of s after start up to the first end after it.
func between(t *testing.T, s, start, end string) string {
	t.Helper()
	_, after, ok := strings.Cut(s, start)
	if !ok {
		t.Fatalf("no %q in %s", start, s)
	}
	inside, _, ok := strings.Cut(after, end)
	if !ok {
		t.Fatalf("no %q after %q", end, start)
	}
	return inside
}
