package generator

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
)

// packedFile is a file serve holds in memory: gzipped when that makes it
// smaller, which text does about five times over, so that a large site
// fits in memory, and so that a browser that accepts gzip gets it as it
// is.
type packedFile struct {
	data    []byte
	gzipped bool
}

// bytes returns the file's contents.
func (f packedFile) bytes() ([]byte, error) {
	if !f.gzipped {
		return f.data, nil
	}
	return gunzip(f.data)
}

// packer gzips what serve keeps, reusing its compressors: each holds
// hundreds of kilobytes of tables.
type packer struct {
	writers sync.Pool
	buffers sync.Pool // what is written, before it is packed
}

// pack returns data gzipped, or data itself when gzip does not make it
// at least an eighth smaller, as with images; either way a copy that owns
// no more memory than it uses.
func (pk *packer) pack(data []byte) packedFile {
	if len(data) >= 256 {
		var buf bytes.Buffer
		buf.Grow(len(data) / 4)
		w, _ := pk.writers.Get().(*gzip.Writer)
		if w == nil {
			// BestSpeed: serve gzips every page of a full build, and the
			// fastest level still shrinks HTML several times.
			w, _ = gzip.NewWriterLevel(nil, gzip.BestSpeed)
		}
		w.Reset(&buf)
		_, err := w.Write(data)
		if err == nil {
			err = w.Close()
		}
		pk.writers.Put(w)
		if err == nil && buf.Len() < len(data)-len(data)/8 {
			return packedFile{data: bytes.Clone(buf.Bytes()), gzipped: true}
		}
	}
	return packedFile{data: bytes.Clone(data)}
}

// putBuffer keeps buf for the next file, unless a page of many megabytes
// grew it: the session lives on, and its pool with it.
func (pk *packer) putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 {
		buf.Reset()
		pk.buffers.Put(buf)
	}
}

// gunzip returns what gzipped data holds.
func gunzip(data []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading a file kept in memory: %w", err)
	}
	// gzip ends with the size it holds: read it into a buffer that size.
	out := bytes.NewBuffer(make([]byte, 0, binary.LittleEndian.Uint32(data[len(data)-4:])))
	if _, err := io.Copy(out, r); err != nil {
		return nil, fmt.Errorf("reading a file kept in memory: %w", err)
	}
	return out.Bytes(), nil
}
