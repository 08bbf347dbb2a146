package themes_test

import (
	"coachbook/generator"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pureCase is a JavaScript expression over the runtime's pure functions
// and what it must give, both as JSON.
type pureCase struct {
	name, expr, want string
}

// pureHelpers are the fields, files and summaries the cases share: a
// workbook "w" with a field of each kind an import treats apart, and two
// times, T1 and T2 a year later, as a file writes them and as numbers.
const pureHelpers = `
	const T1 = "2026-01-01T00:00:00Z", T2 = "2027-01-01T00:00:00Z";
	const t1 = 1767225600000, t2 = 1798761600000;
	const fields = coachbook.fieldsOf([{id: "w", fields: [
		{key: "name", type: "text"},
		{key: "todo", type: "list", max: 2, was: ["jobs"]},
		{key: "driver", type: "choice", other: true},
		{key: "ready", type: "check"},
		{key: "tr.situation", type: "text", exercise: "tr"},
		{key: "tasks", type: "rows", columns: [{key: "task", type: "text"}, {key: "done", type: "check"}]},
		// A field may be called so; one the site lacks may not (checkImport).
		{key: "constructor", type: "text"}
	]}]);
	const file = (...workbooks) => ({format: "coachbook-answers", version: 1, workbooks});
	const wb = (...answers) => ({id: "w", title: "W", url: "/w/", answers});
	const a = (key, value, updated = T1, label) => ({key, value, updated, label});
	const check = data => {
		const r = R.checkImport(data, fields);
		return r.problem ? {problem: r.problem} : {
			answers: r.answers.map(x => [x.workbook.id, x.key, x.label, x.record.v, x.record.t]),
			left: r.left, cut: r.cut, site: r.site
		};
	};
	const plan = (data, local) => {
		const p = R.planImport(R.checkImport(data, fields), local);
		return {changes: p.changes.map(c => [c.key, c.what, c.record.v]), kept: p.kept, same: p.same, left: p.left.length, cut: p.cut};
	};
`

// TestRuntimePureFunctions table-tests the functions the runtime exposes
// on window.coachbook: what counts as answered, fitting a value to a
// field, checking and planning an import, and merging by time. They read
// no page and no storage, so one page serves every case.
func TestRuntimePureFunctions(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": "---\ntitle: W\n---\n::text[Q]{#q}\n"}))
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	loadRestore(b)

	for _, group := range []struct {
		name  string
		cases []pureCase
	}{
		{"namespace", namespaceCases},
		{"answered", answeredCases},
		{"counts", countsCases},
		{"holds", holdsCases},
		{"fit", fitCases},
		{"checkImport", checkImportCases},
		{"planImport", planImportCases},
		{"merge", mergeCases},
		{"fileLabel", fileLabelCases},
		{"toNumber", toNumberCases},
		{"fieldOfKey", fieldOfKeyCases},
	} {
		t.Run(group.name, func(t *testing.T) {
			for _, c := range group.cases {
				t.Run(c.name, func(t *testing.T) {
					got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](
						`JSON.stringify((() => {`+pureHelpers+`return (`+c.expr+`); })())`))
					if err != nil {
						t.Fatalf("%s: %v", c.expr, err)
					}
					if !sameJSON(t, got, c.want) {
						t.Errorf("%s\n got %s\nwant %s", c.expr, got, c.want)
					}
				})
			}
		})
	}
}

// TestFieldKindsAgree requires the runtime, with the extension files a
// page using every kind loads, to bind every field kind the build defines
// and no other: a kind added to generator/fieldkinds.go without a binder,
// or whose binder is in a file the page does not load, would save as
// plain text, or not at all.
func TestFieldKindsAgree(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": everyKindPage}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	runtime := eval[[]string](b, `coachbook.kinds`)
	build := generator.FieldKinds()
	sort.Strings(build)
	if strings.Join(runtime, " ") != strings.Join(build, " ") {
		t.Errorf("the runtime binds %v; the build defines %v", runtime, build)
	}
}

// loadRestore loads the restore's checks on a page that offers a restore,
// as choosing a file does, as window.R.
func loadRestore(b *browserSite) {
	b.do(chromedp.Evaluate[chromedp.Void](`coachbook.restoring().then(r => { window.R = r; })`))
	waitFor(b, `!!window.R`)
}

