package themes_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// envelope is a protected answers file, as docs/answers.md ("Protected
// files") describes it: every field, and no other.
type envelope struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	KDF     struct {
		Name       string `json:"name"`
		Hash       string `json:"hash"`
		Iterations int    `json:"iterations"`
		Salt       string `json:"salt"`
	} `json:"kdf"`
	Cipher struct {
		Name string `json:"name"`
		IV   string `json:"iv"`
	} `json:"cipher"`
	Ciphertext string `json:"ciphertext"`
}

// readEnvelope reads a protected file strictly: a field the format does
// not name fails.
func readEnvelope(t *testing.T, data string) envelope {
	t.Helper()
	var e envelope
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("the protected file is not the documented envelope: %v\n%s", err, data)
	}
	return e
}

func unbase64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("%q is not standard base64: %v", s, err)
	}
	return b
}

// gcmOf is AES-256-GCM under the key PBKDF2-SHA-256 derives from the
// passphrase, as the format says.
func gcmOf(t *testing.T, passphrase string, salt []byte, iterations int) cipher.AEAD {
	t.Helper()
	key, err := pbkdf2.Key(sha256.New, passphrase, salt, iterations, 32)
	if err != nil {
		t.Fatal(err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		t.Fatal(err)
	}
	return gcm
}

// openEnvelope decrypts a protected file in Go, from the documented
// format alone.
func openEnvelope(t *testing.T, e envelope, passphrase string) ([]byte, error) {
	t.Helper()
	gcm := gcmOf(t, passphrase, unbase64(t, e.KDF.Salt), e.KDF.Iterations)
	return gcm.Open(nil, unbase64(t, e.Cipher.IV), unbase64(t, e.Ciphertext), nil)
}

// sealInGo protects an answers file as the format says, for the tests of
// damaged files; change may alter the envelope before it is written.
func sealInGo(t *testing.T, plain, passphrase string, change func(*envelope)) string {
	t.Helper()
	salt, iv := make([]byte, 16), make([]byte, 12)
	rand.Read(salt)
	rand.Read(iv)
	var e envelope
	e.Format, e.Version = "coachbook-protected", 1
	e.KDF.Name, e.KDF.Hash, e.KDF.Iterations, e.KDF.Salt = "PBKDF2", "SHA-256", 600000, base64.StdEncoding.EncodeToString(salt)
	e.Cipher.Name, e.Cipher.IV = "AES-GCM", base64.StdEncoding.EncodeToString(iv)
	sealed := gcmOf(t, passphrase, salt, 600000).Seal(nil, iv, []byte(plain), nil)
	e.Ciphertext = base64.StdEncoding.EncodeToString(sealed)
	if change != nil {
		change(&e)
	}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

const passphrase = "correct horse battery"

// protectDownload ticks "Protect the file", types the passphrase twice
// and whether the name goes in the file's name.
func protectDownload(b *browserSite, pass, again string, named bool) {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const box = document.querySelector('[data-protect]');
		if (!box.checked) box.click();
		const named = document.querySelector('[data-name-in-file]');
		if (named.checked !== ` + map[bool]string{true: "true", false: "false"}[named] + `) named.click();
		document.querySelector('[data-passphrase]').value = '';
		document.querySelector('[data-passphrase-again]').value = '';
	})()`))
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-passphrase]`), pass), chromedp.SendKeys(chromedp.CSS(`[data-passphrase-again]`), again))
}

// typePassphrase answers the passphrase dialog.
func typePassphrase(b *browserSite, pass string) {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(`dialog[open] input[type=password]`)),
		chromedp.SendKeys(chromedp.CSS(`dialog[open] input[type=password]`), pass),
		chromedp.Click(chromedp.CSS(`dialog[open] button[type=submit]`)))
}

