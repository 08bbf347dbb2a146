package generator

import (
	"encoding/json"
	"fmt"
	"io"

	"coachbook/generator/diag"
)

// manifestFile lists the fields of every workbook, so that progress and
// export can cover the whole site without visiting each page.
const manifestFile = "workbooks.json"

// writeManifest writes manifestFile. It streams one workbook at a time:
// in a large site of exercises the file runs to tens of megabytes, which a
// build need not hold at once.
func (b *builder) writeManifest(pages []*page) error {
	if err := b.out.claim(manifestFile, diag.Position{File: "(generated " + manifestFile + ")"}); err != nil {
		return err
	}
	site, err := json.Marshal(b.site.Title)
	if err != nil {
		return err
	}
	return b.out.create(manifestFile, 0, func(w io.Writer) error {
		// The same document as a struct of version, site and workbooks
		// would marshal to.
		if _, err := fmt.Fprintf(w, `{"version":1,"site":%s,"workbooks":[`, site); err != nil {
			return err
		}
		sep := ""
		// A multilingual site's translations share their ID and fields:
		// each ID is listed once, in the first language that has it.
		listed := map[string]bool{}
		for _, p := range pages {
			if p.Kind != kindWorkbook || listed[p.ID] {
				continue
			}
			listed[p.ID] = true
			data := p.manifestJSON()
			if _, err := io.WriteString(w, sep); err != nil {
				return err
			}
			if _, err := w.Write(data); err != nil {
				return err
			}
			sep = ","
		}
		_, err := io.WriteString(w, "]}")
		return err
	})
}
