package themes_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"coachbook/generator"
	"coachbook/themes"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// update rewrites docs/cheatsheet.md and its pictures, as -update rewrites
// the generator's golden files:
//
//	CI=true go test ./themes -run TestCheatsheet -update
var update = flag.Bool("update", false, "rewrite docs/cheatsheet.md and the pictures in docs/cheatsheet/")

// cheatsheetDoc and cheatsheetPictures are where the cheat sheet lives,
// from this package's folder.
const (
	cheatsheetDoc      = "../docs/cheatsheet.md"
	cheatsheetPictures = "../docs/cheatsheet"
)

// cheatsheetWidth is the window the pictures are taken in: as wide as a
// phone on its side, so that a picture reads well beside the text on
// GitHub and every layout shows as it does on a small screen.
const cheatsheetWidth = 640

// cheatEntries lists every entry of the cheat sheet, in order.
func cheatEntries() []cheatEntry {
	var all []cheatEntry
	for _, s := range cheatSections {
		all = append(all, s.entries...)
	}
	return all
}

// cheatKinds lists what a coach can write, from the code's own tables: the
// field kinds the build defines, and the exercise types, displays and
// callouts the default theme has layouts for. Layouts whose names start
// with "_" are partials.
func cheatKinds(t *testing.T) []string {
	t.Helper()
	var kinds []string
	for _, k := range generator.FieldKinds() {
		kinds = append(kinds, "fields/"+k)
	}
	for _, folder := range []string{"exercises", "displays", "callouts"} {
		files, err := fs.ReadDir(themes.Default(), "layouts/"+folder)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if name, ok := strings.CutSuffix(f.Name(), ".html"); ok && !strings.HasPrefix(name, "_") {
				kinds = append(kinds, folder+"/"+name)
			}
		}
	}
	return kinds
}

// cheatsheetMarkdown is docs/cheatsheet.md as the table makes it.
func cheatsheetMarkdown() string {
	var b strings.Builder
	b.WriteString(cheatsheetIntro)
	for _, s := range cheatSections {
		fmt.Fprintf(&b, "\n## %s\n", s.heading)
		if s.intro != "" {
			fmt.Fprintf(&b, "\n%s\n", s.intro)
		}
		for _, e := range s.entries {
			fmt.Fprintf(&b, "\n### %s (`%s`)\n\n", e.title, e.name)
			if e.more != "" {
				fmt.Fprintf(&b, "%s\n\n", e.more)
			}
			fmt.Fprintf(&b, "```markdown\n%s\n```\n\n", e.markdown)
			fmt.Fprintf(&b, "![%s](cheatsheet/%s.png)\n", e.title, e.name)
		}
	}
	b.WriteString(cheatsheetOutro)
	return b.String()
}

const cheatsheetIntro = `# Cheat sheet: what to write, and what your clients see

<!-- Made by themes/cheatsheet_test.go; do not edit. To change it, change
the table there and run: CI=true go test ./themes -run TestCheatsheet -update -->

A workbook is a plain text file in the ` + "`content/`" + ` folder, ending in
` + "`.md`" + `; any text editor will do. It starts with its title between
two ` + "`---`" + ` lines. After that, write as you would an email: leave a
blank line between paragraphs, and start a heading with ` + "`#`" + `.
A line that starts with ` + "`::`" + ` puts a question on the page:

` + "```markdown" + `
---
title: Before your first session
---
A few questions to think about before we meet.

::text[What would you like to leave with?]{#hope}
` + "```" + `

In that line:

- ` + "`text`" + ` says what kind of answer it takes: the kinds are below.
- The words in ` + "`[square brackets]`" + ` are the question, as your client reads it.
- ` + "`{#hope}`" + ` names the answer. Your client's answer is kept under this
  name, so give each question a name of its own (letters, digits and ` + "`-`" + `),
  and keep the name when you reword the question.
- You can add more inside the ` + "`{ }`" + `, separated by spaces:
  ` + "`optional`" + ` (a question that need not be answered),
  ` + "`hint=\"Think of last week\"`" + ` (a line of help under the question),
  and the others each kind lists below.

A line that starts with ` + "`:::`" + ` opens a box that holds the lines after
it, and a line of ` + "`:::`" + ` alone closes it.

Each picture shows what the lines above it make, in the real theme, on a
small screen. Every detail is in [the full reference](exercises.md).
`

