package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"coachbook/generator/scaffold"
)

// newUsage is the help text; the kinds are the default theme's archetypes.
const newUsage = `Usage:
  coachbook new site DIR [--language LANG]
  coachbook new workbook PATH [--kind KIND] [--source DIR]

'new site' writes a working site into DIR: settings, one collection and
one workbook, in the language LANG (a tag such as fr or fr-CA: its
interface, titles and starter text; English unless told). 'new workbook'
writes a workbook at content/PATH.md from an archetype; its title comes
from the file name. Neither overwrites a file.

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
	fs := newFlagSet("new", fmt.Sprintf(newUsage, strings.Join(kinds, ", "), strings.Join(scaffold.StarterLanguages(), ", ")), c.stdout)
	kind := fs.String("kind", scaffold.DefaultKind, "the workbook's `kind`, from archetypes/KIND.md in the theme or the site")
	source := fs.String("source", ".", "the site `folder`, for new workbook")
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
		if err := scaffold.CheckStarterLanguage(*language); err != nil {
			return usageError{fmt.Sprintf("new: %s\nRun 'coachbook new -h' for usage.", err)}
		}
		files, err := scaffold.NewSite(positional[1], *language)
		if err != nil {
			return err
		}
		for _, f := range files {
			fmt.Fprintf(c.stdout, "Created %s\n", f)
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
