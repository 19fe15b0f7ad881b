#!/usr/bin/env python3
"""Trunk post-build hook over the staged dist/:

1. Versions the modules Trunk names without a content hash (the verification worker and
   the buyer's page, both loaded at run time): their script and wasm are renamed with a
   hash of their content, each gets a loader that names the new files, and index.html
   names the loaders (<meta name="vendor-readiness-worker">, <meta
   name="vendor-readiness-buyer">), so a new page never talks to an old module; the
   questionnaire's data file is renamed after its content the same way (<meta
   name="vendor-readiness-data">).
2. Puts the SHA-256 of every inline <script> of index.html into its
   Content-Security-Policy, so script-src needs no 'unsafe-inline'.
3. Writes the service worker (sw.js, from web/sw.template.js): it precaches exactly the
   files of this build, under a cache name derived from their content hashes.

Before all that, wasm-bindgen's JavaScript bindings of the page and of the buyer's module
(ES modules) are minified with esbuild (tools/node_modules): 10.1 → 7.9 KB of the first
load's gzip. Trunk's own minifier cannot take them (docs/performance.md). The page's
bindings and module are then renamed after their shipped content (Trunk's name hashes the
bindings before minifying) and get their new integrity in index.html.

`post_build.py --service-worker-only DIR` does step 3 alone, for a dist/ changed after
the build (the end-to-end test of updates makes a second build that way).
"""
import base64, hashlib, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ESBUILD = os.path.join(ROOT, "tools", "node_modules", ".bin", "esbuild")


def fail(message):
    sys.exit("post_build.py: " + message)


def write_service_worker(dist):
    """sw.js for the files now in `dist`: their list, and a cache name from their hashes."""
    names = sorted(
        n for n in os.listdir(dist)
        if os.path.isfile(os.path.join(dist, n)) and n != "sw.js"
    )
    digest = hashlib.sha256()
    for n in names:
        digest.update(n.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(open(os.path.join(dist, n), "rb").read()).digest())
    cache = "vendor-readiness-" + digest.hexdigest()[:16]

    def sri(name):
        body = open(os.path.join(dist, name), "rb").read()
        return "sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode()

    # The app's address itself ("./") is its index.html.
    urls = [["./", sri("index.html")]] + [["./" + n, sri(n)] for n in names]
    template = open(os.path.join(ROOT, "web", "sw.template.js"), encoding="utf-8").read()
    if "__CACHE__" not in template or "__PRECACHE__" not in template:
        fail("web/sw.template.js lacks its __CACHE__ or __PRECACHE__ marker")
    sw = template.replace("__CACHE__", cache).replace("__PRECACHE__", json.dumps(urls))
    open(os.path.join(dist, "sw.js"), "w", encoding="utf-8").write(sw)
    return cache, len(urls)


if len(sys.argv) == 3 and sys.argv[1] == "--service-worker-only":
    cache, count = write_service_worker(sys.argv[2])
    print("post_build.py: service worker %s precaches %d files" % (cache, count))
    sys.exit(0)

dist = os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(dist, "index.html")
html = open(index, encoding="utf-8").read()

def minify(path):
    """Minifies the ES module at `path` in place (names, white space, syntax; its exports
    keep their names)."""
    if not os.access(ESBUILD, os.X_OK):
        fail("esbuild is missing: run scripts/install-tools.sh")
    subprocess.run(
        [ESBUILD, path, "--minify", "--format=esm", "--log-level=warning",
         "--allow-overwrite", "--outfile=" + path],
        check=True,
    )


def minify_page_bindings():
    """The page's bindings, named by the <link rel="modulepreload"> Trunk wrote with their
    integrity: minified, that integrity brought up to date, and the bindings and their
    module renamed after what is shipped (Trunk's name hashes the bindings before they are
    minified, so another esbuild would change the file under the same name, and a host
    that caches hashed names for ever would serve the old one against the new integrity)."""
    global html
    links = re.findall(r'<link rel="modulepreload" href="\./([^"]+)\.js"[^>]*integrity="(sha384-[^"]+)"', html)
    if len(links) != 1:
        fail("expected one modulepreload link with an integrity in %s, found %d" % (index, len(links)))
    stem, old = links[0]
    js, wasm = (os.path.join(dist, stem + s) for s in (".js", "_bg.wasm"))
    trunk_tag = re.search(r"-([0-9a-f]+)$", stem)
    if not trunk_tag or not os.path.exists(wasm):
        fail("the page's module is not named <name>-<hash>.js with its _bg.wasm beside it: %s" % stem)
    minify(js)
    new = "sha384-" + base64.b64encode(hashlib.sha384(open(js, "rb").read()).digest()).decode()
    html = html.replace(old, new)
    digest = hashlib.sha256()
    for p in (js, wasm):
        digest.update(open(p, "rb").read())
    new_stem = stem[: trunk_tag.start(1)] + digest.hexdigest()[:16]
    os.replace(js, os.path.join(dist, new_stem + ".js"))
    os.replace(wasm, os.path.join(dist, new_stem + "_bg.wasm"))
    html = html.replace("./" + stem + ".js", "./" + new_stem + ".js").replace("./" + stem + "_bg.wasm", "./" + new_stem + "_bg.wasm")


