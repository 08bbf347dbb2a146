/*
 * coachbook client runtime.
 *
 * Loaded with `defer` from a file (never inline) so the site's strict
 * Content-Security-Policy holds. It makes no network requests, and writes
 * text only through textContent and value, never as HTML.
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

  /* Repeatable items (list) and rows: add and remove between data-min
   * and data-max, renumbering ids so every label stays tied to its box.
   * Ids a field derives from its own use ":", which no field key holds. */
  function items(group) {
    return group.querySelectorAll(":scope > ol > [data-item]");
  }

  function renumber(group) {
    var base = "field-" + group.getAttribute("data-key");
    var all = items(group);
    var min = Number(group.getAttribute("data-min")) || 0;
    var max = Number(group.getAttribute("data-max")) || Infinity;
    all.forEach(function (item, index) {
      var n = index + 1;
      item.querySelectorAll("input, textarea").forEach(function (control) {
        var col = control.getAttribute("data-col");
        var id = base + ":" + n + (col ? ":" + col : "");
        var label = item.querySelector('label[for="' + control.id + '"]');
        control.id = id;
        if (label) label.htmlFor = id;
      });
      item.querySelectorAll("[data-n]").forEach(function (number) { number.textContent = n; });
      item.querySelector("[data-remove]").disabled = all.length <= Math.max(min, 1);
    });
    group.querySelector(":scope > [data-add]").disabled = all.length >= max;
  }

  function add(group) {
    var all = items(group);
    var fresh = all[all.length - 1].cloneNode(true);
    fresh.querySelectorAll("input, textarea").forEach(function (control) {
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
    });
    all[all.length - 1].after(fresh);
    renumber(group);
    fresh.querySelector("input, textarea").focus();
    group.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function remove(group, item) {
    var next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    renumber(group);
    if (next) next.querySelector("input, textarea").focus();
    group.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.querySelectorAll(".field-list, .field-rows").forEach(function (group) {
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || button.closest(".field-list, .field-rows") !== group) return;
      if (button.hasAttribute("data-add")) add(group);
      if (button.hasAttribute("data-remove")) remove(group, button.closest("[data-item]"));
    });
    group.querySelectorAll("[data-add], [data-remove]").forEach(function (button) { button.hidden = false; });
    renumber(group);
  });

  /* A live word count against the author's target. */
  document.querySelectorAll("[data-word-target]").forEach(function (counter) {
    var target = Number(counter.getAttribute("data-word-target"));
    var area = counter.parentElement.querySelector("textarea");
    function update() {
      var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
      counter.textContent = words + (words === 1 ? " word" : " words") + " of about " + target;
    }
    area.addEventListener("input", update);
    update();
  });

  /* Typing in the box beside "Other" chooses it. */
  document.querySelectorAll(".option-other .other-text").forEach(function (box) {
    var choice = box.parentElement.querySelector("[data-other]");
    box.addEventListener("input", function () {
      if (box.value.trim() && !choice.checked) {
        choice.checked = true;
        choice.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  });

  /* A slider shows its value once it has one. */
  document.querySelectorAll(".slider input[type=range]").forEach(function (slider) {
    var output = slider.parentElement.querySelector("output");
    slider.addEventListener("input", function () {
      output.textContent = slider.value;
      output.removeAttribute("data-unset");
    });
  });

  /* Each exercise shows how many of its counted fields are answered,
   * from the field list the build embeds in the page. */
  var manifestScript = document.getElementById("coachbook-manifest");
  var manifest = manifestScript ? JSON.parse(manifestScript.textContent) : { fields: [] };

  function filled(control) {
    if (control.type === "checkbox" || control.type === "radio") return control.checked;
    if (control.type === "range") return !control.parentElement.querySelector("output[data-unset]");
    return control.value.trim() !== "";
  }

  function answered(field) {
    var box = document.querySelector('[data-field="' + CSS.escape(field.key) + '"]');
    if (!box) return false;
    return Array.prototype.some.call(box.querySelectorAll("input, textarea"), function (control) {
      return !control.classList.contains("other-text") && filled(control);
    });
  }

  document.querySelectorAll("[data-exercise-status]").forEach(function (status) {
    var section = status.closest("[data-exercise]");
    var id = section.getAttribute("data-exercise");
    var fields = manifest.fields.filter(function (f) { return f.exercise === id && f.counts; });
    if (!fields.length) return;
    status.setAttribute("aria-live", "polite");
    function update() {
      var done = fields.filter(answered).length;
      var text = done === fields.length ? "Done: all " + done + " answered" : done + " of " + fields.length + " answered";
      if (status.textContent !== text) status.textContent = text;
      section.classList.toggle("exercise-done", done === fields.length);
    }
    section.addEventListener("input", update);
    section.addEventListener("change", update);
    section.addEventListener("click", function () { setTimeout(update, 0); });
    update();
    status.hidden = false;
  });
})();
