package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenFileAsOSOpenFile holds openFile to what the build relies on of
// os.OpenFile: the errors it tells apart, the permissions it makes, and
// a file that reads and writes.
func TestOpenFileAsOSOpenFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	if _, err := openFile(name, os.O_RDONLY, 0); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("opening a missing file: %v, want it not to exist", err)
	}
	f, err := openFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("<p>hello</p>"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	want, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if perm := want.Mode().Perm(); perm&^0o644 != 0 || perm&0o600 != 0o600 {
		t.Errorf("made with %v, want 0644 less the umask", perm)
	}
	if _, err := openFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); !errors.Is(err, fs.ErrExist) {
		t.Errorf("creating a file that exists: %v, want it to exist", err)
	}
	var pathErr *fs.PathError
	if _, err := openFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); !errors.As(err, &pathErr) || pathErr.Path != name {
		t.Errorf("error %v does not name the path", err)
	}
	got, err := readWhole(name, func(size int64) error {
		if size != want.Size() {
			t.Errorf("size %d, want %d", size, want.Size())
		}
		return nil
	})
	if err != nil || string(got) != "<p>hello</p>" {
		t.Errorf("read %q, %v", got, err)
	}
	tooLarge := errors.New("too large")
	if _, err := readWhole(name, func(int64) error { return tooLarge }); err != tooLarge {
		t.Errorf("a size refused gave %v", err)
	}
	if _, err := openFile(dir, os.O_WRONLY, 0); err == nil {
		t.Error("a folder opened to write")
	}
}

// TestReadWholeReadsEveryFile reads files of several sizes whole: empty,
// smaller and larger than the buffers the reads use, and, where the
// system has one, a file whose size it does not tell.
func TestReadWholeReadsEveryFile(t *testing.T) {
	dir := t.TempDir()
	accept := func(int64) error { return nil }
	for _, size := range []int{0, 1, 511, 512, 513, 7 << 10, 1<<20 + 3} {
		want := bytes.Repeat([]byte("workbook\n"), size/9+1)[:size]
		name := filepath.Join(dir, fmt.Sprintf("f%d.md", size))
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readWhole(name, accept)
		if err != nil || !bytes.Equal(got, want) || got == nil {
			t.Errorf("read %d bytes of a file of %d (nil: %v): %v", len(got), size, got == nil, err)
		}
	}
	if want, err := os.ReadFile("/proc/self/cmdline"); err == nil {
		// procfs tells a size of 0 for a file that has some.
		got, err := readWhole("/proc/self/cmdline", accept)
		if err != nil || len(got) == 0 || !bytes.Equal(got, want) {
			t.Errorf("read %q from a file whose size is not told, want %q: %v", got, want, err)
		}
	}
	if _, err := readWhole(filepath.Join(dir, "missing.md"), accept); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("reading a missing file: %v", err)
	}
}
