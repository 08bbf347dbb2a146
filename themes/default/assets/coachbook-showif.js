/*
 * coachbook runtime extension: questions that appear when needed.
 *
 * Loaded with `defer` after coachbook.js, and only on the pages where a
 * field or container has show-if (generator/showif.go). The build writes
 * each condition on its element as data-show-if-field (the key of the
 * field it names: in an entry, coachbook-entries.js renames it to the
 * entry's own copy), data-show-if-op and data-show-if-value; this file
 * hides the element while coachbook.holds says the condition does not
 * hold. Without JavaScript, and in print (style.css), everything shows.
 * It announces nothing: the question simply follows the answer above it.
 */
(function () {
  "use strict";

  coachbook.defineFeature(function (core) {
    // update hides and shows every element with a condition by the answer
    // its field shows now, and counts progress again if any changed. An
    // element that hides with the keyboard focus inside hands it to the
    // field it depends on, so that the focus is never lost.
    function update(recount) {
      var changed = false;
      core.$$("[data-show-if-field]").forEach(function (el) {
        var key = el.getAttribute("data-show-if-field");
        var b = core.binding(key);
        var hide = !coachbook.holds({ op: el.getAttribute("data-show-if-op"), value: el.getAttribute("data-show-if-value") || "" }, b ? b.get() : undefined);
        if (el.hidden === hide) return;
        changed = true;
        if (hide && el.contains(document.activeElement)) {
          var control = b && core.$("input:not([type=hidden]), textarea, select", b.box);
          if (control) control.focus();
          else document.activeElement.blur();
        }
        el.hidden = hide;
      });
      if (changed && recount) core.progress();
    }

    // On input, before the core counts progress; on coachbook:shown (saved
    // answers shown at start, after a restore, from another tab or in an
    // entry just added), after it did, so progress is counted again.
    ["input", "change"].forEach(function (type) {
      document.addEventListener(type, function () { update(false); });
    });
    document.addEventListener("coachbook:shown", function () { update(true); });
  });
})();
