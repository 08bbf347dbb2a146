package devserver

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// swedishSite builds with one warning: its words file lacks most words.
var swedishSite = map[string]string{
	"content/_index.md": "---\ntitle: Karriär\nlanguage: sv\n---\n",
	"content/q.md":      "---\ntitle: Frågor\n---\nFörsta.\n",
	"i18n/sv.yaml":      "layouts:\n  timerStart: \"Börja\"\n",
}

// TestServeCountsWarnings: serve prints each warning and counts them in
// its summary line, on the first build and on rebuilds.
func TestServeCountsWarnings(t *testing.T) {
	var log strings.Builder
	logw := &syncWriter{w: &log}
	s, first := start(t, siteDir(t, swedishSite), Config{Log: logw})
	if first.err != nil || len(first.stats.Warnings) != 1 {
		t.Fatalf("first build: %+v %v", first.stats, first.err)
	}
	s.write("content/q.md", "---\ntitle: Frågor\n---\nAndra.\n")
	if r := s.nextBuild(); r.err != nil {
		t.Fatal(r.err)
	}
	logw.mu.Lock()
	got := log.String()
	logw.mu.Unlock()
	for _, want := range []string{
		`(?m)^i18n/sv.yaml: warning: \d+ keys missing, shown in English: `,
		`(?m)^Built \d+ pages in \d+ ms with 1 warning$`,
		`(?m)^Rebuilt \d+ of \d+ pages in \d+ ms with 1 warning \(content/q.md changed\)$`,
	} {
		if !regexp.MustCompile(want).MatchString(got) {
			t.Errorf("the log lacks %s:\n%s", want, got)
		}
	}
}

// TestServeStrict: with Strict, a warning is an error, shown on the error
// page until it is fixed.
func TestServeStrict(t *testing.T) {
	s, first := start(t, siteDir(t, swedishSite), Config{Strict: true})
	if first.err == nil {
		t.Fatal("a warning built under Strict")
	}
	code, page := s.get("q/")
	if code != http.StatusInternalServerError || !strings.Contains(page, "i18n/sv.yaml: warning: ") {
		t.Fatalf("error page %d:\n%s", code, page)
	}
	s.write("content/_index.md", "---\ntitle: Karriär\nlanguage: en\n---\n")
	if r := s.nextBuild(); r.err != nil {
		t.Fatalf("the build without the warning: %v", r.err)
	}
	if code, page := s.get("q/"); code != http.StatusOK || !strings.Contains(page, "Första.") {
		t.Errorf("the fixed page %d:\n%s", code, page)
	}
}

// warningsReport is what warnings.json says.
type warningsReport struct {
	Words    map[string]string
	Warnings []struct{ Place, Link, Message string }
}

func (s *served) warnings() warningsReport {
	s.t.Helper()
	code, body := s.get("_coachbook/warnings.json")
	var report warningsReport
	if err := json.Unmarshal([]byte(body), &report); code != http.StatusOK || err != nil {
		s.t.Fatalf("warnings.json %d %v:\n%s", code, err, body)
	}
	return report
}

// TestWarningsReport: the live-reload script learns the last build's
// warnings, with the panel's words, from warnings.json; a build without
// warnings, or a failed one, has none.
func TestWarningsReport(t *testing.T) {
	s, _ := start(t, siteDir(t, swedishSite), Config{})
	report := s.warnings()
	if len(report.Warnings) != 1 || report.Warnings[0].Place != "i18n/sv.yaml" ||
		!strings.HasPrefix(report.Warnings[0].Message, "warning: ") || report.Warnings[0].Link != "" {
		t.Errorf("warnings %+v", report.Warnings)
	}
	for _, key := range []string{"panelLabel", "panelOne", "panelSome", "panelDismiss"} {
		if report.Words[key] == "" {
			t.Errorf("the panel's words lack %s: %v", key, report.Words)
		}
	}
	s.write("content/q.md", "---\ntitle: Frågor\nweight: soon\n---\n")
	if r := s.nextBuild(); r.err == nil {
		t.Fatal("a broken page built")
	}
	if got := s.warnings().Warnings; len(got) != 0 {
		t.Errorf("a failed build's warnings: %+v", got)
	}
	s.write("content/_index.md", "---\ntitle: Karriär\nlanguage: en\n---\n")
	s.write("content/q.md", "---\ntitle: Frågor\n---\n")
	for r := s.nextBuild(); r.err != nil; r = s.nextBuild() {
	}
	if got := s.warnings().Warnings; len(got) != 0 {
		t.Errorf("warnings after they were fixed: %+v", got)
	}
}
