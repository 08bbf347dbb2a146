package generator

import (
	"fmt"
	"strings"
	"testing"
)

// convertForLinks converts a workbook's Markdown with the link check on
// and no directives, in a site with no other pages.
func convertForLinks(t *testing.T, src string) *converting {
	t.Helper()
	s := defaultSettings()
	lr := &linkResolver{site: s, workbooks: map[string]*page{}, collections: map[string]*page{}, drafts: map[string]bool{}}
	head := "---\ntitle: Links\n---\n"
	p := &page{Kind: kindWorkbook, Site: s, source: "content/a.md", src: []byte(head + src), bodyOff: len(head), hasBody: true}
	return convertMarkdown(newMarkdown(false, lr, nil), nil, p)
}

func TestLinkPositions(t *testing.T) {
	conv := convertForLinks(t, "See [a](x.md) and ![b](<y.png>),\n[](z.md) [**c**](\n  w.md) <ftp://h> [d][r]\n\n[r]: v.md\n")
	var got []string
	for _, e := range conv.errs {
		got = append(got, strings.SplitN(e.Error(), ": ", 2)[0])
	}
	// x.md, z.md, w.md, the ftp autolink, and v.md through [r], placed
	// at the link's text since its destination is written elsewhere.
	want := []string{"content/a.md:4:9", "content/a.md:5:4", "content/a.md:6:3", "content/a.md:6:10", "content/a.md:6:19"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("positions\n %v\nwant\n %v\nerrors: %v", got, want, conv.errs)
	}
	// y.png is a file, checked once the build knows every file.
	if len(conv.links) != 1 || conv.links[0].pos.String() != "content/a.md:4:25" {
		t.Errorf("file links: %+v, want y.png at content/a.md:4:25", conv.links)
	}
}

// TestManyLinksOnOneLine: finding each link's position used to search the
// paragraph from its start, so 60,000 links on one line took half a
// minute. Now each search looks only near its link.
func TestManyLinksOnOneLine(t *testing.T) {
	const n = 20000
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[l](m%d.md) [r][d%d] ", i, i)
	}
	b.WriteString("\n\n")
	for i := range n {
		fmt.Fprintf(&b, "[d%d]: n%d.md\n", i, i)
	}
	conv := convertForLinks(t, b.String())
	if len(conv.errs) != 2*n {
		t.Fatalf("%d errors, want %d", len(conv.errs), 2*n)
	}
	last := conv.errs[2*n-2].Error()
	col := strings.Index(b.String(), fmt.Sprintf("m%d.md", n-1)) + 1
	if want := fmt.Sprintf("content/a.md:4:%d: ", col); !strings.HasPrefix(last, want) {
		t.Errorf("last inline link at\n %s\nwant %s", last, want)
	}
	if conv.cursor.scanned > 2*b.Len() {
		t.Errorf("looked at %d bytes to place the links of a %d-byte page", conv.cursor.scanned, b.Len())
	}
}
