package generator

import "strings"

// Limits of the two-way tables: a grid is a week or a month of a few
// rows; a matrix compares a handful of options.
const (
	maxGridSide     = 31
	maxMatrixSide   = 12
	maxClientOption = 6
	maxWeight       = 5
)

// readKeyed reads a grid's or a matrix's list of attr (see
// readKeyedList), each of which is a kind of noun, refusing a key the
// runtime keeps beside answers ("@…") and, when asColumns, a key that
// cannot be a column's (letters, digits, '-' and '_', a letter first).
func readKeyed(r *attrReader, attr, noun string, most int, asColumns bool) []option {
	before := len(r.errs)
	opts := readKeyedList(r, attr, noun)
	if len(r.errs) > before {
		return nil
	}
	for _, o := range opts {
		switch {
		case asColumns && !fieldID.MatchString(o.Value):
			r.fail(attr, "%s key %q must start with a letter and hold only letters, digits, '-' and '_': write key=Text, such as mon=Monday", attr, o.Value)
			return nil
		case strings.HasPrefix(o.Value, "@") || len([]rune(o.Value)) > 200:
			r.fail(attr, "%s key %q must not start with '@' or be longer than 200 characters", attr, o.Value)
			return nil
		}
	}
	if len(opts) > most {
		r.fail(attr, "%s may list at most %d, not %d", attr, most, len(opts))
		return nil
	}
	return opts
}

// needList reports attr missing, with an example of how to write it.
func needList(r *attrReader, what, attr, example string) bool {
	if r.has(attr) {
		return true
	}
	r.fail(attr, "%s needs %s, such as %s=%q", what, attr, attr, example)
	return false
}

// readCellRange reads the ends of a scale cell, 1 to 5 unless told, at
// most 11 points so that each cell's menu stays short.
func readCellRange(f *field, r *attrReader, lo, hi int) {
	f.Min, f.Max, f.Step = r.int("min", lo), r.int("max", hi), 1
	switch {
	case f.Min >= f.Max:
		r.fail("min", "min (%d) must be less than max (%d)", f.Min, f.Max)
	case f.Max-f.Min > 10:
		r.fail("max", "a cell's scale may have at most 11 points, not %d (from %d to %d)", f.Max-f.Min+1, f.Min, f.Max)
	}
}

// readGrid reads a weekly grid: its rows, its columns, and its cells'
// kind.
func readGrid(f *field, r *attrReader) {
	if needList(r, "grid", "rows", "morning=Morning|evening=Evening") {
		f.GridRows = readKeyed(r, "rows", "row", maxGridSide, false)
	}
	if needList(r, "grid", "cols", "mon=Mon|tue=Tue") {
		f.GridCols = readKeyed(r, "cols", "column", maxGridSide, true)
	}
	f.Cell = "text"
	if r.has("cell") {
		f.Cell = r.str("cell")
	}
	switch f.Cell {
	case "scale":
		readCellRange(f, r, 1, 5)
	case "text", "check":
		for _, end := range []string{"min", "max"} {
			if r.has(end) {
				r.fail(end, "%s is for cell=scale, not cell=%s", end, f.Cell)
			}
		}
	default:
		r.fail("cell", "cell must be text, check or scale, not %q", f.Cell)
	}
}

// readMatrix reads a decision matrix: its options (or options=client),
// its criteria, the ends of a score, and whether criteria are weighted.
func readMatrix(f *field, r *attrReader) {
	if needList(r, "matrix", "options", "a=Offer A|b=Offer B") {
		if f.ClientOptions = r.str("options") == "client"; !f.ClientOptions {
			if f.Options = readKeyed(r, "options", "option", maxMatrixSide, false); f.Options != nil && len(f.Options) < 2 {
				r.fail("options", "a matrix compares at least two options, or write options=client to let the client name them")
			}
		}
	}
	if needList(r, "matrix", "criteria", "pay=Pay|growth=Growth") {
		f.Criteria = readKeyed(r, "criteria", "criterion", maxMatrixSide, true)
	}
	readCellRange(f, r, 1, 5)
	f.Weights = r.bool("weights")
}

// Weighting lists the weights a criterion may have.
func (f *field) Weighting() []int { return seq(maxWeight) }

// Blanks lists the rows a matrix of the client's options starts with.
func (f *field) Blanks() []int { return seq(2) }
