/*
 * coachbook client runtime: saves a client's answers in their own browser.
 *
 * - Loaded with `defer` from a file, never inline, so the strict
 *   Content-Security-Policy holds. It makes no network requests: answers
 *   leave the device only when the client downloads them.
 * - It writes user text only through textContent and value, never as HTML.
 * - Controls that need JavaScript are rendered `hidden` and revealed here,
 *   so a reader without JavaScript never sees a button that does nothing.
 *
 * Storage (localStorage; every key starts "coachbook:<site ID>:"):
 *   meta                  {schema, last: {id, t}, asked}
 *   a:<workbook>:<field>  {v: value, t: time saved}, one key per field, so
 *                         two tabs editing different fields never collide
 *   wb:<workbook>         {title, url, labels}, for readable downloads
 *   unreadable:<t>:<key>  data that could not be read, set aside untouched
 */
(function () {
  "use strict";

  var SCHEMA = 1;
  // migrations[n](store) turns schema n's data into schema n+1's, using
  // the store's read, write, remove and keys. None are needed yet.
  var migrations = {};

  // What the build allows as IDs; anything else in a file is not ours.
  var WORKBOOK_ID = /^[A-Za-z0-9][A-Za-z0-9_\/-]*$/;
  var FIELD_KEY = /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*$/;
  var MAX_IMPORT = 5 * 1024 * 1024;

  var body = document.body;
  var siteID = body.getAttribute("data-site");
  var prefix = "coachbook:" + siteID + ":";
  var siteTitle = body.getAttribute("data-site-title");

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function show(el) { if (el) el.hidden = false; }
  function dict() { return Object.create(null); }

  /* ---- Buttons, revealed first so that the download is always there ---- */

  $$("[data-action]").forEach(show);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-action]");
    var action = button && actions[button.getAttribute("data-action")];
    if (action) action();
  });

  /* ---- Messages ----
   * The save status is shown but not announced, since it changes with
   * every pause in typing; announce() speaks what a client must know. */

  function announce(text) {
    var live = $("[data-announce]");
    if (live) live.textContent = text;
  }

  function notice(text) {
    var box = $("[data-notice]");
    if (!box || $$("p", box).some(function (p) { return p.textContent === text; })) return;
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    show(box);
    announce(text);
  }

  function status(text) {
    var el = $("[data-save-status]");
    if (el && el.textContent !== text) el.textContent = text;
    show(el);
  }

  /* ---- Storage: every call guarded, with a fallback to memory ---- */

  var disk = null;
  var memory = null; // a Map once answers can no longer be written to disk
  var failure = "";

  function useMemory(reason) {
    if (memory) return;
    memory = new Map();
    failure = "Not saved: " + reason + ". Your answers stay on this page until you close it; download them to keep them.";
    status(failure);
    notice(failure);
  }

  // On a shared computer a client can keep answers in this tab only:
  // sessionStorage ends with the tab, and so does the choice itself.
  var sharedKey = "coachbook:shared:" + siteID;
  var shared = false;
  try { shared = window.sessionStorage.getItem(sharedKey) === "1"; } catch (e) { /* Not shared. */ }

  try {
    disk = shared ? window.sessionStorage : window.localStorage;
    disk.setItem(prefix + "probe", "1");
    disk.removeItem(prefix + "probe");
  } catch (e) {
    if (!(e && e.name === "QuotaExceededError")) disk = null;
    useMemory(disk ? "storage is full" : "this browser does not allow saving (private mode or storage turned off)");
  }

  function read(key) {
    if (memory && memory.has(key)) return memory.get(key);
    try { return disk ? disk.getItem(key) : null; } catch (e) { return null; }
  }

  // write reports whether the text reached the disk.
  function write(key, text) {
    if (!memory) {
      try {
        disk.setItem(key, text);
        return true;
      } catch (e) {
        useMemory(e && e.name === "QuotaExceededError" ? "storage is full" : "storage is unavailable");
      }
    }
    memory.set(key, text);
    return false;
  }

  function remove(key) {
    if (memory) memory.delete(key);
    try { if (disk) disk.removeItem(key); } catch (e) { /* Nothing to remove. */ }
  }

  function keys(start) {
    var out = [];
    try {
      for (var i = 0; disk && i < disk.length; i++) {
        var k = disk.key(i);
        if (k.indexOf(start) === 0) out.push(k);
      }
    } catch (e) { /* Unreadable storage has no keys. */ }
    if (memory) memory.forEach(function (v, k) { if (k.indexOf(start) === 0 && out.indexOf(k) < 0) out.push(k); });
    return out;
  }

  // readJSON returns the stored value, or null. Anything that is not ours
  // to read is set aside untouched, and kept for the download.
  function readJSON(key, valid) {
    var raw = read(key);
    if (raw === null) return null;
    try {
      var value = JSON.parse(raw);
      if (valid(value)) return value;
    } catch (e) { /* Set aside below. */ }
    if (write(prefix + "unreadable:" + Date.now() + ":" + key.slice(prefix.length), raw)) remove(key);
    notice("Some saved data could not be read. It has been set aside, untouched, and is included when you download your answers.");
    return null;
  }

  function isObject(o) { return o !== null && typeof o === "object" && !Array.isArray(o); }
  // A time that Date can print: ±100 million days around 1970.
  function isTime(t) { return typeof t === "number" && isFinite(t) && Math.abs(t) <= 8.64e15; }
  function isRecord(r) { return isObject(r) && "v" in r && isTime(r.t); }
  function isMeta(m) { return isObject(m) && typeof m.schema === "number" && m.schema >= 1 && Math.floor(m.schema) === m.schema; }

  function answerKey(workbook, field) { return prefix + "a:" + workbook + ":" + field; }
  function getRecord(workbook, field) { return readJSON(answerKey(workbook, field), isRecord); }
  function putRecord(workbook, field, record) { return write(answerKey(workbook, field), JSON.stringify(record)); }

  var meta = readJSON(prefix + "meta", isMeta) || { schema: SCHEMA };
  var store = { read: read, write: write, remove: remove, keys: keys, prefix: prefix };
  for (var n = meta.schema; n < SCHEMA && migrations[n]; n++) migrations[n](store);
  if (meta.schema > SCHEMA || n < SCHEMA) {
    notice("These answers were saved by another version of this site. They are kept as they are.");
    useMemory("saved by another version of this site");
  }
  meta.schema = SCHEMA;

  // saveMeta never writes over data of a newer version from another tab.
  function saveMeta() {
    var stored = readJSON(prefix + "meta", isMeta);
    if (!stored || stored.schema <= SCHEMA) write(prefix + "meta", JSON.stringify(meta));
  }

  /* ---- Values: what counts as an answer ---- */

  function answered(v) {
    if (typeof v === "string") return v.trim() !== "";
    if (typeof v === "boolean") return v;
    if (Array.isArray(v)) return v.some(answered);
    if (isObject(v)) return Object.keys(v).some(function (k) { return answered(v[k]); });
    return false;
  }

  /* ---- Repeatable items (list) and rows ----
   * Add and remove between data-min and data-max, renumbering ids so every
   * label stays tied to its box. Ids a field derives from its own use ":",
   * which no field key holds. */

  function items(group) { return $$(":scope > ol > [data-item]", group); }

  function renumber(group) {
    var base = "field-" + group.getAttribute("data-key");
    var all = items(group);
    var min = Number(group.getAttribute("data-min")) || 0;
    var max = Number(group.getAttribute("data-max")) || Infinity;
    all.forEach(function (item, index) {
      var n = index + 1;
      $$("input, textarea", item).forEach(function (control) {
        var col = control.getAttribute("data-col");
        var id = base + ":" + n + (col ? ":" + col : "");
        var label = $('label[for="' + CSS.escape(control.id) + '"]', item);
        control.id = id;
        if (label) label.htmlFor = id;
      });
      $$("[data-n]", item).forEach(function (number) { number.textContent = n; });
      $("[data-remove]", item).disabled = all.length <= Math.max(min, 1);
    });
    $(":scope > [data-add]", group).disabled = all.length >= max;
  }

  function addItem(group) {
    var all = items(group);
    var fresh = all[all.length - 1].cloneNode(true);
    $$("input, textarea", fresh).forEach(function (control) {
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
    });
    all[all.length - 1].after(fresh);
    return fresh;
  }

  // resize gives a group exactly n items, at least one and its minimum.
  function resize(group, n) {
    n = Math.max(n, Number(group.getAttribute("data-min")) || 0, 1);
    while (items(group).length < n) addItem(group);
    items(group).slice(n).forEach(function (item) { item.remove(); });
    renumber(group);
  }

  $$(".field-list, .field-rows").forEach(function (group) {
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || button.closest(".field-list, .field-rows") !== group) return;
      if (button.hasAttribute("data-add")) {
        var fresh = addItem(group);
        renumber(group);
        $("input, textarea", fresh).focus();
      } else if (button.hasAttribute("data-remove")) {
        var item = button.closest("[data-item]");
        var next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        renumber(group);
        if (next) $("input, textarea", next).focus();
      } else {
        return;
      }
      group.dispatchEvent(new Event("input", { bubbles: true }));
    });
    $$("[data-add], [data-remove]", group).forEach(show);
    renumber(group);
  });

  /* ---- Small field behaviours ---- */

  // A live word count against the author's target.
  function countWords(counter) {
    var area = $("textarea", counter.parentElement);
    var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
    counter.textContent = words + (words === 1 ? " word" : " words") + " of about " + counter.getAttribute("data-word-target");
  }
  $$("[data-word-target]").forEach(function (counter) {
    $("textarea", counter.parentElement).addEventListener("input", function () { countWords(counter); });
    countWords(counter);
  });

  // Typing in the box beside "Other" chooses it.
  $$(".option-other .other-text").forEach(function (box) {
    var choice = $("[data-other]", box.parentElement);
    box.addEventListener("input", function () {
      if (box.value.trim() && !choice.checked) {
        choice.checked = true;
        choice.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  });

  // A slider shows its value once it has one.
  function setSlider(slider, value) {
    var output = $("output", slider.parentElement);
    if (value === "" || value === undefined || value === null) {
      slider.value = slider.defaultValue;
      output.textContent = "–";
      output.setAttribute("data-unset", "");
    } else {
      slider.value = value;
      output.textContent = slider.value;
      output.removeAttribute("data-unset");
    }
  }
  $$(".slider input[type=range]").forEach(function (slider) {
    slider.addEventListener("input", function () { setSlider(slider, slider.value); });
  });

  /* ---- Bindings: read and write each field's value in the page ---- */

  function checkedValues(inputs) {
    return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function labelOf(input) {
    var label = $('label[for="' + CSS.escape(input.id) + '"]');
    return label ? label.textContent.trim() : input.value;
  }

  // bind returns how to get, set and print a field's value in the page.
  function bind(f) {
    var box = $('[data-field="' + CSS.escape(f.key) + '"]');
    if (!box) return null;
    var control = $("[data-key]", box);
    var choices = $$('input[data-key="' + CSS.escape(f.key) + '"]', box);
    var b = { key: f.key, field: f, box: box, text: function (v) { return String(v); } };
    if (f.type === "list") {
      b.get = function () { return items(box).map(function (item) { return $("input", item).value; }); };
      b.set = function (v) {
        v = Array.isArray(v) ? v : [];
        resize(box, v.length);
        items(box).forEach(function (item, i) { $("input", item).value = typeof v[i] === "string" ? v[i] : ""; });
      };
      b.text = function (v) { return v.filter(answered).map(function (s) { return "- " + s; }).join("\n"); };
    } else if (f.type === "rows") {
      b.get = function () {
        return items(box).map(function (item) {
          var row = {};
          $$("[data-col]", item).forEach(function (c) { row[c.getAttribute("data-col")] = c.type === "checkbox" ? c.checked : c.value; });
          return row;
        });
      };
      b.set = function (v) {
        v = Array.isArray(v) ? v : [];
        resize(box, v.length);
        items(box).forEach(function (item, i) {
          $$("[data-col]", item).forEach(function (c) {
            var cell = isObject(v[i]) ? v[i][c.getAttribute("data-col")] : undefined;
            if (c.type === "checkbox") c.checked = cell === true;
            else c.value = typeof cell === "string" ? cell : "";
          });
        });
      };
      b.text = function (v) {
        return v.filter(answered).map(function (row) {
          return "- " + (f.columns || []).filter(function (c) { return answered(row[c.key]); }).map(function (c) {
            return c.label + ": " + (row[c.key] === true ? "yes" : row[c.key]);
          }).join("; ");
        }).join("\n");
      };
    } else if (f.type === "checklist" || (f.type === "choice" && choices[0] && choices[0].type === "checkbox")) {
      b.get = function () { return checkedValues(choices); };
      b.set = function (v) { choices.forEach(function (i) { i.checked = Array.isArray(v) && v.indexOf(i.value) >= 0; }); };
      b.text = function () {
        return choices.filter(function (i) { return i.checked; }).map(function (i) { return "- " + labelOf(i); }).join("\n");
      };
    } else if (f.type === "choice" || (f.type === "scale" && choices[0] && choices[0].type === "radio")) {
      b.get = function () { return checkedValues(choices)[0] || ""; };
      b.set = function (v) { choices.forEach(function (i) { i.checked = i.value === String(v); }); };
    } else if (f.type === "scale") {
      b.get = function () { return $("output[data-unset]", box) ? "" : control.value; };
      b.set = function (v) { setSlider(control, v); };
    } else if (f.type === "check") {
      b.get = function () { return control.checked; };
      b.set = function (v) { control.checked = v === true; };
      b.text = function (v) { return v ? "Yes" : "No"; };
    } else {
      b.get = function () { return control.value; };
      b.set = function (v) {
        control.value = typeof v === "string" ? v : "";
        var counter = $("[data-word-target]", box);
        if (counter) countWords(counter);
      };
    }
    return b;
  }

  // otherBinding is the text box of a choice's "other" option.
  function otherBinding(b) {
    var text = $(".other-text", b.box);
    return {
      key: b.key + ".other", field: { key: b.key + ".other", label: b.field.label + " (other)", type: "text" }, box: b.box,
      get: function () { return text.value; },
      set: function (v) { text.value = typeof v === "string" ? v : ""; },
      text: String
    };
  }

  /* ---- A workbook page ---- */

  var manifestScript = document.getElementById("coachbook-manifest");
  var workbook = manifestScript ? JSON.parse(manifestScript.textContent) : null;
  var bindings = dict();
  var pending = dict();
  var deferred = dict(); // other tabs' edits to the field being typed in
  var timer = 0;
  var announcedSaving = false;

  function bindingFor(target) {
    var box = target.closest && target.closest("[data-field]");
    if (!box) return null;
    var key = box.getAttribute("data-field");
    return bindings[target.classList.contains("other-text") ? key + ".other" : key] || null;
  }

  function flush() {
    clearTimeout(timer);
    var now = Date.now();
    var saved = true;
    var labels = dict();
    Object.keys(bindings).forEach(function (k) { labels[k] = bindings[k].field.label; });
    Object.keys(pending).forEach(function (key) {
      saved = putRecord(workbook.id, key, { v: bindings[key].get(), t: now }) && saved;
      delete pending[key];
    });
    write(prefix + "wb:" + workbook.id, JSON.stringify({ title: workbook.title, url: workbook.url, labels: labels }));
    meta.last = { id: workbook.id, t: now };
    saveMeta();
    if (saved && !memory) {
      status("Saved");
      if (!announcedSaving) announce("Your answers are being saved on this device as you type.");
      announcedSaving = true;
      askToPersist();
    }
  }

  function schedule(b) {
    pending[b.key] = true;
    if (!memory) status("Saving…");
    clearTimeout(timer);
    timer = setTimeout(flush, 400);
  }

  function restore() {
    Object.keys(bindings).forEach(function (key) {
      var record = getRecord(workbook.id, key);
      bindings[key].set(record ? record.v : undefined);
    });
  }

  // carryOver moves answers saved under a field's earlier IDs to its
  // current one, unless the current one already has an answer.
  function carryOver(f) {
    (f.was || []).forEach(function (old) {
      var record = getRecord(workbook.id, old);
      if (record && !getRecord(workbook.id, f.key) && putRecord(workbook.id, f.key, record)) remove(answerKey(workbook.id, old));
    });
  }

  function updateProgress() {
    var counted = workbook.fields.filter(function (f) { return f.counts && bindings[f.key]; });
    var done = counted.filter(function (f) { return answered(bindings[f.key].get()); });
    var progress = $("[data-progress]");
    if (progress) {
      $("progress", progress).value = done.length;
      $("[data-progress-text]", progress).textContent = done.length + " of " + counted.length + " answered";
      show(progress);
    }
    $$("[data-exercise-status]").forEach(function (el) {
      var section = el.closest("[data-exercise]");
      var id = section.getAttribute("data-exercise");
      var mine = counted.filter(function (f) { return f.exercise === id; });
      if (!mine.length) return;
      var n = done.filter(function (f) { return f.exercise === id; }).length;
      var text = n === mine.length ? "Done: all " + n + " answered" : n + " of " + mine.length + " answered";
      if (el.textContent !== text) el.textContent = text;
      section.classList.toggle("exercise-done", n === mine.length);
      show(el);
    });
  }

  // workbookText gives the questions with the client's answers, in
  // Markdown, for sending to a coach.
  function workbookText() {
    var exercises = dict();
    (workbook.exercises || []).forEach(function (e) { exercises[e.id] = e.label; });
    var out = ["# " + workbook.title, ""];
    Object.keys(bindings).forEach(function (key) {
      var b = bindings[key];
      var v = b.get();
      if (!answered(v)) return;
      var group = b.field.exercise && exercises[b.field.exercise];
      out.push("## " + (group ? group + ": " : "") + b.field.label, "", b.text(v), "");
    });
    return out.join("\n");
  }

  // applyRecord shows another tab's saved value, waiting while the client
  // is typing in that field so their text is never replaced under them.
  function applyRecord(key, raw) {
    var b = bindings[key];
    if (!b || pending[key]) return;
    if (b.box.contains(document.activeElement)) {
      deferred[key] = raw;
      return;
    }
    var record = null;
    try { record = JSON.parse(raw); } catch (e) { /* Treated as cleared. */ }
    b.set(isRecord(record) ? record.v : undefined);
    updateProgress();
  }

  if (workbook) {
    workbook.fields.forEach(function (f) {
      var b = bind(f);
      if (!b) return;
      bindings[f.key] = b;
      if (f.other) bindings[f.key + ".other"] = otherBinding(b);
      carryOver(f);
    });
    restore();
    updateProgress();
    ["input", "change"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        var b = bindingFor(event.target);
        if (!b) return;
        schedule(b);
        if (b.key.slice(-6) === ".other") schedule(bindings[b.key.slice(0, -6)]);
        updateProgress();
      });
    });
    document.addEventListener("focusout", function (event) {
      var b = bindingFor(event.target);
      if (!b) return;
      if (Object.keys(pending).length) flush();
      Object.keys(deferred).forEach(function (key) {
        var raw = deferred[key];
        delete deferred[key];
        applyRecord(key, raw);
      });
    });
    window.addEventListener("pagehide", function () { if (Object.keys(pending).length) flush(); });
    window.addEventListener("storage", function (event) {
      var start = prefix + "a:" + workbook.id + ":";
      if (event.key === null || event.key === prefix + "meta" && event.newValue === null) {
        // Another tab erased the answers: nothing here may write them back.
        pending = dict();
        clearTimeout(timer);
        restore();
        updateProgress();
      } else if (event.key.indexOf(start) === 0) {
        applyRecord(event.key.slice(start.length), event.newValue);
      }
    });
    if (memory) status(failure);
  }

  // While answers live only in memory, leaving the page loses them.
  window.addEventListener("beforeunload", function (event) {
    if (memory && workbook && Object.keys(bindings).some(function (k) { return answered(bindings[k].get()); })) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  /* ---- Progress on the home and collection pages ---- */

  var progressScript = document.getElementById("coachbook-progress");
  var listed = progressScript ? JSON.parse(progressScript.textContent) : [];
  listed.forEach(function (w) {
    var card = $('[data-workbook="' + CSS.escape(w.id) + '"] [data-card-progress]');
    if (!card) return;
    var done = w.fields.filter(function (alternatives) {
      return alternatives.some(function (key) {
        var record = getRecord(w.id, key);
        return record && answered(record.v);
      });
    }).length;
    $("progress", card).value = done;
    $("span", card).textContent = done + " of " + w.fields.length + " answered";
    show(card);
  });
  // Continue where you left off, if that workbook is still on the site.
  var continueLink = $("[data-continue]");
  var last = meta.last && listed.filter(function (w) { return w.id === meta.last.id; })[0];
  if (continueLink && last) {
    var a = $("a", continueLink);
    a.href = last.url;
    a.textContent = last.title;
    show(continueLink);
  }

  /* ---- Export: every answer of the site, readable by a person ---- */

  function exportData() {
    if (workbook && Object.keys(pending).length) flush();
    var byWorkbook = dict();
    keys(prefix + "a:").forEach(function (k) {
      var rest = k.slice((prefix + "a:").length);
      var cut = rest.lastIndexOf(":");
      var id = rest.slice(0, cut);
      var key = rest.slice(cut + 1);
      var record = getRecord(id, key);
      if (!record) return;
      if (!byWorkbook[id]) {
        var info = readJSON(prefix + "wb:" + id, isObject) || {};
        byWorkbook[id] = { id: id, title: String(info.title || id), url: String(info.url || ""), labels: isObject(info.labels) ? info.labels : {}, answers: [] };
      }
      var w = byWorkbook[id];
      var label = Object.prototype.hasOwnProperty.call(w.labels, key) ? String(w.labels[key]) : "";
      var answer = { key: key, label: label || key, value: record.v, updated: new Date(record.t).toISOString() };
      if (!label) answer.archived = true;
      w.answers.push(answer);
    });
    return {
      format: "coachbook-answers",
      version: 1,
      site: { id: siteID, title: siteTitle },
      exported: new Date().toISOString(),
      workbooks: Object.keys(byWorkbook).sort().map(function (id) {
        var w = byWorkbook[id];
        return { id: id, title: w.title, url: w.url, answers: w.answers };
      }),
      unreadable: keys(prefix + "unreadable:").map(function (k) { return { key: k.slice(prefix.length), raw: read(k) }; })
    };
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  /* ---- Import: check the file, show what changes, merge by time ---- */

  function validImport(data) {
    if (!isObject(data) || data.format !== "coachbook-answers" || typeof data.version !== "number" || !Array.isArray(data.workbooks)) {
      return "This is not a file of coachbook answers.";
    }
    if (data.version > 1) return "This file comes from a newer version of coachbook.";
    var bad = data.workbooks.some(function (w) {
      return !isObject(w) || typeof w.id !== "string" || !WORKBOOK_ID.test(w.id) || !Array.isArray(w.answers) || w.answers.some(function (a) {
        return !isObject(a) || typeof a.key !== "string" || !FIELD_KEY.test(a.key) || !("value" in a) || !isTime(Date.parse(a.updated));
      });
    });
    return bad ? "This file is damaged: some answers are incomplete or not of this site's form." : "";
  }

  function planImport(data) {
    var plan = { changes: [], kept: 0, same: 0 };
    data.workbooks.forEach(function (w) {
      w.answers.forEach(function (a) {
        var t = Date.parse(a.updated);
        var local = getRecord(w.id, a.key);
        var item = { workbook: w, answer: a, record: { v: a.value, t: t } };
        if (!local) item.what = "new";
        else if (JSON.stringify(local.v) === JSON.stringify(a.value)) { plan.same++; return; }
        else if (t > local.t) item.what = "replaces yours";
        else { plan.kept++; return; }
        plan.changes.push(item);
      });
    });
    return plan;
  }

  function element(tag, text, parent) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
  }

  function applyImport(plan) {
    var failed = 0;
    plan.changes.forEach(function (c) {
      if (!putRecord(c.workbook.id, c.answer.key, c.record)) failed++;
      if (!readJSON(prefix + "wb:" + c.workbook.id, isObject)) {
        var labels = dict();
        c.workbook.answers.forEach(function (a) { labels[a.key] = String(a.label || a.key); });
        write(prefix + "wb:" + c.workbook.id, JSON.stringify({ title: String(c.workbook.title || c.workbook.id), url: String(c.workbook.url || ""), labels: labels }));
      }
    });
    if (workbook) { restore(); updateProgress(); }
    notice(failed ?
      "The answers were restored for this page only and are not saved: " + failure :
      plan.changes.length + " answers restored from the file.");
  }

  function confirmImport(data, plan) {
    var dialog = element("dialog");
    dialog.className = "restore-dialog";
    dialog.setAttribute("aria-labelledby", "restore-title");
    element("h2", "Restore answers from file", dialog).id = "restore-title";
    element("p", plan.changes.length + " answers will be restored. " +
      plan.kept + " in the file are older than yours and will not replace them. " + plan.same + " are the same.", dialog);
    if (isObject(data.site) && data.site.id !== siteID) {
      element("p", "This file comes from another site (" + String(data.site.title || data.site.id) + ").", dialog);
    }
    var list = element("ul", "", dialog);
    plan.changes.slice(0, 100).forEach(function (c) {
      element("li", String(c.workbook.title || c.workbook.id) + ": " + String(c.answer.label || c.answer.key) + " (" + c.what + ")", list);
    });
    if (plan.changes.length > 100) element("li", "and " + (plan.changes.length - 100) + " more", list);
    var buttons = element("p", "", dialog);
    [["Cancel", "cancel"], ["Restore", "confirm"]].forEach(function (spec) {
      var button = element("button", spec[0], buttons);
      button.type = "button";
      button.className = "button";
      button.setAttribute("data-dialog", spec[1]);
    });
    dialog.addEventListener("click", function (event) {
      var which = event.target.getAttribute && event.target.getAttribute("data-dialog");
      if (which === "confirm") applyImport(plan);
      if (which) dialog.close();
    });
    dialog.addEventListener("close", function () { dialog.remove(); });
    document.body.appendChild(dialog);
    dialog.showModal();
    $("[data-dialog=cancel]", dialog).focus();
  }

  function importFile(file) {
    if (file.size > MAX_IMPORT) {
      notice("Nothing was restored. The file is too large to be a file of answers.");
      return;
    }
    file.text().then(function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { data = null; }
      var problem = validImport(data);
      if (problem) notice("Nothing was restored. " + problem);
      else confirmImport(data, planImport(data));
    });
  }

  $$("[data-shared]").forEach(function (box) {
    box.checked = shared;
    box.addEventListener("change", function () {
      if (box.checked && !window.confirm("Keep answers only in this tab from now on? Answers already saved on this device stay until you erase them.")) {
        box.checked = false;
        return;
      }
      if (!box.checked && !window.confirm("Save answers on this device again? The answers kept in this tab will not be carried over: download them first if you need them.")) {
        box.checked = true;
        return;
      }
      try {
        if (box.checked) window.sessionStorage.setItem(sharedKey, "1");
        else window.sessionStorage.removeItem(sharedKey);
      } catch (e) { /* Without sessionStorage there is nothing to switch. */ }
      window.location.reload();
    });
    show(box.closest("[data-shared-choice]"));
  });

  $$("[data-restore-file]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.files[0]) importFile(input.files[0]);
      input.value = "";
    });
  });

  /* ---- Keeping answers: ask the browser not to evict them ---- */

  function showPersistence(granted) {
    if (memory) return;
    $$("[data-persist]").forEach(function (el) {
      el.textContent = shared ?
        "This is a shared computer: your answers are kept only until you close this tab. Download them to keep a copy." :
        granted ?
        "Your browser will keep your answers on this device until you erase them." :
        "Your browser may delete saved answers when space runs low, or (in Safari) after 7 days without a visit. Download your answers to keep a copy.";
      show(el);
    });
  }

  function askToPersist() {
    if (shared || meta.asked || !navigator.storage || !navigator.storage.persist) return;
    meta.asked = true;
    saveMeta();
    navigator.storage.persist().then(showPersistence);
  }

  if (navigator.storage && navigator.storage.persisted) navigator.storage.persisted().then(showPersistence);
  else showPersistence(false);

  /* ---- Print: show whole answers, not what fits in each box ---- */

  window.addEventListener("beforeprint", function () {
    $$(".field textarea, .field input:not([type]), .field input[type=text]").forEach(function (box) {
      var copy = box.nextElementSibling;
      if (!copy || !copy.classList.contains("print-value")) {
        copy = document.createElement("div");
        copy.className = "print-value";
        box.after(copy);
      }
      copy.textContent = box.value;
    });
  });

  /* ---- Erase ---- */

  function erase(starts, question) {
    if (!window.confirm(question)) return false;
    pending = dict();
    clearTimeout(timer);
    starts.forEach(function (start) { keys(start).forEach(remove); });
    return true;
  }

  /* ---- What the buttons do ---- */

  var actions = {
    print: function () { window.print(); },
    copy: function () {
      var done = function () { announce("Your answers were copied as text."); };
      var fail = function () { announce("Copying is not allowed here: use Download as Markdown."); };
      if (navigator.clipboard) navigator.clipboard.writeText(workbookText()).then(done, fail);
      else fail();
    },
    markdown: function () { download(workbook.id.replace(/\//g, "-") + "-" + today() + ".md", "text/markdown", workbookText()); },
    export: function () { download("answers-" + today() + ".json", "application/json", JSON.stringify(exportData(), null, 2)); },
    restore: function () { $("[data-restore-file]").click(); },
    "erase-workbook": function () {
      var answers = "a:" + workbook.id + ":";
      if (!erase([prefix + answers], "Erase your answers to “" + workbook.title + "” from this device? This cannot be undone.")) return;
      remove(prefix + "wb:" + workbook.id);
      // Set-aside copies of this workbook's answers go too.
      keys(prefix + "unreadable:").filter(function (k) { return k.indexOf(":" + answers) > 0; }).forEach(remove);
      if (meta.last && meta.last.id === workbook.id) delete meta.last;
      saveMeta();
      restore();
      updateProgress();
      status("");
      announce("Your answers to this workbook were erased.");
    },
    "erase-site": function () {
      if (!erase([prefix], "Erase all your answers on " + siteTitle + " from this device? This cannot be undone.")) return;
      window.location.reload();
    }
  };
})();
