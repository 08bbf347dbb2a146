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
 *   meta                  {schema, last: {id, title, url, t}, asked}
 *   a:<workbook>:<field>  {v: value, t: time saved}, one key per field, so
 *                         two tabs editing different fields never collide
 *   wb:<workbook>         {title, url, labels}, for readable exports
 *   unreadable:<t>:<key>  data that could not be read, set aside untouched
 */
(function () {
  "use strict";

  var SCHEMA = 1;
  // migrations[n] turns schema n's data into schema n+1's.
  var migrations = {};

  var body = document.body;
  var prefix = "coachbook:" + body.getAttribute("data-site") + ":";
  var siteTitle = body.getAttribute("data-site-title");

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function show(el) { if (el) el.hidden = false; }

  /* ---- Notices and the save status ---- */

  function notice(text) {
    var box = $("[data-notice]");
    if (!box || $$("p", box).some(function (p) { return p.textContent === text; })) return;
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    show(box);
  }

  function status(text) {
    var el = $("[data-save-status]");
    if (el && el.textContent !== text) el.textContent = text;
    show(el);
  }

  /* ---- Storage: every call guarded, with a fallback to memory ---- */

  var disk = null;
  try {
    disk = window.localStorage;
    disk.setItem(prefix + "probe", "1");
    disk.removeItem(prefix + "probe");
  } catch (e) {
    disk = null;
  }
  var memory = null; // a Map once answers can no longer be written to disk
  var failure = "";

  function useMemory(reason) {
    if (!memory) memory = new Map();
    failure = "Not saved: " + reason + ". Your answers stay on this page until you close it; download them to keep them.";
    status(failure);
    $$("[data-action=export]").forEach(show);
  }
  if (!disk) useMemory("this browser does not allow saving (private mode or storage turned off)");

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

  function isRecord(r) { return r !== null && typeof r === "object" && "v" in r && typeof r.t === "number"; }
  function isObject(o) { return o !== null && typeof o === "object"; }

  function answerKey(workbook, field) { return prefix + "a:" + workbook + ":" + field; }
  function getRecord(workbook, field) { return readJSON(answerKey(workbook, field), isRecord); }
  function putRecord(workbook, field, record) { return write(answerKey(workbook, field), JSON.stringify(record)); }

  var meta = readJSON(prefix + "meta", isObject) || { schema: SCHEMA };
  var foreign = meta.schema > SCHEMA;
  if (foreign) {
    notice("These answers were saved by a newer version of this site. They are kept as they are; reload the page to use them.");
    useMemory("saved by a newer version of this site");
  }
  for (var n = meta.schema; n < SCHEMA; n++) migrations[n](meta);
  meta.schema = Math.max(meta.schema, SCHEMA);
  function saveMeta() { if (!foreign) write(prefix + "meta", JSON.stringify(meta)); }

  /* ---- Values: what counts as an answer, and how it reads as text ---- */

  function answered(v) {
    if (typeof v === "string") return v.trim() !== "";
    if (typeof v === "boolean") return v;
    if (Array.isArray(v)) return v.some(answered);
    if (isObject(v)) return Object.keys(v).some(function (k) { return answered(v[k]); });
    return false;
  }

  function asText(v) {
    if (typeof v === "boolean") return v ? "Yes" : "No";
    if (Array.isArray(v)) return v.filter(answered).map(function (item) { return "- " + asText(item); }).join("\n");
    if (isObject(v)) return Object.keys(v).filter(function (k) { return answered(v[k]); }).map(function (k) { return k + ": " + asText(v[k]); }).join("; ");
    return String(v);
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
        var label = $('label[for="' + control.id + '"]', item);
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

  function bind(f) {
    var box = $('[data-field="' + CSS.escape(f.key) + '"]');
    if (!box) return null;
    var control = $("[data-key]", box);
    var choices = $$('input[data-key="' + CSS.escape(f.key) + '"]', box);
    var b = { key: f.key, field: f, box: box };
    if (f.type === "list") {
      b.get = function () { return items(box).map(function (item) { return $("input", item).value; }); };
      b.set = function (v) {
        v = Array.isArray(v) ? v : [];
        resize(box, v.length);
        items(box).forEach(function (item, i) { $("input", item).value = v[i] || ""; });
      };
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
    } else if (f.type === "checklist" || (f.type === "choice" && choices[0] && choices[0].type === "checkbox")) {
      b.get = function () { return checkedValues(choices); };
      b.set = function (v) { choices.forEach(function (i) { i.checked = Array.isArray(v) && v.indexOf(i.value) >= 0; }); };
    } else if (f.type === "choice" || (f.type === "scale" && choices[0] && choices[0].type === "radio")) {
      b.get = function () { return checkedValues(choices)[0] || ""; };
      b.set = function (v) { choices.forEach(function (i) { i.checked = i.value === String(v); }); };
    } else if (f.type === "scale") {
      b.get = function () { return $("output[data-unset]", box) ? "" : control.value; };
      b.set = function (v) { setSlider(control, v); };
    } else if (f.type === "check") {
      b.get = function () { return control.checked; };
      b.set = function (v) { control.checked = v === true; };
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
      set: function (v) { text.value = typeof v === "string" ? v : ""; }
    };
  }

  /* ---- A workbook page ---- */

  var manifestScript = document.getElementById("coachbook-manifest");
  var workbook = manifestScript ? JSON.parse(manifestScript.textContent) : null;
  var bindings = {};
  var pending = {};
  var timer = 0;

  function bindingFor(target) {
    var box = target.closest("[data-field]");
    if (!box) return null;
    var key = box.getAttribute("data-field");
    return bindings[target.classList.contains("other-text") ? key + ".other" : key] || null;
  }

  function labels() {
    var out = {};
    Object.keys(bindings).forEach(function (k) { out[k] = bindings[k].field.label; });
    return out;
  }

  function flush() {
    clearTimeout(timer);
    var saved = true;
    var now = Date.now();
    Object.keys(pending).forEach(function (key) {
      saved = putRecord(workbook.id, key, { v: bindings[key].get(), t: now }) && saved;
      delete pending[key];
    });
    write(prefix + "wb:" + workbook.id, JSON.stringify({ title: workbook.title, url: workbook.url, labels: labels() }));
    meta.last = { id: workbook.id, title: workbook.title, url: workbook.url, t: now };
    saveMeta();
    if (saved && !memory) {
      status("Saved");
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
      if (!record) return;
      if (!getRecord(workbook.id, f.key) && putRecord(workbook.id, f.key, record)) remove(answerKey(workbook.id, old));
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
      el.setAttribute("aria-live", "polite");
      section.classList.toggle("exercise-done", n === mine.length);
      show(el);
    });
  }

  // workbookText gives the questions with the client's answers, in
  // Markdown, for sending to a coach.
  function workbookText() {
    var exercises = {};
    (workbook.exercises || []).forEach(function (e) { exercises[e.id] = e.label; });
    var out = ["# " + workbook.title, ""];
    Object.keys(bindings).forEach(function (key) {
      var b = bindings[key];
      var v = b.get();
      if (!answered(v)) return;
      var group = b.field.exercise && exercises[b.field.exercise];
      out.push("## " + (group ? group + ": " : "") + b.field.label, "", asText(v), "");
    });
    return out.join("\n");
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
    document.addEventListener("focusout", function (event) { if (bindingFor(event.target) && Object.keys(pending).length) flush(); });
    window.addEventListener("pagehide", function () { if (Object.keys(pending).length) flush(); });
    // Another tab saved a field: show it here, unless this tab is still
    // saving its own edit of that field.
    window.addEventListener("storage", function (event) {
      var start = prefix + "a:" + workbook.id + ":";
      if (!event.key || event.key.indexOf(start) !== 0) return;
      var key = event.key.slice(start.length);
      if (!bindings[key] || pending[key]) return;
      var record = null;
      try { record = JSON.parse(event.newValue); } catch (e) { /* Treated as cleared. */ }
      bindings[key].set(isRecord(record) ? record.v : undefined);
      updateProgress();
    });
    if (memory) status(failure);
  }

  /* ---- Progress on the home and collection pages ---- */

  var progressScript = document.getElementById("coachbook-progress");
  if (progressScript) {
    JSON.parse(progressScript.textContent).forEach(function (w) {
      var card = $('[data-workbook="' + CSS.escape(w.id) + '"] [data-card-progress]');
      if (!card || !w.fields.length) return;
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
  }
  var continueLink = $("[data-continue]");
  if (continueLink && meta.last && meta.last.url) {
    var a = $("a", continueLink);
    a.href = meta.last.url;
    a.textContent = meta.last.title;
    show(continueLink);
  }

  /* ---- Export: every answer of the site, readable by a person ---- */

  function exportData() {
    if (workbook && Object.keys(pending).length) flush();
    var byWorkbook = {};
    keys(prefix + "a:").forEach(function (k) {
      var rest = k.slice((prefix + "a:").length);
      var cut = rest.lastIndexOf(":");
      var id = rest.slice(0, cut);
      var record = getRecord(id, rest.slice(cut + 1));
      if (!record) return;
      var info = byWorkbook[id] || (byWorkbook[id] = readJSON(prefix + "wb:" + id, isObject) || { labels: {} });
      info.answers = info.answers || [];
      var label = info.labels && info.labels[rest.slice(cut + 1)];
      var answer = { key: rest.slice(cut + 1), label: label || rest.slice(cut + 1), value: record.v, updated: new Date(record.t).toISOString() };
      if (!label) answer.archived = true;
      info.answers.push(answer);
    });
    return {
      format: "coachbook-answers",
      version: 1,
      site: { id: body.getAttribute("data-site"), title: siteTitle },
      exported: new Date().toISOString(),
      workbooks: Object.keys(byWorkbook).sort().map(function (id) {
        var w = byWorkbook[id];
        return { id: id, title: w.title || id, url: w.url || "", answers: w.answers };
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
      return !isObject(w) || typeof w.id !== "string" || !Array.isArray(w.answers) || w.answers.some(function (a) {
        return !isObject(a) || typeof a.key !== "string" || !("value" in a) || isNaN(Date.parse(a.updated));
      });
    });
    return bad ? "This file is damaged: some answers are incomplete." : "";
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

  function confirmImport(data, plan) {
    var dialog = document.createElement("dialog");
    dialog.className = "restore-dialog";
    var heading = document.createElement("h2");
    heading.textContent = "Restore answers from file";
    dialog.appendChild(heading);
    var summary = document.createElement("p");
    summary.textContent = plan.changes.length + " answers will be restored. " +
      plan.kept + " in the file are older than yours and will not replace them. " + plan.same + " are the same.";
    dialog.appendChild(summary);
    if (data.site && data.site.id !== body.getAttribute("data-site")) {
      var warning = document.createElement("p");
      warning.textContent = "This file comes from another site (" + (data.site.title || data.site.id) + ").";
      dialog.appendChild(warning);
    }
    var list = document.createElement("ul");
    plan.changes.forEach(function (c) {
      var li = document.createElement("li");
      li.textContent = (c.workbook.title || c.workbook.id) + ": " + (c.answer.label || c.answer.key) + " (" + c.what + ")";
      list.appendChild(li);
    });
    dialog.appendChild(list);
    var buttons = document.createElement("p");
    [["Restore", "confirm"], ["Cancel", "cancel"]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = spec[0];
      button.setAttribute("data-dialog", spec[1]);
      buttons.appendChild(button);
    });
    dialog.appendChild(buttons);
    dialog.addEventListener("click", function (event) {
      var which = event.target.getAttribute && event.target.getAttribute("data-dialog");
      if (!which) return;
      if (which === "confirm") {
        plan.changes.forEach(function (c) {
          putRecord(c.workbook.id, c.answer.key, c.record);
          if (!readJSON(prefix + "wb:" + c.workbook.id, isObject)) {
            var labels = {};
            c.workbook.answers.forEach(function (a) { labels[a.key] = a.label; });
            write(prefix + "wb:" + c.workbook.id, JSON.stringify({ title: c.workbook.title, url: c.workbook.url, labels: labels }));
          }
        });
        if (workbook) { restore(); updateProgress(); }
        notice(plan.changes.length + " answers restored from the file.");
      }
      dialog.close();
      dialog.remove();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  function importFile(file) {
    file.text().then(function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { data = null; }
      var problem = validImport(data);
      if (problem) { notice("Nothing was restored. " + problem); return; }
      confirmImport(data, planImport(data));
    });
  }

  /* ---- Erase ---- */

  function erase(start, question) {
    if (!window.confirm(question)) return false;
    pending = {};
    clearTimeout(timer);
    keys(start).forEach(remove);
    return true;
  }

  /* ---- Keeping answers: ask the browser not to evict them ---- */

  function showPersistence(granted) {
    $$("[data-persist]").forEach(function (el) {
      el.textContent = granted ?
        "Your browser will keep your answers on this device until you erase them." :
        "Your browser may delete saved answers when space runs low, or (in Safari) after 7 days without a visit. Download your answers to keep a copy.";
      show(el);
    });
  }

  function askToPersist() {
    if (meta.asked || !navigator.storage || !navigator.storage.persist) return;
    meta.asked = true;
    saveMeta();
    navigator.storage.persist().then(showPersistence);
  }

  if (navigator.storage && navigator.storage.persisted) navigator.storage.persisted().then(showPersistence);
  else showPersistence(false);

  /* ---- Print: show long answers whole ---- */

  window.addEventListener("beforeprint", function () {
    $$("textarea").forEach(function (area) {
      var copy = area.nextElementSibling;
      if (!copy || !copy.classList.contains("print-value")) {
        copy = document.createElement("div");
        copy.className = "print-value";
        area.after(copy);
      }
      copy.textContent = area.value;
    });
  });

  /* ---- Buttons ---- */

  var actions = {
    print: function () { window.print(); },
    copy: function () {
      navigator.clipboard.writeText(workbookText()).then(
        function () { status("Copied your answers as text."); },
        function () { status("Copying is not allowed here: use Download as Markdown."); });
    },
    markdown: function () { download(workbook.id.replace(/\//g, "-") + "-" + today() + ".md", "text/markdown", workbookText()); },
    export: function () { download("answers-" + today() + ".json", "application/json", JSON.stringify(exportData(), null, 2)); },
    restore: function () { $("[data-restore-file]").click(); },
    "erase-workbook": function () {
      if (!erase(prefix + "a:" + workbook.id + ":", "Erase your answers to “" + workbook.title + "” from this device? This cannot be undone.")) return;
      remove(prefix + "wb:" + workbook.id);
      restore();
      updateProgress();
      status("Your answers to this workbook were erased.");
    },
    "erase-site": function () {
      if (!erase(prefix, "Erase all your answers on " + siteTitle + " from this device? This cannot be undone.")) return;
      meta = { schema: SCHEMA };
      window.location.reload();
    }
  };

  $$("[data-action]").forEach(function (button) {
    var action = actions[button.getAttribute("data-action")];
    if (!action) return;
    button.addEventListener("click", action);
    show(button);
  });
  $$("[data-restore-file]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.files[0]) importFile(input.files[0]);
      input.value = "";
    });
  });
})();
