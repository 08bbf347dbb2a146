package generator

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"coachbook/internal/corpus"

	"golang.org/x/tools/txtar"
)

// A build to disk lets go of each workbook's fields once its page is
// written and keeps its record (workbookrecord.go). What pages rendered
// after that and the files written at the end show must be what the
// fields themselves give: these tests build sites both ways, with the
// listings held until every workbook is written, and compare every file.

// buildWithAndWithoutRecords builds the site at root with records and with
// every workbook's fields kept, and reports each file that differs.
func buildWithAndWithoutRecords(t *testing.T, root string) {
	t.Helper()
	compareBuilds(t, func() string { return root }, [2]string{"with records", "with fields"}, [2]func(*Options){
		func(o *Options) { o.renderHook = listingsLast(t, root) },
		func(o *Options) { o.renderHook, o.keepFields = listingsLast(t, root), true },
	})
}

// listingsLast holds every page that is not a workbook until each workbook
// of the site at root is written, so that the listings, the book pages and
// the files they write read the records, not the fields.
func listingsLast(t *testing.T, root string) func(string, func()) {
	isWorkbook := map[string]bool{}
	err := filepath.WalkDir(filepath.Join(root, "content"), func(file string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(file) == ".md" && d.Name() != "_index.md" && !isDraft(t, file) {
			rel, _ := filepath.Rel(root, file)
			isWorkbook[filepath.ToSlash(rel)] = true
		}
		return err
	})
	mustDo(t, err)
	var written sync.WaitGroup
	written.Add(len(isWorkbook))
	return func(source string, render func()) {
		if isWorkbook[source] {
			defer written.Done()
		} else {
			// Pages render in order, workbooks first, so every workbook
			// has been taken up by a core by now.
			written.Wait()
		}
		render()
	}
}

// isDraft reports whether the workbook in file is a draft, which a build
// leaves out.
func isDraft(t *testing.T, file string) bool {
	data, err := os.ReadFile(file)
	mustDo(t, err)
	return strings.Contains(string(data), "\ndraft: true")
}

func TestRecordsSameAsFieldsOnCorpora(t *testing.T) {
	for _, kind := range []corpus.Kind{corpus.Exercise, corpus.Kinds} {
		t.Run(kind.String(), func(t *testing.T) {
			root := t.TempDir()
			mustDo(t, corpus.Write(root, 30, kind))
			buildWithAndWithoutRecords(t, root)
		})
	}
}

// recordsSite shows on its listings and book pages, through a site's own
// layouts, everything a page may ask of a workbook whose record holds its
// fields.
const recordsSite = `
-- content/_index.md --
---
title: Records
---
-- content/prep/_index.md --
---
title: Prep
---
-- content/prep/a.md --
---
title: A
---
::text[Focus]{#focus}

::choice[Mood]{#mood options="Calm|Tense" other}

:::exercise{#plan title="Plan" repeat min=2}
::number[Hours]{#hours min=0 max=10 unit="h"}
::list[Steps]{#steps max=3}
:::

::grid[Week]{#week rows="Mon|Tue" cols="Am|Pm" cell=check}
-- content/prep/b.md --
---
title: B
progress: false
---
::recall[Your focus]{from="prep/a#focus"}

::recall[Your mood]{from="prep/a#mood"}

::scale[Mood right now]{#now min=0 max=10}

::textarea[What would help?]{#help show-if="now <= 3"}

:::checklist[Done]{#done}
- [ ] One
- [x] Two
:::
-- content/prep/c.md --
---
title: C
---
::recall[Their steps]{from="prep/a#plan.steps"}

::text[Next]{#next}
-- layouts/home.html --
{{define "main"}}
{{- range .Progress}}<p>{{.ID}} {{.Title}} {{range .Fields}}[{{.Key}} {{.Type}} {{.Options}} {{.Entries}} {{.Was}} {{len .If}}]{{end}}</p>{{end}}
{{- range .AnswerFields}}<p>{{.ID}} {{range .Fields}}[{{.Key}} {{.Type}} {{.Max}} {{.Counts}} {{.Other}} {{.Columns}} {{len .If}}]{{end}}</p>{{end}}
{{- range .Workbooks}}<p>{{.ID}} {{.Counted}} {{.HasFields}} {{with .Manifest}}{{.Progress}} {{len .Exercises}} {{range .Fields}}[{{.Key}} {{.Label}} {{.Options}} {{.Max}} {{with .Number}}{{.Unit}}{{end}}]{{end}}{{end}}</p>{{end}}
{{- end}}
-- layouts/answers.html --
{{define "main"}}
{{- range .BookFields}}<p>{{.ID}} {{len .Progress}} {{range .Fields}}[{{.Key}} {{.Label}} {{.Options}} {{.Cols}} {{.Repeat}} {{.Exercise}}]{{end}}</p>{{end}}
{{- end}}
`

func TestRecordsSameAsFieldsInSitesOwnLayouts(t *testing.T) {
	root := t.TempDir()
	writeArchiveTo(t, root, txtar.Parse([]byte(strings.TrimPrefix(recordsSite, "\n"))), "")
	buildWithAndWithoutRecords(t, root)
}

// A recall that names no field lists the fields of its workbook, read
// back from the record once the workbook is written.
func TestRecordsListFieldsForRecallMistake(t *testing.T) {
	root := t.TempDir()
	writeArchiveTo(t, root, txtar.Parse([]byte(strings.TrimPrefix(recordsSite, "\n"))), "")
	mustDo(t, os.WriteFile(filepath.Join(root, "content", "prep", "d.md"), []byte("---\ntitle: D\n---\n::recall[Focus]{from=\"prep/a#fokus\"}\n"), 0o644))
	buildWithAndWithoutRecords(t, root)
	opts := Options{Source: root, Dest: filepath.Join(t.TempDir(), "public"), renderHook: listingsLast(t, root)}
	_, err := Build(context.Background(), opts)
	want := `content/prep/d.md:4:17: from="prep/a#fokus" names no field of prep/a: its fields are "focus", "mood", "plan.hours", "plan.steps", "week"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got error %v\nwant one with %s", err, want)
	}
}

func TestRecordsSameAsFieldsOnSampleSite(t *testing.T) {
	buildWithAndWithoutRecords(t, "..")
}
