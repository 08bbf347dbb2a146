/*
 * coachbook runtime extension: timers for timed exercises.
 *
 * Loaded with `defer` after coachbook.js, and only on the pages that use
 * ::timer (generator/displays.go names this file as its script). A timer
 * saves nothing. It counts down from data-timer seconds, reading the time
 * from Date.now() at each tick rather than counting ticks, so a sleeping
 * tab stays right; at zero it marks itself data-state="done" and says so
 * in its live region, without sound.
 */
(function () {
  "use strict";

  var core, M;

  coachbook.defineFeature(function (c) {
    core = c;
    M = core.messages;
    core.$$("[data-timer]").forEach(start);
  });

  function start(box) {
    var total = Number(box.getAttribute("data-timer")) * 1000;
    var time = core.$("[data-time]", box), status = core.$("[data-timer-status]", box);
    var startButton = core.$("[data-timer-start]", box), pause = core.$("[data-timer-pause]", box), reset = core.$("[data-timer-reset]", box);
    var label = core.$(".timer-label", box).textContent;
    // left is the time left when paused; until is when it ends while it runs.
    var left = total, until = 0, tick = 0;

    function state(s) {
      box.setAttribute("data-state", s);
      startButton.disabled = s === "running" || s === "done";
      pause.disabled = s !== "running";
      reset.disabled = s === "ready";
    }

    function show() {
      var now = until ? Math.max(0, until - Date.now()) : left;
      var s = Math.ceil(now / 1000);
      time.textContent = pad(Math.floor(s / 60)) + ":" + pad(s % 60);
      if (until && now === 0) {
        stop();
        left = 0;
        var moved = document.activeElement === pause;
        state("done");
        if (moved) reset.focus();
        status.textContent = core.say(M.timerDone, label);
      }
    }

    function stop() {
      clearInterval(tick);
      until = 0;
    }

    startButton.addEventListener("click", function () {
      until = Date.now() + left;
      status.textContent = "";
      state("running");
      tick = setInterval(show, 250);
      pause.focus();
    });
    pause.addEventListener("click", function () {
      left = Math.max(0, until - Date.now());
      stop();
      state("paused");
      show();
      startButton.focus();
    });
    reset.addEventListener("click", function () {
      stop();
      left = total;
      status.textContent = "";
      state("ready");
      show();
      startButton.focus();
    });
    state("ready");
    core.$("[data-timer-buttons]", box).hidden = false;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
})();
