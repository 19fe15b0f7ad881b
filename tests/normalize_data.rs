//! `NORMALIZE_DATA=1 cargo test --test normalize_data` rewrites data/questionnaire.json
//! exactly as the model writes it (member order, defaults), so the file's own digest and
//! the digest the core computes are one. Without the variable it checks that the file is
//! already in that form.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use vendor_readiness::questionnaire::Questionnaire;

#[test]
fn the_data_file_is_written_as_the_model_writes_it() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/questionnaire.json");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    let q = Questionnaire::from_json(&on_disk).expect("valid data");
    let mut normal = serde_json::to_string_pretty(&q).unwrap();
    normal.push('\n');
    if std::env::var_os("NORMALIZE_DATA").is_some() {
        std::fs::write(path, &normal).unwrap();
        return;
    }
    assert!(
        on_disk == normal,
        "data/questionnaire.json is not in the model's form: run NORMALIZE_DATA=1 cargo test --test normalize_data"
    );
}
