//go:build !linux

package generator

// exchange is not available here; publish falls back to two renames.
func exchange(a, b string) error { return errNoExchange }
