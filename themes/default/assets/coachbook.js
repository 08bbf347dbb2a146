/*
 * coachbook client runtime.
 *
 * Loaded with `defer` from a file (never inline) so the site's strict
 * Content-Security-Policy holds. It makes no network requests.
 *
 * Controls that need JavaScript are rendered `hidden` and revealed here,
 * so a reader without JavaScript never sees a button that does nothing.
 */
(function () {
  "use strict";

  var actions = {
    print: function () { window.print(); }
  };

  document.querySelectorAll("[data-action]").forEach(function (button) {
    var action = actions[button.getAttribute("data-action")];
    if (!action) return;
    button.addEventListener("click", action);
    button.hidden = false;
  });
})();
