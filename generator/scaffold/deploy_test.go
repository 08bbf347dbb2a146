package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// A new site comes with a GitHub Pages workflow and a netlify.toml that
// parse, build coachbook from its source at the version that wrote them,
// build the site with --strict for the address it is published at, and
// publish public/.
func TestNewSiteWritesDeploymentFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	c := Coachbook{Source: "https://git.example.org/coachbook.git", Version: "v1.4.2", GoVersion: "1.26.8"}
	written, err := NewSite(Site{Dir: dir, Starter: "blank", Language: "en", Coachbook: c})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{".github/workflows/pages.yml", "netlify.toml", ".gitignore"} {
		if !strings.Contains(strings.Join(written, "\n"), f) {
			t.Errorf("NewSite wrote %q, without %s", written, f)
		}
	}

	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		On          map[string]any    `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Env         map[string]string `yaml:"env"`
		Jobs        map[string]struct {
			Needs       string         `yaml:"needs"`
			Environment map[string]any `yaml:"environment"`
			Steps       []struct {
				ID   string            `yaml:"id"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &workflow); err != nil {
		t.Fatalf("pages.yml: %v\n%s", err, data)
	}
	if workflow.Env["COACHBOOK_SOURCE"] != c.Source || workflow.Env["COACHBOOK_VERSION"] != c.Version {
		t.Errorf("pages.yml env = %v, want the source and version of the coachbook that wrote it", workflow.Env)
	}
	if workflow.Permissions["pages"] != "write" || workflow.Permissions["id-token"] != "write" {
		t.Errorf("pages.yml permissions = %v, want pages and id-token: write", workflow.Permissions)
	}
	if _, ok := workflow.On["push"]; !ok {
		t.Errorf("pages.yml does not run on push: %v", workflow.On)
	}
	uses := map[string]string{} // action name without version -> the job it is in
	var runs []string
	for name, job := range workflow.Jobs {
		for _, step := range job.Steps {
			if step.Uses != "" {
				action, _, _ := strings.Cut(step.Uses, "@")
				uses[action] = name
			}
			if step.Uses == "" && step.Run == "" {
				t.Errorf("pages.yml: job %s has a step that does nothing", name)
			}
			if strings.HasPrefix(step.Uses, "actions/upload-pages-artifact") && step.With["path"] != "public" {
				t.Errorf("pages.yml uploads %q, want public", step.With["path"])
			}
			runs = append(runs, step.Run)
		}
	}
	for action, job := range map[string]string{
		"actions/checkout": "build", "actions/setup-go": "build", "actions/configure-pages": "build",
		"actions/upload-pages-artifact": "build", "actions/deploy-pages": "deploy",
	} {
		if uses[action] != job {
			t.Errorf("pages.yml: %s is in the job %q, want %q", action, uses[action], job)
		}
	}
	if workflow.Jobs["deploy"].Needs != "build" || workflow.Jobs["deploy"].Environment["name"] != "github-pages" {
		t.Errorf("pages.yml: the deploy job does not follow build in the github-pages environment")
	}
	if all := strings.Join(runs, "\n"); !strings.Contains(all, `coachbook" build --strict --baseURL "${{ steps.pages.outputs.base_url }}/"`) ||
		!strings.Contains(all, `"$COACHBOOK_SOURCE"`) {
		t.Errorf("pages.yml does not build coachbook from COACHBOOK_SOURCE and the site with --strict for the Pages address:\n%s", all)
	}

	data, err = os.ReadFile(filepath.Join(dir, "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var netlify struct {
		Build struct {
			Command     string            `toml:"command"`
			Publish     string            `toml:"publish"`
			Environment map[string]string `toml:"environment"`
		} `toml:"build"`
	}
	if err := toml.Unmarshal(data, &netlify); err != nil {
		t.Fatalf("netlify.toml: %v\n%s", err, data)
	}
	if netlify.Build.Publish != "public" {
		t.Errorf("netlify.toml publishes %q, want public", netlify.Build.Publish)
	}
	if !strings.Contains(netlify.Build.Command, `/tmp/coachbook build --strict --baseURL "$URL/"`) ||
		!strings.Contains(netlify.Build.Command, `"$COACHBOOK_SOURCE"`) {
		t.Errorf("netlify.toml's command does not build coachbook and the site with --strict: %s", netlify.Build.Command)
	}
	if env := netlify.Build.Environment; env["COACHBOOK_SOURCE"] != c.Source || env["COACHBOOK_VERSION"] != c.Version || env["GO_VERSION"] != "1.26.8" {
		t.Errorf("netlify.toml environment = %v", env)
	}
}

// A coachbook built from source, not by a release, knows neither its
// repository nor a tag: the files name a placeholder to replace, and build
// the newest source.
func TestDeploymentFilesWithoutARelease(t *testing.T) {
	for _, c := range []Coachbook{
		{},
		{Source: "git@example.org:coachbook.git", Version: "v1.4.2-3-gabc1234-dirty", GoVersion: "devel go1.27"},
		{Source: `https://example.org/"; rm -rf ~`, Version: "dev"},
	} {
		files := deploymentFiles(c)
		var workflow struct {
			Env map[string]string `yaml:"env"`
		}
		if err := yaml.Unmarshal(files[".github/workflows/pages.yml"], &workflow); err != nil {
			t.Fatal(err)
		}
		if workflow.Env["COACHBOOK_SOURCE"] != placeholderSource || workflow.Env["COACHBOOK_VERSION"] != "" {
			t.Errorf("%+v: pages.yml env = %v, want the placeholder and no version", c, workflow.Env)
		}
		var netlify map[string]any
		if err := toml.Unmarshal(files["netlify.toml"], &netlify); err != nil {
			t.Fatalf("%+v: netlify.toml: %v", c, err)
		}
	}
}

// new site never overwrites a file: a site that has its own workflow or
// netlify.toml keeps it, and nothing else is written.
func TestNewSiteKeepsExistingDeploymentFiles(t *testing.T) {
	for _, existing := range []string{".github/workflows/pages.yml", "netlify.toml"} {
		dir := filepath.Join(t.TempDir(), "site")
		file := filepath.Join(dir, filepath.FromSlash(existing))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte("mine\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := NewSite(Site{Dir: dir, Starter: "career", Language: "en"})
		if err == nil || !strings.Contains(err.Error(), "refusing to overwrite "+existing) {
			t.Errorf("NewSite over an existing %s: %v", existing, err)
		}
		if data, _ := os.ReadFile(file); string(data) != "mine\n" {
			t.Errorf("NewSite changed the existing %s to %q", existing, data)
		}
		if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
			t.Errorf("NewSite wrote content/ beside an existing %s", existing)
		}
	}
}
