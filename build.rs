//! Build-time facts about the built-in questionnaire, so the page need not compute them:
//! its content digest (RFC 8785 canonical JSON, SHA-256), which the report shows and
//! files carry. A test checks it equals the digest the core computes.

use sha2::{Digest, Sha256};

fn main() {
    let path = "data/questionnaire.json";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).expect("data/questionnaire.json is readable");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("data/questionnaire.json is JSON");
    let canonical =
        serde_json_canonicalizer::to_vec(&value).expect("the questionnaire canonicalizes");
    let digest = format!("sha256:{}", hex::encode(Sha256::digest(&canonical)));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set"))
        .join("builtin_digest.rs");
    std::fs::write(
        out,
        format!("/// Content digest of the built-in questionnaire, computed at build time.\npub const BUILTIN_DIGEST: &str = {digest:?};\n"),
    )
    .expect("OUT_DIR is writable");
}
