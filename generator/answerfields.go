package generator

// answerFields is what a workbook's answers may hold, for checking a file
// of answers before it is restored, and how its fields count towards
// progress, for counting where no summary is saved.
type answerFields struct {
	ID     string        `json:"id"`
	Fields []answerField `json:"fields"`
}

// answerField is one field's kind and limits: the manifest's field
// without the text only the workbook page shows. A counted field adds
// what progressField has.
type answerField struct {
	Key     string              `json:"key"`
	Type    string              `json:"type"`
	Max     int                 `json:"max,omitempty"`
	Was     []string            `json:"was,omitempty"`
	Other   bool                `json:"other,omitempty"`
	Columns []answerColumn      `json:"columns,omitempty"`
	Counts  bool                `json:"counts,omitempty"`
	Options []string            `json:"options,omitempty"`
	Entries int                 `json:"entries,omitempty"`
	If      []progressCondition `json:"if,omitempty"`
}

type answerColumn struct {
	Key  string `json:"key"`
	Type string `json:"type"`
}

// AnswerFields lists the fields of every workbook of the site on the home
// and review pages, for a site's own layouts that still show them inline.
// The default layouts name the files that list them instead
// (ProgressIndex): in a large site they run to tens of megabytes.
func (p *page) AnswerFields() []answerFields {
	if p.Kind != kindHome && p.Kind != kindReview {
		return nil
	}
	var out []answerFields
	for _, w := range p.Site.Home.Workbooks() {
		if e := fieldListOf(w); e != nil {
			out = append(out, *e)
		}
	}
	return out
}
