// Vendor Security Readiness: the service worker that lets the app work offline.
// Written by scripts/post_build.py from web/sw.template.js: the precache list is exactly
// the files of this build, and the cache name is derived from their content hashes.
//
// - install: every file of this build is fetched afresh (never from the HTTP cache, which
//   a host may let serve an older index.html) and checked against the SHA-256 the build
//   recorded (Subresource Integrity), then cached under this build's cache name; if any
//   file is missing or differs, the install fails (its partial cache is deleted) and the
//   previous build stays in use.
// - which build each tab runs: when this worker answers a tab's page from its cache, it
//   notes the tab's id and this build's cache name (in a small cache of its own, so the
//   note outlives the worker); the tabs already open when the first build of the app
//   installs are that build's.
// - activate: caches of older builds of this copy of the app (the same scope) are
//   deleted, except those a tab still open runs: it may yet load one of its files (the
//   buyer's module, the worker) until it reloads; a tab served its page in the last
//   minute counts as open (it may not be listed yet). A tab whose build is not known keeps
//   the build that was running until now. Another copy on the same origin (another path)
//   keeps its own.
// - fetch: a tab's own build's cache is looked in first, so a page of a build is never
//   served another build's copy of a file; then this build's cache, then the other
//   builds' newest first, then the network. A new page always gets this build. Only the
//   app's own addresses are answered (its page, this build's files, and files named the
//   way the build names them, for a tab of an older build); anything else on the host,
//   even when this copy of the app sits at the origin's root, goes to the network as if
//   there were no worker.
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
// The notes of which build each tab runs: its name does not start with PREFIX, so it is
// never taken for a build's cache.
const TABS = "vendor-readiness:tabs" + SCOPE_TAG;
// A note younger than this is kept even when its tab is not among the open ones: a tab
// being loaded is not listed until its page arrives, and two tabs may load at once.
const NOTE_GRACE_MS = 60 * 1000;
const NOTED_AT = "x-noted-at";

// The paths this worker answers: the app's address, this build's files, and (for a tab
// of another build) any file named as the build names its hashed files, next to them.
const scopeUrl = new URL(self.registration.scope);
const OWN_PATHS = new Set(PRECACHE.map(([url]) => new URL(url, scopeUrl).pathname).concat([scopeUrl.pathname + "index.html"]));
// Trunk writes its 64-bit hashes without leading zeros, so a name's hash may be shorter
// than 16 digits (8 or more but for one name in four billion).
const BUILD_FILE = /^[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+)*-[0-9a-f]{8,16}(_bg\.wasm|_loader\.js|\.[a-z]+)$/;
const isOurs = (url) =>
  OWN_PATHS.has(url.pathname) ||
  (url.pathname.startsWith(scopeUrl.pathname) && BUILD_FILE.test(url.pathname.slice(scopeUrl.pathname.length)));

// The caches of other builds of this copy of the app, oldest first (Cache Storage lists
// caches in the order they were made).
const otherBuilds = () =>
  caches.keys().then((keys) => keys.filter((k) => k.startsWith(PREFIX) && k.endsWith(SCOPE_TAG) && k !== CACHE));

const tabKey = (id) => new URL("__tab__/" + encodeURIComponent(id), self.registration.scope).href;

// What this worker has read or written of the notes, so a tab's file requests read its
// note once (the notes in TABS are the record; this worker may be stopped and restarted).
const known = new Map();

// Notes that tab `id` runs the build whose cache is `build`.
const noteTab = (id, build) => {
  if (!id) {
    return Promise.resolve();
  }
  known.set(id, build);
  const note = new Response(build, { headers: { [NOTED_AT]: String(Date.now()) } });
  return caches.open(TABS).then((tabs) => tabs.put(tabKey(id), note));
};

// The cache name of the build tab `id` runs, if noted.
const tabBuild = (id) =>
  !id
    ? Promise.resolve(undefined)
    : known.has(id)
      ? Promise.resolve(known.get(id))
      : caches
          .open(TABS)
          .then((tabs) => tabs.match(tabKey(id)))
          .then((hit) => (hit ? hit.text() : undefined))
          .then((build) => (known.set(id, build), build));

