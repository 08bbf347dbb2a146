/*
 * coachbook runtime extension: the home page's tools for all of a
 * client's answers (layouts/partials/site-answers.html): keeping answers
 * in this tab only on a shared computer, the client's name, restoring
 * answers from a file, and protecting and sharing the download.
 *
 * Loaded with `defer` after coachbook.js, only by the home page
 * (generator/pagescripts.go): no workbook page offers these, so none
 * downloads them. The core keeps what every page needs: following another
 * tab that made the computer shared, and the download.
 */
(function () {
  "use strict";

  coachbook.defineFeature(function (core) {
    var M = core.messages;

    /* ---- A shared computer: answers kept in this tab only ---- */

    // The choice holds in every tab of the site until the browser session
    // ends, so it is a session cookie: sessionStorage is one tab's, and a
    // BroadcastChannel reaches no tab opened later. The cookie has no
    // Expires or Max-Age, so it ends with the session; its path is the
    // site's, so a site under another path of the host never gets it; and
    // it is SameSite=Strict. The browser sends it to the site's own host
    // with each request, which is acceptable: it holds only "1", never an
    // answer, and a static site has nothing that reads it.
    function writeSharedCookie(on) {
      var attributes = "; path=" + core.sitePath + "; SameSite=Strict" + (window.location.protocol === "https:" ? "; Secure" : "");
      try { document.cookie = core.sharedCookie + (on ? "=1" : "=; Max-Age=0") + attributes; } catch (e) { /* Cookies are off: the tab's own flag still holds. */ }
    }

    core.$$("[data-shared]").forEach(function (box) {
      box.checked = core.shared;
      box.addEventListener("change", function () {
        if (box.checked && !window.confirm(M.sharedOn)) {
          box.checked = false;
          return;
        }
        if (!box.checked && !window.confirm(M.sharedOff)) {
          box.checked = true;
          return;
        }
        try {
          if (box.checked) window.sessionStorage.setItem(core.sharedKey, "1");
          else window.sessionStorage.removeItem(core.sharedKey);
        } catch (e) { /* Without sessionStorage there is nothing to switch. */ }
        writeSharedCookie(box.checked);
        // Open tabs follow at once (the core's startDevice).
        if (box.checked) {
          try {
            window.localStorage.setItem(core.prefix + "shared", String(Date.now()));
            window.localStorage.removeItem(core.prefix + "shared");
          } catch (e) { /* Open tabs follow when they next load. */ }
        }
        window.location.reload();
      });
      core.show(box.closest("[data-shared-choice]"));
    });

    /* ---- Whose answers: the name an export carries ---- */

    function setName(name) {
      var meta = core.meta();
      meta.name = name.trim().slice(0, core.MAX_NAME);
      meta.named = Date.now();
      core.$$("[data-client-name]").forEach(function (input) { if (input.value.trim() !== meta.name) input.value = meta.name; });
    }

    core.$$("[data-client-name]").forEach(function (input) {
      input.value = core.meta().name || "";
      input.addEventListener("input", function () {
        var meta = core.meta();
        meta.name = input.value.trim().slice(0, core.MAX_NAME);
        meta.named = Date.now();
        core.saveMeta();
      });
      core.show(input.closest("[data-client-name-choice]"));
    });

    /* ---- Restore: check the file, show what changes, merge by time ---- */

    // applyImport stores the answers the client chose to restore.
    function applyImport(plan) {
      var failed = 0, meta = core.meta();
      plan.changes.forEach(function (c) {
        if (!core.put(c.workbook.id, c.key, c.record)) failed++;
        if (!core.stored("wb:" + c.workbook.id)) {
          core.stored("wb:" + c.workbook.id, JSON.stringify({ title: c.workbook.title, url: c.workbook.url, labels: c.workbook.labels }));
        }
      });
      // "Continue where you left off" leads to the latest restored answer of
      // a workbook on this site, unless the client has written here since.
      plan.changes.forEach(function (c) {
        if (core.siteFields()[c.workbook.id] && (!meta.last || !(meta.last.t >= c.record.t))) meta.last = { id: c.workbook.id, t: c.record.t };
      });
      if (plan.changes.length) core.saveMeta();
      core.reshow();
      if (plan.changes.length > failed) {
        if (!core.isTime(meta.firstSaved)) meta.firstSaved = Date.now();
        if (plan.client && !meta.name) setName(plan.client);
        core.saveMeta();
        core.askToPersist();
      }
      core.shown();
      core.notice(failed ? core.say(M.restoredHereOnly, core.failure()) : core.say(M.restored, plan.changes.length));
      if (plan.left.length) core.notice(core.say(M.restoreLeftOut, plan.left.length));
    }

    // planStoredImport plans restoring the checked answers over those saved
    // on this device.
    function planStoredImport(checked, restorer) {
      var local = Object.create(null);
      checked.answers.forEach(function (a) {
        var mine = local[a.workbook.id] = local[a.workbook.id] || Object.create(null);
        mine[a.key] = core.recordOf(a.workbook.id, a.key);
      });
      return restorer.planImport(checked, local);
    }

    // importFile restores a file the client chose: a protected one once
    // they give its passphrase. A sealed file is base64, a third larger:
    // readImport checks the size of what it holds.
    function importFile(file) {
      Promise.all([coachbook.restoring(), core.readAnswersFile(file)]).then(function (loaded) {
        // The fields of the file's workbooks load first (fieldfiles.go).
        return loaded[1] === null ? loaded : loaded[0].prepare(loaded[1]).then(function () { return loaded; });
      }).then(function (loaded) {
        if (loaded[1] === null) return;
        var checked = loaded[0].readImport(loaded[1]);
        if (checked.problem || !checked.answers.length && checked.left.length) {
          core.notice(core.say(M.nothingRestored, checked.problem || M.damaged));
        } else {
          loaded[0].confirm(planStoredImport(checked, loaded[0]), applyImport);
        }
      }).catch(function (e) { core.notice(core.say(M.nothingRestored, e && e.reason ? e.message : M.restoreNotLoaded)); });
    }

    core.$$("[data-restore-file]").forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.files[0]) importFile(input.files[0]);
        input.value = "";
      });
    });

    /* ---- The download: protected with a passphrase, shared ---- */

    // Protecting the answers file is offered where the browser can seal it
    // (WebCrypto needs https), and sharing it where the browser shares
    // files, as phones do.
    var canShare = !!navigator.canShare && navigator.canShare({ files: [new File(["{}"], "a.json", { type: "application/json" })] });
    core.$$("[data-action=share]").forEach(function (button) { button.hidden = !canShare; });
    if (crypto.subtle) {
      core.$$("[data-protect]").forEach(function (box) {
        var choose = function () {
          core.$("[data-protect-fields]").hidden = !box.checked;
          // The sealing code loads while the client types the passphrase.
          if (box.checked) coachbook.protecting().catch(function () { /* Tried again on download. */ });
        };
        box.addEventListener("change", choose);
        choose();
        core.show(box.closest("[data-protect-choice]"));
      });
    }

    // The buttons of these tools; the core answers the others.
    var actions = {
      // Where the browser shares files (phones), the same file goes to the
      // coach's email or chat; a share the client cancels says nothing.
      share: function () {
        core.sendAnswers(function (file) {
          return navigator.share({ files: [new File([file.text], file.name, { type: "application/json" })], title: file.name });
        });
      },
      // Choosing a file takes a moment: the restore's code loads meanwhile.
      restore: function () {
        core.$("[data-restore-file]").click();
        coachbook.restoring().catch(function () { /* Tried again with the file. */ });
      }
    };
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-action=share], [data-action=restore]");
      if (button) actions[button.getAttribute("data-action")]();
    });
  });
})();
