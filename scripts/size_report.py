#!/usr/bin/env python3
"""Where the first-load bytes go: `make size`.

Takes the module Trunk's release build leaves with names at
target/wasm32-unknown-unknown/wasm-release/<bin>.wasm, runs it through the same steps as
the build (wasm-bindgen, then wasm-opt -Oz) but keeping the names (`-g`), and sums
`twiggy top --format csv` of the result per crate, and per module of ours. The names
section itself is left out: it is not shipped. So the table is of the code and data users
download, before gzip; the gzip column spreads the module's gzip size over the rows by
their share (code and data compress unevenly, so read it as an estimate). What the first
load is, file by file, is the budget test's to say (tests/e2e/tests/bundle_size.rs), which
`make size` runs after this script.

To attribute another build (an older commit, for a before-and-after table), point
SIZE_WASM_DIR at the directory that holds its modules, e.g.
`SIZE_WASM_DIR=/elsewhere/target/wasm32-unknown-unknown/release python3 scripts/size_report.py
vendor-readiness`.

Generic code is named after the crate that defines it: a component's `view` shows up
under yew when wasm-opt has inlined it there.
"""
import csv, gzip, os, re, subprocess, sys, tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


DATA = "read-only data (strings, the questionnaire's static data, tables)"


def owner(item):
    """The crate (and, for ours, the module) a twiggy item belongs to."""
    if item.startswith("data segment"):
        return DATA
    if item.startswith(("custom section", '"function names"', '"data names"')):
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


WASM_OPT_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int",
                     "--enable-sign-ext", "--enable-mutable-globals",
                     "--enable-reference-types", "--enable-multivalue"]


def leb(buf, at):
    """An unsigned LEB128 number and where it ends."""
    n = shift = 0
    while True:
        b = buf[at]
        at += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return n, at


def data_section(module):
    """The bytes of a module's data section (id 11)."""
    at = 8
    while at < len(module):
        sid = module[at]
        size, body = leb(module, at + 1)
        if sid == 11:
            return module[body:body + size]
        at = body + size
    return b""


def shipped_with_names(wasm, work):
    """The module as the build ships it, with its names kept."""
    subprocess.run(["wasm-bindgen", "--target", "web", "--out-dir", work, "--out-name", "m",
                    wasm], check=True)
    out = os.path.join(work, "named.wasm")
    subprocess.run(["wasm-opt", "-Oz", "-g", *WASM_OPT_FEATURES,
                    os.path.join(work, "m_bg.wasm"), "-o", out], check=True)
    return out


def main():
    bins = sys.argv[1:] or ["vendor-readiness"]
    for b in bins:
        wasm_dir = os.environ.get("SIZE_WASM_DIR") or os.path.join(
            ROOT, "target/wasm32-unknown-unknown/wasm-release")
        wasm = os.path.join(wasm_dir, "%s.wasm" % b)
        if not os.path.exists(wasm):
            sys.exit("size_report.py: %s not found: run `make dist` first" % wasm)
        with tempfile.TemporaryDirectory() as work:
            named = shipped_with_names(wasm, work)
            sizes = attribution(named)
            subprocess.run(["wasm-opt", "-Oz", "--strip-debug", *WASM_OPT_FEATURES, named,
                            "-o", os.path.join(work, "bare.wasm")], check=True)
            bare = open(os.path.join(work, "bare.wasm"), "rb").read()
        gz = len(gzip.compress(bare, 9))
        # Data and code compress very differently: the data's gzip is measured, the
        # rest is spread over the code rows by their share of the code.
        data_gz = len(gzip.compress(data_section(bare), 9))
        total = sum(sizes.values())
        code = sum(n for who, n in sizes.items() if who != DATA)
        def estimate(who, n):
            return data_gz if who == DATA else (gz - data_gz) * n // code
        print("\n## %s: %d bytes of code and data after wasm-opt, %d gzip\n" % (b, total, gz))
        print("| where | bytes | share | gzip (estimate) |\n|---|---:|---:|---:|")
        for who, n in sorted(sizes.items(), key=lambda kv: -kv[1]):
            if n * 200 >= total:
                print("| %s | %d | %.1f %% | %d |" % (who, n, 100.0 * n / total, estimate(who, n)))
        small = sum(n for n in sizes.values() if n * 200 < total)
        print("| everything under 0.5 %% each | %d | %.1f %% | %d |"
              % (small, 100.0 * small / total, (gz - data_gz) * small // code))


if __name__ == "__main__":
    main()
