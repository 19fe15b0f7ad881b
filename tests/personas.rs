//! Golden personas: six realistic vendors as answers files (`tests/personas/`), with the
//! levels a PSIRT lead would expect. `docs/personas.md` gives each vendor's story and the
//! reasoning behind its levels; this test holds the questionnaire to them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use serde_json::Value;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::questionnaire::Questionnaire;
use vendor_readiness::core::scoring::{self, Score};

const DOMAINS: [&str; 10] = [
    "intake",
    "triage",
    "remediation",
    "advisories",
    "exploited",
    "sbom",
    "secdev",
    "incident",
    "governance",
    "supply_chain",
];

/// (file, levels in `DOMAINS` order, overall, gates fired).
const EXPECTED: [(&str, [u8; 10], f64, &[&str]); 6] = [
    (
        "a-ehr-2014-no-process",
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        0.0,
        &[
            "no-reporting-channel",
            "no-report-ownership",
            "no-exploited-warning",
            "no-component-inventory",
        ],
    ),
    (
        "b-saas-startup-vdp",
        [2, 1, 2, 0, 0, 1, 1, 2, 1, 1],
        1.2,
        &[],
    ),
    (
        "c-enterprise-ehr-cna-csaf",
        [3, 4, 2, 4, 2, 3, 3, 3, 4, 3],
        3.0,
        &[],
    ),
    (
        "d-device-maker-fda-524b",
        [1, 4, 2, 3, 4, 2, 1, 3, 2, 1],
        2.4,
        &[],
    ),
    (
        "e-eu-manufacturer-cra",
        [2, 2, 2, 2, 3, 2, 2, 2, 2, 2],
        2.1,
        &[],
    ),
    (
        "f-open-source-based-vendor",
        [1, 1, 1, 2, 0, 2, 1, 0, 1, 3],
        1.1,
        &[],
    ),
];

fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

fn path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/personas/{name}.answers.json"))
}

/// The persona's answers file, claiming the current questionnaire (the files carry a
/// placeholder digest so content edits need not rewrite them), read through the same
/// loader as any file.
fn bytes(name: &str) -> Vec<u8> {
    let mut doc: Value = serde_json::from_slice(&std::fs::read(path(name)).unwrap()).unwrap();
    doc["questionnaire"]["version"] = q().version.clone().into();
    doc["questionnaire"]["digest"] = q().digest().into();
    serde_json::to_vec(&doc).unwrap()
}

fn score_of(name: &str) -> Score {
    let loaded = open::load(&bytes(name), q()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let Loaded::Answers(a) = loaded else {
        panic!("{name} is an answers file")
    };
    scoring::score(q(), &a.file.answers)
}

#[test]
fn every_persona_gets_the_levels_a_psirt_lead_expects() {
    for (name, levels, overall, gates) in EXPECTED {
        let s = score_of(name);
        let got: Vec<u8> = DOMAINS.iter().map(|d| s.domain(d).unwrap().level).collect();
        assert_eq!(got, levels, "{name}: levels");
        assert_eq!(s.overall, overall, "{name}: overall");
        let fired: Vec<&str> = s.gates.iter().map(|g| g.gate.as_str()).collect();
        assert_eq!(fired, gates, "{name}: gates");
    }
    assert_eq!(
        q().domains
            .iter()
            .map(|d| d.id.as_ref())
            .collect::<Vec<_>>(),
        DOMAINS,
        "the table follows the questionnaire's domains"
    );
}

#[test]
fn every_persona_answers_every_question_shown_to_it() {
    for (name, ..) in EXPECTED {
        let s = score_of(name);
        // Number targets a vendor honestly does not have are left blank (with a note).
        let loaded = open::load(&bytes(name), q()).unwrap();
        let answers = loaded.into_assessment().answers;
        let statuses = scoring::evaluate(q(), &answers);
        for (id, status) in &statuses {
            if status.is_shown() && answers.value(id).is_none() {
                let entry = answers.0.get(id);
                assert!(
                    entry.is_some_and(|e| !e.notes.is_empty()),
                    "{name}: {id} is shown, unanswered and unexplained"
                );
            }
        }
        for c in q().context.iter() {
            assert!(answers.value(&c.id).is_some(), "{name}: {} answered", c.id);
        }
        assert!(s.shown > 0);
    }
}

#[test]
fn the_cli_scores_a_persona_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.answers.json");
    std::fs::write(&file, bytes("c-enterprise-ehr-cna-csaf")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vendor-readiness"))
        .arg("score")
        .arg(&file)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["result"]["overall"], 3.0);
}
