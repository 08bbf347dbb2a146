package generator

import (
	"bytes"
	"html/template"
)

// captureWriter is the writer goldmark renders a page into. A container
// directive's children are captured on a stack so its layout can wrap
// them, and the writer carries the page's conversion state to the
// directive renderer.
type captureWriter struct {
	stack []*bytes.Buffer
	conv  *converting
}

func newCaptureWriter(conv *converting) *captureWriter {
	// HTML runs to about twice its Markdown; starting there saves growing.
	base := bytes.NewBuffer(make([]byte, 0, 2*len(conv.source)))
	return &captureWriter{stack: []*bytes.Buffer{base}, conv: conv}
}

func (w *captureWriter) top() *bytes.Buffer                { return w.stack[len(w.stack)-1] }
func (w *captureWriter) Write(p []byte) (int, error)       { return w.top().Write(p) }
func (w *captureWriter) WriteString(s string) (int, error) { return w.top().WriteString(s) }
func (w *captureWriter) WriteByte(c byte) error            { return w.top().WriteByte(c) }
func (w *captureWriter) WriteRune(r rune) (int, error)     { return w.top().WriteRune(r) }
func (w *captureWriter) Available() int                    { return 4096 }
func (w *captureWriter) Buffered() int                     { return 0 }
func (w *captureWriter) Flush() error                      { return nil }
func (w *captureWriter) push()                             { w.stack = append(w.stack, &bytes.Buffer{}) }
func (w *captureWriter) String() string                    { return w.stack[0].String() }
func (w *captureWriter) pop() template.HTML {
	b := w.top()
	w.stack = w.stack[:len(w.stack)-1]
	return template.HTML(b.String())
}

// Container directives capture their content, to wrap it in a layout or,
// when the directive has a problem, to keep it as it is.
const (
	captureLayout = iota + 1
	captureRaw
)