// The first of the caches `names` (in order) that holds `key`. Looked up by name, never
// opened: opening a cache an update has just deleted would make it again, empty, and it
// would then pass for the newest build.
const firstHit = (names, key) =>
  names.reduce(
    (found, name) => found.then((hit) => hit || caches.match(key, { cacheName: name, ignoreSearch: true })),
    Promise.resolve(undefined)
  );

// Whether a note is younger than NOTE_GRACE_MS: its tab may still be loading (it is not
// listed among the open ones until its page has arrived).
const young = (note) => Boolean(note) && Date.now() - Number(note.headers.get(NOTED_AT) || 0) < NOTE_GRACE_MS;

// The builds named by young notes: a tab just served one of them may not be listed yet.
const youngNoteBuilds = () =>
  caches
    .open(TABS)
    .then((tabs) => tabs.keys().then((ks) => Promise.all(ks.map((k) => tabs.match(k)))))
    .then((notes) => Promise.all(notes.filter(young).map((note) => note.text())));

// Forgets the tabs no longer open (`open`: the clients that are; `opening`: the id of a
// tab being loaded, not yet among them), but for young notes: another tab's may be one.
const forgetClosedTabs = (open, opening) => {
  const ids = new Set([...open.map((tab) => tab.id), opening].filter(Boolean));
  [...known.keys()].filter((id) => !ids.has(id)).forEach((id) => known.delete(id));
  const live = new Set([...ids].map(tabKey));
  return caches.open(TABS).then((tabs) =>
    tabs.keys().then((ks) =>
      Promise.all(
        ks
          .filter((k) => !live.has(k.url))
          .map((k) => tabs.match(k).then((note) => !young(note) && tabs.delete(k)))
      )
    )
  );
};

const openTabs = () => self.clients.matchAll({ type: "window", includeUncontrolled: true });

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
    Promise.all([otherBuilds(), openTabs(), youngNoteBuilds()])
      .then(([others, open, loading]) =>
        Promise.all(open.map((tab) => tabBuild(tab.id).then((build) => [tab.id, build]))).then((notes) => {
          const keep = new Set(loading);
          const unknown = notes.filter(([, build]) => !build).map(([id]) => id);
          notes.forEach(([, build]) => build && keep.add(build));
          if (unknown.length && others.length) {
            // A tab whose build is not known (it was loaded past this worker, from the
            // network): most likely the build that was running until now.
            keep.add(others[others.length - 1]);
          }
          // The first build of the app: every tab open now loaded it.
          const first = others.length ? [] : unknown.map((id) => noteTab(id, CACHE));
          const removed = others.filter((k) => !keep.has(k)).map((k) => caches.delete(k));
          return Promise.all([...first, forgetClosedTabs(open), ...removed]);
        })
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
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !isOurs(url)) {
    return;
  }
  // The app's address (any query or fragment) is its index.html; any other address is
  // itself (a file of the build).
  const isApp = url.pathname === scopeUrl.pathname || url.pathname === scopeUrl.pathname + "index.html";
  if (isApp) {
    const page = firstHit([CACHE], new URL("./", scopeUrl).href);
    event.respondWith(page.then((hit) => hit || fetch(request)));
    // The tab this page becomes runs this build, if it came from this build's cache.
    event.waitUntil(
      page
        .then((hit) => hit && noteTab(event.resultingClientId, CACHE))
        .then(openTabs)
        .then((open) => forgetClosedTabs(open, event.resultingClientId))
    );
    return;
  }
  // The tab's own build first, then this build; only if neither has it, the other builds
  // newest first (a request from a tab's worker, which has no note of its own).
  const lookup = tabBuild(event.clientId).then((own) => {
    const first = own && own !== CACHE ? [own, CACHE] : [CACHE];
    return firstHit(first, request).then(
      (hit) => hit || otherBuilds().then((others) => firstHit(others.reverse().filter((name) => !first.includes(name)), request))
    );
  });
  event.respondWith(lookup.then((hit) => hit || fetch(request)));
});
