#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present at the
# right version. Safe to run again and again.
#   scripts/install-tools.sh          build tools (wasm32 target, trunk, wasm-bindgen, wasm-opt, esbuild, axe-core)
#   scripts/install-tools.sh --test   also the browser test tools (chromium, chromedriver)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21"          # 0.22 needs a newer rustc than this machine has
BINARYEN_VERSION="132"        # Debian's wasm-opt is too old for current rustc output
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk ${TRUNK_VERSION}\."; then
  say "installing trunk ${TRUNK_VERSION}.x (takes 15-25 minutes on 2 cores)"
  cargo install trunk --version "~${TRUNK_VERSION}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen ${WASM_BINDGEN_VERSION}"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (must equal the pinned crate)"
  # --locked fails against this registry; the exact --version pin is what matters.
  cargo install wasm-bindgen-cli --version "=${WASM_BINDGEN_VERSION}" --force
fi

if ! tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION}" \
  || [ ! -f tools/node_modules/axe-core/axe.min.js ] || [ ! -x tools/node_modules/.bin/esbuild ]; then
  say "installing npm tools (binaryen ${BINARYEN_VERSION} for wasm-opt, esbuild, axe-core) into tools/node_modules"
  npm install --prefix tools --no-audit --no-fund >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(tools/node_modules/.bin/wasm-opt --version)"
