// coachbook serve: reloads this page when the site is rebuilt, and shows
// the last build's warnings in a panel. serve serves it as a file, never
// inline, so the page's Content-Security-Policy holds: the panel is built
// with DOM methods and textContent only, and styled by serve.css. Its
// words come from serve with the warnings.
(function () {
  "use strict";
  var base = document.currentScript.src.replace(/livereload\.js$/, "");
  var events = new EventSource(base + "events");
  events.addEventListener("open", function () { document.documentElement.setAttribute("data-live-reload", "connected"); });
  events.addEventListener("reload", function () { window.location.reload(); });

  // A dismissed panel stays away in this tab until the warnings change.
  var dismissedKey = "coachbook-serve-dismissed";

  function readDismissed() {
    try { return sessionStorage.getItem(dismissedKey); } catch (e) { return null; }
  }

  function writeDismissed(signature) {
    try { sessionStorage.setItem(dismissedKey, signature); } catch (e) { /* The panel just goes. */ }
  }

  // serve checked the editor's scheme; this keeps a link from ever being
  // script, whatever comes.
  function safeLink(link) {
    return !/^\s*(javascript|data|vbscript):/i.test(link);
  }

  function warningItem(warning) {
    var item = document.createElement("li");
    var code = document.createElement("code");
    if (warning.place) {
      var linked = warning.link && safeLink(warning.link);
      var where = document.createElement(linked ? "a" : "span");
      if (linked) where.href = warning.link;
      where.textContent = warning.place;
      code.append(where, ": ");
    }
    code.append(warning.message);
    item.appendChild(code);
    return item;
  }

  function showWarnings(report) {
    var warnings = report.warnings, words = report.words;
    if (!warnings.length) return;
    var signature = warnings.map(function (w) { return w.place + ": " + w.message; }).join("\n");
    if (readDismissed() === signature) return;

    var panel = document.createElement("aside");
    panel.className = "coachbook-serve-warnings";
    panel.setAttribute("aria-label", words.panelLabel);
    var head = document.createElement("div");
    head.className = "coachbook-serve-warnings-head";
    var heading = document.createElement("p");
    heading.textContent = warnings.length === 1 ? words.panelOne : words.panelSome.replace("{n}", String(warnings.length));
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.textContent = words.panelDismiss;
    dismiss.addEventListener("click", function () {
      writeDismissed(signature);
      panel.remove();
    });
    head.append(heading, dismiss);
    var list = document.createElement("ul");
    warnings.forEach(function (w) { list.appendChild(warningItem(w)); });
    panel.append(head, list);

    // The panel shows once its style has come, never unstyled.
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = base + "serve.css";
    var shown = false;
    var show = function () {
      if (shown) return;
      shown = true;
      document.body.appendChild(panel);
    };
    style.addEventListener("load", show);
    style.addEventListener("error", show);
    document.head.appendChild(style);
  }

  fetch(base + "warnings.json", { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : { warnings: [] }; })
    .then(showWarnings)
    .catch(function () { /* serve has stopped: nothing to show. */ });
})();
