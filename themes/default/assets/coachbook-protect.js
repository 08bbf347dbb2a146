/*
 * coachbook runtime extension: answers files protected with a passphrase.
 *
 * The core loads it when a client chooses to protect a download or
 * restores a protected file, and the review page when a coach opens one.
 * A protected file is a JSON envelope (docs/answers.md, "Protected
 * files"): the answers file sealed with AES-256-GCM under a key that
 * PBKDF2-SHA-256 derives from the passphrase. Everything is WebCrypto's;
 * nothing leaves the page. Hand-written, no build step.
 */
(function () {
  "use strict";
  coachbook.defineProtect(function (core) {
    var M = core.messages;
    var element = core.element, isObject = core.isObject;
    var FORMAT = "coachbook-protected";
    // OWASP's 2023 advice for PBKDF2-SHA-256. A file may ask for more, up
    // to a limit, so that a hostile one cannot freeze the page.
    var ITERATIONS = 600000;
    var MOST_ITERATIONS = 10000000;
    // An envelope cut short is still recognised as one, to be called
    // damaged rather than "not answers".
    var LOOKS_SEALED = /^\s*\{\s*"format"\s*:\s*"coachbook-protected"/;

    // failure is the Error open() rejects with: reason "passphrase" when
    // GCM refuses (wrong passphrase, or a changed file), "damaged" when
    // the file is not a whole envelope.
    function failure(reason, message) {
      var e = new Error(message || (reason === "passphrase" ? M.wrongPassphrase : M.protectedDamaged));
      e.reason = reason;
      return e;
    }

    function toBase64(bytes) {
      var s = "";
      for (var i = 0; i < bytes.length; i += 32768) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
      return btoa(s);
    }

    function fromBase64(text) {
      var s;
      try { s = atob(text); } catch (e) { throw failure("damaged"); }
      var bytes = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
      return bytes;
    }

    function isSealed(text) {
      if (typeof text !== "string") return false;
      try {
        var data = JSON.parse(text);
        return isObject(data) && data.format === FORMAT;
      } catch (e) { return LOOKS_SEALED.test(text); }
    }

    // envelope reads a protected file's parts, or throws "damaged".
    function envelope(text) {
      var data = null;
      try { data = JSON.parse(text); } catch (e) { /* Damaged. */ }
      var kdf = isObject(data) && data.kdf, cipher = isObject(data) && data.cipher;
      if (isObject(data) && typeof data.version === "number" && data.version > 1) throw failure("damaged", M.newerVersion);
      if (!isObject(kdf) || !isObject(cipher) || data.format !== FORMAT || data.version !== 1 ||
        kdf.name !== "PBKDF2" || kdf.hash !== "SHA-256" || cipher.name !== "AES-GCM" ||
        typeof kdf.salt !== "string" || typeof cipher.iv !== "string" || typeof data.ciphertext !== "string" ||
        !Number.isInteger(kdf.iterations) || kdf.iterations < ITERATIONS || kdf.iterations > MOST_ITERATIONS) {
        throw failure("damaged");
      }
      var parts = { iterations: kdf.iterations, salt: fromBase64(kdf.salt), iv: fromBase64(cipher.iv), sealed: fromBase64(data.ciphertext) };
      // The sealed text ends in GCM's 16-byte tag.
      if (parts.salt.length !== 16 || parts.iv.length !== 12 || parts.sealed.length < 16) throw failure("damaged");
      return parts;
    }

    function deriveKey(passphrase, salt, iterations, use) {
      var subtle = crypto.subtle;
      return subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]).then(function (base) {
        return subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations }, base, { name: "AES-GCM", length: 256 }, false, [use]);
      });
    }

    function seal(text, passphrase) {
      var salt = crypto.getRandomValues(new Uint8Array(16));
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return deriveKey(passphrase, salt, ITERATIONS, "encrypt").then(function (key) {
        return crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, new TextEncoder().encode(text));
      }).then(function (sealed) {
        return JSON.stringify({
          format: FORMAT,
          version: 1,
          kdf: { name: "PBKDF2", hash: "SHA-256", iterations: ITERATIONS, salt: toBase64(salt) },
          cipher: { name: "AES-GCM", iv: toBase64(iv) },
          ciphertext: toBase64(new Uint8Array(sealed))
        });
      });
    }

    function open(text, passphrase) {
      return new Promise(function (resolve) { resolve(envelope(text)); }).then(function (parts) {
        return deriveKey(String(passphrase), parts.salt, parts.iterations, "decrypt").then(function (key) {
          return crypto.subtle.decrypt({ name: "AES-GCM", iv: parts.iv }, key, parts.sealed);
        }).then(function (plain) { return new TextDecoder().decode(plain); }, function () { throw failure("passphrase"); });
      });
    }

    // ask asks for the passphrase of the file named fileName in a dialog,
    // saying problem (a wrong passphrase) if given: the passphrase, or
    // null when the client cancels.
    function ask(fileName, problem) {
      return new Promise(function (resolve) {
        var answer = null;
        var dialog = element("dialog");
        dialog.className = "restore-dialog";
        var title = element("h2", M.passphraseTitle, dialog);
        title.id = "coachbook-passphrase-title";
        dialog.setAttribute("aria-labelledby", title.id);
        element("p", core.say(M.passphraseFor, fileName), dialog);
        var form = element("form", "", dialog);
        var label = element("label", M.passphrase, form);
        var input = element("input", "", form);
        label.htmlFor = input.id = "coachbook-open-passphrase";
        input.type = "password";
        input.required = true;
        input.autocomplete = "off";
        if (problem) {
          var said = element("p", problem, form);
          said.id = "coachbook-passphrase-problem";
          said.setAttribute("role", "alert");
          input.setAttribute("aria-describedby", said.id);
        }
        var buttons = element("p", "", form);
        buttons.className = "buttons";
        var cancel = element("button", M.cancel, buttons);
        cancel.type = "button";
        element("button", M.open, buttons).type = "submit";
        [].forEach.call(buttons.children, function (b) { b.className = "button"; });
        cancel.addEventListener("click", function () { dialog.close(); });
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          answer = input.value;
          dialog.close();
        });
        // Escape closes the dialog too: that is a cancel.
        dialog.addEventListener("close", function () {
          dialog.remove();
          resolve(answer);
        });
        document.body.appendChild(dialog);
        dialog.showModal();
        input.focus();
      });
    }

    // protectFile seals the answers file {name, text} that the home page
    // downloads or shares, with the passphrase its boxes hold, and names
    // it "…-protected.json", with the client's name (label) only if they
    // ticked so: the sealed {name, text}, or null, after saying what is
    // wrong with the passphrase.
    //
    // The same answers, passphrase and name give the file sealed last, at
    // once: a phone shares only within a moment of the tap, which sealing
    // may outlast, so the client's second tap on "Share…" must not wait.
    var last = { key: "", file: null };
    function protectFile(file, label) {
      var $ = core.$, pass = $("[data-passphrase]"), problem = $("[data-passphrase-problem]");
      problem.textContent = pass.value.length < pass.minLength ? core.say(M.passphraseShort, pass.minLength)
        : pass.value !== $("[data-passphrase-again]").value ? M.passphraseMismatch : "";
      problem.hidden = !problem.textContent;
      if (!problem.hidden) {
        pass.focus();
        return null;
      }
      var name = file.name.replace($("[data-name-in-file]").checked ? "" : label, "").replace(/\.json$/, "-protected.json");
      var key = JSON.stringify([name, pass.value, file.text.replace(/"exported": "[^"]*"/, "")]);
      if (last.key === key) return last.file;
      return seal(file.text, pass.value).then(function (text) {
        last = { key: key, file: { name: name, text: text } };
        return last.file;
      });
    }

    // unlock opens a protected file with the passphrase the client gives,
    // asking again after a wrong one: the text, or null when they cancel.
    // A damaged file is refused before any question; a text that is not
    // a protected file is given back as it is.
    function unlock(text, fileName) {
      if (!isSealed(text)) return Promise.resolve(text);
      try { envelope(text); } catch (e) { return Promise.reject(e); }
      return (function attempt(problem) {
        return ask(fileName, problem).then(function (passphrase) {
          return passphrase === null ? null : open(text, passphrase).catch(function (e) {
            if (e.reason === "passphrase") return attempt(e.message);
            throw e;
          });
        });
      })("");
    }

    return Object.freeze({ isSealed: isSealed, seal: seal, open: open, ask: ask, unlock: unlock, protectFile: protectFile });
  });
})();
