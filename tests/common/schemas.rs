//! Offline validators for the vendored CycloneDX 1.6 and OSCAL 1.1.3 JSON schemas
//! (`tests/schemas/`, see its README), built with `jsonschema` (`default-features = false`:
//! nothing is ever fetched; an unresolvable `$ref` or an unknown format fails the build of
//! the validator instead of passing silently).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use jsonschema::{Draft, Registry, Validator};
use serde_json::Value;

/// `$id`s of the two schemas `bom-1.6.schema.json` refers to by relative `$ref`; they
/// resolve against its own `$id`, so the files are registered under these URIs.
const CDX_SPDX_ID: &str = "http://cyclonedx.org/schema/spdx.schema.json";
const CDX_JSF_ID: &str = "http://cyclonedx.org/schema/jsf-0.82.schema.json";

/// `tests/schemas/`, from the main crate's tests or from the end-to-end crate's
/// (`tests/e2e/`, which includes this file too).
fn schemas_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = manifest.join("tests/schemas");
    if here.is_dir() {
        here
    } else {
        manifest.join("../schemas")
    }
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The validator of CycloneDX 1.6 BOMs, attestations (`declarations`, `definitions`)
/// included.
pub fn cyclonedx() -> Validator {
    let dir = schemas_dir().join("cyclonedx-1.6");
    let registry = Registry::new()
        .add(CDX_SPDX_ID, load(&dir.join("spdx.schema.json")))
        .and_then(|b| b.add(CDX_JSF_ID, load(&dir.join("jsf-0.82.schema.json"))))
        .and_then(|b| b.prepare())
        .expect("CycloneDX registry");
    jsonschema::options()
        .with_draft(Draft::Draft7)
        .with_registry(&registry)
        .offline()
        .should_validate_formats(true)
        // Without the crate's `idna` feature "idn-email" would be an unknown format;
        // check it with the built-in "email" check, non-ASCII characters masked.
        .with_format("idn-email", idn_email_check())
        .should_ignore_unknown_formats(false)
        .build(&load(&dir.join("bom-1.6.schema.json")))
        .expect("CycloneDX schema compiles")
}

/// The validator of OSCAL 1.1.3 assessment-results documents (the schema is
/// self-contained).
pub fn oscal_assessment_results() -> Validator {
    let schema = load(
        &schemas_dir()
            .join("oscal-1.1.3")
            .join("oscal_assessment-results_schema.json"),
    );
    jsonschema::options()
        .with_draft(Draft::Draft7)
        .offline()
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(&schema)
        .expect("OSCAL schema compiles")
}

/// An approximation of "idn-email": the ASCII "email" check with every non-ASCII
/// character masked as `a` (non-ASCII domain labels are not checked against IDNA).
fn idn_email_check() -> impl Fn(&str) -> bool + Send + Sync + 'static {
    let email = jsonschema::options()
        .should_validate_formats(true)
        .build(&serde_json::json!({"type": "string", "format": "email"}))
        .expect("email format validator");
    move |s: &str| {
        let masked: String = s
            .chars()
            .map(|c| if c.is_ascii() { c } else { 'a' })
            .collect();
        email.is_valid(&Value::String(masked))
    }
}

/// Every error as "`/instance/path`: message", for assertion messages.
pub fn errors(validator: &Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Panics with every error when `doc` is not valid.
pub fn assert_valid(validator: &Validator, doc: &Value, what: &str) {
    let errors = errors(validator, doc);
    assert!(
        errors.is_empty(),
        "{what} is not valid ({} errors):\n{}",
        errors.len(),
        errors
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A vendored sample document (`tests/schemas/samples/`).
pub fn sample(name: &str) -> Value {
    load(&schemas_dir().join("samples").join(name))
}
