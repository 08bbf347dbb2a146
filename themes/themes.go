// Package themes holds the themes built into coachbook, so that an
// installed binary can build a site in any folder.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var builtIn embed.FS

// Default returns the default theme: layouts/ holds its html/template
// layouts, assets/ its stylesheet and script, static/ files copied as they
// are, and archetypes/ the starting points of `coachbook new`.
func Default() fs.FS {
	sub, err := fs.Sub(builtIn, "default")
	if err != nil {
		panic(err) // The embedded tree always has this folder.
	}
	return sub
}
