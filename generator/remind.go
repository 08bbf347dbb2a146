package generator

// remindScript offers to add a date field's date to the client's
// calendar: it makes an .ics file in the browser, which it downloads.
const remindScript = "coachbook-remind.js"

// readRemind reads whether a date offers "Add to calendar".
func readRemind(f *field, r *attrReader) { f.Remind = r.bool("remind") }

// refuseRemind reports remind on a field of a kind other than date,
// which has no date to add to a calendar.
func refuseRemind(f *field, r *attrReader) {
	if _, ok := r.attrs["remind"]; ok && f.Type != "date" {
		r.read["remind"] = true // reported here, not as unknown
		r.fail("remind", "remind works on date fields: a %s field has no date to add to a calendar", f.Type)
	}
}

// reminds reports whether any of fields, or a column of one, offers to
// add its date to a calendar.
func reminds(fields []*field) bool {
	for _, f := range fields {
		if f.Remind || reminds(f.Columns) {
			return true
		}
	}
	return false
}
