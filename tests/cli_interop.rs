//! The `export`, `evidence` and `progress` commands on real files, with exit statuses and
//! bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/interop.rs"]
mod fixtures;
#[path = "common/schemas.rs"]
mod schemas;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use fixtures::{
    fixture, fixture_path, q, rich_assessment, sealed, verified, POLICY_PDF, SBOM_JSON,
};
use serde_json::Value;
use sha2::{Digest, Sha256};
use vendor_readiness::answers::AnswerValue;
use vendor_readiness::export::cyclonedx::cdxa;
use vendor_readiness::export::oscal::assessment_results;
use vendor_readiness::export::ExportInput;
use vendor_readiness::score_file;

fn cli(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vendor-readiness"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn export_prints_the_core_documents_for_score_and_answers_files() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = sealed(&rich_assessment(), "2025-05-01T09:30:00Z", Some(5));
    let score = write(dir.path(), "acme.readiness.json", &bytes);
    let input = ExportInput::from_verified(&verified(&bytes));
    let now = time::OffsetDateTime::now_utc();

    let (code, stdout, stderr) = cli(&["export", "--format", "cyclonedx", &score]);
    assert_eq!(code, Some(0), "{stderr}");
    let cdx: Value = serde_json::from_str(&stdout).unwrap();
    schemas::assert_valid(&schemas::cyclonedx(), &cdx, "the CLI's CycloneDX");
    assert_eq!(
        cdx,
        cdxa(q(), &input, now),
        "a score file exports the same bytes"
    );

    let (code, stdout, _) = cli(&["export", "--format", "oscal", &score]);
    assert_eq!(code, Some(0));
    let ar: Value = serde_json::from_str(&stdout).unwrap();
    schemas::assert_valid(&schemas::oscal_assessment_results(), &ar, "the CLI's OSCAL");
    assert_eq!(ar, assessment_results(q(), &input, now));

    // An answers file (here a 1.0.0 one, migrated) exports too.
    let answers = fixture_path("answers-1.0.0-mid.json");
    let (code, stdout, stderr) = cli(&["export", "--format", "oscal", answers.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let ar: Value = serde_json::from_str(&stdout).unwrap();
    schemas::assert_valid(
        &schemas::oscal_assessment_results(),
        &ar,
        "an answers file's OSCAL",
    );
    assert!(stdout.contains("\"questionnaire-answered-version\""));
}

#[test]
fn export_refuses_bad_input_with_a_message_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(dir.path(), "broken.json", b"{\"format\": ");
    let (code, stdout, stderr) = cli(&["export", "--format", "cyclonedx", &broken]);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty());
    assert!(stderr.contains("broken.json: not a JSON file"), "{stderr}");

    let big = write(dir.path(), "big.json", &vec![b' '; 3 * 1024 * 1024]);
    let (code, _, stderr) = cli(&["export", "--format", "oscal", &big]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("the limit is 2097152 bytes"), "{stderr}");

    let key = fixture_path("signing-key-1.0.0.json");
    let (code, _, stderr) = cli(&["export", "--format", "oscal", key.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("not a Vendor Security Readiness file"),
        "{stderr}"
    );

    let (code, _, stderr) = cli(&["export", "--format", "spdx", &broken]);
    assert_eq!(code, Some(2), "clap refuses an unknown format");
    assert!(
        stderr.contains("cyclonedx") && stderr.contains("oscal"),
        "{stderr}"
    );
}

/// Writes the rich assessment's score file and its two evidence files.
fn evidence_setup(dir: &Path) -> (String, String, String) {
    let score = write(
        dir,
        "acme.readiness.json",
        &sealed(&rich_assessment(), "2025-05-01T09:30:00Z", Some(5)),
    );
    let policy = write(dir, "VDP policy v2.pdf", POLICY_PDF);
    let sbom = write(dir, "sbom.cdx.json", SBOM_JSON);
    (score, policy, sbom)
}

#[test]
fn evidence_lists_each_file_then_what_is_missing_and_exits_1_unless_all_match() {
    let dir = tempfile::tempdir().unwrap();
    let (score, policy, _) = evidence_setup(dir.path());
    let changed = write(dir.path(), "SBOM.cdx.json", b"{\"edited\": true}");
    let other = write(dir.path(), "holiday.jpg", b"\xff\xd8\xff");
    let gone = dir.path().join("gone.pdf");
    let (code, stdout, _) = cli(&[
        "evidence",
        &score,
        &policy,
        &changed,
        &other,
        gone.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].contains("acme.readiness.json: OK"), "{stdout}");
    assert!(lines[0].ends_with("it records 2 local files"), "{stdout}");
    assert!(lines[1].starts_with("MATCH             \"VDP policy v2.pdf\"  51 bytes  cited by intake.vdp \"Policy (PDF)\", intake.safe_harbor"), "{stdout}");
    assert!(
        lines[2].starts_with("DIFFERENT CONTENT \"SBOM.cdx.json\"  16 bytes, sha256 "),
        "{stdout}"
    );
    let sbom_hash = hex::encode(Sha256::digest(SBOM_JSON));
    assert!(
        lines[2].contains(&format!(
            "the score file records {} bytes, sha256 {sbom_hash} (cited by sbom.per_release",
            SBOM_JSON.len()
        )),
        "{stdout}"
    );
    assert!(
        lines[3].starts_with("NOT REFERENCED    \"holiday.jpg\"  3 bytes, sha256 "),
        "{stdout}"
    );
    assert!(
        lines[4].starts_with("UNREADABLE") && lines[4].contains("gone.pdf"),
        "{stdout}"
    );
    assert!(
        lines[5].starts_with("MISSING           \"sbom.cdx.json\"  45 bytes, sha256 "),
        "{stdout}"
    );
    assert!(
        lines[5].ends_with("cited by sbom.per_release \"SBOM of 5.2\""),
        "{stdout}"
    );
    assert_eq!(lines.len(), 6);

    let (code, stdout, _) = cli(&[
        "evidence",
        "--json",
        &score,
        &policy,
        gone.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["score_file"]["status"], "ok");
    assert_eq!(report["files"][0]["outcome"], "match");
    assert_eq!(report["files"][0]["file"]["size"], 51);
    assert_eq!(report["files"][1]["outcome"], "unreadable");
    assert_eq!(report["missing"][0]["sha256"], sbom_hash);
    assert_eq!(report["recorded"], 2);
    assert_eq!(report["all_match"], false);
}

#[test]
fn evidence_exits_0_when_every_file_matches_a_sound_score_file() {
    let dir = tempfile::tempdir().unwrap();
    let (score, policy, sbom) = evidence_setup(dir.path());
    let (code, stdout, stderr) = cli(&["evidence", &score, &sbom, &policy]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains("MISSING"));

    // The same files against a tampered copy: they still match, but the record they
    // match cannot be trusted, so the command fails.
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&score).unwrap()).unwrap();
    file["content"]["profile"]["organisation"] = "Someone Else".into();
    let tampered = write(dir.path(), "tampered.json", file.to_string().as_bytes());
    let (code, stdout, _) = cli(&["evidence", &tampered, &sbom, &policy]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.lines().next().unwrap().contains(": FLAGGED ("),
        "{stdout}"
    );
    assert_eq!(stdout.matches("\nMATCH ").count(), 2);
}

