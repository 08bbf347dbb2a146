package themes_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// calloutsPage holds a callout of every kind, as Docusaurus writes them
// and as GitHub's alerts, titled and untitled.
const calloutsPage = `---
title: Callouts
---
:::note
A note.
:::

:::tip[Be specific]
Name the company.
:::

:::info Before you start
Have your CV open.
:::

:::warning{title="Mind the time"}
Twenty minutes.
:::

:::danger
Never share a password.
:::

:::caution
Another name for a warning.
:::

> [!IMPORTANT]
> Do this first.

::tip[One line of advice.]
`

// TestAxeCallouts runs axe-core's WCAG 2 A and AA rules on a page of every
// callout kind, light, dark and on a phone: their titles and text keep
// their contrast. It checks too that each kind has its border colour,
// distinct from the plain callout's, in both colour schemes.
func TestAxeCallouts(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, map[string]string{"content/c.md": calloutsPage}))
	b.do(chromedp.Navigate(b.url("c/")), chromedp.WaitVisible(chromedp.CSS(`.callout-important`)))
	const colours = `new Set([...document.querySelectorAll('.callout')].map(c => getComputedStyle(c).borderInlineStartColor)).size`
	if kinds := eval[int](b, colours); kinds != 6 {
		t.Errorf("the six kinds of callout show %d border colours, want 6", kinds)
	}
	axeLightDarkNarrow(t, b, script)
	if darkKinds := eval[int](b, colours); darkKinds != 6 {
		t.Errorf("in dark colours the six kinds of callout show %d border colours, want 6", darkKinds)
	}
}
