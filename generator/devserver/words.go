package devserver

import "fmt"

// serveWords are every sentence serve shows in the browser, on the error
// page and in the warnings panel, in one place. serve is the author's own
// tool, so they are in English, unlike the site's words (i18n/LANG.yaml).
// The panel's script receives them with the warnings (see warnings.json).
type serveWords struct {
	ErrorTitle   string `json:"-"`
	ErrorHeading string `json:"-"`
	FixOne       string `json:"-"` // one problem
	FixAll       string `json:"-"` // %d problems, all shown
	FixFirst     string `json:"-"` // %d problems, the first %d shown
	MoreOne      string `json:"-"` // one problem not shown
	MoreSome     string `json:"-"` // %d problems not shown
	EditorHint   string `json:"-"` // shown when files are not links

	PanelLabel   string `json:"panelLabel"`
	PanelOne     string `json:"panelOne"`  // one warning
	PanelSome    string `json:"panelSome"` // {n} warnings
	PanelDismiss string `json:"panelDismiss"`
}

// words is what serve says. It is never changed.
var words = serveWords{
	ErrorTitle:   "Build failed · coachbook",
	ErrorHeading: "The build failed",
	FixOne:       "Fix the problem below and save: this page reloads by itself.",
	FixAll:       "Fix the %d problems below and save: this page reloads by itself.",
	FixFirst:     "Fix the %d problems and save: this page reloads by itself. The first %d are below.",
	MoreOne:      "… and 1 more problem, listed in the terminal.",
	MoreSome:     "… and %d more problems, listed in the terminal.",
	EditorHint:   "To open files in your editor from here, start serve with --editor or set COACHBOOK_EDITOR (see coachbook serve -h).",

	PanelLabel:   "Build warnings",
	PanelOne:     "The last build succeeded with 1 warning:",
	PanelSome:    "The last build succeeded with {n} warnings:",
	PanelDismiss: "Dismiss",
}

// WithWarnings ends a build's summary line with its count of warnings, as
// " with 2 warnings", and says nothing when there are none. build and
// serve both use it.
func WithWarnings(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " with 1 warning"
	}
	return fmt.Sprintf(" with %d warnings", n)
}
