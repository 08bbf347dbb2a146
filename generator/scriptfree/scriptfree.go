// Package scriptfree checks that a file a site publishes as it is can run
// no script on the site's origin. Anything that runs there can read every
// answer a client has saved, so a site that does not trust its authors
// with raw HTML publishes only documents that hold no script, and refuses
// the formats that can run script in ways that cannot be checked.
//
// The check denies by default: a document it cannot read as a browser
// would, such as XML that is not well formed or a file in another
// character set, is refused too.
package scriptfree

import (
	"net/http"
	"path"
	"strings"

	"coachbook/generator/diag"
)

// Format is how a file is checked.
type Format int

const (
	// Other files are not documents a browser runs: they are published
	// as they are, unless their first bytes look like HTML or XML.
	Other Format = iota
	// HTML is read with an HTML5 tokenizer and tree builder.
	HTML
	// XHTML is XML whose HTML elements are allowed, without script.
	XHTML
	// XML, SVG included, may hold no HTML elements at all.
	XML
	// CSS may hold no script addresses or expressions.
	CSS
	// Refused files cannot be checked, or run as programs.
	Refused
)

// formats maps a lowercase extension to its format.
var formats = map[string]Format{
	".html": HTML, ".htm": HTML,
	".xhtml": XHTML, ".xht": XHTML,
	".svg": XML, ".xml": XML, ".rss": XML, ".atom": XML, ".rdf": XML, ".mml": XML, ".xsd": XML,
	".css": CSS,
}

// refused says why each refused extension is refused.
var refused = map[string]string{
	".xsl":   "a browser shows what an XSLT stylesheet outputs as a document of the site, and that output cannot be checked",
	".xslt":  "a browser shows what an XSLT stylesheet outputs as a document of the site, and that output cannot be checked",
	".svgz":  "a compressed SVG cannot be checked; publish it as .svg",
	".mht":   "a web archive holds documents that cannot be checked",
	".mhtml": "a web archive holds documents that cannot be checked",
	".shtml": "web servers with server-side includes run commands written in it",
	".shtm":  "web servers with server-side includes run commands written in it",
	".stm":   "web servers with server-side includes run commands written in it",
	".js":    "pages run scripts from the site itself (script-src 'self'), so every script file published beside them is one the site vouches for",
	".mjs":   "pages run scripts from the site itself (script-src 'self'), so every script file published beside them is one the site vouches for",
	".htc":   "it is a script that old browsers attach to pages",
	".hta":   "it is a program, not a document",
	".swf":   "it is a program, not a document",
	".xul":   "it is an application document that can run script",
	".xbl":   "it attaches script to documents",
	".php":   "some web servers run it as a program",
	".phtml": "some web servers run it as a program",
	".phar":  "some web servers run it as a program",
	".asp":   "some web servers run it as a program",
	".aspx":  "some web servers run it as a program",
	".jsp":   "some web servers run it as a program",
	".cgi":   "some web servers run it as a program",
}

// ByName returns how a file is checked, by the extensions of its name,
// and for a refused file why. Every extension counts, not only the last:
// some web servers (Apache among them) give handout.html.bak the type of
// .html, and run notes.php.txt as a program.
func ByName(name string) (f Format, why string) {
	exts := strings.Split(strings.ToLower(path.Base(name)), ".")[1:]
	for i := len(exts) - 1; i >= 0; i-- {
		ext := "." + strings.TrimRight(exts[i], " ")
		if why, ok := refused[ext]; ok {
			if i < len(exts)-1 {
				why += " (every extension of a name counts: some web servers read them all)"
			}
			return Refused, ext + " files are not published while allowHTML is false: " + why
		}
		if f, ok := formats[ext]; ok {
			return f, ""
		}
	}
	return Other, ""
}

// Sniff returns HTML or XML when a browser that is given no type reads a
// file that starts with head as that, and Other otherwise.
func Sniff(head []byte) Format {
	switch kind, _, _ := strings.Cut(http.DetectContentType(head), ";"); kind {
	case "text/html":
		return HTML
	case "text/xml":
		return XML
	}
	return Other
}

// maxReported is how many problems one file reports; a file generated
// with a handler on every element would otherwise bury every other error.
const maxReported = 10

// Check returns the ways src, the whole of the file named file, can run
// script, each at its position, or nil when it can run none.
func Check(file string, src []byte, f Format) diag.List {
	c := &checker{lines: diag.NewLines(file, src), format: f}
	switch f {
	case HTML:
		checkHTML(c, src)
	case XHTML, XML:
		checkXML(c, src)
	case CSS:
		c.css(string(src), func(i int) int { return i })
	}
	var out diag.List
	for i, p := range c.found {
		if i == maxReported {
			out.Add(diag.Errorf(c.lines.Position(p.off), "and %d more problems in this file", len(c.found)-i))
			break
		}
		pos := c.lines.Position(p.off)
		if p.off < 0 {
			pos = diag.Position{File: file}
		}
		out.Add(diag.Errorf(pos, "%s", p.msg))
	}
	return out
}

// problem is one way a file can run script, at byte offset off of the
// file, or at no known offset when off is negative.
type problem struct {
	off int
	msg string
}

// checker gathers the problems of one file.
type checker struct {
	lines  *diag.Lines
	format Format
	found  []problem
}

func (c *checker) report(off int, msg string) {
	c.found = append(c.found, problem{off, msg})
}
