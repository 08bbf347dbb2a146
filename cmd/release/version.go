package main

import (
	"context"
	"os/exec"
	"strings"
)

// defaultVersion names the release after the source it is built from: the
// nearest tag (v1.2.0, or v1.2.0-3-gabc1234 after it), the commit when
// there is no tag, with -dirty when files have changed since; "dev" when
// there is no git or no repository.
func defaultVersion(ctx context.Context, dir string) string {
	cmd := exec.CommandContext(ctx, "git", "describe", "--tags", "--always", "--dirty")
	cmd.Dir = dir
	out, err := cmd.Output()
	if v := strings.TrimSpace(string(out)); err == nil && v != "" {
		return v
	}
	return "dev"
}
