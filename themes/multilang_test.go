package themes_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// bilingualFiles is a site in English and French: prep/drive is in both,
// prep/values in English alone.
var bilingualFiles = map[string]string{
	"content/_index.md":    "---\ntitle: Career companion\nlanguages: [en, fr]\n---\n",
	"content/en/_index.md": "---\ntitle: Career companion\n---\n",
	"content/fr/_index.md": "---\ntitle: Compagnon de carrière\n---\n",
	"content/en/prep/drive.md": "---\ntitle: Your drive\n---\n" +
		":::exercise{#drive title=\"Drive\"}\n::text[Your phrase]{#phrase}\n:::\n",
	"content/fr/prep/drive.md": "---\ntitle: Votre moteur\n---\n" +
		":::exercise{#drive title=\"Moteur\"}\n::text[Votre phrase]{#phrase}\n:::\n",
	"content/en/prep/values.md": "---\ntitle: Your values\n---\n::text[A value]{#value}\n",
}

// TestLanguageSwitchKeepsAnswers answers a field in English, follows the
// language switcher to the French workbook, and finds the answer there:
// both are the workbook prep/drive, whose answers are saved by ID. A
// workbook without a translation leads to the other language's home, and
// the site's root to the default language.
func TestLanguageSwitchKeepsAnswers(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, bilingualFiles))
	// The root leads to the default language, without script.
	b.do(chromedp.Navigate(b.url("")))
	waitFor(b, "location.pathname === '"+basePath+"en/' && document.documentElement.lang === 'en'")
	b.do(chromedp.Navigate(b.url("en/prep/drive/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-phrase"]`), "Helping people grow"))
	waitFor(b, saved)

	b.do(chromedp.Click(chromedp.CSS(`.language-switcher a[hreflang=fr]`)), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `location.pathname`); got != basePath+"fr/prep/drive/" {
		t.Fatalf("the switcher led to %s", got)
	}
	if got := eval[string](b, `document.documentElement.lang`); got != "fr" {
		t.Errorf("the French page's language is %q", got)
	}
	waitFor(b, `document.getElementById('field-phrase').value === 'Helping people grow'`)

	// And back: an answer changed in French shows in English.
	b.do(chromedp.SendKeys(chromedp.CSS(`[id="field-phrase"]`), " together"))
	waitFor(b, saved)
	b.do(chromedp.Click(chromedp.CSS(`.language-switcher a[hreflang=en]`)), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	waitFor(b, `document.getElementById('field-phrase').value === 'Helping people grow together'`)

	b.do(chromedp.Navigate(b.url("en/prep/values/")), chromedp.WaitVisible(chromedp.CSS(`.language-switcher`)))
	b.do(chromedp.Click(chromedp.CSS(`.language-switcher a[hreflang=fr]`)), chromedp.WaitVisible(chromedp.CSS(`.site-title`)))
	if got := eval[string](b, `location.pathname`); got != basePath+"fr/" {
		t.Errorf("the switcher of a workbook without a translation led to %s, not the French home", got)
	}
	if got := eval[string](b, `document.querySelector('.language-switcher [aria-current=page]').getAttribute('hreflang')`); got != "fr" {
		t.Errorf("the French home marks %q as its language", got)
	}
}

// TestAxeLanguages runs axe-core on a page with the language switcher,
// light, dark and on a phone: nothing serious or critical.
func TestAxeLanguages(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, bilingualFiles))
	b.do(chromedp.Navigate(b.url("fr/prep/drive/")), chromedp.WaitVisible(chromedp.CSS(`.language-switcher`)))
	axeLightDarkNarrow(t, b, script)
}
