// The service worker's rules (web/sw.template.js), run in Node against a fake host, Cache
// Storage and set of tabs, so the orders of events a browser rarely shows (two tabs loading
// at once, three builds in a row) can be tested exactly. Run by tests/service_worker.rs
// (`node --test`); the browser tests in tests/e2e/tests/hosting.rs cover the real thing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const TEMPLATE = readFileSync(new URL("../../web/sw.template.js", import.meta.url), "utf8");

// Every Cache Storage step yields, as the browser's do, so concurrent event handlers
// interleave instead of each running to its end.
const tick = () => new Promise((resolve) => setImmediate(resolve));
const sri = (body) => "sha256-" + createHash("sha256").update(body).digest("base64");

class FakeCache {
  constructor() {
    this.entries = new Map();
  }
  static href(key, ignoreSearch) {
    const url = new URL(typeof key === "string" ? key : key.url);
    if (ignoreSearch) {
      url.search = "";
    }
    return url.href;
  }
  async match(key, options = {}) {
    await tick();
    const wanted = FakeCache.href(key, options.ignoreSearch);
    for (const [href, response] of this.entries) {
      if (FakeCache.href(href, options.ignoreSearch) === wanted) {
        return response.clone();
      }
    }
    return undefined;
  }
  async put(key, response) {
    await tick();
    this.entries.set(FakeCache.href(key), response);
  }
  async delete(key) {
    await tick();
    return this.entries.delete(FakeCache.href(key));
  }
  async keys() {
    await tick();
    return [...this.entries.keys()].map((href) => new Request(href));
  }
  // All or nothing, as the browser's: the entries are committed only once every file came.
  async addAll(requests) {
    const staged = [];
    for (const request of requests) {
      const response = await this.network(request);
      const body = await response.clone().text();
      if (!response.ok || (request.integrity && request.integrity !== sri(body))) {
        throw new TypeError("addAll: " + request.url + " is missing or differs");
      }
      staged.push([request.url, response]);
    }
    staged.forEach(([href, response]) => this.entries.set(href, response));
  }
}

class FakeCacheStorage {
  constructor(network) {
    this.network = network;
    this.named = new Map(); // in the order the caches were made, as the browser lists them
    // A cache to delete just after the next step that names it has answered (another
    // worker's update, landing between two steps of a lookup).
    this.deleteAfterUse = undefined;
  }
  used(name, answer) {
    if (name === this.deleteAfterUse) {
      this.deleteAfterUse = undefined;
      this.named.delete(name);
    }
    return answer;
  }
  async open(name) {
    await tick();
    if (!this.named.has(name)) {
      const cache = new FakeCache();
      cache.network = this.network;
      this.named.set(name, cache);
    }
    return this.used(name, this.named.get(name));
  }
  async has(name) {
    await tick();
    return this.used(name, this.named.has(name));
  }
  // CacheStorage.match: with a cacheName, only that cache, and never one made for it.
  async match(key, options = {}) {
    await tick();
    const names = options.cacheName === undefined ? [...this.named.keys()] : [options.cacheName];
    for (const name of names) {
      const cache = this.named.get(name);
      const hit = cache && (await cache.match(key, options));
      if (options.cacheName !== undefined) {
        return this.used(name, hit);
      }
      if (hit) {
        return hit;
      }
    }
    return undefined;
  }
  async delete(name) {
    await tick();
    return this.named.delete(name);
  }
  async keys() {
    await tick();
    return [...this.named.keys()];
  }
}

// One origin: the host's files (path → body), its Cache Storage, its open tabs, a clock.
class Origin {
  constructor(scope) {
    this.scope = scope;
    this.files = new Map();
    this.offline = false;
    this.requested = [];
    this.tabs = [];
    this.now = 1_000_000;
    this.caches = new FakeCacheStorage((request) => this.fetch(request));
  }
  async fetch(request) {
    const url = new URL(typeof request === "string" ? request : request.url);
    this.requested.push(url.pathname);
    await tick();
    if (this.offline) {
      throw new TypeError("Failed to fetch");
    }
    // The host answers a directory's address with its index.html.
    const body = this.files.get(url.pathname.endsWith("/") ? url.pathname + "index.html" : url.pathname);
    return body === undefined ? new Response("not found", { status: 404 }) : new Response(body);
  }
  // Publishes a build: its files on the host, and its worker (not yet started).
  publish(tag, names) {
    const dir = new URL(this.scope).pathname;
    const bodies = new Map(names.map((name) => [name, name + " of build " + tag]));
    bodies.set("index.html", "index.html of build " + tag);
    for (const [name, body] of bodies) {
      this.files.set(dir + name, body);
    }
    const precache = [["./", sri(bodies.get("index.html"))]].concat(
      [...bodies].map(([name, body]) => ["./" + name, sri(body)])
    );
    const source = TEMPLATE.replace("__CACHE__", "vendor-readiness-" + tag).replace("__PRECACHE__", JSON.stringify(precache));
    return new Worker(this, source);
  }
  tabsCache() {
    return this.caches.named.get("vendor-readiness:tabs " + this.scope);
  }
  buildCaches() {
    // The names without the scope that every cache name of this copy ends with.
    return [...this.caches.named.keys()]
      .filter((name) => !name.startsWith("vendor-readiness:tabs"))
      .map((name) => name.replace(" " + this.scope, ""));
  }
}

