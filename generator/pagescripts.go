package generator

// Scripts lists the runtime extension files in assets/ that a workbook
// needs besides the core runtime: those its fields' kinds (columns
// included) name as their script, each once, in the order of the kind
// table, then the entries' file when an exercise repeats. The base layout loads each after the core runtime, with
// {{range .Scripts}}<script src="{{asset .}}" defer></script>{{end}}.
// Other pages bind no fields, so they need none.
func (p *page) Scripts() []string {
	if p.Kind != kindWorkbook {
		return nil
	}
	used := map[string]bool{}
	for _, f := range p.converted().manifest {
		used[f.Type] = true
		for _, c := range f.Columns {
			used[c.Type] = true
		}
	}
	scripts := scriptsFor(used)
	for _, ex := range p.converted().exercises {
		if ex.Repeat != nil {
			return append(scripts, entriesScript)
		}
	}
	return scripts
}

// entriesScript adds, removes and summarises the entries of repeating
// exercises.
const entriesScript = "coachbook-entries.js"

// scriptsFor lists the extension files that bind the kinds used, each
// once, in the order of the kind table.
func scriptsFor(used map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range fieldKinds {
		if used[k.name] && k.script != "" && !seen[k.script] {
			seen[k.script] = true
			out = append(out, k.script)
		}
	}
	return out
}
