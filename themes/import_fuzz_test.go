package themes_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"testing"
	"time"
	"unicode/utf8"

	"coachbook/generator"

	"github.com/chromedp/chromedp"
)

// checkedImport is what the runtime's readImport makes of a file.
type checkedImport struct {
	Problem string `json:"problem"`
	Answers []struct {
		Workbook struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			URL   string `json:"url"`
		} `json:"workbook"`
		Key    string `json:"key"`
		Label  string `json:"label"`
		Record struct {
			V any     `json:"v"`
			T float64 `json:"t"`
		} `json:"record"`
	} `json:"answers"`
	Left []string `json:"left"`
	Cut  int      `json:"cut"`
}

// siteField is a field as the site's field files list it for restoring.
type siteField struct {
	Key     string   `json:"key"`
	Type    string   `json:"type"`
	Max     int      `json:"max"`
	Was     []string `json:"was"`
	Other   bool     `json:"other"`
	Columns []siteColumn
}

type siteColumn struct {
	Key  string `json:"key"`
	Type string `json:"type"`
}

var fieldKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)*$`)

// FuzzImportCheck gives the runtime's import check, on the home page of a
// site with every kind of field, files of answers, in one Chromium for
// each fuzzing process. Whatever the file, the check must return, and
// what it would restore must be what the site's fields can show: checked
// here again in Go, against the fields the page lists, with the build's
// own workbook ID pattern.
//
//	CI=true go test ./themes -run '^$' -fuzz FuzzImportCheck -fuzztime 10m
func FuzzImportCheck(f *testing.F) {
	b := openBuilds(f, map[string]generator.Options{basePath: {Source: writeSite(f, answersSite), BaseURL: basePath}}, 0)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	loadRestore(b)
	// The home page names the file that lists the fields; the check
	// needs them loaded, as a restore loads them first.
	b.do(chromedp.Evaluate[chromedp.Void](`R.fieldsFor(["prep/all"]).then(lists => { window.lists = lists; })`))
	waitFor(b, `!!window.lists`)
	var workbooks []struct {
		ID     string      `json:"id"`
		Fields []siteField `json:"fields"`
	}
	if err := json.Unmarshal([]byte(eval[string](b, `JSON.stringify(Object.keys(lists).map(id => ({id: id, fields: lists[id]})))`)), &workbooks); err != nil || len(workbooks) != 1 {
		f.Fatalf("the home page's field files list %+v (%v)", workbooks, err)
	}
	fields := map[string]siteField{}
	for _, field := range workbooks[0].Fields {
		fields[field.Key] = field
		for _, old := range field.Was {
			fields[old] = field
		}
		if field.Other {
			fields[field.Key+".other"] = siteField{Key: field.Key + ".other", Type: "text"}
		}
	}
	workbookID := regexp.MustCompile(generator.WorkbookIDPattern)

	when := `"updated": "2026-01-01T00:00:00Z"`
	for _, seed := range []string{
		`{"format": "coachbook-answers", "version": 1, "site": {"id": "x", "title": "X"}, "workbooks": [{"id": "prep/all", "title": "Every field", "url": "/prep/all/", "answers": [
			{"key": "name", "label": "Your name", "value": "Ada", ` + when + `},
			{"key": "questions", "value": ["a", "b", "c", "d", "e"], ` + when + `},
			{"key": "ready", "value": ["cv"], ` + when + `},
			{"key": "driver.other", "value": "Purpose", ` + when + `},
			{"key": "fears.pairs", "value": [{"fear": "Heights", "criterion": "No ladders", "x": 1}], ` + when + `},
			{"key": "actions.tasks", "value": [{"task": "Call", "done": "yes"}], ` + when + `},
			{"key": "gone", "value": [[1]], ` + when + `}]}]}`,
		`{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "__proto__", "answers": [{"key": "x", "value": "evil", ` + when + `}]}]}`,
		`{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "réflexion", "title": {"toString": 1}, "answers": [{"key": "q", "label": [1], "value": "x", ` + when + `}, {"key": "q", "value": "y", "updated": "2027-01-01T00:00:00Z"}]}, 5, null, {"id": "q&a"}]}`,
		`{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "prep/all", "answers": [{"key": "enjoy", "value": ` + string(deepValue) + `, ` + when + `}]}]}`,
		`{"format": "coachbook-answers", "version": 2, "workbooks": []}`,
		`{"format": "coachbook-answers", "version": 1, "workbooks": [{"id": "w", "answers": [{"key": "a", "value": "x", "updated": "soon"}]}]}`,
		`[]`,
		`not JSON`,
	} {
		f.Add(seed)
	}

	f.Fuzz(func(t *testing.T, file string) {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		defer cancel()
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			try { return JSON.stringify(R.readImport(`+jsString(file)+`)); } catch (e) { return 'threw: ' + e; }
		})()`))
		if err != nil {
			t.Fatalf("the check did not return: %v", err)
		}
		var got checkedImport
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("the check %s", out)
		}
		if got.Problem != "" {
			if len(got.Answers) != 0 || len(got.Left) != 0 {
				t.Fatalf("a file with a problem (%s) still has answers: %s", got.Problem, out)
			}
			return
		}
		seen := map[string]bool{}
		for _, a := range got.Answers {
			where := a.Workbook.ID + ":" + a.Key
			if !workbookID.MatchString(a.Workbook.ID) || !fieldKey.MatchString(a.Key) {
				t.Errorf("restores an answer under %q", where)
			}
			if seen[where] {
				t.Errorf("restores %s twice", where)
			}
			seen[where] = true
			if math.IsNaN(a.Record.T) || math.Abs(a.Record.T) > 8.64e15 {
				t.Errorf("%s: time %v", where, a.Record.T)
			}
			for _, s := range []string{a.Workbook.Title, a.Workbook.URL, a.Label} {
				if utf8.RuneCountInString(s) > 1000 {
					t.Errorf("%s: a title or label of %d characters", where, len(s))
				}
			}
			if a.Label == "" || a.Workbook.Title == "" {
				t.Errorf("%s: an empty title or label", where)
			}
			field, known := fields[a.Key]
			if a.Workbook.ID != "prep/all" {
				known = false
			}
			if problem := misfit(a.Record.V, field, known); problem != "" {
				t.Errorf("%s: %s: %.200s", where, problem, fmt.Sprint(a.Record.V))
			}
		}
	})
}

