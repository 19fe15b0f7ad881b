//! Build-time facts about the built-in questionnaire, so the page need not compute them:
//! - its content digest (RFC 8785 canonical JSON, SHA-256), which the report shows and
//!   files carry (a test checks it equals the digest the core computes);
//! - the data without its pretty-printing, as the verifier and the CLI embed it;
//! - the page's data: the same without the changelog, the migration rules and the gates'
//!   justifications, which only the verifier and the CLI read.

use std::path::Path;

use sha2::{Digest, Sha256};

fn write(dir: &Path, name: &str, content: &str) {
    std::fs::write(dir.join(name), content).expect("OUT_DIR is writable");
}

fn main() {
    let path = "data/questionnaire.json";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).expect("data/questionnaire.json is readable");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("data/questionnaire.json is JSON");
    let canonical =
        serde_json_canonicalizer::to_vec(&value).expect("the questionnaire canonicalizes");
    let digest = format!("sha256:{}", hex::encode(Sha256::digest(&canonical)));
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set");
    let out = Path::new(&out);

    write(out, "questionnaire.min.json", &value.to_string());

    let mut page = value.clone();
    if let Some(obj) = page.as_object_mut() {
        obj.insert("changelog".into(), serde_json::Value::Array(Vec::new()));
        obj.remove("migrations");
        if let Some(gates) = obj.get_mut("gates").and_then(|g| g.as_array_mut()) {
            for gate in gates.iter_mut().filter_map(|g| g.as_object_mut()) {
                gate.remove("justification");
            }
        }
    }
    write(out, "questionnaire.page.json", &page.to_string());

    write(
        out,
        "builtin_digest.rs",
        &format!(
            "/// Content digest of the built-in questionnaire, computed at build time.\n\
             pub const BUILTIN_DIGEST: &str = {digest:?};\n"
        ),
    );
}
