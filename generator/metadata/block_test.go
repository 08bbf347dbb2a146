package metadata

import (
	"bytes"
	"testing"

	adrg "github.com/adrg/frontmatter"
)

// adrgBlock finds the frontmatter block as adrg/frontmatter does given the
// whole file, which copies it: Parse gives it only the lines up to where
// closedBlock finds the block's end.
func adrgBlock(src []byte) (block []byte, bodyOff int, found bool) {
	capture := func(data []byte, _ any) error {
		block, found = data, true
		return nil
	}
	body, err := adrg.Parse(bytes.NewReader(src), nil,
		adrg.NewFormat("---", "---", capture), adrg.NewFormat("+++", "+++", capture))
	if err != nil {
		return nil, 0, false
	}
	return block, len(src) - len(body), found
}

// blockCases are files whose frontmatter block is found in corners:
// blanks around delimiters, a delimiter on the last line, the other
// format's delimiter, Windows line endings.
var blockCases = []string{
	"---\ntitle: A\n---\nBody\n",
	"---\ntitle: A\n---",
	"---\ntitle: A\n--- \n",
	"---\ntitle: A\n  ---\t\r\nBody",
	"\n\n  ---\ntitle: A\n---\n",
	"---",
	"---\n",
	"---\n---\n",
	"---\ntitle: A\n+++\n",
	"+++\ntitle = 'A'\n+++\nBody\n",
	"+++\ntitle = 'A'\n---\n+++",
	"---\ntitle: A\n----\n---\n\n",
	"---\r\ntitle: A\r\n---\r\nBody\r\n",
	"---\ntitle: A\n\u00a0---\u00a0\nBody\n",
	"---\ntitle: A\n",
	"---\ntitle: A\n---\n---\n",
}

// TestClosedBlockFindsWhatAdrgFound checks that the frontmatter block, and
// so every position in it, is the one adrg/frontmatter found.
func TestClosedBlockFindsWhatAdrgFound(t *testing.T) {
	for _, src := range append(blockCases, frontmatterSeeds...) {
		compareBlocks(t, []byte(src))
	}
}

func FuzzClosedBlock(f *testing.F) {
	for _, src := range blockCases {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) { compareBlocks(t, src) })
}

func compareBlocks(t *testing.T, src []byte) {
	t.Helper()
	delim, off := openingDelimiter(src)
	if delim == "" {
		return
	}
	block, bodyOff, found := closedBlock(src, off, delim)
	wantBlock, wantOff, wantFound := adrgBlock(src)
	if found != wantFound || found && (!bytes.Equal(block, wantBlock) || bodyOff != wantOff) {
		t.Errorf("%q: block %q at %d (%v), adrg/frontmatter finds %q at %d (%v)", src, block, bodyOff, found, wantBlock, wantOff, wantFound)
	}
	if !found {
		return
	}
	if read, err := readBlock(src[:bodyOff]); err != nil || !bytes.Equal(read, wantBlock) {
		t.Errorf("%q: given the lines up to the block's end, adrg/frontmatter reads %q (%v), not %q", src, read, err, wantBlock)
	}
}
