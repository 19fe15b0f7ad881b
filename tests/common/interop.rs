//! Assessments and files shared by the interop tests (exports, evidence check, progress,
//! and their CLI commands).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use vendor_readiness::answers::{AnswerValue, Evidence, FileEvidence};
use vendor_readiness::assessment::{Assessment, VendorProfile};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::core::verify::{self, VerifiedScore};
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;

use crate::common::all_best;

pub fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

/// The bytes of the two evidence files the rich assessment records.
pub const POLICY_PDF: &[u8] = b"%PDF-1.7 vulnerability disclosure policy, version 2";
pub const SBOM_JSON: &[u8] = br#"{"bomFormat":"CycloneDX","specVersion":"1.6"}"#;

pub fn profile() -> VendorProfile {
    VendorProfile {
        organisation: "Acme Health IT".into(),
        products: "Acme PACS\nAcme Portal".into(),
        versions: "4.x and 5.x".into(),
        security_contact: "security@acme.example".into(),
        vdp_url: "https://acme.example/security/vdp".into(),
        security_txt_url: "https://acme.example/.well-known/security.txt".into(),
        assessor: "Dana Smith".into(),
        assessment_date: "2025-05-01".into(),
    }
}

fn set(a: &mut Assessment, id: &str, value: Value) {
    let value: AnswerValue = serde_json::from_value(value).unwrap();
    a.answers.set_value(id, Some(value));
}

/// A 2.0.0 assessment with every kind of answer: full, partial and no credit, not
/// applicable, unanswered, hidden, out of scope for the context; notes; link evidence and
/// local files, one of them cited by two questions.
pub fn rich_assessment() -> Assessment {
    let q = q();
    let mut a = Assessment {
        profile: profile(),
        answers: all_best(q),
    };
    set(&mut a, "context.deployment", "on_premises".into());
    set(&mut a, "context.cra", "eu_in_scope".into());
    a.answers.set_value("remediation.all_tenants", None); // out of scope on premises
    set(&mut a, "intake.monitored", "partly".into());
    set(&mut a, "triage.playbook", "no".into());
    set(&mut a, "sbom.inventory", "no".into()); // hides sbom.monitoring, fires a gate
    set(&mut a, "supply_chain.contract_disclosure", "n/a".into());
    set(&mut a, "exploited.time_to_warn", "n/a".into());
    a.answers.set_value("governance.budget", None); // unanswered
    a.answers.entry_mut("intake.channel").notes =
        "Reports go to security@acme.example.\nTriaged every working day.".into();
    a.answers.entry_mut("intake.vdp").evidence = vec![
        Evidence::from_link("Published policy", "https://acme.example/security/vdp").unwrap(),
        Evidence {
            label: "Policy (PDF)".into(),
            url: None,
            file: Some(FileEvidence::from_bytes("VDP policy v2.pdf", POLICY_PDF)),
        },
    ];
    a.answers.entry_mut("intake.safe_harbor").evidence = vec![Evidence {
        label: "Safe harbour clause, same PDF".into(),
        url: None,
        file: Some(FileEvidence::from_bytes("VDP policy v2.pdf", POLICY_PDF)),
    }];
    a.answers.entry_mut("sbom.per_release").evidence = vec![Evidence {
        label: "SBOM of 5.2".into(),
        url: None,
        file: Some(FileEvidence::from_bytes("sbom.cdx.json", SBOM_JSON)),
    }];
    a
}

/// Test signing keys.
pub fn key(seed: u8) -> ed25519_dalek::SigningKey {
    KeyFile::from_seed([seed; 32]).signing_key().unwrap()
}

/// A sealed score file's bytes.
pub fn sealed(a: &Assessment, created: &str, key_seed: Option<u8>) -> Vec<u8> {
    let key = key_seed.map(key);
    let file = score_file::seal(q(), a, "test", created, key.as_ref());
    serde_json::to_vec_pretty(&file).unwrap()
}

/// A sealed file, verified through the loader.
pub fn verified(bytes: &[u8]) -> VerifiedScore {
    verify::load_score(bytes, q()).expect("the file verifies")
}

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1.0.0")
        .join(name)
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}
