//! The buyer's command line: `verify` and `compare` on real files, with exit statuses.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use vendor_readiness::answers::AnswerValue;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::buyer_profile::{self, BuyerProfile};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::questionnaire::Questionnaire;
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

fn recent() -> String {
    (OffsetDateTime::now_utc() - Duration::days(10))
        .replace_nanosecond(0)
        .unwrap()
        .format(&Rfc3339)
        .unwrap()
}

fn assessment(org: &str, weak: bool) -> Assessment {
    let q = Questionnaire::builtin();
    let mut a = Assessment {
        answers: common::all_best(q),
        ..Default::default()
    };
    if weak {
        a.answers
            .set_value("sbom.inventory", Some(AnswerValue::Choice("no".into())));
    }
    a.profile.organisation = org.into();
    a.profile.products = format!("{org} product");
    a
}

fn sealed(org: &str, weak: bool, seed: Option<u8>) -> Value {
    let key = seed.map(|n| KeyFile::from_seed([n; 32]).signing_key().unwrap());
    let file = score_file::seal(
        Questionnaire::builtin(),
        &assessment(org, weak),
        "test",
        &recent(),
        key.as_ref(),
    );
    serde_json::to_value(file).unwrap()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Three files: a strong signed vendor, a weak signed vendor, a strong unsigned vendor.
fn good_files(dir: &Path) -> Vec<String> {
    vec![
        write(
            dir,
            "acme.json",
            &sealed("Acme", false, Some(1)).to_string(),
        ),
        write(dir, "beta.json", &sealed("Beta", true, Some(2)).to_string()),
        write(dir, "gamma.json", &sealed("Gamma", false, None).to_string()),
    ]
}

fn tampered(dir: &Path) -> String {
    let mut doc = sealed("Delta", true, Some(3));
    doc["content"]["answers"]["sbom.inventory"]["value"] = json!("yes");
    write(dir, "delta.json", &doc.to_string())
}

fn profile_file(dir: &Path) -> String {
    let q = Questionnaire::builtin();
    let profile = BuyerProfile {
        name: "Tender".into(),
        min_levels: [("sbom".to_owned(), 2)].into(),
        min_overall: Some(3.0),
        forbidden_gates: vec!["no-component-inventory".into()],
        pinned_keys: [(
            "Acme".to_owned(),
            KeyFile::from_seed([1; 32]).key_fingerprint,
        )]
        .into(),
        ..Default::default()
    };
    profile.validate(q).unwrap();
    write(dir, "profile.json", &buyer_profile::to_json(&profile))
}

fn args<'a>(first: &[&'a str], files: &'a [String]) -> Vec<&'a str> {
    first
        .iter()
        .copied()
        .chain(files.iter().map(String::as_str))
        .collect()
}

#[test]
fn verify_passes_intact_files_signed_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let files = good_files(dir.path());
    let (code, stdout, stderr) = cli(&args(&["verify"], &files));
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l.starts_with("OK ")), "{stdout}");
    assert!(lines[0].contains("acme.json") && lines[0].contains("signature valid, key sha256:"));
    assert!(lines[2].contains("gamma.json") && lines[2].contains("unsigned"));

    // Unsigned counts as OK only until a signature is required.
    let (code, stdout, _) = cli(&args(&["verify", "--require-signature"], &files));
    assert_eq!(code, Some(1));
    assert!(stdout.lines().nth(2).unwrap().starts_with("FLAGGED"));
}

#[test]
fn verify_flags_a_tampered_file_and_refuses_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good_files(dir.path());
    files.push(tampered(dir.path()));
    files.push(write(dir.path(), "broken.json", "{\"format\": "));
    let (code, stdout, stderr) = cli(&args(&["verify"], &files));
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stderr.contains("2 of 5 files not OK"), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[3].starts_with("FLAGGED") && lines[3].contains("delta.json"));
    assert!(
        lines[3].contains("content was changed after sealing"),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains("signature is invalid: signature does not match the content"),
        "{}",
        lines[3]
    );
    assert!(lines[4].starts_with("REFUSED") && lines[4].contains("not a JSON file"));

    let (code, stdout, _) = cli(&args(&["verify", "--json"], &files));
    assert_eq!(code, Some(1));
    let reports: Value = serde_json::from_str(&stdout).unwrap();
    let statuses: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ok", "ok", "ok", "flagged", "refused"]);
    assert_eq!(reports[3]["integrity"]["state"], "mismatch");
    assert_eq!(reports[3]["signature"]["state"], "invalid");
    assert!(reports[4]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON file"));
}