// sameJSON tells whether two JSON texts hold the same value.
func sameJSON(t *testing.T, got, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("the runtime gave %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("the case wants %q: %v", want, err)
	}
	return reflect.DeepEqual(g, w)
}

var namespaceCases = []pureCase{
	{"frozen", `Object.isFrozen(coachbook)`, `true`},
	{"names", `Object.keys(coachbook).sort()`,
		`["answered", "calendar", "counts", "defineCalendar", "defineFeature", "defineKind", "defineProtect", "defineRestore", "fieldOfKey", "fieldsOf", "fileLabel", "fit", "give", "holds", "isWorkbookID", "kinds", "markdown", "protecting", "restoring", "say", "toNumber"]`},
	{"the restore, loaded on demand", `Object.keys(R).sort()`, `["booksFrom", "checkImport", "confirm", "fieldsFor", "merge", "planImport", "prepare", "readImport", "take", "takeBook"]`},
	{"the restore, frozen", `Object.isFrozen(R)`, `true`},
	{"a second restore file changes nothing", `coachbook.defineRestore(() => ({}))`, `false`},
}

// holdsCases: whether a show-if condition holds for the answer of the
// field it names, as the workbook page and the listings both judge it.
var holdsCases = []pureCase{
	{"a scale at most 3", `coachbook.holds({op: "<=", value: "3"}, "3")`, `true`},
	{"a scale above 3", `coachbook.holds({op: "<=", value: "3"}, "4")`, `false`},
	{"numbers compare as numbers", `coachbook.holds({op: "<", value: "10"}, "9")`, `true`},
	{"a number", `coachbook.holds({op: ">", value: "6.5"}, 7)`, `true`},
	{"zero is an answer", `coachbook.holds({op: "<", value: "1"}, 0)`, `true`},
	{"equal numbers written apart", `coachbook.holds({op: "=", value: "3.0"}, "3")`, `true`},
	{"unanswered compares false", `coachbook.holds({op: "<", value: "3"}, "")`, `false`},
	{"unanswered is not unequal", `coachbook.holds({op: "!=", value: "lead"}, undefined)`, `false`},
	{"text typed in a number box", `coachbook.holds({op: "<", value: "3"}, "two")`, `false`},
	{"an option", `coachbook.holds({op: "=", value: "lead"}, "lead")`, `true`},
	{"another option", `coachbook.holds({op: "=", value: "lead"}, "ic")`, `false`},
	{"not an option", `coachbook.holds({op: "!=", value: "lead"}, "ic")`, `true`},
	{"several including it", `coachbook.holds({op: "=", value: "pay"}, ["people", "pay"])`, `true`},
	{"several without it", `coachbook.holds({op: "!=", value: "pay"}, ["people"])`, `true`},
	{"none of several picked", `coachbook.holds({op: "!=", value: "pay"}, [])`, `false`},
	{"a ticked check", `coachbook.holds({op: "=", value: "true"}, true)`, `true`},
	{"an unticked check", `coachbook.holds({op: "=", value: "false"}, false)`, `true`},
	{"answered text", `coachbook.holds({op: "answered"}, "Lead")`, `true`},
	{"blank text is empty", `coachbook.holds({op: "empty"}, "  ")`, `true`},
	{"no answer is empty", `coachbook.holds({op: "empty"}, undefined)`, `true`},
	{"a list with an item", `coachbook.holds({op: "answered"}, ["", "Ana"])`, `true`},
}

