//go:build unix

package generator

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// processRunning reports whether a process with this ID exists.
func processRunning(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}

// singleLink reports whether a file has no name but the one it was found
// by, so that writing over it changes nothing else.
func singleLink(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}
