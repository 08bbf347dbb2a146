package generator

import (
	"context"
	"runtime"
	"sync"
)

// parallel calls fn for 0..n-1 on every core. Once ctx is cancelled it
// starts no more calls and returns ctx's error at once, without waiting
// for the calls under way: nothing can stop a page that takes goldmark
// minutes, so they are abandoned, to end in the background or with the
// process. What they still do must be harmless: the output of a build
// whose ctx ends is discarded before Build returns, and refuses writes
// from then on.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() != nil {
					return // The item may have been sent as ctx ended.
				}
				fn(i)
			}
		})
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	select {
	case <-finished:
	case <-ctx.Done():
	}
	// Every item ran unless ctx ended, and a build cancelled as its
	// last page finished is as cancelled as any.
	return ctx.Err()
}