// countsCases: what counts as answering a field, on the workbook page and
// the listings alike.
var countsCases = []pureCase{
	{"text", `coachbook.counts("x", {type: "text"})`, `true`},
	{"blank text", `coachbook.counts("  ", {type: "text"})`, `false`},
	{"a number", `coachbook.counts(0, {type: "number"})`, `true`},
	{"text typed in a number box", `coachbook.counts("12 or so", {type: "number"})`, `false`},
	{"an empty number box", `coachbook.counts("", {type: "number"})`, `false`},
	{"an option", `coachbook.counts("pay", {type: "choice", options: ["pay", "Other"]})`, `true`},
	{"the other choice", `coachbook.counts("Other", {type: "choice", options: ["pay", "Other"]})`, `true`},
	{"an option that is gone", `coachbook.counts("gone", {type: "choice", options: ["pay"]})`, `false`},
	{"several, one still offered", `coachbook.counts(["gone", "pay"], {type: "choice", options: ["pay"]})`, `true`},
	{"a choice without options listed", `coachbook.counts("x", {type: "choice"})`, `true`},
	{"empty rows", `coachbook.counts([{task: "", done: false}], {type: "rows"})`, `false`},
	{"a row", `coachbook.counts([{task: "Call", done: false}], {type: "rows"})`, `true`},
	// Grid and matrix: what is kept under "@" (weights, option names) is
	// no answer; a score or a cell is.
	{"a matrix of weights and names", `coachbook.counts({"@weights": {pay: 3}, lq2x9k0aab: {"@name": "North"}}, {type: "matrix"})`, `false`},
	{"a matrix with a score", `coachbook.counts({"@weights": {pay: 3}, a: {pay: 4}}, {type: "matrix"})`, `true`},
	{"a grid with a tick", `coachbook.counts({walk: {mon: true}}, {type: "grid"})`, `true`},
	{"a grid of no ticks", `coachbook.counts({walk: {mon: false}}, {type: "grid"})`, `false`},
}

// fileLabelCases: a client's name as a file name may hold it.
var fileLabelCases = []pureCase{
	{"initials", `coachbook.fileLabel("A. B.")`, `"A-B"`},
	{"spaces trimmed", `coachbook.fileLabel("  Ada Lovelace ")`, `"Ada-Lovelace"`},
	{"letters of any script", `coachbook.fileLabel("Zoë 山田")`, `"Zoë-山田"`},
	{"path and markup", `coachbook.fileLabel("../<b>x</b>")`, `"b-x-b"`},
	{"dash and underscore kept", `coachbook.fileLabel("a_b-c")`, `"a_b-c"`},
	{"nothing left", `coachbook.fileLabel("...")`, `""`},
	{"no name", `coachbook.fileLabel(undefined)`, `""`},
}

var answeredCases = []pureCase{
	{"a map of texts", `coachbook.answered({"Work-life balance": "must"})`, `true`},
	{"a map of empty texts", `coachbook.answered({a: "", b: " "})`, `false`},
	{"a map of rows", `coachbook.answered({morning: {mon: "", tue: "Walk"}})`, `true`},
	{"a map of empty rows", `coachbook.answered({morning: {mon: ""}, evening: {}})`, `false`},
	{"empty text", `coachbook.answered("")`, `false`},
	{"blank text", `coachbook.answered(" \n\t")`, `false`},
	{"text", `coachbook.answered("x")`, `true`},
	{"true", `coachbook.answered(true)`, `true`},
	{"false", `coachbook.answered(false)`, `false`},
	{"null", `coachbook.answered(null)`, `false`},
	{"undefined", `coachbook.answered(undefined)`, `false`},
	// A number field saves numbers; 0 is an answer too.
	{"number", `coachbook.answered(1)`, `true`},
	{"zero", `coachbook.answered(0)`, `true`},
	{"not a number", `coachbook.answered(NaN)`, `false`},
	{"empty list", `coachbook.answered([])`, `false`},
	{"list of blanks", `coachbook.answered(["", " "])`, `false`},
	{"list with an item", `coachbook.answered(["", "a"])`, `true`},
	{"empty rows", `coachbook.answered([{task: "", done: false}, {}])`, `false`},
	{"row ticked only", `coachbook.answered([{task: "", done: true}])`, `true`},
	{"row with text", `coachbook.answered([{task: " Call "}])`, `true`},
	{"too deep", `coachbook.answered([[["x"]]])`, `false`},
	{"row holding only its ID", `coachbook.answered([{"@id": "r0"}, {"@id": "lq2x9k0aab", task: " "}])`, `false`},
	{"row with its ID and text", `coachbook.answered([{"@id": "r0", task: "Call"}])`, `true`},
}

