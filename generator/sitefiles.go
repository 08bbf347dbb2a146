package generator

import (
	"encoding/xml"
	"sort"

	"coachbook/generator/diag"
)

// writeSitemap writes sitemap.xml, robots.txt and the build marker. Search engines need
// absolute URLs, which a base URL without a host cannot give, so robots.txt
// names the sitemap only when it can.
func (b *builder) writeSitemap(pages []*page) error {
	type entry struct {
		Loc string `xml:"loc"`
	}
	var doc struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	doc.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	for _, p := range pages {
		// The review page is for coaches: no search engine need list it.
		if p.Kind != kindNotFound && p.Kind != kindReview {
			doc.URLs = append(doc.URLs, entry{Loc: p.Permalink})
		}
	}
	sort.Slice(doc.URLs, func(i, j int) bool { return doc.URLs[i].Loc < doc.URLs[j].Loc })
	data, err := xml.Marshal(doc)
	if err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if b.site.absolute {
		robots += "Sitemap: " + b.site.permalink("sitemap.xml") + "\n"
	}
	var errs diag.List
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"sitemap.xml", append([]byte(xml.Header), data...)},
		{"robots.txt", []byte(robots)},
		{buildMarker, []byte(buildMarkerText)},
	} {
		err := b.out.claim(f.name, diag.Position{File: "(generated " + f.name + ")"})
		if err == nil {
			err = b.out.write(f.name, f.data)
		}
		errs.Add(err)
	}
	return errs.Err()
}
