package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"sync"

	"coachbook/generator/diag"
)

// fieldFileBytes is about how much of the site's fields one field file
// holds: a restore or a recount loads only the files of the workbooks it
// touches, so a site of thousands of workbooks never loads them all.
const fieldFileBytes = 128 << 10

// The names of the field files and the book files, before their hashes.
const (
	fieldFileName = "workbook-fields.js"
	bookFileName  = "workbook-book.js"
)

// fieldFiles are the files that list the fields of every workbook of one
// language, for restoring a file of answers and for counting progress
// where no summary is saved (coachbook-listings.js). The pages that need
// them name them (ProgressIndex), and coachbook-restore.js loads them:
// they are scripts that hand it their fields, since the pages'
// Content-Security-Policy lets them load scripts of the site but fetch
// nothing, and no other script needs loosening it. They are made the first time a page asks, while pages render,
// so the workbooks have been converted and let go by then.
type fieldFiles struct {
	once  sync.Once
	site  *site
	write func(name string, data []byte) string // gives the file's URL, or "" when it failed
	urls  map[string]string                     // workbook ID → its field file's URL

	bookOnce sync.Once
	bookURLs map[string]string // workbook ID → its book file's URL
}

// prepareFieldFiles gives each language of the site its field files, to be
// written when a page first names them.
func (b *builder) prepareFieldFiles(sites []*site) {
	var mu sync.Mutex
	written := map[string]bool{} // translations share their fields, so their files too
	write := func(name string, data []byte) string {
		out := "assets/" + assetName(name, data)
		mu.Lock()
		defer mu.Unlock()
		if !written[out] {
			if err := b.out.claim(out, diag.Position{File: "(generated " + out + ")"}); err != nil {
				b.fail(err)
				return ""
			}
			if err := b.out.writeExact(out, data); err != nil {
				b.fail(err)
				return ""
			}
			written[out] = true
		}
		return b.site.url(escapePath(out))
	}
	for _, s := range sites {
		s.fieldFiles = &fieldFiles{site: s, write: write}
	}
}

// of gives the URL of the file that lists each workbook's fields, writing
// the files first if need be.
func (ff *fieldFiles) of() map[string]string {
	ff.once.Do(func() {
		ff.urls = ff.writeGroups(fieldFileName, "take", func(w *page) []byte {
			return recordJSON(w, recordFields, func() any { return fieldListOf(w) })
		})
	})
	return ff.urls
}

// books gives the URL of the file that holds each workbook's part of the
// book pages (bookEntryOf), writing the files first if need be. They are
// files of their own, not the field files': a recount on the home page
// never loads the book's labels and recall sources, and a book page
// loads the book of only the workbooks whose answers it shows.
func (ff *fieldFiles) books() map[string]string {
	ff.bookOnce.Do(func() {
		ff.bookURLs = ff.writeGroups(bookFileName, "takeBook", func(w *page) []byte {
			return recordJSON(w, recordBook, func() any { return bookEntryOf(w) })
		})
	})
	return ff.bookURLs
}

// writeGroups writes what entry gives of each workbook of the site (JSON,
// or nil for none), in site order, as files called name, each of about
// fieldFileBytes, which hand it to coachbook-restore.js's function take.
// It maps workbook ID to its file's URL.
func (ff *fieldFiles) writeGroups(name, take string, entry func(w *page) []byte) map[string]string {
	urls := map[string]string{}
	if ff.site.Home == nil {
		return urls
	}
	var buf bytes.Buffer
	var ids []string
	flush := func() {
		if len(ids) == 0 {
			return
		}
		buf.WriteString("])});\n")
		url := ff.write(name, buf.Bytes())
		for _, id := range ids {
			urls[id] = url
		}
		buf.Reset()
		ids = ids[:0]
	}
	for _, w := range ff.site.Home.Workbooks() {
		// Marshalled JSON escapes <, > and &, and U+2028 and U+2029,
		// so it is a JavaScript expression that cannot end the script.
		data := entry(w)
		if data == nil {
			continue
		}
		if len(ids) == 0 {
			buf.WriteString("coachbook.restoring().then(function(r){r." + take + "([")
		} else {
			buf.WriteByte(',')
		}
		buf.Write(data)
		ids = append(ids, w.ID)
		if buf.Len() >= fieldFileBytes {
			flush()
		}
	}
	flush()
	return urls
}