var fitCases = []pureCase{
	{"a map of texts, for a kind of its own", `coachbook.fit({"Work-life balance": "must", security: "no"}, {type: "sort"})`, `{"v": {"Work-life balance": "must", "security": "no"}, "cut": false}`},
	{"a map of rows", `coachbook.fit({morning: {mon: "Walk", tue: true, wed: 3}}, {type: "grid"})`, `{"v": {"morning": {"mon": "Walk", "tue": true, "wed": 3}}, "cut": false}`},
	{"a row's own word beside its cells", `coachbook.fit({a: {"@name": "Offer A", pay: 3}}, {type: "matrix"})`, `{"v": {"a": {"@name": "Offer A", "pay": 3}}, "cut": false}`},
	{"a map three deep", `coachbook.fit({morning: {mon: {x: 1}}}, {type: "grid"})`, `null`},
	{"a map of lists", `coachbook.fit({a: ["x"]}, {type: "sort"})`, `null`},
	{"a map key too long", `coachbook.fit({["k".repeat(1001)]: "x"}, {type: "sort"})`, `null`},
	{"a row key that is no column", `coachbook.fit({a: {"pay day": 3}}, {type: "matrix"})`, `null`},
	{"no field: text", `coachbook.fit("x")`, `{"v": "x", "cut": false}`},
	{"no field: a number", `coachbook.fit(5)`, `{"v": 5, "cut": false}`},
	{"no field: not a value", `coachbook.fit(Infinity)`, `null`},
	{"number: number", `coachbook.fit(1.5, {type: "number"})`, `{"v": 1.5, "cut": false}`},
	{"number: empty", `coachbook.fit("", {type: "number"})`, `{"v": "", "cut": false}`},
	{"number: text kept as typed", `coachbook.fit("12a", {type: "number"})`, `{"v": "12a", "cut": false}`},
	{"number: not finite", `coachbook.fit(Infinity, {type: "number"})`, `null`},
	{"number: NaN", `coachbook.fit(NaN, {type: "number"})`, `null`},
	{"number: list", `coachbook.fit([1], {type: "number"})`, `null`},
	{"number: boolean", `coachbook.fit(true, {type: "number"})`, `null`},
	{"text: number", `coachbook.fit(5, {type: "text"})`, `null`},
	{"rows: number cell",
		`coachbook.fit([{what: "Walk", minutes: 20}, {what: "Run", minutes: "a while"}, {minutes: true}], {type: "rows", columns: [{key: "what"}, {key: "minutes", type: "number"}]})`,
		`{"v": [{"what": "Walk", "minutes": 20}, {"what": "Run", "minutes": "a while"}, {}], "cut": true}`},
	{"rows: number in a text column", `coachbook.fit([{what: 5}], {type: "rows", columns: [{key: "what"}]})`, `{"v": [{}], "cut": true}`},
	{"no field: nested lists", `coachbook.fit([["x"]])`, `null`},
	{"check: boolean", `coachbook.fit(true, {type: "check"})`, `{"v": true, "cut": false}`},
	{"check: text", `coachbook.fit("yes", {type: "check"})`, `null`},
	{"text: text", `coachbook.fit("hi", {type: "text"})`, `{"v": "hi", "cut": false}`},
	{"text: list", `coachbook.fit(["a"], {type: "text"})`, `null`},
	{"textarea: too long", `coachbook.fit("a".repeat(1000001), {type: "textarea"})`, `null`},
	{"textarea: longest", `coachbook.fit("a".repeat(1000000), {type: "textarea"}).v.length`, `1000000`},
	{"date: text", `coachbook.fit("2026-01-01", {type: "date"})`, `{"v": "2026-01-01", "cut": false}`},
	{"scale: text", `coachbook.fit("5", {type: "scale"})`, `{"v": "5", "cut": false}`},
	{"scale: number", `coachbook.fit(5, {type: "scale"})`, `null`},
	{"choice: one", `coachbook.fit("a", {type: "choice"})`, `{"v": "a", "cut": false}`},
	{"choice: several", `coachbook.fit(["a", "b"], {type: "choice"})`, `{"v": ["a", "b"], "cut": false}`},
	{"choice: boolean", `coachbook.fit(true, {type: "choice"})`, `null`},
	{"list: cut to max", `coachbook.fit(["a", "b", "c"], {type: "list", max: 2})`, `{"v": ["a", "b"], "cut": true}`},
	{"list: within max", `coachbook.fit(["a", "b"], {type: "list", max: 2})`, `{"v": ["a", "b"], "cut": false}`},
	{"list: no max cuts at 1000", `(r => [r.v.length, r.cut])(coachbook.fit(Array(1500).fill("a"), {type: "list"}))`, `[1000, true]`},
	{"list: max above 1000", `(r => [r.v.length, r.cut])(coachbook.fit(Array(1500).fill("a"), {type: "list", max: 5000}))`, `[1000, true]`},
	{"list: not text", `coachbook.fit(["a", 1], {type: "list"})`, `null`},
	{"list: text", `coachbook.fit("a", {type: "list"})`, `null`},
	{"checklist: texts", `coachbook.fit(["x"], {type: "checklist", max: 0})`, `{"v": ["x"], "cut": false}`},
	{"rows: extra column and cell",
		`coachbook.fit([{task: "Call", done: true, x: "y"}], {type: "rows", columns: [{key: "task"}, {key: "done", type: "check"}]})`,
		`{"v": [{"task": "Call", "done": true}], "cut": true}`},
	{"rows: cell of the wrong kind",
		`coachbook.fit([{task: "Call", done: "yes"}], {type: "rows", columns: [{key: "task"}, {key: "done", type: "check"}]})`,
		`{"v": [{"task": "Call"}], "cut": true}`},
	{"rows: choice and scale cells are their keys",
		`coachbook.fit([{status: "offer", want: "3"}], {type: "rows", columns: [{key: "status", type: "choice", options: ["applied", "offer"]}, {key: "want", type: "scale"}]})`,
		`{"v": [{"status": "offer", "want": "3"}], "cut": false}`},
	{"rows: a choice cell of several is no cell",
		`coachbook.fit([{status: ["offer"]}], {type: "rows", columns: [{key: "status", type: "choice"}]})`,
		`null`},
	{"rows: without columns", `coachbook.fit([{a: "1"}], {type: "rows"})`, `{"v": [{"a": "1"}], "cut": false}`},
	{"rows: cut to max", `coachbook.fit([{a: "1"}, {a: "2"}], {type: "rows", max: 1})`, `{"v": [{"a": "1"}], "cut": true}`},
	{"rows: texts", `coachbook.fit(["a"], {type: "rows"})`, `null`},
	{"rows: bad column key", `coachbook.fit([{"1x": "a"}], {type: "rows"})`, `null`},
	{"rows: IDs kept",
		`coachbook.fit([{"@id": "lq2x9k0aab", task: "Call"}, {"@id": "r1", done: true}], {type: "rows", columns: [{key: "task"}, {key: "done", type: "check"}]})`,
		`{"v": [{"@id": "lq2x9k0aab", "task": "Call"}, {"@id": "r1", "done": true}], "cut": false}`},
	{"rows: malformed IDs dropped",
		`coachbook.fit([{"@id": "Bad id", task: "a"}, {"@id": 7, task: "b"}, {"@id": "x".repeat(17), task: "c"}, {"@id": true, task: "d"}], {type: "rows", columns: [{key: "task"}]})`,
		`{"v": [{"task": "a"}, {"task": "b"}, {"task": "c"}, {"task": "d"}], "cut": true}`},
	{"rows: an ID of no cell's kind", `coachbook.fit([{"@id": ["r0"], task: "a"}], {type: "rows", columns: [{key: "task"}]})`, `null`},
	{"rows: an ID only", `coachbook.fit([{"@id": "r0"}], {type: "rows", columns: [{key: "task"}]})`, `{"v": [{"@id": "r0"}], "cut": false}`},
	{"rows: a key with @ and more than a word refused", `coachbook.fit([{"@x-y": "a"}], {type: "rows"})`, `null`},
	{"rows: a runtime's own word kept only when the columns are known", `coachbook.fit([{"@x": "a", task: "b"}], fields.w.tasks).v`, `[{"task": "b"}]`},
	{"unknown kind: a value", `coachbook.fit(["a"], {type: "future"})`, `{"v": ["a"], "cut": false}`},
	{"unknown kind: a map of texts", `coachbook.fit({a: "1"}, {type: "future"})`, `{"v": {"a": "1"}, "cut": false}`},
	{"unknown kind: not a value", `coachbook.fit({a: {b: {c: "1"}}}, {type: "future"})`, `null`},
}

