package generator

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// loadedSite is the content model that rendering works from.
type loadedSite struct {
	site  *site
	pages []*page          // every page to render, in a fixed order
	bySrc map[string]*page // workbooks by path relative to content/
	// drafts holds the workbooks left out of this build, so that a link to
	// one gets a helpful error rather than "no such page".
	drafts map[string]bool
	files  []sourceFile // non-Markdown content, copied as it is
	// warns are the problems that do not stop the build, such as a page
	// whose title was taken from its first heading.
	warns diag.List

	// What a rebuild in serve can reuse.
	tree   *contentTree
	parsed []*parsedFile
}

type parsedFile struct {
	file sourceFile
	src  []byte // the whole file, when sources are kept
	head []byte // the file up to its body, when they are not
	// fm is the frontmatter, kept only for the site's own _index.md,
	// whose settings are read once every file is in: every other file's
	// is read into meta, readable and idAt as it is parsed. All the
	// site's frontmatter at once was the peak of a build of 100,000
	// pages, and a fifth of what serve keeps alive at 10,000.
	fm       *metadata.Frontmatter
	readable bool // the frontmatter parsed, if with errors
	// idAt is where the frontmatter sets an id, if it does: looked up
	// once, as serve makes every page again from its parsed file after
	// each edit.
	idAt    *diag.Position
	bodyOff int
	hasBody bool
	err     error
	// What the frontmatter says of a workbook or collection, and what was
	// wrong with it. The site's own _index.md holds the settings instead,
	// which are read once every file is in.
	meta    pageMeta
	metaErr error
	warns   diag.List // what is wrong but does not stop the build
	slugged string    // a workbook's path in the site, as "interview/star"
}

// parseFile reads and parses one Markdown file of content/. Unless
// keepSource, it keeps only the file's frontmatter: a build to disk reads
// each file again to convert it, rather than holding the whole site.
func parseFile(f sourceFile, keepSource bool) parsedFile {
	pf := parsedFile{file: f}
	pf.src, pf.err = readPage(f)
	if pf.err != nil {
		if _, positioned := pf.err.(*diag.Error); !positioned {
			pf.err = diag.Errorf(contentPos(f.rel), "%v", pf.err)
		}
		return pf
	}
	var body []byte
	pf.fm, body, pf.bodyOff, pf.err = metadata.Parse(f.source, pf.src)
	pf.hasBody = body != nil
	pf.readable = pf.fm != nil
	if pf.readable && pf.fm.Has("id") {
		at := pf.fm.Pos("id")
		pf.idAt = &at
	}
	if !keepSource {
		pf = pf.withoutSource()
	}
	if pf.readable && f.rel != "_index.md" {
		pf.readMeta(body)
		pf.fm = nil
	}
	return pf
}

// readMeta reads what pf's frontmatter says of a workbook or collection,
// given its body.
func (pf *parsedFile) readMeta(body []byte) {
	r := pf.fm.Reader()
	if path.Base(pf.file.rel) == "_index.md" {
		pf.meta.readCollection(r)
	} else {
		pf.meta.readWorkbook(r)
		if strings.TrimSpace(pf.meta.Title) == "" && pf.err == nil {
			pf.fallBackTitle(body)
		}
		pf.slugged = slugPath(strings.TrimSuffix(pf.file.rel, ".md"))
	}
	if pf.err == nil {
		// Frontmatter that did not decode would only add a misleading
		// "title is required".
		pf.metaErr = r.Err()
	}
}

// withoutSource is pf keeping of the file only what comes before its body,
// to tell that the file read again to convert it is the file parsed.
func (pf parsedFile) withoutSource() parsedFile {
	if pf.src != nil {
		pf.head, pf.src = bytes.Clone(pf.src[:pf.bodyOff]), nil
	}
	return pf
}

// readPage reads a Markdown file, unless it is too large to convert.
func readPage(f sourceFile) ([]byte, error) {
	return readWhole(f.path, func(size int64) error { return checkPageSize(contentPos(f.rel), size) })
}

