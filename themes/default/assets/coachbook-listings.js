/*
 * coachbook runtime extension: workbooks' progress away from their pages.
 *
 * Loaded on the home and collection pages, whose cards show how far each
 * workbook has got and where to continue, and on the pages of every
 * answer, which count the same way (generator/pagescripts.go). The build
 * lists each workbook (script#coachbook-progress) with the print of its
 * counted fields and the file that lists them, not the fields, which in a
 * large site run to megabytes. A card shows the progress the workbook's
 * page saved (p:) over fields of the same print; where there is none, or
 * the fields changed since, it loads the workbook's fields and counts as
 * the page counts, and keeps that. After a restore, which loads the
 * fields of the file's workbooks, it counts those again, so a card never
 * shows stale progress.
 */
(function () {
  "use strict";

  var core, listed = [];

  coachbook.give("progressOf", progressOf);
  coachbook.defineFeature(function (c) {
    core = c;
    var data = core.$('script[type="application/json"]#coachbook-progress');
    try { listed = data ? JSON.parse(data.textContent) : []; } catch (e) { listed = []; }
    listed = Array.isArray(listed) ? listed.reduce(function (all, g) { return all.concat(workbooksOf(g)); }, []).filter(function (w) {
      return core.isObject(w) && typeof w.id === "string" && (Array.isArray(w.fields) ? w.fields.every(isField) : w.print);
    }) : [];
    show();
    document.addEventListener("coachbook:shown", show);
  });

  // progressOf counts a workbook's answers away from its page, as the page
  // counts them: fields are the build's progress entries, stored(key)
  // gives a saved value and entries(ex) the saved keys of exercise ex's
  // entries. It gives {done, counted}.
  function progressOf(fields, stored, entries) {
    var n = { done: 0, counted: 0 };
    fields.forEach(function (f) {
      // A field of a repeating exercise is saved under each entry's key
      // (with none saved, the page shows one new entry), where a show-if
      // names the same entry's field. It counts as on the page.
      var ex = f.key.split(".")[0], ids = Object.create(null);
      (f.entries ? entries(ex) : [""]).forEach(function (k) { ids[k && k.split(/[@.]/)[1]] = 1; });
      ids = Object.keys(ids);
      var t = core.tally((ids.length ? ids : ["0"]).map(function (id) {
        var at = function (k) { return id && k.indexOf(ex + ".") === 0 ? ex + "@" + id + k.slice(ex.length) : k; };
        return (f.if || []).every(function (c) { return core.holds(c, stored(at(c.key))); }) ?
          (id ? [at(f.key)] : [f.key].concat(f.was || [])).some(function (k) { return core.counts(stored(k), f); }) : null;
      }), f.entries || 1);
      n.counted += t > 0;
      n.done += t > 1;
    });
    return n;
  }

  function isField(f) { return core.isObject(f) && typeof f.key === "string"; }

  // workbooksOf reads a group of the index, {src, workbooks: [[id, empty,
  // print], …]}, where empty is how many fields count while nothing is
  // answered; a site's own layout may still list workbooks whole, {id,
  // url, title, fields}.
  function workbooksOf(g) {
    if (!core.isObject(g) || !Array.isArray(g.workbooks)) return [g];
    return g.workbooks.filter(function (w) {
      return Array.isArray(w) && typeof w[2] === "string" && w[2] && w[1] >= 0;
    }).map(function (w) { return { id: w[0], empty: w[1], print: w[2] }; });
  }

  // count counts a workbook's saved answers over its fields.
  function count(id, fields) {
    return progressOf(fields, function (k) { var r = core.recordOf(id, k); return r ? r.v : undefined; }, function (ex) { return core.keysOf(id, ex + "@"); });
  }

  // saved gives the summary the workbook's page kept, if it counted fields
  // of this print: {done, counted}.
  function saved(w) {
    var s = null;
    try { s = JSON.parse(core.summary(w.id)); } catch (e) { /* None. */ }
    return Array.isArray(s) && s[0] === w.print && s[1] >= 0 && s[2] >= s[1] ? { done: s[1], counted: s[2] } : null;
  }

  function paint(card, n) {
    core.$("progress", card).max = n.counted;
    core.$("progress", card).value = n.done;
    core.$("span", card).textContent = core.say(core.messages.progress, n.done, n.counted);
    card.hidden = false;
  }

  // show shows each listed workbook's progress on its card, and offers to
  // continue the one touched last, if it is still on the site. Shown after
  // a restore (event), it counts again each workbook whose fields the
  // restore loaded.
  function show(event) {
    var answered = Object.create(null), cards = Object.create(null), recount = [];
    // A key is <prefix>a:<workbook>:<field>, and neither part holds ":".
    core.storedKeys("a:").forEach(function (k) { answered[k.split(":")[3]] = true; });
    // One pass over the page, not one search for each of thousands of cards.
    core.$$("[data-workbook]").forEach(function (c) { cards[c.getAttribute("data-workbook")] = c; });
    listed.forEach(function (w) {
      var card = cards[w.id] && core.$("[data-card-progress]", cards[w.id]), n = answered[w.id] && !event && saved(w);
      if (!card) return;
      if (w.fields) paint(card, count(w.id, w.fields));
      else if (!answered[w.id]) paint(card, { done: 0, counted: w.empty });
      else if (n) paint(card, n);
      else recount.push([w, card]);
    });
    if (recount.length) {
      // The restore's file loads it: by then its fields are in, for those
      // it restored; else it loads the fields of the ones to count.
      coachbook.restoring().then(function (R) {
        return R.fieldsFor(event ? [] : recount.map(function (r) { return r[0].id; }));
      }).then(function (lists) {
        recount.forEach(function (r) {
          var w = r[0];
          if (!Array.isArray(lists[w.id])) return;
          var n = count(w.id, lists[w.id].filter(function (f) { return isField(f) && f.counts; }));
          core.summary(w.id, JSON.stringify([w.print, n.done, n.counted]));
          paint(r[1], n);
        });
      }, function () { /* The cards stay hidden: no count is better than a wrong one. */ });
    }
    var continueLink = core.$("[data-continue]");
    var last = core.last() && listed.filter(function (w) { return w.id === core.last().id; })[0];
    var link = last && (last.url ? last : cards[last.id] && core.$("a[href]", cards[last.id]));
    if (continueLink && link) {
      var a = core.$("a", continueLink);
      a.href = last.url || link.getAttribute("href");
      a.textContent = last.title || link.textContent;
      continueLink.hidden = false;
    }
  }
})();