// toNumberCases: what a client types in a number box, with "." or ","
// as the decimal mark.
var toNumberCases = []pureCase{
	{"whole", `coachbook.toNumber("12")`, `12`},
	{"spaces", `coachbook.toNumber(" 12 ")`, `12`},
	{"decimal point", `coachbook.toNumber("1.5")`, `1.5`},
	{"decimal comma", `coachbook.toNumber("1,5")`, `1.5`},
	{"negative", `coachbook.toNumber("-3")`, `-3`},
	{"no leading digit", `coachbook.toNumber(".5")`, `0.5`},
	{"empty", `coachbook.toNumber("")`, `""`},
	{"blank", `coachbook.toNumber("  ")`, `""`},
	{"text", `Number.isNaN(coachbook.toNumber("abc"))`, `true`},
	{"trailing text", `Number.isNaN(coachbook.toNumber("12a"))`, `true`},
	{"two marks", `Number.isNaN(coachbook.toNumber("1,000.5"))`, `true`},
	{"exponent", `Number.isNaN(coachbook.toNumber("1e5"))`, `true`},
	{"Infinity", `Number.isNaN(coachbook.toNumber("Infinity"))`, `true`},
	{"hexadecimal", `Number.isNaN(coachbook.toNumber("0x10"))`, `true`},
	{"sign alone", `Number.isNaN(coachbook.toNumber("-"))`, `true`},
}

