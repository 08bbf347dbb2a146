package generator

// Scripts lists the runtime extension files in assets/ that a workbook
// needs besides the core runtime: those its fields' kinds (columns
// included) and its displays name as their script, each once, in the order of the kind
// tables, then the entries' file when an exercise repeats, then the show-if file
// when an element has a show-if, then the calendar file when a date has
// remind. A workbook that needs more than one loads them as one bundle
// (scriptbundles.go). The base layout loads each after the core runtime,
// with {{range .Scripts}}<script src="{{asset .}}" defer></script>{{end}}.
// The home and collection pages load the listings' progress, the home
// page with its tools for all of a client's answers, the book pages
// theirs (bookScripts); the 404 page needs none.
func (p *page) Scripts() []string {
	switch p.Kind {
	case kindHome:
		return []string{bundleName([]string{listingsScript, homeScript})}
	case kindCollection:
		return []string{listingsScript}
	case kindWorkbook:
	default:
		return bookScripts[p.Kind]
	}
	conv := p.converted()
	if conv.lean {
		return conv.record.scripts
	}
	used := map[string]bool{}
	for _, kind := range conv.displays {
		used[kind] = true
	}
	for _, f := range conv.manifest {
		used[f.Type] = true
		for _, c := range f.Columns {
			used[c.Type] = true
		}
	}
	scripts := scriptsFor(used)
	for _, ex := range conv.exercises {
		if ex.Repeat != nil {
			scripts = append(scripts, entriesScript)
			break
		}
	}
	if conv.showIf {
		scripts = append(scripts, showIfScript)
	}
	if conv.reminds {
		scripts = append(scripts, remindScript)
	}
	if len(scripts) > 1 {
		return []string{bundleName(scripts)}
	}
	return scripts
}

// listingsScript shows each listed workbook's progress, and where to
// continue.
const listingsScript = "coachbook-listings.js"

// homeScript holds the home page's tools for all of a client's answers
// (partials/site-answers.html): the shared-computer switch, restoring
// from a file, and protecting and sharing the download. No workbook page
// offers them, so none loads them.
const homeScript = "coachbook-home.js"

// entriesScript adds, removes and summarises the entries of repeating
// exercises.
const entriesScript = "coachbook-entries.js"

// scriptsFor lists the extension files of the field and display kinds
// used, each once, in the order of the kind tables.
func scriptsFor(used map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	add := func(name, script string) {
		if used[name] && script != "" && !seen[script] {
			seen[script] = true
			out = append(out, script)
		}
	}
	for _, k := range fieldKinds {
		add(k.name, k.script)
	}
	for _, k := range displayKinds {
		add(k.name, k.script)
	}
	return out
}
