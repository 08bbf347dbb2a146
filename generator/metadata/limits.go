package metadata

import (
	"coachbook/generator/diag"

	yaml "go.yaml.in/yaml/v3"
)

// Frontmatter is a handful of keys. These bounds keep a hostile or broken
// file from costing a build more than a moment: YAML aliases let a few
// hundred bytes stand for billions of values, and the YAML library's own
// guard counts afresh for each top-level key.
const (
	// MaxBytes is the most frontmatter a file may have.
	MaxBytes = 256 << 10
	// MaxValues is the most values a YAML frontmatter may stand for, with
	// every alias counted as the values it repeats, across the whole block.
	MaxValues = 10000
)

// expansion counts the values YAML nodes stand for once their aliases are
// expanded, remembering each anchored node's count so that counting is
// linear in the size of the document, not of its expansion.
type expansion struct {
	counted map[*yaml.Node]int
	open    map[*yaml.Node]bool // nodes being counted, to stop at an alias to an ancestor
}

func newExpansion() *expansion {
	return &expansion{counted: map[*yaml.Node]int{}, open: map[*yaml.Node]bool{}}
}

// values returns how many values n stands for, at most MaxValues+1.
func (e *expansion) values(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	if c, ok := e.counted[n]; ok {
		return c
	}
	if e.open[n] {
		return 1 // An alias to its own ancestor, which decoding reports.
	}
	e.open[n] = true
	total := 1
	if n.Kind == yaml.AliasNode {
		total = e.values(n.Alias)
	}
	for _, c := range n.Content {
		total = min(total+e.values(c), MaxValues+1)
	}
	delete(e.open, n)
	e.counted[n] = total
	return total
}

// checkExpansion reports, at the value where the count passes MaxValues,
// a YAML mapping that stands for too many values, before anything expands
// its aliases.
func (fm *Frontmatter) checkExpansion(root *yaml.Node, dataLine int) error {
	values, expand := 0, newExpansion()
	for _, n := range root.Content {
		if values += expand.values(n); values > MaxValues {
			return diag.Errorf(fm.yamlPos(n, dataLine), "the frontmatter stands for more than %d values once its aliases (*name) are expanded; write the values out instead of repeating anchors", MaxValues)
		}
	}
	return nil
}
