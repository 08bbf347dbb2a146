package scriptfree

import (
	"fmt"
	"strings"
)

// attr is an attribute as the rules see it, from any of the parsers.
type attr struct {
	name   string // as shown in messages, with its prefix: "xlink:href"
	prefix string // "xml", "xlink", "xmlns", another prefix, or ""
	local  string // lowercase, without the prefix
	value  string // with character references replaced
	off    int    // where it starts in the file, or -1 when not known
}

// newAttr makes an attribute from its name as written, such as
// "xlink:href", and its value.
func newAttr(name, value string, off int) attr {
	prefix, local, ok := strings.Cut(name, ":")
	if !ok {
		prefix, local = "", name
	}
	if name == "xmlns" {
		prefix = "xmlns"
	}
	return attr{name: name, prefix: strings.ToLower(prefix), local: strings.ToLower(local), value: value, off: off}
}

// deniedElements are the elements that run script or bring in a document
// the check cannot see, by lowercase local name, and why.
var deniedElements = map[string]string{
	"script":        "it runs script",
	"handler":       "it runs script",
	"listener":      "it attaches a script handler",
	"foreignobject": "it puts an HTML document inside the SVG",
	"iframe":        "it shows another document, which can run script on the site's origin",
	"frame":         "it shows another document, which can run script on the site's origin",
	"frameset":      "it shows other documents, which can run script on the site's origin",
	"portal":        "it shows another document, which can run script on the site's origin",
	"fencedframe":   "it shows another document, which can run script on the site's origin",
	"object":        "it loads a plugin or another document",
	"embed":         "it loads a plugin or another document",
	"applet":        "it loads a plugin",
	"base":          "it changes where every relative address in the file leads",
}

// animations are the SVG elements that set another attribute's value.
var animations = map[string]bool{
	"animate": true, "set": true, "animatetransform": true, "animatemotion": true, "animatecolor": true,
}

// textAttributes hold text, never an address, so they are not read as one.
var textAttributes = map[string]bool{
	"alt": true, "title": true, "placeholder": true, "label": true, "value": true, "content": true,
}

// element checks an element: name is its local name as written, and off
// where it starts in the file, or -1 when not known.
func (c *checker) element(name string, attrs []attr, off int) {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	local := strings.ToLower(name)
	if why, ok := deniedElements[local]; ok {
		c.report(off, fmt.Sprintf("%s element: %s", name, why))
	}
	for _, a := range attrs {
		c.attribute(a, off)
	}
	switch {
	case local == "meta":
		c.meta(attrs, off)
	case local == "link":
		if rel := attrValue(attrs, "rel"); containsWord(rel, "import") {
			c.report(off, "link element: an HTML import runs the scripts of the document it imports")
		}
	case local == "use":
		for _, a := range attrs {
			if a.local == "href" && !sameSite(a.value) {
				c.report(at(a, off), fmt.Sprintf("use element: it may show only an element of this file (#id) or of a file of the site, not %q", a.value))
			}
		}
	case animations[local]:
		target := strings.ToLower(strings.TrimSpace(attrValue(attrs, "attributename")))
		if i := strings.LastIndexByte(target, ':'); i >= 0 {
			target = target[i+1:]
		}
		if target == "href" || target == "src" || target == "action" || target == "formaction" || strings.HasPrefix(target, "on") {
			c.report(off, fmt.Sprintf("%s element: it animates the %s attribute, which can set an address or handler that runs script", name, target))
		}
	}
}

// attribute checks one attribute of an element that starts at off.
func (c *checker) attribute(a attr, off int) {
	if a.prefix == "xmlns" {
		return // A namespace declaration: its value is a name, not an address.
	}
	pos := at(a, off)
	switch {
	case strings.HasPrefix(a.local, "on"):
		c.report(pos, fmt.Sprintf("%s attribute: an event handler runs script", a.name))
		return
	case a.local == "srcdoc":
		c.report(pos, fmt.Sprintf("%s attribute: it holds a whole HTML document", a.name))
		return
	case a.local == "base" && a.prefix == "xml":
		c.report(pos, fmt.Sprintf("%s attribute: it changes where the relative addresses in the file lead", a.name))
		return
	case a.local == "style" && a.prefix == "":
		c.css(a.value, func(int) int { return pos })
		return
	case textAttributes[a.local] || strings.HasPrefix(a.local, "aria-") || strings.HasPrefix(a.local, "data-"):
		return
	}
	if why := activeURL(a.value); why != "" {
		c.report(pos, fmt.Sprintf("%s attribute: %s", a.name, why))
	}
}

