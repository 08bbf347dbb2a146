package main

import "fmt"

// platform is one operating system and processor a release is built for.
type platform struct {
	OS, Arch string // GOOS and GOARCH
}

// platforms are the systems a release carries a binary for: what coaches
// and career centres run, on Intel/AMD and on ARM processors (Apple
// silicon, ARM laptops and servers).
var platforms = []platform{
	{"linux", "amd64"},
	{"linux", "arm64"},
	{"darwin", "amd64"},
	{"darwin", "arm64"},
	{"windows", "amd64"},
	{"windows", "arm64"},
}

func (p platform) String() string { return p.OS + "/" + p.Arch }

// binaryName is the file name of the binary for p: it says what it is,
// which version and for which system, so that a downloaded file explains
// itself. Windows runs only files ending in .exe.
func (p platform) binaryName(version string) string {
	name := fmt.Sprintf("coachbook-%s-%s-%s", version, p.OS, p.Arch)
	if p.OS == "windows" {
		name += ".exe"
	}
	return name
}

// parsePlatforms picks the platforms named in a comma-separated list such
// as "linux/amd64,darwin/arm64"; each must be one a release is built for.
func parsePlatforms(list []string) ([]platform, error) {
	var picked []platform
	for _, name := range list {
		found := false
		for _, p := range platforms {
			if p.String() == name {
				picked = append(picked, p)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("%q is not a platform a release is built for; they are %v", name, platforms)
		}
	}
	return picked, nil
}
