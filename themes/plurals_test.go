package themes_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSayPlurals: the runtime's say chooses words by plural form by the
// number {0}, by the CLDR rules of the page's language, as the build's
// i18n does: Polish has three forms for whole numbers, Arabic six. The
// words reach it from a site's own words file, through the page.
func TestSayPlurals(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang, forms string
		numbers     []int
		want        string
	}{
		{"pl", `{one: "{0} odpowiedź", few: "{0} odpowiedzi", many: "{0} odpowiedzi (wiele)", other: "{0} odpowiedzi (inne)"}`,
			[]int{1, 2, 5, 22}, "1 odpowiedź|2 odpowiedzi|5 odpowiedzi (wiele)|22 odpowiedzi"},
		{"ar", `{zero: "{0} صفر", one: "{0} واحد", two: "{0} اثنان", few: "{0} قليل", many: "{0} كثير", other: "{0} آخر"}`,
			[]int{0, 1, 2, 3, 11, 100}, "0 صفر|1 واحد|2 اثنان|3 قليل|11 كثير|100 آخر"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := openSite(t, writeSite(t, map[string]string{
				"content/_index.md":        "---\ntitle: T\nlanguage: " + c.lang + "\n---\n",
				"content/w.md":             "---\ntitle: W\n---\n::text[Q]{#q}\n",
				"i18n/" + c.lang + ".yaml": "runtime:\n  restored: " + c.forms + "\n",
			}))
			b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
			var calls []string
			for _, n := range c.numbers {
				calls = append(calls, "coachbook.say(restored, "+strconv.Itoa(n)+")")
			}
			got := eval[string](b, `(() => {
				const restored = JSON.parse(document.getElementById("coachbook-messages").textContent).restored;
				return [`+strings.Join(calls, ", ")+`].join("|");
			})()`)
			if got != c.want {
				t.Errorf("say in %s: %s, want %s", c.lang, got, c.want)
			}
			// A form the words lack reads as other; plain words stay as
			// they are.
			if got := eval[string](b, `coachbook.say({one: "{0} plik", other: "{0} plików"}, 2) + "|" + coachbook.say("{0} of {1}", 1, 2)`); got != "2 plików|1 of 2" {
				t.Errorf("say: %s", got)
			}
			b.checkProblems()
		})
	}
}
