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

// gcPercent lets the heap grow to five times what is alive between
// collections, rather than twice: the memory limit, not this, decides the
// peak, and collecting less often saves CPU.
const gcPercent = 400

// buildGarbageRoom is the most room for garbage above what is alive that
// LimitMemory's limit leaves. At 100,000 pages some 190 MB stay alive to
// the end of a build and the files that list every page add 35 MB more,
// and twice that let the build's last files take it over 400 MiB; with
// this much room the collector already runs only every 160 MB allocated.
const buildGarbageRoom = 160 << 20

// LimitMemory tunes the garbage collector for a one-shot build: fewer
// collections, unless the GOGC environment variable says otherwise, and a
// soft memory limit, unless GOMEMLIMIT sets one. The limit is
// buildMemoryLimit or twice the heap the last collection found alive,
// whichever is more, though never more than buildGarbageRoom above it: a
// site whose workbooks' records alone fill the limit (each workbook's
// record stays until workbooks.json is written) would otherwise keep the
// collector running without pause. It changes the whole process, so
// commands call it, not the library; serve, which holds the site in
// memory, calls LimitServeMemory. restore undoes it.
func LimitMemory() (restore func()) {
	return limitMemory(func(live int64) int64 { return live + min(live, buildGarbageRoom) })
}

// limitMemory sets the GC percent to gcPercent, unless the GOGC
// environment variable says otherwise, and a soft memory limit of what
// room gives for the heap found alive, unless GOMEMLIMIT sets one.
// restore undoes both.
func limitMemory(room func(live int64) int64) (restore func()) {
	// Setting the GC percent is the only way to read it.
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(percent)
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	var stop atomic.Bool
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
		followLiveHeap(&stop, room)
	}
	return func() {
		stop.Store(true)
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// serveGarbageRoom is the least room serve's memory limit leaves for
// garbage above what is alive: an edit makes some tens of megabytes of it
// at 10,000 workbooks, and with less room the collector and the scavenger
// ran through every edit, twice its CPU.
const serveGarbageRoom = 256 << 20

// LimitServeMemory tunes the garbage collector for serve, which holds the
// whole site: a soft memory limit, unless GOMEMLIMIT sets one, of half as
// much again as the heap the last collection found alive, or that and
// serveGarbageRoom when more, and fewer collections below it, unless GOGC
// says otherwise. The Go default lets the heap grow to twice what is
// alive: at 10,000 workbooks of exercises, serve's first build peaked at
// 1.26 GB with 0.53 GB alive; at 10,000 plain workbooks, the collector
// marked the 170 MB alive every dozen edits, a quarter of an edit's CPU.
// restore undoes it.
func LimitServeMemory() (restore func()) {
	return limitMemory(func(live int64) int64 { return live + max(live/2, serveGarbageRoom) })
}

// followLiveHeap sets the memory limit after every collection, until stop,
// to what room gives for the heap found alive, and never below
// buildMemoryLimit: room for garbage, so that the collector does not run
// without pause. A cleanup of an object nothing refers to runs once a
// collection is done.
func followLiveHeap(stop *atomic.Bool, room func(live int64) int64) {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var watch func()
	watch = func() {
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			if stop.Load() {
				return
			}
			metrics.Read(live)
			debug.SetMemoryLimit(max(buildMemoryLimit, room(int64(live[0].Value.Uint64()))))
			watch()
		}, struct{}{})
	}
	watch()
}
