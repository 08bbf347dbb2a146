package themes_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const (
	// appsKey is where rowsPage's table saves, and appsConflict where a
	// version a later save replaced would be kept.
	appsKey      = storagePrefix + "a:w:apps"
	appsConflict = storagePrefix + "c:w:apps"
	// threeApps is a table of three rows as saved before rows had IDs.
	threeApps = `[{"company":"Acme","status":"applied","applied":"","followed":false},{"company":"Globex","status":"offer","applied":"","followed":false},{"company":"Initech","status":"","applied":"","followed":true}]`
	// rowIDs lists the data-row of each row of the table.
	rowIDs = `[...document.querySelectorAll('[data-field=apps] [data-item]')].map(r => r.getAttribute('data-row')).join(',')`
	// companies lists each row's company.
	companies = `[...document.querySelectorAll('[data-field=apps] [data-col=company]')].map(c => c.value).join('|')`
)

// company is row n's (from 1) company cell.
func company(n int) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf(`[data-field=apps] [data-item]:nth-child(%d) [data-col=company]`, n))
}

// openTwoTabsOnTable saves value as the table's answer and opens rowsPage
// in two tabs of one browser.
func openTwoTabsOnTable(t *testing.T, value string) (*browserSite, *browserSite) {
	t.Helper()
	b := openSite(t, writeSite(t, map[string]string{"content/w.md": rowsPage}))
	b.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.setItem(` + jsString(appsKey) + `, JSON.stringify({v: ` + value + `, t: 1}))`))
	b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	second, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	other := &browserSite{t: t, server: b.server, ctx: second}
	other.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	return b, other
}

// storedContains waits until the table's stored answer holds text.
func storedContains(b *browserSite, text string) {
	b.t.Helper()
	waitFor(b, `(localStorage.getItem(`+jsString(appsKey)+`) || '').includes(`+jsString(text)+`)`)
}

// removeRow removes row n (from 1) as a click would, without moving the
// focus first, as a client's click on the remove button of a row does not
// leave the table.
func removeRow(b *browserSite, n int) {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector('[data-field=apps] [data-item]:nth-child(%d) [data-remove]').click()`, n)))
}

// noOtherVersion requires that neither storage nor the page keeps an
// other version of the table.
func noOtherVersion(t *testing.T, tabs ...*browserSite) {
	t.Helper()
	for _, b := range tabs {
		if n := eval[int](b, `document.querySelectorAll('[data-other-versions]').length`); n != 0 {
			t.Errorf("the page shows %d other versions of the table", n)
		}
		if v, ok := storedAnswers(b)[appsConflict]; ok {
			t.Errorf("storage keeps an other version of the table: %s", v)
		}
	}
}

// reloadReads reloads each tab and requires the table to read want.
func reloadReads(t *testing.T, want string, tabs ...*browserSite) {
	t.Helper()
	for i, b := range tabs {
		b.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
		if got := eval[string](b, companies); got != want {
			t.Errorf("after a reload tab %d's table reads %q, want %q", i+1, got, want)
		}
	}
}

