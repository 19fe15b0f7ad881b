//! The buyer's evidence check: files the vendor sent, hashed on the buyer's machine,
//! matched to the local-file evidence a verified score file records.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/interop.rs"]
mod fixtures;

use fixtures::{fixture, q, rich_assessment, sealed, verified, POLICY_PDF, SBOM_JSON};
use vendor_readiness::answers::{Evidence, FileEvidence};
use vendor_readiness::core::evidence::{self, GivenFile, Outcome};
use vendor_readiness::integrity::StreamingSha256;

/// A file as the page or the CLI gives it: hashed in chunks.
fn given(name: &str, bytes: &[u8]) -> GivenFile {
    let mut h = StreamingSha256::new();
    for chunk in bytes.chunks(5) {
        h.update(chunk);
    }
    GivenFile {
        name: name.into(),
        size: h.len(),
        sha256: h.finish(),
    }
}

#[test]
fn the_streamed_hash_is_the_one_the_vendor_recorded() {
    let recorded = FileEvidence::from_bytes("VDP policy v2.pdf", POLICY_PDF);
    let g = given("VDP policy v2.pdf", POLICY_PDF);
    assert_eq!((g.size, g.sha256), (recorded.size, recorded.sha256));
}

#[test]
fn matches_mismatches_unreferenced_files_and_what_is_still_missing() {
    let v = verified(&sealed(&rich_assessment(), "2025-05-01T09:30:00Z", Some(2)));
    let report = evidence::check(
        q(),
        &v,
        &[
            given("VDP policy v2.pdf", POLICY_PDF),
            given("sbom.cdx.json", b"{\"tampered\": true}"),
            given("holiday.jpg", b"\xff\xd8\xff"),
        ],
    );
    assert_eq!(
        report.recorded, 2,
        "the policy is cited twice but is one file"
    );
    let labels: Vec<&str> = report.files.iter().map(|f| f.outcome.label()).collect();
    assert_eq!(labels, ["match", "different content", "not referenced"]);
    assert!(!report.all_match());

    let Outcome::Match { recorded, renamed } = &report.files[0].outcome else {
        panic!("a match")
    };
    assert!(!renamed);
    assert_eq!(recorded.questions(), ["intake.vdp", "intake.safe_harbor"]);
    let cited: Vec<&str> = recorded
        .references
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(cited, ["Policy (PDF)", "Safe harbour clause, same PDF"]);

    let Outcome::DifferentContent { expected } = &report.files[1].outcome else {
        panic!("a mismatch")
    };
    assert_eq!(expected.len(), 1);
    assert_eq!(
        expected[0].sha256,
        FileEvidence::from_bytes("x", SBOM_JSON).sha256
    );
    assert_eq!(expected[0].questions(), ["sbom.per_release"]);

    // The SBOM was sent with other content, so it is still missing.
    assert_eq!(report.missing.len(), 1);
    assert_eq!(report.missing[0].names(), ["sbom.cdx.json"]);
    assert_eq!(report.missing[0].size, SBOM_JSON.len() as u64);
}

#[test]
fn content_decides_a_match_whatever_the_name() {
    let v = verified(&sealed(&rich_assessment(), "2025-05-01T09:30:00Z", None));
    let report = evidence::check(
        q(),
        &v,
        &[
            // Renamed by a mail client: still the recorded content.
            given("VDP policy v2 (1).pdf", POLICY_PDF),
            // The SBOM's content under the policy's name: the content is the SBOM.
            given("VDP policy v2.pdf", SBOM_JSON),
            // Case differs from the recorded name: not renamed.
            given("SBOM.CDX.JSON", SBOM_JSON),
        ],
    );
    assert!(report.all_match());
    assert!(report.missing.is_empty());
    let renamed: Vec<bool> = report
        .files
        .iter()
        .map(|f| match &f.outcome {
            Outcome::Match { renamed, .. } => *renamed,
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(renamed, [true, true, false]);
    // A name that differs only in case, with other content, is a mismatch.
    let report = evidence::check(q(), &v, &[given("vdp POLICY v2.PDF", b"other")]);
    assert_eq!(report.files[0].outcome.label(), "different content");
}

#[test]
fn hostile_and_odd_inputs() {
    let mut a = rich_assessment();
    // Two recorded files with the same name and different content, and an empty name.
    a.answers.entry_mut("triage.owner").evidence = vec![
        Evidence {
            label: "Old SBOM".into(),
            url: None,
            file: Some(FileEvidence::from_bytes("sbom.cdx.json", b"old")),
        },
        Evidence {
            label: "Unnamed".into(),
            url: None,
            file: Some(FileEvidence::from_bytes("", b"")),
        },
    ];
    let v = verified(&sealed(&a, "2025-05-01T09:30:00Z", None));
    let huge = GivenFile {
        name: "disk.img".into(),
        size: u64::MAX,
        sha256: "f".repeat(64),
    };
    let report = evidence::check(
        q(),
        &v,
        &[
            given("sbom.cdx.json", b"neither"),
            given("", b""),
            given("", b""),
            huge.clone(),
            given("\u{202e}fdp.exe", b"x"),
        ],
    );
    let Outcome::DifferentContent { expected } = &report.files[0].outcome else {
        panic!("a mismatch")
    };
    assert_eq!(
        expected.len(),
        2,
        "both recorded files of that name are expected"
    );
    // The empty file is recorded (under an empty name) and given twice: both match.
    assert_eq!(report.files[1].outcome.label(), "match");
    assert_eq!(report.files[2].outcome.label(), "match");
    assert_eq!(report.files[3].outcome.label(), "not referenced");
    assert_eq!(report.files[3].file, huge);
    assert_eq!(report.files[4].outcome.label(), "not referenced");
    assert_eq!(report.recorded, 4);
    assert_eq!(report.missing.len(), 3);
    // No files given: nothing matches, everything is missing.
    let none = evidence::check(q(), &v, &[]);
    assert!(!none.all_match());
    assert_eq!(none.missing.len(), 4);
    // An upper-case hash from elsewhere still matches.
    let mut upper = given("x", POLICY_PDF);
    upper.sha256 = upper.sha256.to_uppercase();
    assert_eq!(
        evidence::check(q(), &v, &[upper]).files[0].outcome.label(),
        "match"
    );
}

#[test]
fn a_migrated_1_0_0_file_is_checked_under_its_current_question_ids() {
    let v = verified(&fixture("score-1.0.0-mid-signed.json"));
    let report = evidence::check(
        q(),
        &v,
        &[given("vdp-2026.pdf", b"%PDF-1.7 example policy bytes")],
    );
    assert!(report.all_match());
    let Outcome::Match { recorded, .. } = &report.files[0].outcome else {
        panic!("a match")
    };
    assert_eq!(recorded.questions(), ["intake.vdp"]);
    assert!(report.missing.is_empty());
    // A file that records no local evidence: whatever is given is not referenced.
    let none = verified(&fixture("score-1.0.0-high-signed.json"));
    let report = evidence::check(q(), &none, &[given("vdp-2026.pdf", b"x")]);
    assert_eq!(report.recorded, 0);
    assert_eq!(report.files[0].outcome, Outcome::NotReferenced);
}
