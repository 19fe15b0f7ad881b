#!/usr/bin/env python3
"""Trunk post-build hook: put the SHA-256 of every inline <script> of the built
index.html into its Content-Security-Policy, so script-src needs no 'unsafe-inline'."""
import base64, hashlib, os, re, sys

path = os.path.join(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"), "index.html")
html = open(path, encoding="utf-8").read()
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    for body in inline
)
if "INLINE_SCRIPT_HASHES" not in html:
    sys.exit("csp.py: no INLINE_SCRIPT_HASHES marker in %s" % path)
open(path, "w", encoding="utf-8").write(html.replace("INLINE_SCRIPT_HASHES", hashes))
print("csp.py: %d inline script(s) hashed into the CSP" % len(inline))
