/*
 * coachbook runtime extension: the two-way tables, weekly grids and
 * decision matrices.
 *
 * Loaded with `defer` after coachbook.js, only on the pages that use these
 * kinds (generator/fieldkinds.go names this file as their script). Both
 * save a map of rows: a grid row's key to {column: cell}, a matrix
 * option's key (or, for an option the client names, an ID) to
 * {criterion: score, "@name": its name}, and the weights under "@weights".
 */
(function () {
  "use strict";

  var $, $$, show, isObject, own, answered, item, say, newID, M, num;
  function use(core) {
    $ = core.$; $$ = core.$$; show = core.show; isObject = core.isObject; own = core.own; answered = core.answered;
    item = core.item; say = core.say; newID = core.newID; M = core.messages;
    // num writes a score or total as the page's language writes numbers.
    num = new Intl.NumberFormat(core.locale()).format;
  }
  function text(el) { return el.textContent.trim(); }
  function cellText(v) { return typeof v === "string" || typeof v === "number" ? String(v) : ""; }

  /* ---- Grid: a table, or one column at a time where it has no room ---- */

  coachbook.defineKind("grid", function (core) {
    use(core);
    return function (box) {
      var pick = $("[data-grid-pick] select", box), kept = {};
      function showColumn() {
        $$("[data-col]", box).forEach(function (c) { c.classList.toggle("grid-on", c.getAttribute("data-col") === pick.value); });
      }
      // Picking a column to show changes no answer: the core need not hear.
      ["input", "change"].forEach(function (type) {
        pick.addEventListener(type, function (event) { event.stopPropagation(); showColumn(); });
      });
      show(pick.parentNode);
      box.classList.add("grid-js");
      showColumn();
      // Each cell by its row and column.
      function cells(fn) {
        $$("tbody td", box).forEach(function (td) { fn(td.firstElementChild, td.parentNode.getAttribute("data-row"), td.getAttribute("data-col"), td); });
      }
      return {
        // A cell the page no longer shows (the author removed its row or
        // column) is kept as it was saved.
        get: function () {
          var v = JSON.parse(JSON.stringify(kept));
          cells(function (c, r, k) {
            var x = c.type === "checkbox" ? c.checked : c.value;
            if (isObject(v[r])) delete v[r][k];
            if (x !== "" && x !== false) (v[r] = isObject(v[r]) ? v[r] : {})[k] = x;
          });
          for (var r in v) if (!Object.keys(v[r]).length) delete v[r];
          return v;
        },
        set: function (v) {
          kept = isObject(v) ? v : {};
          cells(function (c, r, k) {
            var x = own(own(kept, r), k);
            if (c.type === "checkbox") c.checked = x === true;
            else c.value = cellText(x);
          });
        },
        text: function (v) {
          var lines = [];
          $$("tbody tr", box).forEach(function (tr) {
            var row = own(v, tr.getAttribute("data-row")), parts = [];
            $$("td", tr).forEach(function (td) {
              var x = own(row, td.getAttribute("data-col"));
              if (answered(x)) parts.push(text($('thead [data-col="' + CSS.escape(td.getAttribute("data-col")) + '"]', box)) + ": " + (x === true ? M.cellYes : x));
            });
            if (parts.length) lines.push(item(text($("th", tr)) + ": " + parts.join("; ")));
          });
          return lines.join("\n");
        }
      };
    };
  });

  /* ---- Matrix: scores, weights, totals and the leading option ---- */

  coachbook.defineKind("matrix", function (core) {
    use(core);
    return function (box) {
      var body = $("tbody", box), client = box.hasAttribute("data-client"), add = $("[data-add]", box);
      var crits = $$("thead th", box).slice(0, -1).map(text);
      function rows() { return $$("tr", body); }
      function number(s) { return s === "" ? undefined : Number(s); }
      function nameOf(tr, i) {
        var n = $("[data-name]", tr);
        return (n.tagName === "INPUT" ? n.value.trim() : text(n)) || say(M.matrixUnnamed, i + 1);
      }
      // The weight of a criterion by its key: 1 when not weighted or not
      // yet rated.
      function weight(w, k) { var x = own(w, k); return $("[data-weight]", box) && typeof x === "number" ? x : 1; }

      // work lists each option's name, total and the sum that made it.
      function work(v) {
        var w = own(v, "@weights");
        return rows().map(function (tr, i) {
          var row = own(v, key(tr)), sum = [], total = 0;
          $$("[data-crit]", tr).forEach(function (s, c) {
            var x = own(row, s.getAttribute("data-crit")), wt = weight(w, s.getAttribute("data-crit"));
            if (typeof x !== "number") return;
            total += x * wt;
            sum.push($("[data-weight]", box) ? say(M.matrixWeighted, crits[c], num(x), num(wt)) : say(M.matrixScore, crits[c], num(x)));
          });
          return { tr: tr, name: nameOf(tr, i), total: total, sum: sum };
        });
      }
      function key(tr) { return tr.getAttribute("data-option"); }
      function lead(done) {
        var best = done.filter(function (o) { return o.sum.length; }).sort(function (a, b) { return b.total - a.total; });
        if (!best.length) return "";
        var tied = best.filter(function (o) { return o.total === best[0].total; });
        return tied.length > 1 ? say(M.matrixTied, tied.map(function (o) { return o.name; }).join(", "), num(best[0].total)) : say(M.matrixLeading, best[0].name, num(best[0].total));
      }
      function sumLine(o) { return say(M.matrixSum, o.name, o.sum.join(" + "), num(o.total)); }

      // update shows each total, the leader and the arithmetic.
      function update() {
        var done = work(read()), list = $("[data-sums]", box), said = lead(done);
        done.forEach(function (o) { $("[data-score]", o.tr).textContent = o.sum.length ? num(o.total) : ""; });
        if ($("[data-lead]", box).textContent !== said) $("[data-lead]", box).textContent = said;
        list.textContent = "";
        done.filter(function (o) { return o.sum.length; }).forEach(function (o) {
          list.appendChild(document.createElement("li")).textContent = sumLine(o);
        });
        $("[data-work]", box).hidden = !said;
        if (client) {
          rows().forEach(function (tr, i) {
            var name = nameOf(tr, i);
            $("[data-name]", tr).setAttribute("aria-label", say(M.matrixName, i + 1));
            $$("[data-crit]", tr).forEach(function (s, c) { s.setAttribute("aria-label", name + ", " + crits[c]); });
            $("[data-remove]", tr).disabled = rows().length <= 1;
          });
          add.disabled = rows().length >= 6;
        }
      }

      function read() {
        var v = {}, w = {};
        $$("[data-weight]", box).forEach(function (s) { if (s.value) w[s.getAttribute("data-weight")] = +s.value; });
        if (Object.keys(w).length) v["@weights"] = w;
        rows().forEach(function (tr) {
          var row = {};
          $$("[data-crit]", tr).forEach(function (s) { if (s.value) row[s.getAttribute("data-crit")] = +s.value; });
          if (client) {
            var name = $("[data-name]", tr).value;
            if (name.trim()) row["@name"] = name;
            if (!Object.keys(row).length) return;
            if (!key(tr)) tr.setAttribute("data-option", newID());
          }
          if (Object.keys(row).length) v[key(tr)] = row;
        });
        return v;
      }

      // blank adds an empty row for an option the client names.
      function blank() {
        var last = rows().pop(), fresh = last.cloneNode(true);
        fresh.setAttribute("data-option", "");
        $$("input, select", fresh).forEach(function (c) { c.value = ""; });
        last.after(fresh);
        return fresh;
      }
      if (client) {
        box.addEventListener("click", function (event) {
          var b = event.target.closest("button");
          if (!b) return;
          if (b === add) $("input", blank()).focus();
          else if (b.hasAttribute("data-remove")) {
            var tr = b.closest("tr"), next = tr.nextElementSibling || tr.previousElementSibling;
            tr.remove();
            $("input", next).focus();
          } else return;
          box.dispatchEvent(new Event("input", { bubbles: true }));
        });
        $$("[data-add], [data-remove]", box).forEach(show);
      }
      box.addEventListener("input", update);
      box.addEventListener("change", update);

      return {
        get: read,
        set: function (v) {
          v = isObject(v) ? v : {};
          if (client) {
            var ids = Object.keys(v).filter(function (k) { return k !== "@weights" && isObject(v[k]); }).slice(0, 6);
            while (rows().length < Math.max(ids.length, 2)) blank();
            rows().forEach(function (tr, i) {
              if (i >= Math.max(ids.length, 2)) return tr.remove();
              tr.setAttribute("data-option", ids[i] || "");
              $("[data-name]", tr).value = cellText(own(v[ids[i]], "@name"));
            });
          }
          $$("[data-weight]", box).forEach(function (s) { s.value = cellText(own(own(v, "@weights"), s.getAttribute("data-weight"))); });
          rows().forEach(function (tr) {
            $$("[data-crit]", tr).forEach(function (s) { s.value = cellText(own(own(v, key(tr)), s.getAttribute("data-crit"))); });
          });
          update();
        },
        text: function (v) {
          var w = own(v, "@weights"), done = work(v).filter(function (o) { return o.sum.length; });
          var lines = $$("[data-weight]", box).filter(function (s) { return typeof own(w, s.getAttribute("data-weight")) === "number"; }).map(function (s) {
            return text(s.parentNode.firstChild) + " " + own(w, s.getAttribute("data-weight"));
          });
          return (lines.length ? [item(say(M.matrixWeights, lines.join(", ")))] : []).concat(done.map(function (o) { return item(sumLine(o)); }), done.length ? [item(lead(done))] : []).join("\n");
        }
      };
    };
  });
})();
