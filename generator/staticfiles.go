package generator

import (
	"fmt"
	"io"
	"os"
	"strings"

	"coachbook/generator/diag"
)

// copyFiles copies the theme's and site's static/ files, then content/'s
// files that are not Markdown, to the same paths in the output.
func (b *builder) copyFiles(content []sourceFile) {
	for _, file := range b.theme.list("static") {
		out := strings.TrimPrefix(file, "static/")
		b.copyFile(out, b.theme.pos(file), func() (io.ReadCloser, error) { return b.theme.open(file) })
	}
	for _, f := range content {
		b.copyFile(f.rel, contentPos(f.rel), func() (io.ReadCloser, error) { return openFile(f.path, os.O_RDONLY, 0) })
	}
}

func (b *builder) copyFile(out string, by diag.Position, open func() (io.ReadCloser, error)) {
	if err := b.out.claim(out, by); err != nil {
		b.fail(err)
		return
	}
	r, err := open()
	if err == nil {
		err = b.writeChecked(out, by, r)
		r.Close()
	}
	if err != nil {
		b.fail(fmt.Errorf("%s: %w", by, err))
	}
}

// checkLogo checks that the logo the settings name is among the static
// files, and gives the site its URL.
func (b *builder) checkLogo() {
	s := b.site
	if s.logoFile == "" {
		return
	}
	if _, ok := b.theme.files["static/"+s.logoFile]; !ok {
		b.fail(diag.Errorf(s.logoPos, "logo %q not found: put the image at static/%s", s.logoFile, s.logoFile))
		return
	}
	s.Logo = s.url(escapePath(s.logoFile))
}
