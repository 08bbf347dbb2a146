package generator

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"coachbook/internal/corpus"
)

// benchSites caches the synthetic sites between benchmarks of one run.
var benchSites sync.Map

func benchSite(b *testing.B, n int, k corpus.Kind) string {
	b.Helper()
	type site struct {
		n int
		k corpus.Kind
	}
	if dir, ok := benchSites.Load(site{n, k}); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("coachbook-bench-%s-%d-", k, n))
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(dir, n, k); err != nil {
		b.Fatal(err)
	}
	benchSites.Store(site{n, k}, dir)
	return dir
}

func benchBuild(b *testing.B, n int, k corpus.Kind) {
	dir := benchSite(b, n, k)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), Options{Source: dir, Dest: filepath.Join(dir, "public")}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkBuild1k and BenchmarkBuild10k build whole plain sites to disk,
// BenchmarkBuildExercise1k one whose every workbook holds every
// first-version directive, and BenchmarkBuildKinds1k one whose every
// workbook holds every directive there is.
func BenchmarkBuild1k(b *testing.B)         { benchBuild(b, 1000, corpus.Plain) }
func BenchmarkBuild10k(b *testing.B)        { benchBuild(b, 10000, corpus.Plain) }
func BenchmarkBuildExercise1k(b *testing.B) { benchBuild(b, 1000, corpus.Exercise) }
func BenchmarkBuildKinds1k(b *testing.B)    { benchBuild(b, 1000, corpus.Kinds) }

// BenchmarkFloor10k converts the same files with goldmark as a workbook
// needs it at the least: the floor a build is compared with.
func BenchmarkFloor10k(b *testing.B) {
	dir := benchSite(b, 10000, corpus.Plain)
	var files [][]byte
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			src, _ := os.ReadFile(p)
			if i := bytes.Index(src[3:], []byte("\n---\n")); i >= 0 {
				src = src[i+8:]
			}
			files = append(files, src)
		}
		return err
	})
	md := corpus.Floor()
	for b.Loop() {
		parallel(context.Background(), len(files), func(i int) { md.Convert(files[i], io.Discard) })
	}
	b.ReportMetric(float64(len(files))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkRebuild10k edits one workbook's body in a 10k-page serve
// session and rebuilds.
func BenchmarkRebuild10k(b *testing.B) {
	dir := benchSite(b, 10000, corpus.Plain)
	s := NewSession(Options{Source: dir})
	if _, err := s.Build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	name := "content/c000/p000.md"
	file := filepath.Join(dir, filepath.FromSlash(name))
	original, _ := os.ReadFile(file)
	defer os.WriteFile(file, original, 0o644)
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(file, append(original, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
		st, err := s.Build(context.Background(), []string{name})
		if err != nil || st.Rendered != 1 {
			b.Fatalf("%+v %v", st, err)
		}
	}
}

// BenchmarkMemoryBuild1k builds 1,000 pages in memory, as serve does: the
// pipeline's own cost, without the disk's.
func BenchmarkMemoryBuild1k(b *testing.B) {
	dir := benchSite(b, 1000, corpus.Plain)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewSession(Options{Source: dir}).Build(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(1000*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
