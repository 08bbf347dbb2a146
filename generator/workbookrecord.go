package generator

import (
	"crypto/sha256"
	"encoding/json"
	"sync"
)

// workbookRecord is what a build keeps of a workbook's fields once its
// page is written: what the pages still to render, the files still to
// write and serve's next rebuild need of them, made once and kept
// gzipped. A site of 10,000 workbooks full of exercises kept about 40 KB
// of field descriptions a workbook until the end of the build (its
// manifest, the descriptions recalls and the book pages show, and the
// manifest marshalled), 430 MB alive; the same as JSON gzipped is about
// 3 KB.
type workbookRecord struct {
	// parts are the record's parts as JSON, one after the other and
	// gzipped together, which makes them a third smaller than apart: they
	// repeat each other's keys and labels. ends are where each ends.
	parts packedFile
	ends  [recordParts]int
	// sums are the parts' digests, made with them for serve, which
	// compares them with the next build's (partDigest).
	sums      [recordParts]digest
	hasFields bool
	counted   int
	// scripts are the page's Scripts, and markEmpty and markPrint its
	// progressMark: serve renders a page again from a record it kept.
	scripts   []string
	markEmpty int
	markPrint string

	// recallables are the workbook's fields as recalls show them, read
	// back from the book part on first need: a site recalls from few
	// workbooks.
	recallOnce  sync.Once
	recallables map[string]*recallSource
}

// recordPart is a part of a workbook's record.
type recordPart int

const (
	recordManifest recordPart = iota // the manifest (manifestJSON), as workbooks.json lists it
	recordFields                     // the field file's entry (fieldListOf)
	recordBook                       // the book file's entry (bookEntryOf)
	recordListing                    // what listings show of it (page.listing), for serve
	recordParts
)

// record returns p's record: the one its conversion holds once let go of
// its fields (conversion.lean), or else one made from the full conversion,
// the first time, to be let go.
func (p *page) record() *workbookRecord {
	if conv := p.converted(); conv.lean {
		return conv.record
	}
	s := p.fieldState()
	s.recordOnce.Do(func() {
		conv := p.converted()
		r := &workbookRecord{hasFields: len(conv.manifest) > 0}
		s.rec = r
		if !r.hasFields {
			return
		}
		r.counted = p.Counted()
		data := append([]byte{}, p.manifestJSON()...)
		r.ends[recordManifest] = len(data)
		fields, _ := json.Marshal(fieldListOf(p))
		data = append(data, fields...)
		r.ends[recordFields] = len(data)
		book, _ := json.Marshal(bookEntryOf(p))
		data = append(data, book...)
		r.ends[recordBook] = len(data)
		if p.convertBy.plan.keep {
			data = append(data, p.listing()...)
		}
		r.ends[recordListing] = len(data)
		if p.convertBy.plan.keep {
			start := 0
			for i, end := range r.ends {
				r.sums[i], start = sha256.Sum256(data[start:end]), end
			}
		}
		r.parts = p.convertBy.records.pack(data)
		r.scripts = p.Scripts()
		mark := p.progressMark()
		r.markEmpty, r.markPrint = mark.Empty, mark.Print
	})
	return s.rec
}

// part returns one part of the record, as JSON.
func (r *workbookRecord) part(which recordPart) ([]byte, error) {
	data, err := r.parts.bytes()
	if err != nil {
		return nil, err
	}
	start := 0
	if which > 0 {
		start = r.ends[which-1]
	}
	return data[start:r.ends[which]], nil
}

// decode reads a part of the record back into v.
func (r *workbookRecord) decode(which recordPart, v any) error {
	data, err := r.part(which)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// recordJSON is part of workbook w's record, or, while w's conversion
// still holds its fields, what entry gives marshalled; nil for a workbook
// without fields.
func recordJSON(w *page, which recordPart, entry func() any) []byte {
	if !w.HasFields() {
		return nil
	}
	if w.converted().lean {
		data, err := w.record().part(which)
		if err != nil {
			return nil
		}
		return data
	}
	data, err := json.Marshal(entry())
	if err != nil {
		return nil
	}
	return data
}

// leanProgressFields is progressFields of a workbook whose record holds its
// fields: the field file's entry lists each counted field as
// progressFields does.
func leanProgressFields(w *page) []progressField {
	out := []progressField{}
	var e answerFields
	if w.record().decode(recordFields, &e) != nil {
		return out
	}
	for _, f := range e.Fields {
		if f.Counts {
			out = append(out, progressField{Key: f.Key, Was: f.Was, Type: f.Type, Options: f.Options, Entries: f.Entries, If: f.If})
		}
	}
	return out
}

// recallablesOf returns the fields of workbook p as recalls show them.
func (p *page) recallablesOf() map[string]*recallSource {
	conv := p.converted()
	if !conv.lean {
		return conv.recallables
	}
	r := p.record()
	r.recallOnce.Do(func() {
		e, err := r.decodeBook()
		if err != nil {
			return
		}
		r.recallables = make(map[string]*recallSource, len(e.Fields))
		for _, f := range e.Fields {
			r.recallables[f.Key] = f.recallSource
		}
	})
	return r.recallables
}

// decodeBook reads the book part back. encoding/json cannot set
// bookField's embedded pointer to an unexported type, so each field is
// read into a value first.
func (r *workbookRecord) decodeBook() (bookEntry, error) {
	var e struct {
		bookEntry
		Fields []struct {
			recallSource
			Exercise string `json:"exercise"`
		} `json:"fields"`
	}
	if err := r.decode(recordBook, &e); err != nil {
		return bookEntry{}, err
	}
	book := e.bookEntry
	book.Fields = make([]bookField, len(e.Fields))
	for i := range e.Fields {
		book.Fields[i] = bookField{recallSource: &e.Fields[i].recallSource, Exercise: e.Fields[i].Exercise}
	}
	return book, nil
}
