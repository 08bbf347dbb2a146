package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"coachbook/generator/diag"
)

// walkContent lists content/. Its symbolic links are followed only to a
// file or folder inside content/ (see followLink), and every name must
// make a usable URL segment (see nameProblem).
func walkContent(root, contentDir string) (*contentTree, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	realContent, err := contentFolder(realRoot, contentDir)
	if err != nil {
		return nil, err
	}
	t := &contentTree{partials: map[string]bool{}}
	var errs diag.List
	// above holds the folders being walked, to catch a link back up the
	// tree: following it would publish the folder inside itself forever.
	above := map[string]bool{}
	// linkedAt is where the walk went through a link to a folder, if it
	// did: each such link publishes the folder again, so a link to a
	// folder inside one would multiply the site at every step.
	var walk func(dir, real, rel, linkedAt string) error
	walk = func(dir, real, rel, linkedAt string) error {
		above[real] = true
		defer delete(above, real)
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if Ignored(name) {
				continue
			}
			full := filepath.Join(dir, name)
			childRel := path.Join(rel, name)
			if isPartial(name) {
				t.partials[childRel] = true // See partials.go.
				continue
			}
			info, err := e.Info()
			if err != nil {
				return err
			}
			childReal, isLink := filepath.Join(real, name), info.Mode()&fs.ModeSymlink != 0
			if isLink {
				if childReal, err = followLink(realRoot, realContent, "content", full); err != nil {
					errs.Add(diag.Errorf(contentPos(childRel), "%v", err))
					continue
				}
				if info, err = os.Stat(childReal); err != nil {
					return err
				}
			}
			if problem := nameProblem(name, info.IsDir()); problem != "" {
				errs.Add(diag.Errorf(contentPos(childRel), "%s", problem))
				continue
			}
			switch {
			case info.IsDir() && above[childReal]:
				errs.Add(diag.Errorf(contentPos(childRel), "symbolic link leads to %s, a folder that holds the link, so it would be published inside itself forever",
					placeName(realRoot, childReal)))
			case info.IsDir() && isLink && linkedAt != "":
				errs.Add(diag.Errorf(contentPos(childRel), "symbolic link to a folder inside content/%s, which a link to a folder already leads to; "+
					"link to %s directly", linkedAt, placeName(realRoot, childReal)))
			case info.IsDir():
				next := linkedAt
				if isLink {
					next = childRel
				}
				if err := walk(full, childReal, childRel, next); err != nil {
					return err
				}
			case !info.Mode().IsRegular():
				errs.Add(diag.Errorf(contentPos(childRel), "not a regular file"))
			case strings.HasSuffix(name, ".md"):
				t.markdown = append(t.markdown, sourceFile{rel: childRel, path: full, source: "content/" + childRel})
			default:
				t.other = append(t.other, sourceFile{rel: childRel, path: full})
			}
		}
		return nil
	}
	if err := walk(contentDir, realContent, "", ""); err != nil {
		return nil, err
	}
	return t, errs.Err()
}

func contentPos(rel string) diag.Position {
	return diag.Position{File: "content/" + rel, Line: 1, Col: 1}
}

// contentFolder returns where the site's content/ folder really is. It
// may be a symbolic link, but only to a folder inside the site other than
// the site folder itself: one that led out of the site would publish
// someone's files, and one that led to the site folder or above it would
// publish the build's own output, which grew with every build.
func contentFolder(realRoot, contentDir string) (string, error) {
	real, err := filepath.EvalSymlinks(contentDir)
	if err != nil {
		return "", diag.Errorf(contentFolderPos, "%v", err)
	}
	if real == realRoot || !within(realRoot, real) {
		return "", diag.Errorf(contentFolderPos, "content/ is a symbolic link to %s; it may lead only to a folder inside the site",
			placeName(realRoot, real)+outsideNote(realRoot, real))
	}
	return real, nil
}

var contentFolderPos = diag.Position{File: "content", Line: 1, Col: 1}

// outsideNote says that p is outside the site folder, if it is.
func outsideNote(realRoot, p string) string {
	if !within(realRoot, p) {
		return ", outside the site folder"
	}
	return ""
}

// followLink returns the real path of the symbolic link at link, found in
// the site's folder called display (such as "content" or "static"), which
// is really at realFolder. The link must lead to a file or folder inside
// that folder, and not to a hidden one: a build publishes what an author
// put in the folder, never the site's other files, such as its layouts,
// its .git or the build's own output, nor anything outside the site.
func followLink(realRoot, realFolder, display, link string) (string, error) {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		if to, rerr := os.Readlink(link); rerr == nil && errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("broken symbolic link: it leads to %s, which does not exist", to)
		}
		return "", fmt.Errorf("broken symbolic link: %w", err)
	}
	if !within(realFolder, target) {
		return "", fmt.Errorf("symbolic link leads to %s, outside %s/; a link in %s/ must lead to a file or folder inside it",
			placeName(realRoot, target), display, display)
	}
	rel, _ := filepath.Rel(realFolder, target)
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part != "." && Ignored(part) {
			return "", fmt.Errorf("symbolic link leads to %s, a hidden file that a build never publishes", placeName(realRoot, target))
		}
	}
	return target, nil
}

// followFolderLink checks the symbolic link at link, in the site's folder
// folder that errors call display, with followLink.
func followFolderLink(root, folder, display, link string) error {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	realFolder, err := filepath.EvalSymlinks(folder)
	if err != nil {
		return err
	}
	_, err = followLink(realRoot, realFolder, display, link)
	return err
}

// placeName names p, a real path, for an error: relative to the site
// folder when it is inside it.
func placeName(realRoot, p string) string {
	switch {
	case p == realRoot:
		return "the site folder itself"
	case within(realRoot, p):
		rel, _ := filepath.Rel(realRoot, p)
		return filepath.ToSlash(rel)
	default:
		return p
	}
}

// nameProblem says what is wrong with a file or folder name of content/
// as a part of the URLs made from it, or returns "". A name of spaces and
// dots, such as " ..", slugs to "", "." or "..": a page below it was
// written over another page, or outside the output, in an order that
// changed from build to build.
func nameProblem(name string, dir bool) string {
	base := name
	if !dir {
		base = strings.TrimSuffix(name, ".md")
	}
	switch s := slug(base); s {
	case "":
		return fmt.Sprintf("the name %q makes no URL segment, having nothing but spaces; rename it", name)
	case ".", "..":
		return fmt.Sprintf("the name %q makes the URL segment %q, which cannot name a page's folder; rename it", name, s)
	}
	return ""
}

// sourceFile is a file found under content/.
type sourceFile struct {
	rel  string // slash-separated, relative to content/
	path string // where to read it
	// source is "content/" + rel, the path positions name, made once: a
	// rebuild in serve names every file of the site.
	source string
}

// contentTree is what walking content/ found.
type contentTree struct {
	markdown []sourceFile
	other    []sourceFile // copied to the output as they are
	// partials are the files and folders left out for a name that starts
	// with "_", by path relative to content/ (partials.go).
	partials map[string]bool
}

// Ignored reports whether a file name is one a site never builds: hidden
// files, and the backups, swap and test files that editors leave beside
// the files they save. serve's watcher ignores the same names.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		name == "4913" // Vim's test write.
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
