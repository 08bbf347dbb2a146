/*
 * coachbook runtime extension: workbooks' progress away from their pages.
 *
 * Loaded on the home and collection pages, whose cards show how far each
 * workbook has got and where to continue, and on the pages of every
 * answer, which count the same way (generator/pagescripts.go). It counts
 * what the build lists of each workbook (script#coachbook-progress) as
 * the workbook's own page counts it, and again whenever the page shows
 * other answers (a restore), so a card never shows stale progress.
 */
(function () {
  "use strict";

  var core, listed = [];

  coachbook.give("progressOf", progressOf);
  coachbook.defineFeature(function (c) {
    core = c;
    var data = core.$('script[type="application/json"]#coachbook-progress');
    try { listed = data ? JSON.parse(data.textContent) : []; } catch (e) { listed = []; }
    listed = Array.isArray(listed) ? listed.filter(function (w) {
      return core.isObject(w) && typeof w.id === "string" && Array.isArray(w.fields) && w.fields.every(function (f) { return core.isObject(f) && typeof f.key === "string"; });
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

  // show counts each listed workbook's saved answers on its card, and
  // offers to continue the one touched last, if it is still on the site.
  function show() {
    listed.forEach(function (w) {
      var card = core.$('[data-workbook="' + CSS.escape(w.id) + '"] [data-card-progress]');
      if (!card) return;
      var n = progressOf(w.fields, function (k) { var r = core.recordOf(w.id, k); return r ? r.v : undefined; }, function (ex) { return core.keysOf(w.id, ex + "@"); });
      core.$("progress", card).max = n.counted;
      core.$("progress", card).value = n.done;
      core.$("span", card).textContent = core.say(core.messages.progress, n.done, n.counted);
      card.hidden = false;
    });
    var continueLink = core.$("[data-continue]");
    var last = core.last() && listed.filter(function (w) { return w.id === core.last().id; })[0];
    if (continueLink && last) {
      var a = core.$("a", continueLink);
      a.href = last.url;
      a.textContent = last.title;
      continueLink.hidden = false;
    }
  }
})();