#[test]
fn compare_in_every_format_applies_the_profile_and_lists_refused_files() {
    let dir = tempfile::tempdir().unwrap();
    let profile = profile_file(dir.path());
    let mut files = good_files(dir.path());
    files.push(write(dir.path(), "empty.json", ""));
    // Acme passes; Beta fails on SBOM, overall and the gate; Gamma is strong and
    // unsigned, which this profile allows.
    let expected = ["pass", "fail", "pass", "refused"];

    let (code, stdout, stderr) = cli(&args(
        &["compare", "--profile", &profile, "--format", "csv"],
        &files,
    ));
    assert_eq!(code, Some(0), "{stderr}");
    let records = common::parse_csv(&stdout);
    assert_eq!(records.len(), 5);
    let verdict = records[0].iter().position(|h| h == "Verdict").unwrap();
    let reasons = records[0].iter().position(|h| h == "Reasons").unwrap();
    let got: Vec<&str> = records[1..].iter().map(|r| r[verdict].as_str()).collect();
    assert_eq!(got, expected);
    assert!(records[2][reasons].contains("critical gate fired"));
    assert!(records[4][0].ends_with("empty.json"));
    assert_eq!(records[4][reasons], "file is empty");

    let (code, stdout, _) = cli(&args(
        &["compare", "--profile", &profile, "--format", "json"],
        &files,
    ));
    assert_eq!(code, Some(0));
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["verdict"]["pass"], true);
    assert_eq!(rows[0]["key_pin"]["state"], "matches");
    assert_eq!(rows[1]["verdict"]["pass"], false);
    assert!(rows[1]["verdict"]["reasons"]
        .as_array()
        .unwrap()
        .contains(&json!("overall score 2.0 is below the minimum 3.0")));
    assert_eq!(rows[1]["levels"]["sbom"], 0);
    assert_eq!(rows[1]["gates"], json!(["no-component-inventory"]));
    assert_eq!(rows[3]["status"], "refused");
    assert_eq!(rows[3]["error"], "file is empty");

    let (code, stdout, _) = cli(&args(&["compare", "--profile", &profile], &files));
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("Vendor") && lines[0].contains("intake"));
    assert!(lines[0].ends_with("Verdict"));
    assert!(lines[1].starts_with("Acme / Acme product") && lines[1].ends_with("PASS"));
    assert!(lines[1].contains("valid, key pin matches"), "{}", lines[1]);
    assert!(lines[2].starts_with("Beta") && lines[2].ends_with("FAIL"));
    assert!(lines[2].contains("L0"));
    assert!(stdout.contains("REFUSED") && stdout.contains("file is empty"));
    assert!(stdout.contains("critical gate fired: No inventory of third-party components"));
    // Columns line up: every row has "Overall" values ending at the same position.
    let end = lines[0].find("Overall").unwrap() + "Overall".len();
    assert_eq!(&lines[1][end - 3..end], "4.0");
    assert_eq!(&lines[2][end - 3..end], "2.0");
}

#[test]
fn compare_without_a_profile_checks_verification_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good_files(dir.path());
    files.push(tampered(dir.path()));
    let (code, stdout, _) = cli(&args(&["compare", "--format", "json"], &files));
    assert_eq!(code, Some(0));
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let pass: Vec<bool> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["verdict"]["pass"].as_bool().unwrap())
        .collect();
    assert_eq!(pass, [true, true, true, false]);
}

#[test]
fn a_bad_profile_stops_compare_with_a_reason_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let files = good_files(dir.path());
    let bad = write(
        dir.path(),
        "bad-profile.json",
        r#"{"format": "vendor-readiness-buyer-profile", "format_version": 1,
            "min_levels": {"payroll": 2}}"#,
    );
    let (code, stdout, stderr) = cli(&args(&["compare", "--profile", &bad], &files));
    assert_ne!(code, Some(0));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("bad-profile.json") && stderr.contains("unknown domain id \"payroll\""),
        "{stderr}"
    );
    let (code, _, stderr) = cli(&args(
        &["compare", "--profile", "/nonexistent/p.json"],
        &files,
    ));
    assert_ne!(code, Some(0));
    assert!(stderr.contains("/nonexistent/p.json"));
}

