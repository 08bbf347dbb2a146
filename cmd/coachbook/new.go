package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"

	"coachbook/generator/scaffold"
)

// newUsage is the help text; the kinds are the default theme's archetypes.
const newUsage = `Usage:
  coachbook new site DIR [--starter STARTER] [--language LANG]
  coachbook new workbook PATH [--kind KIND] [--source DIR]

'new site' writes a working site into DIR: settings and the starter's
workbooks, in the language LANG (a tag such as fr or fr-CA: its
interface, titles and starter text; English unless told), with a
.gitignore and files to publish it on GitHub Pages
(.github/workflows/pages.yml) or Netlify (netlify.toml). The starters:
career (the default) prepares a coaching session; therapy is homework
between therapy sessions; blank is one workbook with one field. 'new workbook'
writes a workbook at content/PATH.md from an archetype; its title comes
from the file name. Neither overwrites a file.

Starters: %s
Kinds: %s
Languages with starter content: %s
`

// newCommand is 'coachbook new'.
type newCommand struct {
	stdout io.Writer
}

// Run writes a new site or workbook.
func (c *newCommand) Run(_ context.Context, args []string) error {
	kinds, err := scaffold.Kinds("")
	if err != nil {
		return err
	}
	fs := newFlagSet("new", fmt.Sprintf(newUsage, strings.Join(scaffold.Starters(), ", "), strings.Join(kinds, ", "), strings.Join(scaffold.StarterLanguages(), ", ")), c.stdout)
	kind := fs.String("kind", scaffold.DefaultKind, "the workbook's `kind`, from archetypes/KIND.md in the theme or the site")
	source := fs.String("source", ".", "the site `folder`, for new workbook")
	starter := fs.String("starter", scaffold.DefaultStarter, "the new site's starting content: `STARTER` is "+strings.Join(scaffold.Starters(), ", "))
	language := fs.String("language", "en", "the new site's language: a `LANG` tag with starter content, such as fr or fr-CA")
	// Flags may follow the arguments, as in 'new workbook x --kind star'.
	var positional []string
	for len(args) > 0 {
		if err := fs.FlagSet.Parse(args); err != nil {
			return fs.parse(args) // Reports the error, or prints -h.
		}
		args = fs.Args()
		if len(args) > 0 {
			positional = append(positional, args[0])
			args = args[1:]
		}
	}
	switch {
	case len(positional) == 2 && positional[0] == "site":
		for _, err := range []error{scaffold.CheckStarter(*starter), scaffold.CheckStarterLanguage(*language)} {
			if err != nil {
				return usageError{fmt.Sprintf("new: %s\nRun 'coachbook new -h' for usage.", err)}
			}
		}
		files, err := scaffold.NewSite(scaffold.Site{
			Dir:       positional[1],
			Starter:   *starter,
			Language:  *language,
			Coachbook: scaffold.Coachbook{Source: sourceRepository, Version: version, GoVersion: strings.TrimPrefix(runtime.Version(), "go")},
		})
		if err != nil {
			return err
		}
		for _, f := range files {
			fmt.Fprintf(c.stdout, "Created %s\n", f)
		}
		if sourceRepository == "" {
			fmt.Fprintf(c.stdout, "\nTo publish with GitHub Pages or Netlify, first set COACHBOOK_SOURCE in\n.github/workflows/pages.yml and netlify.toml to the address of coachbook's\nsource: this coachbook was not built by a release, which writes it in.\n")
		}
		fmt.Fprintf(c.stdout, "\nNext: cd %s && coachbook serve\n", positional[1])
		return nil
	case len(positional) == 2 && positional[0] == "workbook":
		file, err := scaffold.NewWorkbook(*source, positional[1], *kind)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Created %s\n", file)
		return nil
	}
	return usageError{"new: expected 'new site DIR' or 'new workbook PATH'\nRun 'coachbook new -h' for usage."}
}
