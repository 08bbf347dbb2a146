package generator

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"coachbook/generator/diag"
	"coachbook/generator/metadata"
)

// site holds the site settings, read from the frontmatter of
// content/_index.md, and is what templates see as .Site.
type site struct {
	// ID keeps the answers of sites that share a browser origin apart,
	// such as two sites under different paths of one university domain.
	ID          string
	Title       string
	Description string
	Language    string
	// LanguageName is the language's name in itself, for a language
	// switcher; see endonym.
	LanguageName string
	Organisation string
	Contact      link   // a mailto: or web link; empty when not set
	Logo         string // URL of the logo image; empty when not set
	Accent       string // a CSS colour; empty for the theme's own
	// BackupReminder is how many days after a client's last download of
	// their answers the runtime reminds them to download again; 0 is never.
	BackupReminder int
	// Support is what to do in a crisis, shown on sensitive pages; nil
	// when the site does not set it (support.go).
	Support *support
	Params  map[string]any

	// BaseURL is the URL the site is served from, always ending in "/".
	BaseURL string
	// basePath is BaseURL's path: every internal link starts with it so the
	// site works under a sub-path.
	basePath string
	// absolute is set when BaseURL has a scheme and host, which sitemap.xml
	// and canonical links need.
	absolute bool

	// LiveReload is the URL of serve's reload script, empty in a build. The
	// base layout loads it and lets the page connect to its own origin, so
	// a site's own base layout decides where it goes and nothing is spliced
	// into the rendered HTML.
	LiveReload string

	// App makes the site an installable app that works offline: a web app
	// manifest and a service worker (webapp.go). The app setting turns it
	// off, and serve always does, since a worker would keep serving the
	// pages it cached instead of the ones serve reloads.
	App bool

	allowHTML bool
	theme     string
	themePos  diag.Position
	// languagePos is where the language setting is, for a language no
	// words file speaks.
	languagePos diag.Position
	logoFile    string // the logo's path inside static/
	logoPos     diag.Position

	Home *page

	// The languages of a multilingual site (languages.go): langs is shared
	// by the site of every language, and langPrefix is this language's
	// folder in the URL, as "fr/"; both are empty in a site of one
	// language.
	languages    []string
	languagesPos diag.Position
	langs        *languageSet
	langPrefix   string

	// fieldFiles list the fields of this language's workbooks, for the
	// pages that restore or count them (fieldfiles.go).
	fieldFiles *fieldFiles
}

// StorageID is the site's ID for saved answers: its id setting, or else its
// base URL without the scheme, which differs between sites that share a
// domain.
func (s *site) StorageID() string {
	if s.ID != "" {
		return s.ID
	}
	u, _ := url.Parse(s.BaseURL)
	return u.Host + u.Path
}

// Absolute reports whether the base URL has a scheme and host, so that
// templates can write canonical links.
func (s *site) Absolute() bool { return s.absolute }

// link is a destination with the text to show for it.
type link struct {
	Href string
	Text string
}

// defaultSettings are what a site with no settings gets.
func defaultSettings() *site {
	return &site{
		Title:        "Workbooks",
		Language:     "en",
		LanguageName: "English",
		BaseURL:      "/",
		basePath:     "/",
		theme:        "default",
		Params:       map[string]any{},
		// Two weeks is a usual time between coaching sessions.
		BackupReminder: 14,
		App:            true,
	}
}

// readSettings fills s from the home page's frontmatter.
func (s *site) readSettings(r *metadata.Reader) {
	if v := r.String("title"); v != "" {
		s.Title = v
	}
	s.Description = r.String("description")
	s.Organisation = r.String("organisation")
	if v := r.Matching("language", languageTag, `is not a language tag such as "en" or "pt-BR"`); v != "" {
		s.Language = v
	}
	s.languagePos = r.Pos("language")
	s.LanguageName = endonym(s.Language)
	if v := r.String("baseURL"); v != "" {
		if err := s.setBaseURL(v); err != nil {
			r.Fail("baseURL", "%v", err)
		}
	}
	if c := r.String("contact"); c != "" {
		l, err := contactLink(c)
		if err != nil {
			r.Fail("contact", "%v", err)
		}
		s.Contact = l
	}
	s.readAccent(r)
	s.logoFile, s.logoPos = strings.TrimPrefix(r.String("logo"), "/"), r.Pos("logo")
	if v := r.String("theme"); v != "" {
		s.theme = v
	}
	s.themePos = r.Pos("theme")
	s.allowHTML = r.Bool("allowHTML")
	s.readBackupReminder(r)
	s.readLanguages(r)
	s.ID = r.Matching("id", siteID, "may hold only letters, digits, '.', '/', '_' and '-'")
	s.App = r.BoolOr("app", true)
	s.Support = readSupport(r)
	s.Params = r.Rest()
}

