package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

const versionUsage = `Usage:
  coachbook version

Prints coachbook's version (a release's is stamped in when it is built)
and the Go version it was built with.
`

// version is the release's version, stamped in by the release command
// (go run ./cmd/release) with -ldflags "-X main.version=v1.2.0". A build
// without it, such as go install or go run, reports what Go recorded.
var version string

// sourceRepository is the address of coachbook's git repository, stamped in by the
// release command with -X main.sourceRepository=URL: new sites' deployment files
// build coachbook from it.
var sourceRepository string

// versionCommand is 'coachbook version'.
type versionCommand struct {
	stdout io.Writer
}

// Run prints the version.
func (c *versionCommand) Run(_ context.Context, args []string) error {
	fs := newFlagSet("version", versionUsage, c.stdout)
	if err := fs.parse(args); err != nil {
		return err
	}
	stamped, goVersion := version, "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
		if stamped == "" {
			stamped = recordedVersion(info)
		}
	}
	if stamped == "" {
		stamped = "(devel)"
	}
	fmt.Fprintf(c.stdout, "coachbook %s %s\n", stamped, goVersion)
	return nil
}

// recordedVersion is the version Go recorded in an unstamped binary: the
// module's version, or "(devel)" and the commit it was built from.
func recordedVersion(info *debug.BuildInfo) string {
	v := "(devel)"
	if info.Main.Version != "" {
		v = info.Main.Version
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 && v == "(devel)" {
			v += " " + s.Value[:12]
		}
	}
	return v
}
