package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts, and the tests that start coachbook as a
// process, run it as a command in the test binary, signals and all.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"coachbook": func() { os.Exit(runInterruptible(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI sessions in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

// TestExitStatus checks the documented statuses: 0 for success, 1 for
// build errors and 2 for usage errors.
func TestExitStatus(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(site+"/content", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(site+"/content/a.md", []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"build", "--source", site, "--quiet"}, exitOK},
		{[]string{"version"}, exitOK},
		{[]string{"help"}, exitOK},
		{[]string{"build", "-h"}, exitOK},
		{[]string{"build", "--source", t.TempDir()}, exitError},
		{[]string{"build", "--nope"}, exitUsage},
		{[]string{"build", "--baseURL", "ftp://x"}, exitUsage},
		{[]string{"nope"}, exitUsage},
		{[]string{"help", "nope"}, exitUsage},
	}
	for _, tt := range tests {
		var out, errOut strings.Builder
		if got := run(context.Background(), tt.args, &out, &errOut); got != tt.want {
			t.Errorf("coachbook %s: exit %d, want %d\n%s%s", strings.Join(tt.args, " "), got, tt.want, out.String(), errOut.String())
		}
	}
}
