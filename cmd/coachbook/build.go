package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"coachbook/generator"
	"coachbook/generator/devserver"
	"coachbook/generator/diag"
)

const buildUsage = `Usage:
  coachbook build [--source DIR] [--dest DIR] [--baseURL URL] [--drafts] [--strict] [--quiet]

Builds the site in --source into --dest. The previous output is replaced
only when the build succeeds; on any error it is left as it was.

Warnings (problems that do not stop the build) print after it, and the
summary counts them. --strict, for CI, turns them into errors: the build
fails and the previous output stays.
`

// buildCommand is 'coachbook build'.
type buildCommand struct {
	stdout, stderr io.Writer
}

// Run builds the site.
func (c *buildCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("build", buildUsage, c.stdout)
	opts := generator.Options{}
	fs.StringVar(&opts.Source, "source", ".", "the site `folder`, holding content/")
	fs.StringVar(&opts.Dest, "dest", "", "the output `folder` (default: public/ in the site folder)")
	fs.StringVar(&opts.BaseURL, "baseURL", "", "the `URL` the site is served from, such as https://example.edu/career/")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft")
	fs.BoolVar(&opts.Strict, "strict", false, "treat warnings as errors: the build fails and the previous output stays (for CI)")
	quiet := fs.Bool("quiet", false, "print nothing when the build succeeds")
	if err := fs.parse(args); err != nil {
		return err
	}
	if opts.BaseURL != "" {
		if _, err := generator.NormalizeBaseURL(opts.BaseURL); err != nil {
			return usageError{"build: --baseURL: " + err.Error()}
		}
	}
	generator.LimitMemory()
	stats, err := generator.Build(ctx, opts)
	if err != nil {
		return reportBuildError(c.stderr, err, opts.Destination())
	}
	// Warnings print even with --quiet: they are what the site shows
	// wrong, such as words missing from a language, not news of success.
	printWarnings(c.stderr, stats.Warnings)
	if !*quiet {
		fmt.Fprintf(c.stdout, "Built %d pages (%d files) into %s in %d ms%s.\n",
			stats.Pages, stats.Files, opts.Destination(), stats.Duration.Milliseconds(), devserver.WithWarnings(len(stats.Warnings)))
	}
	return nil
}

// printWarnings prints each warning on its own line, as compilers do:
// file: warning: what.
func printWarnings(w io.Writer, warnings []error) {
	for _, warning := range warnings {
		fmt.Fprintln(w, warning)
	}
}

// reportBuildError prints each positioned error on its own line, as
// compilers do, and returns the one-line summary.
func reportBuildError(w io.Writer, err error, dest string) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("build interrupted; %s was left as it was", dest)
	}
	var list diag.List
	if !errors.As(err, &list) {
		return fmt.Errorf("build failed: %w", err)
	}
	warnings := 0
	for _, e := range list {
		fmt.Fprintln(w, e)
		if diag.IsWarning(e) {
			warnings++
		}
	}
	// Under --strict a build may fail of warnings alone: say so, rather
	// than count as errors lines that say "warning".
	what := countOf(len(list)-warnings, "error", "errors")
	switch {
	case warnings > 0 && warnings == len(list):
		what = countOf(warnings, "warning", "warnings") + " (--strict)"
	case warnings > 0:
		what += " and " + countOf(warnings, "warning", "warnings") + " (--strict)"
	}
	return fmt.Errorf("build failed with %s; %s was left as it was", what, dest)
}

// countOf writes n with the noun in its number.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