/// Many files are verified on every core; the output keeps the order the files were given
/// in, so a refused or flagged file's line is at its own position, in every format.
#[test]
fn many_files_keep_their_input_order_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let signed = sealed("Acme", false, Some(1)).to_string();
    let unsigned = sealed("Gamma", false, None).to_string();
    let mut tampered_doc = sealed("Delta", true, Some(3));
    tampered_doc["content"]["answers"]["sbom.inventory"]["value"] = json!("yes");
    let tampered = tampered_doc.to_string();
    // Position → (content, expected `verify` status, expected `compare` verdict).
    let special: [(usize, &str, &str, &str); 6] = [
        (0, "{\"format\": ", "REFUSED", "refused"),
        (7, &tampered, "FLAGGED", "fail"),
        (123, "", "REFUSED", "refused"),
        (250, &tampered, "FLAGGED", "fail"),
        (251, "[1, 2", "REFUSED", "refused"),
        (499, &tampered, "FLAGGED", "fail"),
    ];
    let n = 500;
    let files: Vec<String> = (0..n)
        .map(|i| {
            let content = special.iter().find(|s| s.0 == i).map_or(
                if i % 2 == 0 {
                    signed.as_str()
                } else {
                    unsigned.as_str()
                },
                |s| s.1,
            );
            write(dir.path(), &format!("file-{i:03}.json"), content)
        })
        .collect();
    let expected = |i: usize| special.iter().find(|s| s.0 == i);
    let name = |i: usize| format!("file-{i:03}.json");

    let (code, stdout, stderr) = cli(&args(&["verify"], &files));
    assert_eq!(code, Some(1));
    assert!(stderr.contains("6 of 500 files not OK"), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), n);
    for (i, line) in lines.iter().enumerate() {
        let status = expected(i).map_or("OK", |s| s.2);
        assert!(
            line.starts_with(&format!("{status:<8} ")) && line.contains(&name(i)),
            "line {i}: {line}"
        );
    }
    // A file's line reads as it does when the file is verified on its own.
    for i in [0, 1, 7, 123, 251, 498, 499] {
        let (_, alone, _) = cli(&["verify", &files[i]]);
        assert_eq!(
            format!("{}\n", lines[i]).trim_end(),
            alone.trim_end(),
            "line {i}"
        );
    }

    let (_, stdout, _) = cli(&args(&["verify", "--json"], &files));
    let reports: Value = serde_json::from_str(&stdout).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), n);
    for (i, r) in reports.iter().enumerate() {
        assert!(r["file"].as_str().unwrap().ends_with(&name(i)), "{i}");
        let status = expected(i).map_or("ok", |s| match s.2 {
            "REFUSED" => "refused",
            _ => "flagged",
        });
        assert_eq!(r["status"], status, "{i}");
    }

    let (code, stdout, _) = cli(&args(&["compare", "--format", "csv"], &files));
    assert_eq!(code, Some(0));
    let records = common::parse_csv(&stdout);
    assert_eq!(records.len(), n + 1);
    let verdict = records[0].iter().position(|h| h == "Verdict").unwrap();
    for (i, record) in records[1..].iter().enumerate() {
        assert!(record[0].ends_with(&name(i)), "{i}: {}", record[0]);
        assert_eq!(record[verdict], expected(i).map_or("pass", |s| s.3), "{i}");
    }

    let (_, stdout, _) = cli(&args(&["compare", "--format", "json"], &files));
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), n);
    for (i, row) in rows.iter().enumerate() {
        assert!(row["file"].as_str().unwrap().ends_with(&name(i)), "{i}");
        let refused = expected(i).is_some_and(|s| s.3 == "refused");
        assert_eq!(row["status"], if refused { "refused" } else { "evaluated" });
    }

    // The table: one row per loaded file, then the notes in input order.
    let (_, stdout, _) = cli(&args(&["compare"], &files));
    let notes: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("FAIL ") || l.starts_with("REFUSED "))
        .collect();
    let noted: Vec<usize> = special.iter().map(|s| s.0).collect();
    assert_eq!(notes.len(), noted.len(), "{stdout}");
    for (note, i) in notes.iter().zip(noted) {
        assert!(note.contains(&name(i)), "{i}: {note}");
    }
    let rows = stdout
        .lines()
        .filter(|l| l.ends_with("PASS") || l.ends_with("FAIL"))
        .count();
    assert_eq!(rows, n - 3);
}