// TestProtectedDownloadAndRestore fills a workbook, names the client and
// downloads the answers protected: the passphrase must be long enough and
// typed twice alike; the file holds no answer, name or site title, is the
// documented envelope, and decrypts in Go to the ordinary answers file.
// Its name carries the client's only when they ask. A fresh browser
// restores it: a wrong passphrase says so, writes nothing and asks again;
// Cancel restores nothing; the right one brings every answer back.
func TestProtectedDownloadAndRestore(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.Evaluate[chromedp.Void](fill))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-protect-choice]`)))
	if eval[bool](b, `performance.getEntriesByType('resource').some(e => e.name.includes('/coachbook-protect.'))`) {
		t.Error("the home page downloaded the protect code before the client asked for it")
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-client-name]`), "Beatrix Q"))
	siteTitle := eval[string](b, `document.body.dataset.siteTitle`)
	if eval[bool](b, `!document.querySelector('[data-protect-fields]').hidden`) {
		t.Error("the passphrase boxes show before the client chose to protect the file")
	}

	dir := downloads(b)
	for _, c := range []struct{ pass, again, says string }{
		{"short", "short", "The passphrase needs at least 8 characters."},
		{passphrase, passphrase + "!", "The two passphrases are not the same."},
	} {
		protectDownload(b, c.pass, c.again, false)
		b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
		waitFor(b, `document.querySelector('[data-passphrase-problem]').textContent === `+jsString(c.says)+` && !document.querySelector('[data-passphrase-problem]').hidden`)
	}
	time.Sleep(500 * time.Millisecond)
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("a refused passphrase downloaded %v", files)
	}

	protectDownload(b, passphrase, passphrase, false)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	name, sealed := downloaded(t, dir, ".json")
	if !regexp.MustCompile(`^answers-\d{4}-\d\d-\d\d-protected\.json$`).MatchString(name) {
		t.Errorf("without the name chosen, the protected file is named %q", name)
	}
	if eval[bool](b, `!document.querySelector('[data-passphrase-problem]').hidden`) {
		t.Error("the passphrase problem still shows after a good passphrase")
	}
	waitFor(b, storedMeta+`?.lastBackup > 0`)

	dir = downloads(b)
	protectDownload(b, passphrase, passphrase, true)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	if name, _ := downloaded(t, dir, ".json"); !regexp.MustCompile(`^answers-Beatrix-Q-\d{4}-\d\d-\d\d-protected\.json$`).MatchString(name) {
		t.Errorf("with the name chosen, the protected file is named %q", name)
	}

	for _, secret := range []string{"Ada", "Solving hard problems", "Purpose", "Beatrix", "Every field", "prep/all", siteTitle, basePath} {
		if strings.Contains(sealed, secret) {
			t.Errorf("the protected file shows %q:\n%s", secret, sealed)
		}
	}
	e := readEnvelope(t, sealed)
	if e.Format != "coachbook-protected" || e.Version != 1 || e.KDF.Name != "PBKDF2" || e.KDF.Hash != "SHA-256" || e.Cipher.Name != "AES-GCM" {
		t.Errorf("the envelope's header: %+v", e)
	}
	if e.KDF.Iterations < 600000 {
		t.Errorf("%d PBKDF2 iterations", e.KDF.Iterations)
	}
	if n := len(unbase64(t, e.KDF.Salt)); n != 16 {
		t.Errorf("a salt of %d bytes", n)
	}
	if n := len(unbase64(t, e.Cipher.IV)); n != 12 {
		t.Errorf("an IV of %d bytes", n)
	}
	if _, err := openEnvelope(t, e, "wrong passphrase"); err == nil {
		t.Error("the file opened in Go with a wrong passphrase")
	}
	plain, err := openEnvelope(t, e, passphrase)
	if err != nil {
		t.Fatalf("the file does not decrypt in Go as documented: %v", err)
	}
	var answers struct {
		Format, Client string
		Workbooks      []struct {
			ID      string
			Answers []struct {
				Key   string
				Value any
			}
		}
	}
	if err := json.Unmarshal(plain, &answers); err != nil || answers.Format != "coachbook-answers" || answers.Client != "Beatrix Q" || len(answers.Workbooks) != 1 || answers.Workbooks[0].ID != "prep/all" {
		t.Fatalf("the decrypted file (%v):\n%s", err, plain)
	}
	if !bytes.Contains(plain, []byte("\n  \"format\": \"coachbook-answers\"")) {
		t.Errorf("the decrypted file is not the ordinary answers file, indented:\n%.200s", plain)
	}

	// A fresh browser, as the client's other device.
	file := filepath.Join(t.TempDir(), name)
	writeFile(t, file, sealed)
	other := &browserSite{t: t, server: b.server, dests: b.dests}
	other.start(chromePath(t), 2*time.Minute)
	other.do(chromedp.Navigate(other.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	other.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{file}))
	if got := evalAwait(other, `(async () => { await new Promise(r => { const w = () => document.querySelector('dialog[open]') ? r() : setTimeout(w, 50); w(); }); return document.querySelector('dialog[open]').textContent; })()`); !strings.Contains(got, "“"+name+"” is protected with a passphrase.") {
		t.Errorf("the passphrase dialog says %q", got)
	}
	if got := eval[string](other, `document.activeElement.type + ' ' + document.activeElement.labels[0].textContent`); got != "password Passphrase" {
		t.Errorf("the passphrase dialog's focus is on %q", got)
	}
	typePassphrase(other, "not the passphrase")
	waitFor(other, `document.querySelector('dialog[open] [role=alert]')?.textContent === 'The passphrase is wrong, or the file was changed after it was protected. Nothing was opened.'`)
	if n := eval[int](other, `document.querySelectorAll('dialog').length`); n != 1 {
		t.Errorf("%d dialogs after a wrong passphrase", n)
	}
	if n := len(storedAnswers(other)); n != 0 {
		t.Errorf("a wrong passphrase wrote %d keys", n)
	}
	// Cancel restores nothing.
	other.do(chromedp.Click(chromedp.CSS(`dialog[open] button[type=button]`)))
	waitFor(other, `!document.querySelector('dialog')`)
	if n := len(storedAnswers(other)); n != 0 {
		t.Errorf("a cancelled passphrase wrote %d keys", n)
	}
	// Escape cancels too.
	other.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{file}), chromedp.WaitVisible(chromedp.CSS(`dialog[open] input[type=password]`)))
	other.do(chromedp.KeyEvent("\x1b"))
	waitFor(other, `!document.querySelector('dialog')`)

	other.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{file}))
	typePassphrase(other, passphrase)
	other.do(chromedp.WaitVisible(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)), chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(other, "13 answers restored from the file.")
	other.do(chromedp.Navigate(other.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](other, readAll); got != wantAll {
		t.Errorf("after restoring the protected file the page shows\n%s\nwant\n%s", got, wantAll)
	}
}