// misfit says why v is not what the field can show, or "" when it is. An
// unknown field takes any value some field saves.
func misfit(v any, f siteField, known bool) string {
	if !known {
		return anyMisfit(v)
	}
	switch f.Type {
	case "check":
		if _, ok := v.(bool); !ok {
			return "not true or false"
		}
		return ""
	case "text", "textarea", "date", "scale":
		return textMisfit(v)
	case "choice":
		if _, ok := v.(string); ok {
			return textMisfit(v)
		}
		return listMisfit(v, f)
	case "list", "checklist", "rows":
		return listMisfit(v, f)
	}
	return anyMisfit(v)
}

func textMisfit(v any) string {
	if s, ok := v.(string); !ok || utf8.RuneCountInString(s) > 1000000 {
		return fmt.Sprintf("a %T that is not text", v)
	}
	return ""
}

// anyMisfit says why v is not a value any field saves.
func anyMisfit(v any) string {
	switch v := v.(type) {
	case bool:
		return ""
	case string:
		return textMisfit(v)
	case []any:
		if listMisfit(v, siteField{Type: "list"}) == "" || listMisfit(v, siteField{Type: "rows"}) == "" {
			return ""
		}
		return "a list of neither texts nor rows"
	}
	return fmt.Sprintf("a %T", v)
}

// listMisfit says why v is not a list or rows the field can show.
func listMisfit(v any, f siteField) string {
	items, ok := v.([]any)
	if !ok {
		return "not a list"
	}
	if len(items) > 1000 || f.Max > 0 && len(items) > f.Max {
		return fmt.Sprintf("%d items for a max of %d", len(items), f.Max)
	}
	for _, item := range items {
		if f.Type != "rows" {
			if problem := textMisfit(item); problem != "" {
				return problem
			}
			continue
		}
		row, ok := item.(map[string]any)
		if !ok || len(row) > 50 {
			return "a row that is not a row"
		}
		for col, cell := range row {
			if problem := cellMisfit(col, cell, f.Columns); problem != "" {
				return problem
			}
		}
	}
	return ""
}

var columnKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// cellMisfit says why a row's cell does not fit the field's columns.
func cellMisfit(col string, cell any, columns []siteColumn) string {
	if !columnKey.MatchString(col) {
		return fmt.Sprintf("a column %q", col)
	}
	_, isBool := cell.(bool)
	if !isBool && textMisfit(cell) != "" {
		return fmt.Sprintf("a %T cell", cell)
	}
	if columns == nil {
		return ""
	}
	for _, c := range columns {
		if c.Key == col {
			if isBool != (c.Type == "check") {
				return fmt.Sprintf("a %T cell in a %s column", cell, c.Type)
			}
			return ""
		}
	}
	return fmt.Sprintf("a column %q the field lacks", col)
}
