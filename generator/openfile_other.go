//go:build !unix

package generator

import "os"

// openFile is os.OpenFile where the system has nothing cheaper
// (openfile_unix.go).
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}
