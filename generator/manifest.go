package generator

// manifest is what the build writes for each workbook: every field the
// client saves, so that progress, export and import work without reading
// the page.
type manifest struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	URL       string             `json:"url"`
	Exercises []manifestExercise `json:"exercises"`
	Fields    []manifestField    `json:"fields"`
	// Progress fingerprints the fields progress counts (progressPrint):
	// the runtime saves it with the workbook's progress, for the listings.
	Progress string `json:"progress,omitempty"`
}

// manifestExercise names a group of fields.
type manifestExercise struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Label string `json:"label,omitempty"`
	// Repeat is set for an exercise that holds entries.
	Repeat *manifestRepeat `json:"repeat,omitempty"`
}

// manifestField is one saved answer.
type manifestField struct {
	Key      string           `json:"key"`
	Type     string           `json:"type"`
	Label    string           `json:"label"`
	Counts   bool             `json:"counts"`
	Exercise string           `json:"exercise,omitempty"`
	Was      []string         `json:"was,omitempty"`
	Options  []string         `json:"options,omitempty"`
	Other    bool             `json:"other,omitempty"`
	Columns  []manifestColumn `json:"columns,omitempty"`
	Max      int              `json:"max,omitempty"` // list and rows: the most items; 0 for no limit
	Number   *manifestNum     `json:"number,omitempty"`
	// showIf are the conditions the field shows under, for the listings.
	showIf []progressCondition
}

// manifestNum is what the runtime checks a number field's answer against.
type manifestNum struct {
	Min  *float64 `json:"min,omitempty"`
	Max  *float64 `json:"max,omitempty"`
	Step float64  `json:"step,omitempty"`
	Unit string   `json:"unit,omitempty"`
}

// manifestColumn is one column of a rows field.
type manifestColumn struct {
	Key     string   `json:"key"`
	Type    string   `json:"type"`
	Label   string   `json:"label"`
	Options []string `json:"options,omitempty"` // choice: its options' keys
	Other   bool     `json:"other,omitempty"`   // choice: whether it has another
}

// manifest lists f as the manifest does: what every field has, then what
// its kind adds.
func (f *field) manifest() manifestField {
	m := manifestField{Key: f.Key, Type: f.Type, Label: f.Label, Exercise: f.exercise, Was: f.Was, showIf: progressConditions(f)}
	if kind, ok := fieldKindNamed(f.Type); ok {
		m.Counts = kind.counts(f)
		if kind.manifest != nil {
			kind.manifest(f, &m)
		}
	}
	// A rows field lists each column as its kind lists a field, so that
	// export and import know a choice cell's options.
	for _, c := range f.Columns {
		cm := c.manifest()
		m.Columns = append(m.Columns, manifestColumn{Key: c.Sub(), Type: c.Type, Label: c.Label, Options: cm.Options, Other: cm.Other})
	}
	return m
}

// manifestOf lists a conversion's fields for the manifest, in the order
// they appear.
func manifestOf(conv *converting) []manifestField {
	out := make([]manifestField, 0, len(conv.fields))
	for _, f := range conv.fields {
		out = append(out, f.manifest())
	}
	return out
}