// TestProtectedFileDamaged restores protected files that were changed:
// one byte of the ciphertext flipped (GCM refuses, and the dialog says
// the passphrase is wrong or the file was changed), cut in half, and one
// asking for 10⁹ PBKDF2 iterations, refused at once before any question.
// Nothing is written, and the page goes on saving. The runtime opens a
// file sealed in Go, and protecting() gives the documented interface.
func TestProtectedFileDamaged(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.ID(`field-name`), "Kept"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=restore]`)))
	before := storedAnswers(b)

	plain, err := os.ReadFile(answersFile(t, map[string]any{"id": "prep/all", "title": "Every field", "answers": []answer{
		{Key: "name", Value: raw(t, "From the file"), Updated: "2030-01-01T00:00:00Z"},
	}}))
	if err != nil {
		t.Fatal(err)
	}
	good := sealInGo(t, string(plain), passphrase, nil)
	flipped := sealInGo(t, string(plain), passphrase, func(e *envelope) {
		data := unbase64(t, e.Ciphertext)
		data[len(data)/2] ^= 1
		e.Ciphertext = base64.StdEncoding.EncodeToString(data)
	})
	tooSlow := sealInGo(t, string(plain), passphrase, func(e *envelope) { e.KDF.Iterations = 1000000000 })
	shortSalt := sealInGo(t, string(plain), passphrase, func(e *envelope) { e.KDF.Salt = base64.StdEncoding.EncodeToString(make([]byte, 8)) })
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		writeFile(t, path, data)
		return path
	}

	if got := evalAwait(b, `coachbook.protecting().then(async p => {
		const shape = Object.isFrozen(p) && ['isSealed', 'seal', 'open', 'ask'].every(k => typeof p[k] === 'function');
		const reason = (text, pass) => p.open(text, pass).then(() => 'opened', e => e.reason + ': ' + e.message);
		return [shape, p.isSealed(`+jsString(good)+`), p.isSealed(`+jsString(string(plain))+`), p.isSealed(`+jsString(good[:len(good)/2])+`),
			await p.open(`+jsString(good)+`, `+jsString(passphrase)+`) === `+jsString(string(plain))+`,
			await reason(`+jsString(good)+`, 'wrong'), await reason(`+jsString(good[:len(good)/2])+`, 'x'),
			await reason(`+jsString(tooSlow)+`, 'x'), await reason(`+jsString(shortSalt)+`, 'x')].join('\n');
	})`); got != strings.Join([]string{"true", "true", "false", "true", "true",
		"passphrase: The passphrase is wrong, or the file was changed after it was protected. Nothing was opened.",
		"damaged: This protected file is damaged or incomplete, and cannot be opened.",
		"damaged: This protected file is damaged or incomplete, and cannot be opened.",
		"damaged: This protected file is damaged or incomplete, and cannot be opened."}, "\n") {
		t.Errorf("protecting() answers:\n%s", got)
	}

	// One flipped byte: GCM refuses, whatever the passphrase.
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{write("flipped.json", flipped)}))
	typePassphrase(b, passphrase)
	waitFor(b, `document.querySelector('dialog[open] [role=alert]')?.textContent.startsWith('The passphrase is wrong, or the file was changed')`)
	b.do(chromedp.Click(chromedp.CSS(`dialog[open] button[type=button]`)))
	waitFor(b, `!document.querySelector('dialog')`)

	for _, c := range []struct{ name, data string }{
		{"truncated.json", good[:len(good)/2]},
		{"slow.json", tooSlow},
		{"salt.json", shortSalt},
	} {
		b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-notice]').replaceChildren()`))
		b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{write(c.name, c.data)}))
		noticeSays(b, "Nothing was restored. This protected file is damaged or incomplete, and cannot be opened.")
		if eval[bool](b, `!!document.querySelector('dialog')`) {
			t.Errorf("%s: a damaged file asked for its passphrase", c.name)
		}
	}
	if got := storedAnswers(b); !equalMaps(got, before) {
		t.Errorf("damaged protected files changed storage:\n%v\nwas\n%v", got, before)
	}

	// The page still works: the good file restores, and a field saves.
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{write("good.json", good)}))
	typePassphrase(b, passphrase)
	b.do(chromedp.WaitVisible(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)), chromedp.Click(chromedp.CSS(`dialog[open] [data-dialog=confirm]`)))
	noticeSays(b, "1 answers restored from the file.")
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	if got := eval[string](b, `document.getElementById('field-name').value`); got != "From the file" {
		t.Errorf("after the damaged files, the good one restored %q", got)
	}
	b.do(chromedp.SendKeys(chromedp.ID(`field-enjoy`), "Still saving"))
	waitFor(b, saved)
}