// readAccent reads the accent colour, which is written into site.css:
// see colours.go.
func (s *site) readAccent(r *metadata.Reader) {
	v := r.String("accent")
	if v == "" {
		return
	}
	if err := checkColour(v); err != nil {
		r.Fail("accent", "accent %v", err)
		return
	}
	s.Accent = v
}

// maxBackupReminder is ten years: any longer is a mistake.
const maxBackupReminder = 3650

// readBackupReminder reads the days between backup reminders; absent, the
// default stays.
func (s *site) readBackupReminder(r *metadata.Reader) {
	if !r.Has("backupReminder") {
		return
	}
	days := r.Int("backupReminder")
	if days < 0 || days > maxBackupReminder {
		r.Fail("backupReminder", "backupReminder (%d) must be a number of days from 0 (no reminder) to %d", days, maxBackupReminder)
		return
	}
	s.BackupReminder = days
}

var (
	languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	siteID      = regexp.MustCompile(`^[A-Za-z0-9._/-]{1,100}$`)
	emailLike   = regexp.MustCompile(`^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$`)
)

// setBaseURL sets the URL the site is served from.
func (s *site) setBaseURL(raw string) error {
	norm, err := NormalizeBaseURL(raw)
	if err != nil {
		return err
	}
	u, _ := url.Parse(norm)
	s.BaseURL, s.basePath, s.absolute = norm, u.EscapedPath(), u.Host != ""
	return nil
}

// NormalizeBaseURL checks a base URL and gives it a trailing slash. It is
// either absolute with an http or https scheme, or a path starting with "/".
func NormalizeBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("baseURL %q is not a URL: %w", raw, err)
	}
	switch {
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		if u.Path == "" {
			u.Path = "/"
		}
	default:
		return "", fmt.Errorf("baseURL %q must be a full http(s) URL such as https://example.edu/workbooks/ or a path such as /workbooks/", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("baseURL %q must not have a query, fragment or user name", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return u.String(), nil
}

func contactLink(c string) (link, error) {
	if emailLike.MatchString(c) {
		return link{Href: "mailto:" + c, Text: c}, nil
	}
	u, err := url.Parse(c)
	if err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return link{Href: u.String(), Text: u.Host + strings.TrimSuffix(u.Path, "/")}, nil
	}
	if err == nil && u.Scheme == "mailto" && emailLike.MatchString(u.Opaque) {
		return link{Href: c, Text: u.Opaque}, nil
	}
	return link{}, fmt.Errorf("contact %q must be an email address or an http(s) URL", c)
}

// Direction is "rtl" for a site whose language is written right to left
// and "ltr" otherwise: base.html writes it as the page's dir, which the
// theme's logical CSS follows.
func (s *site) Direction() string {
	return textDirection(s.Language)
}

// rtlLanguages are the languages usually written right to left, by
// their language subtag; rtlScripts are the scripts written right to
// left, for a tag that names its script, such as az-Arab or ur-Latn.
var (
	rtlLanguages = map[string]bool{"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true, "iw": true, "ps": true, "sd": true, "ug": true, "ur": true, "yi": true}
	rtlScripts   = map[string]bool{"adlm": true, "arab": true, "hebr": true, "nkoo": true, "rohg": true, "syrc": true, "thaa": true}
)

// textDirection is the direction of a language tag such as "ar-EG".
func textDirection(tag string) string {
	parts := strings.Split(strings.ToLower(tag), "-")
	rtl := rtlLanguages[parts[0]]
	// A script subtag has four letters; a variant of four characters
	// starts with a digit.
	for _, p := range parts[1:] {
		if len(p) == 4 && p[0] >= 'a' && p[0] <= 'z' {
			rtl = rtlScripts[p]
			break
		}
	}
	if rtl {
		return "rtl"
	}
	return "ltr"
}

// url returns the site-relative path p as a link that works under the
// base path.
func (s *site) url(p string) string {
	return s.basePath + strings.TrimPrefix(p, "/")
}

// permalink returns p as an absolute URL when the base URL has a host, and
// as a path otherwise.
func (s *site) permalink(p string) string {
	return s.BaseURL + strings.TrimPrefix(p, "/")
}
