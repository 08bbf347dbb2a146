//go:build !unix

package generator

import "os"

// processRunning cannot tell here, so staging folders are only removed by
// the build that made them.
func processRunning(pid int) bool { return true }

// singleLink cannot tell here, so no file is written over in place.
func singleLink(info os.FileInfo) bool { return false }