// evalAwait evaluates expr in b's page and waits for the promise it gives.
func evalAwait(b *browserSite, expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// shareStub gives the page a Web Share API level 2 that records what it
// is given, or refuses as a cancelled share does when window.cancelShare.
const shareStub = `Object.defineProperty(Navigator.prototype, 'canShare', {configurable: true, value: (data) => !!(data && data.files)});
Object.defineProperty(Navigator.prototype, 'share', {configurable: true, value: function (data) {
	if (window.cancelShare) return Promise.reject(new DOMException('Share canceled', 'AbortError'));
	if (window.refuseShare) { window.sealedBeforeRefusal = data.files[0]; return Promise.reject(new DOMException('Must be handling a user gesture', 'NotAllowedError')); }
	window.shared = data;
	return Promise.resolve();
}});`

// TestShareAnswersFile: where the browser shares files, "Share…" shares
// the answers file, protected when the client chose so; a cancelled share
// says nothing. Where it cannot, the button stays hidden.
func TestShareAnswersFile(t *testing.T) {
	t.Parallel()
	b := openSite(t, writeSite(t, answersSite))
	beforeRuntime(b, shareStub)
	b.do(chromedp.Navigate(b.url("prep/all/")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
	b.do(chromedp.SendKeys(chromedp.ID(`field-name`), "Ada"))
	waitFor(b, saved)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=share]`)))

	b.do(chromedp.Click(chromedp.CSS(`[data-action=share]`)))
	waitFor(b, `!!window.shared`)
	if got := evalAwait(b, `(async () => { const f = window.shared.files[0]; return [window.shared.files.length, f.name, f.type, window.shared.title, (await f.text()).includes('"value": "Ada"')].join(' '); })()`); !regexp.MustCompile(`^1 answers-\d{4}-\d\d-\d\d\.json application/json answers-\S+\.json true$`).MatchString(got) {
		t.Errorf("the shared file: %s", got)
	}
	waitFor(b, storedMeta+`?.lastBackup > 0`)

	protectDownload(b, passphrase, passphrase, false)
	b.do(chromedp.Evaluate[chromedp.Void](`window.shared = null`), chromedp.Click(chromedp.CSS(`[data-action=share]`)))
	waitFor(b, `!!window.shared`)
	got := evalAwait(b, `(async () => { const f = window.shared.files[0]; return f.name + '\n' + f.type + '\n' + await f.text(); })()`)
	parts := strings.SplitN(got, "\n", 3)
	if len(parts) != 3 || !regexp.MustCompile(`^answers-\d{4}-\d\d-\d\d-protected\.json$`).MatchString(parts[0]) || parts[1] != "application/json" {
		t.Fatalf("the shared protected file: %.200s", got)
	}
	if strings.Contains(parts[2], "Ada") {
		t.Error("the shared protected file shows the answer")
	}
	if plain, err := openEnvelope(t, readEnvelope(t, parts[2]), passphrase); err != nil || !bytes.Contains(plain, []byte(`"value": "Ada"`)) {
		t.Errorf("the shared protected file opens (%v) to:\n%.300s", err, plain)
	}

	// A phone refuses a share that comes too long after the tap; the
	// second tap shares the file sealed the first time, at once.
	b.do(chromedp.Evaluate[chromedp.Void](`window.shared = null; window.refuseShare = true`), chromedp.Click(chromedp.CSS(`[data-action=share]`)))
	noticeSays(b, "The file could not be made or shared. Try again, or download it.")
	b.do(chromedp.Evaluate[chromedp.Void](`window.refuseShare = false; window.subtleCalls = 0; const d = crypto.subtle.deriveKey; crypto.subtle.deriveKey = function () { window.subtleCalls++; return d.apply(this, arguments); }`))
	b.do(chromedp.Click(chromedp.CSS(`[data-action=share]`)))
	waitFor(b, `!!window.shared`)
	if got := evalAwait(b, `Promise.all([window.shared.files[0].text(), window.sealedBeforeRefusal.text()]).then(([a, b]) => String(a === b && a.includes('"coachbook-protected"')))`); got != "true" {
		t.Error("the second tap shared another file than the first sealed")
	}
	if n := eval[int](b, `window.subtleCalls`); n != 0 {
		t.Errorf("the second tap sealed the file again (%d keys derived)", n)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-notice]').replaceChildren()`))

	b.do(chromedp.Evaluate[chromedp.Void](`window.cancelShare = true`), chromedp.Click(chromedp.CSS(`[data-action=share]`)))
	time.Sleep(2 * time.Second) // Sealing takes a moment; a cancelled share then says nothing.
	if n := eval[int](b, `document.querySelectorAll('[data-notice] p').length`); n != 0 {
		t.Errorf("a cancelled share showed %d notices: %s", n, eval[string](b, `document.querySelector('[data-notice]').textContent`))
	}

	for _, stub := range []string{
		`Object.defineProperty(Navigator.prototype, 'canShare', {configurable: true, value: () => false});`,
		`Object.defineProperty(Navigator.prototype, 'canShare', {configurable: true, value: undefined});`,
	} {
		without := openSite(t, writeSite(t, answersSite))
		beforeRuntime(without, stub)
		without.do(chromedp.Navigate(without.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-action=export]`)))
		if eval[bool](without, `!document.querySelector('[data-action=share]').hidden`) {
			t.Errorf("with %s the Share button shows", stub)
		}
	}
}

// TestAxeProtect runs axe-core on the home page with the passphrase boxes
// open and a passphrase problem shown, and on the passphrase dialog with
// a wrong passphrase said, light, dark and at 320 px; there, every
// control of "Your answers" and of the dialog is at least 44 px tall and
// nothing is wider than the screen.
func TestAxeProtect(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	b := openSite(t, writeSite(t, answersSite))
	beforeRuntime(b, shareStub)
	b.do(chromedp.Navigate(b.url("")), chromedp.WaitVisible(chromedp.CSS(`[data-protect-choice]`)))
	protectDownload(b, passphrase, "different", true)
	b.do(chromedp.Click(chromedp.CSS(`[data-action=export]`)))
	waitFor(b, `!document.querySelector('[data-passphrase-problem]').hidden`)
	axeLightDarkNarrow(t, b, script)
	small := `[...document.querySelectorAll(SCOPE)].filter(e => e.offsetParent && e.getBoundingClientRect().height < 44).map(e => e.outerHTML.slice(0, 80))`
	targets := `.site-answers button:not([hidden]), .site-answers input:not([type=checkbox]), .site-answers .protect-choice`
	if got := eval[[]string](b, strings.Replace(small, "SCOPE", jsString(targets), 1)); len(got) != 0 {
		t.Errorf("at 320 px, targets under 44 px: %v", got)
	}
	if w := eval[int](b, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("at 320 px the home page is %d px wide", w)
	}

	file := filepath.Join(t.TempDir(), "answers-2026-11-30-protected.json")
	writeFile(t, file, sealInGo(t, `{"format": "coachbook-answers", "version": 1, "workbooks": []}`, passphrase, nil))
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-restore-file]`), []string{file}))
	typePassphrase(b, "wrong")
	waitFor(b, `!!document.querySelector('dialog[open] [role=alert]')`)
	if got := eval[[]string](b, strings.Replace(small, "SCOPE", jsString(`dialog[open] button, dialog[open] input`), 1)); len(got) != 0 {
		t.Errorf("at 320 px, dialog targets under 44 px: %v", got)
	}
	if got := eval[string](b, `document.activeElement.id + ' ' + document.activeElement.getAttribute('aria-describedby')`); got != "coachbook-open-passphrase coachbook-passphrase-problem" {
		t.Errorf("after a wrong passphrase the focus is on %q", got)
	}
	runAxe(t, b, "passphrase dialog, 320 px wide")
	b.do(chromedp.EmulateViewport(1024, 768))
	runAxe(t, b, "passphrase dialog")
}
