package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"coachbook/generator/diag"
	"coachbook/themes"

	"github.com/tdewolff/minify/v2"
)

// themeFile is one file of the theme after the site's overrides.
type themeFile struct {
	fsys    fs.FS
	name    string // path inside fsys
	display string // path shown in errors
}

// theme is the default or named theme with the site's own layouts/,
// assets/ and static/ laid over it.
type theme struct {
	files map[string]themeFile // by path relative to the theme root
	site  *os.Root             // the site folder, which the files are read through
	// wordFiles are the files of i18n/ of every layer, the built-in
	// theme's first and the site's last: unlike layouts, words files are
	// laid over each other key by key, so none hides another.
	wordFiles []themeFile
}

var themeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// loadTheme finds the site's theme and lays the site's files over it. Site
// files are read through an os.Root, so a symbolic link cannot reach
// outside the site.
func loadTheme(root string, s *site) (*theme, error) {
	if !themeName.MatchString(s.theme) {
		return nil, diag.Errorf(s.themePos, "theme %q must be the name of a folder in themes/, such as \"plain\"", s.theme)
	}
	siteRoot, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	t := &theme{files: map[string]themeFile{}, site: siteRoot}
	siteFS := siteRoot.FS()
	base, baseDisplay, baseDir := themes.Default(), "themes/default/", ""
	local := path.Join(folderThemes, s.theme)
	if info, err := fs.Stat(siteFS, local); err == nil && info.IsDir() {
		base, _ = fs.Sub(siteFS, local)
		baseDisplay, baseDir = local+"/", filepath.Join(root, local)
	} else if s.theme != "default" {
		t.close()
		return nil, diag.Errorf(s.themePos,
			"theme %q not found: there is no folder themes/%s in the site", s.theme, s.theme)
	}
	type layer struct {
		fsys    fs.FS
		display string
		folders []string
		dir     string // where the layer is on disk, "" for the built-in theme
	}
	layers := []layer{{base, baseDisplay, themeFolders(), baseDir}, {siteFS, "", themeFolders(), root}}
	if baseDisplay != "themes/default/" {
		// Every theme inherits the default directive layouts, so a theme
		// need only restyle the directives it wants to, and the book
		// pages, which every site has.
		inherited := make([]string, 0, len(directiveFolders)+len(bookPages)+1)
		for _, f := range directiveFolders {
			inherited = append(inherited, "layouts/"+f)
		}
		for _, b := range bookPages {
			inherited = append(inherited, "layouts/"+b.kind+".html")
		}
		inherited = append(inherited, "layouts/partials/"+bookPartial, folderI18n)
		layers = append([]layer{{themes.Default(), "themes/default/", inherited, ""}}, layers...)
	}
	var errs diag.List
	for _, layer := range layers {
		for _, folder := range layer.folders {
			err := fs.WalkDir(layer.fsys, folder, func(name string, d fs.DirEntry, err error) error {
				if errors.Is(err, fs.ErrNotExist) && name == folder {
					return fs.SkipDir
				}
				if err != nil {
					return err
				}
				if Ignored(d.Name()) || d.IsDir() {
					return nil
				}
				pos := diag.Position{File: layer.display + name}
				if d.Type()&fs.ModeSymlink != 0 {
					pos.Line, pos.Col = 1, 1
					// The same rule as for content/: a link stays inside
					// its folder.
					if layer.dir != "" {
						if err := followFolderLink(root, filepath.Join(layer.dir, folder), layer.display+folder, filepath.Join(layer.dir, name)); err != nil {
							errs.Add(diag.Errorf(pos, "%v", err))
							return nil
						}
					}
					info, err := fs.Stat(layer.fsys, name)
					if err != nil {
						errs.Add(diag.Errorf(pos, "symbolic link cannot be followed: it must stay inside the site (%v)", err))
						return nil
					}
					if info.IsDir() {
						errs.Add(diag.Errorf(pos, "symbolic links to folders are not supported here; link the files instead"))
						return nil
					}
				}
				t.files[name] = themeFile{fsys: layer.fsys, name: name, display: pos.File}
				if folder == folderI18n {
					t.wordFiles = append(t.wordFiles, t.files[name])
				}
				return nil
			})
			if err != nil {
				errs.Add(fmt.Errorf("reading %s%s: %w", layer.display, folder, err))
			}
		}
	}
	if err := errs.Err(); err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

// close releases the site folder once the build is done with the theme.
func (t *theme) close() { t.site.Close() }

// list returns the theme's files under folder, sorted.
func (t *theme) list(folder string) []string {
	var out []string
	for name := range t.files {
		if strings.HasPrefix(name, folder+"/") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// pos names a theme file in errors.
func (t *theme) pos(name string) diag.Position {
	return diag.Position{File: t.files[name].display}
}

func (t *theme) open(name string) (fs.File, error) {
	f, ok := t.files[name]
	if !ok {
		return nil, fmt.Errorf("the theme has no %s", name)
	}
	return f.fsys.Open(f.name)
}

func (t *theme) read(name string) ([]byte, error) {
	f, ok := t.files[name]
	if !ok {
		return nil, fmt.Errorf("the theme has no %s", name)
	}
	return fs.ReadFile(f.fsys, f.name)
}

// pageLayouts are the layouts each page kind is rendered with. Each
// defines the blocks that layouts/base.html leaves open.
var pageLayouts = []string{kindHome, kindCollection, kindWorkbook, kindNotFound, kindAnswers, kindReview}

// parseLayouts parses base.html with the partials once per page kind,
// adding the kind's own layout to each copy so their blocks don't clash.
// With min, each layout is parsed minified (minifyLayout), and then so is
// its output, but for what the layout's actions write.
func (t *theme) parseLayouts(funcs template.FuncMap, min *minify.M) (map[string]*template.Template, error) {
	base := template.New("coachbook").Funcs(funcs)
	names := append([]string{"layouts/base.html"}, t.list("layouts/partials")...)
	for _, name := range names {
		if err := t.parseLayout(base, name, min); err != nil {
			return nil, err
		}
	}
	var errs diag.List
	sets := map[string]*template.Template{}
	for _, kind := range pageLayouts {
		set, err := base.Clone()
		if err == nil {
			err = t.parseLayout(set, "layouts/"+kind+".html", min)
		}
		if err != nil {
			errs.Add(err)
			continue
		}
		sets[kind] = set
	}
	return sets, errs.Err()
}

// parseLayout adds the layout name to set, minified when min is set.
func (t *theme) parseLayout(set *template.Template, name string, min *minify.M) error {
	src, err := t.read(name)
	if err != nil {
		return err
	}
	if min != nil {
		src, _ = minifyLayout(min, src)
	}
	return t.parseSource(set, name, src)
}

// parse adds the layout name to set as written.
func (t *theme) parse(set *template.Template, name string) error {
	src, err := t.read(name)
	if err != nil {
		return err
	}
	return t.parseSource(set, name, src)
}

// parseSource adds src to set as the layout name, whose errors name the
// file.
func (t *theme) parseSource(set *template.Template, name string, src []byte) error {
	tmplName := strings.TrimPrefix(name, "layouts/")
	if _, err := set.New(tmplName).Parse(string(src)); err != nil {
		return t.templateError(err)
	}
	return nil
}

var templateErrorRE = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+)(?::(\d+))?(?::(\d+))?: (.*)$`)

// templateError turns html/template's "template: NAME:LINE:COL: msg" into
// an error at the template file's position.
func (t *theme) templateError(err error) error {
	msg := err.Error()
	m := templateErrorRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0])
	if m == nil {
		return err
	}
	file := "layouts/" + m[1]
	if f, ok := t.files[file]; ok {
		file = f.display
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return &diag.Error{Pos: diag.Position{File: file, Line: line, Col: col}, Err: errors.New(m[4])}
}

// assetName gives an asset a name that changes with its content, so that
// browsers can cache it for good.
func assetName(name string, content []byte) string {
	sum := sha256.Sum256(content)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}
