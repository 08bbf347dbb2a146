package generator

import "html/template"

// converted returns the result of converting p's Markdown, converting it
// on first use.
func (p *page) converted() *conversion {
	p.convert.Do(func() { p.conv.Store(p.convertBy.convert(p)) })
	return p.conv.Load()
}

// Content returns the page's Markdown body as HTML. An error stops the
// layout, so that the build reports it rather than showing the page
// without its content.
func (p *page) Content() (template.HTML, error) {
	conv := p.converted()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.released {
		return p.convertBy.recallContent(conv)
	}
	// The page was written and its HTML let go; a layout of another page
	// wants it again, so convert it again from its file.
	src, err := p.reread()
	if err != nil {
		return "", err
	}
	again := &page{Kind: p.Kind, Site: p.Site, source: p.source, dir: p.dir, src: src, bodyOff: p.bodyOff, hasBody: p.hasBody}
	return p.convertBy.recallContent(p.convertBy.render(again))
}

// release lets go of a written page's source and HTML, and of a
// workbook's fields but for their record, so that a build's memory does
// not grow with the size of the site. Another page's layout or a rebuild
// that shows the page again converts it again from its file (Content):
// serve kept every page's HTML gzipped for them, a sixth of its peak at
// 10,000 workbooks of exercises, to save the few milliseconds that takes.
func (p *page) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.released {
		return // A conversion reused released already.
	}
	if c := p.conv.Load(); c != nil {
		p.conv.Store(p.written(c))
	}
	if !p.convertBy.plan.keep {
		p.src = nil
	}
	p.released = true
}
