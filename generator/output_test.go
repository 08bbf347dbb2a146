package generator

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"coachbook/generator/diag"
)

// TestClaimRefusesPathsThatNameAnotherFile checks the output's own guard
// against a path that is another file's, or outside the output, once
// cleaned: "written twice" compares paths as they are claimed, so
// "a/../index.html" got past the home page's "index.html".
func TestClaimRefusesPathsThatNameAnotherFile(t *testing.T) {
	by := diag.Position{File: "content/a/ ../_index.md", Line: 1, Col: 1}
	for _, rel := range []string{"a/../index.html", "a//index.html", "./index.html", "../index.html", "/index.html", "a/./b", "", ".", "..", "a/"} {
		o := newMemoryOutput(newMinifier(), new(packer), nil)
		err := o.claim(rel, by)
		if err == nil {
			t.Errorf("claim(%q) succeeded", rel)
			continue
		}
		if want := "content/a/ ../_index.md:1:1: "; !strings.HasPrefix(err.Error(), want) {
			t.Errorf("claim(%q): %v, want it at %s", rel, err, want)
		}
	}
	o := newMemoryOutput(newMinifier(), new(packer), nil)
	for _, rel := range []string{"index.html", "a/b/index.html", "a b/x.png", " ../x", "...", "a/.well-known"} {
		if err := o.claim(rel, by); err != nil {
			t.Errorf("claim(%q): %v", rel, err)
		}
	}
}

// blockingReader holds the first read until release is closed, then gives
// data.
type blockingReader struct {
	entered chan struct{}
	release chan struct{}
	data    []byte
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if r.entered != nil {
		close(r.entered)
		r.entered = nil
		<-r.release
	}
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestDiscardedOutputWritesNothing discards a build's output, as Build
// does when it is interrupted, while a write is under way, and writes to
// it afterwards, as the abandoned pages of an interrupted build may: once
// discard returns nothing is written, neither to the files already open
// (the folder goes on as the spare, which the next build writes over) nor
// to the folder, which must not be made again.
func TestDiscardedOutputWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "staging")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	o := newOutput(dir, newMinifier())
	r := &blockingReader{entered: make(chan struct{}), release: make(chan struct{}), data: bytes.Repeat([]byte("late"), 100<<10)}
	entered := r.entered
	wrote := make(chan error, 1)
	go func() { wrote <- o.writeFrom("a/file.bin", r) }()
	await(t, entered, "the write to start")

	discarded := make(chan struct{})
	go func() {
		o.discard()
		close(discarded)
	}()
	// With the write held, discard must wait for it. Give a wrong discard
	// the chance to return; a right one never does, however long this is.
	select {
	case <-discarded:
		t.Error("discard returned while a write was under way")
	case <-time.After(100 * time.Millisecond):
	}
	close(r.release)
	await(t, discarded, "discard")
	spare := dir + "-spare"
	if err := os.Rename(dir, spare); err != nil {
		t.Fatal(err)
	}
	written, err := os.ReadFile(filepath.Join(spare, "a", "file.bin"))
	if err != nil {
		t.Fatal(err)
	}
	await(t, wrote, "the write to end")
	if now, _ := os.ReadFile(filepath.Join(spare, "a", "file.bin")); !bytes.Equal(now, written) {
		t.Errorf("the write under way went on after discard: %d bytes, then %d", len(written), len(now))
	}

	if err := os.Mkdir(dir, 0o755); err != nil { // As if the next build staged here.
		t.Fatal(err)
	}
	if err := o.write("b/index.html", []byte("<p>late</p>")); err == nil {
		t.Error("a write to the discarded output succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("the discarded output wrote into the folder: %v", entries)
	}
}
