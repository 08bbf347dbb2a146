/*
 * coachbook runtime extension: every answer of the site on one page.
 *
 * Loaded on the two book pages (generator/answerbook.go): "My answers"
 * (answers/) reads the client's answers on this device; the review page
 * (review/) reads a file a client sent, and writes nothing: nothing is
 * stored, nothing merges, and a second file replaces the first. Both show
 * answers as one book: the layout gives its headings, the build an index
 * of the files that hold each workbook's fields (script#coachbook-book,
 * generator/fieldfiles.go), of which only those of the workbooks that
 * hold answers load, coachbook-recall.js how an answer reads as text and
 * coachbook-listings.js how progress counts. User text is set only
 * through textContent.
 */
(function () {
  "use strict";

  var core, M;
  // The workbooks of the book in site order, the file that holds each
  // one's fields, how many of its fields count while nothing is answered,
  // and, by ID, those loaded (a site's own layout may still list them
  // whole).
  var order = [], files = Object.create(null), empty = Object.create(null), book = Object.create(null);
  // The most entries, or answers to questions the site no longer asks,
  // one list shows: no client writes more, and a crafted file that holds
  // more must not freeze the page.
  var MOST = 200;
  var shown = null; // what the book shows: {items by workbook ID, client, progress}

  coachbook.defineFeature(function (c) {
    core = c;
    M = c.messages;
    var data = core.$('script[type="application/json"]#coachbook-book'), index;
    try { index = JSON.parse(data.textContent); } catch (e) { return; }
    if (!Array.isArray(index) || !core.given("lines") || !core.given("progressOf")) return;
    index.forEach(function (g) {
      if (core.isObject(g) && typeof g.src === "string" && Array.isArray(g.workbooks)) {
        g.workbooks.forEach(function (w) {
          if (!Array.isArray(w) || typeof w[0] !== "string") return;
          order.push(w[0]);
          files[w[0]] = g.src;
          empty[w[0]] = w[1] > 0 ? w[1] : 0;
        });
      } else if (core.isObject(g) && typeof g.id === "string" && Array.isArray(g.fields)) {
        order.push(g.id);
        book[g.id] = g;
      }
    });
    // A workbook without answers opened by the client shows its questions.
    document.addEventListener("toggle", function (event) {
      var box = event.target, id = box.getAttribute && box.getAttribute("data-book-workbook");
      if (!shown || !box.open || !id || book[id] || !files[id]) return;
      loadFor([id]).then(function () {
        if (!shown || !book[id] || shown.byID[id].answered) return;
        shown.byID[id].items = items(book[id], Object.create(null), Object.create(null));
        fill(box, shown.byID[id]);
        box.open = true;
      }, function () { /* It stays as it was. */ });
    }, true);
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-book-action]");
      if (button && shown) (button.getAttribute("data-book-action") === "print" ? window.print() : downloadMarkdown());
    });
    // Print opens every workbook that holds answers.
    window.addEventListener("beforeprint", function () {
      core.$$("[data-book-workbook]:not([data-empty])").forEach(function (d) { d.open = true; });
    });
    if (core.$("[data-review]")) startReview();
    else startOwn();
  });

  /* ---- Where the answers come from ---- */

  // A source maps workbook ID to {title, url, answers: key → {v, label}}.

  // fromExport reads the workbooks of a download of answers, as the
  // runtime makes it from this device's storage.
  function fromExport(workbooks) {
    var source = Object.create(null);
    workbooks.forEach(function (w) {
      var mine = source[w.id] = { title: w.title, url: w.url, answers: Object.create(null) };
      w.answers.forEach(function (a) { mine.answers[a.key] = { v: a.value, label: a.label }; });
    });
    return source;
  }

  // fromChecked reads the answers of a file the restore's checks kept.
  function fromChecked(answers) {
    var source = Object.create(null);
    answers.forEach(function (a) {
      var mine = source[a.workbook.id] = source[a.workbook.id] || { title: a.workbook.title, url: a.workbook.url, answers: Object.create(null) };
      mine.answers[a.key] = { v: a.record.v, label: a.label };
    });
    return source;
  }

  /* ---- The book: each workbook's questions and answers as items ---- */

  // items lists workbook w's questions in page order with the answers in
  // got ({v, label} by key), each an item: {heading} for an exercise's
  // name, {entry} for an entry of a repeating exercise, or {label, lines}.
  // The keys it shows are marked in used.
  function items(w, got, used) {
    var out = [], names = Object.create(null), last = null;
    (w.exercises || []).forEach(function (e) { names[e.id] = e.label; });
    var value = function (key) { return key in got ? got[key].v : undefined; };
    var item = function (f, key) {
      used[key] = used[key + ".other"] = true;
      var other = value(key + ".other");
      return { label: f.label, lines: core.given("lines")(f, value(key), other) };
    };
    w.fields.forEach(function (f) {
      if (f.exercise !== last) {
        last = f.exercise;
        if (f.repeat) {
          // Every field of a repeating exercise, entry by entry, the oldest
          // first: an entry ID begins with the time it was made.
          var mine = w.fields.filter(function (g) { return g.repeat === f.repeat; });
          var ids = entryIDs(got, f.repeat);
          if (names[f.repeat] && ids.length) out.push({ heading: names[f.repeat] });
          ids.forEach(function (id, n) {
            var keys = mine.map(function (g) { return f.repeat + "@" + id + g.key.slice(f.repeat.length); });
            // Entries past the most shown are counted below, not left over.
            if (n >= MOST) return keys.forEach(function (k) { used[k] = used[k + ".other"] = true; });
            out.push({ entry: core.say(M.entryHeading, names[f.repeat] || f.repeat, new Date(core.made(id)).toLocaleString(core.locale())) });
            mine.forEach(function (g, i) { out.push(item(g, keys[i])); });
          });
          if (ids.length > MOST) out.push({ label: "", lines: [core.say(M.andMore, ids.length - MOST)] });
        } else if (f.exercise && names[f.exercise]) {
          out.push({ heading: names[f.exercise] });
        }
      }
      if (f.repeat) return;
      // An answer saved under a field's earlier key shows under the field,
      // as its page would carry it over.
      var key = [f.key].concat(f.was || []).filter(function (k) { return k in got; })[0] || f.key;
      (f.was || []).forEach(function (k) { used[k] = true; });
      out.push(item(f, key));
    });
    return out;
  }

  // entryIDs lists the IDs of the entries of exercise ex that hold an
  // answer, sorted as made.
  function entryIDs(got, ex) {
    var ids = Object.create(null);
    Object.keys(got).forEach(function (k) {
      var m = /^([^.@]+)@([a-z0-9]{1,16})\./.exec(k);
      if (m && m[1] === ex) ids[m[2]] = true;
    });
    return Object.keys(ids).sort();
  }

  // leftOver lists the answers in got no question of the site shows, as
  // the file or storage labels them: fields the author removed, or
  // workbooks this site does not have.
  function leftOver(got, used) {
    var keys = Object.keys(got).filter(function (k) { return !used[k]; });
    var out = keys.slice(0, MOST).map(function (k) {
      return { label: got[k].label || k, lines: plain(got[k].v) };
    });
    if (keys.length > MOST) out.push({ label: "", lines: [core.say(M.andMore, keys.length - MOST)] });
    return out;
  }

  // plain reads an answer whose field is unknown: text, a list, rows or
  // a map, as lines.
  function plain(v) {
    var cell = function (x) { return typeof x === "string" || typeof x === "number" ? String(x) : x === true ? M.yes : ""; };
    var pairs = function (o) {
      return Object.keys(o).filter(function (k) { return k.charAt(0) !== "@" && cell(o[k]); }).map(function (k) { return k + ": " + cell(o[k]); }).join("; ");
    };
    var line = function (x) { return core.isObject(x) ? pairs(x) : cell(x); };
    return (Array.isArray(v) ? v.map(line) : core.isObject(v) ? Object.keys(v).map(function (k) { return k + ": " + line(v[k]); }) : [cell(v)]).filter(function (s) { return s.trim(); });
  }

  /* ---- Showing the book ---- */

  // loadFor loads the fields of workbooks ids not loaded yet, from the
  // files that hold them: a site of thousands of workbooks loads only
  // the few files of the workbooks that hold answers.
  function loadFor(ids) {
    var srcs = Object.create(null);
    ids.forEach(function (id) { if (files[id] && !book[id]) srcs[files[id]] = true; });
    srcs = Object.keys(srcs);
    if (!srcs.length) return Promise.resolve();
    return coachbook.restoring().then(function (R) { return R.booksFrom(srcs); }).then(function (loaded) {
      order.forEach(function (id) { if (!book[id] && loaded[id]) book[id] = loaded[id]; });
    });
  }

  function el(tag, text, parent, className) {
    var e = core.element(tag, text, parent);
    if (className) e.className = className;
    return e;
  }

  // show fills the book with the answers of source, and says whose they
  // are, once the fields of its workbooks are loaded; the workbooks of the
  // site that hold none stay closed.
  function show(source, client) {
    return loadFor(Object.keys(source)).then(function () { paint(source, client); });
  }

  function paint(source, client) {
    var used = Object.create(null), done = 0, counted = 0, archived = 0, byID = Object.create(null);
    order.forEach(function (id) {
      var w = book[id];
      if (!w) {
        // Not loaded, so without answers: it counts as the listings count
        // a workbook not started, and shows its questions once opened.
        used[id] = Object.create(null);
        counted += empty[id] > 0;
        byID[id] = { items: [], count: "", answered: false };
        var closed = core.$('[data-book-workbook="' + CSS.escape(id) + '"]');
        if (closed) fill(closed, byID[id]);
        return;
      }
      var got = source[w.id] ? source[w.id].answers : Object.create(null);
      var mine = used[w.id] = Object.create(null);
      var list = items(w, got, mine), old = leftOver(got, mine);
      archived += Object.keys(got).length - Object.keys(mine).filter(function (k) { return k in got; }).length;
      if (old.length) list = list.concat({ heading: M.bookArchived }, old);
      var answered = list.some(function (i) { return i.lines && i.lines.length; });
      var n = core.given("progressOf")(w.progress, function (k) { return k in got ? got[k].v : undefined; }, function (ex) {
        return Object.keys(got).filter(function (k) { return k.indexOf(ex + "@") === 0; });
      });
      counted += n.counted > 0;
      done += n.counted > 0 && n.done === n.counted;
      var count = !n.counted ? "" : n.done === n.counted ? core.say(M.done, n.done) : core.say(M.progress, n.done, n.counted);
      byID[w.id] = { items: list, count: count, answered: answered };
      var box = core.$('[data-book-workbook="' + CSS.escape(w.id) + '"]');
      if (box) fill(box, byID[w.id]);
    });
    // Answers to workbooks the site does not have, under their own heading.
    var others = core.$("[data-book-others]");
    var extra = Object.keys(source).filter(function (id) { return !used[id]; });
    others.replaceChildren();
    others.hidden = !extra.length;
    if (extra.length) {
      el("h2", M.bookOthers, others);
      el("p", M.bookOthersNote, others);
      extra.slice(0, MOST).forEach(function (id) {
        var d = el("details", "", others, "book-workbook");
        d.setAttribute("data-book-workbook", id);
        el("h3", source[id].title || id, el("summary", "", d));
        el("div", "", d, "book-answers").setAttribute("data-book-answers", "");
        var list = leftOver(source[id].answers, Object.create(null));
        archived += Object.keys(source[id].answers).length;
        byID[id] = { items: list, count: "", answered: true, title: source[id].title || id };
        fill(d, byID[id]);
      });
    }
    var progress = core.$("[data-book-progress]");
    progress.textContent = core.say(M.bookProgress, done, counted);
    progress.hidden = false;
    core.$$("[data-book-action]").forEach(function (b) { b.hidden = false; });
    core.$("[data-book]").hidden = false;
    shown = { byID: byID, client: client, progress: progress.textContent, extra: extra, archived: archived };
  }

  // fill shows one workbook's items in its box, open when it holds
  // answers, closed (and left out of print) when not.
  function fill(box, w) {
    var count = core.$("[data-book-count]", box);
    if (count) count.textContent = w.answered ? w.count : M.bookNotStarted;
    var parts = w.items.map(function (i) {
      if (i.heading) return el("h4", i.heading, null, "book-exercise");
      if (i.entry) return el("h5", i.entry, null, "book-entry");
      var div = el("div", "", null, "book-field");
      if (i.label) el("p", i.label, div, "book-question");
      if (!i.lines.length) {
        div.setAttribute("data-empty", "");
        el("p", M.recallEmpty, div, "book-none");
      } else if (i.lines.length === 1) {
        el("p", i.lines[0], div, "book-answer");
      } else {
        var ul = el("ul", "", div, "book-answer");
        i.lines.forEach(function (line) { el("li", line, ul); });
      }
      return div;
    });
    core.$("[data-book-answers]", box).replaceChildren.apply(core.$("[data-book-answers]", box), parts);
    box.toggleAttribute("data-empty", !w.answered);
    box.open = w.answered;
  }

  // downloadMarkdown downloads the book as one Markdown file: the
  // headings of the page, and every answer given.
  function downloadMarkdown() {
    var md = core.md, out = ["# " + md(core.$("h1").textContent), ""];
    if (shown.client) out.push(md(core.say(M.answersOf, shown.client)), "");
    out.push(md(shown.progress), "");
    var workbook = function (id, title) {
      var w = shown.byID[id];
      out.push("### " + md(title), "", md(w.answered ? w.count || "" : M.bookNotStarted), "");
      w.items.forEach(function (i) {
        if (i.heading) out.push("#### " + md(i.heading), "");
        else if (i.entry) out.push("##### " + md(i.entry), "");
        else if (i.lines.length) {
          if (i.label) out.push("**" + md(i.label) + "**", "");
          out.push(i.lines.length === 1 ? md(i.lines[0]) : i.lines.map(core.item).join("\n"), "");
        }
      });
    };
    core.$$("[data-book] .book-group:not([data-book-others])").forEach(function (group) {
      out.push("## " + md(core.$("h2", group).textContent), "");
      core.$$("[data-book-workbook]", group).forEach(function (d) { workbook(d.getAttribute("data-book-workbook"), core.$("h3", d).textContent); });
    });
    if (shown.extra.length) {
      out.push("## " + md(M.bookOthers), "");
      shown.extra.slice(0, MOST).forEach(function (id) { workbook(id, shown.byID[id].title); });
    }
    core.download(core.fileName("answers", shown.client) + ".md", "text/markdown", out.join("\n").replace(/\n+$/, "\n"));
  }

  /* ---- My answers: this device's ---- */

  function startOwn() {
    var refresh = function () {
      var data = core.exportData();
      show(fromExport(data.workbooks), data.client).catch(function () { /* The book stays hidden: none is better than a wrong one. */ });
    };
    refresh();
    // Another tab saved, erased or restored.
    window.addEventListener("storage", refresh);
  }

  /* ---- Review: a client's file, read and never stored ---- */

  function startReview() {
    var input = core.$("[data-review-file]"), zone = core.$("[data-review-drop]");
    zone.hidden = false;
    core.$("[data-review-choose]").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      if (input.files[0]) open(input.files[0]);
      input.value = "";
    });
    // A file dropped beside the zone must not replace the page.
    ["dragover", "drop"].forEach(function (type) {
      window.addEventListener(type, function (event) { event.preventDefault(); });
    });
    zone.addEventListener("dragover", function () { zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("dragging"); });
    zone.addEventListener("drop", function (event) {
      zone.classList.remove("dragging");
      var file = event.dataTransfer && event.dataTransfer.files[0];
      if (file) open(file);
    });
  }

  // open reads a client's file, asking for its passphrase when it is
  // protected, and shows its answers in place of any shown before.
  function open(file) {
    clear();
    status(core.say(M.reviewOpening, file.name));
    Promise.all([coachbook.restoring(), core.readAnswersFile(file)]).then(function (loaded) {
      if (loaded[1] === null) return status("");
      // The fields of the file's workbooks load first (fieldfiles.go).
      return loaded[0].prepare(loaded[1]).then(function () {
        var checked = loaded[0].readImport(loaded[1]);
        if (checked.problem || !checked.answers.length) return status(core.say(M.reviewFailed, checked.problem || M.damaged));
        return showFile(checked, file.name);
      });
    }).catch(function (e) {
      status(core.say(M.reviewFailed, e && e.reason ? e.message : M.reviewNotLoaded));
    });
  }

  function status(text) { core.$("[data-review-status]").textContent = text; }

  // clear takes the shown file away, so a file that fails to open never
  // leaves another client's answers under its name.
  function clear() {
    shown = null;
    core.$("[data-book]").hidden = true;
    core.$("[data-review-about]").hidden = true;
    core.$$("[data-book-action]").forEach(function (b) { b.hidden = true; });
    core.$$("[data-book-answers]").forEach(function (a) { a.replaceChildren(); });
  }

  function showFile(checked, name) {
    return show(fromChecked(checked.answers), checked.client).then(function () { describe(checked, name); });
  }

  // describe says whose the shown file is, when it was made, and what of it
  // the book leaves out.
  function describe(checked, name) {
    var about = core.$("[data-review-about]");
    core.$("[data-review-client]", about).textContent = checked.client ? core.say(M.answersOf, checked.client) : M.reviewNoName;
    core.$("[data-review-date]", about).textContent = core.say(M.reviewFileDate, name, core.isTime(checked.exported) ? new Date(checked.exported).toLocaleString(core.locale()) : M.reviewNoDate);
    var notes = [];
    if (checked.site && checked.site.id !== document.body.getAttribute("data-site")) notes.push(core.say(M.otherSite, checked.site.title));
    if (checked.left.length) notes.push(core.say(M.restoreLeftOut, checked.left.length));
    if (checked.cut) notes.push(core.say(M.restoreCut, checked.cut));
    if (shown.archived) notes.push(core.say(M.reviewArchived, shown.archived));
    var list = core.$("[data-review-notes]", about);
    list.replaceChildren.apply(list, notes.map(function (n) { return el("li", n); }));
    list.hidden = !notes.length;
    about.hidden = false;
    status(core.say(M.reviewOpened, name));
  }
})();
