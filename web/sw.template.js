// Vendor Security Readiness: the service worker that lets the app work offline.
// Written by scripts/post_build.py from web/sw.template.js: the precache list is exactly
// the files of this build, and the cache name is derived from their content hashes.
//
// - install: every file of this build is fetched afresh (never from the HTTP cache, which
//   a host may let serve an older index.html) and checked against the SHA-256 the build
//   recorded (Subresource Integrity), then cached under this build's cache name; if any
//   file is missing or differs, the install fails and the previous build stays in use.
// - activate: caches of other builds of this copy of the app (the same scope) are
//   deleted; another copy on the same origin (another path) keeps its own.
// - fetch: the app's own files are answered from this build's cache (a page is never
//   served with files of another build); anything else goes to the network untouched.
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
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith(PREFIX) && k.endsWith(SCOPE_TAG) && k !== CACHE)
            .map((k) => caches.delete(k))
        )
      )
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
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request))
  );
});
