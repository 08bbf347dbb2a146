package generator

import (
	"bytes"
	"crypto/rand"
	"testing"
)

// TestPackKeepsWhatItPacks checks that what serve keeps packed reads back
// as it was: text gzipped, and what gzip cannot shrink, such as an image,
// or a file too small to gain, kept as it is.
func TestPackKeepsWhatItPacks(t *testing.T) {
	noise := make([]byte, 4096)
	rand.Read(noise)
	var pk packer
	for name, c := range map[string]struct {
		data    []byte
		gzipped bool
	}{
		"html":  {bytes.Repeat([]byte("<p class=prose>A page of a workbook.</p>\n"), 500), true},
		"image": {noise, false},
		"tiny":  {[]byte("<p>Hi</p>"), false},
		"empty": {nil, false},
	} {
		f := pk.pack(c.data)
		if f.gzipped != c.gzipped {
			t.Errorf("%s: gzipped %v, want %v", name, f.gzipped, c.gzipped)
		}
		got, err := f.bytes()
		if err != nil || !bytes.Equal(got, c.data) {
			t.Errorf("%s: read back %d bytes (%v), want %d", name, len(got), err, len(c.data))
		}
	}
}
