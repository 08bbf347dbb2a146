/*
 * coachbook runtime extension: the calendar file of a date, an RFC 5545
 * .ics of one all-day event on the chosen date, with an alarm the day
 * before, made here in the browser: nothing is sent.
 *
 * Loaded on demand, the first time a client adds a date to their calendar
 * (coachbook-remind.js, from the address its button's data-calendar-file
 * holds): most visits never do, so most never download it. It gives
 * event(button, input, date), the file's name and text.
 */
(function () {
  "use strict";

  // The alarm: 15 hours before the event's start, which for an all-day
  // event is 09:00 the day before in the client's own time zone (as
  // calendars' own "1 day before, 9 AM" do); -P1D would ring at midnight.
  var TRIGGER = "-PT15H";
  var TEXT_CELLS = "input:not([type]), input[type=text], textarea";

  coachbook.defineCalendar(function (core) {
    var M = core.messages;
    return {
      // event makes the file of the date input holds, date its parts
      // (year, month, day), for the reminder button.
      event: function (button, input, date) {
        var page = {};
        try { page = JSON.parse(document.getElementById("coachbook-manifest").textContent) || {}; } catch (e) { /* The page's heading names it. */ }
        var title = String(page.title || core.$("h1").textContent);
        var url = location.href.split(/[?#]/)[0];
        var row = button.closest("[data-item]");
        var first = row && core.$$(TEXT_CELLS, row).filter(function (box) { return box.value.trim(); })[0];
        var summary = [first && first.value.trim(), button.getAttribute("data-remind"), title].filter(Boolean).join(" · ");
        var group = button.closest("[data-key]");
        var key = row ? group.getAttribute("data-key") + "." + input.getAttribute("data-col") : button.closest("[data-field]").getAttribute("data-field");
        var next = new Date(Date.UTC(+date[1], date[2] - 1, +date[3] + 1)).toISOString().slice(0, 10);
        var lines = [
          "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coachbook//Calendar reminder//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
          "BEGIN:VEVENT",
          "UID:" + Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join("") + "@coachbook",
          "DTSTAMP:" + new Date().toISOString().replace(/[-:]|\.\d+/g, ""),
          "DTSTART;VALUE=DATE:" + date.slice(1).join(""),
          "DTEND;VALUE=DATE:" + next.replace(/-/g, ""),
          "SUMMARY:" + text(summary),
          "DESCRIPTION:" + text(core.say(M.remindDescription, title, url)),
          "URL:" + url.replace(/[\x00-\x20\x7f]/g, encodeURIComponent),
          "TRANSP:TRANSPARENT",
          "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text(core.say(M.remindAlarm, summary)), "TRIGGER:" + TRIGGER, "END:VALARM",
          "END:VEVENT", "END:VCALENDAR"
        ];
        return {
          name: [page.id, key, input.value].map(coachbook.fileLabel).filter(Boolean).join("-") + ".ics",
          text: lines.map(fold).join("")
        };
      }
    };
  });

  // text escapes a TEXT value (RFC 5545 3.3.11): a client's line breaks
  // become \n, and other control characters, which TEXT may not hold, go,
  // so no text can end the event or start a line of its own.
  function text(s) {
    return String(s).replace(/\r\n?/g, "\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "")
      .replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
  }

  // fold ends a content line with CRLF, folding it (RFC 5545 3.1) so that
  // no line is longer than 75 octets of UTF-8, the continuation's leading
  // space included, and never inside a character.
  function fold(line) {
    var out = "", octets = 0;
    for (var ch of line) {
      var cp = ch.codePointAt(0), size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (octets + size > 75) {
        out += "\r\n ";
        octets = 1;
      }
      out += ch;
      octets += size;
    }
    return out + "\r\n";
  }
})();
