package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes a CPU profile of the measurement to base.cpu.pprof
// and, when stop is called, a heap profile to base.heap.pprof.
func startProfiles(base string) (stop func(), err error) {
	cpu, err := os.Create(base + ".cpu.pprof")
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		heap, err := os.Create(base + ".heap.pprof")
		if err != nil {
			return
		}
		defer heap.Close()
		runtime.GC() // So that the profile shows what is alive at the end.
		pprof.WriteHeapProfile(heap)
	}, nil
}