#[test]
fn evidence_files_are_hashed_in_chunks_whatever_their_size() {
    let dir = tempfile::tempdir().unwrap();
    // Larger than any score file may be, and not a multiple of the 64 KiB chunk.
    let path = dir.path().join("big.bin");
    let mut f = std::fs::File::create(&path).unwrap();
    let block: Vec<u8> = (0..=255u8).cycle().take(1_000_003).collect();
    let mut hasher = Sha256::new();
    for _ in 0..5 {
        f.write_all(&block).unwrap();
        hasher.update(&block);
    }
    drop(f);
    let mut a = rich_assessment();
    a.answers.entry_mut("secdev.ci_checks").evidence = vec![vendor_readiness::answers::Evidence {
        label: "CI logs".into(),
        url: None,
        file: Some(vendor_readiness::answers::FileEvidence {
            name: "big.bin".into(),
            size: 5_000_015,
            sha256: hex::encode(hasher.finalize()),
        }),
    }];
    let score = write(
        dir.path(),
        "s.json",
        &sealed(&a, "2025-05-01T09:30:00Z", None),
    );
    let (code, stdout, _) = cli(&["evidence", "--json", &score, path.to_str().unwrap()]);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["files"][0]["outcome"], "match", "{stdout}");
    assert_eq!(report["files"][0]["file"]["size"], 5_000_015);
    assert_eq!(report["all_match"], true);
    assert_eq!(
        code,
        Some(0),
        "files recorded but not given do not fail the check"
    );
    assert_eq!(report["missing"].as_array().unwrap().len(), 2);
}