minify_page_bindings()

# name, marker in index.html, wasm-bindgen target of the module
MODULES = [
    ("vendor-readiness-worker", "WORKER_LOADER", "no-modules"),
    ("vendor-readiness-buyer", "BUYER_LOADER", "web"),
]


def name_in_index(marker, file_name):
    """Puts the versioned `file_name` in index.html where `marker` stands."""
    global html
    if marker not in html:
        fail("no %s marker in %s" % (marker, index))
    html = html.replace(marker, "./" + file_name)


def version(name, marker, target):
    js, wasm, loader = (os.path.join(dist, name + s) for s in (".js", "_bg.wasm", "_loader.js"))
    if not all(os.path.exists(p) for p in (js, wasm, loader)):
        fail("the files of %s are missing from %s" % (name, dist))
    if target == "web":
        minify(js)
    digest = hashlib.sha256()
    for p in (js, wasm):
        digest.update(open(p, "rb").read())
    tag = digest.hexdigest()[:16]
    new = {s: "%s-%s%s" % (name, tag, s) for s in (".js", "_bg.wasm", "_loader.js")}
    os.replace(js, os.path.join(dist, new[".js"]))
    os.replace(wasm, os.path.join(dist, new["_bg.wasm"]))
    os.remove(loader)
    if target == "no-modules":
        # A classic worker script. Messages that arrive while the module loads are kept and
        # handed to the module's own handler once it is up (its start sets onmessage); if
        # the module cannot load, each kept job is answered with the reason.
        shim = (
            'var kept=[];self.onmessage=function(e){kept.push(e)};'
            'importScripts("./%s");'
            'wasm_bindgen("./%s").then(function(){kept.forEach(function(e){self.onmessage(e)});kept=[]},'
            'function(err){kept.forEach(function(e){var b=(e.data&&e.data.batch)||[];'
            'self.postMessage({batch:b.map(function(t){return{id:t.id,'
            'outcome:JSON.stringify({Err:"the verifier could not start: "+err})}})})});kept=[]});'
            % (new[".js"], new["_bg.wasm"])
        )
    else:
        # An ES module: load the bindings, then the module next to it (its own start runs);
        # if the module cannot be fetched or started, the page hears why
        # (web::io::buyer_module::FAILED_EVENT).
        shim = ("import init from './%s';init({module_or_path:new URL('./%s',import.meta.url)})"
                ".catch(e=>dispatchEvent(new CustomEvent('vendor-readiness-module-failed',"
                "{detail:'its module could not be started ('+e+')'})));"
                % (new[".js"], new["_bg.wasm"]))
    open(os.path.join(dist, new["_loader.js"]), "w", encoding="utf-8").write(shim)
    name_in_index(marker, new["_loader.js"])
    return tag


tags = [version(*m) for m in MODULES]


def version_data(name, marker):
    """The questionnaire's data file, copied by Trunk under its plain name, renamed after
    its content; index.html names it (the page fetches it with its SHA-256, which the
    module knows from build.rs, as the integrity)."""
    path = os.path.join(dist, name + ".json")
    if not os.path.exists(path):
        fail("%s is missing from %s" % (name + ".json", dist))
    tag = hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]
    new = "%s-%s.json" % (name, tag)
    os.replace(path, os.path.join(dist, new))
    name_in_index(marker, new)
    return tag


tags.append(version_data("questionnaire", "DATA_FILE"))


def check_references(html, dist):
    """Every file index.html names by a relative address (links, scripts, the module
    loaders in its <meta> tags) is in dist/: a page that asks for a missing file would
    404 at any host, and the service worker could not precache it."""
    named = re.findall(r'(?:href|src|content)="(\./[^"#?]+|[A-Za-z0-9_.-]+\.(?:css|js|wasm|svg|webmanifest|json))"', html)
    missing = sorted({n for n in named if not os.path.isfile(os.path.join(dist, n.removeprefix("./")))})
    if missing:
        fail("index.html names files that are not in %s: %s" % (dist, ", ".join(missing)))


check_references(html, dist)

# The CSP.
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    for body in inline
)
if "INLINE_SCRIPT_HASHES" not in html:
    fail("no INLINE_SCRIPT_HASHES marker in %s" % index)
html = html.replace("INLINE_SCRIPT_HASHES", hashes)
open(index, "w", encoding="utf-8").write(html)

# The service worker, last: it lists the files as they now are.
cache, count = write_service_worker(dist)
print("post_build.py: modules %s; %d inline script(s) hashed into the CSP; service worker %s precaches %d files"
      % (", ".join(tags), len(inline), cache, count))
