package generator

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestDottedFolderOverASpare is the report of a folder named " ..": built
// over the spare, where files are written over rather than made anew, its
// collection page silently replaced the home page, now and then. It must
// be an error at the folder, with the output as it was.
func TestDottedFolderOverASpare(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	s.build() // Now there is a spare to write over.
	before := s.snapshot()
	s.write("content/interview/ ../_index.md", "---\ntitle: Over the home page\n---\n")
	for range 3 {
		s.expectErrors(`content/interview/ ..:1:1: the name " .." makes the URL segment ".."`)
	}
	s.assertUnchanged(before)
}

// TestLinksInsideTheirFolderAreFollowed links a workbook, a folder and a
// static file to others inside the same folder, and the content folder
// to a folder inside the site: each is published at the link's path.
func TestLinksInsideTheirFolderAreFollowed(t *testing.T) {
	s := newTestSite(t, careerSite+"-- static/files/cv.txt --\nA CV template.\n")
	mustDo(t, os.Rename(s.path("content"), s.path("src")))
	symlink(t, "src", s.path("content"))
	symlink(t, "../before/reflection.md", s.path("src/interview/reflection.md"))
	symlink(t, "before", s.path("src/again"))
	symlink(t, "files/cv.txt", s.path("static/cv.txt"))
	s.build()
	s.assertFile("interview/reflection/index.html", "<h1>Self-reflection</h1>")
	s.assertFile("again/drive/index.html", "<h1>Your primary career drive</h1>")
	s.assertFile("before/drive/index.html", "<h1>Your primary career drive</h1>")
	s.assertFile("cv.txt", "A CV template.")
}

// TestLinkBackUpTheTree links a folder to the one that holds it: an error
// at the link, where it was silently left out.
func TestLinkBackUpTheTree(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	before := s.snapshot()
	symlink(t, "..", s.path("content/before/all"))
	s.expectErrors("content/before/all:1:1: symbolic link leads to content, a folder that holds the link")
	s.assertUnchanged(before)
}

// TestLinksThatMultiply makes each folder hold two links to the next, so
// that the site would double with each: a link to a folder inside a
// folder reached through a link is an error, and the walk lists no more
// than the folders themselves hold.
func TestLinksThatMultiply(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	before := s.snapshot()
	const levels = 24
	for i := range levels {
		dir := s.path("content/lib/l" + strconv.Itoa(i))
		mustDo(t, os.MkdirAll(dir, 0o755))
		if i+1 < levels {
			for _, name := range []string{"a", "b"} {
				symlink(t, "../l"+strconv.Itoa(i+1), filepath.Join(dir, name))
			}
		}
	}
	s.expectErrors("content/lib/l0/a/a:1:1: symbolic link to a folder inside content/lib/l0/a, which a link to a folder already leads to; link to content/lib/l2 directly")
	s.assertUnchanged(before)
}
