package scaffold

import (
	"regexp"
	"strings"
)

// Coachbook is where a new site's deployment files get coachbook from: they
// build it from its source, since a hosting service's machine has no
// coachbook of its own.
type Coachbook struct {
	// Source is the address of coachbook's git repository, which the
	// release stamps in; "" writes a placeholder for the coach to fill in.
	Source string
	// Version is the coachbook that writes the site; a release tag such as
	// v1.2.0 pins the deployment to it, anything else builds the newest
	// source.
	Version string
	// GoVersion is the Go that Netlify installs, such as 1.26.8: the one
	// this coachbook was built with, known to build it.
	GoVersion string
}

// placeholderSource stands for coachbook's repository when the binary does
// not know it (a build from source rather than a release).
const placeholderSource = "https://github.com/YOUR-ORGANISATION/coachbook"

// releaseTag is a version a deployment can pin: a tag, not a commit
// between tags (v1.2.0-3-gabc1234), a changed checkout (-dirty) or "dev".
var releaseTag = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-(alpha|beta|rc)\.?[0-9]*)?$`)

// sourceShape is an address the files can name as coachbook's source: a
// web address without spaces, quotes or backslashes, which would need
// escaping in YAML, TOML or the shell.
var sourceShape = regexp.MustCompile(`^https?://[^\s"'\\$` + "`" + `]+$`)

// goVersionShape is a Go release such as 1.26.8.
var goVersionShape = regexp.MustCompile(`^[0-9]+\.[0-9]+(\.[0-9]+)?$`)

// tomlText writes s as a TOML string; s holds no control character.
func tomlText(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// deploymentFiles are a new site's files for publishing it: a GitHub
// Actions workflow for GitHub Pages and netlify.toml for Netlify. Both
// build coachbook from its source, then the site with --strict, so that a
// warning stops the publication rather than reaching clients.
func deploymentFiles(c Coachbook) map[string][]byte {
	source := c.Source
	if !sourceShape.MatchString(source) {
		source = placeholderSource
	}
	version := ""
	if releaseTag.MatchString(c.Version) {
		version = c.Version
	}
	goVersion := c.GoVersion
	if !goVersionShape.MatchString(goVersion) {
		goVersion = "stable"
	}
	workflow := strings.NewReplacer(
		"@SOURCE@", yamlText(source),
		"@VERSION@", yamlText(version),
	).Replace(pagesWorkflow)
	netlify := strings.NewReplacer(
		"@SOURCE@", tomlText(source),
		"@VERSION@", tomlText(version),
		"@GO@", tomlText(goVersion),
	).Replace(netlifyConfig)
	return map[string][]byte{
		".github/workflows/pages.yml": []byte(workflow),
		"netlify.toml":                []byte(netlify),
	}
}

// pagesWorkflow publishes the site on GitHub Pages; @SOURCE@ and @VERSION@
// are replaced with quoted YAML strings.
const pagesWorkflow = `# Publishes the site on GitHub Pages at every push to the main branch.
# Once, in the repository on GitHub: Settings > Pages > Source: GitHub Actions.
# It builds coachbook from its source, then the site with --strict, so that
# a warning stops the publication instead of reaching your clients.
name: Publish on GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # Where coachbook's source is (a git repository), and the version to
  # build: a tag such as v1.2.0, or "" for the newest.
  COACHBOOK_SOURCE: @SOURCE@
  COACHBOOK_VERSION: @VERSION@

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Get the site
        uses: actions/checkout@v4
      - name: Get coachbook's source
        run: git clone --depth 1 ${COACHBOOK_VERSION:+--branch "$COACHBOOK_VERSION"} "$COACHBOOK_SOURCE" "$RUNNER_TEMP/coachbook-source"
      - name: Install Go
        uses: actions/setup-go@v5
        with:
          go-version-file: ${{ runner.temp }}/coachbook-source/go.mod
          cache: false
      - name: Build coachbook
        working-directory: ${{ runner.temp }}/coachbook-source
        run: go build -o "$RUNNER_TEMP/coachbook" ./cmd/coachbook && "$RUNNER_TEMP/coachbook" version
      - name: Find the site's address
        id: pages
        uses: actions/configure-pages@v5
      - name: Build the site
        run: '"$RUNNER_TEMP/coachbook" build --strict --baseURL "${{ steps.pages.outputs.base_url }}/"'
      - name: Upload the site
        uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Publish
        id: deployment
        uses: actions/deploy-pages@v4
`

// netlifyConfig builds the site on Netlify; @SOURCE@, @VERSION@ and @GO@
// are replaced with quoted TOML strings.
const netlifyConfig = `# Netlify builds and publishes the site at every push: in Netlify, choose
# Add new site > Import an existing project and pick this repository; these
# settings fill in the rest. It builds coachbook from its source, then the
# site with --strict, so that a warning stops the publication instead of
# reaching your clients.
[build]
  command = "git clone --depth 1 ${COACHBOOK_VERSION:+--branch \"$COACHBOOK_VERSION\"} \"$COACHBOOK_SOURCE\" /tmp/coachbook-source && (cd /tmp/coachbook-source && go build -o /tmp/coachbook ./cmd/coachbook) && /tmp/coachbook build --strict --baseURL \"$URL/\""
  publish = "public"

[build.environment]
  # Where coachbook's source is (a git repository), and the version to
  # build: a tag such as v1.2.0, or "" for the newest.
  COACHBOOK_SOURCE = @SOURCE@
  COACHBOOK_VERSION = @VERSION@
  # The Go that builds coachbook.
  GO_VERSION = @GO@
`
