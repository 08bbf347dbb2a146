package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

const versionUsage = `Usage:
  coachbook version

Prints coachbook's version and the Go version it was built with.
`

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
	version, goVersion := "(devel)", "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
		if v := info.Main.Version; v != "" {
			version = v
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 && version == "(devel)" {
				version += " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(c.stdout, "coachbook %s %s\n", version, goVersion)
	return nil
}