// TestRowsIDsTwoTabsMergeByRow edits one table of three rows in two
// tabs: the first edits row 1 while the second, whose focus stays in the
// table so it never shows that save, deletes row 2 and edits row 3. Both
// edits stay, row 2 is gone, and no other version is kept.
func TestRowsIDsTwoTabsMergeByRow(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabsOnTable(t, threeApps)
	other.do(chromedp.Focus(company(3)))

	b.do(chromedp.SendKeys(company(1), " Inc"))
	storedContains(b, "Acme Inc")
	removeRow(other, 2)
	other.do(chromedp.SendKeys(company(2), " Corp"))
	storedContains(other, "Initech Corp")
	waitFor(other, saved)

	// Each tab shows the merge once the client leaves the table, so that
	// no row moves under the cursor.
	const want = "Acme Inc|Initech Corp"
	if got := eval[string](other, companies); got != "Acme|Initech Corp" {
		t.Errorf("while the client is in the table, the tab that saved last shows %q, want what was typed there", got)
	}
	for _, tab := range []*browserSite{other, b} {
		tab.do(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
		waitFor(tab, companies+` === `+jsString(want))
	}
	noOtherVersion(t, b, other)
	reloadReads(t, want, b, other)
	if got := eval[string](b, rowIDs); got != "r0,r2" {
		t.Errorf("the rows' IDs are %q, want the first and third rows' r0,r2", got)
	}
	var stored struct{ V []map[string]any }
	if err := json.Unmarshal([]byte(storedAnswers(b)[appsKey]), &stored); err != nil {
		t.Fatal(err)
	}
	if len(stored.V) != 2 || stored.V[0]["status"] != "applied" || stored.V[1]["followed"] != true {
		t.Errorf("the merge lost a cell no tab changed: %v", stored.V)
	}
}

// TestRowsIDsDeleteInOneTabEditInAnother deletes a row in one tab while
// another tab, which never showed the deletion, edits a different row,
// typing on after its save merged the deletion, and adds one: the deleted
// row stays gone and nothing else changes.
func TestRowsIDsDeleteInOneTabEditInAnother(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabsOnTable(t, threeApps)
	other.do(chromedp.Focus(company(3)))

	removeRow(b, 1)
	waitFor(b, saved)
	waitFor(b, `!(localStorage.getItem(`+jsString(appsKey)+`) || 'Acme').includes('Acme')`)
	other.do(chromedp.SendKeys(company(3), " Lt"))
	storedContains(other, "Initech Lt")
	// The client types on in the same box after that save merged the
	// deletion: the box stays where it is until they leave the table.
	other.do(chromedp.KeyEvent("d"))
	storedContains(other, "Initech Ltd")
	// Adding a row moves the focus out of the row typed in, which saves it.
	other.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-field=apps] [data-add]').click()`))
	other.do(chromedp.SendKeys(chromedp.CSS(`[data-field=apps] [data-item]:last-child [data-col=company]`), "Umbrella"))
	storedContains(other, "Umbrella")
	waitFor(other, saved)

	noOtherVersion(t, b, other)
	reloadReads(t, "Globex|Initech Ltd|Umbrella", b, other)
	var stored struct{ V []map[string]any }
	if err := json.Unmarshal([]byte(storedAnswers(b)[appsKey]), &stored); err != nil {
		t.Fatal(err)
	}
	if len(stored.V) != 3 || stored.V[0]["status"] != "offer" || stored.V[1]["followed"] != true || stored.V[0]["@id"] != "r1" || stored.V[1]["@id"] != "r2" {
		t.Errorf("a row no tab changed changed: %v", stored.V)
	}
}

// TestRowsIDsFromBefore loads rows saved before rows had IDs: they take
// IDs from their position, the same in two tabs, in their order with
// their values; the next save and an export hold the IDs, and restoring
// that export in a fresh browser gives the same rows.
func TestRowsIDsFromBefore(t *testing.T) {
	t.Parallel()
	b, other := openTwoTabsOnTable(t, threeApps)
	for i, tab := range []*browserSite{b, other} {
		if got := eval[string](tab, rowIDs); got != "r0,r1,r2" {
			t.Errorf("tab %d gives the rows IDs %q, want r0,r1,r2", i+1, got)
		}
		if got := eval[string](tab, rowsState); got != "Acme,applied,,false|Globex,offer,,false|Initech,,,true" {
			t.Errorf("tab %d shows the rows as %q", i+1, got)
		}
	}

	b.do(chromedp.Click(chromedp.CSS(`[data-field=apps] [data-add]`)))
	b.do(chromedp.SendKeys(company(4), "Umbrella"))
	storedContains(b, "Umbrella")
	waitFor(b, saved)
	newID := eval[string](b, `document.querySelector('[data-field=apps] [data-item]:nth-child(4)').getAttribute('data-row')`)
	if len(newID) != 10 {
		t.Errorf("a new row's ID is %q, want one made from the time", newID)
	}
	dir := downloads(b)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	exported := waitForFile(t, dir, ".json")
	for _, id := range []string{"r0", "r1", "r2", newID} {
		if !strings.Contains(exported, `"@id": "`+id+`"`) && !strings.Contains(exported, `"@id":"`+id+`"`) {
			t.Errorf("the export lacks row ID %s:\n%s", id, exported)
		}
	}
	want := eval[string](b, rowsState)

	fresh := &browserSite{t: t, server: b.server}
	fresh.start(chromePath(t), 2*time.Minute)
	fresh.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	path := filepath.Join(t.TempDir(), "answers.json")
	writeFile(t, path, exported)
	restoreFile(fresh, path)
	fresh.do(chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	fresh.do(chromedp.Navigate(b.url("w/")), chromedp.WaitVisible(chromedp.CSS(`[data-field=apps] [data-add]`)))
	if got := eval[string](fresh, rowsState); got != want {
		t.Errorf("after restoring the export the rows read %q, want %q", got, want)
	}
	if got := eval[string](fresh, rowIDs); got != "r0,r1,r2,"+newID {
		t.Errorf("after restoring the export the rows' IDs are %q, want r0,r1,r2,%s", got, newID)
	}
}
