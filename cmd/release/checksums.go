package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// checksumFile is the name of the file listing every binary's SHA-256.
const checksumFile = "SHA256SUMS"

// writeChecksums writes dir/SHA256SUMS for the files names in dir, in the
// format `sha256sum -c` and `shasum -a 256 -c` read: the hash in hex, two
// spaces, the file name, one file a line, sorted by name.
func writeChecksums(dir string, names []string) error {
	names = slices.Sorted(slices.Values(names))
	var b strings.Builder
	for _, name := range names {
		sum, err := fileSHA256(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, name)
	}
	return os.WriteFile(filepath.Join(dir, checksumFile), []byte(b.String()), 0o644)
}

// fileSHA256 returns the SHA-256 of a file's contents, in hex.
func fileSHA256(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