// meta checks a meta element, which can redirect to an address or say
// the file is in a character set other than the one it is checked in.
func (c *checker) meta(attrs []attr, off int) {
	if charset := attrValue(attrs, "charset"); charset != "" && !isUTF8(charset) {
		c.report(off, fmt.Sprintf("meta element: the file says it is in %s; it must be UTF-8, the character set it is checked in", charset))
	}
	content := attrValue(attrs, "content")
	switch strings.ToLower(strings.TrimSpace(attrValue(attrs, "http-equiv"))) {
	case "refresh":
		target := refreshURL(content)
		scheme, _, hasScheme := urlScheme(normalizeURL(target))
		if hasScheme && scheme != "http" && scheme != "https" {
			c.report(off, fmt.Sprintf("meta element: a refresh may lead only to an http or https address or a page of the site, not %q", target))
		}
	case "content-type":
		_, params, _ := strings.Cut(strings.ToLower(content), "charset=")
		if charset := strings.Trim(strings.TrimSpace(params), `"'`); params != "" && !isUTF8(charset) {
			c.report(off, fmt.Sprintf("meta element: the file says it is in %s; it must be UTF-8, the character set it is checked in", charset))
		}
	}
}

// activeURL returns why an address can run script or carry a document
// that can, or "" when it cannot. Browsers ignore tabs and line breaks in
// an address, and spaces and control characters around it.
func activeURL(value string) string {
	scheme, rest, ok := urlScheme(normalizeURL(value))
	if !ok {
		return ""
	}
	switch scheme {
	case "javascript", "vbscript", "livescript":
		return "a " + scheme + ": address runs script"
	case "data":
		if !strings.HasPrefix(rest, "image/") {
			return "a data: address other than an image can hold a document that runs script"
		}
	}
	return ""
}

// sameSite reports whether an address stays in the file or the site: a
// fragment or a relative path, not another scheme or host.
func sameSite(value string) bool {
	u := strings.ReplaceAll(normalizeURL(value), `\`, "/")
	_, _, hasScheme := urlScheme(u)
	return !hasScheme && !strings.HasPrefix(u, "//")
}

// normalizeURL reads an address as a browser's URL parser does before it
// looks for the scheme: without tabs and line breaks, without spaces and
// control characters around it, in lower case.
func normalizeURL(value string) string {
	value = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, value)
	value = strings.TrimFunc(value, func(r rune) bool { return r <= ' ' })
	return strings.ToLower(value)
}

// urlScheme splits an address at the end of its scheme, if it has one.
func urlScheme(u string) (scheme, rest string, ok bool) {
	for i := 0; i < len(u); i++ {
		ch := u[i]
		switch {
		case ch == ':':
			return u[:i], u[i+1:], i > 0
		case 'a' <= ch && ch <= 'z':
		case i > 0 && ('0' <= ch && ch <= '9' || ch == '+' || ch == '-' || ch == '.'):
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// refreshURL returns the address of a refresh's content, such as
// "5; url=next/", read as browsers do: a delay, then ';', ',' or only
// white space, then the address with or without "url=" and quotes.
func refreshURL(content string) string {
	rest := strings.TrimLeft(content, " \t\n\r\f")
	rest = strings.TrimLeft(rest, "0123456789.")
	rest = strings.TrimLeft(rest, " \t\n\r\f")
	if strings.HasPrefix(rest, ";") || strings.HasPrefix(rest, ",") {
		rest = rest[1:]
	}
	rest = strings.TrimLeft(rest, " \t\n\r\f")
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		if after := strings.TrimLeft(rest[3:], " \t\n\r\f"); strings.HasPrefix(after, "=") {
			rest = strings.TrimLeft(after[1:], " \t\n\r\f")
		}
	}
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		if end := strings.IndexByte(rest[1:], rest[0]); end >= 0 {
			return rest[1 : 1+end]
		}
		return rest[1:]
	}
	return rest
}

func isUTF8(charset string) bool {
	charset = strings.ToLower(strings.TrimSpace(charset))
	return charset == "utf-8" || charset == "utf8"
}

// attrValue returns the value of the attribute with the lowercase local
// name, or "".
func attrValue(attrs []attr, local string) string {
	for _, a := range attrs {
		if a.local == local && a.prefix == "" {
			return a.value
		}
	}
	return ""
}

func containsWord(list, word string) bool {
	for _, w := range strings.Fields(strings.ToLower(list)) {
		if w == word {
			return true
		}
	}
	return false
}

// at returns where an attribute starts, or its element when not known.
func at(a attr, element int) int {
	if a.off >= 0 {
		return a.off
	}
	return element
}
