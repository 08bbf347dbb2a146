package scriptfree

import (
	"bytes"
	"unicode/utf8"
)

// encoding reports whether a document is UTF-8 that every browser reads
// as the check does. A browser that read it in another character set
// would see other markup than the check saw: UTF-16 marks, bytes that are
// not UTF-8 and the escape character (which starts the ISO-2022 sets)
// make it unreadable to the check.
func (c *checker) encoding(src []byte) bool {
	switch {
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}), bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		c.report(0, "the file is in UTF-16; save it as UTF-8, the character set it is checked in")
		return false
	case !utf8.Valid(src):
		c.report(firstInvalid(src), "the file is not valid UTF-8; save it as UTF-8, the character set it is checked in")
		return false
	}
	if i := bytes.IndexByte(src, 0x1B); i >= 0 {
		c.report(i, "the file holds an escape character, which can switch a browser to another character set than UTF-8, the one it is checked in")
		return false
	}
	return true
}

// firstInvalid returns the offset of the first byte of src that is not
// part of a UTF-8 character.
func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(src)
}
