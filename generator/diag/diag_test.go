package diag

import (
	"errors"
	"fmt"
	"testing"
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
