/*
 * coachbook runtime extension: totals and charts of a page's numbers.
 *
 * Loaded with `defer` after coachbook.js, and only on the pages that use
 * ::total or ::chart (generator/displays.go names this file as their
 * script). A total or chart saves nothing: it reads the numbers in the
 * page's fields, a column of rows or a field of a repeated exercise's
 * entries, and shows them again whenever they may have changed.
 */
(function () {
  "use strict";

  var $, $$, say, MESSAGES, numbers;
  var toNumber = coachbook.toNumber;
  var SVG = "http://www.w3.org/2000/svg";
  // The chart's drawing area, its viewBox.
  var WIDTH = 300, HEIGHT = 100, PAD = 8;

  // Totals and charts live on workbook pages, whose start hands each
  // extension what it uses of the core.
  coachbook.defineFeature(function (core) {
    $ = core.$; $$ = core.$$; say = core.say; MESSAGES = core.messages;
    numbers = new Intl.NumberFormat(core.locale(), { maximumFractionDigits: 2 });
  });

  // points lists the numbers a display shows, each with its date ("" for
  // none), in date order; those without a date keep their place after
  // the dated ones. What is not a number (text typed in a number box, an
  // empty cell) is left out.
  function points(display) {
    var out = [];
    var rows = display.getAttribute("data-of-rows");
    var dateCol = display.getAttribute("data-date-col");
    if (rows !== null) {
      var col = display.getAttribute("data-of-col");
      // Rows EXERCISE.ROWS inside a repeated exercise are EXERCISE@ENTRY.ROWS,
      // one table in each entry: their rows add up together.
      var dot = rows.indexOf(".");
      var groups = $$('[data-field="' + CSS.escape(rows) + '"]' + (dot < 0 ? "" :
        ', [data-field^="' + CSS.escape(rows.slice(0, dot) + "@") + '"][data-field$="' + CSS.escape(rows.slice(dot)) + '"]'));
      groups.forEach(function (group) {
        $$(":scope > ol > [data-item]", group).forEach(function (row) {
          var date = dateCol && $('[data-col="' + CSS.escape(dateCol) + '"]', row);
          add(out, $('[data-col="' + CSS.escape(col) + '"]', row), date ? date.value : "", "");
        });
      });
    } else {
      // A repeated exercise keeps each entry's fields as EXERCISE@ENTRY.FIELD;
      // entry IDs begin with the time they were made, so they sort by it.
      var ex = display.getAttribute("data-of-repeat") + "@";
      var field = "." + display.getAttribute("data-of-field");
      var dateField = display.getAttribute("data-date-field");
      $$('[data-field^="' + CSS.escape(ex) + '"][data-field$="' + CSS.escape(field) + '"]').forEach(function (box) {
        var entry = box.getAttribute("data-field").slice(0, -field.length);
        var date = dateField && $('[data-field="' + CSS.escape(entry + "." + dateField) + '"] input');
        add(out, $("input:checked", box) || $("input:not([type=radio]):not([data-unset]), select", box), date ? date.value : "", entry);
      });
    }
    out.forEach(function (p, i) { p.i = i; });
    return out.sort(function (a, b) {
      if (a.date !== b.date) return !a.date ? 1 : !b.date ? -1 : a.date < b.date ? -1 : 1;
      return a.entry !== b.entry ? (a.entry < b.entry ? -1 : 1) : a.i - b.i;
    });
  }

  function add(out, control, date, entry) {
    var n = control ? toNumber(control.value) : "";
    if (typeof n === "number" && isFinite(n)) out.push({ n: n, date: date, entry: entry });
  }

  // shown writes a number as a client reads it, in the page's language:
  // at most two decimals.
  function shown(n) { return numbers.format(n); }

  function showTotal(display) {
    var values = points(display).map(function (p) { return p.n; });
    var how = display.getAttribute("data-total");
    var sum = values.reduce(function (a, b) { return a + b; }, 0);
    var out = how === "count" ? shown(values.length)
      : !values.length ? MESSAGES.unset
      : shown(how === "average" ? sum / values.length : how === "latest" ? values[values.length - 1] : sum);
    $("[data-value]", display).textContent = out;
  }

  function showChart(display) {
    var list = points(display);
    var values = list.map(function (p) { return p.n; });
    var low = Math.min.apply(null, values), high = Math.max.apply(null, values);
    $("[data-summary]", display).textContent = values.length
      ? say(MESSAGES.trendSummary, shown(low), shown(high), shown(values[values.length - 1]))
      : MESSAGES.trendEmpty;
    draw(plot(display), values, low, high);
    var body = $("[data-values] tbody", display);
    var dated = display.hasAttribute("data-date-col") || display.hasAttribute("data-date-field");
    body.replaceChildren.apply(body, list.map(function (p) {
      var tr = document.createElement("tr");
      (dated ? [p.date, shown(p.n)] : [shown(p.n)]).forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  // plot returns the chart's drawing, made the first time: an image
  // labelled by the chart's caption and summary.
  function plot(display) {
    var box = $("[data-plot]", display);
    var svg = $("svg", box);
    if (!svg) {
      svg = shape("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img",
        "aria-labelledby": display.id + ":label " + display.id + ":summary" });
      box.appendChild(svg);
    }
    return svg;
  }

  // draw draws values as a line from left to right, the lowest at the
  // bottom and the highest at the top, with a dot at each value.
  function draw(svg, values, low, high) {
    var step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
    var xy = values.map(function (n, i) {
      var x = values.length > 1 ? PAD + i * step : WIDTH / 2;
      var y = high > low ? HEIGHT - PAD - (n - low) / (high - low) * (HEIGHT - 2 * PAD) : HEIGHT / 2;
      return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    });
    var shapes = [];
    if (xy.length > 1) shapes.push(shape("polyline", { "class": "chart-line", points: xy.join(" ") }));
    xy.forEach(function (p) { shapes.push(shape("circle", { "class": "chart-point", cx: p[0], cy: p[1], r: 3 })); });
    svg.replaceChildren.apply(svg, shapes);
  }

  function shape(name, attrs) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  function update() {
    $$("[data-total]").forEach(showTotal);
    $$("[data-chart]").forEach(showChart);
  }

  // The core says when it shows saved answers: when the page opens, when
  // a file of answers is restored, and when another tab saves one. A
  // client's change is an input or change event, removing a row too.
  document.addEventListener("coachbook:shown", update);
  document.addEventListener("input", update);
  document.addEventListener("change", update);
})();
