package generator

import "testing"

// FuzzWorkbookIDCheck holds the hand-written check to the pattern it
// stands for, which the id setting and the client runtime use.
func FuzzWorkbookIDCheck(f *testing.F) {
	for _, id := range []string{"", "a", "star", "interview/star", "1-2_3.4", "-a", ".a", "/a", "a b", "a\x00",
		"école", "e\u0301cole", "\u0301e", "मन", "日本語/ノート", "٣", "a\xff", "\ufffd", "a~", "Ⅻ", "a:b"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := isWorkbookID(id), workbookID.MatchString(id); got != want {
			t.Errorf("isWorkbookID(%q) = %v, the pattern says %v", id, got, want)
		}
	})
}
