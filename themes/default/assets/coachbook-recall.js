/*
 * coachbook runtime extension: answers read as text away from their page,
 * and recalled from other workbooks.
 *
 * Loaded with `defer` after coachbook.js, only on the pages that use
 * ::recall (generator/displays.go names this file as its script) and on
 * the pages of every answer, which read answers as text through the
 * lines it gives (coachbook.give; generator/answerbook.go). A recall
 * saves nothing: it reads an answer saved for another workbook of the
 * site, and shows it as text, with the labels its layout carries in
 * data-recall-source, so the other page need not be loaded. It shows it
 * again when another tab saves, and when answers are restored.
 */
(function () {
  "use strict";

  var core, M;

  coachbook.defineFeature(function (c) {
    core = c;
    M = core.messages;
    update();
  });
  coachbook.give("lines", lines);

  // lines returns an answer as lines of text, or [] when it holds none:
  // src describes its field as generator/recall.go does, other is the
  // text of a choice's "other" box.
  function lines(src, v, other) {
    var named = function (k, options) { return options && typeof options[k] === "string" ? options[k] : String(k); };
    var choice = function (k) { return k === src.other && typeof other === "string" && other.trim() || named(k, src.options); };
    switch (src.type) {
      case "check":
        return typeof v === "boolean" ? [v ? M.yes : M.no] : [];
      case "choice":
      case "checklist":
      case "rank":
        return (Array.isArray(v) ? v : [v]).filter(function (k) { return typeof k === "string" && k; }).map(choice);
      // A card sort: each card with its pile, "Autonomy: Must have".
      case "sort":
        return Object.keys(v && typeof v === "object" ? v : {}).map(function (k) { return named(k, src.options) + ": " + named(v[k], src.piles); });
      // A grid or a matrix: each row (or option) with its answered cells,
      // "Morning: Mon Walk; Wed Swim", "Offer A: Pay 4; Growth 2".
      case "grid":
      case "matrix":
        return Object.keys(v && typeof v === "object" ? v : {}).filter(function (k) { return k.charAt(0) !== "@"; }).map(function (k) {
          var row = v[k] && typeof v[k] === "object" ? v[k] : {};
          var cells = Object.keys(row).filter(function (c) { return c.charAt(0) !== "@" && row[c] !== "" && row[c] !== false; }).map(function (c) {
            return named(c, src.cols) + (row[c] === true ? "" : " " + row[c]);
          });
          return cells.length ? (typeof row["@name"] === "string" && row["@name"] || named(k, src.options)) + ": " + cells.join("; ") : "";
        }).filter(Boolean);
      case "rows":
        return (Array.isArray(v) ? v : []).map(function (row) {
          return (src.columns || []).map(function (c) {
            var cell = row && typeof row === "object" ? row[c.key] : undefined;
            if (c.type === "check") cell = cell === true ? M.yes : "";
            else if (typeof cell === "number") cell = String(cell);
            else if (typeof cell === "string" && c.options) cell = cell && named(cell, c.options);
            return typeof cell === "string" && cell.trim() ? c.label + ": " + cell : "";
          }).filter(Boolean).join("; ");
        }).filter(Boolean);
      default:
        if (Array.isArray(v)) return v.filter(function (s) { return typeof s === "string" && s.trim(); });
        return typeof v === "number" ? [String(v)] : typeof v === "string" && v.trim() ? [v] : [];
    }
  }

  // answers lists the lines of the recalled answer: a field's, or each
  // entry's of a repeating exercise, newest first (entry IDs begin with
  // the time they were made).
  function answers(src) {
    var one = function (key) {
      var r = core.recordOf(src.workbook, key), other = core.recordOf(src.workbook, key + ".other");
      return r ? lines(src, r.v, other && other.v) : [];
    };
    if (!src.repeat) return one(src.key);
    var field = src.key.slice(src.repeat.length);
    return core.keysOf(src.workbook, src.repeat + "@").filter(function (k) {
      return k.slice(-field.length) === field && /^[a-z0-9]{1,16}$/.test(k.slice(src.repeat.length + 1, -field.length));
    }).sort().reverse().map(function (k) { return one(k).join("; "); }).filter(Boolean);
  }

  function show(box) {
    var src;
    try { src = JSON.parse(core.$("[data-recall-source]", box).textContent); } catch (e) { return; }
    if (!src || typeof src.workbook !== "string" || typeof src.key !== "string") return;
    var list = answers(src);
    var out = core.$("[data-answer]", box);
    var parts;
    if (!list.length) {
      parts = [core.element("p", M.recallEmpty)];
    } else if (list.length === 1) {
      parts = [core.element("p", list[0])];
    } else {
      var ul = core.element("ul");
      list.forEach(function (line) { core.element("li", line, ul); });
      parts = [ul];
    }
    out.replaceChildren.apply(out, parts);
    box.toggleAttribute("data-empty", !list.length);
    var link = core.$("[data-recall-link]", box);
    link.textContent = core.say(list.length ? M.recallChange : M.recallAnswer, link.getAttribute("data-title"));
  }

  function update() { if (core) core.$$("[data-recall]").forEach(show); }

  // Another tab saved or erased an answer, or a file was restored.
  window.addEventListener("storage", update);
  document.addEventListener("coachbook:shown", update);
})();