var checkImportCases = []pureCase{
	{"the client's name", `R.checkImport(Object.assign(file(wb(a("name", "Ada"))), {client: " A. B. "}), fields).client`, `"A. B."`},
	{"a file without a name", `R.checkImport(file(wb(a("name", "Ada"))), fields).client`, `""`},
	{"a name that is not text is ignored", `(c => [c.client, c.answers.length])(R.checkImport(Object.assign(file(wb(a("name", "Ada"))), {client: {toString: 1}}), fields))`, `["", 1]`},
	{"a name too long is ignored", `R.checkImport(Object.assign(file(), {client: "x".repeat(101)}), fields).client`, `""`},
	{"the name reaches the plan", `R.planImport(R.checkImport(Object.assign(file(wb(a("name", "Ada"))), {client: "A. B."}), fields), {}).client`, `"A. B."`},
	{"not an object", `check("x")`, `{"problem": "This is not a file of coachbook answers."}`},
	{"another format", `check({format: "other", version: 1, workbooks: []})`, `{"problem": "This is not a file of coachbook answers."}`},
	{"version as text", `check({format: "coachbook-answers", version: "1", workbooks: []})`, `{"problem": "This is not a file of coachbook answers."}`},
	{"no workbooks", `check({format: "coachbook-answers", version: 1})`, `{"problem": "This is not a file of coachbook answers."}`},
	{"newer version", `check({format: "coachbook-answers", version: 2, workbooks: []})`, `{"problem": "This file comes from a newer version of coachbook."}`},
	{"one answer", `check(file(wb(a("name", "Ada", T1, "Your name"))))`,
		`{"answers": [["w", "name", "Your name", "Ada", 1767225600000]], "left": [], "cut": 0, "site": null}`},
	{"label not text", `check(file(wb(a("name", "Ada", T1, [1]))))`,
		`{"answers": [["w", "name", "name", "Ada", 1767225600000]], "left": [], "cut": 0, "site": null}`},
	{"the site", `check(Object.assign(file(), {site: {id: "x", title: "X"}})).site`, `{"id": "x", "title": "X"}`},
	{"a site without text", `check(Object.assign(file(), {site: {id: 5}})).site`, `{"id": "", "title": "?"}`},
	{"another site's workbook is kept", `check(file({id: "other", answers: [a("x", "v")]}))`,
		`{"answers": [["other", "x", "x", "v", 1767225600000]], "left": [], "cut": 0, "site": null}`},
	{"workbook ID not ours", `check(file({id: "q&a", answers: [a("x", "v")]})).left`, `["q&a: x (left out)"]`},
	{"workbook ID __proto__", `check(file({id: "__proto__", answers: [a("x", "v")]})).left`, `["__proto__: x (left out)"]`},
	{"workbook without answers", `check(file({id: "w"})).left`, `["w: ? (left out)"]`},
	{"not a workbook", `check(file(5)).left`, `["?: ? (left out)"]`},
	{"field key not ours", `check(file(wb(a("1a", "v")))).left`, `["W: 1a (left out)"]`},
	{"time not a date", `check(file(wb(a("name", "Ada", "soon")))).left`, `["W: name (left out)"]`},
	{"no value", `check(file(wb({key: "name", updated: T1}))).left`, `["W: name (left out)"]`},
	{"value of the wrong kind", `check(file(wb(a("name", [1]), a("ready", "yes")))).left`, `["W: name (left out)", "W: ready (left out)"]`},
	{"list cut to fit", `check(file(wb(a("todo", ["a", "b", "c"]))))`,
		`{"answers": [["w", "todo", "todo", ["a", "b"], 1767225600000]], "left": [], "cut": 1, "site": null}`},
	{"earlier key fits the field", `check(file(wb(a("jobs", ["a", "b", "c"])))).answers`,
		`[["w", "jobs", "jobs", ["a", "b"], 1767225600000]]`},
	{"other box is text", `check(file(wb(a("driver.other", "Purpose"), a("driver.other", ["x"], T2)))).left`,
		`["W: driver.other (left out)"]`},
	{"rows cut to their columns", `check(file(wb(a("tasks", [{task: "Call", done: true, x: "y"}]))))`,
		`{"answers": [["w", "tasks", "tasks", [{"task": "Call", "done": true}], 1767225600000]], "left": [], "cut": 1, "site": null}`},
	{"twice: the later wins", `check(file(wb(a("name", "new", T2), a("name", "old", T1)))).answers`,
		`[["w", "name", "name", "new", 1798761600000]]`},
	{"twice: the later wins when last", `check(file(wb(a("name", "old", T1), a("name", "new", T2)))).answers`,
		`[["w", "name", "name", "new", 1798761600000]]`},
	{"twice at one time: the first stays", `check(file(wb(a("name", "first"), a("name", "second")))).answers`,
		`[["w", "name", "name", "first", 1767225600000]]`},
	{"twice across workbook entries", `check(file(wb(a("name", "old")), wb(a("name", "new", T2)))).answers`,
		`[["w", "name", "name", "new", 1798761600000]]`},
	{"a field the site lacks called constructor", `check(file(wb(a("prototype", "x")), {id: "constructor", answers: [a("x", "v")]})).left`,
		`["W: prototype (left out)", "constructor: x (left out)"]`},
	{"a field the site has called constructor", `check(file(wb(a("constructor", "x")))).answers.length`, `1`},
	{"a value with a key __proto__", `check(file(wb(a("other", JSON.parse('{"__proto__": "x"}'))))).left`, `["W: other (left out)"]`},
	{"a map value is kept", `check(file(wb(a("other", {proto: "x"})))).answers.length`, `1`},
	{"more than 10,000 answers", `check(file(wb(...Array(10001).fill(a("name", "x")))))`,
		`{"problem": "This file holds more than 10000 answers, more than any site asks: it cannot be a file of your answers."}`},
	{"10,000 answers", `check(file(wb(...Array(10000).fill(a("name", "x"))))).answers.length`, `1`},
	{"one odd answer stops no other", `check(file(wb(a("name", "Ada"), null, a("ready", true))))`,
		`{"answers": [["w", "name", "name", "Ada", 1767225600000], ["w", "ready", "ready", true, 1767225600000]], "left": ["W: ? (left out)"], "cut": 0, "site": null}`},
}

