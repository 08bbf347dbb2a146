package devserver

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// getAs requests p from s with the given Host header, as a page on
// another site would after rebinding its name to loopback.
func (s *served) getAs(host, p string) (*http.Response, string) {
	s.t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.base+p, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		return resp, "" // A stream that stays open: the status says enough.
	}
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// TestServeAnswersOnlyLoopbackHosts sends requests whose Host header names
// another site, as DNS rebinding makes a browser do: every handler,
// the event stream included, refuses them; loopback names and addresses,
// in any form and with any port, are served.
func TestServeAnswersOnlyLoopbackHosts(t *testing.T) {
	s := serve(t, site)
	paths := []string{"", "before/drive/", "no/such/page/", "_coachbook/livereload.js", "_coachbook/events", "before/drive"}
	for _, host := range []string{"attacker.example", "attacker.example:1313", "localhost.attacker.example", "127.0.0.1.attacker.example:80"} {
		for _, p := range paths {
			resp, body := s.getAs(host, p)
			if resp.StatusCode != http.StatusForbidden || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") ||
				!strings.Contains(body, "--allow-host") {
				t.Errorf("Host %q, %s: %d %s\n%s", host, p, resp.StatusCode, resp.Header.Get("Content-Type"), body)
			}
		}
	}
	for _, host := range []string{"localhost", "LOCALHOST:1313", "localhost.", "127.0.0.1", "127.3.4.5:8080", "[::1]:1313", "[::1]"} {
		for _, p := range paths {
			if resp, _ := s.getAs(host, p); resp.StatusCode == http.StatusForbidden {
				t.Errorf("Host %q, %s: refused", host, p)
			}
		}
	}
}

// TestServeAllowHost serves the hosts the author names, and still no
// others.
func TestServeAllowHost(t *testing.T) {
	s, first := start(t, siteDir(t, site), Config{AllowHosts: []string{"coach-laptop.local", "Preview.Example"}})
	if first.err != nil {
		t.Fatal(first.err)
	}
	for _, host := range []string{"coach-laptop.local:1313", "preview.example", "localhost"} {
		if resp, _ := s.getAs(host, "before/drive/"); resp.StatusCode != http.StatusOK {
			t.Errorf("Host %q: %d", host, resp.StatusCode)
		}
	}
	if resp, _ := s.getAs("attacker.example", "before/drive/"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an unnamed host: %d", resp.StatusCode)
	}
}

// TestHostPolicy checks the names serve answers to beyond loopback: the
// --bind address, the host of --baseURL, and each --allow-host.
func TestHostPolicy(t *testing.T) {
	policy := newHostPolicy("coach-laptop.lan", "http://preview.test:8080/sub/", []string{"Extra.Example"})
	for host, want := range map[string]bool{
		"coach-laptop.lan":        true,
		"COACH-LAPTOP.LAN:1313":   true,
		"preview.test:8080":       true,
		"extra.example":           true,
		"localhost:1":             true,
		"127.0.0.1":               true,
		"[::1]:80":                true,
		"192.168.1.20:1313":       true, // An address is no name to rebind.
		"[fe80::1]:1313":          true,
		"sub.coach-laptop.lan":    false,
		"coach-laptop.lan.evil":   false,
		"attacker.example":        false,
		"":                        false,
		"localhost:1313@evil.com": false,
	} {
		if got := policy.allows(host); got != want {
			t.Errorf("allows(%q) = %v, want %v", host, got, want)
		}
	}
}
