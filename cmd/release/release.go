package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// parallelBuilds is how many builds run at once: each compiler uses every
// core already, so more would only compete for memory.
const parallelBuilds = 2

// options is one release.
type options struct {
	Version   string     // stamped in as main.version and named in the files
	Source    string     // coachbook's git repository, stamped in as main.sourceRepository; may be ""
	Dist      string     // the folder the binaries go in
	Root      string     // the module's folder, holding cmd/coachbook
	Platforms []platform // the platforms to build for
	Log       io.Writer  // where each finished binary is named
}

// versionShape is what a version may look like: it becomes part of file
// names and of the linker's flags, so no spaces, slashes or quotes.
var versionShape = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]*$`)

// sourceShape is an address of coachbook's repository that can be stamped
// in: one word of the linker's flags, and text new sites' deployment files
// can hold without escaping (generator/scaffold/deploy.go checks the same).
var sourceShape = regexp.MustCompile(`^https?://[^\s"'\\$` + "`" + `]+$`)

// release builds coachbook for every platform in opts into opts.Dist and
// writes SHA256SUMS for them; it returns the binaries' file names. A failed
// build stops it with every build's error, and no SHA256SUMS is written.
func release(ctx context.Context, opts options) ([]string, error) {
	if !versionShape.MatchString(opts.Version) {
		return nil, fmt.Errorf("version %q must be letters, digits and . _ + - such as v1.2.0", opts.Version)
	}
	if opts.Source != "" && !sourceShape.MatchString(opts.Source) {
		return nil, fmt.Errorf("source %q must be a web address such as https://github.com/example/coachbook", opts.Source)
	}
	if err := os.MkdirAll(opts.Dist, 0o755); err != nil {
		return nil, err
	}
	dist, err := filepath.Abs(opts.Dist)
	if err != nil {
		return nil, err
	}
	// A checksum file from an earlier release must not outlive a failed one.
	if err := os.Remove(filepath.Join(dist, checksumFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	names := make([]string, len(opts.Platforms))
	errs := make([]error, len(opts.Platforms))
	slots := make(chan struct{}, parallelBuilds)
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for i, p := range opts.Platforms {
		names[i] = p.binaryName(opts.Version)
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			errs[i] = build(ctx, opts, p, filepath.Join(dist, names[i]))
			if errs[i] == nil && opts.Log != nil {
				logMu.Lock()
				fmt.Fprintf(opts.Log, "built %s\n", filepath.Join(opts.Dist, names[i]))
				logMu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := writeChecksums(dist, names); err != nil {
		return nil, fmt.Errorf("writing %s: %w", checksumFile, err)
	}
	if opts.Log != nil {
		fmt.Fprintf(opts.Log, "wrote %s\n", filepath.Join(opts.Dist, checksumFile))
	}
	return names, nil
}

// build compiles ./cmd/coachbook for p into out: without cgo, so that it
// needs no C library and cross-compiles anywhere; with -trimpath, so that
// no folder of the machine that built it is inside; stripped (-s -w) for
// size; and with the version, and where its source is, stamped in.
func build(ctx context.Context, opts options, p platform, out string) error {
	ldflags := "-s -w -X main.version=" + opts.Version
	if opts.Source != "" {
		ldflags += " -X main.sourceRepository=" + opts.Source
	}
	cmd := exec.CommandContext(ctx, "go", "build",
		"-trimpath",
		"-ldflags", ldflags,
		"-o", out,
		"./cmd/coachbook")
	cmd.Dir = opts.Root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+p.OS, "GOARCH="+p.Arch)
	if output, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building for %s: %w\n%s", p, err, output)
	}
	return nil
}

// moduleRoot is the folder of the module release is run in, where
// ./cmd/coachbook is.
func moduleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module: go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run release inside the coachbook repository")
	}
	return filepath.Dir(gomod), nil
}
