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

// defaultSource is the address of the repository's origin, when it is a
// web address that new sites' deployment files can clone coachbook from;
// "" otherwise.
func defaultSource(ctx context.Context, dir string) string {
	cmd := exec.CommandContext(ctx, "git", "remote", "get-url", "origin")
	cmd.Dir = dir
	out, err := cmd.Output()
	if u := strings.TrimSpace(string(out)); err == nil && sourceShape.MatchString(u) {
		return u
	}
	return ""
}
