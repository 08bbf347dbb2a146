//go:build unix

package generator

import (
	"os"
	"syscall"
)

// openFile opens a file as os.OpenFile does, without what os.OpenFile
// adds for files that can block: on Linux it makes every file
// non-blocking and offers it to the network poller, which refuses a
// regular file, and then makes it blocking again, four fcntl calls and
// an epoll_ctl for each of the three files a page opens, 3 % of a plain
// build's CPU (docs/performance.md, finding 37). The sources and the
// output are regular files, which never block; os.NewFile sees that the
// file is blocking and leaves it so.
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}
