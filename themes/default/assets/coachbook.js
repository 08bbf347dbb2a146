/*
 * coachbook client runtime: saves a client's answers in their own browser.
 *
 * - Loaded with `defer` from a file, never inline, so the strict
 *   Content-Security-Policy holds. It makes no network requests: answers
 *   leave the device only when the client downloads them.
 * - It writes user text only through textContent and value, never as HTML.
 * - Controls that need JavaScript are rendered `hidden` and revealed here,
 *   so a reader without JavaScript never sees a button that does nothing.
 *
 * Storage (localStorage; every key starts "coachbook:<site ID>:", with
 * "%" and ":" in the site ID escaped as %25 and %3A):
 *   meta                  {schema, last: {id, t}, asked, persisted,
 *                         firstSaved, lastBackup, name, named}
 *   a:<workbook>:<field>  {v: value, t: time saved}, one key per field, so
 *                         two tabs editing different fields never collide
 *   c:<workbook>:<field>  [{v, t}, …]: versions of an answer that a later
 *                         save in another tab replaced, kept until the
 *                         client uses or dismisses them
 *   wb:<workbook>         {title, url, labels}, for readable downloads
 *   p:<workbook>          [print, done, counted]: the workbook's progress
 *                         when last saved, over the counted fields of
 *                         that print, for the listings (coachbook-listings.js)
 *   unreadable:<t>:<key>  data that could not be read, set aside untouched
 *   erased                {id, t}, written and removed at once, to tell
 *                         other tabs that answers were erased
 *   shared                a time, written and removed at once, to tell
 *                         open tabs the computer is now shared
 */
