//! Entry point: the Yew app on wasm32, the `vendor-readiness` command line elsewhere.

#[cfg(target_arch = "wasm32")]
fn main() {
    vendor_readiness::web::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// The native command line allocates with mimalloc: `verify` and `compare` spend less
/// time in the allocator than with the system's (docs/performance.md, "CLI for
/// pipelines"). The wasm builds allocate with Talc (`src/lib.rs`).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}
