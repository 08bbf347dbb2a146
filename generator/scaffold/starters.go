package scaffold

import (
	"fmt"
	"regexp"
	"strings"
)

// starter is a language's words for a new site: those NewSite writes
// itself. The career starter's home page and first workbook are
// archetypes, read from the starter's folder (archetypes/ for English,
// archetypes/LANG/ for another language), so that each language's files
// sit beside the English ones; the other starters' files are bundled in
// starters/NAME/LANG/ (bundled.go).
type starter struct {
	lang            string // the language whose words these are: "fr" for "fr-CA"
	archetypes      string // the folder of site.md and prep.md
	siteTitle       string // the home page's title when the folder's name gives none
	collection      string // the first collection's folder under content/
	collectionIndex string // its _index.md
	workbookTitle   string
	workbookName    string // the first workbook's file name, without .md
	gitignore       string
}

// StarterLanguages lists the languages `coachbook new site` has starter
// content in, sorted: every starter has its content in each of them.
func StarterLanguages() []string { return []string{"en", "fr"} }

// starterFor returns the starter content for the language lang ("en",
// "fr"), and false when there is none.
func starterFor(lang string) (starter, bool) {
	switch lang {
	case "en":
		return starter{
			lang:            "en",
			archetypes:      "archetypes",
			siteTitle:       "Workbooks",
			collection:      "getting-started",
			collectionIndex: "---\ntitle: Getting started\ndescription: \"Where every client begins.\"\nweight: 1\n---\n",
			workbookTitle:   "Before your session",
			workbookName:    "before-your-session",
			gitignore:       "# The build output, which coachbook replaces on every build, and the\n# earlier build it keeps beside it to write the next one over.\n/public/\n/.public.coachbook-*\n",
		}, true
	case "fr":
		return starter{
			lang:            "fr",
			archetypes:      "archetypes/fr",
			siteTitle:       "Cahiers",
			collection:      "premiers-pas",
			collectionIndex: "---\ntitle: Premiers pas\ndescription: \"Là où chacun commence.\"\nweight: 1\n---\n",
			workbookTitle:   "Avant votre séance",
			workbookName:    "avant-votre-seance",
			gitignore:       "# Ce que coachbook écrit à chaque construction, et la construction\n# précédente qu'il garde à côté pour écrire la suivante par-dessus.\n/public/\n/.public.coachbook-*\n",
		}, true
	}
	return starter{}, false
}

// languageTag is the shape of a language tag the build accepts in
// content/_index.md (generator/settings.go), such as "fr" or "fr-CA".
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// starterLanguage checks the language tag asked for, and returns the
// starter content for it: its own, or its language's without the region
// ("fr" for "fr-CA").
func starterLanguage(tag string) (starter, error) {
	available := strings.Join(StarterLanguages(), ", ")
	if !languageTag.MatchString(tag) {
		return starter{}, fmt.Errorf("%q is not a language tag such as \"en\" or \"fr-CA\"; the languages with starter content are %s", tag, available)
	}
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	s, ok := starterFor(base)
	if !ok {
		return starter{}, fmt.Errorf("there is no starter content in %q; the languages with starter content are %s", tag, available)
	}
	return s, nil
}

// CheckStarterLanguage reports whether `coachbook new site` can write a
// site in the language tag, with an error listing those it can.
func CheckStarterLanguage(tag string) error {
	_, err := starterLanguage(tag)
	return err
}
