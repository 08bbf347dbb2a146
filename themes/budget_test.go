package themes_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"coachbook/generator"
)

// runtimeBudget is the most the client runtime may weigh, minified and
// gzipped, as the README promises.
const runtimeBudget = 12 * 1024

// TestRuntimeBudget builds the sample site and weighs the runtime as a
// browser downloads it.
func TestRuntimeBudget(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Source: "..", Dest: dest}); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dest, "assets", "coachbook.*.js"))
	if len(matches) != 1 {
		t.Fatalf("runtime files: %v", matches)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	w, _ := gzip.NewWriterLevel(&zipped, gzip.BestCompression)
	w.Write(data)
	w.Close()
	t.Logf("runtime: %d bytes minified, %d bytes gzipped", len(data), zipped.Len())
	if zipped.Len() > runtimeBudget {
		t.Errorf("the runtime is %d bytes gzipped, over its budget of %d", zipped.Len(), runtimeBudget)
	}
}
