// Command coachbench measures coachbook's builds on synthetic sites: the
// CPU time and peak memory of a first build and of a build over an earlier
// one, against the floor of plain goldmark converting the same files and
// against writing as many files, the time of a one-workbook edit in serve,
// and, with -hugo, Hugo building the same site.
//
//	go run ./cmd/coachbench [-pages 1000,10000] [-exercises] [-hugo]
//
// Each measurement runs in a child process, so that its CPU time and peak
// memory are its own.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"coachbook/generator"
	"coachbook/internal/corpus"

	"github.com/yuin/goldmark"
)

func main() {
	child := flag.String("child", "", "internal: run one measurement (floor, write, build or serve) in this process")
	dir := flag.String("dir", "", "internal: the site to measure")
	pages := flag.String("pages", "1000,10000", "site sizes to measure, separated by commas")
	exercises := flag.Bool("exercises", false, "give every workbook one of each directive, not plain Markdown")
	hugo := flag.Bool("hugo", false, "also build the plain site with Hugo (the hugo command must be installed)")
	flag.Parse()
	if *child != "" {
		if err := measure(*child, *dir); err != nil {
			fmt.Fprintln(os.Stderr, "coachbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*pages, *exercises, *hugo); err != nil {
		fmt.Fprintln(os.Stderr, "coachbench: error:", err)
		os.Exit(1)
	}
}

// result is what one child process used.
type result struct {
	cpu  time.Duration // user and system time
	user time.Duration // user time alone: the work, without the disk's share
	wall time.Duration
	rss  int64 // peak resident memory, bytes
	out  string
}

func run(sizes string, exercises, hugo bool) error {
	if hugo {
		if _, err := exec.LookPath("hugo"); err != nil {
			return fmt.Errorf("-hugo needs the hugo command: install Debian's hugo package (apt-get install hugo)")
		}
	}
	tmp, err := os.MkdirTemp("", "coachbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Printf("coachbench: %s, %d cores, GOMAXPROCS %d\n", runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Printf("%-7s %-12s %9s %9s %9s %7s %9s %9s %8s\n", "pages", "what", "cpu s", "user s", "wall s", "×floor", "pages/s", "peak MB", "edit ms")
	for _, field := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < 1 {
			return fmt.Errorf("-pages: %q is not a number of pages", field)
		}
		site := filepath.Join(tmp, strconv.Itoa(n))
		if err := corpus.Write(site, n, exercises); err != nil {
			return err
		}
		// The rows run in this order so that none follows a mass deletion,
		// which makes some file systems slow to make new files: the write
		// row's files stay until the end. The rebuild row is a third
		// build, which writes over the first build's output, kept as the
		// spare, as every build after the second does.
		var floor, build, rebuild result
		for _, m := range []struct {
			what, row string
			into      *result
		}{
			{"floor", "floor", &floor},
			{"write", "write", nil},
			{"build", "build", &build},
			{"build", "", nil},
			{"build", "rebuild", &rebuild},
			{"serve", "serve", nil},
		} {
			r, err := child(m.what, site)
			if err != nil {
				return err
			}
			if m.into != nil {
				*m.into = r
			}
			if m.row != "" {
				report(n, m.row, r, floor)
			}
		}
		if hugo {
			first, again, err := runHugo(site)
			if err != nil {
				return err
			}
			report(n, "hugo", first, floor)
			report(n, "hugo rebuild", again, floor)
			fmt.Printf("%-7d coachbook uses %.2f× Hugo's CPU time on a first build and %.2f× on a rebuild, with %.2f× its memory\n", n,
				build.cpu.Seconds()/first.cpu.Seconds(), rebuild.cpu.Seconds()/again.cpu.Seconds(), float64(build.rss)/float64(first.rss))
		}
	}
	return nil
}

func report(n int, what string, r, floor result) {
	edit := ""
	if what == "serve" {
		edit = r.out
	}
	fmt.Printf("%-7d %-12s %9.2f %9.2f %9.2f %7.2f %9.0f %9.0f %8s\n", n, what, r.cpu.Seconds(), r.user.Seconds(), r.wall.Seconds(),
		r.cpu.Seconds()/floor.cpu.Seconds(), float64(n)/r.wall.Seconds(), float64(r.rss)/(1<<20), edit)
}

// child runs one measurement in a fresh process.
func child(what, dir string) (result, error) {
	self, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	return runProcess(exec.Command(self, "-child", what, "-dir", dir))
}

func runProcess(cmd *exec.Cmd) (result, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out.String())
	}
	usage := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	user := time.Duration(usage.Utime.Nano())
	cpu := user + time.Duration(usage.Stime.Nano())
	return result{cpu: cpu, user: user, wall: wall, rss: usage.Maxrss * 1024, out: strings.TrimSpace(out.String())}, nil
}

