//! The Web Worker that does the page's heavy work (verification, migration, sealing,
//! signing, exports, hashing) off the main thread and out of the first load. Its whole
//! behaviour is `core::jobs::run`; `web::worker` is the message loop around it.

#[cfg(target_arch = "wasm32")]
fn main() {
    vendor_readiness::web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "vendor-readiness-worker runs inside the browser as a Web Worker; \
         use `vendor-readiness` on the command line"
    );
    std::process::ExitCode::from(2)
}