// One service worker (one build's sw.js), run in its own context.
class Worker {
  constructor(origin, source) {
    this.origin = origin;
    this.handlers = {};
    const scope = origin.scope;
    const self = {
      registration: { scope },
      location: new URL("sw.js", scope),
      clients: {
        matchAll: async () => {
          await tick();
          return origin.tabs.map((id) => ({ id }));
        },
        claim: async () => {},
      },
      skipWaiting: () => {},
      addEventListener: (type, handler) => {
        this.handlers[type] = handler;
      },
    };
    // The worker's relative addresses resolve against its own URL, as in a browser.
    const WorkerRequest = class extends Request {
      constructor(input, init) {
        super(typeof input === "string" ? new URL(input, self.location).href : input, init);
      }
    };
    const context = {
      self,
      caches: origin.caches,
      fetch: (request) => origin.fetch(request),
      Request: WorkerRequest,
      Response,
      URL,
      Date: { now: () => origin.now },
    };
    vm.createContext(context);
    vm.runInContext(source, context);
  }
  async lifecycle(type) {
    const pending = [];
    this.handlers[type]({ waitUntil: (promise) => pending.push(promise) });
    await Promise.all(pending);
  }
  async install() {
    await this.lifecycle("install");
  }
  async activate() {
    await this.lifecycle("activate");
  }
  // A GET of `path` (relative to the scope): whether the worker answered it, with what,
  // and when its after-work (waitUntil) is done.
  request(path, { clientId = "", resultingClientId = "" } = {}) {
    let answer;
    const pending = [];
    this.handlers.fetch({
      request: new Request(new URL(path, this.origin.scope).href),
      clientId,
      resultingClientId,
      respondWith: (promise) => {
        answer = promise;
      },
      waitUntil: (promise) => pending.push(promise),
    });
    return {
      answered: answer !== undefined,
      body: answer && answer.then((response) => response.text()),
      done: Promise.all(pending.concat(answer ? [answer] : [])),
    };
  }
  // Loads the app's page in tab `id` (a navigation), then lists the tab as open.
  async load(id) {
    const page = this.request("./", { resultingClientId: id });
    await page.done;
    this.origin.tabs.push(id);
    return page.body;
  }
}

const FILES_A = ["vendor-readiness-aaaaaaaaaaaaaaaa.js", "vendor-readiness-buyer-aaaaaaaaaaaaaaaa_loader.js", "score-file.schema.json"];
const FILES_B = ["vendor-readiness-bbbbbbbbbbbbbbbb.js", "vendor-readiness-buyer-bbbbbbbbbbbbbbbb_loader.js", "score-file.schema.json"];
const FILES_C = ["vendor-readiness-cccccccccccccccc.js", "vendor-readiness-buyer-cccccccccccccccc_loader.js", "score-file.schema.json"];

async function started(origin, tag, files) {
  const worker = origin.publish(tag, files);
  await worker.install();
  await worker.activate();
  return worker;
}

test("a copy at the origin's root answers only the app's own addresses", async () => {
  const origin = new Origin("https://host.example/");
  const worker = await started(origin, "a", FILES_A);
  for (const path of ["./", "./index.html", "./?utm=1", "./vendor-readiness-aaaaaaaaaaaaaaaa.js", "./score-file.schema.json"]) {
    assert.equal(worker.request(path).answered, true, path + " is the app's");
  }
  // A file of another build of the app (a tab still running it may ask for it), also when
  // Trunk's hash lost its leading zeros.
  assert.equal(worker.request("./vendor-readiness-buyer-0123456789abcdef_bg.wasm").answered, true);
  assert.equal(worker.request("./main-9a8b7c6d5e4f3.css").answered, true);
  assert.equal(worker.request("./vendor-readiness-worker-89abcdef1_loader.js").answered, true);
  for (const path of ["./other/index.html", "./api/data", "./robots.txt", "./docs/", "./x/vendor-readiness-aaaaaaaaaaaaaaaa.js", "./jquery-3.js"]) {
    assert.equal(worker.request(path).answered, false, path + " is not the app's: left to the browser");
  }
});

test("a copy under a path answers nothing outside it", async () => {
  const origin = new Origin("https://host.example/tools/readiness/");
  const worker = await started(origin, "a", FILES_A);
  assert.equal(worker.request("./vendor-readiness-aaaaaaaaaaaaaaaa.js").answered, true);
  assert.equal(worker.request("https://host.example/vendor-readiness-aaaaaaaaaaaaaaaa.js").answered, false);
  assert.equal(worker.request("https://host.example/tools/other-0123456789abcdef.js").answered, false);
});

