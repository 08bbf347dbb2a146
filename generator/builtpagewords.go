package generator

// wordPages gives pages the words of the site's language that the build
// writes into them itself: the title of the pages it makes with no source
// of their own, as their layouts show them (the 404 page's "Page not
// found"), and a workbook's duration written as a number of minutes
// ("20 min"). In a site of several languages, each language words its own
// pages.
func wordPages(s *site, pages []*page, messages languageWords) {
	title := messages.plain("layouts")["notFoundTitle"]
	minutes := messages.words["layouts"]["durationMinutes"]
	for _, p := range pages {
		switch {
		case p.Site != s:
		case p.Kind == kindNotFound:
			p.Title = title
		case p.minutes > 0:
			p.Duration = say(minutes.pick(messages.tag, []any{p.minutes}), p.minutes)
		}
	}
}
