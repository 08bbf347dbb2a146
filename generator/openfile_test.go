package generator

import (
	"errors"
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
