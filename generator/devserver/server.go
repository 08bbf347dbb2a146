// Package devserver serves a site while its author edits it. It rebuilds
// on every save, re-rendering only what the change affects, tells open
// pages to reload over Server-Sent Events, and shows build errors in the
// browser as well as in the terminal. It never writes the site to disk.
package devserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"coachbook/generator"
)

// Config says what to serve and where.
type Config struct {
	Source  string
	Bind    string
	Port    int // 0 picks a free port
	Drafts  bool
	BaseURL string // default: the server's own address
	Log     io.Writer
	// AllowHosts are host names serve answers besides localhost, IP
	// addresses, Bind and the host of BaseURL.
	AllowHosts []string
	// Strict turns warnings into errors, shown on the error page.
	Strict bool
	// Editor, when set, is a URL template that opens a file in the
	// author's editor (see parseEditor): files named in the browser link
	// to it.
	Editor string
	// OnBuild, when set, receives every build's result as it finishes.
	OnBuild func(generator.Stats, error)
	// OnReady, when set, receives the site's address once it is served.
	OnReady func(url string)
}

// internal is where the server's own files live, under the base path.
const internal = "_coachbook/"

// server is one run of serve.
type server struct {
	cfg      Config
	session  *generator.Session
	basePath string
	hosts    hostPolicy
	policy   string  // the Content-Security-Policy of serve's own responses
	editor   *editor // nil when no editor is configured

	mu           sync.RWMutex
	lastErr      error   // the last build's error, shown instead of pages
	lastWarnings []error // the last build's warnings, shown in a panel

	clients sync.Map // chan struct{} → true, one per open page
}

// Run serves the site until ctx ends.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Bind == "" {
		cfg.Bind = "127.0.0.1"
	}
	if err := generator.CheckSite(cfg.Source); err != nil {
		return err
	}
	policy, err := pagePolicy()
	if err != nil {
		return err
	}
	var ed *editor
	if cfg.Editor != "" {
		if ed, err = parseEditor(cfg.Editor); err != nil {
			return fmt.Errorf("the editor URL: %w", err)
		}
	}
	ln, err := listen(cfg)
	if err != nil {
		return err
	}
	addr := ln.Addr().(*net.TCPAddr)
	base := cfg.BaseURL
	if base == "" {
		base = "http://" + net.JoinHostPort(displayHost(cfg.Bind), strconv.Itoa(addr.Port)) + "/"
	}
	if base, err = generator.NormalizeBaseURL(base); err != nil {
		ln.Close()
		return err
	}
	u, _ := url.Parse(base)
	s := &server{cfg: cfg, basePath: u.EscapedPath(), policy: policy, editor: ed, hosts: newHostPolicy(cfg.Bind, base, cfg.AllowHosts)}
	s.session = generator.NewSession(generator.Options{
		Source: cfg.Source, BaseURL: base, Drafts: cfg.Drafts, Strict: cfg.Strict, LiveReload: s.basePath + internal + "livereload.js",
	})

	w, err := newWatcher(cfg.Source)
	if err != nil {
		ln.Close()
		return fmt.Errorf("watching %s: %w", cfg.Source, err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go w.run(ctx)

	s.build(ctx, nil, false)
	// Handlers' contexts end with the server, so open event streams close
	// at shutdown rather than holding it up.
	handlers, stopHandlers := context.WithCancel(context.Background())
	defer stopHandlers()
	httpServer := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return handlers }}
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(ln) }()
	fmt.Fprintf(cfg.Log, "Serving at %s (Ctrl-C to stop)\n", base)
	if cfg.OnReady != nil {
		cfg.OnReady(base)
	}

	for {
		select {
		case batch := <-w.batch:
			if slices.Contains(batch, fullRebuild) {
				batch = nil
			}
			s.build(ctx, batch, true)
		case err := <-w.errs:
			fmt.Fprintf(cfg.Log, "coachbook: watching: %v\n", err)
		case err := <-served:
			return err
		case <-ctx.Done():
			shutdown, stop := context.WithTimeout(context.Background(), 3*time.Second)
			defer stop()
			stopHandlers()
			if err := httpServer.Shutdown(shutdown); err != nil {
				return err
			}
			fmt.Fprintln(cfg.Log, "Stopped.")
			return nil
		}
	}
}

