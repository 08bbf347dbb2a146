package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// buildMarker is written into every build. coachbook replaces a non-empty
// folder only when it holds one, so a mistyped --dest can never wipe a
// folder of someone's own files.
const buildMarker = ".coachbook-build"

const buildMarkerText = "This folder is a coachbook build. Each build replaces it whole.\n"

// errNoExchange says that the system cannot swap two folders in one step.
var errNoExchange = errors.New("atomic exchange not supported")

// staging is the folder a build assembles its output in, beside the
// destination so that publishing it is a rename on the same disk.
type staging struct {
	dest string // the destination, with symbolic links resolved
	dir  string
	made os.FileInfo // the staging folder as made, to tell it from a copy
	// recycled says the folder holds an earlier build, kept as the spare,
	// for the build to write over and prune.
	recycled bool
}

// stagingPrefix starts the names of a destination's staging folders. The
// process ID that follows tells a running build's folder from one that an
// interrupted build left behind.
func stagingPrefix(dest string) string {
	return "." + filepath.Base(dest) + ".coachbook-"
}

// spareDir is where the build that a newer one replaced is kept. The next
// build writes over its files and removes what it does not write again:
// making every folder and file anew, and deleting as many, costs a file
// system far more than writing over them.
func spareDir(dest string) string {
	return filepath.Join(filepath.Dir(dest), stagingPrefix(dest)+"spare")
}

// stage checks that dest is safe to replace and makes a staging folder
// beside it.
func stage(source, dest string) (*staging, error) {
	absSource, err := filepath.Abs(source)
	if err == nil {
		absSource, err = filepath.EvalSymlinks(absSource)
	}
	if err != nil {
		return nil, err
	}
	absDest, err := destination(dest)
	if err != nil {
		return nil, err
	}
	if absDest == absSource || within(absDest, absSource) {
		return nil, fmt.Errorf("refusing to build into %s: it holds the site's own files", dest)
	}
	if _, err := contentFolder(absSource, filepath.Join(absSource, folderContent)); err != nil {
		return nil, err
	}
	for _, folder := range SourceFolders() {
		// A folder may be a link to another in the site: what counts is
		// where its files are.
		real, err := filepath.EvalSymlinks(filepath.Join(absSource, folder))
		if err != nil {
			real = filepath.Join(absSource, folder)
		}
		if within(real, absDest) {
			return nil, fmt.Errorf("refusing to build into %s: it is inside the site's %s/ folder", dest, folder)
		}
	}
	parent := filepath.Dir(absDest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	recoverStaging(absDest)
	if info, err := os.Stat(absDest); err == nil {
		if !info.IsDir() {
			return nil, fmt.Errorf("refusing to build into %s: it is a file, not a folder%s", dest, linkNote(dest, absDest))
		}
		if !replaceable(absDest) {
			return nil, fmt.Errorf("refusing to replace %s%s: it is not empty and has no %s file, so it is not a coachbook build; remove it or pick another --dest", dest, linkNote(dest, absDest), buildMarker)
		}
	}
	dir, err := os.MkdirTemp(parent, stagingPrefix(absDest)+strconv.Itoa(os.Getpid())+"-new-")
	if err != nil {
		return nil, err
	}
	st := &staging{dest: absDest, dir: dir}
	// The spare, if there is one, takes the empty staging folder's name.
	// A rename is one step, so of two builds at once only one gets it.
	// Only a real folder will do: a link in its place would have the build
	// write into, and prune, wherever it points.
	if err := os.Remove(dir); err != nil {
		return nil, err
	}
	spare := spareDir(absDest)
	if info, err := os.Lstat(spare); err == nil && info.IsDir() && os.Rename(spare, dir) == nil {
		st.recycled = true
	} else if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		st.discard()
		return nil, err
	}
	if st.made, err = os.Stat(dir); err != nil {
		st.discard()
		return nil, err
	}
	return st, nil
}

