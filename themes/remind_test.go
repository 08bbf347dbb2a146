package themes_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/emersion/go-ical"
)

// remindTitle is a workbook title that needs escaping (";" and ","), and
// is long and of many-byte characters, so that its lines fold.
const remindTitle = "Plan; next steps, together — schöne Grüße 🌱 für die nächste Sitzung"

// remindPage holds a date with remind, the commitments exercise (whose
// due dates and follow-up session have it by default) and a table whose
// first column is a textarea, where a client may write line breaks, and
// a repeating exercise, whose entries are made from its fields after the
// page has started.
const remindPage = `---
title: "` + remindTitle + `"
---
::date[Date of the next session]{#next-date remind}

::commitments{#actions}

:::rows[Hard things]{#hard}
::textarea[What it is]{#what}
::date[By when]{#due remind}
:::

:::exercise{#log repeat title="Check-ins"}
::date[Check-in date]{#when remind}
::text[How it went]{#how}
:::
`

// hostileText tries to end the event and start another from a client's
// answer, with every character TEXT escapes and a control character.
const hostileText = "Line one\r\nEND:VEVENT\r\nBEGIN:VEVENT\rSUMMARY:evil; a, b \\ c\x07"

// TestCalendarReminders clicks "Add to calendar" on a date field, on two
// rows of commitments (the second added after the page started), on the
// follow-up session, and on a row holding hostile text, and parses each
// downloaded .ics with a real iCalendar parser: one all-day event on the
// date, its summary, the link back, and the alarm the day before. With
// no date chosen, the button asks for one and downloads nothing.
func TestCalendarReminders(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/plan.md": remindPage}))
	page := b.url("plan/")
	b.do(chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	if got := eval[int](b, `[...document.querySelectorAll('[data-remind]:not([hidden])')].filter(e => !e.closest('[data-repeat]')).length`); got != 4 {
		t.Errorf("%d calendar buttons show, want 4: the date, the due dates of the two tables' first rows and the follow-up session", got)
	}

	// No date yet: the date box says to choose one, and nothing downloads.
	dir := downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	if got := eval[string](b, `document.getElementById('field-next-date').validationMessage`); got != "Choose a date first, then add it to your calendar." {
		t.Errorf("with no date, the date box says %q", got)
	}
	setValue(b, `#field-next-date`, "2026-12-04")
	if got := eval[string](b, `document.getElementById('field-next-date').validationMessage`); got != "" {
		t.Errorf("once a date is chosen, the date box still says %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	name, content := downloaded(t, dir, ".ics")
	checkEvent(t, name, "plan-next-date-2026-12-04.ics", content, event{
		start: "20261204", end: "20261205", url: page,
		summary: "Date of the next session · " + remindTitle,
	})

	// A row of commitments, its task written; the due date is the last of
	// the year, so the event ends in the next.
	rows := `[data-field="actions.tasks"]`
	b.do(chromedp.SendKeys(chromedp.CSS(rows+` li:nth-child(1) [data-col=task]`), "Research three companies"))
	setValue(b, rows+` li:nth-child(1) [data-col=due]`, "2026-12-31")
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(rows + ` li:nth-child(1) [data-remind]`)))
	name, content = downloaded(t, dir, ".ics")
	checkEvent(t, name, "plan-actions-tasks-due-2026-12-31.ics", content, event{
		start: "20261231", end: "20270101", url: page,
		summary: "Research three companies · By when · " + remindTitle,
	})

	// A row added later: its button shows, is named by its row, and works.
	b.do(chromedp.Click(chromedp.CSS(rows + ` [data-add]`)))
	waitFor(b, `document.querySelectorAll('[data-field="actions.tasks"] li [data-remind]:not([hidden])').length === 2`)
	waitFor(b, `document.querySelector('[data-field="actions.tasks"] li:nth-child(2) [data-remind]').getAttribute('aria-label') === 'Add to calendar: By when, row 2'`)
	b.do(chromedp.SendKeys(chromedp.CSS(rows+` li:nth-child(2) [data-col=measure]`), "A call booked"))
	setValue(b, rows+` li:nth-child(2) [data-col=due]`, "2028-02-28")
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(rows + ` li:nth-child(2) [data-remind]`)))
	name, content = downloaded(t, dir, ".ics")
	// Its first text cell left empty, the summary takes the first written.
	checkEvent(t, name, "plan-actions-tasks-due-2028-02-28.ics", content, event{
		start: "20280228", end: "20280229", url: page,
		summary: "A call booked · By when · " + remindTitle,
	})

	// The follow-up session, a field of the exercise.
	setValue(b, `[id="field-actions.follow-up"]`, "2027-01-15")
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-field="actions.follow-up"] [data-remind]`)))
	name, content = downloaded(t, dir, ".ics")
	checkEvent(t, name, "plan-actions-follow-up-2027-01-15.ics", content, event{
		start: "20270115", end: "20270116", url: page,
		summary: "Follow-up session · " + remindTitle,
	})

	// A client's text that tries to end the event stays in its summary.
	setValue(b, `[data-field=hard] [data-col=what]`, hostileText)
	setValue(b, `[data-field=hard] [data-col=due]`, "2027-03-01")
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-field=hard] [data-remind]`)))
	name, content = downloaded(t, dir, ".ics")
	checkEvent(t, name, "plan-hard-due-2027-03-01.ics", content, event{
		start: "20270301", end: "20270302", url: page,
		summary: "Line one\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:evil; a, b \\ c · By when · " + remindTitle,
	})

	// An entry of a repeating exercise added now, made from the fields
	// the exercise held before this script started.
	b.do(chromedp.Click(chromedp.CSS(`[data-exercise=log] .entry-add`)))
	newest := `[data-exercise=log] [data-entry]:first-of-type`
	waitFor(b, `(b => b && !b.hidden)(document.querySelector('`+newest+` [data-remind]'))`)
	key := eval[string](b, `document.querySelector('`+newest+` .field-date').getAttribute('data-field')`)
	setValue(b, newest+` input[type=date]`, "2027-04-10")
	dir = downloads(b)
	b.do(chromedp.Click(chromedp.CSS(newest + ` [data-remind]`)))
	name, content = downloaded(t, dir, ".ics")
	checkEvent(t, name, "plan-"+strings.NewReplacer("@", "-", ".", "-").Replace(key)+"-2027-04-10.ics", content, event{
		start: "20270410", end: "20270411", url: page,
		summary: "Check-in date · " + remindTitle,
	})
}

