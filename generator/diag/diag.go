// Package diag holds the positions and errors that every stage of a build
// reports, so that a problem anywhere prints as file:line:col.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Position is a place in a source file. Lines and columns start at 1, and
// columns count characters, not bytes, so they match what an editor shows.
type Position struct {
	File string
	Line int
	Col  int
}

// String prints the position as file:line:col, leaving out what is unknown.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Offset returns the position of byte offset off in src, which is the whole
// file named file.
func Offset(file string, src []byte, off int) Position {
	return NewLines(file, src).Position(off)
}

// Lines turns byte offsets in one file into positions. It finds where the
// file's lines start once, on first use, so that a file with many
// positions to report is not scanned from its start for each.
type Lines struct {
	file   string
	src    []byte
	starts []int // the offset of each line's first byte
	// The last position found, for counting the next one on the same
	// line from there: positions are mostly asked for in order, and a
	// long line with many of them would otherwise cost its length each.
	lastOff int
	last    Position
}

// NewLines returns the Lines of src, the whole file named file.
func NewLines(file string, src []byte) *Lines {
	return &Lines{file: file, src: src}
}

// Position returns the position of byte offset off.
func (l *Lines) Position(off int) Position {
	if l.starts == nil {
		l.starts = []int{0}
		for i, c := range l.src {
			if c == '\n' {
				l.starts = append(l.starts, i+1)
			}
		}
	}
	off = min(max(off, 0), len(l.src))
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
	lineStart := l.starts[line-1]
	if lineStart == 0 && strings.HasPrefix(string(l.src[:min(off, 3)]), "\uFEFF") {
		lineStart = 3 // A byte order mark is not a character an editor shows.
	}
	if l.last.Line == line && lineStart <= l.lastOff && l.lastOff <= off {
		l.last.Col += utf8.RuneCount(l.src[l.lastOff:off])
	} else {
		l.last = Position{File: l.file, Line: line, Col: utf8.RuneCount(l.src[lineStart:off]) + 1}
	}
	l.lastOff = off
	return l.last
}

// Error is a problem found at a position in a source file.
type Error struct {
	Pos Position
	Err error
}

// Errorf returns an Error at pos with a formatted message.
func Errorf(pos Position, format string, args ...any) *Error {
	return &Error{Pos: pos, Err: fmt.Errorf(format, args...)}
}

// Warnf returns a warning at pos: a problem that does not stop the build,
// printing as file:line:col: warning: what.
func Warnf(pos Position, format string, args ...any) *Error {
	return &Error{Pos: pos, Err: fmt.Errorf("warning: "+format, args...)}
}

// IsWarning reports whether err is a warning made by Warnf.
func IsWarning(err error) bool {
	var e *Error
	return errors.As(err, &e) && strings.HasPrefix(e.Err.Error(), "warning: ")
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// List gathers every error of a build so that they are reported together.
// It is safe to use from one goroutine at a time; callers that collect from
// several goroutines guard it themselves.
type List []error

// Add appends err, flattening nested lists; a nil err is ignored.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var nested List
	if errors.As(err, &nested) {
		*l = append(*l, nested...)
		return
	}
	*l = append(*l, err)
}

// Err returns the list sorted by position with duplicates removed, or nil
// when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	sorted := make(List, len(l))
	copy(sorted, l)
	sort.SliceStable(sorted, func(i, j int) bool { return less(sorted[i], sorted[j]) })
	out := sorted[:0]
	for i, err := range sorted {
		if i > 0 && err.Error() == sorted[i-1].Error() {
			continue
		}
		out = append(out, err)
	}
	return out
}

func less(a, b error) bool {
	pa, pb := positionOf(a), positionOf(b)
	if pa.File != pb.File {
		return pa.File < pb.File
	}
	if pa.Line != pb.Line {
		return pa.Line < pb.Line
	}
	if pa.Col != pb.Col {
		return pa.Col < pb.Col
	}
	return a.Error() < b.Error()
}

func positionOf(err error) Position {
	var e *Error
	if errors.As(err, &e) {
		return e.Pos
	}
	return Position{}
}

// Error prints one error per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, err := range l {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap exposes the errors to errors.Is and errors.As.
func (l List) Unwrap() []error { return l }
