/*
 * coachbook runtime extension: calendar reminders of dates.
 *
 * Loaded with `defer` after coachbook.js, and only on the pages where a
 * date field or column has remind (generator/remind.go). Its button,
 * rendered hidden, downloads an RFC 5545 .ics file of one all-day event
 * on the chosen date, with an alarm the day before, made here in the
 * browser by coachbook-calendar.js, loaded the first time: nothing is
 * sent. With no date chosen, the button asks for one on the date box
 * (its validation bubble) instead. One listener on the page serves every
 * button, those of rows and entries added later too.
 */
(function () {
  "use strict";

  var core, M;

  coachbook.defineFeature(function (c) {
    core = c;
    M = core.messages;
    // Rows and entries added later copy the buttons as they were; each
    // change to the page reveals them and renames a row's by its number.
    var main = document.querySelector("main") || document.body;
    new MutationObserver(update).observe(main, { childList: true, subtree: true });
    update();
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-remind]");
      if (button) remind(button);
    });
  });

  function update() {
    core.$$("[data-remind]").forEach(function (button) {
      button.hidden = false;
      var n = button.closest("[data-item]") && core.$("[data-n]", button.parentNode);
      var name = n && core.say(M.remindRow, button.getAttribute("data-remind"), n.textContent);
      if (name && button.getAttribute("aria-label") !== name) button.setAttribute("aria-label", name);
    });
  }

  function remind(button) {
    var input = core.$("input[type=date]", button.parentNode);
    var date = /^(\d{4})-(\d\d)-(\d\d)$/.exec(input.value);
    if (!date) {
      ask(input, M.remindPickDate);
      return;
    }
    // The file is made by coachbook-calendar.js, loaded the first time.
    coachbook.calendar().then(function (calendar) {
      var file = calendar.event(button, input, date);
      core.download(file.name, "text/calendar", file.text);
    }).catch(function () { ask(input, M.remindNotLoaded); });
  }

  // ask says on the date box what the button needs, until it changes.
  function ask(input, text) {
    input.setCustomValidity(text);
    input.reportValidity();
    input.addEventListener("input", function () { input.setCustomValidity(""); }, { once: true });
  }
})();
