// Vendor Security Readiness: the service worker that lets the app work offline.
// Written by scripts/post_build.py from web/sw.template.js: the precache list is exactly
// the files of this build, and the cache name is derived from their content hashes.
//
// - install: every file of this build is fetched afresh (never from the HTTP cache, which
//   a host may let serve an older index.html) and checked against the SHA-256 the build
//   recorded (Subresource Integrity), then cached under this build's cache name; if any
//   file is missing or differs, the install fails (its partial cache is deleted) and the
//   previous build stays in use.
// - activate: caches of older builds of this copy of the app (the same scope) are
//   deleted, except the build just before this one: another tab may still be running it
//   until it reloads, and may yet load one of its files (the buyer's module, the
//   worker). Another copy on the same origin (another path) keeps its own.
// - fetch: the app's own files are answered from this build's cache, so a page of this
//   build is never served files of another; a file this build does not have is looked
//   for in the previous build's cache (a page of that build asking for its own file),
//   then left to the network.
// - update: a new build's worker waits until the page asks it to take over (after the
//   user chose "reload" in "A new version is available"), then the page reloads.
"use strict";

// [address relative to this file, its SHA-256 in SRI form]
const PRECACHE = __PRECACHE__;
// Cache Storage is per origin, not per path: the scope in the name keeps copies of the
// app at different paths of one origin apart.
const SCOPE_TAG = " " + self.registration.scope;
const CACHE = "__CACHE__" + SCOPE_TAG;
const PREFIX = "vendor-readiness-";

self.addEventListener("install", (event) => {
  const requests = PRECACHE.map(([url, integrity]) => new Request(url, { cache: "reload", integrity }));
  // A cache of this name that exists already is a build with the same files (only the
  // worker changed), maybe the one running: a failed install must not delete it.
  event.waitUntil(
    caches.has(CACHE).then((existed) =>
      caches
        .open(CACHE)
        .then((cache) => cache.addAll(requests))
        .catch((error) => (existed ? Promise.resolve() : caches.delete(CACHE)).then(() => Promise.reject(error)))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        // Cache Storage lists caches in the order they were made: the last other one of
        // this scope is the build that was running until now.
        const others = keys.filter((k) => k.startsWith(PREFIX) && k.endsWith(SCOPE_TAG) && k !== CACHE);
        return Promise.all(others.slice(0, -1).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // The app's address (any query or fragment) is its index.html; any other address is
  // itself (a file of the build, or something else on the host, left to the network).
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  const isApp = url.pathname === scope.pathname || url.pathname === scope.pathname + "index.html";
  const key = isApp ? new URL("./", scope).href : request;
  const previous = () =>
    caches.keys().then((keys) => {
      const older = keys.filter((k) => k.startsWith(PREFIX) && k.endsWith(SCOPE_TAG) && k !== CACHE);
      return older.length ? caches.open(older[older.length - 1]).then((c) => c.match(request, { ignoreSearch: true })) : undefined;
    });
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || (isApp ? undefined : previous()))
      .then((hit) => hit || fetch(request))
  );
});
