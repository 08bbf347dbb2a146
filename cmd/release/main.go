// Command release cross-compiles coachbook for every platform a release
// carries, with its version stamped in, and writes SHA256SUMS beside the
// binaries. Run it from anywhere in the repository:
//
//	go run ./cmd/release [--version v1.2.0] [--source URL] [--dist dist] [--only linux/amd64,...]
//
// It needs only Go: the binaries are built with CGO_ENABLED=0, so no C
// compiler is involved, and GOFLAGS from the environment apply to every
// build.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

const usage = `Usage:
  go run ./cmd/release [--version VERSION] [--source URL] [--dist DIR] [--only OS/ARCH,...]

Builds coachbook for %s
into DIR as coachbook-VERSION-OS-ARCH (.exe on Windows), with their
SHA-256 checksums in DIR/SHA256SUMS. VERSION defaults to
'git describe --tags --always --dirty', or "dev" without git. URL, the
address of coachbook's git repository, is stamped in for the deployment
files 'coachbook new site' writes; it defaults to the origin remote's
address when that is a web address.

Flags:
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintf(os.Stderr, "release: %s\n", err)
		}
		os.Exit(1)
	}
}

// run parses the flags and makes the release.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), usage, strings.Trim(fmt.Sprint(platforms), "[]"))
		fs.PrintDefaults()
	}
	version := fs.String("version", "", "the `VERSION` stamped in and named in the files (default: from git describe)")
	sourceURL := fs.String("source", "", "the `URL` of coachbook's git repository, for new sites' deployment files (default: the origin remote's)")
	dist := fs.String("dist", "dist", "the `folder` the binaries go in")
	only := fs.String("only", "", "build only these comma-separated `OS/ARCH` platforms, such as linux/amd64")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	root, err := moduleRoot(ctx)
	if err != nil {
		return err
	}
	opts := options{Version: *version, Source: *sourceURL, Dist: *dist, Root: root, Platforms: platforms, Log: stdout}
	if opts.Version == "" {
		opts.Version = defaultVersion(ctx, root)
	}
	if opts.Source == "" {
		opts.Source = defaultSource(ctx, root)
	}
	if *only != "" {
		if opts.Platforms, err = parsePlatforms(strings.Split(*only, ",")); err != nil {
			return err
		}
	}
	_, err = release(ctx, opts)
	return err
}
