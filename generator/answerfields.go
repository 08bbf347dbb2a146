package generator

// answerFields is what a workbook's answers may hold, for checking a file
// of answers before it is restored.
type answerFields struct {
	ID     string        `json:"id"`
	Fields []answerField `json:"fields"`
}

// answerField is one field's kind and limits: the manifest's field
// without the text only the workbook page shows.
type answerField struct {
	Key     string         `json:"key"`
	Type    string         `json:"type"`
	Max     int            `json:"max,omitempty"`
	Was     []string       `json:"was,omitempty"`
	Other   bool           `json:"other,omitempty"`
	Columns []answerColumn `json:"columns,omitempty"`
}

type answerColumn struct {
	Key  string `json:"key"`
	Type string `json:"type"`
}

// AnswerFields lists, for the home page, which restores files of answers,
// and the review page, which reads them, the fields of every workbook of
// the site. The page cannot read
// workbooks.json (its Content-Security-Policy forbids requests), so the
// runtime gets them here, to restore only what each field can show.
func (p *page) AnswerFields() []answerFields {
	if p.Kind != kindHome && p.Kind != kindReview {
		return nil
	}
	var out []answerFields
	for _, w := range p.Site.Home.Workbooks() {
		manifest := w.converted().manifest
		if len(manifest) == 0 {
			continue
		}
		e := answerFields{ID: w.ID, Fields: make([]answerField, 0, len(manifest))}
		for _, f := range manifest {
			af := answerField{Key: f.Key, Type: f.Type, Max: f.Max, Was: f.Was, Other: f.Other}
			for _, c := range f.Columns {
				af.Columns = append(af.Columns, answerColumn{Key: c.Key, Type: c.Type})
			}
			e.Fields = append(e.Fields, af)
		}
		out = append(out, e)
	}
	return out
}
