/*
 * coachbook runtime extension: putting cards in order (rank) and into
 * piles (sort).
 *
 * Loaded with `defer` after coachbook.js, only on the pages that use these
 * kinds (generator/fieldkinds.go names this file as their script).
 */
(function () {
  "use strict";

  var $, $$, md, say, answered, isObject, M;
  function use(core) { $ = core.$; $$ = core.$$; md = core.md; say = core.say; answered = core.answered; isObject = core.isObject; M = core.messages; }
  function changed(box) { box.dispatchEvent(new Event("input", { bubbles: true })); }
  function isTexts(v) { return Array.isArray(v) && v.every(function (x) { return typeof x === "string"; }); }

  /* ---- rank: an ordered list, moved by buttons or by dragging ----
   * It saves nothing until the client moves an item or keeps the order
   * shown: the order the author wrote is no answer. */
  coachbook.defineKind("rank", function (core) {
    use(core);
    return function (box) {
      var list = $("[data-rank-items]", box), status = $("[data-rank-status]", box);
      var own = $("[data-own-text]", box), ownError = $("[data-own-error]", box);
      var template = $("li", list).cloneNode(true);
      var options = $$("li", list).map(function (li) { return [li.getAttribute("data-card"), $("[data-card-label]", li).textContent]; });
      var labels = new Map(options);
      var ranked = false;
      var items = function () { return $$(":scope > li", list); };
      var keyOf = function (li) { return li.getAttribute("data-card"); };
      // nameOf is what an item shows: an option's text, an item of the
      // client's own as typed, or a key the author removed as the
      // client's earlier answer, which is kept.
      var nameOf = function (k) { return labels.has(k) ? labels.get(k) : own ? k : say(M.earlierAnswer, k); };

      function make(k) {
        var li = template.cloneNode(true);
        li.setAttribute("data-card", k);
        $("[data-card-label]", li).textContent = nameOf(k);
        var remove = $("[data-remove]", li);
        if (remove) remove.hidden = labels.has(k);
        return li;
      }
      // render gives the buttons their state: the first cannot move up,
      // the last down, and "Keep this order" shows until there is an order.
      function render() {
        var all = items();
        all.forEach(function (li, i) {
          var name = nameOf(keyOf(li)), up = $("[data-up]", li), down = $("[data-down]", li);
          up.setAttribute("aria-label", say(M.rankUp, name));
          down.setAttribute("aria-label", say(M.rankDown, name));
          var remove = $("[data-remove]", li);
          if (remove) remove.setAttribute("aria-label", say(M.rankRemove, name));
          up.disabled = i === 0;
          down.disabled = i === all.length - 1;
          $("[data-moves]", li).hidden = $("[data-grip]", li).hidden = false;
        });
        $("[data-keep-box]", box).hidden = ranked;
      }
      function moved(li, focus) {
        ranked = true;
        render();
        var all = items();
        status.textContent = say(M.rankMoved, nameOf(keyOf(li)), all.indexOf(li) + 1, all.length);
        if (focus) {
          var b = $(focus, li);
          (b.disabled ? $(focus === "[data-up]" ? "[data-down]" : "[data-up]", li) : b).focus();
        }
        changed(box);
      }

      box.addEventListener("click", function (event) {
        var b = event.target.closest("button");
        var li = b && b.closest("li");
        if (!b) return;
        if (b.hasAttribute("data-keep")) {
          ranked = true;
          render();
          status.textContent = M.rankKept;
          changed(box);
        } else if (b.hasAttribute("data-own-add")) {
          add();
        } else if (b.hasAttribute("data-remove")) {
          var next = li.nextElementSibling || li.previousElementSibling;
          li.remove();
          render();
          if (next) $("[data-up]:not(:disabled), [data-down]", next).focus();
          changed(box);
        } else if (b.hasAttribute("data-up") && li.previousElementSibling) {
          list.insertBefore(li, li.previousElementSibling);
          moved(li, "[data-up]");
        } else if (b.hasAttribute("data-down") && li.nextElementSibling) {
          list.insertBefore(li.nextElementSibling, li);
          moved(li, "[data-down]");
        }
      });

      // Dragging by the handle, with pointer events, so that a mouse and a
      // finger both work (HTML drag and drop does not on touch screens).
      var dragged = null, from;
      list.addEventListener("pointerdown", function (event) {
        if (!event.target.closest("[data-grip]")) return;
        dragged = event.target.closest("li");
        from = items().indexOf(dragged);
        dragged.classList.add("rank-dragged");
        try { list.setPointerCapture(event.pointerId); } catch (e) { /* A made-up pointer: moves still reach the list. */ }
        event.preventDefault();
      });
      list.addEventListener("pointermove", function (event) {
        if (!dragged) return;
        var after = items().filter(function (li) {
          var r = li.getBoundingClientRect();
          return li !== dragged && event.clientY > r.top + r.height / 2;
        }).pop();
        var at = after ? after.nextElementSibling : list.firstElementChild;
        if (at !== dragged) list.insertBefore(dragged, at);
      });
      var drop = function () {
        if (!dragged) return;
        var li = dragged;
        dragged = null;
        li.classList.remove("rank-dragged");
        // A press on the handle that moves nothing is no answer.
        if (items().indexOf(li) !== from) moved(li);
      };
      list.addEventListener("pointerup", drop);
      list.addEventListener("pointercancel", drop);

      function add() {
        var text = own.value.trim();
        ownError.textContent = "";
        if (!text) return;
        if (items().some(function (li) { var k = keyOf(li); return k === text || nameOf(k) === text; })) {
          ownError.textContent = say(M.rankTaken, text);
          return;
        }
        var li = make(text);
        list.appendChild(li);
        own.value = "";
        moved(li);
      }
      if (own) {
        $("[data-own]", box).hidden = false;
        own.addEventListener("keydown", function (event) {
          if (event.key !== "Enter") return;
          event.preventDefault();
          add();
        });
      }

      return {
        get: function () { return ranked ? items().map(keyOf) : []; },
        // set shows a saved order: the saved keys first, as saved, then
        // any option the author added since.
        set: function (v) {
          var saved = isTexts(v) ? v.filter(answered) : [];
          ranked = saved.length > 0;
          list.textContent = "";
          saved.concat(options.map(function (o) { return o[0]; }).filter(function (k) { return saved.indexOf(k) < 0; }))
            .forEach(function (k) { list.appendChild(make(k)); });
          render();
        },
        // Markdown: a numbered list of the items' texts.
        text: function (v) {
          return isTexts(v) ? v.map(function (k, i) { return (i + 1) + ". " + md(nameOf(k)); }).join("\n") : "";
        }
      };
    };
  });

  /* ---- sort: each card into one pile, some of which hold at most N ---- */
  coachbook.defineKind("sort", function (core) {
    use(core);
    return function (box) {
      var cards = $$(".sort-card", box);
      var piles = $$("[data-sort-counts] li", box).map(function (li) {
        return { key: li.getAttribute("data-pile"), label: li.getAttribute("data-pile-label"), max: Number(li.getAttribute("data-max")) || 0, count: li };
      });
      var named = function (list, k) { return list.filter(function (x) { return x.key === k; })[0]; };
      var cardLabel = function (card) { return $("legend", card).textContent; };
      var cardOf = function (k) { return cards.filter(function (c) { return c.getAttribute("data-card") === k; })[0]; };
      // Answers for a card or a pile the author removed: kept and saved.
      var earlier = {};
      var value = function () {
        var v = Object.assign({}, earlier);
        cards.forEach(function (card) {
          var picked = $("input:checked", card);
          if (picked) v[card.getAttribute("data-card")] = picked.value;
        });
        return v;
      };
      // render counts each pile, disables a full pile on the cards outside
      // it, and lists the piles' cards for a wide screen.
      function render() {
        var v = value();
        piles.forEach(function (p) {
          var mine = cards.filter(function (c) { return v[c.getAttribute("data-card")] === p.key; });
          var full = p.max > 0 && mine.length >= p.max;
          p.count.textContent = p.max ? say(M.sortCount, p.label, mine.length, p.max) : say(M.sortCountOpen, p.label, mine.length);
          cards.forEach(function (card) {
            var radio = $('input[value="' + CSS.escape(p.key) + '"]', card);
            radio.disabled = full && !radio.checked;
            $('label[for="' + CSS.escape(radio.id) + '"] [data-full]', card).textContent = radio.disabled ? say(M.sortFull, p.max) : "";
          });
          var column = $('[data-sort-columns] [data-pile="' + CSS.escape(p.key) + '"] ul', box);
          column.textContent = "";
          mine.forEach(function (c) { column.appendChild(document.createElement("li")).textContent = cardLabel(c); });
        });
        $("[data-earlier]", box).textContent = Object.keys(earlier).map(function (k) { return say(M.earlierAnswer, k + ": " + earlier[k]); }).join("; ");
      }
      box.addEventListener("change", render);
      $("[data-sort-counts]", box).hidden = $("[data-sort-columns]", box).hidden = false;
      return {
        get: value,
        set: function (v) {
          earlier = {};
          var saved = isObject(v) ? v : {};
          $$("input", box).forEach(function (i) { i.checked = false; });
          Object.keys(saved).forEach(function (k) {
            var card = cardOf(k), pile = named(piles, saved[k]);
            if (card && pile) $('input[value="' + CSS.escape(pile.key) + '"]', card).checked = true;
            else if (typeof saved[k] === "string") earlier[k] = saved[k];
          });
          render();
        },
        // Markdown: each pile with its cards, "Must have: Autonomy, Security".
        text: function (v) {
          var out = piles.map(function (p) {
            var mine = cards.filter(function (c) { return v[c.getAttribute("data-card")] === p.key; }).map(cardLabel);
            return mine.length ? md(p.label + ": " + mine.join(", ")) : "";
          }).concat(Object.keys(v).filter(function (k) { return !cardOf(k) || !named(piles, v[k]); }).map(function (k) { return md(say(M.earlierAnswer, k + ": " + v[k])); }));
          return out.filter(answered).join("\n\n");
        }
      };
    };
  });
})();
