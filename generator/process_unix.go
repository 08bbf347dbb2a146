//go:build unix

package generator

import (
	"errors"

	"golang.org/x/sys/unix"
)

// processRunning reports whether a process with this ID exists.
func processRunning(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}
