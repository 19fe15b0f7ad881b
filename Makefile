# Vendor Security Readiness — the two commands from the README are `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: tools test-tools serve dist test lint test-native test-wasm test-e2e bench size mutants fuzz clean

tools:
	@scripts/install-tools.sh

test-tools:
	@scripts/install-tools.sh --test

## Build the app and serve it on http://127.0.0.1:8080
serve: tools
	trunk serve --release

## Build the static site into dist/
dist: tools
	trunk build --release

## Every test: formatting, lints (native and wasm32), native core tests, component tests
## in headless Chromium, and end-to-end tests against the built dist/.
test: test-tools lint test-native test-wasm dist test-e2e
	@echo "make test: all layers passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --all-targets $(WASM) -- -D warnings
	cargo fmt --manifest-path fuzz/Cargo.toml -- --check
	cargo check --manifest-path fuzz/Cargo.toml --quiet

test-native:
	cargo test --workspace --exclude vendor-readiness-e2e

test-wasm:
	cargo test $(WASM) --test components

test-e2e:
	cargo test -p vendor-readiness-e2e -- --test-threads=1

## Benchmarks (figures in docs/performance.md)
bench: dist
	cargo test -p vendor-readiness-e2e --test keyboard_completion -- --nocapture --test-threads=1 every_question
	cargo test -p vendor-readiness-e2e --test bundle_size -- --nocapture
	cargo bench --bench core
	cargo bench --bench cli
	cargo test -p vendor-readiness-e2e --release --test bench -- --ignored --nocapture --test-threads=1

## Where the first-load bytes go (twiggy over the shipped module, names kept)
size: dist
	python3 scripts/size_report.py vendor-readiness vendor-readiness-buyer vendor-readiness-worker
	cargo test -p vendor-readiness-e2e --test bundle_size -- --nocapture

## Mutation testing of the core's rule files (.cargo/mutants.toml; results in docs/mutants.md).
## In place: it edits src/ while it runs, so leave the tree alone until it ends.
mutants:
	cargo mutants --no-shuffle --in-place

## Run the fuzzer for 10 minutes (needs nightly Rust and cargo-fuzz: docs/fuzzing.md)
fuzz:
	mkdir -p fuzz/corpus/load_verify_rescore
	cargo +nightly fuzz run load_verify_rescore fuzz/corpus/load_verify_rescore fuzz/seeds -- \
	    -max_total_time=600 -rss_limit_mb=4096 -dict=fuzz/dict/score-file.dict

clean:
	cargo clean
	rm -rf dist