// fieldListOf is what restoring answers and counting progress need of
// workbook w's fields: nil for a workbook without fields.
func fieldListOf(w *page) *answerFields {
	conv := w.converted()
	if conv.lean {
		e := &answerFields{}
		if w.record().decode(recordFields, e) != nil {
			return nil
		}
		return e
	}
	if len(conv.manifest) == 0 {
		return nil
	}
	entries := repeatMinimums(w)
	e := &answerFields{ID: w.ID, Fields: make([]answerField, 0, len(conv.manifest))}
	for _, f := range conv.manifest {
		af := answerField{Key: f.Key, Type: f.Type, Max: f.Max, Was: f.Was, Other: f.Other}
		for _, c := range f.Columns {
			af.Columns = append(af.Columns, answerColumn{Key: c.Key, Type: c.Type})
		}
		// As progressFields lists it, for counting as the listings count.
		if f.Counts && !w.noProgress {
			af.Counts, af.Entries, af.If = true, entries[f.Exercise], f.showIf
			if f.Type == "choice" {
				af.Options = f.Options
			}
		}
		e.Fields = append(e.Fields, af)
	}
	return e
}

// repeatMinimums maps each repeating exercise of w to how many entries
// must answer a field of it.
func repeatMinimums(w *page) map[string]int {
	entries := map[string]int{}
	for _, ex := range w.converted().exercises {
		if ex.Repeat != nil {
			entries[ex.ID] = ex.Repeat.Min
		}
	}
	return entries
}

// progressPrint fingerprints what counting a workbook's progress reads of
// its fields (progressFields): a progress summary the runtime saved under
// another print was counted over other fields, and is counted again. ""
// for a workbook without counted fields.
func progressPrint(fields []progressField) string {
	if len(fields) == 0 {
		return ""
	}
	data, _ := json.Marshal(fields)
	sum := sha256.Sum256(data)
	return base64.RawURLEncoding.EncodeToString(sum[:6])
}

// emptyCount is how many of fields count while nothing is answered: a
// field that shows only once something is answered does not.
func emptyCount(fields []progressField) int {
	n := 0
	for _, f := range fields {
		shown := true
		for _, c := range f.If {
			shown = shown && c.Op == "empty"
		}
		if shown {
			n++
		}
	}
	return n
}

// progressGroup lists the workbooks whose fields one field file holds.
type progressGroup struct {
	Src       string         `json:"src"`
	Workbooks []progressMark `json:"workbooks"`
}

// progressMark is a workbook in the index: its ID, and, when it has
// counted fields, how many count with nothing answered and their print,
// as a JSON array, since a large site lists thousands.
type progressMark struct {
	ID    string
	Empty int
	Print string
}

func (m progressMark) MarshalJSON() ([]byte, error) {
	if m.Print == "" {
		return json.Marshal([]any{m.ID})
	}
	return json.Marshal([]any{m.ID, m.Empty, m.Print})
}

// ProgressIndex lists, for the home and collection pages, every workbook
// below p that saves answers, and for the review page every workbook of
// the site, grouped by the file that lists their fields. The listings
// show progress from the summaries the runtime keeps and from this, and
// load a field file only to count a workbook without a fresh summary; a
// restore loads those of the workbooks in the file. The page itself
// stays small however many fields the site has.
func (p *page) ProgressIndex() []progressGroup {
	var workbooks []*page
	switch {
	case p.Kind == kindHome || p.Kind == kindCollection:
		workbooks = p.Workbooks()
	case p.Kind == kindReview && p.Site.Home != nil:
		workbooks = p.Site.Home.Workbooks()
	}
	if len(workbooks) == 0 || p.Site.fieldFiles == nil {
		return nil
	}
	// The review page counts with its book's index (BookIndex): it needs
	// of this only which file lists each workbook's fields.
	return indexOf(workbooks, p.Site.fieldFiles.of(), p.Kind != kindReview)
}

// indexOf lists workbooks grouped by the file urls names for each, and,
// when counted, how each counts while nothing is answered.
func indexOf(workbooks []*page, urls map[string]string, counted bool) []progressGroup {
	var out []progressGroup
	for _, w := range workbooks {
		url, ok := urls[w.ID]
		if !ok {
			continue
		}
		if len(out) == 0 || out[len(out)-1].Src != url {
			out = append(out, progressGroup{Src: url})
		}
		mark := progressMark{ID: w.ID}
		if counted {
			mark = w.progressMark()
		}
		g := &out[len(out)-1]
		g.Workbooks = append(g.Workbooks, mark)
	}
	return out
}
