/*
 * coachbook runtime extension: the repeatable fields, lists and rows.
 *
 * Loaded with `defer` after coachbook.js, and only on the pages that use
 * these kinds (generator/fieldkinds.go names this file as their script).
 * It adds their binders through coachbook.defineKind before the core
 * binds the page's fields; it needs nothing of the core but what
 * defineKind hands it.
 */
(function () {
  "use strict";

  var $, $$, show, isObject, isNumber, numberCell, answered, item, say, newID, MESSAGES, MAX_ITEMS;
  // The repeatable fields: lists and rows.
  var GROUPS = "fieldset[data-field].field-list, fieldset[data-field].field-rows";

  // use takes what the binders need of the core, the first time a kind is
  // defined.
  function use(core) {
    $ = core.$; $$ = core.$$; show = core.show; isObject = core.isObject;
    isNumber = core.isNumber; numberCell = core.numberCell; say = core.say;
    answered = core.answered; item = core.item; newID = core.newID; MESSAGES = core.messages; MAX_ITEMS = core.MAX_ITEMS;
  }

  /* ---- Repeatable items (list) and rows ----
   * Add and remove between data-min and data-max, renumbering ids so every
   * label stays tied to its box. Ids a field derives from its own use ":",
   * which no field key holds. */

  // The controls of an item; a choice or scale cell of rows is a menu.
  var CONTROLS = "input, textarea, select";
  function items(group) { return $$(":scope > ol > [data-item]", group); }
  function most(group) { return Math.min(Number(group.getAttribute("data-max")) || MAX_ITEMS, MAX_ITEMS); }

  function renumber(group) {
    var base = "field-" + group.getAttribute("data-key");
    var all = items(group);
    var min = Number(group.getAttribute("data-min")) || 0;
    all.forEach(function (item, index) {
      var n = index + 1;
      $$(CONTROLS, item).forEach(function (control) {
        var col = control.getAttribute("data-col");
        var id = base + ":" + n + (col ? ":" + col : "");
        var label = $('label[for="' + CSS.escape(control.id) + '"]', item);
        control.id = id;
        if (label) label.htmlFor = id;
      });
      $$("[data-n]", item).forEach(function (number) { number.textContent = n; });
      $("[data-remove]", item).disabled = all.length <= Math.max(min, 1);
    });
    var full = all.length >= most(group);
    $(":scope > [data-add]", group).disabled = full;
    // A full list says why its button no longer adds, and how to go on.
    $(":scope > .group-full", group).textContent = full ? say(MESSAGES.groupFull, most(group)) : "";
  }

  // blank copies an item with its boxes empty, and without its row's ID.
  function blank(item) {
    var fresh = item.cloneNode(true);
    fresh.dataset.row = "";
    $$("option[data-earlier]", fresh).forEach(function (o) { o.remove(); });
    $$(CONTROLS, fresh).forEach(function (control) {
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
    });
    return fresh;
  }

  function addItem(group) {
    var all = items(group);
    var fresh = blank(all[all.length - 1]);
    all[all.length - 1].after(fresh);
    return fresh;
  }

  // resize gives a group exactly n items: at least one and its minimum,
  // and at most MAX_ITEMS. A saved list longer than the field's max, kept
  // from before the author lowered it, still shows whole.
  function resize(group, n) {
    n = Math.min(Math.max(n, Number(group.getAttribute("data-min")) || 0, 1), MAX_ITEMS);
    var all = items(group);
    var last = all[all.length - 1];
    var fresh = [];
    for (var i = all.length; i < n; i++) fresh.push(blank(last));
    last.after.apply(last, fresh);
    all.slice(n).forEach(function (item) { item.remove(); });
    renumber(group);
  }

  // startGroup lets a list or rows field add and remove its items.
  function startGroup(group) {
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || button.closest(GROUPS) !== group) return;
      if (button.hasAttribute("data-add")) {
        var fresh = addItem(group);
        renumber(group);
        $(CONTROLS, fresh).focus();
      } else if (button.hasAttribute("data-remove")) {
        var item = button.closest("[data-item]");
        var next = item.nextElementSibling || item.previousElementSibling;
        item.remove();
        renumber(group);
        if (next) $(CONTROLS, next).focus();
      } else {
        return;
      }
      group.dispatchEvent(new Event("input", { bubbles: true }));
    });
    $$("[data-add], [data-remove]", group).forEach(show);
    var full = document.createElement("p");
    full.className = "group-full";
    full.setAttribute("aria-live", "polite");
    group.appendChild(full);
    renumber(group);
  }

  /* ---- Binders: each starts its group, then reads and writes it ---- */

  coachbook.defineKind("list", function (core) {
    use(core);
    return function (box) {
      startGroup(box);
      return {
        get: function () { return items(box).map(function (item) { return $("input", item).value; }); },
        set: function (v) {
          v = Array.isArray(v) ? v : [];
          resize(box, v.length);
          items(box).forEach(function (item, i) { $("input", item).value = typeof v[i] === "string" ? v[i] : ""; });
        },
        text: function (v) { return v.filter(answered).map(item).join("\n"); }
      };
    };
  });

  // setMenu shows a choice or scale cell's saved value. A value no option
  // holds any more (the author removed it) is the client's earlier answer:
  // it gets an option of its own, so it is shown and saved again, never
  // dropped, as a choice field keeps it.
  function setMenu(menu, v) {
    $$("option[data-earlier]", menu).forEach(function (o) { o.remove(); });
    v = typeof v === "string" || isNumber(v) ? String(v) : "";
    if (!$$("option", menu).some(function (o) { return o.value === v; })) {
      var earlier = document.createElement("option");
      earlier.value = v;
      earlier.textContent = say(MESSAGES.earlierAnswer, v);
      earlier.setAttribute("data-earlier", "");
      menu.appendChild(earlier);
    }
    menu.value = v;
  }

  // shownAs is how a cell's value reads: a menu's option by its text,
  // anything else as saved.
  function shownAs(box, col, v) {
    var menu = $('select[data-col="' + CSS.escape(col) + '"]', box);
    var o = menu && $$("option", menu).filter(function (o) { return o.value === String(v) && !o.hasAttribute("data-earlier"); })[0];
    return o ? o.textContent : v;
  }

  /* ---- Row IDs: two tabs merge their edits of one table by row ----
   * A row keeps its ID, under "@id", on its element as data-row. */

  // A row's ID, made as an entry's when the row is new.
  function rowID(item) {
    return item.dataset.row || (item.dataset.row = newID());
  }

  // withIDs gives every row of a saved value an ID. A row saved before
  // rows had IDs takes its position's ("r0", "r1"…), the same in every tab.
  function withIDs(v) {
    return (Array.isArray(v) ? v : []).map(function (r, i) { return isObject(r) && r["@id"] ? r : Object.assign({ "@id": "r" + i }, r); });
  }
  function byID(rows) {
    var o = {};
    rows.forEach(function (r) { o[r["@id"]] = r; });
    return o;
  }

  // merge is the three-way merge of two tabs' tables, by row ID: theirs,
  // less the rows mine deleted since base, with the cells mine changed,
  // and the rows mine added (after the row before them in mine). A row
  // theirs deleted that mine changed stays: nothing is lost.
  function merge(base, mine, theirs) {
    mine = withIDs(mine);
    var B = byID(withIDs(base)), M = byID(mine), out = [], at = 0;
    withIDs(theirs).forEach(function (t) {
      var m = M[t["@id"]], b = B[t["@id"]], row = Object.assign({}, t);
      if (b && !m) return;
      for (var k in m) if (!b || m[k] !== b[k]) row[k] = m[k];
      out.push(row);
    });
    var T = byID(out);
    mine.forEach(function (m) {
      var b = B[m["@id"]], i = out.indexOf(T[m["@id"]]);
      if (i >= 0) at = i + 1;
      else if (!b || Object.keys(m).some(function (k) { return m[k] !== b[k]; })) out.splice(at++, 0, m);
    });
    return out;
  }

  coachbook.defineKind("rows", function (core) {
    use(core);
    return function (box, f) {
      startGroup(box);
      return {
        get: function () {
          return items(box).map(function (item) {
            var row = { "@id": rowID(item) };
            $$("[data-col]", item).forEach(function (c) { row[c.getAttribute("data-col")] = c.type === "checkbox" ? c.checked : numberCell(c); });
            return row;
          });
        },
        set: function (v) {
          v = withIDs(v);
          resize(box, v.length);
          items(box).forEach(function (item, i) {
            item.dataset.row = v[i] ? v[i]["@id"] : "";
            $$("[data-col]", item).forEach(function (c) {
              var cell = (v[i] || {})[c.getAttribute("data-col")];
              if (c.type === "checkbox") c.checked = cell === true;
              else if (c.tagName === "SELECT") setMenu(c, cell);
              else c.value = typeof cell === "string" || isNumber(cell) ? cell : "";
            });
          });
        },
        text: function (v) {
          return v.filter(answered).map(function (row) {
            return item((f.columns || []).filter(function (c) { return answered(row[c.key]); }).map(function (c) {
              return c.label + ": " + (row[c.key] === true ? MESSAGES.cellYes : shownAs(box, c.key, row[c.key]));
            }).join("; "));
          }).join("\n");
        },
        merge: merge
      };
    };
  });
})();
