package generator

import "fmt"

// timerScript runs the timers of a page.
const timerScript = "coachbook-timer.js"

// Limits of a timer, in minutes: long enough for a timed exercise, short
// enough that a typo such as minutes=200 is caught.
const (
	timerMinutes    = 2 // when minutes is left out
	timerMaxMinutes = 120
)

// readMinutes reads how long a timer runs: minutes, a whole number from 1
// to 120, or 2 when left out.
func readMinutes(ds *display, r *attrReader) {
	minutes := r.int("minutes", timerMinutes)
	if minutes < 1 || minutes > timerMaxMinutes {
		r.fail("minutes", "minutes must be a whole number from 1 to %d, not %d", timerMaxMinutes, minutes)
		minutes = timerMinutes
	}
	ds.Seconds = minutes * 60
}

// Clock is a timer's length as the page shows it before it starts, mm:ss.
func (ds *display) Clock() string {
	return fmt.Sprintf("%02d:%02d", ds.Seconds/60, ds.Seconds%60)
}
