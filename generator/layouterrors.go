package generator

import (
	"fmt"
)

// reportLayoutErrors reports each distinct layout error once, naming the
// first page it broke, since one mistake in a layout breaks every page
// that uses it.
func (b *builder) reportLayoutErrors(pages []*page, errs []error) {
	first := map[string]int{}
	count := map[string]int{}
	var order []string
	for i, err := range errs {
		if err == nil {
			continue
		}
		msg := err.Error()
		if _, seen := first[msg]; !seen {
			first[msg] = i
			order = append(order, msg)
		}
		count[msg]++
	}
	for _, msg := range order {
		i := first[msg]
		also := ""
		if n := count[msg] - 1; n == 1 {
			also = " and 1 other page"
		} else if n > 1 {
			also = fmt.Sprintf(" and %d other pages", n)
		}
		b.fail(fmt.Errorf("%w (rendering %s%s)", errs[i], pages[i].source, also))
	}
}