// listen binds the port, or the next free one after it, saying so.
func listen(cfg Config) (net.Listener, error) {
	for port := cfg.Port; ; port++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(cfg.Bind, strconv.Itoa(port)))
		if err == nil {
			if port != cfg.Port {
				fmt.Fprintf(cfg.Log, "Port %d is busy; using %d instead.\n", cfg.Port, port)
			}
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) || cfg.Port == 0 || port >= cfg.Port+10 {
			return nil, fmt.Errorf("cannot listen on %s:%d: %w (pass --port to choose another)", cfg.Bind, port, err)
		}
	}
}

// displayHost names an address to bind as one to open in a browser.
func displayHost(bind string) string {
	if bind == "0.0.0.0" || bind == "::" || bind == "" {
		return "localhost"
	}
	return bind
}

// build builds the site, reports the result, and tells open pages unless
// this is the first build, which no page has seen yet.
func (s *server) build(ctx context.Context, changed []string, reload bool) {
	stats, err := s.session.Build(ctx, changed)
	if ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	s.lastErr = err
	s.lastWarnings = nil
	if err == nil {
		s.lastWarnings = stats.Warnings
	}
	s.mu.Unlock()
	log := s.cfg.Log
	for _, w := range stats.Warnings {
		fmt.Fprintln(log, w)
	}
	switch {
	case err != nil:
		fmt.Fprintf(log, "%v\n", err)
		fmt.Fprintln(log, "coachbook: error: the build failed; the browser shows the errors until they are fixed")
	case stats.Full:
		fmt.Fprintf(log, "Built %d pages in %d ms%s%s\n", stats.Rendered, stats.Duration.Milliseconds(), WithWarnings(len(stats.Warnings)), describe(changed))
	default:
		fmt.Fprintf(log, "Rebuilt %d of %d pages in %d ms%s%s\n", stats.Rendered, stats.Pages, stats.Duration.Milliseconds(), WithWarnings(len(stats.Warnings)), describe(changed))
	}
	if s.cfg.OnBuild != nil {
		s.cfg.OnBuild(stats, err)
	}
	if reload {
		s.reloadClients()
	}
}

func describe(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return " (" + changed[0] + " changed)"
	}
	return fmt.Sprintf(" (%s and %d more changed)", changed[0], len(changed)-1)
}

// ServeHTTP serves the site, the live-reload files, and the error page
// while the build is broken, to the hosts it answers.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Everything but the site's own files carries the pages' policy; site
	// files carry theirs, as they will when published.
	w.Header().Set("Content-Security-Policy", s.policy)
	// A file is what its name says, never what its bytes look like.
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !s.hosts.allows(r.Host) {
		s.hosts.refuse(w, r)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, s.basePath) {
		if p == "/" {
			http.Redirect(w, r, s.basePath, http.StatusFound)
			return
		}
		http.NotFound(w, r)
		return
	}
	rel := strings.TrimPrefix(p, s.basePath)
	w.Header().Set("Cache-Control", "no-store")
	switch rel {
	case internal + "livereload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveReloadJS)
		return
	case internal + "serve.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(serveCSS)
		return
	case internal + "warnings.json":
		s.warningsReport(w)
		return
	case internal + "events":
		s.events(w, r)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	s.mu.RLock()
	broken := s.lastErr
	s.mu.RUnlock()
	if broken != nil && path.Ext(rel) == ".html" {
		s.errorPage(w, broken)
		return
	}
	data, gzipped, ok := s.session.Packed(rel)
	if !ok && path.Ext(rel) == "" {
		if _, _, isDir := s.session.Packed(rel + "/index.html"); isDir {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		rel = "404.html"
		if data, gzipped, ok = s.session.Packed(rel); !ok {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Del("Content-Security-Policy")
	kind := mime.TypeByExtension(path.Ext(rel))
	// The session keeps text gzipped: a client that takes gzip gets it
	// so, and any other the file itself.
	w.Header().Set("Vary", "Accept-Encoding")
	if gzipped && (!acceptsGzip(r) || kind == "") {
		var err error
		if data, err = unpacked(data); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		gzipped = false
	}
	if kind == "" {
		kind = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", kind)
	if gzipped {
		w.Header().Set("Content-Encoding", "gzip")
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// events streams a reload event to an open page after every build.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, ": coachbook serve\n\n")
	flusher.Flush()
	reload := make(chan struct{}, 1)
	s.clients.Store(reload, true)
	defer s.clients.Delete(reload)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-reload:
			io.WriteString(w, "event: reload\ndata: {}\n\n")
			flusher.Flush()
		}
	}
}

func (s *server) reloadClients() {
	s.clients.Range(func(k, _ any) bool {
		select {
		case k.(chan struct{}) <- struct{}{}:
		default: // A reload is already on its way.
		}
		return true
	})
}
