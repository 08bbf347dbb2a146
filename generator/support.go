package generator

import (
	"fmt"
	"html/template"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// support is the site's support setting: what a client should do in a
// crisis, shown on every page of a sensitive collection or workbook and
// on every page with a thought record (partials/support.html). It is
// written in content/_index.md as
//
//	support:
//	  intro: If you feel unsafe, contact one of these now.
//	  services:
//	    - {name: Samaritans, number: "116 123", where: UK and Ireland, url: https://www.samaritans.org}
type support struct {
	Intro    string
	Services []supportService
}

// supportService is one service to contact: its name and a number to call
// or a web page, and where it serves.
type supportService struct {
	Name, Number, Where, URL string
}

// Tel is the service's number as a tel: link. The number has been checked
// to hold only digits and separators, so the link is safe to write.
func (s supportService) Tel() template.URL {
	digits := strings.Map(func(r rune) rune {
		if r == '+' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s.Number)
	return template.URL("tel:" + digits)
}

// phoneNumber is what a support number may hold: digits with spaces,
// dashes, dots or brackets between them, perhaps after a "+".
var phoneNumber = regexp.MustCompile(`^\+?[0-9][0-9 ().-]{0,30}$`)

// supportUsage shows the setting's shape in its errors.
const supportUsage = `write it as support: {intro: "…", services: [{name: "…", number: "…", where: "…", url: "https://…"}]}`

// readSupport reads the support setting, or nil when there is none.
func readSupport(r *metadata.Reader) *support {
	raw := r.Value("support")
	if raw == nil {
		return nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		r.Fail("support", "support must be a map of intro and services; %s", supportUsage)
		return nil
	}
	sup := &support{}
	var problems []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		switch k {
		case "intro":
			s, isText := v.(string)
			if !isText {
				problems = append(problems, "its intro must be text")
			}
			sup.Intro = s
		case "services":
			list, isList := v.([]any)
			if !isList {
				problems = append(problems, "its services must be a list")
				continue
			}
			for i, item := range list {
				svc, err := readSupportService(item)
				if err != nil {
					problems = append(problems, fmt.Sprintf("service %d %v", i+1, err))
					continue
				}
				sup.Services = append(sup.Services, svc)
			}
		default:
			problems = append(problems, fmt.Sprintf("it has no key %q (only intro and services)", k))
		}
	}
	if len(problems) == 0 && len(sup.Services) == 0 {
		problems = append(problems, "it names no service")
	}
	if len(problems) > 0 {
		r.Fail("support", "support: %s; %s", strings.Join(problems, "; "), supportUsage)
		return nil
	}
	return sup
}

// readSupportService reads one entry of support's services.
func readSupportService(item any) (supportService, error) {
	m, ok := item.(map[string]any)
	if !ok {
		return supportService{}, fmt.Errorf("must be a map of name, number, where and url")
	}
	var svc supportService
	fields := map[string]*string{"name": &svc.Name, "number": &svc.Number, "where": &svc.Where, "url": &svc.URL}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		dst, known := fields[k]
		if !known {
			return svc, fmt.Errorf("has no key %q (only name, number, where and url)", k)
		}
		s, isText := v.(string)
		if !isText {
			return svc, fmt.Errorf("%s must be text in quotes, such as %s: \"%v\"", k, k, v)
		}
		*dst = strings.TrimSpace(s)
	}
	switch {
	case svc.Name == "":
		return svc, fmt.Errorf("needs a name")
	case svc.Number == "" && svc.URL == "":
		return svc, fmt.Errorf("(%s) needs a number or a url", svc.Name)
	case svc.Number != "" && !phoneNumber.MatchString(svc.Number):
		return svc, fmt.Errorf("(%s) number %q may hold only digits, spaces, dashes, dots, brackets and a leading +", svc.Name, svc.Number)
	}
	if svc.URL != "" {
		u, err := url.Parse(svc.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return svc, fmt.Errorf("(%s) url %q must be an http(s) URL", svc.Name, svc.URL)
		}
	}
	return svc, nil
}

// Support is the site's support details when p shows them: p or a
// collection above it is sensitive, or p holds a thought record, which
// asks a client to go back over a moment of distress. It is nil otherwise.
func (p *page) Support() *support {
	if p.Site == nil || p.Site.Support == nil {
		return nil
	}
	for a := p; a != nil; a = a.Parent {
		if a.sensitive {
			return p.Site.Support
		}
	}
	if p.Kind == kindWorkbook {
		for _, ex := range p.converted().exercises {
			if ex.Type == "thought-record" {
				return p.Site.Support
			}
		}
	}
	return nil
}

// checkSupport reports every sensitive: true on a site without support
// details: the pages would promise a safety net they do not show.
func checkSupport(pages []*page) error {
	var errs diag.List
	for _, p := range pages {
		if p.sensitive && p.Site != nil && p.Site.Support == nil {
			at := p.pos()
			if p.sensitivePos != nil {
				at = *p.sensitivePos
			}
			errs.Add(diag.Errorf(at, "sensitive: true shows the site's support details on these pages, but the site has none: add support: {intro: \"…\", services: [{name: \"…\", number: \"…\", where: \"…\"}]} to content/_index.md"))
		}
	}
	return errs.Err()
}
