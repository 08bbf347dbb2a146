package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"coachbook/internal/corpus"
)

// progressScript finds the data the home page reads to show progress.
var progressScript = regexp.MustCompile(`(?s)<script type=application/json id=coachbook-progress>(.*?)</script>`)

// scriptSource finds the scripts a page loads.
var scriptSource = regexp.MustCompile(`<script src="?(/assets/[^ >"]+\.js)`)

// reportWeights prints what a browser downloads of the built site: the
// home page, the progress data in it, workbooks.json, and the scripts of
// the first workbook, gzipped as a server sends them.
func reportWeights(k corpus.Kind, n int, public string) error {
	home, err := os.ReadFile(filepath.Join(public, "index.html"))
	if err != nil {
		return err
	}
	progress := 0
	if m := progressScript.FindSubmatch(home); m != nil {
		progress = len(m[1])
	}
	manifest, err := os.Stat(filepath.Join(public, "workbooks.json"))
	if err != nil {
		return err
	}
	page, err := os.ReadFile(filepath.Join(public, "c000", "p000", "index.html"))
	if err != nil {
		return err
	}
	js := 0
	for _, m := range scriptSource.FindAllSubmatch(page, -1) {
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(string(m[1]))))
		if err != nil {
			return err
		}
		js += gzipped(data)
	}
	fmt.Printf("%-9s %-7d weights: home page %.0f KB (%.0f KB gzipped), its progress data %.1f KB, workbooks.json %.0f KB, a workbook's scripts %.1f KB gzipped\n",
		k, n, kb(len(home)), kb(gzipped(home)), kb(progress), kb(int(manifest.Size())), kb(js))
	return nil
}

func kb(n int) float64 { return float64(n) / 1024 }

func gzipped(data []byte) int {
	var b bytes.Buffer
	z, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	z.Write(data)
	z.Close()
	return b.Len()
}
