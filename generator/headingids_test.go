package generator

import (
	"fmt"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestHeadingIDsStayLinear: each heading with the same text used to try
// every suffix from 1 again, so 20,000 of them took over 20 s. Each
// suffix tried allocates, so the allocations count the steps.
func TestHeadingIDsStayLinear(t *testing.T) {
	const n = 5000
	h := newHeadingIDs()
	h.Put([]byte("same-7")) // An ID the author set is skipped.
	var ids []string
	allocs := testing.AllocsPerRun(1, func() {
		for range n {
			ids = append(ids, string(h.Generate([]byte("Same"), ast.KindHeading)))
		}
	})
	// AllocsPerRun runs the function twice: once to warm up.
	if len(ids) != 2*n || ids[0] != "same" || ids[7] != "same-8" || ids[2*n-1] != fmt.Sprintf("same-%d", 2*n) {
		t.Errorf("ids %v … %v", ids[:9], ids[len(ids)-1])
	}
	if allocs > 10*n {
		t.Errorf("%v allocations for %d headings: finding IDs is not linear", allocs, n)
	}
}
