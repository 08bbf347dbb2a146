package generator

// nameBuiltPages gives the pages the build makes itself, with no source
// of their own, their titles in the interface's words of the site's
// language, as their layouts show them: the 404 page's "Page not found".
// In a site of several languages, each language names its own pages.
func nameBuiltPages(s *site, pages []*page, messages languageWords) {
	title := messages.plain("layouts")["notFoundTitle"]
	for _, p := range pages {
		if p.Kind == kindNotFound && p.Site == s {
			p.Title = title
		}
	}
}
