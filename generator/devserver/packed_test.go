package devserver

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
)

// getEncoded fetches p with the Accept-Encoding given, "" for none, and
// returns the response's Content-Encoding and its body as sent.
func (s *served) getEncoded(p, accept string) (string, []byte) {
	s.t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.base+p, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	// The transport would ask for gzip itself and hide what was sent.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		s.t.Fatalf("%s: %d", p, resp.StatusCode)
	}
	return resp.Header.Get("Content-Encoding"), body
}

// Pages are kept gzipped: a browser that takes gzip gets them so, and any
// other client the page itself.
func TestServeSendsGzipToWhoAcceptsIt(t *testing.T) {
	s := serve(t, site)
	encoding, body := s.getEncoded("before/drive/", "gzip, deflate, br")
	if encoding != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", encoding)
	}
	r, err := gzip.NewReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(r)
	if err != nil || !strings.Contains(string(page), "First version.") {
		t.Fatalf("%v:\n%s", err, page)
	}
	for _, accept := range []string{"", "identity", "gzip;q=0, br"} {
		encoding, body := s.getEncoded("before/drive/", accept)
		if encoding != "" || !strings.Contains(string(body), "First version.") {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q:\n%.200s", accept, encoding, body)
		}
	}
}