#[test]
fn evidence_refuses_an_unusable_score_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, policy, _) = evidence_setup(dir.path());
    let answers = write(
        dir.path(),
        "answers.json",
        &serde_json::to_vec(&score_file::answers_file(q(), &rich_assessment())).unwrap(),
    );
    let (code, stdout, stderr) = cli(&["evidence", &answers, &policy]);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("answers.json: this is an answers file"),
        "{stderr}"
    );
    let (code, _, stderr) = cli(&["evidence", &answers]);
    assert_eq!(
        code,
        Some(2),
        "at least one evidence file is required: {stderr}"
    );
}

#[test]
fn progress_prints_what_changed_across_questionnaire_versions() {
    let dir = tempfile::tempdir().unwrap();
    let old = fixture_path("score-1.0.0-mid-signed.json");
    let old_v = verified(&fixture("score-1.0.0-mid-signed.json"));
    let mut a = vendor_readiness::assessment::Assessment {
        profile: old_v.content.profile.clone(),
        answers: old_v.content.answers.clone(),
    };
    a.answers
        .set_value("remediation.critical_days", Some(AnswerValue::Number(5.0)));
    let new = write(
        dir.path(),
        "new.json",
        &sealed(&a, "2026-12-01T10:00:00Z", Some(9)),
    );
    let (code, stdout, stderr) = cli(&["progress", old.to_str().unwrap(), &new]);
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "Example Health Systems / ChartWise EHR");
    assert!(lines[1].starts_with("older: ") && lines[1].contains("questionnaire 1.0.0, OK; answers questionnaire 1.0.0 (overall 1.7 under it); migrated"), "{stdout}");
    assert!(
        lines[2].starts_with("newer: ")
            && lines[2].contains(&format!(
                "questionnaire {}, OK",
                vendor_readiness::questionnaire::Questionnaire::builtin().version
            )),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  Remediation and patch delivery"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("  remediation.critical_days  365 calendar days (0) -> 5 calendar days (1)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  remediation.sla_measured  No (hidden) -> No (0)"),
        "{stdout}"
    );

    let (code, stdout, _) = cli(&["progress", "--json", old.to_str().unwrap(), &new]);
    assert_eq!(code, Some(0));
    let p: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(p["older"]["questionnaire_version"], "1.0.0");
    assert_eq!(p["answers"][0]["question"], "remediation.critical_days");
    assert_eq!(p["answers"][0]["credit_after"], 1.0);
}

#[test]
fn progress_refuses_wrong_order_other_vendors_and_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = rich_assessment();
    let jan = write(
        dir.path(),
        "jan.json",
        &sealed(&a, "2025-01-10T09:00:00Z", None),
    );
    let feb = write(
        dir.path(),
        "feb.json",
        &sealed(&a, "2025-02-10T09:00:00Z", None),
    );
    let (code, stdout, stderr) = cli(&["progress", &feb, &jan]);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty());
    assert!(stderr.contains("give the older file first"), "{stderr}");

    let other = fixture_path("score-1.0.0-high-signed.json");
    let (code, _, stderr) = cli(&["progress", other.to_str().unwrap(), &feb]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("organisation \"Northwind Clinical\" vs \"Acme Health IT\"; products \"ChartWise EHR\" vs \"Acme PACS\\u{a}Acme Portal\""),
        "{stderr}"
    );

    let empty = write(dir.path(), "empty.json", b"  ");
    let (code, _, stderr) = cli(&["progress", &jan, &empty]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("empty.json: file is empty"), "{stderr}");
}

/// Every hostile corpus file the loader refuses is refused by `export` with the loader's
/// own message on one line, and nothing on standard output.
#[test]
fn export_refuses_every_refused_corpus_file_with_the_loaders_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut refused = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("profile-") || name == "EXPECTED.json" {
            continue;
        }
        let Err(error) = vendor_readiness::core::open::load(&std::fs::read(&path).unwrap(), q())
        else {
            continue;
        };
        refused += 1;
        let (code, stdout, stderr) = cli(&["export", "--format", "oscal", path.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{name}");
        assert!(stdout.is_empty(), "{name}");
        assert_eq!(
            stderr,
            format!("vendor-readiness: {}: {error}\n", path.display()),
            "{name}"
        );
    }
    assert!(refused >= 100, "{refused}");
}