(function () {
  "use strict";

  /* ---- Every sentence the runtime shows; {0}, {1}… are filled in ----
   * They come from the theme's i18n/en.yaml through the page, never from
   * this file. One the page lacks reads as "", never as "undefined". */

  var MESSAGES = Object.assign(dict(), readScript("messages"));

  // Words by plural form ({one, few, other…}) are chosen by {0}, by the
  // page language's CLDR rules.
  function say(text) {
    var args = arguments;
    if (isObject(text)) text = text[new Intl.PluralRules(document.documentElement.lang || void 0).select(Number(args[1]))] || text.other;
    return String(text || "").replace(/\{(\d)\}/g, function (m, i) { return args[+i + 1]; });
  }

  var SCHEMA = 1;
  // migrations[n](store) turns schema n's data into schema n+1's, using
  // the store's read, write, remove and keys. None are needed yet.
  var migrations = {};

  // What the build makes as IDs; anything else in a file is not ours.
  // WORKBOOK_ID is generator.WorkbookIDPattern: TestWorkbookIDsAgree
  // checks that the two accept the same IDs.
  var WORKBOOK_ID = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._\/-]*$/u;
  // An entry of a repeating exercise saves its fields as EXERCISE@ENTRY.FIELD.
  var FIELD_KEY = /^[A-Za-z][\w-]*(@[a-z0-9]{1,16}(?=\.))?(\.[A-Za-z][\w-]*)*$/;
  var ENTRY_PART = /^([^.@]+)@[a-z0-9]{1,16}(?=\.)/;
  var COLUMN_KEY = /^[A-Za-z][\w-]*$/;
  // A row of rows keeps its ID under "@id", which no column key can be.
  var ROW_ID = /^[a-z0-9]{1,16}$/;
  // Every key the runtime writes, after its prefix: erasing touches no other.
  var OWN_KEY = /^(meta|probe|erased|shared|[ac]:[^:]+:[^:]+|wb:[^:]+|p:[^:]+|unreadable:\d+:(meta|[ac]:[^:]+:[^:]+|wb:[^:]+))$/;
  // Limits on what a file may bring, and storage may hold, far above what
  // a client writes, so that no file can freeze or break a page.
  var MAX_IMPORT = 5 * 1024 * 1024;
  var MAX_TEXT = 1000000; // characters in one answer
  var MAX_ITEMS = 1000; // items or rows of a list that sets no max
  var MAX_COLUMNS = 50; // cells in a row
  var MAX_LABEL = 1000; // characters in a title or label
  var MAX_NAME = 100; // characters in the client's name or initials
  var DAY = 864e5;
  // Days between backup reminders when the page does not say: a usual
  // time between coaching sessions, as the build's default.
  var BACKUP_DAYS = 14;

  /* ---- Shared state ----
   * Every variable the functions share and change, in one place. init()
   * sets them from the page and storage; the handlers it wires change them
   * later. Every other top-level name is a constant or a function. */

  var siteID = "";      // <body data-site>
  var siteTitle = null; // <body data-site-title>
  // ":" joins a key's parts, so the site ID's own (a port) is escaped:
  // then no site's prefix can begin another site's keys.
  var prefix = "";      // how every storage key of this site starts
  var sharedKey = "";   // sessionStorage's note that the computer is shared
  var shared = false;   // answers are kept in this tab only
  var disk = null;      // localStorage, or sessionStorage when shared
  var memory = null;    // a Map once answers can no longer be written to disk
  var failure = "";     // why answers are not saved, once they are not
  var meta = null;      // {schema, last, asked}, as saveMeta writes it
  var workbook = null;  // this workbook page's manifest
  var bindings = dict(); // each field's binding, by key
  var pending = dict(); // the time of each field's first unsaved edit
  var written = dict(); // this tab's last save of each field: {since, t}
  var deferred = dict(); // fields being typed in that other tabs saved
  var shown = dict();   // the time of the stored record each field shows
  var sitePath = "/";   // the site's base path, where its pages are
  var timer = 0;        // the save waiting for a pause in typing
  var announcedSaving = false; // the client was told answers save as they type
  var siteFields = dict(); // the fields a restored file is checked against
  var remindedKey = ""; // sessionStorage's note that this visit was reminded
  var statusHome = null; // the save status's place in "Your answers": {parent, next}
  var started = false;   // init() has begun: no kind can be added now
  var given = dict();   // what extensions hand each other, by name (give)
  var extensions = dict(); // what files loaded on demand gave, by name
  var loads = dict();    // the promises of them while they load
  var summary = null;    // this workbook's progress summary, as p: keeps it

  /* ==== Pure functions: they read no page and no storage ==== */

  function dict() { return Object.create(null); }
  function isObject(o) { return o !== null && typeof o === "object" && !Array.isArray(o); }
  // own gives o's own property k, never one it inherits.
  function own(o, k) { return isObject(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; }
  // asText gives v if it is a string fit to show as a title or label.
  function asText(v, fallback) { return typeof v === "string" && v && v.length <= MAX_LABEL ? v : fallback; }
  function isName(v) { return typeof v === "string" && v.length <= MAX_NAME; }
  // fileLabel makes a client's name fit a file name: letters, digits,
  // "-" and "_", other runs of characters becoming one "-".
  function fileLabel(name) {
    return String(name || "").replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "");
  }
  // each runs fn on every item, so that one field or exercise a layout
  // broke never stops the others from saving and counting.
  function each(list, fn) {
    list.forEach(function (x) {
      try { fn(x); } catch (e) { /* Only this one is left out. */ }
    });
  }
  // valueOf is a binding's value, or undefined when it cannot be read.
  function valueOf(b) {
    try { return b.get(); } catch (e) { return undefined; }
  }

  /* ---- Values: the shapes fields save, and what counts as an answer ---- */

  // A time that Date can print: ±100 million days around 1970.
  function isTime(t) { return typeof t === "number" && isFinite(t) && Math.abs(t) <= 8.64e15; }
  function isText(v) { return typeof v === "string" && v.length <= MAX_TEXT; }
  function isNumber(v) { return typeof v === "number" && isFinite(v); }
  function isCell(v) { return typeof v === "boolean" || isNumber(v) || isText(v); }
  // A row's cells are under its columns' keys; what the runtime keeps
  // beside them (a row's "@id") under "@" and a word, which no column key
  // can be.
  function isRow(r) {
    var cols = isObject(r) ? Object.keys(r) : [];
    return isObject(r) && cols.length <= MAX_COLUMNS && cols.every(function (c) { return (/^@[a-z]{1,16}$/.test(c) || COLUMN_KEY.test(c)) && isCell(r[c]); });
  }
  // isMap: an object of at most MAX_ITEMS entries, each passing isEntry,
  // keyed by what an author or a client names (a card sort's cards, a
  // grid's rows).
  function isMap(v, isEntry) {
    var keys = isObject(v) ? Object.keys(v) : [];
    return isObject(v) && keys.length <= MAX_ITEMS && keys.every(function (k) { return k.length <= MAX_LABEL && isEntry(v[k]); });
  }
  // isValue: text, a number, true or false, a list of texts, rows of
  // cells, or a map of texts or of rows.
  // Checking the length first keeps a huge list from taking long.
  function isValue(v) {
    return isCell(v) || Array.isArray(v) && v.length <= MAX_ITEMS && (v.every(isText) || v.every(isRow)) || isMap(v, isText) || isMap(v, isRow);
  }
  function isRecord(r) { return isObject(r) && isTime(r.t) && isValue(r.v); }
  function isMeta(m) { return isObject(m) && typeof m.schema === "number" && m.schema >= 1 && Math.floor(m.schema) === m.schema; }

  // answered looks as deep as values go: into a list, and into its rows.
  function answered(v) { return filled(v, 0); }
  // counts tells whether v answers field f (its manifest entry), the one
  // rule the workbook page and the listings both count by. A number
  // counts only as a number: text typed in its box is kept, but is no
  // answer. A choice counts only by a value it still offers: an answer
  // whose option is gone is kept, but does not count.
  function counts(v, f) {
    if (f.type === "number") return isNumber(v);
    if (f.type === "choice" && Array.isArray(f.options)) return [].concat(v).some(function (x) { return f.options.indexOf(x) >= 0; });
    return answered(v);
  }
  // holds tells whether show-if condition c ({op, value}) holds for v,
  // the answer of the field it names, the one rule the page and the
  // listings both hide by: a comparison with no answer is false, a number
  // compares as a number, and a choice of several is = when it includes.
  function holds(c, v) {
    var o = c.op, a = answered(v), x = +v, n = +c.value;
    if (o === "answered" || o === "empty") return a === (o === "answered");
    if (!a && v !== false) return false;
    var same = Array.isArray(v) ? v.indexOf(c.value) >= 0 : x === n || String(v) === c.value;
    return o === "=" ? same : o === "!=" ? !same : o === "<" ? x < n : o === "<=" ? x <= n : o === ">" ? x > n : x >= n;
  }
  // tally judges a field by its copies (its one place, or each entry's),
  // each whether it answers the field, or null where a show-if hides it:
  // hidden wherever it is, the field does not count (0); it is done (2)
  // once need copies answer it, or, hidden in some, every shown copy does;
  // else it counts but is not done (1). The page and the listings agree.
  function tally(copies, need) {
    var shown = copies.filter(function (c) { return c !== null; }), n = shown.filter(Boolean).length;
    return copies.length && !shown.length ? 0 : n >= need || n === shown.length && n < copies.length ? 2 : 1;
  }
  function filled(v, depth) {
    if (typeof v === "string") return v.trim() !== "";
    if (typeof v === "boolean") return v;
    if (isNumber(v)) return true;
    if (depth > 1) return false;
    if (Array.isArray(v)) return v.some(function (x) { return filled(x, depth + 1); });
    // What is kept under "@" and a word (a row's ID, a matrix's weights
    // or an option's name) is beside the answer, not one.
    if (isObject(v)) return Object.keys(v).some(function (k) { return k[0] !== "@" && filled(v[k], depth + 1); });
    return false;
  }

  // fit returns {v, cut} with what of v the field f can show, or null when
  // v is not of its kind. Lists and rows are cut to the field's max, and
  // rows to its columns. Without f, v need only be a value.
  function fit(v, f) {
    var type = f && f.type;
    if (!type) return isValue(v) ? { v: v, cut: false } : null;
    if (type === "check") return typeof v === "boolean" ? { v: v, cut: false } : null;
    if (type === "list" || type === "checklist" || type === "rows" || type === "choice" && Array.isArray(v)) {
      if (!Array.isArray(v)) return null;
      var kept = v.slice(0, Math.min(f.max > 0 ? f.max : MAX_ITEMS, MAX_ITEMS));
      var cut = kept.length < v.length;
      if (type !== "rows") return kept.every(isText) ? { v: kept, cut: cut } : null;
      if (!kept.every(isRow)) return null;
      // A row keeps a well-formed ID and the cells of the field's columns
      // that are of their kind.
      var rows = !Array.isArray(f.columns) ? kept : kept.map(function (r) {
        var id = r["@id"], row = typeof id === "string" && ROW_ID.test(id) ? { "@id": id } : {};
        f.columns.forEach(function (c) {
          var cell = isObject(c) ? own(r, c.key) : undefined;
          if (c.type === "check" ? typeof cell === "boolean" : typeof cell === "string" || c.type === "number" && isNumber(cell)) row[c.key] = cell;
        });
        cut = cut || Object.keys(row).length < Object.keys(r).length;
        return row;
      });
      return { v: rows, cut: cut };
    }
    // A number is a number, or "" when its box is empty.
    // A number field keeps text that is not a number as the client typed it.
    if (type === "number") return isNumber(v) || isText(v) ? { v: v, cut: false } : null;
    if (type === "text" || type === "textarea" || type === "date" || type === "scale" || type === "choice") return isText(v) ? { v: v, cut: false } : null;
    return isValue(v) ? { v: v, cut: false } : null;
  }

  // toNumber reads what a client typed, with "." or "," as the decimal
  // mark: "" for an empty box, NaN for what is not a number.
  function toNumber(s) {
    s = String(s).trim().replace(",", ".");
    return s === "" ? "" : /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
  }
  // numberProblem says why n does not fit a number field's limits, or "".
  function numberProblem(n, spec) {
    if (n === "") return "";
    if (!isNumber(n)) return MESSAGES.notNumber;
    if (n < spec.min) return say(MESSAGES.numberMin, spec.min);
    if (n > spec.max) return say(MESSAGES.numberMax, spec.max);
    var steps = (n - (spec.min || 0)) / spec.step;
    return Math.abs(steps - Math.round(steps)) > 1e-9 ? say(MESSAGES.numberStep, spec.step) : "";
  }

  // fieldOfKey is the field an answer's key saves: an entry's field
  // without its entry.
  function fieldOfKey(key) { return key.replace(ENTRY_PART, "$1"); }
  // newID makes the ID of an entry or a row: when it was made, in base 36,
  // and two random characters, so that IDs never shift and sort by
  // creation. entryTime reads the time back.
  function newID() { return Date.now().toString(36) + (Math.random().toString(36) + "00").slice(2, 4); }
  function entryTime(id) { return parseInt(id.slice(0, -2), 36); }
  // locale is the page's language, in which Intl writes dates and
  // numbers (toLocaleString(locale()) goes through Intl.DateTimeFormat):
  // the browser's own when the page names none, or one Intl does not take.
  function locale() {
    try { return Intl.getCanonicalLocales(document.documentElement.lang); } catch (e) { return []; }
  }

  function isWorkbookID(id) { return typeof id === "string" && WORKBOOK_ID.test(id); }

  /* ---- Markdown for a coach: answers read as typed ---- */

  // md escapes what Markdown (and the HTML it allows) would read as markup:
  // emphasis, code, links, images, tables, HTML and entities anywhere, and
  // headings, quotes and list markers at the start of a line.
  function md(s) {
    return String(s).split(/\r\n?|\n/).map(function (line) {
      return line.replace(/[\\`*_[\]~|]|<(?=[A-Za-z\/!?])|&(?=#?\w+;)/g, "\\$&")
        .replace(/^(\s*)([#>+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
    }).join("\n");
  }
  // item is a list item; its further lines stay inside it.
  function item(s) { return "- " + md(s).replace(/\n/g, "\n  "); }

  /* ---- Import: check the file, show what changes, merge by time ---- */

  // fieldsOf maps workbook ID, then field key, to what the field holds,
  // from workbook manifests: answers saved under a field's earlier keys
  // and its "other" box are checked too.
  function fieldsOf(workbooks) {
    var all = dict();
    (Array.isArray(workbooks) ? workbooks : []).forEach(function (w) {
      if (!isObject(w) || typeof w.id !== "string" || !Array.isArray(w.fields)) return;
      var mine = all[w.id] = dict();
      w.fields.forEach(function (f) {
        if (!isObject(f) || typeof f.key !== "string") return;
        (Array.isArray(f.was) ? f.was : []).forEach(function (old) { if (typeof old === "string" && !mine[old]) mine[old] = f; });
        mine[f.key] = f;
        if (f.other) mine[f.key + ".other"] = { type: "text" };
      });
    });
    return all;
  }

  /* ==== The page and storage ==== */

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function show(el) { if (el) el.hidden = false; }

  // readScript reads the build's JSON for the runtime. It looks for a
  // script element, so that an element of the content that has the same
  // id is never taken for it.
  function readScript(name) {
    var el = $('script[type="application/json"]#coachbook-' + name);
    try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
  }

  /* ---- What the buttons do ---- */

  var actions = {
    print: function () { window.print(); },
    copy: function () {
      var done = function () { announce(MESSAGES.copied); };
      var fail = function () { announce(MESSAGES.copyRefused); };
      if (navigator.clipboard) navigator.clipboard.writeText(workbookText()).then(done, fail);
      else fail();
    },
    markdown: function () { download(workbook.id.replace(/\//g, "-") + nameForFile() + "-" + today() + ".md", "text/markdown", workbookText()); },
    // The JSON export is the backup, since it is what Restore reads.
    export: function () { sendAnswers(function (file) { download(file.name, "application/json", file.text); }); },
    // Sharing the file and restoring one are the home page's
    // (coachbook-home.js).
    "dismiss-backup": function () { dismissReminder(); },
    "erase-workbook": function () {
      var answers = "a:" + workbook.id + ":";
      if (!erase([prefix + answers, versionsKey("")], say(MESSAGES.eraseWorkbook, workbook.title))) return;
      remove(prefix + "wb:" + workbook.id);
      remove(prefix + "p:" + workbook.id);
      // Set-aside copies of this workbook's answers go too.
      keys(prefix + "unreadable:").filter(function (k) { return k.indexOf(":" + answers) > 0 || k.indexOf(":c:" + workbook.id + ":") > 0; }).forEach(remove);
      signalErase(workbook.id);
      if (meta.last && meta.last.id === workbook.id) delete meta.last;
      saveMeta();
      restore();
      updateProgress();
      status("");
      announce(MESSAGES.erased);
    },
    "erase-site": function () {
      if (!erase([prefix], say(MESSAGES.eraseSite, siteTitle))) return;
      signalErase("");
      window.location.reload();
    }
  };

  /* ---- Messages ----
   * The save status is shown but not announced, since it changes with
   * every pause in typing; announce() speaks what a client must know. */

  function announce(text) {
    var live = $("[data-announce]");
    if (live) live.textContent = text;
  }

  function notice(text) {
    var box = $("[data-notice]");
    if (!box || $$("p", box).some(function (p) { return p.textContent === text; })) return;
    element("p", text, box);
    show(box);
    announce(text);
  }

  // status shows how saving goes. Given the box of the field being
  // edited, it moves there, just below the field, where a client on a
  // phone sees it; any other word than "Saved" goes back to its place in
  // "Your answers", where a long one has room. It stays one element, not
  // a live region: announce() speaks, once.
  function status(text, box) {
    var el = $("[data-save-status]");
    if (!el) return;
    if (!statusHome) statusHome = { parent: el.parentElement, next: el.nextSibling };
    if (box && el.parentElement !== box) box.appendChild(el);
    else if (!box && text !== MESSAGES.saved && el.parentElement !== statusHome.parent) statusHome.parent.insertBefore(el, statusHome.next);
    if (el.textContent !== text) el.textContent = text;
    show(el);
  }

  /* ---- Storage: every call guarded, with a fallback to memory ---- */

  function useMemory(reason) {
    if (memory) return;
    memory = new Map();
    failure = say(MESSAGES.notSaved, reason);
    status(failure);
    notice(failure);
  }

  // The shared-computer choice holds in every tab of the site until the
  // browser session ends, so it is a session cookie, which the home
  // page's switch (coachbook-home.js) writes: sessionStorage is one tab's,
  // and a BroadcastChannel reaches no tab opened later.
  function sharedCookie() {
    return "coachbook-shared-" + encodeURIComponent(siteID).replace(/\(/g, "%28").replace(/\)/g, "%29");
  }
  function readSharedCookie() {
    try { return document.cookie.split("; ").indexOf(sharedCookie() + "=1") >= 0; } catch (e) { return false; }
  }

  // openStorage chooses where answers go. On a shared computer a client
  // can keep answers in this tab only: sessionStorage ends with the tab.
  // The choice is the cookie's, for every tab, or this tab's own flag,
  // kept where cookies are turned off.
  function openStorage() {
    sharedKey = "coachbook:shared:" + siteID;
    try { shared = window.sessionStorage.getItem(sharedKey) === "1"; } catch (e) { /* Not shared. */ }
    shared = shared || readSharedCookie();
    try {
      disk = shared ? window.sessionStorage : window.localStorage;
      disk.setItem(prefix + "probe", "1");
      disk.removeItem(prefix + "probe");
    } catch (e) {
      if (!(e && e.name === "QuotaExceededError")) disk = null;
      useMemory(disk ? MESSAGES.storageFull : MESSAGES.storageRefused);
    }
  }

  // Keys stored before the site ID was escaped move to the escaped prefix.
  function moveUnescapedKeys() {
    var unescaped = "coachbook:" + siteID + ":";
    if (unescaped === prefix || memory) return;
    try {
      var moving = [];
      for (var i = 0; i < disk.length; i++) {
        var k = disk.key(i);
        if (k.indexOf(unescaped) === 0 && OWN_KEY.test(k.slice(unescaped.length))) moving.push(k);
      }
      moving.forEach(function (k) {
        var to = prefix + k.slice(unescaped.length);
        if (disk.getItem(to) === null) disk.setItem(to, disk.getItem(k));
        disk.removeItem(k);
      });
    } catch (e) { /* What did not move moves on the next visit. */ }
  }

  function read(key) {
    if (memory && memory.has(key)) return memory.get(key);
    try { return disk ? disk.getItem(key) : null; } catch (e) { return null; }
  }

  // write reports whether the text reached the disk.
  function write(key, text) {
    if (!memory) {
      try {
        disk.setItem(key, text);
        return true;
      } catch (e) {
        useMemory(e && e.name === "QuotaExceededError" ? MESSAGES.storageFull : MESSAGES.storageUnavailable);
      }
    }
    memory.set(key, text);
    return false;
  }

  function remove(key) {
    if (memory) memory.delete(key);
    try { if (disk) disk.removeItem(key); } catch (e) { /* Nothing to remove. */ }
  }

  // keys lists the site's own keys that begin with start.
  function keys(start) {
    var out = [];
    var mine = function (k) { return k.indexOf(start) === 0 && OWN_KEY.test(k.slice(prefix.length)); };
    try {
      for (var i = 0; disk && i < disk.length; i++) {
        var k = disk.key(i);
        if (mine(k)) out.push(k);
      }
    } catch (e) { /* Unreadable storage has no keys. */ }
    if (memory) memory.forEach(function (v, k) { if (mine(k) && out.indexOf(k) < 0) out.push(k); });
    return out;
  }

  // readJSON returns the stored value, or null. Anything that is not ours
  // to read is set aside untouched, and kept for the download.
  function readJSON(key, valid) {
    var raw = read(key);
    if (raw === null) return null;
    try {
      var value = JSON.parse(raw);
      if (valid(value)) return value;
    } catch (e) { /* Set aside below. */ }
    if (write(prefix + "unreadable:" + Date.now() + ":" + key.slice(prefix.length), raw)) remove(key);
    notice(MESSAGES.unreadable);
    return null;
  }

  function answerKey(workbook, field) { return prefix + "a:" + workbook + ":" + field; }
  function getRecord(workbook, field) { return readJSON(answerKey(workbook, field), isRecord); }
  function putRecord(workbook, field, record) { return write(answerKey(workbook, field), JSON.stringify(record)); }

  // readMeta reads meta and brings older data up to this schema. meta
  // keeps only what it is for, so no stored extra can weigh on it.
  function readMeta() {
    var stored = readJSON(prefix + "meta", isMeta) || { schema: SCHEMA };
    meta = { schema: stored.schema, asked: stored.asked === true };
    if (isObject(stored.last) && typeof stored.last.id === "string") meta.last = { id: stored.last.id, t: stored.last.t };
    keepMeta(stored);
    var store = { read: read, write: write, remove: remove, keys: keys, prefix: prefix };
    for (var n = meta.schema; n < SCHEMA && migrations[n]; n++) migrations[n](store);
    if (meta.schema > SCHEMA || n < SCHEMA) {
      notice(MESSAGES.otherVersionNotice);
      useMemory(MESSAGES.otherVersion);
    }
    meta.schema = SCHEMA;
  }

  // saveMeta never writes over data of a newer version from another tab,
  // nor over what another tab recorded since this page read meta.
  function saveMeta() {
    var stored = readJSON(prefix + "meta", isMeta);
    if (stored) keepMeta(stored);
    if (!stored || stored.schema <= SCHEMA) write(prefix + "meta", JSON.stringify(meta));
  }

  // keepMeta takes from stored meta what is newer than this page's: the
  // answer to persist(), the first saved answer, the later download and
  // the name set last.
  function keepMeta(stored) {
    if (stored.asked === true) meta.asked = true;
    if (typeof stored.persisted === "boolean" && typeof meta.persisted !== "boolean") meta.persisted = stored.persisted;
    if (isTime(stored.firstSaved) && !(meta.firstSaved <= stored.firstSaved)) meta.firstSaved = stored.firstSaved;
    if (isTime(stored.lastBackup) && !(meta.lastBackup >= stored.lastBackup)) meta.lastBackup = stored.lastBackup;
    if (isName(stored.name) && isTime(stored.named) && !(meta.named >= stored.named)) {
      meta.name = stored.name;
      meta.named = stored.named;
    }
  }

  /* ---- Small field behaviours ---- */

  // A live word count against the author's target.
  function countWords(counter) {
    var area = $("textarea", counter.parentElement);
    var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
    counter.textContent = say(words === 1 ? MESSAGES.word : MESSAGES.words, words, counter.getAttribute("data-word-target"));
  }
  function startCounter(counter) {
    $("textarea", counter.parentElement).addEventListener("input", function () { countWords(counter); });
    countWords(counter);
  }

  // Typing in the box beside "Other" chooses it.
  function startOther(box) {
    var choice = $("[data-other]", box.parentElement);
    box.addEventListener("input", function () {
      if (box.value.trim() && !choice.checked) {
        choice.checked = true;
        choice.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  // A slider shows its value once it has one. Until then it shows no
  // thumb, and says so to assistive technology, since its thumb would sit
  // in the middle looking like an answer.
  function setSlider(slider, value) {
    var output = $("output", slider.parentElement);
    if (value === "" || value === undefined || value === null) {
      slider.value = slider.defaultValue;
      output.textContent = MESSAGES.unset;
      output.setAttribute("data-unset", "");
      slider.setAttribute("data-unset", "");
      slider.setAttribute("aria-valuetext", MESSAGES.sliderUnset);
    } else {
      slider.value = value;
      output.textContent = slider.value;
      output.removeAttribute("data-unset");
      slider.removeAttribute("data-unset");
      slider.removeAttribute("aria-valuetext");
    }
  }
  // A click or tap where the hidden thumb sits, or Enter or Space, moves
  // nothing and so fires no input: choosing the value it sits at then
  // takes an input event of our own. A swipe that scrolls the page ends
  // in pointercancel, not pointerup, and chooses nothing.
  function startSlider(slider) {
    var choose = function () {
      if (slider.hasAttribute("data-unset")) slider.dispatchEvent(new Event("input", { bubbles: true }));
    };
    slider.addEventListener("input", function () { setSlider(slider, slider.value); });
    slider.addEventListener("pointerup", choose);
    slider.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      if (slider.hasAttribute("data-unset")) event.preventDefault();
      choose();
    });
    setSlider(slider, "");
  }

  /* ---- Bindings: read and write each field's value in the page ---- */

  function checkedValues(inputs) {
    return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function labelOf(input) {
    var label = $('label[for="' + CSS.escape(input.id) + '"]');
    return label ? label.textContent.trim() : input.value;
  }

  // choicesOf lists a field's checkboxes or radio buttons.
  function choicesOf(box, f) { return $$('input[data-key="' + CSS.escape(f.key) + '"]', box); }
  // choicesAre tells whether a field's first choice is an input of type.
  function choicesAre(box, f, type) {
    var first = choicesOf(box, f)[0];
    return !!first && first.type === type;
  }

  // A text box or textarea, and any kind the runtime does not know.
  function textBinder(box) {
    var control = $("[data-key]", box);
    return {
      get: function () { return control.value; },
      set: function (v) {
        control.value = typeof v === "string" ? v : "";
        var counter = $("[data-word-target]", box);
        if (counter) countWords(counter);
      }
    };
  }

  // Checkboxes, of which any may be chosen.
  function checkboxesBinder(box, f) {
    var choices = choicesOf(box, f);
    return {
      get: function () { return checkedValues(choices); },
      set: function (v) { choices.forEach(function (i) { i.checked = Array.isArray(v) && v.indexOf(i.value) >= 0; }); },
      text: function () {
        return choices.filter(function (i) { return i.checked; }).map(function (i) { return item(labelOf(i)); }).join("\n");
      }
    };
  }

  // Radio buttons, of which one may be chosen.
  function radiosBinder(box, f) {
    var choices = choicesOf(box, f);
    return {
      get: function () { return checkedValues(choices)[0] || ""; },
      set: function (v) { choices.forEach(function (i) { i.checked = i.value === String(v); }); }
    };
  }

  // A choice saves its options' keys. A saved entry that matches no
  // option (the author removed it) is never dropped: it is shown beside
  // the field, kept in the value and the Markdown, and does not count as
  // an answer. Choosing anew in a single choice replaces it; a multiple
  // choice keeps it beside the ticks.
  function choiceBinder(box, f) {
    var choices = choicesOf(box, f);
    var several = choicesAre(box, f, "checkbox");
    var earlier = [];
    var matches = function (v) { return choices.some(function (i) { return i.value === v; }); };
    var showEarlier = function () {
      var note = $(":scope > [data-earlier]", box);
      if (note) note.remove();
      if (!earlier.length) return;
      note = element("div", "", box);
      note.className = "earlier-answer";
      note.setAttribute("data-earlier", "");
      earlier.forEach(function (v) { element("p", say(MESSAGES.earlierAnswer, v), note); });
    };
    box.addEventListener("change", function () {
      if (several || !checkedValues(choices).length || !earlier.length) return;
      earlier = [];
      showEarlier();
    });
    return {
      get: function () {
        var picked = checkedValues(choices);
        return several ? picked.concat(earlier) : picked[0] || earlier[0] || "";
      },
      set: function (v) {
        var saved = [].concat(several ? (Array.isArray(v) ? v : []) : typeof v === "string" ? v : []);
        choices.forEach(function (i) { i.checked = saved.indexOf(i.value) >= 0; });
        earlier = saved.filter(function (x) { return typeof x === "string" && answered(x) && !matches(x); });
        showEarlier();
      },
      // Markdown shows the options' texts, then the earlier answers.
      text: function () {
        var lines = choices.filter(function (i) { return i.checked; }).map(labelOf).concat(earlier.map(function (v) { return say(MESSAGES.earlierAnswer, v); }));
        return several ? lines.map(item).join("\n") : md(lines[0] || "");
      }
    };
  }

  // A slider, unset until it is moved.
  function sliderBinder(box) {
    var control = $("[data-key]", box);
    return {
      get: function () { return $("output[data-unset]", box) ? "" : control.value; },
      set: function (v) { setSlider(control, v); }
    };
  }

  // A number saves a number, or "" when its box is empty. What is not a
  // number, or is outside its limits, stays in the box with the reason
  // beside it and saves nothing new: the last number typed stays saved.
  function numberBinder(box, f) {
    var control = $("[data-key]", box);
    var spec = f.number || {};
    // What is not a number, or does not fit, is saved as typed, so that
    // nothing typed is lost; it is flagged, and counts as no answer.
    var value = function () {
      var n = toNumber(control.value);
      return numberProblem(n, spec) ? control.value : n;
    };
    var check = function () {
      var problem = numberProblem(toNumber(control.value), spec);
      $("[data-error]", box).textContent = problem;
      control.setAttribute("aria-invalid", !!problem);
    };
    control.addEventListener("input", check);
    return {
      get: value,
      set: function (v) {
        control.value = isNumber(v) || isText(v) ? v : "";
        check();
      },
      text: function (v) { return md(v + (isNumber(v) && spec.unit ? " " + spec.unit : "")); }
    };
  }
  // numberCell is a number column's cell: the number typed, or the text
  // as typed when it is not one, so that a table loses nothing.
  function numberCell(c) {
    var n = c.hasAttribute("data-number") ? toNumber(c.value) : NaN;
    return isNumber(n) ? n : c.value;
  }

  // BINDERS says, for each field kind, how to get, set and print (text,
  // Markdown by default) its value in the page: binder(box, field) gives
  // {get, set, text}. Adding a field kind means adding one entry here, or
  // in a runtime extension file through defineKind; bind() treats a kind
  // it does not know as plain text.
  var BINDERS = {
    text: textBinder,
    textarea: textBinder,
    date: textBinder,
    number: numberBinder,
    checklist: checkboxesBinder,
    // A choice is checkboxes when it allows several, radio buttons else;
    // it saves its options' keys and keeps answers no option matches.
    choice: choiceBinder,
    // A scale is a row of radio buttons when it is short, a slider else.
    scale: function (box, f) { return (choicesAre(box, f, "radio") ? radiosBinder : sliderBinder)(box, f); },
    check: function (box) {
      var control = $("[data-key]", box);
      return {
        get: function () { return control.checked; },
        set: function (v) { control.checked = v === true; },
        text: function (v) { return v ? MESSAGES.yes : MESSAGES.no; }
      };
    }
  };

  // CORE is what an extension's binders may use of the core.
  var CORE = Object.freeze({
    $: $, $$: $$, show: show, isObject: isObject, own: own, isNumber: isNumber, numberCell: numberCell,
    answered: answered, md: md, item: item, say: say, newID: newID, locale: locale,
    messages: Object.freeze(Object.assign({}, MESSAGES)), MAX_ITEMS: MAX_ITEMS
  });

  // defineKind lets a runtime extension file (assets/coachbook-*.js,
  // loaded after this one only on the pages that use its kinds) add the
  // binder of a kind: factory(CORE) returns binder(box, field). It
  // returns whether the kind was added: once the page's fields are bound,
  // or for a kind already bound, it adds nothing, so nothing half-binds.
  function defineKind(kind, factory) {
    if (started || typeof kind !== "string" || own(BINDERS, kind) || typeof factory !== "function") return false;
    BINDERS[kind] = factory(CORE);
    return true;
  }

  // defineFeature lets an extension file start(ENTRIES) a part of the
  // workbook page before its fields are bound, as defineKind adds kinds:
  // the entries of repeating exercises, totals and charts.
  var features = [];
  function defineFeature(start) {
    if (started || typeof start !== "function") return false;
    features.push(start);
    return true;
  }

  // bindKey binds the field under key, f's own or one of its entries'.
  function bindKey(f, key) {
    var b = !bindings[key] && bind(key === f.key ? f : Object.assign({}, f, { key: key }));
    if (!b) return;
    bindings[key] = b;
    if (f.other) bindings[key + ".other"] = otherBinding(b);
  }

  // bindIn binds the fields of an entry an extension added to the page,
  // and shows what they hold.
  function bindIn(root) {
    var added = root !== document;
    if (added) startFields(root);
    var byKey = fieldsOf([workbook])[workbook.id];
    each($$("[data-field]", root), function (box) {
      var key = box.getAttribute("data-field"), f = byKey[fieldOfKey(key)];
      if (!f || bindings[key]) return;
      bindKey(f, key);
      if (!added) return;
      if (f.other) applyRecord(key + ".other", read(answerKey(workbook.id, key + ".other")));
      applyRecord(key, read(answerKey(workbook.id, key)));
    });
    if (added) updateProgress();
  }

  // entryKeys lists the saved answers' keys of exercise ex's entries.
  function entryKeys(id, ex) {
    var start = answerKey(id, ex + "@");
    return keys(start).map(function (k) { return k.slice(start.length - ex.length - 1); });
  }

  // dropKeys forgets fields of the page, and their answers, for good.
  function dropKeys(list) {
    each(list, function (key) {
      delete bindings[key];
      delete pending[key];
      delete deferred[key];
      remove(answerKey(workbook.id, key));
      remove(versionsKey(key));
    });
    updateProgress();
    keepSummary();
  }

  // keepSummary saves the progress the page shows, for the listings,
  // which then need not load the workbook's fields (fieldfiles.go).
  function keepSummary() { write(prefix + "p:" + workbook.id, JSON.stringify(summary)); }

  // ENTRIES is what the extensions of a workbook page use of it.
  function entriesCore() {
    return Object.freeze({
      $: $, $$: $$, show: show, say: say, answered: answered, messages: CORE.messages, newID: newID, made: entryTime, locale: locale,
      bindIn: bindIn, dropKeys: dropKeys, fields: workbook ? workbook.fields : [],
      record: function (key) { return getRecord(workbook.id, key); },
      // move saves record under key to, and forgets key once it is saved.
      move: function (key, to, record) { if (putRecord(workbook.id, to, record)) remove(answerKey(workbook.id, key)); },
      keys: function (ex) { return entryKeys(workbook.id, ex); },
      binding: function (key) { return bindings[key]; },
      bound: function (start) { return Object.keys(bindings).filter(function (k) { return k.indexOf(start) === 0; }); },
      busy: function (key) { return key in pending || key in deferred; },
      // Any workbook's saved answers, read-only, for answers recalled
      // from another workbook: a record, and the keys under a start.
      recordOf: getRecord,
      keysOf: function (id, start) {
        var from = answerKey(id, "").length;
        return keys(answerKey(id, start)).map(function (k) { return k.slice(from); });
      },
      progress: updateProgress,
      // The listings' summaries (p:), read, or written when s is given,
      // and the site's keys that begin with start.
      summary: function (id, s) { return s ? write(prefix + "p:" + id, s) : read(prefix + "p:" + id); },
      storedKeys: function (start) { return keys(prefix + start); },
      // For the listings and the pages that show every answer: how answers
      // count, the workbook touched last, the site's answers as their
      // download has them, what other extensions give (give), and the
      // file's name and download.
      counts: counts,
      holds: holds,
      tally: tally,
      last: function () { return meta.last; },
      exportData: exportData,
      isObject: isObject,
      isTime: isTime,
      readAnswersFile: readAnswersFile,
      given: function (name) { return given[name]; },
      element: element,
      md: md,
      item: item,
      // The name of a download of the answers of the client called name.
      fileName: function (base, name) { return base + nameForFile(name) + "-" + today(); },
      download: download,
      // For the home page's tools (coachbook-home.js): the file to share,
      // what restoring needs, the client's name, and the storage's mode,
      // its key and cookie.
      sendAnswers: sendAnswers,
      notice: notice,
      put: putRecord,
      // The site's stored object under key, or, given text, stored.
      stored: function (key, text) { return text ? write(prefix + key, text) : readJSON(prefix + key, isObject); },
      meta: function () { return meta; },
      saveMeta: saveMeta,
      askToPersist: askToPersist,
      failure: function () { return failure; },
      siteFields: function () { return siteFields; },
      // A workbook page shows what is stored again, after a restore, and
      // tells the extensions that show answers.
      reshow: function () { if (workbook) { restore(); updateProgress(); } },
      shown: saidShown,
      MAX_NAME: MAX_NAME,
      shared: shared,
      sharedKey: sharedKey,
      prefix: prefix,
      sitePath: sitePath,
      sharedCookie: sharedCookie()
    });
  }

  // bind returns how to get, set and print a field's value in the page.
  function bind(f) {
    var box = $('[data-field="' + CSS.escape(f.key) + '"]');
    if (!box) return null;
    var b = (own(BINDERS, f.type) || textBinder)(box, f);
    // It remembers the value it last set, base to merge from (see flush).
    var binding = { key: f.key, field: f, box: box, get: b.get, set: function (v) { b.set(binding.base = v); }, text: b.text || md, answered: function (v) { return counts(v, f); }, merge: b.merge };
    return binding;
  }

  // otherBinding is the text box of a choice's "other" option.
  function otherBinding(b) {
    var box = $(".other-text", b.box);
    return {
      key: b.key + ".other", field: { key: b.key + ".other", label: say(MESSAGES.other, b.field.label), type: "text" }, box: b.box,
      get: function () { return box.value; },
      set: function (v) { box.value = typeof v === "string" ? v : ""; },
      text: md
    };
  }

  /* ---- A workbook page ---- */

  function bindingFor(target) {
    var box = target.closest && target.closest("[data-field]");
    if (!box) return null;
    var key = box.getAttribute("data-field");
    return bindings[target.classList.contains("other-text") ? key + ".other" : key] || null;
  }

  function flush() {
    clearTimeout(timer);
    var now = Date.now();
    var saved = true;
    var labels = dict();
    Object.keys(bindings).forEach(function (k) { labels[k] = bindings[k].field.label; });
    each(Object.keys(pending), function (key) {
      var since = pending[key];
      var b = bindings[key], v = b.get(), mine = v, was = shown[key], stored = b.merge && getRecord(workbook.id, key);
      delete pending[key];
      // A kind that can (rows, by row ID) merges a save of another tab
      // that this tab never showed, from the value it showed: no edit is
      // lost, and no other version is kept. It shows the result at once,
      // or, while the client is in the field, once they leave it, as a
      // save from another tab; until then each save merges again.
      if (stored && stored.t !== was) {
        v = b.merge(b.base, v, stored.v);
        shown[key] = stored.t;
        if (b.box.contains(document.activeElement)) deferred[key] = true;
        else b.set(mine = v);
      }
      keepReplaced(key, v);
      saved = putRecord(workbook.id, key, { v: v, t: now }) && saved;
      written[key] = { since: since, t: now };
      shown[key] = mine === v ? now : was;
      b.base = mine;
    });
    write(prefix + "wb:" + workbook.id, JSON.stringify({ title: workbook.title, url: workbook.url, labels: labels }));
    keepSummary();
    meta.last = { id: workbook.id, t: now };
    if (saved && !isTime(meta.firstSaved)) meta.firstSaved = now;
    saveMeta();
    if (saved && !memory) {
      status(MESSAGES.saved);
      if (!announcedSaving) announce(MESSAGES.savingAnnounced);
      announcedSaving = true;
      askToPersist();
    }
  }

  function schedule(b) {
    if (!(b.key in pending)) pending[b.key] = Date.now();
    if (!memory) status(MESSAGES.saving, b.box);
    clearTimeout(timer);
    timer = setTimeout(flush, 400);
  }

  function restore() {
    each(Object.keys(bindings), function (key) {
      var record = getRecord(workbook.id, key);
      bindings[key].set(record ? record.v : undefined);
      shown[key] = record ? record.t : undefined;
      showOtherVersions(key);
    });
    saidShown();
  }

  // saidShown tells extensions that show what answers add up to (totals)
  // that the page shows saved answers other than what the client typed.
  function saidShown() { document.dispatchEvent(new Event("coachbook:shown")); }

  // carryOver moves answers saved under a field's earlier IDs to its
  // current one, unless the current one already has an answer.
  function carryOver(f) {
    (f.was || []).forEach(function (old) {
      var record = getRecord(workbook.id, old);
      if (record && !getRecord(workbook.id, f.key) && putRecord(workbook.id, f.key, record)) remove(answerKey(workbook.id, old));
    });
  }

  // repeatsOf maps each repeating exercise to how many entries must
  // answer a field of it for the field to count.
  function repeatsOf(exercises) {
    var out = dict();
    each(exercises, function (e) { if (isObject(e) && isObject(e.repeat)) out[e.id] = e.repeat.min; });
    return out;
  }

  function updateProgress() {
    var mins = repeatsOf(workbook.exercises);
    // A binding may judge its own value: a choice's earlier answer does not
    // count. A copy a show-if hides is null.
    var tallies = dict();
    var counted = workbook.fields.filter(function (f) {
      var keys = f.counts && (bindings[f.key] || mins[f.exercise]) && (mins[f.exercise] ? Object.keys(bindings).filter(function (k) { return k !== f.key && fieldOfKey(k) === f.key; }) : [f.key]);
      return keys && (tallies[f.key] = tally(keys.map(function (k) {
        var b = bindings[k];
        return b.box.closest("[data-show-if-field][hidden]") ? null : b.answered(valueOf(b));
      }), mins[f.exercise] || 1));
    });
    var done = counted.filter(function (f) { return tallies[f.key] > 1; });
    summary = [workbook.progress, done.length, counted.length];
    var progress = $("[data-progress]");
    if (progress) {
      $("progress", progress).max = counted.length;
      $("progress", progress).value = done.length;
      $("[data-progress-text]", progress).textContent = say(MESSAGES.progress, done.length, counted.length);
      show(progress);
    }
    each($$("[data-exercise-status]"), function (el) {
      // A status outside any exercise, from a layout built without the
      // hook, has nothing to count.
      var section = el.closest("[data-exercise]");
      if (!section) return;
      var id = section.getAttribute("data-exercise");
      var mine = counted.filter(function (f) { return f.exercise === id; });
      if (!mine.length) return;
      var n = done.filter(function (f) { return f.exercise === id; }).length;
      var text = n === mine.length ? say(MESSAGES.done, n) : say(MESSAGES.progress, n, mine.length);
      if (el.textContent !== text) el.textContent = text;
      section.classList.toggle("exercise-done", n === mine.length);
      show(el);
    });
  }

  // workbookText gives the questions with the client's answers, in
  // Markdown, for sending to a coach.
  function workbookText() {
    var exercises = dict();
    (workbook.exercises || []).forEach(function (e) { exercises[e.id] = e.label; });
    var out = ["# " + md(workbook.title), ""];
    if (meta.name) out.push(md(say(MESSAGES.answersOf, meta.name)), "");
    var printed = dict();
    each(Object.keys(bindings), function (key) {
      var b = bindings[key];
      var v = b.get();
      var entry = ENTRY_PART.exec(key);
      var group = b.field.exercise && exercises[b.field.exercise];
      if (entry) {
        // Each entry under a heading of its own, the oldest first.
        var ex = entry[1];
        if (printed[ex]) return;
        printed[ex] = true;
        var ids = Object.keys(bindings).filter(function (k) { return k.indexOf(ex + "@") === 0; }).map(function (k) { return k.split(/[@.]/)[1]; });
        // IDs sort as text by when they were made: the time is 8 characters until 2059.
        ids.filter(function (id, i) { return ids.indexOf(id) === i; }).sort().forEach(function (id) {
          var mine = Object.keys(bindings).filter(function (k) { return k.indexOf(ex + "@" + id + ".") === 0 && answered(bindings[k].get()); });
          if (!mine.length) return;
          out.push("## " + md(say(MESSAGES.entryHeading, group || ex, new Date(entryTime(id)).toLocaleString(locale()))), "");
          each(mine, function (k) { out.push("### " + md(bindings[k].field.label), "", bindings[k].text(bindings[k].get()), ""); });
        });
        return;
      }
      if (!answered(v)) return;
      out.push("## " + md((group ? group + ": " : "") + b.field.label), "", b.text(v), "");
    });
    return out.join("\n");
  }

  /* ---- Two tabs editing one field ----
   * The later save wins in storage, and the version it replaced is kept,
   * under c:<workbook>:<field>, and shown beside the field as "your other
   * version" in every tab, until the client uses or dismisses it. A tab
   * knows which stored record its field shows (shown[key]); a save over a
   * record it never showed replaces another tab's edit, so it keeps that
   * first. Both tabs show the kept version: the one whose save lost, as
   * its own text beside the later save; the one that won, because its
   * field lacks what the client typed in the other tab. So both show what
   * storage holds, and a reload of either shows the same. */

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function versionsKey(field) { return prefix + "c:" + workbook.id + ":" + field; }
  function isVersions(list) { return Array.isArray(list) && list.length <= MAX_ITEMS && list.every(isRecord); }
  function otherVersions(key) { return readJSON(versionsKey(key), isVersions) || []; }

  function saveVersions(key, versions) {
    if (versions.length) write(versionsKey(key), JSON.stringify(versions));
    else remove(versionsKey(key));
    showOtherVersions(key);
  }

  // keepReplaced keeps the stored answer that saving v would replace, when
  // another tab saved it since this tab last showed the field's record.
  function keepReplaced(key, v) {
    var stored = getRecord(workbook.id, key);
    if (!stored || stored.t === shown[key] || !answered(stored.v) || same(stored.v, v)) return;
    var versions = otherVersions(key);
    if (versions.some(function (r) { return same(r.v, stored.v); })) return;
    saveVersions(key, versions.concat([stored]));
  }

  // isKept tells whether the value v shown here is safe in storage: as the
  // record arriving from another tab, or as a kept other version.
  function isKept(key, v, record) {
    if (!answered(v) || record && same(record.v, v)) return true;
    return otherVersions(key).some(function (r) { return same(r.v, v); });
  }

  // versionText is how a kept version reads beside its field.
  function versionText(b, v) {
    if (typeof v === "string") return v;
    try { return b.text(v); } catch (e) { return JSON.stringify(v); }
  }

  // settleVersion drops a kept version; using it first puts it into the
  // field and saves it at once, as the client's own edit.
  function settleVersion(key, record, use) {
    var b = bindings[key];
    if (use && b) {
      b.set(record.v);
      schedule(b);
      flush();
      updateProgress();
    }
    saveVersions(key, otherVersions(key).filter(function (r) { return !(r.t === record.t && same(r.v, record.v)); }));
  }

  // showOtherVersions shows a field's kept versions beside it, or none.
  function showOtherVersions(key) {
    var b = bindings[key];
    var old = $('[data-other-versions="' + CSS.escape(key) + '"]');
    if (old) old.remove();
    var versions = b ? otherVersions(key) : [];
    if (!versions.length) return;
    var panel = element("div");
    panel.className = "other-versions";
    panel.setAttribute("data-other-versions", key);
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", say(MESSAGES.otherVersionsOf, b.field.label));
    element("p", MESSAGES.otherVersionsExplained, panel);
    versions.forEach(function (record) {
      element("p", versionText(b, record.v), panel).className = "other-version-text";
      var buttons = element("p", "", panel);
      [[MESSAGES.useVersion, "use"], [MESSAGES.dismissVersion, "dismiss"]].forEach(function (spec) {
        var button = element("button", spec[0], buttons);
        button.type = "button";
        button.className = "button";
        button.setAttribute("data-version-" + spec[1], "");
        button.addEventListener("click", function () { settleVersion(key, record, spec[1] === "use"); });
      });
    });
    b.box.after(panel);
  }

  // showRecord shows a stored record, or none, in a field.
  function showRecord(key, record) {
    bindings[key].set(record ? record.v : undefined);
    shown[key] = record ? record.t : undefined;
    updateProgress();
    saidShown();
  }

  // applyRecord shows another tab's saved value. While the client is in
  // that field it waits until they leave it, so text is not replaced
  // under the cursor, unless what the field shows is kept already (then
  // the tab whose save lost shows the later save at once). A field with
  // unsaved typing saves over it, keeping it as an other version.
  function applyRecord(key, raw) {
    var b = bindings[key];
    if (!b || pending[key]) return;
    var record = null;
    try { record = JSON.parse(raw); } catch (e) { /* Treated as cleared. */ }
    if (!isRecord(record)) record = null;
    if (b.box.contains(document.activeElement) && !isKept(key, valueOf(b), record)) {
      deferred[key] = true;
      return;
    }
    delete deferred[key];
    showRecord(key, record);
  }

  // forget follows an erase in another tab at time t: edits made here
  // before it are dropped, unsaved or saved just after it, and the fields
  // show what is left, even the one being typed in.
  function forget(list, t) {
    each(list, function (key) {
      if (pending[key] <= t) delete pending[key];
      var mine = written[key];
      var record = mine && mine.since <= t && mine.t >= t && getRecord(workbook.id, key);
      if (record && record.t === mine.t) remove(answerKey(workbook.id, key));
      delete deferred[key];
      if (!bindings[key]) return;
      record = getRecord(workbook.id, key);
      bindings[key].set(record ? record.v : undefined);
      shown[key] = record ? record.t : undefined;
      showOtherVersions(key);
    });
    if (!Object.keys(pending).length) clearTimeout(timer);
    updateProgress();
    saidShown();
  }

  // signalErase tells other tabs that answers were erased now: those of
  // one workbook, or with "" all of the site's.
  function signalErase(id) {
    try {
      disk.setItem(prefix + "erased", JSON.stringify({ id: id, t: Date.now() }));
      disk.removeItem(prefix + "erased");
    } catch (e) { /* Other tabs still see each answer go. */ }
  }

  /* ---- Export: every answer of the site, readable by a person ---- */

  function exportData() {
    if (workbook && Object.keys(pending).length) flush();
    var byWorkbook = dict();
    // Answers, and the other versions two tabs left (see keepReplaced),
    // which the file keeps for the client to read; restoring skips them.
    [["a:", "answers"], ["c:", "otherVersions"]].forEach(function (kind) {
      keys(prefix + kind[0]).forEach(function (k) {
        var rest = k.slice((prefix + kind[0]).length);
        var cut = rest.lastIndexOf(":");
        var id = rest.slice(0, cut);
        var key = rest.slice(cut + 1);
        var records = kind[0] === "a:" ? [getRecord(id, key)] : readJSON(k, isVersions) || [];
        if (!records[0]) return;
        if (!byWorkbook[id]) {
          var info = readJSON(prefix + "wb:" + id, isObject) || {};
          byWorkbook[id] = { id: id, title: asText(info.title, id), url: asText(info.url, ""), labels: isObject(info.labels) ? info.labels : {}, answers: [], otherVersions: [] };
        }
        var w = byWorkbook[id];
        var label = Object.prototype.hasOwnProperty.call(w.labels, key) ? asText(w.labels[key], "") : "";
        records.forEach(function (record) {
          var answer = { key: key, label: label || key, value: record.v, updated: new Date(record.t).toISOString() };
          if (!label) answer.archived = true;
          w[kind[1]].push(answer);
        });
      });
    });
    return {
      format: "coachbook-answers",
      version: 1,
      site: { id: siteID, title: siteTitle },
      client: meta.name || undefined,
      exported: new Date().toISOString(),
      workbooks: Object.keys(byWorkbook).sort().map(function (id) {
        var w = byWorkbook[id];
        var out = { id: id, title: w.title, url: w.url, answers: w.answers };
        if (w.otherVersions.length) out.otherVersions = w.otherVersions;
        return out;
      }),
      unreadable: keys(prefix + "unreadable:").map(function (k) { return { key: k.slice(prefix.length), raw: read(k) }; })
    };
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  // sendAnswers hands the answers file to send (download or share), and
  // counts it as a backup once it went. A file the client chose to protect
  // is sealed first (coachbook-protect.js), if the passphrase will do.
  function sendAnswers(send) {
    var plain = { name: "answers" + nameForFile() + "-" + today() + ".json", text: JSON.stringify(exportData(), null, 2) };
    var box = $("[data-protect]");
    Promise.resolve(box && box.checked ? protecting().then(function (p) { return p.protectFile(plain, nameForFile()); }) : plain).then(function (file) {
      return file && Promise.resolve(send(file)).then(function () {
        meta.lastBackup = Date.now();
        saveMeta();
        dismissReminder();
      });
    }).catch(function (e) { if (!e || e.name !== "AbortError") notice(MESSAGES.notSent); });
  }

  /* ---- Restore: check the file, show what changes, merge by time ---- */

  function element(tag, text, parent) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
  }

  // defineExtension makes the function by which coachbook-<name>.js,
  // loaded on demand (restore, protect, calendar), gives its parts: factory(RESTORE)
  // returns them. Only the first counts, so a file loaded twice changes
  // nothing.
  function defineExtension(name) {
    return function (factory) {
      if (extensions[name] || typeof factory !== "function") return false;
      extensions[name] = factory(Object.freeze(Object.assign({
        dict: dict, own: own, asText: asText, isName: isName, isTime: isTime, isWorkbookID: isWorkbookID,
        fit: fit, fieldOfKey: fieldOfKey, element: element, MAX_IMPORT: MAX_IMPORT,
        isFieldKey: function (key) { return FIELD_KEY.test(key); },
        fields: function () { return siteFields; },
        siteID: function () { return siteID; }
      }, CORE)));
      return true;
    };
  }

  // give lets an extension hand a function to the others of the page,
  // which find it as ENTRIES.given(name): how an answer reads as text
  // (coachbook-recall.js gives "lines"), how a workbook's progress counts
  // away from its page (coachbook-listings.js gives "progressOf"). The
  // first of a name counts.
  function give(name, f) {
    if (given[name] || typeof f !== "function") return false;
    given[name] = f;
    return true;
  }

  // loadOnDemand gives what coachbook-<name>.js defines, loading it the
  // first time from the address the page's element with data-<name>-file
  // holds: most visits never restore, protect or add a date to a
  // calendar, so most never download those files.
  function loadOnDemand(name) {
    var attribute = "data-" + name + "-file";
    if (extensions[name]) return Promise.resolve(extensions[name]);
    if (!loads[name]) {
      var holder = $("[" + attribute + "]");
      var src = holder && holder.getAttribute(attribute);
      loads[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { if (extensions[name]) resolve(extensions[name]); else reject(); };
        script.onerror = reject;
        if (src) document.head.appendChild(script);
        else reject();
      });
      // A failed load may be tried again, once the connection is back.
      loads[name].catch(function () { delete loads[name]; });
    }
    return loads[name];
  }

  function restoring() { return loadOnDemand("restore"); }
  function protecting() { return loadOnDemand("protect"); }

  // readAnswersFile reads a file of answers someone chose, asking for the
  // passphrase of a protected one. It gives its text, or null when they
  // cancel; it rejects with a reason and a message the file cannot be
  // read for. A sealed file is base64, a third larger: readImport checks
  // the size of what it holds.
  function readAnswersFile(file) {
    if (file.size > MAX_IMPORT / 3 * 4 + 1024) return Promise.reject({ reason: "size", message: MESSAGES.tooLarge });
    return file.text().then(function (text) {
      return text.indexOf('"coachbook-protected"') < 0 ? text : protecting().then(function (p) { return p.unlock(text, file.name); });
    });
  }

  /* ---- Keeping answers: ask the browser not to evict them ---- */

  function showPersistence(granted) {
    if (memory) return;
    $$("[data-persist]").forEach(function (el) {
      el.textContent = shared ? MESSAGES.keptShared : granted ? MESSAGES.keptPersistent : MESSAGES.keptMaybe;
      show(el);
    });
  }

  function askToPersist() {
    if (shared || meta.asked || !navigator.storage || !navigator.storage.persist) return;
    meta.asked = true;
    saveMeta();
    navigator.storage.persist().then(function (granted) {
      meta.persisted = granted === true;
      saveMeta();
      showPersistence(granted);
    });
  }

  /* ---- Backups: a calm reminder to download, once a visit ---- */

  // backupDue gives how many days ago the client last downloaded their
  // answers, or first saved one, when that is longer than the site's
  // period; 0 when no reminder is due.
  function backupDue() {
    var setting = document.body.getAttribute("data-backup-days");
    var days = setting === null ? BACKUP_DAYS : Number(setting);
    var answers = keys(prefix + "a:");
    if (!(days > 0) || memory || !answers.length || remindedKey && visitFlag()) return 0;
    var since = isTime(meta.lastBackup) ? meta.lastBackup : meta.firstSaved;
    // Answers saved before firstSaved was recorded count from the oldest.
    if (!isTime(since)) {
      since = Date.now();
      answers.forEach(function (k) {
        var record = readJSON(k, isRecord);
        if (record && record.t < since) since = record.t;
      });
    }
    var waited = (Date.now() - since) / DAY;
    return waited > days ? Math.floor(waited) : 0;
  }

  function visitFlag() {
    try { return window.sessionStorage.getItem(remindedKey) === "1"; } catch (e) { return false; }
  }

  // startReminder shows the reminder at the top of the page when due.
  function startReminder() {
    remindedKey = "coachbook:reminded:" + siteID;
    var waited = backupDue();
    var main = $("main");
    if (!waited || !main) return;
    var box = element("aside");
    box.className = "backup-reminder";
    box.setAttribute("data-reminder", "");
    box.setAttribute("aria-label", MESSAGES.backupTitle);
    element("p", say(MESSAGES.backupDue, waited), box);
    var buttons = element("p", "", box);
    buttons.className = "buttons";
    [[MESSAGES.backupDownload, "export"], [MESSAGES.backupLater, "dismiss-backup"]].forEach(function (spec) {
      var button = element("button", spec[0], buttons);
      button.type = "button";
      button.className = "button";
      button.setAttribute("data-action", spec[1]);
    });
    main.prepend(box);
  }

  // dismissReminder hides the reminder for the rest of this visit.
  function dismissReminder() {
    $$("[data-reminder]").forEach(function (box) { box.remove(); });
    try { window.sessionStorage.setItem(remindedKey, "1"); } catch (e) { /* It may show again on the next page. */ }
  }

  /* ---- Whose answers: the name an export carries ----
   * The client gives it on the home page (coachbook-home.js). */

  // nameForFile is "-" and the client's name (this device's, or name) as
  // a file name allows, or "".
  function nameForFile(name) {
    var label = fileLabel(arguments.length ? name : meta.name);
    return label ? "-" + label : "";
  }

  /* ---- Erase ---- */

  function erase(starts, question) {
    if (!window.confirm(question)) return false;
    pending = dict();
    clearTimeout(timer);
    starts.forEach(function (start) { keys(start).forEach(remove); });
    return true;
  }

  /* ==== Start-up, in the order a page needs it ==== */

  // startButtons reveals the buttons first, so that the download is
  // always there, and answers their clicks.
  function startButtons() {
    $$("[data-action]").forEach(show);
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-action]");
      var action = button && own(actions, button.getAttribute("data-action"));
      if (action) action();
    });
  }

  // startStorage reads which site this is, opens its storage and meta.
  function startStorage() {
    siteID = document.body.getAttribute("data-site") || "";
    siteTitle = document.body.getAttribute("data-site-title");
    prefix = "coachbook:" + siteID.replace(/%/g, "%25").replace(/:/g, "%3A") + ":";
    // The site's pages are where its runtime's folder, assets/, is.
    var script = runtimeScript;
    if (script && script.src) sitePath = new URL(script.src).pathname.replace(/(assets\/)?[^\/]*$/, "").replace(/;/g, "%3B");
    openStorage();
    moveUnescapedKeys();
    readMeta();
  }

  // startFields gives the controls that need JavaScript their behaviour.
  function startFields(root) {
    each($$("[data-word-target]", root), startCounter);
    each($$(".option-other .other-text", root), startOther);
    each($$(".slider input[type=range]", root), startSlider);
  }

  // startWorkbook binds a workbook page's fields to their saved answers
  // and saves every change.
  function startWorkbook() {
    workbook = readScript("manifest");
    if (!isObject(workbook) || typeof workbook.id !== "string" || !Array.isArray(workbook.fields)) workbook = null;
    if (workbook) {
      var api = entriesCore();
      each(features, function (start) { start(api); });
      each(workbook.fields, function (f) {
        bindKey(f, f.key);
        if (bindings[f.key]) carryOver(f);
      });
      bindIn(document);
      restore();
      updateProgress();
      ["input", "change"].forEach(function (type) {
        document.addEventListener(type, function (event) {
          var b = bindingFor(event.target);
          if (!b) return;
          schedule(b);
          if (b.key.slice(-6) === ".other") schedule(bindings[b.key.slice(0, -6)]);
          updateProgress();
        });
      });
      document.addEventListener("focusout", function (event) {
        var b = bindingFor(event.target);
        if (!b) return;
        if (Object.keys(pending).length) flush();
        // What storage holds now, not what arrived while the client typed:
        // a save made here since then is later, and stays.
        each(Object.keys(deferred), function (key) {
          delete deferred[key];
          var record = getRecord(workbook.id, key);
          if ((record ? record.t : undefined) !== shown[key]) showRecord(key, record);
        });
      });
      window.addEventListener("pagehide", function () { if (Object.keys(pending).length) flush(); });
      window.addEventListener("storage", followOtherTabs);
      if (memory) status(failure);
    } else {
      // A page of recalls and timers alone saves nothing, and has no
      // manifest; its features start all the same.
      each(features, function (start) { start(entriesCore()); });
    }

    // While answers live only in memory, leaving the page loses them.
    window.addEventListener("beforeunload", function (event) {
      if (memory && workbook && Object.keys(bindings).some(function (k) { return answered(valueOf(bindings[k])); })) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  // followOtherTabs shows what other tabs save and erase in this workbook.
  function followOtherTabs(event) {
    var start = prefix + "a:" + workbook.id + ":";
    var signal = null;
    if (event.key === prefix + "erased") {
      try { signal = JSON.parse(event.newValue); } catch (e) { /* Not a signal. */ }
      if (isObject(signal) && (signal.id === "" || signal.id === workbook.id) && isTime(signal.t)) {
        // An erase of the whole site takes the name and backup times too.
        if (signal.id === "") meta = { schema: SCHEMA, asked: meta.asked };
        forget(Object.keys(bindings), signal.t);
        notice(MESSAGES.erasedElsewhere);
      }
    } else if (event.key === null || event.key === prefix + "meta" && event.newValue === null) {
      // Another tab erased the answers: nothing here may write them back.
      forget(Object.keys(bindings), Date.now());
    } else if (event.key.indexOf(start) === 0) {
      var key = event.key.slice(start.length);
      if (event.newValue === null) forget([key], Date.now());
      else applyRecord(key, event.newValue);
    } else if (event.key.indexOf(versionsKey("")) === 0) {
      var field = event.key.slice(versionsKey("").length);
      showOtherVersions(field);
      if (event.newValue !== null && bindings[field]) announce(say(MESSAGES.otherVersionsAnnounced, bindings[field].field.label));
    }
  }

  // startDevice follows the shared-computer switch of other tabs, and
  // says how long answers stay. The switch itself, restoring from a file
  // and protecting and sharing the download are the home page's
  // (coachbook-home.js).
  function startDevice() {
    // The fields a restored file is checked against: the home page lists
    // every workbook's, a workbook page has its own.
    siteFields = fieldsOf([].concat(readScript("fields") || [], workbook || []));
    // A tab open when the computer became shared follows at once, saving
    // what was typed before. Turning the mode off is left to each tab,
    // since it hides the answers that tab kept. The signal is not checked
    // against the cookie here: another tab's cookie reaches this page's
    // document.cookie later than its storage event, and the page that
    // reloads reads the cookie afresh.
    window.addEventListener("storage", function (event) {
      if (event.key !== prefix + "shared" || event.newValue === null || shared) return;
      if (workbook && Object.keys(pending).length) flush();
      window.location.reload();
    });
    if (navigator.storage && navigator.storage.persisted) navigator.storage.persisted().then(showPersistence);
    else showPersistence(false);
  }

  // startPrint shows whole answers in print, not what fits in each box.
  function startPrint() {
    window.addEventListener("beforeprint", function () {
      $$(".field textarea, .field input:not([type]), .field input[type=text]").forEach(function (box) {
        var copy = box.nextElementSibling;
        if (!copy || !copy.classList.contains("print-value")) {
          box.after(copy = element("div"));
          copy.className = "print-value";
        }
        copy.textContent = box.value;
      });
    });
  }

  // startApp registers the service worker the build names on <body
  // data-worker>, which keeps the site working offline, and offers a new
  // build's pages once its worker is ready. Without the attribute (serve,
  // or the app turned off) it removes a worker an earlier build left, which
  // would go on serving that build's pages.
  function startApp() {
    var workers = navigator.serviceWorker;
    if (!workers) return;
    var url = document.body.getAttribute("data-worker");
    // Offline use is a bonus: the site works the same without it.
    var ignore = function () {};
    if (!url) {
      workers.getRegistration().then(function (r) { if (r) return r.unregister(); }).catch(ignore);
      return;
    }
    workers.register(url).then(function (registration) {
      // A waiting worker with a page in control is a newer build's.
      if (registration.waiting && workers.controller) offerNewVersion(registration.waiting);
      registration.addEventListener("updatefound", function () {
        var next = registration.installing;
        next.addEventListener("statechange", function () {
          if (next.state === "installed" && workers.controller) offerNewVersion(next);
        });
      });
    }).catch(ignore);
  }

  // offerNewVersion tells the client a new build is ready, and on their
  // word lets its worker take over and reloads: until then every page
  // comes from the build this one belongs to.
  function offerNewVersion(worker) {
    if ($("[data-new-version]")) return;
    var box = element("div", "", document.body);
    box.className = "new-version";
    box.setAttribute("data-new-version", "");
    element("p", MESSAGES.newVersion, box);
    var button = element("button", MESSAGES.reloadNewVersion, box);
    button.type = "button";
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.serviceWorker.addEventListener("controllerchange", function () { window.location.reload(); });
      // Another tab may have let it take over already.
      if (worker.state === "activated") window.location.reload();
      else worker.postMessage("skipWaiting");
    });
    announce(MESSAGES.newVersion);
  }

  // The pure functions, for tests and the fuzz target, before anything
  // on the page can go wrong, and defineKind, for the extension files that
  // run between this script and init().
  window.coachbook = Object.freeze({
    isWorkbookID: isWorkbookID,
    say: say,
    markdown: md,
    answered: answered,
    counts: counts,
    holds: holds,
    fit: fit,
    toNumber: toNumber,
    fieldsOf: fieldsOf,
    // The restore's pure checks, once loaded: restoring().then(...).
    restoring: restoring,
    give: give,
    defineRestore: defineExtension("restore"),
    // Sealing and opening protected answers files: protecting().then(...).
    protecting: protecting,
    defineProtect: defineExtension("protect"),
    // A date's calendar file (coachbook-calendar.js): calendar().then(...).
    calendar: function () { return loadOnDemand("calendar"); },
    defineCalendar: defineExtension("calendar"),
    fileLabel: fileLabel,
    fieldOfKey: fieldOfKey,
    defineKind: defineKind,
    defineFeature: defineFeature,
    // The field kinds the runtime binds, extensions' included:
    // TestFieldKindsAgree checks them against the build's table.
    get kinds() { return Object.freeze(Object.keys(BINDERS).sort()); }
  });

  function init() {
    if (started) return;
    started = true;
    startButtons();
    startStorage();
    startFields();
    startWorkbook();
    startDevice();
    startReminder();
    startPrint();
    startApp();
  }

  // Only while it first runs does the page say which script this is.
  var runtimeScript = document.currentScript;
  // Extension files are deferred scripts after this one: they run before
  // DOMContentLoaded, so init() waits for it (or for load, should this
  // script itself run later than that).
  if (document.readyState === "complete") init();
  else {
    document.addEventListener("DOMContentLoaded", init);
    window.addEventListener("load", init);
  }
})();
