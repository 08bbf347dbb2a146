package devserver

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
)

// acceptsGzip reports whether a request's Accept-Encoding takes gzip: a
// browser always says so, with no weight or a weight above zero.
func acceptsGzip(r *http.Request) bool {
	for _, field := range r.Header.Values("Accept-Encoding") {
		for _, coding := range strings.Split(field, ",") {
			name, params, _ := strings.Cut(coding, ";")
			if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
				continue
			}
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// unpacked returns a file the session keeps gzipped as it is, for a
// client that does not take gzip, or to tell its type by its first bytes.
func unpacked(data []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
