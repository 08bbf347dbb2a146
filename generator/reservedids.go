package generator

import "strings"

// HTML ids that an author's heading may not take, since the page already
// uses them: the skip link's target, the ids fields and exercises derive
// from their own, the theme's and the runtime's elements, and footnotes'.
// A heading whose text would make one gets "section-" in front.
var (
	reservedIDs        = []string{"main"}
	reservedIDPrefixes = []string{"field-", "exercise-", "coachbook-", "fn:", "fnref:"}
)

// reservedID reports whether id is one the page itself uses, and says
// what uses it.
func reservedID(id string) (bool, string) {
	for _, r := range reservedIDs {
		if id == r {
			return true, "is the page's main content"
		}
	}
	if prefix := reservedPrefix(id); prefix != "" {
		return true, "starts with " + prefix + ", which " + reservedBy(prefix)
	}
	return false, ""
}

// reservedPrefix returns the reserved prefix id starts with, or "".
func reservedPrefix(id string) string {
	for _, prefix := range reservedIDPrefixes {
		if strings.HasPrefix(id, prefix) {
			return prefix
		}
	}
	return ""
}

func reservedBy(prefix string) string {
	switch prefix {
	case "field-", "exercise-":
		return "fields and exercises use"
	case "coachbook-":
		return "the theme and its scripts use"
	}
	return "footnotes use"
}
