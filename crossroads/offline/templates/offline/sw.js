{% load static %}/* The service worker of Crossroads offline: keeps the offline page and its files, so that
   the page opens with no connection; every other request goes to the network as usual.
   Signed-in pages are never kept (they carry one account's data). */
"use strict";
var CACHE = "crossroads-offline-{{ version }}";
var SHELL = [
  "{% url 'offline:app' %}",
  "{% static 'crossroads/app.css' %}",
  "{% static 'offline/app.js' %}",
  "{% static 'offline/icon.svg' %}",
  "{% url 'offline:manifest' %}",
  "{% static 'offline/engine.js' %}",
  "{% static 'offline/sheet.js' %}",
  "{% static 'referrals/sheet.css' %}",
  "{% url 'offline:sheet_bundle' %}"{% if engine %},
  "{% static 'offline/pyodide_yaml.js' %}",
  "{% url 'offline:engine_bundle' %}"{% for name in pyodide_files %},
  "{% url 'offline:pyodide_file' name=name %}"{% endfor %}{% endif %}
];
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf("crossroads-offline-") === 0 && n !== CACHE;
    }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (SHELL.indexOf(url.pathname) === -1) { return; }
  // The shell from the cache at once; refreshed from the network when there is one.
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(url.pathname).then(function (cached) {
      var fresh = fetch(event.request).then(function (response) {
        if (response.ok) { cache.put(url.pathname, response.clone()); }
        return response;
      });
      return cached || fresh;
    });
  }));
});
