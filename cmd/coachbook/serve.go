package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"coachbook/generator"
	"coachbook/generator/devserver"
)

const serveUsage = `Usage:
  coachbook serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--drafts] [--baseURL URL] [--allow-host NAME]
                  [--strict] [--editor URL]

Serves the site in --source as you edit it. Every save rebuilds what it
changed and reloads the open pages; errors and warnings show in the
browser and here. With --strict, warnings are errors, as in build --strict.
The site is built in memory: public/ is never touched. Ctrl-C stops.

--editor (or the COACHBOOK_EDITOR environment variable) makes each file
named in the browser a link that opens it in your editor. It is a URL
with placeholders: {abs} the file's absolute path, {path} its path in the
site, {line} and {col}. For example:
  VS Code    vscode://file/{abs}:{line}:{col}
  JetBrains  idea://open?file={abs}&line={line}
  Sublime    subl://open?url=file://{abs}&line={line}

It answers requests for localhost, IP addresses, the --bind address and
the host of --baseURL; any other host name must be named with --allow-host,
so that no web page can read the site by pointing its own name here.
`

// serveCommand is 'coachbook serve'.
type serveCommand struct {
	stdout io.Writer
}

// Run serves the site until ctx ends.
func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("serve", serveUsage, c.stdout)
	cfg := devserver.Config{Log: c.stdout}
	fs.StringVar(&cfg.Source, "source", ".", "the site `folder`, holding content/")
	fs.IntVar(&cfg.Port, "port", 1313, "the `port` to serve on; the next free one if it is busy")
	fs.StringVar(&cfg.Bind, "bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 lets other devices connect")
	fs.BoolVar(&cfg.Drafts, "drafts", false, "include pages marked draft")
	fs.StringVar(&cfg.BaseURL, "baseURL", "", "the `URL` to serve the site under (default: the server's own address)")
	fs.BoolVar(&cfg.Strict, "strict", false, "treat warnings as errors, shown in the browser until fixed")
	fs.StringVar(&cfg.Editor, "editor", "", "a `URL` that opens a file in your editor, such as vscode://file/{abs}:{line}:{col} (default: $COACHBOOK_EDITOR)")
	fs.Func("allow-host", "also answer requests for the host `NAME` (several: comma-separated or repeated)", func(names string) error {
		for name := range strings.SplitSeq(names, ",") {
			name = strings.TrimSpace(name)
			if name == "" || strings.ContainsAny(name, "/@?#* \t") {
				return fmt.Errorf("%q is not a host name (such as coach-laptop.local)", name)
			}
			cfg.AllowHosts = append(cfg.AllowHosts, name)
		}
		return nil
	})
	if err := fs.parse(args); err != nil {
		return err
	}
	if cfg.BaseURL != "" {
		if _, err := generator.NormalizeBaseURL(cfg.BaseURL); err != nil {
			return usageError{"serve: --baseURL: " + err.Error()}
		}
	}
	editorFrom := "--editor"
	if cfg.Editor == "" {
		cfg.Editor, editorFrom = os.Getenv("COACHBOOK_EDITOR"), "COACHBOOK_EDITOR"
	}
	if cfg.Editor != "" {
		if err := devserver.CheckEditor(cfg.Editor); err != nil {
			return usageError{"serve: " + editorFrom + ": " + err.Error()}
		}
	}
	if cfg.Port < 0 || cfg.Port > 65535 {
		return usageError{"serve: --port must be between 0 and 65535"}
	}
	defer generator.LimitServeMemory()()
	return devserver.Run(ctx, cfg)
}
