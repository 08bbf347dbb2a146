package scriptfree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

const (
	xhtmlSpace = "http://www.w3.org/1999/xhtml"
	xsltSpace  = "http://www.w3.org/1999/XSL/Transform"
	xmlSpace   = "http://www.w3.org/XML/1998/namespace"
	xlinkSpace = "http://www.w3.org/1999/xlink"
)

// checkXML checks an XML document: SVG, XHTML or any other XML a browser
// shows. It must be well formed, since what a browser makes of the rest
// cannot be known, and it may declare no entities, which could hide
// markup the check would not see.
func checkXML(c *checker, src []byte) {
	if !c.encoding(src) {
		return
	}
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	d.Entity = xml.HTMLEntity // Characters only: they cannot make markup.
	styles := 0               // how many style elements are open
	for {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			c.report(int(d.InputOffset()), "the file is not well-formed XML, so what a browser makes of it cannot be checked: "+xmlError(err))
			return
		}
		end := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := make([]attr, len(t.Attr))
			for i, a := range t.Attr {
				attrs[i] = newAttr(xmlName(a.Name), a.Value, -1)
			}
			place(attrs, src[start:end], start)
			switch t.Name.Space {
			case xhtmlSpace:
				if c.format == XML {
					c.report(start, fmt.Sprintf("%s element: it is HTML, which runs as HTML inside SVG and XML; publish HTML as an .html file", t.Name.Local))
				}
			case xsltSpace:
				c.report(start, fmt.Sprintf("%s element: it is XSLT, whose output a browser shows as a document of the site", t.Name.Local))
			}
			c.element(t.Name.Local, attrs, start)
			if strings.EqualFold(t.Name.Local, "style") {
				styles++
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "style") {
				styles--
			}
		case xml.CharData:
			if styles > 0 {
				exact := end-start == len(t) // no references or CDATA markers
				c.css(string(t), func(i int) int {
					if exact {
						return start + i
					}
					return start
				})
			}
		case xml.ProcInst:
			c.procInst(t, start)
		case xml.Directive:
			c.directive(t, start)
		}
	}
}

// pseudoType finds the type of an xml-stylesheet instruction.
var pseudoType = regexp.MustCompile(`(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// procInst checks a processing instruction: a stylesheet instruction that
// is not CSS asks the browser to run XSLT, which can output script.
func (c *checker) procInst(p xml.ProcInst, off int) {
	if !strings.EqualFold(p.Target, "xml-stylesheet") {
		return
	}
	kind := ""
	types := pseudoType.FindAllStringSubmatch(string(p.Inst), -1)
	if len(types) == 1 {
		kind = strings.ToLower(strings.TrimSpace(types[0][1] + types[0][2]))
	}
	if kind != "text/css" {
		c.report(off, fmt.Sprintf("xml-stylesheet instruction of type %q: only text/css is allowed, since an XSLT stylesheet's output can run script", kind))
	}
}

// directive checks a declaration: a DOCTYPE may name a DTD but declare
// nothing itself, since the entities it declares can expand to markup.
func (c *checker) directive(d xml.Directive, off int) {
	text := strings.TrimSpace(string(d))
	switch {
	case !strings.HasPrefix(text, "DOCTYPE"):
		name, _, _ := strings.Cut(text, " ")
		c.report(off, fmt.Sprintf("<!%s> declaration: only a DOCTYPE is allowed", name))
	case strings.Contains(text, "["):
		c.report(off, "DOCTYPE with declarations in [ ]: entities declared there can expand to markup the check cannot see; remove them")
	}
}

// xmlName writes an attribute's name with the prefix its namespace
// usually has, for the rules and messages.
func xmlName(n xml.Name) string {
	switch n.Space {
	case "":
		return n.Local
	case xmlSpace:
		return "xml:" + n.Local
	case xlinkSpace:
		return "xlink:" + n.Local
	case "xmlns":
		return "xmlns:" + n.Local
	}
	if strings.Contains(n.Space, ":") || strings.Contains(n.Space, "/") {
		return n.Local // another namespace, by its URI
	}
	return n.Space + ":" + n.Local // a prefix that no namespace was given
}

// xmlError gives a parser's error without the line, which the position
// already says.
func xmlError(err error) string {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		return syntax.Msg
	}
	return err.Error()
}
