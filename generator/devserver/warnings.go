package devserver

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"

	"coachbook/generator/diag"
)

// place is where a problem is, as the browser shows it: "file:line:col",
// with a link that opens the file in the author's editor when one is
// configured and the file is one of the site's own.
type place struct {
	Text string       `json:"place"`
	Link template.URL `json:"link,omitempty"`
}

// located splits a build's error or warning into where it is and what it
// says; one with no position has only what it says.
func (s *server) located(err error) (place, string) {
	var de *diag.Error
	if !errors.As(err, &de) || de.Pos.File == "" {
		return place{}, err.Error()
	}
	p := place{Text: de.Pos.String()}
	if s.editor != nil {
		if _, inside := s.siteFile(de.Pos.File); inside {
			p.Link = s.editor.link(s.cfg.Source, de.Pos.File, de.Pos.Line, de.Pos.Col)
		}
	}
	return p, de.Err.Error()
}

// warningsReport answers the live-reload script with the last build's
// warnings and the words of the panel that shows them. A failed build has
// none: its errors are the page.
func (s *server) warningsReport(w http.ResponseWriter) {
	s.mu.RLock()
	warnings := s.lastWarnings
	s.mu.RUnlock()
	type warning struct {
		place
		Message string `json:"message"`
	}
	report := struct {
		Words    serveWords `json:"words"`
		Warnings []warning  `json:"warnings"`
	}{Words: words, Warnings: []warning{}}
	for _, err := range warnings {
		p, message := s.located(err)
		report.Warnings = append(report.Warnings, warning{p, message})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(report)
}