// measure is the child's side.
func measure(what, dir string) error {
	switch what {
	case "floor":
		return floor(dir)
	case "build":
		generator.LimitMemory() // As coachbook build does.
		_, err := generator.Build(context.Background(), generator.Options{Source: dir, Dest: filepath.Join(dir, "public")})
		return err
	case "serve":
		return serve(dir)
	case "write":
		return writeOnly(dir)
	}
	return fmt.Errorf("unknown measurement %q", what)
}

// floor converts every Markdown file with plain goldmark on every core:
// the least a build of these files could cost.
func floor(dir string) error {
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	md := goldmark.New()
	next := make(chan string)
	var wg sync.WaitGroup
	errs := make(chan error, runtime.GOMAXPROCS(0))
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			failed := false
			for p := range next {
				if failed {
					continue // Drain, so the feeder never blocks.
				}
				src, err := os.ReadFile(p)
				if err != nil {
					errs <- err
					failed = true
					continue
				}
				if i := bytes.Index(src[3:], []byte("\n---\n")); bytes.HasPrefix(src, []byte("---\n")) && i >= 0 {
					src = src[i+8:] // The body only, as a build converts it.
				}
				if err := md.Convert(src, io.Discard); err != nil {
					errs <- err
					failed = true
				}
			}
		}()
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	close(errs)
	return <-errs
}

// writeOnly writes one 12 KB file in a folder of its own for every
// Markdown file, as a first build does, and nothing else: what the disk
// alone costs, which on some machines is more than the floor. The files
// stay until coachbench ends.
func writeOnly(dir string) error {
	out, err := os.MkdirTemp(dir, "write-")
	if err != nil {
		return err
	}
	page := bytes.Repeat([]byte("<p>coachbook</p>\n"), 12*1024/17)
	n := 0
	return filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		n++
		folder := filepath.Join(out, strconv.Itoa(n/100), strconv.Itoa(n))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(folder, "index.html"), page, 0o644)
	})
}

// serve builds the site in a serve session, then edits one workbook's
// body five times, printing the median time of the rebuilds.
func serve(dir string) error {
	s := generator.NewSession(generator.Options{Source: dir, LiveReload: "/_coachbook/livereload.js"})
	if _, err := s.Build(context.Background(), nil); err != nil {
		return err
	}
	name := "content/c000/p000.md"
	file := filepath.Join(dir, filepath.FromSlash(name))
	original, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var times []time.Duration
	for i := range 5 {
		if err := os.WriteFile(file, append(original, []byte(fmt.Sprintf("\nEdit %d.\n", i))...), 0o644); err != nil {
			return err
		}
		st, err := s.Build(context.Background(), []string{name})
		if err != nil {
			return err
		}
		if st.Full || st.Rendered != 1 {
			return fmt.Errorf("the rebuild rendered %d pages (full: %v), want 1", st.Rendered, st.Full)
		}
		times = append(times, st.Duration)
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Printf("%.1f", float64(times[2].Microseconds())/1000)
	return os.WriteFile(file, original, 0o644)
}

// runHugo builds the site with Hugo twice, as a first build and a
// rebuild, with layouts that do what coachbook's do at the least: a page
// skeleton around the content, and minifying.
func runHugo(site string) (first, again result, err error) {
	hugoSite := site + "-hugo"
	os.RemoveAll(hugoSite)
	if err := os.CopyFS(filepath.Join(hugoSite, "content"), os.DirFS(filepath.Join(site, "content"))); err != nil {
		return first, again, err
	}
	files := map[string]string{
		"hugo.toml":                    "baseURL = \"https://example.org/\"\ntitle = \"Benchmark\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n",
		"layouts/_default/baseof.html": "<!doctype html><html lang=en><head><meta charset=utf-8><title>{{.Title}}</title></head><body><main>{{block \"main\" .}}{{end}}</main></body></html>\n",
		"layouts/_default/single.html": "{{define \"main\"}}<h1>{{.Title}}</h1>{{.Content}}{{end}}\n",
		"layouts/_default/list.html":   "{{define \"main\"}}<h1>{{.Title}}</h1>{{.Content}}<ul>{{range .Pages}}<li><a href=\"{{.RelPermalink}}\">{{.Title}}</a></li>{{end}}</ul>{{end}}\n",
	}
	for name, content := range files {
		full := filepath.Join(hugoSite, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			return first, again, err
		}
	}
	hugo := func() (result, error) {
		return runProcess(exec.Command("hugo", "--source", hugoSite, "--minify", "--quiet"))
	}
	if first, err = hugo(); err != nil {
		return first, again, err
	}
	again, err = hugo()
	return first, again, err
}
