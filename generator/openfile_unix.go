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
// an epoll_ctl for each file, 3 % of a plain build's CPU when a page's
// three files were opened so (docs/performance.md, finding 37). The
// output is regular files, which never block; os.NewFile sees that the
// file is blocking and leaves it so. Sources are read with the file
// descriptor alone (readWhole).
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	fd, err := openFD(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), name), nil
}

func openFD(name string, flag int, perm os.FileMode) (int, error) {
	for {
		fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, uint32(perm.Perm()))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return fd, nil
	}
}

// readWhole reads the file at path, once check accepts its size, with
// no more system calls than it takes: every source is read twice a
// build, and each call costs. It reads the size fstat gives, the file as
// it was then, without a further read to find its end.
func readWhole(path string, check func(size int64) error) ([]byte, error) {
	fd, err := openFD(path, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if err := check(st.Size); err != nil {
		return nil, err
	}
	if st.Size == 0 {
		// Empty, or a file the system makes up as it is read.
		return readToEnd(fd, path)
	}
	buf := make([]byte, int(st.Size))
	for n := 0; n < len(buf); {
		m, err := readFD(fd, path, buf[n:])
		if err != nil {
			return nil, err
		}
		if m == 0 {
			return buf[:n], nil // Cut short since fstat.
		}
		n += m
	}
	return buf, nil
}

// readToEnd reads fd until the end of its file.
func readToEnd(fd int, path string) ([]byte, error) {
	buf := make([]byte, 0, 512)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := readFD(fd, path, buf[len(buf):cap(buf)])
		if err != nil {
			return nil, err
		}
		if m == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+m]
	}
}

func readFD(fd int, path string, b []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, &os.PathError{Op: "read", Path: path, Err: err}
		}
		return n, nil
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}
