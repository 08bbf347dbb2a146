package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

func TestSymlinkedDestinationIsPublishedIntoItsTarget(t *testing.T) {
	s := newTestSite(t, careerSite)
	target := filepath.Join(t.TempDir(), "www")
	if err := os.Symlink(target, filepath.Join(s.root, "public")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	s.build()
	if info, err := os.Lstat(filepath.Join(s.root, "public")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("public is no longer a symbolic link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(target, "welcome", "index.html")); err != nil {
		t.Errorf("the link's target was not published: %v", err)
	}
	s.build() // A second build replaces the target again.
	if _, err := os.Stat(filepath.Join(target, buildMarker)); err != nil {
		t.Errorf("the target lost its build marker: %v", err)
	}
}

// deadPID returns the ID of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot start a process: %v", err)
	}
	return cmd.Process.Pid
}

func TestRecoverStaging(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	prefix := filepath.Join(parent, stagingPrefix(dest))
	dead, live := strconv.Itoa(deadPID(t)), strconv.Itoa(os.Getpid())
	for _, dir := range []string{dead + "-new-1", dead + "-old-2", live + "-new-3"} {
		if err := os.MkdirAll(prefix+dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(prefix+dead+"-old-2/index.html", []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	recoverStaging(dest)
	// The previous output, moved aside by a build that died, is back.
	if data, err := os.ReadFile(filepath.Join(dest, "index.html")); err != nil || string(data) != "previous" {
		t.Errorf("previous output not restored: %q, %v", data, err)
	}
	if _, err := os.Stat(prefix + dead + "-new-1"); err == nil {
		t.Error("a dead build's staging folder was kept")
	}
	if _, err := os.Stat(prefix + live + "-new-3"); err != nil {
		t.Error("a running build's staging folder was removed")
	}
}

func TestRemovedStagingFailsTheBuild(t *testing.T) {
	s := newTestSite(t, careerSite)
	st, err := stage(s.root, s.dest())
	if err != nil {
		t.Fatal(err)
	}
	defer st.discard()
	out := newOutput(st.dir, newMinifier())
	if err := out.write("a/index.html", []byte("<p>x</p>")); err != nil {
		t.Fatal(err)
	}
	// Another process removes the folder: the build's next write fails
	// rather than making it again, and nothing is published.
	if err := os.RemoveAll(st.dir); err != nil {
		t.Fatal(err)
	}
	if err := out.write("b/index.html", []byte("<p>y</p>")); err == nil {
		t.Error("writing into a removed staging folder succeeded")
	}
	if err := st.publish(); err == nil {
		t.Error("a removed staging folder was published")
	}
	if _, err := os.Stat(s.dest()); err == nil {
		t.Error("a partial site was published")
	}
}