// destination returns where dest really is: an absolute path with the
// symbolic links on the way resolved. A link is followed only to a folder
// that exists. One that leads nowhere yet is an error, not a place to make:
// a shared site folder whose public/ links to ../victim/.ssh would
// otherwise have the build make that folder and fill it. Where the
// destination itself is a link, stage then checks its target as it would
// the folder itself: empty, or a coachbook build.
func destination(dest string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	// The deepest part of the path that exists; the rest is made as
	// folders of its own.
	existing, rest := abs, ""
	for {
		info, err := os.Lstat(existing)
		if err == nil {
			if info.Mode()&fs.ModeSymlink != 0 {
				if _, err := os.Stat(existing); err != nil {
					return "", danglingLink(dest, abs, existing, err)
				}
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("refusing to build into %s: %w", dest, err)
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return "", fmt.Errorf("refusing to build into %s: %w", dest, err)
	}
	return filepath.Join(real, rest), nil
}

// danglingLink explains why link, on the way to dest (abs), is not
// followed.
func danglingLink(dest, abs, link string, err error) error {
	what := link
	if link == abs {
		what = "it"
	}
	target, rerr := os.Readlink(link)
	if rerr != nil || !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("refusing to build into %s: %s is a symbolic link that cannot be followed: %w", dest, what, err)
	}
	return fmt.Errorf("refusing to build into %s: %s is a symbolic link to %s, which does not exist; "+
		"a build follows a link only to a folder that is there already: make the folder, or remove the link", dest, what, target)
}

// linkNote names the target of dest when dest is a symbolic link, for the
// errors that refuse it.
func linkNote(dest, real string) string {
	if info, err := os.Lstat(dest); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return ", a symbolic link to " + real
	}
	return ""
}

// replaceable reports whether dir is empty or holds a coachbook build.
func replaceable(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	if len(entries) == 0 {
		return true
	}
	_, err = os.Stat(filepath.Join(dir, buildMarker))
	return err == nil
}

// recoverStaging tidies what interrupted builds of dest left behind. A
// previous output that was moved aside but never replaced is put back;
// other staging folders of builds that are no longer running are removed.
// The spare has no process ID in its name, so it stays.
func recoverStaging(dest string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), stagingPrefix(dest)+"*"))
	for _, dir := range matches {
		rest := strings.TrimPrefix(filepath.Base(dir), stagingPrefix(dest))
		pidText, kind, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || processRunning(pid) {
			continue
		}
		// Only a real folder is a build that was moved aside: a link in
		// its place would make the destination lead elsewhere.
		if info, err := os.Lstat(dir); err == nil && info.IsDir() && strings.HasPrefix(kind, "old-") {
			if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
				if os.Rename(dir, dest) == nil {
					continue
				}
			}
		}
		os.RemoveAll(dir)
	}
}

// publish swaps the staging folder in for the destination. Where the
// system can exchange two folders in one step, the destination always
// holds one complete build; elsewhere the previous build is moved aside
// first and put back if the swap fails.
func (st *staging) publish() error {
	// A staging folder removed under the build and made again by its
	// writes holds only part of the site: never publish that.
	if now, err := os.Stat(st.dir); err != nil || !os.SameFile(now, st.made) {
		return fmt.Errorf("the staging folder %s was removed during the build; nothing was published", st.dir)
	}
	if _, err := os.Lstat(st.dest); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(st.dir, st.dest)
	}
	if err := exchange(st.dir, st.dest); err == nil {
		return st.keep(st.dir) // It now holds the previous build.
	} else if !errors.Is(err, errNoExchange) {
		return fmt.Errorf("publishing %s: %w", st.dest, err)
	}
	old := filepath.Join(filepath.Dir(st.dir), strings.Replace(filepath.Base(st.dir), "-new-", "-old-", 1))
	if err := os.Rename(st.dest, old); err != nil {
		return fmt.Errorf("moving the previous %s aside: %w", st.dest, err)
	}
	if err := os.Rename(st.dir, st.dest); err != nil {
		os.Rename(old, st.dest)
		return fmt.Errorf("publishing %s: %w", st.dest, err)
	}
	return st.keep(old)
}

// discard sets aside the staging folder of a build that failed: its files
// are as good as any for the next build to write over.
func (st *staging) discard() {
	st.keep(st.dir)
}

// keep makes dir, an earlier or unfinished build, the spare, or removes it
// when a spare is already kept.
func (st *staging) keep(dir string) error {
	if err := os.Rename(dir, spareDir(st.dest)); err != nil {
		return os.RemoveAll(dir)
	}
	return nil
}
