//! Size budget of the built app: the gzip size of every file in dist/ and of the first
//! load — what the vendor's questionnaire fetches before it is interactive: the page, its
//! loader and module, the stylesheets and the icon. The worker, the on-demand module (the
//! compare page, the vendor's Results and Report), the
//! service worker, the manifest, the JSON Schema and the questionnaire's data file (read
//! for the references after the first render) come later or on demand. The figures
//! print with `--nocapture`; docs/performance.md records them.

use std::io::Write;

use vendor_readiness_e2e::dist_dir;

/// First-load budget in gzip bytes: what this build reaches, so any growth fails. The aim
/// is 150 KB; docs/performance.md shows where the bytes go and what the next lever is.
const FIRST_LOAD_BUDGET: usize = 204 * 1024;

/// Files fetched later or on demand, not before the questionnaire is interactive.
fn later(name: &str) -> bool {
    name.starts_with("vendor-readiness-worker")
        || name.starts_with("vendor-readiness-buyer")
        || name.ends_with(".schema.json")
        || name.starts_with("questionnaire-")
        || matches!(name, "sw.js" | "manifest.webmanifest")
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap().len()
}

#[test]
fn first_load_stays_within_the_gzip_budget() {
    let mut first_load = 0;
    let mut rows = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dist_dir())
        .expect("dist/ is built")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries.iter().filter(|e| e.path().is_file()) {
        let bytes = std::fs::read(entry.path()).unwrap();
        let gz = gzip_len(&bytes);
        let name = entry.file_name().to_string_lossy().to_string();
        let loaded = !later(&name);
        if loaded {
            first_load += gz;
        }
        rows.push(format!(
            "{name:<50} {:>9} B raw {:>8} B gzip  {}",
            bytes.len(),
            gz,
            if loaded { "first load" } else { "later" }
        ));
    }
    println!(
        "{}\nfirst load: {first_load} B gzip (budget {FIRST_LOAD_BUDGET} B)",
        rows.join("\n")
    );
    assert!(
        rows.iter().any(|r| r.contains(".wasm")),
        "dist/ has no wasm module"
    );
    assert!(
        first_load <= FIRST_LOAD_BUDGET,
        "first load is {first_load} B gzip, over the {FIRST_LOAD_BUDGET} B budget"
    );
}
