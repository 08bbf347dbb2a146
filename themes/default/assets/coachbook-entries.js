// coachbook-entries.js: the entries of repeating exercises
// (:::exercise{#id repeat}), loaded only on pages that have one. Each
// entry is a copy of the exercise's fields whose keys name the entry,
// EXERCISE@ENTRY.FIELD, so the core saves, restores and follows other
// tabs per entry field as it does any field. Hand-written, no build step.
(function () {
  "use strict";
  coachbook.defineFeature(function (core) {
    var M = core.messages, newID = core.newID, made = core.made;
    function make(tag, className, text) {
      var el = core.element(tag, text);
      el.className = className;
      return el;
    }

    // rename points a copy of the exercise's fields at entry id: its keys,
    // HTML ids and the references to them.
    function rename(root, ex, id) {
      var from = new RegExp("(^|[\\s-])" + ex + "\\.", "g");
      [root].concat(core.$$("*", root)).forEach(function (el) {
        Array.prototype.forEach.call(el.attributes, function (a) {
          if (/^(id|for|name|list|headers|aria-|data-)/.test(a.name)) a.value = a.value.replace(from, "$1" + ex + "@" + id + ".");
        });
      });
    }

    // adopt makes the answers exercise ex held before it repeated its first
    // entry, dated by the earliest, so that a coach who turns an exercise
    // repeatable loses no client's answer. A field's answer may be under its
    // key (a built-in type's tr.situation) or an earlier key in was (a
    // site's own field, FIELD before it became EX.FIELD): the newest wins.
    function adopt(ex) {
      var found = core.fields.filter(function (f) { return f.exercise === ex; }).map(function (f) {
        var held = [f.key].concat(f.was || []).map(function (k) { return { key: k, record: core.record(k) }; });
        held = held.filter(function (a) { return a.record; }).sort(function (a, b) { return b.record.t - a.record.t; });
        return { sub: f.key.slice(ex.length), held: held };
      }).filter(function (a) { return a.held.length; });
      if (!found.length) return;
      var id = Math.min.apply(null, found.map(function (a) { return a.held[a.held.length - 1].record.t; })).toString(36) + "00";
      found.forEach(function (a) {
        var to = ex + "@" + id + a.sub;
        core.move(a.held[0].key, to, a.held[0].record);
        // Older answers would be adopted again at the next start.
        if (a.held.length > 1 && core.record(to)) core.dropKeys(a.held.slice(1).map(function (o) { return o.key; }));
      });
    }

    core.$$("[data-repeat][data-exercise]").forEach(function (section) {
      var ex = section.getAttribute("data-exercise");
      adopt(ex);
      var max = +section.getAttribute("data-max") || 200;
      // What each entry holds: the exercise's content from its first field
      // to its last, leaving its title, status and introduction above.
      var kids = Array.prototype.slice.call(section.children);
      var holds = kids.map(function (k) { return k.matches("[data-field]") || !!core.$("[data-field]", k); });
      var first = holds.indexOf(true), last = holds.lastIndexOf(true);
      if (first < 0) return;
      var template = make("div", "entry-fields");
      var after = kids[last + 1] || null;
      kids.slice(first, last + 1).forEach(function (k) { template.appendChild(k); });
      var add = make("button", "entry-add", section.getAttribute("data-add-label") || M.addEntry);
      add.type = "button";
      var full = make("p", "entries-full");
      full.setAttribute("aria-live", "polite");
      var list = make("div", "entries");
      [add, full, list].forEach(function (el) { section.insertBefore(el, after); });
      var stored = {}; // entries seen saved: only those may vanish when another tab deletes them

      function start(id) { return ex + "@" + id + "."; }
      function entryOf(el) { return el && el.closest && el.closest("[data-entry]"); }
      function storedIDs() {
        var ids = {};
        core.keys(ex).forEach(function (k) { var m = /^[^@]+@([a-z0-9]{1,16})\./.exec(k); if (m) ids[m[1]] = true; });
        return ids;
      }

      // summarize shows a collapsed entry as its date and its first answer:
      // the date the client gave it, if it has a date field, else the day
      // it was made.
      function summarize(box) {
        var id = box.getAttribute("data-entry");
        var answers = core.bound(start(id)).map(core.binding).filter(function (b) {
          return b.key.slice(-6) !== ".other" && core.answered(b.get());
        });
        var dated = answers.filter(function (b) { return b.field.type === "date"; })[0];
        var day = new Date(dated ? dated.get() + "T00:00" : made(id));
        var answer = answers.filter(function (b) { return b !== dated; })[0];
        var text = answer ? String(answer.text(answer.get())).replace(/\s+/g, " ") : M.emptyEntry;
        box.firstChild.textContent = (isNaN(day) ? dated.get() : new Intl.DateTimeFormat(core.locale()).format(day)) + " · " + (text.length > 80 ? text.slice(0, 79) + "…" : text);
      }

      // show puts entry id on the page in its place, newest first, and
      // binds its fields, which then show what is saved.
      function show(id, open) {
        var box = make("details", "entry");
        box.setAttribute("data-entry", id);
        var fields = template.cloneNode(true);
        rename(fields, ex, id);
        var remove = make("button", "entry-delete", M.deleteEntry);
        remove.type = "button";
        box.append(make("summary", "entry-summary"), fields, remove);
        box.open = open;
        var next = Array.prototype.filter.call(list.children, function (el) { return made(el.getAttribute("data-entry")) < made(id); })[0];
        list.insertBefore(box, next || null);
        core.bindIn(box);
        summarize(box);
        return box;
      }

      function removeEntry(box) {
        var id = box.getAttribute("data-entry");
        core.dropKeys(core.bound(start(id)).concat(core.keys(ex).filter(function (k) { return k.indexOf(start(id)) === 0; })));
        delete stored[id];
        box.remove();
        // Totals and charts count what the page shows, which changed
        // without an input.
        document.dispatchEvent(new Event("coachbook:shown"));
      }

      var saved = Object.keys(storedIDs()).sort(function (a, b) { return made(b) - made(a); });
      saved.forEach(function (id, i) { stored[id] = true; show(id, i === 0); });
      if (!saved.length) show(newID(), true);

      add.addEventListener("click", function () {
        if (list.children.length >= max) {
          full.textContent = core.say(M.entriesFull, max);
          return;
        }
        full.textContent = "";
        var id = newID();
        while (core.$('[data-entry="' + id + '"]', list)) id = newID();
        Array.prototype.forEach.call(list.children, function (el) { el.open = false; });
        var box = show(id, true);
        var control = core.$("input:not([type=hidden]), textarea, select", box.children[1]);
        if (control) control.focus();
      });

      list.addEventListener("click", function (event) {
        var box = event.target.closest(".entry-delete") && entryOf(event.target);
        if (!box || !window.confirm(M.deleteEntryConfirm)) return;
        removeEntry(box);
        if (!list.children.length) show(newID(), true);
        full.textContent = "";
        add.focus();
      });

      ["input", "change"].forEach(function (type) {
        list.addEventListener(type, function (event) {
          var box = entryOf(event.target);
          if (!box) return;
          stored[box.getAttribute("data-entry")] = true; // saved within a moment
          summarize(box);
        });
      });

      // Another tab added or deleted entries: show its new ones, and take
      // away those whose every answer it deleted, unless being edited here.
      window.addEventListener("storage", function () {
        var now = storedIDs();
        Object.keys(now).forEach(function (id) {
          if (!core.$('[data-entry="' + id + '"]', list)) show(id, false);
          stored[id] = true;
        });
        Array.prototype.slice.call(list.children).forEach(function (box) {
          var id = box.getAttribute("data-entry");
          var busy = box.contains(document.activeElement) || core.bound(start(id)).some(core.busy);
          if (stored[id] && !now[id] && !busy) removeEntry(box);
          else summarize(box);
        });
      });

      // Print shows every entry whole.
      window.addEventListener("beforeprint", function () {
        Array.prototype.forEach.call(list.children, function (el) { el.open = true; });
      });
    });
  });
})();
