#!/usr/bin/env python3
"""Where the first-load bytes go: `make size`.

Reads `twiggy top --format csv` of a wasm module built with names (Trunk's release build
leaves one at target/wasm32-unknown-unknown/wasm-release/<bin>.wasm, before wasm-opt and
wasm-bindgen strip the names) and sums the bytes of code and data per crate, and per
module of ours. Custom sections (names, wasm-bindgen's own) are left out: they are not
shipped. Then it prints the gzip size of every file in dist/ and the first load.

Shares are of raw bytes before wasm-opt; gzip and wasm-opt change sizes unevenly, so read
the table for where to look, and the dist/ lines for what users download.
"""
import csv, gzip, os, re, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def owner(item):
    """The crate (and, for ours, the module) a twiggy item belongs to."""
    if item.startswith("data segment"):
        return "read-only data (strings, questionnaire JSON, tables)"
    if item.startswith(("custom section", '"function names"')):
        return None
    name = item
    # `<A as B>::f`: the code belongs to A's crate.
    m = re.match(r"<+\s*&?(?:mut )?([A-Za-z_][\w:]*)", name)
    if m:
        name = m.group(1)
    name = re.sub(r"\[[0-9a-f]+\]", "", name)
    parts = [p for p in name.split("::") if p]
    if not parts:
        return "other"
    crate = parts[0]
    if crate == "vendor_readiness":
        mod = parts[1] if len(parts) > 1 else ""
        if mod in ("core", "web") and len(parts) > 2:
            sub = parts[2]
            if mod == "web" and sub in ("components", "pages", "io") and len(parts) > 3:
                return "ours: web::%s::%s" % (sub, parts[3])
            return "ours: %s::%s" % (mod, sub)
        return "ours: " + mod
    if crate in ("core", "alloc", "std", "dlmalloc", "compiler_builtins"):
        return "Rust std (core, alloc, std)"
    if crate.startswith(("func", "elem", "global", "type", "import", "export", "table", "memory", "code")):
        return "wasm tables and glue"
    return crate


def attribution(wasm):
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", wasm],
                         capture_output=True, text=True, check=True).stdout
    sizes = defaultdict(int)
    for row in csv.DictReader(out.splitlines()):
        who = owner(row["Name"])
        if who:
            sizes[who] += int(row["ShallowSize"])
    return sizes


def main():
    bins = sys.argv[1:] or ["vendor-readiness"]
    for b in bins:
        wasm = os.path.join(ROOT, "target/wasm32-unknown-unknown/wasm-release/%s.wasm" % b)
        if not os.path.exists(wasm):
            sys.exit("size_report.py: %s not found: run `make dist` first" % wasm)
        sizes = attribution(wasm)
        total = sum(sizes.values())
        print("\n## %s.wasm before wasm-opt: %d bytes of code and data\n" % (b, total))
        print("| where | bytes | share |\n|---|---:|---:|")
        for who, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
            if n * 200 >= total:
                print("| %s | %d | %.1f %% |" % (who, n, 100.0 * n / total))
        small = sum(n for n in sizes.values() if n * 200 < total)
        print("| everything under 0.5 %% each | %d | %.1f %% |" % (small, 100.0 * small / total))
    dist = os.path.join(ROOT, "dist")
    print("\n## dist/ (gzip -9)\n\n| file | raw | gzip | first load |\n|---|---:|---:|---|")
    first = 0
    for name in sorted(os.listdir(dist)):
        path = os.path.join(dist, name)
        if not os.path.isfile(path):
            continue
        raw = open(path, "rb").read()
        gz = len(gzip.compress(raw, 9))
        loaded = first_load(name)
        first += gz if loaded else 0
        print("| %s | %d | %d | %s |" % (name, len(raw), gz, "yes" if loaded else "no"))
    print("| **first load** | | **%d** | |" % first)


def first_load(name):
    """What the vendor's questionnaire fetches before it is interactive: the page, its
    loader and module, the stylesheets. The worker, the schema, the service worker and the
    manifest come later or on demand, and the buyer's module only on the compare page."""
    return not (name.startswith(("vendor-readiness-worker", "vendor-readiness-buyer"))
                or name.endswith(".schema.json")
                or name in ("sw.js", "manifest.webmanifest", "precache.json", "favicon.svg"))


if __name__ == "__main__":
    main()