var planImportCases = []pureCase{
	{"nothing saved", `plan(file(wb(a("name", "Ada"))), {})`,
		`{"changes": [["name", "new", "Ada"]], "kept": 0, "same": 0, "left": 0, "cut": 0}`},
	{"saved older", `plan(file(wb(a("name", "Ada", T2))), {w: {name: {v: "Bob", t: t1}}})`,
		`{"changes": [["name", "replaces yours", "Ada"]], "kept": 0, "same": 0, "left": 0, "cut": 0}`},
	{"saved newer", `plan(file(wb(a("name", "Ada", T1))), {w: {name: {v: "Bob", t: t2}}})`,
		`{"changes": [], "kept": 1, "same": 0, "left": 0, "cut": 0}`},
	{"saved at the same time", `plan(file(wb(a("name", "Ada", T1))), {w: {name: {v: "Bob", t: t1}}})`,
		`{"changes": [], "kept": 1, "same": 0, "left": 0, "cut": 0}`},
	{"saved the same", `plan(file(wb(a("todo", ["a"], T2))), {w: {todo: {v: ["a"], t: t1}}})`,
		`{"changes": [], "kept": 0, "same": 1, "left": 0, "cut": 0}`},
	{"another workbook saved", `plan(file(wb(a("name", "Ada"))), {other: {name: {v: "Ada", t: t1}}})`,
		`{"changes": [["name", "new", "Ada"]], "kept": 0, "same": 0, "left": 0, "cut": 0}`},
	{"inherited names are not saved answers", `plan(file(wb(a("constructor", "x"))), {w: {}})`,
		`{"changes": [["constructor", "new", "x"]], "kept": 0, "same": 0, "left": 0, "cut": 0}`},
	{"everything at once",
		`plan(file(wb(a("name", "Ada", T2), a("ready", true), a("todo", ["a", "b", "c"]), a("driver", "x", T1), a("tasks", 5))),
			{w: {name: {v: "Bob", t: t1}, driver: {v: "y", t: t2}, ready: {v: true, t: t2}}})`,
		`{"changes": [["name", "replaces yours", "Ada"], ["todo", "new", ["a", "b"]]], "kept": 1, "same": 1, "left": 1, "cut": 1}`},
	{"the checked answers stay as they were",
		`(c => (R.planImport(c, {}), "what" in c.answers[0]))(R.checkImport(file(wb(a("name", "Ada"))), fields))`,
		`false`},
}