// TestCalendarRemindersAccessible runs axe on a page of reminders, light,
// dark and 320 px wide, and checks each button is a 44 px target.
func TestCalendarRemindersAccessible(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, map[string]string{"content/plan.md": remindPage}))
	b.do(chromedp.Navigate(b.url("plan/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=next-date] [data-remind]`)))
	b.do(chromedp.Click(chromedp.CSS(`[data-field="actions.tasks"] [data-add]`)))
	waitFor(b, `document.querySelectorAll('[data-field="actions.tasks"] [data-remind]:not([hidden])').length === 2`)
	b.do(chromedp.Click(chromedp.CSS(`[data-exercise=log] .entry-add`)))
	waitFor(b, `(b => b && !b.hidden)(document.querySelector('[data-exercise=log] [data-entry] [data-remind]'))`)
	axeLightDarkNarrow(t, b, script)
	small := eval[[]string](b, `[...document.querySelectorAll('[data-remind]')].filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44 }).map(e => e.getAttribute('aria-label'))`)
	if len(small) > 0 {
		t.Errorf("at 320 px, these calendar buttons are smaller than 44 px: %q", small)
	}
}

// setValue sets a control's value as a client would, with the input
// event the page listens for.
func setValue(b *browserSite, selector, value string) {
	b.t.Helper()
	sel, _ := json.Marshal(selector)
	v, _ := json.Marshal(value)
	if !eval[bool](b, `(() => { const el = document.querySelector(`+string(sel)+`); el.value = `+string(v)+`; el.dispatchEvent(new Event('input', {bubbles: true})); return true })()`) {
		b.t.Fatalf("could not set %s", selector)
	}
}

// event is what a reminder's .ics must hold.
type event struct {
	start, end   string // DTSTART and DTEND, dates as RFC 5545 writes them
	summary, url string
}

// checkEvent checks a downloaded .ics: its name, its lines as RFC 5545
// writes them (CRLF, at most 75 octets, folded between characters), and,
// parsed, one all-day event with the summary, link and alarm wanted.
func checkEvent(t *testing.T, name, wantName, content string, want event) {
	t.Helper()
	if name != wantName {
		t.Errorf("the file is named %q, want %q", name, wantName)
	}
	if !strings.HasSuffix(content, "\r\n") || strings.Count(content, "\n") != strings.Count(content, "\r\n") || strings.Count(content, "\r") != strings.Count(content, "\r\n") {
		t.Errorf("the lines of %s do not all end in CRLF:\n%q", name, content)
	}
	var logical []string
	for _, line := range strings.Split(strings.TrimSuffix(content, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("%s has a line of %d octets: %q", name, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("%s folds inside a character: %q", name, line)
		}
		if strings.HasPrefix(line, " ") && len(logical) > 0 {
			logical[len(logical)-1] += line[1:]
		} else {
			logical = append(logical, line)
		}
	}
	if len(logical) == len(strings.Split(content, "\r\n"))-1 {
		t.Errorf("%s folds no line, though its summary is long:\n%s", name, content)
	}
	for _, marker := range []string{"BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM", "END:VALARM"} {
		n := 0
		for _, line := range logical {
			if line == marker {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s has %d lines %s, want 1:\n%s", name, n, marker, content)
		}
	}

	cal, err := ical.NewDecoder(strings.NewReader(content)).Decode()
	if err != nil {
		t.Fatalf("parsing %s: %v\n%s", name, err, content)
	}
	// The parser's encoder refuses a calendar of the wrong shape, such as
	// an event with two summaries.
	if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Errorf("%s is not a well-formed calendar: %v", name, err)
	}
	for prop, value := range map[string]string{"VERSION": "2.0", "METHOD": "PUBLISH", "CALSCALE": "GREGORIAN"} {
		if p := cal.Props.Get(prop); p == nil || p.Value != value {
			t.Errorf("%s: the calendar's %s is %v, want %s", name, prop, p, value)
		}
	}
	if p := cal.Props.Get("PRODID"); p == nil || p.Value == "" {
		t.Errorf("%s has no PRODID", name)
	}
	events := cal.Events()
	if len(cal.Children) != 1 || len(events) != 1 {
		t.Fatalf("%s holds %d components, %d events, want one event", name, len(cal.Children), len(events))
	}
	ev := events[0]
	text := func(c *ical.Component, prop string) string {
		t.Helper()
		p := c.Props.Get(prop)
		if p == nil {
			t.Errorf("%s: %s has no %s", name, c.Name, prop)
			return ""
		}
		s, err := p.Text()
		if err != nil {
			t.Errorf("%s: %s %s: %v", name, c.Name, prop, err)
		}
		return s
	}
	if uid := text(ev.Component, "UID"); !strings.HasSuffix(uid, "@coachbook") || len(uid) < len("@coachbook")+16 {
		t.Errorf("%s: UID %q", name, uid)
	}
	if p := ev.Props.Get("DTSTAMP"); p == nil || !strings.HasSuffix(p.Value, "Z") {
		t.Errorf("%s: DTSTAMP %v is not in UTC", name, p)
	} else if _, err := p.DateTime(time.UTC); err != nil {
		t.Errorf("%s: DTSTAMP: %v", name, err)
	}
	for prop, date := range map[string]string{"DTSTART": want.start, "DTEND": want.end} {
		p := ev.Props.Get(prop)
		if p == nil || p.Params.Get("VALUE") != "DATE" || p.Value != date {
			t.Errorf("%s: %s is %+v, want the date %s (VALUE=DATE, all day)", name, prop, p, date)
			continue
		}
		if _, err := p.DateTime(time.UTC); err != nil {
			t.Errorf("%s: %s: %v", name, prop, err)
		}
	}
	if got := text(ev.Component, "SUMMARY"); got != want.summary {
		t.Errorf("%s: SUMMARY is %q, want %q", name, got, want.summary)
	}
	if got := text(ev.Component, "DESCRIPTION"); got != "From your workbook “"+remindTitle+"”: "+want.url {
		t.Errorf("%s: DESCRIPTION is %q, without the link %s", name, got, want.url)
	}
	if p := ev.Props.Get("URL"); p == nil || p.Value != want.url {
		t.Errorf("%s: URL is %v, want %s", name, p, want.url)
	}
	if len(ev.Children) != 1 || ev.Children[0].Name != "VALARM" {
		t.Fatalf("%s: the event holds %d components, want one VALARM", name, len(ev.Children))
	}
	alarm := ev.Children[0]
	if got := text(alarm, "ACTION"); got != "DISPLAY" {
		t.Errorf("%s: the alarm's ACTION is %q", name, got)
	}
	if got := text(alarm, "DESCRIPTION"); got != "Tomorrow: "+want.summary {
		t.Errorf("%s: the alarm says %q", name, got)
	}
	// 15 hours before an all-day event's start: 09:00 the day before.
	trigger := alarm.Props.Get("TRIGGER")
	if trigger == nil {
		t.Fatalf("%s: the alarm has no TRIGGER", name)
	}
	if d, err := trigger.Duration(); err != nil || d != -15*time.Hour || trigger.Params.Get("RELATED") != "" {
		t.Errorf("%s: the alarm's TRIGGER is %q (%v, %v), want -PT15H before the start", name, trigger.Value, d, err)
	}
}
