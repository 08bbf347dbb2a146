package generator

import (
	"strconv"
	"strings"

	"coachbook/generator/diag"
)

// orderScript binds the kinds that put cards in order or in piles: rank
// and sort.
const orderScript = "coachbook-order.js"

// pile is one of a card sort's piles, and the most cards it may hold (0
// for no limit).
type pile struct {
	Value, Label string
	Max          int
}

// readRank reads a ranking's items, and whether a client may add their
// own (other).
func readRank(f *field, r *attrReader) {
	f.Options = readCards(r, "rank")
	f.OwnItems = r.bool("other")
	if r.has("into") {
		r.fail("into", "rank takes no into: to put cards into piles, write ::sort[…]{into=\"…\"}")
	}
}

// readSort reads a card sort's cards, its piles (into) and the most cards
// each pile may hold (max-PILE).
func readSort(f *field, r *attrReader) {
	f.Options = readCards(r, "sort")
	f.Piles = readPiles(r)
	for name, a := range r.attrs {
		key, ok := strings.CutPrefix(name, "max-")
		if !ok {
			continue
		}
		r.read[name] = true
		i := pileIndex(f.Piles, key)
		n, err := strconv.Atoi(a.Value)
		switch {
		case i < 0 && len(f.Piles) > 0:
			r.fail(name, "%s names no pile: into has %s", name, describeKnown(optionValues(pilesAsOptions(f.Piles))))
		case err != nil || n < 1 || n > maxItems:
			r.fail(name, "%s must be a whole number from 1 to %d, not %q", name, maxItems, a.Value)
		case i >= 0:
			f.Piles[i].Max = n
		}
	}
}

// readCards reads what a rank or sort orders: options, at least two.
func readCards(r *attrReader, kind string) []option {
	if !r.has("options") {
		r.errs.Add(diag.Errorf(r.at, "%s needs options, such as options=\"pay=Pay|growth=Growth\"", kind))
		return nil
	}
	before := len(r.errs)
	opts := readOptions(r)
	if len(opts) < 2 && len(r.errs) == before {
		r.fail("options", "%s needs at least two options, not %d", kind, len(opts))
	}
	return opts
}

// readPiles reads a card sort's into="key=Text|…", at least two piles.
func readPiles(r *attrReader) []pile {
	list := r.str("into")
	if list == "" {
		r.errs.Add(diag.Errorf(r.at, "sort needs its piles, such as into=\"must=Must have|nice=Nice to have\""))
		return nil
	}
	before := len(r.errs)
	var piles []pile
	for _, o := range readKeyedList(r, "into", "pile") {
		piles = append(piles, pile{Value: o.Value, Label: o.Label})
	}
	if len(piles) < 2 && len(r.errs) == before {
		r.fail("into", "sort needs at least two piles in into, not %d", len(piles))
	}
	return piles
}

func pileIndex(piles []pile, key string) int {
	for i, p := range piles {
		if p.Value == key {
			return i
		}
	}
	return -1
}

func pilesAsOptions(piles []pile) []option {
	var opts []option
	for _, p := range piles {
		opts = append(opts, option{Value: p.Value, Label: p.Label})
	}
	return opts
}

// manifestCards lists a rank's or sort's cards as its options.
func manifestCards(f *field, m *manifestField) { m.Options = optionValues(f.Options) }
