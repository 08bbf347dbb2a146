package generator

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"coachbook/generator/diag"
	"coachbook/generator/scriptfree"
)

// filePolicy is the Content-Security-Policy written into each HTML file a
// site publishes as it is: such a file has passed the check, and the
// policy stops script in the browsers that honour it all the same.
const filePolicy = "script-src 'none'; object-src 'none'; base-uri 'none'"

// sniffLength is how much of a file browsers read to guess its type.
const sniffLength = 512

// writeChecked writes a file of static/ or content/, read from r, to out,
// once it is known to run no script. With allowHTML true, authors are
// trusted with the site's origin and files are written as they are. A
// file that could run script is reported at the place of what would run
// it, and is not written.
func (b *builder) writeChecked(out string, by diag.Position, r io.Reader) error {
	if b.site.allowHTML {
		return b.out.writeFrom(out, r)
	}
	format, why := scriptfree.ByName(out)
	if format == scriptfree.Refused {
		b.fail(diag.Errorf(by, "%s", why))
		return nil
	}
	sniffed := ""
	br := bufio.NewReaderSize(r, sniffLength)
	if format == scriptfree.Other {
		// A host that gives the file no type lets the browser guess it.
		head, err := br.Peek(sniffLength)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return err
		}
		if format = scriptfree.Sniff(head); format == scriptfree.Other {
			return b.out.writeFrom(out, br)
		}
		kind := "HTML"
		if format == scriptfree.XML {
			kind = "XML"
		}
		sniffed = fmt.Sprintf(" (the file starts as %s does, so a browser given no type reads it as %[1]s)", kind)
	}
	src, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	if problems := scriptfree.Check(by.File, src, format); len(problems) > 0 {
		for _, p := range problems {
			var found *diag.Error
			if errors.As(p, &found) {
				p = &diag.Error{Pos: found.Pos, Err: fmt.Errorf("%w%s; with allowHTML false, no published file may run script", found.Err, sniffed)}
			}
			b.fail(p)
		}
		return nil
	}
	if format == scriptfree.HTML && sniffed == "" {
		// A file that is HTML only to a browser given no type is left as
		// written: a host that knows its type shows it as text.
		src = scriptfree.WithPolicy(src, filePolicy)
	}
	// Publish what was checked: minified only if the minified file passes
	// the check too.
	if minified, err := b.out.minified(out, src); err == nil && len(scriptfree.Check(by.File, minified, format)) == 0 {
		src = minified
	}
	return b.out.writeExact(out, src)
}
