package generator

import (
	"context"
	"html/template"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The checks TestBundledSite makes of the sample site's pages as loaded,
// beside those it makes of the built files: what a practitioner handing a
// page to a client relies on.

// loadedPages loads the site of s as a build does, without converting it.
func loadedPages(t *testing.T, s *testSite) []*page {
	t.Helper()
	l, err := loadSite(context.Background(), s.opts, plan{})
	if err != nil {
		t.Fatal(err)
	}
	return l.pages
}

// checkWorkbookMeta reports every workbook without a description or a
// duration, which its card on the listings shows.
func checkWorkbookMeta(t *testing.T, pages []*page) {
	t.Helper()
	for _, p := range pages {
		if p.Kind != kindWorkbook {
			continue
		}
		if strings.TrimSpace(p.Description) == "" {
			t.Errorf("%s has no description", p.source)
		}
		if strings.TrimSpace(p.Duration) == "" && p.minutes == 0 {
			t.Errorf("%s has no duration", p.source)
		}
	}
}

// durationText is a duration the sample site writes as text, "15 min".
var durationText = regexp.MustCompile(`^(\d+) min$`)

// minutesOf is the duration of p in minutes, or false when it has none or
// it is not written in minutes.
func minutesOf(p *page) (int, bool) {
	if p.minutes > 0 {
		return p.minutes, true
	}
	m := durationText.FindStringSubmatch(strings.TrimSpace(p.Duration))
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// checkCollectionDurations reports every collection whose stated duration
// is not the sum of its workbooks' durations, so an introduction's
// "about 55 minutes" stays true as workbooks come and go.
// minutesInText finds a total of minutes as an introduction states it.
var minutesInText = regexp.MustCompile(`(?i)\babout (\d+) minutes\b`)

func checkCollectionDurations(t *testing.T, pages []*page) {
	t.Helper()
	for _, c := range pages {
		if c.Kind != kindCollection {
			continue
		}
		if c.Duration == "" && c.minutes == 0 {
			t.Errorf("%s states no duration: set the sum of its workbooks' minutes", c.source)
			continue
		}
		stated, ok := minutesOf(c)
		if !ok {
			t.Errorf("%s: duration %q is not a number of minutes", c.source, c.Duration)
			continue
		}
		sum := 0
		for _, w := range c.Workbooks() {
			n, ok := minutesOf(w)
			if !ok {
				t.Errorf("%s: duration %q is not a number of minutes, so %s's cannot be checked", w.source, w.Duration, c.source)
			}
			sum += n
		}
		if sum != stated {
			t.Errorf("%s says duration: %d, but its workbooks take %d min", c.source, stated, sum)
		}
		// What the introduction tells the client must agree too.
		intro, err := os.ReadFile(c.file)
		if err != nil {
			t.Error(err)
			continue
		}
		for _, m := range minutesInText.FindAllSubmatch(intro, -1) {
			if n, _ := strconv.Atoi(string(m[1])); n != stated {
				t.Errorf("%s's introduction says %q, but its workbooks take %d min", c.source, m[0], stated)
			}
		}
	}
}

// checkSupportShown reports every page of a sensitive collection, or a
// sensitive workbook, whose built file lacks the site's support details:
// the heading and every service's number as a link. There must be some.
func checkSupportShown(t *testing.T, pages []*page, files map[string]string) {
	t.Helper()
	sensitive := 0
	for _, p := range pages {
		if !underSensitive(p) {
			continue
		}
		sensitive++
		sup := p.Site.Support
		if sup == nil {
			t.Fatalf("%s is sensitive, but the site has no support details", p.source)
		}
		html := files[p.out]
		if !strings.Contains(html, "coachbook-support-title") {
			t.Errorf("%s is sensitive but shows no support details", p.source)
			continue
		}
		for _, svc := range sup.Services {
			// The minifier writes an & that needs no escaping as it is.
			if !strings.Contains(html, svc.Name) && !strings.Contains(html, template.HTMLEscapeString(svc.Name)) {
				t.Errorf("%s does not name %s", p.source, svc.Name)
			}
			if svc.Number != "" && !strings.Contains(html, string(svc.Tel())) {
				t.Errorf("%s does not link %s's number %s", p.source, svc.Name, svc.Number)
			}
		}
	}
	if sensitive == 0 {
		t.Error("no page of the sample site is sensitive: the therapy collection should be")
	}
}

// underSensitive reports whether p or a collection above it says
// sensitive: true.
func underSensitive(p *page) bool {
	for a := p; a != nil; a = a.Parent {
		if a.sensitive {
			return true
		}
	}
	return false
}
