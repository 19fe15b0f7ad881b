//! Entry point: the Yew app on wasm32, the `vendor-readiness` command line elsewhere.

#[cfg(target_arch = "wasm32")]
fn main() {
    vendor_readiness::web::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}