var mergeCases = []pureCase{
	{"nothing saved", `R.merge(null, {v: "a", t: 1})`, `"new"`},
	{"nothing saved, undefined", `R.merge(undefined, {v: "a", t: 1})`, `"new"`},
	{"same value, newer", `R.merge({v: "a", t: 1}, {v: "a", t: 2})`, `"same"`},
	{"same value, older", `R.merge({v: "a", t: 2}, {v: "a", t: 1})`, `"same"`},
	{"newer", `R.merge({v: "a", t: 1}, {v: "b", t: 2})`, `"replaces"`},
	{"older", `R.merge({v: "a", t: 2}, {v: "b", t: 1})`, `"kept"`},
	{"same time", `R.merge({v: "a", t: 1}, {v: "b", t: 1})`, `"kept"`},
	{"same list", `R.merge({v: ["a", "b"], t: 1}, {v: ["a", "b"], t: 2})`, `"same"`},
	{"list in another order", `R.merge({v: ["a", "b"], t: 1}, {v: ["b", "a"], t: 2})`, `"replaces"`},
	{"same rows", `R.merge({v: [{task: "x", done: true}], t: 1}, {v: [{task: "x", done: true}], t: 0})`, `"same"`},
	{"true and false", `R.merge({v: false, t: 1}, {v: true, t: 2})`, `"replaces"`},
}

// fieldOfKey: an entry of a repeating exercise saves each field under the
// field's key with @ENTRY after the exercise's part; restore, labels and
// text find the field by removing it.
var fieldOfKeyCases = []pureCase{
	{"an entry's field", `coachbook.fieldOfKey("tr@k3x9a2.situation")`, `"tr.situation"`},
	{"a field of no entry", `coachbook.fieldOfKey("tr.situation")`, `"tr.situation"`},
	{"a field outside exercises", `coachbook.fieldOfKey("name")`, `"name"`},
	{"a choice's other box of an entry", `coachbook.fieldOfKey("tr@a1.feel.other")`, `"tr.feel.other"`},
	{"an ID too long is no entry", `coachbook.fieldOfKey("tr@abcdefghijklmnopq.situation")`, `"tr@abcdefghijklmnopq.situation"`},
	{"capitals are no entry", `coachbook.fieldOfKey("tr@K3.situation")`, `"tr@K3.situation"`},
	{"an entry needs a field", `coachbook.fieldOfKey("tr@k3")`, `"tr@k3"`},
	{"a restored entry answer is checked against its field", `check(file(wb(a("tr@k3x9a2.situation", "Late bus"), a("tr@k3x9a2.situation", 5), a("tr@K.situation", "x"))))`,
		`{"answers": [["w", "tr@k3x9a2.situation", "tr@k3x9a2.situation", "Late bus", 1767225600000]], "left": ["W: tr@k3x9a2.situation (left out)", "W: tr@K.situation (left out)"], "cut": 0, "site": null}`},
}
