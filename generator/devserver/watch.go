package devserver

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"coachbook/generator"

	"github.com/fsnotify/fsnotify"
)

// fullRebuild, in a batch, says that events were lost, so the build must
// not trust the list of changes.
const fullRebuild = "(all)"

// quiet is how long the watcher waits after the last event before it
// reports a batch: an editor's save is a burst of events, and one save
// should mean one rebuild.
const quiet = 80 * time.Millisecond

// watcher reports batches of changed files under a site root. fsnotify
// watches single folders, so it adds every folder of the tree, and each
// new folder as it appears.
type watcher struct {
	root  string
	fs    *fsnotify.Watcher
	batch chan []string
	errs  chan error
}

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fs: fw, batch: make(chan []string), errs: make(chan error, 1)}
	// The root itself, so that a layouts/ or static/ made later is seen.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	// The folders a build reads, and no others: a change elsewhere cannot
	// change the site.
	for _, folder := range generator.SourceFolders() {
		if err := w.addTree(filepath.Join(root, folder)); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it, if it exists.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && generator.Ignored(d.Name()) {
				return filepath.SkipDir
			}
			return w.fs.Add(p)
		}
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

// run reports batches of changed paths, relative to the root with forward
// slashes and sorted, until ctx ends.
func (w *watcher) run(ctx context.Context) {
	defer w.fs.Close()
	changed := map[string]bool{}
	overflow := false // events were lost: only a full build is safe
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if rel, keep := w.relevant(ev); keep {
				changed[rel] = true
				timer.Reset(quiet)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				overflow = true
				timer.Reset(quiet)
			}
			select {
			case w.errs <- err:
			default:
			}
		case <-timer.C:
			batch := make([]string, 0, len(changed))
			for p := range changed {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			if overflow {
				batch = append(batch, fullRebuild)
			}
			changed, overflow = map[string]bool{}, false
			select {
			case w.batch <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}

// relevant tells whether an event changes the site, and under what path.
// A new folder is watched at once, along with whatever is already in it.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod || generator.Ignored(filepath.Base(ev.Name)) {
		return "", false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(generator.SourceFolders(), top) {
		return "", false
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			if err := w.addTree(ev.Name); err != nil {
				select {
				case w.errs <- err:
				default:
				}
			}
		}
	}
	return rel, true
}
