package themes_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axePage holds every kind of field and display: a number, a table
// written in Markdown with a column of each kind, a repeating exercise,
// built-in and a site's own, a total and a chart of a table's column and
// of a repeat's entries, rankings, card sorts, grids and matrices, a
// question that appears when needed, a recall and a timer.
const axePage = everyKindPage + `
::number[Minutes practised]{#minutes min=0 max=600 unit="min"}

:::rows[Job applications]{#apps}
::text[Company]{#company}
::choice[Status]{#status options="applied=Applied|no=Not this time"}
::date[Applied on]{#applied}
::number[Salary offered]{#salary unit="€" optional}
::check[Followed up]{#followed}
:::

:::exercise{#journal repeat title="Journal entry" add="Add today's entry"}
::date[Date]{#date}
::scale[Mood]{#mood min=0 max=10}
::textarea[What happened]{#what}
:::

::total[Entries]{of="journal.mood" show="count"}
::chart[Mood over time]{of="journal.mood"}

::grid[Mood each day]{#moods rows="mood=Mood|sleep=Sleep" cols="mon=Mon|tue=Tue|wed=Wed" cell=scale}
::matrix[Your own options]{#own options=client criteria="fit=Fit|ease=Ease"}

::textarea[What would help?]{#help show-if="now <= 3"}

::recall[Your name]{from="w#name"}

::timer[Say it out loud]{minutes=1}
`

// axeScript reads axe-core's axe.min.js from where COACHBOOK_AXE says.
// Without it the test skips, except in CI, where it must run.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("COACHBOOK_AXE")
	if path == "" {
		const how = "install axe-core from npm (npm install --no-save --prefix /tmp/axe axe-core@4.14.1) and set COACHBOOK_AXE=/tmp/axe/node_modules/axe-core/axe.min.js"
		if os.Getenv("CI") != "" {
			t.Fatal("COACHBOOK_AXE is not set, and CI must run the accessibility check: " + how)
		}
		t.Skip("COACHBOOK_AXE is not set; to run the accessibility check, " + how)
	}
	script, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading axe-core from COACHBOOK_AXE: %v", err)
	}
	return string(script)
}

// axeViolation is what the test reports of a rule axe finds broken.
type axeViolation struct {
	ID, Impact, Help string
	Targets          []string
}

// TestAxeNewKinds fills a page of every kind, with a row, two entries of
// a repeat and a chart with points, and runs axe-core's WCAG 2 A and AA
// rules on it, light, dark and on a phone: nothing serious or critical. axe is evaluated through the
// DevTools protocol, which the page's Content Security Policy does not
// govern, so the page keeps its policy.
func TestAxeNewKinds(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": axePage}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`.entry-add`)))
	b.do(chromedp.SendKeys(chromedp.ID(`field-minutes`), "25"))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-field=apps] [data-col=company]`), "Acme"))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-exercise=log] [data-col=minutes]`), "20"))
	b.do(chromedp.Click(chromedp.CSS(`[data-exercise=journal] [data-entry] [data-field$=".mood"] .scale-point:nth-child(4) label`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-exercise=journal] .entry-add`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-exercise=journal] [data-entry] [data-field$=".mood"] .scale-point:nth-child(7) label`)))
	waitFor(b, `document.querySelectorAll('[data-chart] svg circle').length >= 2`)
	// A matrix with a leader and its working open, and a named option.
	b.do(chromedp.SetValue(chromedp.CSS(`[aria-label="Offer A, Pay"]`), "4"), chromedp.SetValue(chromedp.CSS(`[data-weight=pay]`), "3"),
		chromedp.SendKeys(chromedp.CSS(`[data-field=own] [data-name]`), "North"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-field=offers] select').dispatchEvent(new Event('change', { bubbles: true }))`),
		chromedp.Click(chromedp.CSS(`[data-field=offers] summary`)))

	axeLightDarkNarrow(t, b, script)
}

// axeLightDarkNarrow loads axe-core into b's page and runs it in light and
// dark colours, then dark at 320 px wide, where tables are cards.
func axeLightDarkNarrow(t *testing.T, b *browserSite, script string) {
	t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](script))
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		runAxe(t, b, scheme)
	}
	b.do(chromedp.EmulateViewport(320, 640))
	runAxe(t, b, "dark, 320 px wide")
}

// runAxe runs axe-core's WCAG 2 A and AA rules on b's page, shown as how
// says, failing t for every serious or critical violation and logging
// the others.
func runAxe(t *testing.T, b *browserSite, how string) {
	t.Helper()
	found, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
		.then(r => JSON.stringify({passed: r.passes.map(v => v.id), violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe: %v", err)
	}
	var results struct {
		Passed     []string
		Violations []axeViolation
	}
	if err := json.Unmarshal([]byte(found), &results); err != nil {
		t.Fatalf("reading axe's results %s: %v", found, err)
	}
	if len(results.Passed) == 0 {
		t.Fatalf("axe, %s: found no rule that applies and passes: %s", how, found)
	}
	t.Logf("axe, %s: %d rules passed: %v", how, len(results.Passed), results.Passed)
	for _, v := range results.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("axe, %s: %s (%s): %s, at %q", how, v.ID, v.Impact, v.Help, v.Targets)
		} else {
			t.Logf("axe, %s, not serious: %s (%s): %s, at %q", how, v.ID, v.Impact, v.Help, v.Targets)
		}
	}
}
