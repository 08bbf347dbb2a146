package devserver

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostPolicy says which Host headers serve answers. A page on another site
// can point its own name at 127.0.0.1 once the browser has loaded it (DNS
// rebinding) and then read whatever serve serves, since to the browser it
// is the same origin; the request still carries the page's name. So serve
// answers only names that no other site controls: localhost, IP addresses,
// the --bind address, the host of --baseURL, and the names the author
// allows.
type hostPolicy struct {
	names map[string]bool
}

// refusedHost is the whole answer to a request for a host serve does not
// answer: what it answers, and how to allow this one.
const refusedHost = "coachbook serve does not answer requests for %q: it answers localhost, IP addresses and the names given with --allow-host.\nTo open the site under this name, start serve with --allow-host %s\n"

func newHostPolicy(bind, baseURL string, allow []string) hostPolicy {
	p := hostPolicy{names: map[string]bool{"localhost": true}}
	add := func(host string) {
		if name := hostName(host); name != "" {
			p.names[name] = true
		}
	}
	add(bind)
	if u, err := url.Parse(baseURL); err == nil {
		add(u.Host)
	}
	for _, name := range allow {
		add(name)
	}
	return p
}

// allows tells whether serve answers a request whose Host header is host.
func (p hostPolicy) allows(host string) bool {
	name := hostName(host)
	return name != "" && (net.ParseIP(name) != nil || p.names[name])
}

// refuse answers a request for a host serve does not answer.
func (p hostPolicy) refuse(w http.ResponseWriter, r *http.Request) {
	name := hostName(r.Host)
	if name == "" {
		name = "NAME"
	}
	http.Error(w, fmt.Sprintf(refusedHost, r.Host, name), http.StatusForbidden)
}

// hostName is the name in a Host header or host flag, without its port,
// brackets or final dot, in lower case; empty when it is not a host.
func hostName(host string) string {
	if name, port, err := net.SplitHostPort(host); err == nil {
		if strings.Trim(port, "0123456789") != "" {
			return ""
		}
		host = name
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if strings.ContainsAny(host, "/@?#[] \t") {
		return ""
	}
	return host
}
