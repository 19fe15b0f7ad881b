//! The buyer's comparison page as its own module, loaded only when a buyer opens it, so
//! none of its code is part of the vendor's first load. It mounts into the page's
//! `#buyer-root` (see `web::buyer_app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    vendor_readiness::web::buyer_app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "vendor-readiness-buyer runs inside the browser (the compare page); \
         use `vendor-readiness compare` on the command line"
    );
    std::process::ExitCode::from(2)
}
