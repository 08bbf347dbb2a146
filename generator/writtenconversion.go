package generator

// writtenBlank is what a written page keeps of a conversion that made
// nothing but HTML: a plain workbook, a collection, the home page. Every
// such page shares it rather than keeping a copy of its own, which was
// 224 bytes a page, alive to the end of the build: 22 MB at 100,000
// pages for the collector to mark again and again. It is never changed,
// as no conversion is once made. Its manifest is empty but not nil, as
// manifestOf makes it.
var writtenBlank = &conversion{manifest: []manifestField{}}

// written is what page p keeps of conversion c once p is written: c
// without its HTML, or without its fields too when its record holds them
// (workbookrecord.go), or writtenBlank when c made nothing else.
func (p *page) written(c *conversion) *conversion {
	switch {
	case c.onlyHTML():
		return writtenBlank
	case c.lean || p.convertBy.plan.keepFields || p.Kind != kindWorkbook || len(c.manifest) == 0:
		return c.withoutHTML()
	}
	lean := c.withoutFields(p.record())
	p.fieldState().manifestData = nil // The record holds it.
	return lean
}

// onlyHTML reports whether c holds nothing a written page needs: no
// fields, exercises, displays, links to check, errors, warnings or
// recalls. Lists that are nil here and empty in writtenBlank, or the other
// way round, would marshal differently, so c must match it exactly.
func (c *conversion) onlyHTML() bool {
	return c.manifest != nil && len(c.manifest) == 0 && c.exercises == nil && c.displays == nil &&
		!c.showIf && !c.reminds && c.links == nil && len(c.errs) == 0 && len(c.warns) == 0 &&
		c.recalls == nil && len(c.recallables) == 0 && !c.lean && c.record == nil
}