const cheatsheetOutro = `
## When something is wrong

If a line has a mistake, coachbook says which file, which line and what
to change, such as
` + "`content/before/drive.md:12:1: text needs an ID …`" + ` (line 12, the
first character). A mistake that stops the build leaves what your clients
see as it was until the site builds again.
`

// TestCheatsheetDoc checks that docs/cheatsheet.md is what the table
// makes, that every kind a coach can write has an entry, and that every
// entry's Markdown builds without an error or a warning. It needs no
// browser; TestCheatsheetPictures checks the pictures.
func TestCheatsheetDoc(t *testing.T) {
	t.Parallel()
	entries := cheatEntries()
	have := map[string]bool{}
	names := map[string]bool{}
	for _, e := range entries {
		if e.name == "" || e.title == "" || e.markdown == "" {
			t.Errorf("entry %q needs a name, a title and its Markdown", e.name)
		}
		if names[e.name] {
			t.Errorf("two entries are named %q", e.name)
		}
		names[e.name] = true
		if e.kind != "" {
			have[e.kind] = true
		}
	}
	kinds := cheatKinds(t)
	for _, k := range kinds {
		if !have[k] {
			t.Errorf("the cheat sheet has no entry for %s: add one to cheatSections in themes/cheatsheet_entries_test.go", k)
		}
	}
	for k := range have {
		if !slices.Contains(kinds, k) {
			t.Errorf("the cheat sheet has an entry for %s, which the build no longer knows", k)
		}
	}

	// Every example builds, with no warning even under Strict.
	stats, err := generator.Build(context.Background(), generator.Options{
		Source: writeSite(t, cheatsheetSite()), Dest: filepath.Join(t.TempDir(), "public"), Strict: true,
	})
	if err != nil {
		t.Errorf("the cheat sheet's examples do not build: %v", err)
	}
	for _, w := range stats.Warnings {
		t.Errorf("the cheat sheet's examples build with a warning: %v", w)
	}

	want := cheatsheetMarkdown()
	if *update {
		if err := os.WriteFile(cheatsheetDoc, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(cheatsheetDoc)
	if err != nil {
		t.Fatalf("%v: make it with -update", err)
	}
	if string(got) != want {
		t.Errorf("docs/cheatsheet.md is not what the table in themes/cheatsheet_entries_test.go makes; run CI=true go test ./themes -run TestCheatsheet -update\n%s", firstDifference(string(got), want))
	}
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d is %q, want %q", i+1, gl, wl)
		}
	}
	return ""
}

// cheatsheetSite is a site with one workbook for each entry, named after
// it, holding just its Markdown.
func cheatsheetSite() map[string]string {
	files := map[string]string{"content/session/agenda.md": cheatRecallSource}
	for _, e := range cheatEntries() {
		files["content/"+e.name+".md"] = "---\ntitle: " + strconv.Quote(e.title) + "\n---\n" + e.markdown + "\n"
	}
	return files
}

