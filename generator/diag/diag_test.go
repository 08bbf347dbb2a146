package diag

import (
	"errors"
	"fmt"
	"testing"
	"unicode/utf8"
)

func TestPositionString(t *testing.T) {
	for _, tt := range []struct {
		pos  Position
		want string
	}{
		{Position{File: "a.md", Line: 3, Col: 9}, "a.md:3:9"},
		{Position{File: "a.md", Line: 3}, "a.md:3"},
		{Position{File: "content/dir"}, "content/dir"},
	} {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v: %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestOffsetCountsCharacters(t *testing.T) {
	src := []byte("line one\ncafé x\n")
	// The offset of "x" is 9 + len("café ") = 9 + 6 bytes.
	if got := Offset("a.md", src, 15).String(); got != "a.md:2:6" {
		t.Errorf("got %s, want a.md:2:6", got)
	}
	if got := Offset("a.md", src, 0).String(); got != "a.md:1:1" {
		t.Errorf("got %s", got)
	}
}

func TestListSortsFlattensAndDeduplicates(t *testing.T) {
	var l List
	l.Add(nil)
	l.Add(Errorf(Position{File: "b.md", Line: 1, Col: 1}, "second"))
	var nested List
	nested.Add(Errorf(Position{File: "a.md", Line: 9, Col: 2}, "first"))
	nested.Add(Errorf(Position{File: "b.md", Line: 1, Col: 1}, "second"))
	l.Add(nested.Err())
	l.Add(fmt.Errorf("wrapped: %w", Errorf(Position{File: "a.md", Line: 10, Col: 1}, "third")))
	err := l.Err()
	want := "a.md:9:2: first\nwrapped: a.md:10:1: third\nb.md:1:1: second"
	if err == nil || err.Error() != want {
		t.Fatalf("got\n%v\nwant\n%s", err, want)
	}
	var e *Error
	if !errors.As(err, &e) || e.Pos.File != "a.md" {
		t.Errorf("errors.As found %v", e)
	}
	if (List{}).Err() != nil {
		t.Error("an empty list is an error")
	}
}

func TestOffsetSkipsByteOrderMark(t *testing.T) {
	src := []byte("\uFEFF---\ntitle\n")
	if got := Offset("a.md", src, 3).String(); got != "a.md:1:1" {
		t.Errorf("got %s, want a.md:1:1", got)
	}
}

// TestLinesMatchesScanning checks every offset of some awkward files
// against counting lines and characters from the start, and asks again
// out of order, as a conversion does.
func TestLinesMatchesScanning(t *testing.T) {
	for _, src := range []string{
		"",
		"\n\n\n",
		"one line, no newline",
		"\uFEFF---\ntitle: é\n---\n",
		"ünïcödé\r\nsecond\n\nfourth ✓\n",
		"\uFEFFab\uFEFFcd é f\n",
	} {
		lines := NewLines("f.md", []byte(src))
		n := len(src) + 3
		// Backwards, forwards (as links on one line are placed), and
		// jumping about.
		orders := []func(i int) int{
			func(i int) int { return n - 2 - i },
			func(i int) int { return i - 1 },
			func(i int) int { return (i*7)%n - 1 },
		}
		for _, order := range orders {
			for i := range n {
				off := order(i)
				if off > 0 && off < len(src) && !utf8.RuneStart(src[off]) {
					continue // Positions are of characters, not of bytes inside one.
				}
				want := scan(src, off)
				if got := lines.Position(off); got != want {
					t.Errorf("%q at %d: got %v, want %v", src, off, got, want)
				}
			}
		}
	}
}

// scan finds a position the slow way.
func scan(src string, off int) Position {
	off = min(max(off, 0), len(src))
	line, col := 1, 1
	for i, r := range src {
		if i >= off {
			break
		}
		switch {
		case r == '\n':
			line, col = line+1, 1
		case i == 0 && r == '\uFEFF':
		default:
			col++
		}
	}
	return Position{File: "f.md", Line: line, Col: col}
}

func TestIsWarning(t *testing.T) {
	pos := Position{File: "content/a.md", Line: 2, Col: 3}
	if w := Warnf(pos, "no title"); !IsWarning(w) || w.Error() != "content/a.md:2:3: warning: no title" {
		t.Errorf("Warnf: %q, IsWarning %v", w, IsWarning(w))
	}
	if IsWarning(Errorf(pos, "no title")) {
		t.Error("an error counted as a warning")
	}
}
