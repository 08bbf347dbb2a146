package generator

import (
	"bytes"

	"coachbook/generator/diag"
)

// goldmark takes time that grows with the square of some inputs' length
// (code spans and strikethrough with runs of different lengths) and with
// the cube of list nesting. These bounds keep any page, hostile or
// mistaken, to a few seconds, far beyond what a workbook needs.
const (
	// maxPageBytes is the largest Markdown file a site may have.
	maxPageBytes = 1 << 20
	// maxNesting is how deeply lists and block quotes may nest, and how
	// many brackets a paragraph may leave open at once.
	maxNesting = 16
)

// checkPageSize reports a Markdown file too large to convert.
func checkPageSize(pos diag.Position, size int64) error {
	if size <= maxPageBytes {
		return nil
	}
	return diag.Errorf(pos, "the file is %.1f MB, more than the %d MB a page may be: split it into several workbooks", float64(size)/(1<<20), maxPageBytes>>20)
}

// checkNesting reports the first place in body where lists and block
// quotes, or brackets, nest more than maxNesting deep. It follows list
// items by their indentation as CommonMark does, closely enough for a
// bound: a line's depth is the items still open above it, the items it
// opens and its quote markers. Brackets are counted until a blank line.
func checkNesting(body []byte, pos func(off int) diag.Position) error {
	var open []int // each open item's content column
	brackets := 0
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body) - off
		}
		line := body[off : off+end]
		if depth, at := nestingOf(line, &open); depth > maxNesting {
			return diag.Errorf(pos(off+at), "lists and quotes are nested more than %d deep here; coachbook stops there because the Markdown parser slows down sharply with depth", maxNesting)
		}
		if at := bracketsOf(line, &brackets); at >= 0 {
			return diag.Errorf(pos(off+at), "more than %d brackets \"[\" are open at once here; coachbook stops there because the Markdown parser slows down sharply with them (write \\[ for a bracket that is not a link)", maxNesting)
		}
		off += end + 1
	}
	return nil
}

// bracketsOf counts the brackets line leaves open, adding to *open, and
// returns where more than maxNesting are open, or -1. A blank line ends
// the paragraph and its links.
func bracketsOf(line []byte, open *int) int {
	if len(bytes.TrimSpace(line)) == 0 {
		*open = 0
		return -1
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // An escaped character.
		case '[':
			if *open++; *open > maxNesting {
				return i
			}
		case ']':
			*open = max(*open-1, 0)
		}
	}
	return -1
}

// nestingOf returns how deeply line is nested and where it passes
// maxNesting, updating open, the content columns of the items open above.
func nestingOf(line []byte, open *[]int) (depth, at int) {
	col, i := indentOf(line, 0, 0)
	if i == len(line) {
		return len(*open), 0 // A blank line closes nothing.
	}
	for len(*open) > 0 && (*open)[len(*open)-1] > col {
		*open = (*open)[:len(*open)-1]
	}
	quotes := 0
	for i < len(line) {
		at := i
		switch n := listMarker(line[i:]); {
		case line[i] == '>':
			quotes++
			col, i = indentOf(line, i+1, col+1)
		case n > 0:
			col, i = indentOf(line, i+n, col+n)
			*open = append(*open, col)
		default:
			return len(*open) + quotes, i
		}
		if len(*open)+quotes > maxNesting {
			return len(*open) + quotes, at
		}
	}
	return len(*open) + quotes, i
}

// indentOf skips blanks from line[i], at column col, with tabs to the
// next multiple of four, and returns the column and index after them.
func indentOf(line []byte, i, col int) (int, int) {
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		case '\r':
		default:
			return col, i
		}
	}
	return col, i
}

// listMarker returns the length of the list marker that s starts with
// ("-", "+", "*", or up to nine digits and "." or ")"), followed by a blank
// or the end of the line, or 0.
func listMarker(s []byte) int {
	n := 0
	if len(s) > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '*') {
		n = 1
	} else {
		for n < len(s) && n < 9 && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' && s[n] != '\r' {
		return 0
	}
	return n
}
