/*
 * coachbook service worker: keeps a copy of the whole site so that it
 * opens, and answers save, without a network.
 *
 * The build writes BUILD before this file, from JSON: {app, version,
 * urls, notFound}, the URL of every page and file the pages load, and
 * the hash of every file it wrote.
 *
 * - One cache per build: pages and what they load come from the cache of
 *   the worker's own build, never from two builds at once.
 * - Cache first: the copy is whole and fixed for its build, so the
 *   network can only give a different build. A new build's worker fills
 *   its own cache beside this one and waits; the page offers to reload,
 *   and then the new worker takes over and deletes the old caches.
 * - With app false (the site turned the app off, or serve), the worker
 *   deletes its caches, removes itself and reloads the pages it served.
 */
(function () {
"use strict";

var SCOPE = self.registration.scope;
// Sites under different paths of one origin share its caches: each
// deletes only its own.
var PREFIX = "coachbook " + SCOPE + " ";
var CACHE = PREFIX + (BUILD.version || "off");

self.addEventListener("install", function (event) {
  if (!BUILD.app) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // "reload" skips the HTTP cache, which may hold an older build's page.
    return cache.addAll(BUILD.urls.map(function (url) { return new Request(url, { cache: "reload" }); }));
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    if (BUILD.app) return self.clients.claim();
    return self.registration.unregister().then(function () {
      return self.clients.matchAll({ type: "window" });
    }).then(function (pages) {
      pages.forEach(function (page) { page.navigate(page.url); });
    });
  }));
});

self.addEventListener("message", function (event) {
  if (event.data === "skipWaiting") self.skipWaiting();
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (!BUILD.app || request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (kept) {
      if (kept) return kept;
      return fetch(request).catch(function (error) {
        // Offline, a page the site does not have gets its "not found" page.
        if (request.mode !== "navigate" || !BUILD.notFound) throw error;
        return cache.match(BUILD.notFound).then(function (page) {
          if (!page) throw error;
          return page;
        });
      });
    });
  }));
});
})();
