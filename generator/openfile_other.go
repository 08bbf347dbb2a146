//go:build !unix

package generator

import (
	"bytes"
	"os"
)

// openFile is os.OpenFile where the system has nothing cheaper
// (openfile_unix.go).
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// readWhole reads the file at path, once check accepts its size.
func readWhole(path string, check func(size int64) error) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if err := check(info.Size()); err != nil {
		return nil, err
	}
	// Room for the whole file, and for ReadFrom to see its end without
	// growing the buffer.
	buf := bytes.NewBuffer(make([]byte, 0, int(info.Size())+bytes.MinRead))
	if _, err := buf.ReadFrom(file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