test("two tabs that load at once both keep the note of their build", async () => {
  const origin = new Origin("https://host.example/app/");
  const a = await started(origin, "a", FILES_A);
  // Neither tab is listed among the open ones until its page has arrived.
  const first = a.request("./", { resultingClientId: "tab-1" });
  const second = a.request("./", { resultingClientId: "tab-2" });
  await Promise.all([first.done, second.done]);
  origin.tabs.push("tab-1", "tab-2");
  const notes = await origin.tabsCache().keys();
  assert.equal(notes.length, 2, "notes: " + notes.map((r) => r.url).join(", "));

  // So when two builds are published before either tab reloads, the build the tabs run is
  // kept and the one that only waited is deleted.
  const b = origin.publish("b", FILES_B);
  await b.install();
  const c = origin.publish("c", FILES_C);
  await c.install();
  await c.activate();
  assert.deepEqual(origin.buildCaches(), ["vendor-readiness-a", "vendor-readiness-c"]);
});

test("the note of a tab closed for longer than the grace period is forgotten", async () => {
  const origin = new Origin("https://host.example/app/");
  const a = await started(origin, "a", FILES_A);
  await a.load("tab-1");
  origin.tabs = [];
  origin.now += 30 * 1000;
  await a.load("tab-2");
  assert.equal((await origin.tabsCache().keys()).length, 2, "a note 30 s old is kept");
  origin.tabs = [];
  origin.now += 61 * 1000;
  await a.load("tab-3");
  const left = (await origin.tabsCache().keys()).map((r) => decodeURIComponent(r.url.split("/__tab__/")[1]));
  assert.deepEqual(left, ["tab-3"]);
});

test("a tab of the old build gets its own build's files after an update, offline too", async () => {
  const origin = new Origin("https://host.example/app/");
  const a = await started(origin, "a", FILES_A);
  assert.equal(await a.load("old-tab"), "index.html of build a");
  const b = await started(origin, "b", FILES_B);
  origin.offline = true;
  origin.requested = [];
  const own = b.request("./vendor-readiness-buyer-aaaaaaaaaaaaaaaa_loader.js", { clientId: "old-tab" });
  assert.equal(await own.body, "vendor-readiness-buyer-aaaaaaaaaaaaaaaa_loader.js of build a");
  // A file both builds have under one name: the tab's own build's copy, not the newest.
  const shared = b.request("./score-file.schema.json", { clientId: "old-tab" });
  assert.equal(await shared.body, "score-file.schema.json of build a");
  assert.deepEqual(origin.requested, [], "nothing was asked of the network");
  // A new page gets the new build.
  assert.equal(await b.load("new-tab"), "index.html of build b");
  assert.equal(await b.request("./score-file.schema.json", { clientId: "new-tab" }).body, "score-file.schema.json of build b");
});

test("an install whose files differ from the build's list fails and leaves the running build", async () => {
  const origin = new Origin("https://host.example/app/");
  const a = await started(origin, "a", FILES_A);
  await a.load("tab-1");
  const b = origin.publish("b", FILES_B);
  // A half-copied upload: one file of the new build still has the old content.
  origin.files.set("/app/vendor-readiness-bbbbbbbbbbbbbbbb.js", "stale");
  await assert.rejects(b.install());
  assert.deepEqual(origin.buildCaches(), ["vendor-readiness-a"]);
  assert.equal(await a.request("./", {}).body, "index.html of build a");
});

test("a lookup that an update's deletion overtakes does not bring the deleted cache back", async () => {
  const origin = new Origin("https://host.example/app/");
  const a = await started(origin, "a", FILES_A);
  await a.load("old-tab");
  const b = await started(origin, "b", FILES_B);
  // The old tab asks for a file of its build just as the last step of an update deletes
  // that build's cache.
  origin.caches.deleteAfterUse = "vendor-readiness-a " + origin.scope;
  await b.request("./vendor-readiness-buyer-aaaaaaaaaaaaaaaa_loader.js", { clientId: "old-tab" }).done;
  assert.deepEqual(origin.buildCaches(), ["vendor-readiness-b"]);
});

test("an update that activates while a tab's page is on its way keeps that tab's build", async () => {
  const origin = new Origin("https://host.example/app/");
  const a = await started(origin, "a", FILES_A);
  // Build a serves a new tab its page; the tab is not listed as open yet.
  assert.equal(await a.request("./", { resultingClientId: "new-tab" }).body, "index.html of build a");
  const b = await started(origin, "b", FILES_B);
  assert.deepEqual(origin.buildCaches(), ["vendor-readiness-a", "vendor-readiness-b"]);
  origin.tabs.push("new-tab");
  origin.offline = true;
  const own = b.request("./vendor-readiness-buyer-aaaaaaaaaaaaaaaa_loader.js", { clientId: "new-tab" });
  assert.equal(await own.body, "vendor-readiness-buyer-aaaaaaaaaaaaaaaa_loader.js of build a");
  // Once the grace period is over and the tab closed, the next update deletes build a.
  origin.offline = false;
  origin.tabs = [];
  origin.now += 61 * 1000;
  await started(origin, "c", FILES_C);
  assert.deepEqual(origin.buildCaches(), ["vendor-readiness-c"]);
});
