package generator

// nameBuiltPages gives the pages the build makes itself, with no source
// of their own, their titles in the interface's words of the site's
// language, as their layouts show them: the 404 page's "Page not found".
func nameBuiltPages(pages []*page, messages languageWords) {
	title := messages.plain("layouts")["notFoundTitle"]
	for _, p := range pages {
		if p.Kind == kindNotFound {
			p.Title = title
		}
	}
}
