/*
 * coachbook runtime extension: restoring answers from a file.
 *
 * The core loads it the first time a client chooses a file to restore
 * (most visits never do), and a page that shows a file's answers may load
 * it with its scripts. It checks the file against the site's fields,
 * plans what restoring changes, and asks the client in a dialog; the core
 * writes what the client confirms. It also loads the files that list the
 * site's fields (generator/fieldfiles.go), which the home and review pages
 * name but do not hold, for the restore and for the listings' counts,
 * and the files of the book pages' workbooks (coachbook-book.js).
 * Hand-written, no build step.
 */
(function () {
  "use strict";
  coachbook.defineRestore(function (core) {
    var M = core.messages;
    var dict = core.dict, isObject = core.isObject, own = core.own, asText = core.asText;
    var isName = core.isName, isTime = core.isTime, isWorkbookID = core.isWorkbookID;
    var fit = core.fit, fieldOfKey = core.fieldOfKey, say = core.say, element = core.element;

    // A file of more answers than this is refused whole: no client writes
    // so many, and restoring them would fill the browser's storage halfway.
    var MAX_ANSWERS = 10000;
    // JavaScript's names for an object's prototype: a workbook or field the
    // site lacks may not be called so, nor may a value hold a key
    // "__proto__" (no page writes one), so that no code reading answers
    // into plain objects meets them.
    var PROTOTYPE = /^(__proto__|constructor|prototype)$/;

    // newer tells whether record a replaces record b: only a later time
    // does, so of two saved at the same moment the one already kept stays.
    function newer(a, b) { return a.t > b.t; }

    // merge says what restoring record from a file does to the local one:
    // "new" where there is none, "same" where it holds the same value,
    // "replaces" where the file's is newer, and "kept" where it is not.
    function merge(local, record) {
      if (!local) return "new";
      if (JSON.stringify(local.v) === JSON.stringify(record.v)) return "same";
      return newer(record, local) ? "replaces" : "kept";
    }

    // checkImport reads a file's data against the site's fields: either
    // {problem} for a file that is not ours at all, or the answers to
    // restore, those left out and how many were cut to fit. One odd answer
    // never stops the others; of one answer given twice the newer counts.
    function checkImport(data, fields) {
      if (!isObject(data) || data.format !== "coachbook-answers" || typeof data.version !== "number" || !Array.isArray(data.workbooks)) {
        return { problem: M.notAnswers };
      }
      if (data.version > 1) return { problem: M.newerVersion };
      var count = 0;
      data.workbooks.forEach(function (w) { count += isObject(w) && Array.isArray(w.answers) ? w.answers.length : 1; });
      if (count > MAX_ANSWERS) return { problem: say(M.tooManyAnswers, MAX_ANSWERS) };
      var site = isObject(data.site) ? { id: asText(data.site.id, ""), title: asText(data.site.title, asText(data.site.id, "?")) } : null;
      // The client's name is restored only when it is a name.
      var client = isName(data.client) ? data.client.trim() : "";
      // When the file was made, for the review page to say.
      var exported = typeof data.exported === "string" ? Date.parse(data.exported) : NaN;
      var out = { answers: [], left: [], cut: 0, site: site, client: client, exported: isTime(exported) ? exported : null };
      var books = dict();
      var seen = dict();
      data.workbooks.forEach(function (w) {
        var id = isObject(w) && isWorkbookID(w.id) ? w.id : "";
        var book = id && (books[id] = books[id] || { id: id, title: asText(w.title, id), url: asText(w.url, ""), labels: dict() });
        var name = book ? book.title : asText(isObject(w) && w.id, "?");
        (isObject(w) && Array.isArray(w.answers) ? w.answers : [null]).forEach(function (a) {
          var key = isObject(a) && typeof a.key === "string" && core.isFieldKey(a.key) ? a.key : "";
          var t = isObject(a) && typeof a.updated === "string" ? Date.parse(a.updated) : NaN;
          var field = book && key && own(own(fields, id), fieldOfKey(key));
          var hostile = !field && (PROTOTYPE.test(id) || PROTOTYPE.test(key)) || /"__proto__":/.test(JSON.stringify(isObject(a) ? a.value : null));
          var kept = book && key && "value" in a && isTime(t) && !hostile ? fit(a.value, field) : null;
          if (!kept) {
            out.left.push(say(M.restoreItem, name, asText(isObject(a) && a.key, "?"), M.leftOut));
            return;
          }
          if (kept.cut) out.cut++;
          book.labels[key] = asText(a.label, key);
          var answer = { workbook: book, key: key, label: book.labels[key], record: { v: kept.v, t: t } };
          var before = seen[id + ":" + key];
          if (before === undefined) seen[id + ":" + key] = out.answers.push(answer) - 1;
          else if (newer(answer.record, out.answers[before].record)) out.answers[before] = answer;
        });
      });
      return out;
    }

    // planImport says what restoring the checked answers would change, given
    // the records saved now: local[workbook ID][field key] is {v, t}, or
    // missing where there is no answer.
    function planImport(checked, local) {
      var plan = { changes: [], kept: 0, same: 0, left: checked.left, cut: checked.cut, site: checked.site, client: checked.client || "" };
      checked.answers.forEach(function (a) {
        var what = merge(own(own(local, a.workbook.id), a.key), a.record);
        if (what === "same" || what === "kept") plan[what]++;
        else plan.changes.push(Object.assign({}, a, { what: what === "new" ? M.isNew : M.replaces }));
      });
      return plan;
    }

    function confirmImport(plan, apply) {
      var dialog = element("dialog");
      dialog.className = "restore-dialog";
      dialog.setAttribute("aria-label", M.restoreTitle);
      element("h2", M.restoreTitle, dialog);
      element("p", say(M.restoreSummary, plan.changes.length, plan.kept, plan.same), dialog);
      if (plan.left.length) element("p", say(M.restoreLeftOut, plan.left.length), dialog);
      if (plan.cut) element("p", say(M.restoreCut, plan.cut), dialog);
      if (plan.site && plan.site.id !== core.siteID()) {
        element("p", say(M.otherSite, asText(plan.site.title, asText(plan.site.id, "?"))), dialog);
      }
      var list = element("ul", "", dialog);
      var lines = plan.changes.map(function (c) { return say(M.restoreItem, c.workbook.title, c.label, c.what); }).concat(plan.left);
      lines.slice(0, 100).forEach(function (line) { element("li", line, list); });
      if (lines.length > 100) element("li", say(M.andMore, lines.length - 100), list);
      var buttons = element("p", "", dialog);
      [[M.cancel, "cancel"], [M.restore, "confirm"]].forEach(function (spec) {
        var button = element("button", spec[0], buttons);
        button.type = "button";
        button.className = "button";
        button.setAttribute("data-dialog", spec[1]);
      });
      dialog.addEventListener("click", function (event) {
        var which = event.target.getAttribute && event.target.getAttribute("data-dialog");
        if (which === "confirm") apply(plan);
        if (which) dialog.close();
      });
      dialog.addEventListener("close", function () { dialog.remove(); });
      document.body.appendChild(dialog);
      dialog.showModal();
      core.$("[data-dialog=cancel]", dialog).focus();
    }

    // files maps each workbook to the file that lists its fields, from the
    // page's index (script#coachbook-progress, or #coachbook-fields on the
    // review page): [{src, workbooks: [[id, …], …]}, …].
    var files = dict(), lists = dict(), books = dict(), loading = dict();
    ["progress", "fields"].forEach(function (name) {
      var index = null, el = core.$('script[type="application/json"]#coachbook-' + name);
      try { index = el && JSON.parse(el.textContent); } catch (e) { /* No index. */ }
      (Array.isArray(index) ? index : []).forEach(function (g) {
        if (isObject(g) && typeof g.src === "string" && Array.isArray(g.workbooks)) {
          g.workbooks.forEach(function (w) { if (Array.isArray(w) && typeof w[0] === "string") files[w[0]] = g.src; });
        }
      });
    });

    // take is what a field file calls with the fields it lists: restored
    // answers are checked against them, and the listings count by them.
    function take(workbooks) {
      Object.assign(core.fields(), coachbook.fieldsOf(workbooks));
      (Array.isArray(workbooks) ? workbooks : []).forEach(function (w) {
        if (isObject(w) && typeof w.id === "string" && Array.isArray(w.fields)) lists[w.id] = w.fields;
      });
    }

    // load loads the script at src once: a field or book file.
    function load(src) {
      if (!loading[src]) {
        loading[src] = new Promise(function (resolve, reject) {
          var script = element("script");
          script.src = src;
          script.onload = resolve;
          script.onerror = reject;
          document.head.appendChild(script);
        });
        // A failed load may be tried again, once the connection is back.
        loading[src].catch(function () { delete loading[src]; });
      }
      return loading[src];
    }

    // fieldsFor loads the field files of workbooks ids not loaded yet, and
    // gives every workbook's fields loaded so far, by ID.
    function fieldsFor(ids) {
      var srcs = dict();
      ids.forEach(function (id) { if (own(files, id) && !lists[id]) srcs[files[id]] = true; });
      return Promise.all(Object.keys(srcs).map(load)).then(function () { return lists; });
    }

    // takeBook is what a book file calls with its workbooks as the book
    // pages show them (coachbook-book.js).
    function takeBook(workbooks) {
      (Array.isArray(workbooks) ? workbooks : []).forEach(function (w) {
        if (isObject(w) && typeof w.id === "string" && Array.isArray(w.fields)) books[w.id] = w;
      });
    }

    // booksFrom loads the book files srcs, and gives every workbook of
    // the book loaded so far, by ID.
    function booksFrom(srcs) {
      return Promise.all(srcs.map(load)).then(function () { return books; });
    }

    // prepare loads the fields of the workbooks a file's text names, for
    // readImport to check their answers against.
    function prepare(text) {
      var data = null;
      try { data = text.length <= core.MAX_IMPORT ? JSON.parse(text) : null; } catch (e) { /* readImport says why. */ }
      return fieldsFor(isObject(data) && Array.isArray(data.workbooks) ? data.workbooks.map(function (w) { return isObject(w) && isWorkbookID(w.id) ? w.id : ""; }) : []);
    }

    // readImport parses a file's text and checks it against the site's
    // fields. The core refuses a file too large before reading it; this
    // checks what a protected file held.
    function readImport(text) {
      var data;
      if (text.length > core.MAX_IMPORT) return { problem: M.tooLarge };
      try { data = JSON.parse(text); } catch (e) { data = null; }
      return checkImport(data, core.fields());
    }

    return Object.freeze({ checkImport: checkImport, planImport: planImport, merge: merge, readImport: readImport, prepare: prepare, fieldsFor: fieldsFor, take: take, takeBook: takeBook, booksFrom: booksFrom, confirm: confirmImport });
  });
})();
