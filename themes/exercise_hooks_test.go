package themes_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
)

// hooklessSite has an exercise type whose layout, written from
// docs/exercises.md, leaves data-exercise off its <section>, beside a
// built-in exercise and a field outside any exercise.
var hooklessSite = map[string]string{
	"layouts/exercises/values.html": `<section class="exercise exercise-values" id="{{.DOMID}}">
  {{template "exercises/_open.html" (list . "My values" "Pick the values you would not give up.")}}
  {{- range $i := seq (.Count "count" 3 12)}}
  {{$.Field "text" (printf "value-%d" $i) (printf "label=\"Value %d\"" $i)}}
  {{- end}}
</section>
`,
	"content/w.md": `---
title: Values
---
::values{#values count=2}

:::exercise{#drive title="Your drive"}
::text[One phrase]{#phrase}
:::

::text[Anything else?]{#loose}
`,
}

// hookValues reads the answer boxes of each exercise and of the loose
// field, and the built-in exercise's status.
const hookValues = `['field-values.value-1', 'field-phrase', 'field-loose'].map(id => document.getElementById(id).value).join('|')
	+ '|' + document.querySelector('#exercise-drive [data-exercise-status]').textContent`

// TestExerciseWithoutHook checks that an exercise layout without
// data-exercise stops no field from saving: the build adds the hook, and
// a page built before it did, still on the server, saves all the same.
func TestExerciseWithoutHook(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, hooklessSite))
	answer := func(value, phrase, loose, want string) {
		t.Helper()
		b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
		b.do(
			chromedp.SendKeys(chromedp.CSS(`[id="field-values.value-1"]`), value),
			chromedp.SendKeys(chromedp.ID("field-phrase"), phrase),
			chromedp.SendKeys(chromedp.ID("field-loose"), loose),
		)
		waitFor(b, saved)
		b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
		if got := eval[string](b, hookValues); got != want {
			t.Errorf("after a reload: %q, want %q", got, want)
		}
	}

	answer("Honesty", "Purpose", "No", "Honesty|Purpose|No|Done: all 1 answered")
	if n := eval[int](b, `document.querySelectorAll('#exercise-values[data-exercise="values"]').length`); n != 1 {
		t.Errorf("the values exercise carries no data-exercise=\"values\"")
	}

	// The same page as an older build wrote it, without the hook.
	page := filepath.Join(b.dests[basePath], "w", "index.html")
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	stripped := regexp.MustCompile(` data-exercise="?values"?`).ReplaceAll(html, nil)
	if len(stripped) == len(html) {
		t.Fatal("the built page has no data-exercise to take away")
	}
	if err := os.WriteFile(page, stripped, 0o644); err != nil {
		t.Fatal(err)
	}
	answer(" first", " choice", " more", "Honesty first|Purpose choice|No more|Done: all 1 answered")
}
