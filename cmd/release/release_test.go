package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// A release carries six binaries, one for each of Linux, macOS and Windows
// on amd64 and arm64, named after the version and the system, with .exe
// for Windows alone.
func TestPlatforms(t *testing.T) {
	var names []string
	for _, p := range platforms {
		names = append(names, p.binaryName("v1.2.0"))
	}
	want := []string{
		"coachbook-v1.2.0-linux-amd64",
		"coachbook-v1.2.0-linux-arm64",
		"coachbook-v1.2.0-darwin-amd64",
		"coachbook-v1.2.0-darwin-arm64",
		"coachbook-v1.2.0-windows-amd64.exe",
		"coachbook-v1.2.0-windows-arm64.exe",
	}
	if !slices.Equal(names, want) {
		t.Errorf("binaries %q, want %q", names, want)
	}
	picked, err := parsePlatforms([]string{"darwin/arm64", "windows/amd64"})
	if err != nil || !slices.Equal(picked, []platform{{"darwin", "arm64"}, {"windows", "amd64"}}) {
		t.Errorf("parsePlatforms = %v, %v", picked, err)
	}
	if _, err := parsePlatforms([]string{"plan9/386"}); err == nil {
		t.Error("parsePlatforms accepted plan9/386")
	}
}

// SHA256SUMS is what `sha256sum -c` reads: 64 hex digits, two spaces and
// the name, sorted by name; and its hashes are the files'.
func TestChecksumFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"b.exe": "windows", "a": "", "c-1.0": "hello\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeChecksums(dir, []string{"c-1.0", "b.exe", "a"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, checksumFile))
	if err != nil {
		t.Fatal(err)
	}
	want := "" +
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a\n" +
		"340d600392818df2413382dc7d8325c360d83ea49a262d31760348484bbc10b5  b.exe\n" +
		"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  c-1.0\n"
	if got := string(data); got != want {
		t.Errorf("SHA256SUMS:\n%s\nwant:\n%s", got, want)
	}
	checkSums(t, dir)
}

// The release for this machine's own platform runs: its `version` prints
// the version stamped in, the sites it makes build coachbook from the
// source stamped in, and SHA256SUMS matches the binary.
func TestReleaseRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds coachbook")
	}
	root, err := moduleRoot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(t.TempDir(), "dist")
	host := platform{runtime.GOOS, runtime.GOARCH}
	const version, source = "v0.0.0-rc1", "https://git.example.org/coachbook.git"
	names, err := release(context.Background(), options{Version: version, Source: source, Dist: dist, Root: root, Platforms: []platform{host}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{host.binaryName(version)}; !slices.Equal(names, want) {
		t.Fatalf("release wrote %q, want %q", names, want)
	}
	out, err := exec.Command(filepath.Join(dist, names[0]), "version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", names[0], err, out)
	}
	if want := "coachbook " + version + " go"; !strings.HasPrefix(string(out), want) {
		t.Errorf("%s version printed %q, want it to start %q", names[0], out, want)
	}
	site := filepath.Join(t.TempDir(), "site")
	if out, err := exec.Command(filepath.Join(dist, names[0]), "new", "site", site).CombinedOutput(); err != nil {
		t.Fatalf("%s new site: %v\n%s", names[0], err, out)
	}
	workflow, err := os.ReadFile(filepath.Join(site, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "COACHBOOK_SOURCE: \"" + source + "\"\n  COACHBOOK_VERSION: \"" + version + "\"\n"; !strings.Contains(string(workflow), want) {
		t.Errorf("the new site's pages.yml does not hold\n%s\n%s", want, workflow)
	}
	sums := checkSums(t, dist)
	if !slices.Equal(sums, names) {
		t.Errorf("SHA256SUMS lists %q, want %q", sums, names)
	}
}

// A version that would break a file name or the linker's flags is refused
// before anything is built.
func TestReleaseRefusesBadVersion(t *testing.T) {
	for _, v := range []string{"", "v1 2", "../v1", `v1"`, "-v1"} {
		dist := filepath.Join(t.TempDir(), "dist")
		if _, err := release(context.Background(), options{Version: v, Dist: dist, Platforms: platforms}); err == nil {
			t.Errorf("release accepted the version %q", v)
		}
		if _, err := os.Stat(dist); err == nil {
			t.Errorf("release with the version %q made %s", v, dist)
		}
	}
	for _, source := range []string{"git@example.org:coachbook.git", "https://example.org/a b", `https://example.org/"`} {
		dist := filepath.Join(t.TempDir(), "dist")
		if _, err := release(context.Background(), options{Version: "v1.0.0", Source: source, Dist: dist, Platforms: platforms}); err == nil {
			t.Errorf("release accepted the source %q", source)
		}
	}
}

// checkSums checks every line of dir/SHA256SUMS against the file it
// names, as sha256sum -c does, and returns the names.
func checkSums(t *testing.T, dir string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, checksumFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)
	var names []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		m := line.FindStringSubmatch(s.Text())
		if m == nil {
			t.Fatalf("%s line %q is not \"HASH  NAME\"", checksumFile, s.Text())
		}
		sum, err := fileSHA256(filepath.Join(dir, m[2]))
		if err != nil {
			t.Fatal(err)
		}
		if sum != m[1] {
			t.Errorf("%s says %s for %s, the file's is %s", checksumFile, m[1], m[2], sum)
		}
		names = append(names, m[2])
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if sha256sum, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sha256sum, "--strict", "-c", checksumFile)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, out)
		}
	}
	return names
}