// loadSite reads content/ into pages. It returns what it could load along
// with every error it found, so a build reports all its errors together.
// A rebuild reads again only the files its plan says changed.
func loadSite(ctx context.Context, opts Options, pl plan) (*loadedSite, error) {
	tree := pl.tree()
	var walkErr error
	if tree == nil {
		if tree, walkErr = walkContent(opts.Source, filepath.Join(opts.Source, "content")); tree == nil {
			return nil, walkErr
		}
	}
	var errs diag.List
	errs.Add(walkErr)

	// By pointer: a rebuild shares the files it did not read again.
	parsed := make([]*parsedFile, len(tree.markdown))
	err := parallel(ctx, len(parsed), func(i int) {
		f := tree.markdown[i]
		if pf := pl.parsed(f.source); pf != nil {
			parsed[i] = pf
			return
		}
		pf := parseFile(f, pl.keep)
		parsed[i] = &pf
	})
	if err != nil {
		return nil, err
	}

	s := defaultSettings()
	home := &page{Kind: kindHome, Site: s, source: "content/_index.md"}
	// Settings come first: every URL depends on the base path.
	for _, pf := range parsed {
		if pf.file.rel == "_index.md" && pf.fm != nil {
			r := pf.fm.Reader()
			s.readSettings(r)
			errs.Add(r.Err())
		}
	}
	if opts.BaseURL != "" {
		if err := s.setBaseURL(opts.BaseURL); err != nil {
			errs.Add(fmt.Errorf("--baseURL: %w", err))
		}
	}
	s.LiveReload = opts.LiveReload
	s.App = s.App && !opts.serving && opts.LiveReload == ""
	home.Title, home.Description, home.Params = s.Title, s.Description, s.Params
	s.Home = home
	// A multilingual site is a site per language folder (languages.go);
	// siteOf gives the one a content path belongs to.
	var langSites map[string]*site
	if s.multilingual() {
		langSites, err = s.splitLanguages(parsed)
		errs.Add(err)
	}
	siteOf := func(rel string) *site {
		if ls := langSites[languageFolder(rel)]; ls != nil {
			return ls
		}
		return s
	}

	l := &loadedSite{site: s, bySrc: make(map[string]*page, len(parsed)), drafts: map[string]bool{}, files: tree.other, tree: tree}
	if pl.keep {
		l.parsed = parsed // Only serve reuses the parsed files.
	}
	collections := map[string]*page{"": home}
	for lang, ls := range langSites {
		collections[lang] = ls.Home
	}
	var collection func(dir string) *page
	collection = func(dir string) *page {
		if c, ok := collections[dir]; ok {
			return c
		}
		parent := collection(parentDir(dir))
		c := &page{Kind: kindCollection, Site: siteOf(dir), Parent: parent, dir: dir,
			Title: titleFromName(path.Base(dir)), source: "content/" + dir}
		collections[dir] = c
		parent.Collections = append(parent.Collections, c)
		return c
	}

	var workbooks []*page
	// Workbooks without params of their own share one empty map, which
	// layouts only read: one each was 4.5 MB alive at 100,000 pages.
	noParams := map[string]any{}
	for _, pf := range parsed {
		errs.Add(pf.err)
		errs.Add(pf.metaErr)
		l.warns = append(l.warns, pf.warns...)
		if !pf.readable {
			continue // The file could not be read.
		}
		rel := pf.file.rel
		dir := parentDir(rel)
		if langSites != nil && rel != "_index.md" && siteOf(rel) == s {
			continue // Outside the language folders: reported already.
		}
		var p *page
		if path.Base(rel) == "_index.md" {
			p = collection(dir)
			if p != home {
				title, description := p.Title, p.Description
				p.setMeta(pf.meta)
				if p.Title == "" {
					p.Title = title
				}
				if p.Kind == kindHome {
					// A language's _index.md names the site in its language.
					if p.Description == "" {
						p.Description = description
					}
					p.Site.Title, p.Site.Description = p.Title, p.Description
					if name, ok := p.Params["languageName"].(string); ok && name != "" {
						p.Site.LanguageName = name
					}
				}
			}
		} else {
			p = &page{Kind: kindWorkbook, Site: siteOf(rel), Parent: collection(dir), dir: dir}
			p.setMeta(pf.meta)
			if len(p.Params) == 0 {
				p.Params = noParams
			}
			if p.ID == "" {
				p.ID = pf.slugged
				if langSites != nil {
					// Translations share their ID, and so their answers.
					_, p.ID, _ = strings.Cut(p.ID, "/")
				}
				// A wrong id key is reported already.
				if pf.idAt == nil && !isWorkbookID(p.ID) {
					errs.Add(diag.Errorf(contentPos(rel), "the file's name gives the workbook ID %q, which %s: rename the file, or set an id in its frontmatter", p.ID, workbookIDRule))
				}
			}
			p.place(pf.slugged)
			workbooks = append(workbooks, p)
		}
		p.source, p.fromFile, p.file, p.idAt = pf.file.source, true, pf.file.path, pf.idAt
		p.src, p.head, p.bodyOff, p.hasBody = pf.src, pf.head, pf.bodyOff, pf.hasBody && pf.err == nil
	}

	// Drafts leave the build with everything below them.
	hidden := func(p *page) bool {
		for a := p; a != nil; a = a.Parent {
			if a.Draft && !opts.Drafts {
				return true
			}
		}
		return false
	}
	for _, c := range collections {
		c.Collections = filter(c.Collections, func(x *page) bool { return !hidden(x) })
	}
	for _, w := range workbooks {
		rel := strings.TrimPrefix(w.source, "content/")
		if hidden(w) {
			l.drafts[rel] = true
			continue
		}
		w.Parent.Pages = append(w.Parent.Pages, w)
		l.bySrc[rel] = w
	}

	// Collections get their URLs once drafts are gone, and workbooks
	// claim their IDs in reading order.
	type siteID struct {
		site *site
		id   string
	}
	ids := make(map[siteID]*page, len(workbooks))
	var order func(c *page)
	order = func(c *page) {
		sortPages(c.Pages)
		sortPages(c.Collections)
		c.place(slugPath(c.dir))
		l.pages = append(l.pages, c)
		for i, w := range c.Pages {
			if i > 0 {
				w.Prev = c.Pages[i-1]
			}
			if i+1 < len(c.Pages) {
				w.Next = c.Pages[i+1]
			}
			l.pages = append(l.pages, w)
			if prev, dup := ids[siteID{w.Site, w.ID}]; dup {
				errs.Add(diag.Errorf(w.idPos(), "workbook id %q is already used by %s", w.ID, prev.idPos()))
			} else {
				ids[siteID{w.Site, w.ID}] = w
			}
		}
		for _, sub := range c.Collections {
			order(sub)
		}
	}
	sites := []*site{s}
	if langSites != nil {
		// Each language is a site of its own, the default first; the
		// root's page is written apart (writeLanguageRoot).
		sites = s.langs.sites
		for _, ls := range sites {
			order(ls.Home)
		}
	} else {
		order(home)
	}
	// One 404 page at the root, in the default language: servers serve
	// 404.html for every missing path. Its title is in the interface's
	// words: see wordPages.
	ds := sites[0]
	notFound := &page{Kind: kindNotFound, Site: ds, out: "404.html",
		URL: s.url("404.html"), Permalink: s.permalink("404.html"), source: "layouts/404.html"}
	errs.Add(checkBookPlaces(l.pages))
	errs.Add(checkSupport(l.pages))
	l.pages = append(l.pages, notFound)
	for _, ls := range sites {
		l.pages = append(l.pages, newBookPages(ls)...)
	}
	indexTranslations(l.pages)
	return l, errs.Err()
}

// place gives p the pretty URL for its slugged path, "" being the home
// page: interview/star is written to interview/star/index.html.
func (p *page) place(slugged string) {
	dir := ""
	if slugged != "" {
		dir = slugged + "/"
	}
	p.out = dir + "index.html"
	escaped := escapePath(dir)
	p.URL = p.Site.url(escaped)
	if p.Permalink = p.URL; p.Site.BaseURL != p.Site.basePath {
		p.Permalink = p.Site.permalink(escaped)
	}
}

// idPos is where a workbook's ID comes from: its id key, or its file.
func (p *page) idPos() diag.Position {
	if p.idAt != nil {
		return *p.idAt
	}
	return p.pos()
}

func parentDir(rel string) string {
	d := path.Dir(rel)
	if d == "." {
		return ""
	}
	return d
}

func filter(pages []*page, keep func(*page) bool) []*page {
	out := pages[:0]
	for _, p := range pages {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// titleFromName makes a title for a folder without an _index.md.
func titleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) })
	for i, w := range words {
		if i == 0 {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}

// sortPages puts pages in reading order: by weight, with unweighted pages
// last, then by title, then by file.
func sortPages(pages []*page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return a.Weight != 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.source < b.source
	})
}
