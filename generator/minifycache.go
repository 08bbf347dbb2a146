package generator

import (
	"crypto/sha256"
	"sync"
)

// minifiedCache keeps what serve's builds minified, by what was minified,
// so that a rebuild after an edit to a workbook does not minify the
// theme's assets again: they were a seventh of an edit's CPU. It keeps the
// files the last build minified and those this one does, so a file
// edited many times is not kept in every version.
type minifiedCache struct {
	mu   sync.Mutex
	last map[[sha256.Size]byte][]byte
	this map[[sha256.Size]byte][]byte
}

// minified returns data minified by minify as mediatype, from the cache
// when this or the last build minified the same.
func (c *minifiedCache) minified(mediatype string, data []byte, minify func() ([]byte, error)) ([]byte, error) {
	h := sha256.New()
	h.Write([]byte(mediatype))
	h.Write([]byte{0})
	h.Write(data)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.mu.Lock()
	out, ok := c.this[key]
	if !ok {
		out, ok = c.last[key]
	}
	c.mu.Unlock()
	if !ok {
		var err error
		if out, err = minify(); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.this == nil {
		c.this = map[[sha256.Size]byte][]byte{}
	}
	c.this[key] = out
	return out, nil
}

// nextBuild forgets what the build before the last minified.
func (c *minifiedCache) nextBuild() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last, c.this = c.this, nil
}
