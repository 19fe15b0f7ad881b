#!/usr/bin/env python3
"""Trunk post-build hook over the staged dist/:

1. Versions the worker: Trunk names worker files without a content hash, so an old
   cached worker could answer a new page. Its script, wasm and loader are renamed with a
   hash of their content, the loader is pointed at the new names, and index.html names
   the loader in <meta name="vendor-readiness-worker">.
2. Puts the SHA-256 of every inline <script> of index.html into its
   Content-Security-Policy, so script-src needs no 'unsafe-inline'.
"""
import base64, hashlib, os, re, sys

dist = os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(dist, "index.html")
html = open(index, encoding="utf-8").read()

# 1. The worker.
WORKER = "vendor-readiness-worker"
js, wasm, loader = (os.path.join(dist, WORKER + s) for s in (".js", "_bg.wasm", "_loader.js"))
if not all(os.path.exists(p) for p in (js, wasm, loader)):
    sys.exit("post_build.py: the worker's files are missing from %s" % dist)
digest = hashlib.sha256()
for p in (js, wasm):
    digest.update(open(p, "rb").read())
tag = digest.hexdigest()[:16]
names = {s: "%s-%s%s" % (WORKER, tag, s) for s in (".js", "_bg.wasm", "_loader.js")}
os.replace(js, os.path.join(dist, names[".js"]))
os.replace(wasm, os.path.join(dist, names["_bg.wasm"]))
shim = open(loader, encoding="utf-8").read()
for s in (".js", "_bg.wasm"):
    old = "./%s%s" % (WORKER, s)
    if old not in shim:
        sys.exit("post_build.py: the worker loader does not name %s" % old)
    shim = shim.replace(old, "./" + names[s])
os.remove(loader)
open(os.path.join(dist, names["_loader.js"]), "w", encoding="utf-8").write(shim)
if "WORKER_LOADER" not in html:
    sys.exit("post_build.py: no WORKER_LOADER marker in %s" % index)
html = html.replace("WORKER_LOADER", "./" + names["_loader.js"])

# 2. The CSP.
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    for body in inline
)
if "INLINE_SCRIPT_HASHES" not in html:
    sys.exit("post_build.py: no INLINE_SCRIPT_HASHES marker in %s" % index)
html = html.replace("INLINE_SCRIPT_HASHES", hashes)
open(index, "w", encoding="utf-8").write(html)
print("post_build.py: worker %s; %d inline script(s) hashed into the CSP" % (tag, len(inline)))
