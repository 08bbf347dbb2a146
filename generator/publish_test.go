package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestSymlinkedDestinationIsPublishedIntoItsTarget(t *testing.T) {
	s := newTestSite(t, careerSite)
	target := filepath.Join(t.TempDir(), "www")
	mustDo(t, os.Mkdir(target, 0o755)) // An empty folder may be published into.
	symlink(t, target, s.path("public"))
	s.build()
	if info, err := os.Lstat(s.path("public")); err != nil || info.Mode()&os.ModeSymlink == 0 {
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

// TestDanglingDestinationLinkIsRefused gives a site a public/ that links
// to a folder that does not exist yet, as a shared site folder can to
// plant files elsewhere: ln -s ../victim/.ssh public, with a
// content/authorized_keys. The build must make nothing there.
func TestDanglingDestinationLinkIsRefused(t *testing.T) {
	for _, tt := range []struct {
		name string
		// link makes the links and returns the destination to pass, ""
		// for the site's public/.
		link func(t *testing.T, root, victim string) string
		want string
	}{{
		name: "public",
		link: func(t *testing.T, root, victim string) string {
			mustDo(t, os.Symlink(filepath.Join("..", filepath.Base(victim), ".ssh"), filepath.Join(root, "public")))
			return ""
		},
		want: "public: it is a symbolic link to ../victim/.ssh, which does not exist",
	}, {
		name: "explicit --dest",
		link: func(t *testing.T, root, victim string) string {
			link := filepath.Join(t.TempDir(), "www")
			mustDo(t, os.Symlink(filepath.Join(victim, ".ssh"), link))
			return link
		},
		want: "www: it is a symbolic link to VICTIM/.ssh, which does not exist",
	}, {
		name: "a link to a link",
		link: func(t *testing.T, root, victim string) string {
			mustDo(t, os.Symlink(filepath.Join(victim, ".ssh"), filepath.Join(root, "next")))
			mustDo(t, os.Symlink("next", filepath.Join(root, "public")))
			return ""
		},
		want: "public: it is a symbolic link to next, which does not exist",
	}, {
		name: "a link in the middle of the path",
		link: func(t *testing.T, root, victim string) string {
			mustDo(t, os.Symlink(filepath.Join(victim, ".ssh"), filepath.Join(root, "out")))
			return filepath.Join(root, "out", "www")
		},
		want: "www: ROOT/out is a symbolic link to VICTIM/.ssh, which does not exist",
	}} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, careerSite)
			s.write("content/authorized_keys", "ssh-ed25519 AAAA attacker\n")
			victim := filepath.Join(filepath.Dir(s.root), "victim")
			mustDo(t, os.Mkdir(victim, 0o755))
			t.Cleanup(func() { os.RemoveAll(victim) })
			s.opts.Dest = tt.link(t, s.root, victim)
			s.expectErrors(strings.NewReplacer("VICTIM", victim, "ROOT", s.root).Replace(tt.want))
			if entries, _ := os.ReadDir(victim); len(entries) != 0 {
				t.Errorf("the build wrote beside the link's target: %v", entries)
			}
		})
	}
}

// TestDestinationLinkToOtherFilesIsRefused links public/ to a folder of
// someone's own files: it is neither replaced nor written beside.
func TestDestinationLinkToOtherFilesIsRefused(t *testing.T) {
	s := newTestSite(t, careerSite)
	parent := t.TempDir()
	mine := filepath.Join(parent, "mine")
	mustDo(t, os.Mkdir(mine, 0o755))
	writeFileIn(t, mine, "notes.txt", []byte("my notes"))
	mustDo(t, os.Symlink(mine, s.path("public")))
	s.expectErrors("refusing to replace", "public, a symbolic link to "+mine)
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("the build wrote beside the link's target: %v", entries)
	}
	if entries, _ := os.ReadDir(mine); len(entries) != 1 {
		t.Errorf("the build changed the link's target: %v", entries)
	}
}

// TestDanglingDestLinkKeepsThePreviousBuild builds into a folder, then is
// pointed at it through a link that leads nowhere: the build fails and the
// earlier output is as it was.
func TestDanglingDestLinkKeepsThePreviousBuild(t *testing.T) {
	s := newTestSite(t, careerSite)
	s.build()
	before := s.snapshot()
	link := filepath.Join(t.TempDir(), "www")
	mustDo(t, os.Symlink(s.path("gone"), link))
	s.opts.Dest = link
	s.expectErrors("which does not exist")
	s.opts.Dest = ""
	s.assertUnchanged(before)
	if _, err := os.Lstat(s.path("gone")); err == nil {
		t.Error("the build made the folder the link leads to")
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
	writeFileIn(t, parent, stagingPrefix(dest)+dead+"-old-2/index.html", []byte("previous"))
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

// TestRecoverStagingRestoresOnlyFolders leaves a link where a dead build's
// moved-aside output would be, as a shared site folder can: recovery must
// not make the destination a link to somewhere else.
func TestRecoverStagingRestoresOnlyFolders(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	elsewhere := t.TempDir()
	mustDo(t, os.Symlink(elsewhere, filepath.Join(parent, stagingPrefix(dest)+strconv.Itoa(deadPID(t))+"-old-1")))
	recoverStaging(dest)
	if _, err := os.Lstat(dest); err == nil {
		t.Error("a link left beside the destination was put in its place")
	}
}

// TestDestinationInsideLinkedContentIsRefused links content/ to a folder
// of the site and builds into that folder: the output would be published
// again inside itself by every build.
func TestDestinationInsideLinkedContentIsRefused(t *testing.T) {
	s := newTestSite(t, careerSite)
	mustDo(t, os.Rename(s.path("content"), s.path("src")))
	symlink(t, "src", s.path("content"))
	s.opts.Dest = s.path("src/public")
	s.expectErrors("it is inside the site's content/ folder")
	if _, err := os.Lstat(s.opts.Dest); err == nil {
		t.Error("the build wrote into content/")
	}
}
