//go:build unix

package generator

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"coachbook/internal/corpus"
)

// BenchmarkPageLayoutsFastOrNot builds the same plain site with the
// layouts' fast path and with html/template alone, in one process (run
// it with -count and compare medians), and reports the CPU time (user
// and system) of a build besides the wall time, which a shared machine
// blurs. The plain corpus has no directives: the difference is the page
// layouts'.
func BenchmarkPageLayoutsFastOrNot(b *testing.B) {
	dir := benchSite(b, 1000, corpus.Plain)
	for _, slow := range []bool{false, true} {
		name := "fast"
		if slow {
			name = "html-template"
		}
		b.Run(name, func(b *testing.B) {
			opts := Options{Source: dir, Dest: filepath.Join(b.TempDir(), "public"), slowLayouts: slow}
			start := processCPU()
			for b.Loop() {
				if _, err := Build(context.Background(), opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// processCPU is the CPU time the process has used so far.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
