package generator

import "testing"

// TestListsWithCommasAndBars has a comma inside choices that a | keeps
// apart, which is no mistake: no warning.
func TestListsWithCommasAndBars(t *testing.T) {
	s := newTestSite(t, `-- content/w.md --
---
title: Choices
---
::choice[Ready?]{#ready options="Yes, definitely|No, not yet"}

::choice[Alone]{#alone options="Yes"}
`)
	if stats := s.build(); len(stats.Warnings) != 0 {
		t.Errorf("warnings: %v", stats.Warnings)
	}
}
