package generator

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// buildMemoryLimit is the least soft limit LimitMemory sets: a build
// keeps little alive (each page's source and HTML go once it is written),
// so what grows is garbage, and the collector may as well run before it
// does.
const buildMemoryLimit = 150 << 20

// buildGCPercent lets the heap grow to five times what is alive between
// collections, rather than twice. The live heap of a build is small, so the
// memory limit, not this, decides the peak; collecting less often saves
// CPU.
const buildGCPercent = 400

// LimitMemory tunes the garbage collector for a one-shot build: fewer
// collections, unless the GOGC environment variable says otherwise, and a
// soft memory limit, unless GOMEMLIMIT sets one. The limit is
// buildMemoryLimit or twice the heap the last collection found alive,
// whichever is more: a site whose workbooks' records alone fill the limit
// (each workbook's record stays until workbooks.json is written) would
// otherwise keep the collector running without pause. It changes the
// whole process, so commands call it, not the library; serve, which holds
// the site in memory, does not. restore undoes it.
func LimitMemory() (restore func()) {
	// Setting the GC percent is the only way to read it.
	gcPercent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gcPercent)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
	var stop atomic.Bool
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
		followLiveHeap(&stop)
	}
	return func() {
		stop.Store(true)
		debug.SetGCPercent(gcPercent)
		debug.SetMemoryLimit(limit)
	}
}

// followLiveHeap sets the memory limit after every collection, until stop,
// to twice the heap found alive, and never below buildMemoryLimit: as much
// room again for garbage, so that the collector does not run without
// pause. A
// cleanup of an object nothing refers to runs once a collection is done.
func followLiveHeap(stop *atomic.Bool) {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var watch func()
	watch = func() {
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			if stop.Load() {
				return
			}
			metrics.Read(live)
			debug.SetMemoryLimit(max(buildMemoryLimit, 2*int64(live[0].Value.Uint64())))
			watch()
		}, struct{}{})
	}
	watch()
}
