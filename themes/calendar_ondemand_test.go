package themes_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// calendarLoaded tells whether the page has fetched the calendar file.
const calendarLoaded = `performance.getEntriesByType('resource').some(e => /\/coachbook-calendar\.[0-9a-f]+\.js$/.test(e.name))`

// TestCalendarLoadsOnDemand: a page of dates to add to a calendar loads
// the code that makes the calendar file only once the client adds one,
// and, when that code cannot load, the date box says so and nothing
// downloads.
func TestCalendarLoadsOnDemand(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/plan.md": remindPage}))
	b.do(chromedp.Navigate(b.url("plan/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	if eval[bool](b, calendarLoaded) {
		t.Error("the page loaded the calendar file's code before any date was added")
	}
	dir := downloads(b)
	setValue(b, `#field-next-date`, "2026-12-04")
	b.do(chromedp.Click(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	if name, _ := downloaded(t, dir, ".ics"); name != "plan-next-date-2026-12-04.ics" {
		t.Errorf("downloaded %q", name)
	}
	if !eval[bool](b, calendarLoaded) {
		t.Error("the calendar file came without its code being loaded on demand")
	}

	// The code cannot load (the connection is gone, and no service worker
	// keeps it): the date box says so, and nothing downloads.
	b.do(chromedp.Navigate(b.url("plan/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	dir = downloads(b)
	eval[bool](b, `[...document.querySelectorAll('[data-calendar-file]')].forEach(e => e.setAttribute('data-calendar-file', '/assets/missing.js')) || true`)
	setValue(b, `#field-next-date`, "2026-12-04")
	b.do(chromedp.Click(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	waitFor(b, `document.getElementById('field-next-date').validationMessage !== ''`)
	if got := eval[string](b, `document.getElementById('field-next-date').validationMessage`); got != "The calendar file could not be made: part of this page could not be loaded. Check the connection and try again." {
		t.Errorf("when the calendar's code cannot load, the date box says %q", got)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("downloaded %d files though the calendar's code did not load", len(files))
	}
	// The browser reports the missing file; that is what this test made.
	b.mu.Lock()
	kept := b.problems[:0]
	for _, p := range b.problems {
		if !strings.Contains(p, "/assets/missing.js") {
			kept = append(kept, p)
		}
	}
	b.problems = kept
	b.mu.Unlock()
}
