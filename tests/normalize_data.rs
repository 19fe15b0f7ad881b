//! `NORMALIZE_DATA=1 cargo test --test normalize_data` rewrites data/questionnaire.json
//! exactly as the model writes it (member order, defaults), so the file's own digest and
//! the digest the core computes are one. Without the variable it checks that the file is
//! already in that form.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use vendor_readiness::questionnaire::{Questionnaire, BUILTIN_JSON};

#[test]
fn the_data_file_is_written_as_the_model_writes_it() {
    let q = Questionnaire::from_json(BUILTIN_JSON).expect("valid data");
    let mut normal = serde_json::to_string_pretty(&q).unwrap();
    normal.push('\n');
    if std::env::var_os("NORMALIZE_DATA").is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/questionnaire.json");
        std::fs::write(path, &normal).unwrap();
        return;
    }
    assert!(
        BUILTIN_JSON == normal,
        "data/questionnaire.json is not in the model's form: run NORMALIZE_DATA=1 cargo test --test normalize_data"
    );
}