// TestCheatsheetPictures opens each entry's page in the default theme and
// checks that its picture is a PNG of what the page shows: with -update it
// takes the picture. It compares the picture's size with the size of what
// it shows, never its pixels: fonts and anti-aliasing differ from one
// Chromium to the next, so a pixel-exact comparison would fail on a
// machine that renders the same page a pixel differently. What the
// picture shows cannot drift from the Markdown beside it, which is the
// page's whole body.
func TestCheatsheetPictures(t *testing.T) {
	t.Parallel()
	b := openBuilds(t, map[string]generator.Options{
		basePath: {Source: writeSite(t, cheatsheetSite()), BaseURL: basePath, Strict: true},
	}, 10*time.Minute)
	// A light theme and a fixed window, one CSS pixel to a pixel, with
	// no animation halfway through.
	b.do(chromedp.EmulateViewport(cheatsheetWidth, 800, chromedp.EmulateScale(1)))
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: "light"},
		{Name: "prefers-reduced-motion", Value: "reduce"},
	}}); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(cheatsheetPictures, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	wanted := map[string]bool{}
	total := 0
	for _, e := range cheatEntries() {
		file := filepath.Join(cheatsheetPictures, e.name+".png")
		wanted[e.name+".png"] = true
		b.do(chromedp.Navigate(b.url(e.name+"/")), chromedp.WaitReady(chromedp.CSS(".prose")))
		// The runtime has started once the page's own tools show; a page
		// of callouts alone has none.
		waitFor(b, `document.readyState === 'complete' && (!document.getElementById('coachbook-manifest') || !document.querySelector('[data-action=export]').hidden)`)
		if e.answer != "" {
			b.do(chromedp.Evaluate[chromedp.Void](e.answer))
			// Once saved, the page's "Saved" would stand beside the
			// answer; the picture shows the question, not the save.
			waitFor(b, saved)
			b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-save-status]').hidden = true`))
		}
		b.do(chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`))
		b.do(chromedp.Evaluate[chromedp.Void](`document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))`, chromedp.EvalAwaitPromise))
		box := eval[[]int](b, cheatsheetBox)
		if *update {
			shot, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.CSS(".prose")))
			if err != nil {
				t.Fatalf("%s: %v", e.name, err)
			}
			small, err := smallPNG(shot)
			if err != nil {
				t.Fatalf("%s: %v", e.name, err)
			}
			if err := os.WriteFile(file, small, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v: take the pictures with -update", e.name, err)
			continue
		}
		total += len(data)
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s is not a PNG: %v", file, err)
			continue
		}
		if cfg.Width != box[0] || cfg.Height != box[1] {
			t.Errorf("%s is %d×%d, but what it shows is %d×%d now: take it again with -update", file, cfg.Width, cfg.Height, box[0], box[1])
		}
	}
	// No picture is left over from an entry that has gone.
	files, err := os.ReadDir(cheatsheetPictures)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !wanted[f.Name()] {
			t.Errorf("%s belongs to no entry of the cheat sheet: remove it", path.Join("docs/cheatsheet", f.Name()))
		}
	}
	t.Logf("%d pictures, %d bytes in all", len(wanted), total)
}

// cheatsheetBox is the size, in whole pixels, of the picture chromedp
// takes of the page's body: it rounds the box's corner and keeps its far
// edge where it was.
const cheatsheetBox = `(() => {
	const e = document.querySelector('.prose').getBoundingClientRect(), d = document.documentElement.getBoundingClientRect();
	const x = e.left - d.left, y = e.top - d.top;
	return [Math.round(e.width + x - Math.round(x)), Math.round(e.height + y - Math.round(y))];
})()`

// cheatFill is JavaScript that writes values into the controls sel finds,
// in order, as a client typing or choosing them would.
func cheatFill(sel string, values ...string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = strconv.Quote(v)
	}
	return `(() => { const values = [` + strings.Join(quoted, ", ") + `];
		document.querySelectorAll(` + strconv.Quote(sel) + `).forEach((el, i) => {
			if (i >= values.length) return;
			el.value = values[i];
			el.dispatchEvent(new Event('input', {bubbles: true}));
			el.dispatchEvent(new Event('change', {bubbles: true}));
		}) })()`
}

// smallPNG re-encodes a screenshot with at most 256 colours, at the best
// compression, so that the pictures in the repository stay small.
func smallPNG(shot []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return nil, fmt.Errorf("reading the screenshot: %w", err)
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, quantize(img)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
