// Command coachbench measures coachbook's builds on synthetic sites: the
// CPU time and peak memory of a first build and of a build over an earlier
// one, against the floor of goldmark converting the same files and against
// writing as many files, the time of a one-workbook edit in serve and its
// memory, the weight of what the home page and a workbook load, and, with
// -hugo, Hugo building the same site.
//
//	go run ./cmd/coachbench [-pages 1000,10000] [-corpus plain,exercise,kinds] [-runs 3] [-hugo] [-profile DIR]
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
	child := flag.String("child", "", "internal: run one measurement (floor, floor-plain, write, build or serve) in this process")
	dir := flag.String("dir", "", "internal: the site to measure")
	pages := flag.String("pages", "1000,10000", "site sizes to measure, separated by commas")
	corpora := flag.String("corpus", "plain", "the synthetic sites to measure, separated by commas: plain (Markdown only), exercise (every first-version directive on every page) or kinds (every directive there is)")
	runs := flag.Int("runs", 1, "run each measurement this many times and report the median")
	hugo := flag.Bool("hugo", false, "also build the plain site with Hugo (the hugo command must be installed)")
	profile := flag.String("profile", "", "write a CPU and a heap profile of each build and serve into this folder")
	flag.Parse()
	if *child != "" {
		if err := measure(*child, *dir, *profile); err != nil {
			fmt.Fprintln(os.Stderr, "coachbench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*pages, *corpora, *runs, *hugo, *profile); err != nil {
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

func run(sizes, corpora string, runs int, hugo bool, profile string) error {
	if hugo {
		if _, err := exec.LookPath("hugo"); err != nil {
			return fmt.Errorf("-hugo needs the hugo command: install Debian's hugo package (apt-get install hugo)")
		}
	}
	if runs < 1 {
		return fmt.Errorf("-runs: %d is not a number of runs", runs)
	}
	var kinds []corpus.Kind
	for _, name := range strings.Split(corpora, ",") {
		k, ok := corpus.KindNamed(strings.TrimSpace(name))
		if !ok {
			return fmt.Errorf("-corpus: %q is not plain, exercise or kinds", name)
		}
		kinds = append(kinds, k)
	}
	if profile != "" {
		abs, err := filepath.Abs(profile)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return err
		}
		profile = abs
	}
	tmp, err := os.MkdirTemp("", "coachbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Printf("coachbench: %s, %d cores, GOMAXPROCS %d, median of %d runs\n", runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runs)
	fmt.Printf("%-9s %-7s %-12s %9s %9s %9s %7s %9s %9s %8s\n", "corpus", "pages", "what", "cpu s", "user s", "wall s", "×floor", "pages/s", "peak MB", "edit ms")
	for _, k := range kinds {
		for _, field := range strings.Split(sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(field))
			if err != nil || n < 1 {
				return fmt.Errorf("-pages: %q is not a number of pages", field)
			}
			site := filepath.Join(tmp, fmt.Sprintf("%s-%d", k, n))
			if err := corpus.Write(site, n, k); err != nil {
				return err
			}
			if err := measureSite(site, k, n, runs, hugo, profile); err != nil {
				return err
			}
		}
	}
	return nil
}

// measureSite measures one synthetic site. The rows run in this order so
// that none follows a mass deletion, which makes some file systems slow to
// make new files: the write row's files stay until the end. The rebuild
// row is a third build, which writes over the first build's output, kept
// as the spare, as every build after the second does. With several runs,
// each row runs that many times in a row and reports its median.
func measureSite(site string, k corpus.Kind, n, runs int, hugo bool, profile string) error {
	var floor, build, rebuild result
	for _, m := range []struct {
		what, row string
		into      *result
	}{
		{"floor", "floor", &floor},
		{"floor-plain", "floor-plain", nil},
		{"write", "write", nil},
		{"build", "build", &build},
		{"build", "", nil},
		{"build", "rebuild", &rebuild},
		{"serve", "serve", nil},
	} {
		times := runs
		if m.row == "build" || m.row == "" {
			times = 1 // Only the first build into an empty folder is a first build.
		}
		var rs []result
		for range times {
			prof := ""
			if profile != "" && (m.what == "build" || m.what == "serve") && m.row != "" {
				prof = filepath.Join(profile, fmt.Sprintf("%s-%d-%s", k, n, m.row))
			}
			r, err := child(m.what, site, prof)
			if err != nil {
				return err
			}
			rs = append(rs, r)
		}
		r := median(rs)
		if m.into != nil {
			*m.into = r
		}
		if m.row != "" {
			report(k, n, m.row, r, floor)
		}
	}
	if err := reportWeights(k, n, filepath.Join(site, "public")); err != nil {
		return err
	}
	if hugo {
		first, again, err := runHugo(site)
		if err != nil {
			return err
		}
		report(k, n, "hugo", first, floor)
		report(k, n, "hugo rebuild", again, floor)
		fmt.Printf("%-9s %-7d coachbook uses %.2f× Hugo's CPU time and %.2f× its wall time on a first build, %.2f× its CPU time on a rebuild, with %.2f× its memory\n", k, n,
			build.cpu.Seconds()/first.cpu.Seconds(), build.wall.Seconds()/first.wall.Seconds(), rebuild.cpu.Seconds()/again.cpu.Seconds(), float64(build.rss)/float64(first.rss))
	}
	return nil
}

// median returns the run of median CPU time.
func median(rs []result) result {
	sort.Slice(rs, func(i, j int) bool { return rs[i].cpu < rs[j].cpu })
	return rs[len(rs)/2]
}

func report(k corpus.Kind, n int, what string, r, floor result) {
	edit := ""
	if what == "serve" {
		edit = r.out
	}
	fmt.Printf("%-9s %-7d %-12s %9.2f %9.2f %9.2f %7.2f %9.0f %9.0f %8s\n", k, n, what, r.cpu.Seconds(), r.user.Seconds(), r.wall.Seconds(),
		r.cpu.Seconds()/floor.cpu.Seconds(), float64(n)/r.wall.Seconds(), float64(r.rss)/(1<<20), edit)
}

// child runs one measurement in a fresh process.
func child(what, dir, profile string) (result, error) {
	self, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	return runProcess(exec.Command(self, "-child", what, "-dir", dir, "-profile", profile))
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
func measure(what, dir, profile string) error {
	if profile != "" {
		stop, err := startProfiles(profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	switch what {
	case "floor":
		return floor(dir, corpus.Floor())
	case "floor-plain":
		return floor(dir, goldmark.New())
	case "build":
		generator.LimitMemory() // As coachbook build does.
		_, err := generator.Build(context.Background(), generator.Options{Source: dir, Dest: filepath.Join(dir, "public")})
		return err
	case "serve":
		generator.LimitServeMemory() // As coachbook serve does.
		return serve(dir)
	case "write":
		return writeOnly(dir)
	}
	return fmt.Errorf("unknown measurement %q", what)
}

// floor converts every Markdown file with md on every core: the least a
// build of these files could cost.
func floor(dir string, md goldmark.Markdown) error {
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
// body five times, printing the median time of the rebuilds. It edits the
// second workbook, as the first is the one every workbook of the kinds
// corpus recalls an answer from.
func serve(dir string) error {
	s := generator.NewSession(generator.Options{Source: dir, LiveReload: "/_coachbook/livereload.js"})
	if _, err := s.Build(context.Background(), nil); err != nil {
		return err
	}
	name := "content/c000/p001.md"
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
