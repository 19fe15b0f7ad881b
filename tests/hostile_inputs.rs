//! Hostile inputs. A committed corpus of bad score, answers and buyer-profile files
//! (`tests/hostile/`, expected outcomes in `tests/hostile/EXPECTED.json`) is run through
//! the loaders and the `vendor-readiness score` command; oversized and very deep files
//! are generated at test time; property tests feed arbitrary bytes and mutations of a
//! sealed file to the loader. Nothing may panic, every refusal is one clean line, and
//! whatever loads must re-score within the model's bounds.
//!
//! File names route the corpus: `profile-*` files go to `profile_file::load_profile`,
//! everything else (`score-*`, `answers-*`, `raw-*`) to `open::load`.
//!
//! The corpus, the fuzzer's seeds (`fuzz/seeds/`) and its dictionary
//! (`fuzz/dict/score-file.dict`) are written by the ignored test `regenerate_corpus`;
//! after a questionnaire or format change rebuild them with
//! `cargo test --test hostile_inputs -- --ignored regenerate_corpus`, review the diff and
//! commit it. `docs/fuzzing.md` describes the corpus and the fuzzer.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use serde_json::{json, Value};

use vendor_readiness::answers::{AnswerEntry, AnswerValue, Evidence, FileEvidence};
use vendor_readiness::assessment::{Assessment, VendorProfile};
use vendor_readiness::buyer_profile::{self, BuyerProfile};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::verify::{IntegrityState, VerifiedScore};
use vendor_readiness::integrity::{self, SignatureState};
use vendor_readiness::questionnaire::{Questionnaire, MAX_LEVEL};
use vendor_readiness::score_file::{self, MAX_FILE_BYTES};
use vendor_readiness::scoring::{self, Score};

const CREATED: &str = "2026-11-28T00:00:00Z";
const EXPECTED: &str = "EXPECTED.json";
const REGENERATE: &str = "cargo test --test hostile_inputs -- --ignored regenerate_corpus";

fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

/// The built-in questionnaire's version with its patch number one higher: a version this
/// app has not seen yet.
fn newer_version() -> String {
    let (rest, patch) = q().version.rsplit_once('.').expect("MAJOR.MINOR.PATCH");
    format!("{rest}.{}", patch.parse::<u64>().expect("a number") + 1)
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

// ---------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------

/// What a loader made of some bytes, in the shape of an `EXPECTED.json` entry
/// (`{"loads": {...}}`), or the refusal message.
fn outcome(name: &str, bytes: &[u8]) -> Result<Value, String> {
    if name.starts_with("profile-") {
        return buyer_profile::load_profile(bytes, q())
            .map(|_| json!({"loads": {"kind": "profile"}}))
            .map_err(|e| e.to_string());
    }
    match open::load(bytes, q()).map_err(|e| e.to_string())? {
        Loaded::Answers(file) => {
            check_score(&scoring::score(q(), &file.file.answers));
            check_reseal(&Loaded::Answers(file).into_assessment());
            Ok(json!({"loads": {"kind": "answers"}}))
        }
        Loaded::Score(v) => {
            check_verified(&v);
            Ok(json!({"loads": verdict(&v)}))
        }
    }
}

fn verdict(v: &VerifiedScore) -> Value {
    let mut out = serde_json::Map::new();
    let integrity = match v.integrity {
        IntegrityState::Intact => "intact",
        IntegrityState::Mismatch { .. } => "mismatch",
    };
    out.insert("integrity".into(), integrity.into());
    let signature = match &v.signature {
        SignatureState::Unsigned => "unsigned",
        SignatureState::Valid { .. } => "valid",
        SignatureState::Invalid { reason, .. } => {
            out.insert("reason".into(), reason.as_str().into());
            "invalid"
        }
    };
    out.insert("signature".into(), signature.into());
    out.insert("edited".into(), v.edited.into());
    if let Some(old) = &v.migrated_from {
        out.insert("migrated_from".into(), old.as_str().into());
    }
    Value::Object(out)
}

/// Characters that must never reach a message shown to a user: controls (including
/// line breaks, so a message stays one line) and bidirectional formatting characters.
fn is_unsafe_in_message(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A refusal message is non-empty, one line, and free of control and bidi characters.
fn message_problem(message: &str) -> Option<String> {
    if message.trim().is_empty() {
        return Some("the message is empty".into());
    }
    if let Some(c) = message.chars().find(|&c| is_unsafe_in_message(c)) {
        return Some(format!(
            "the message contains the raw character U+{:04X}: {message:?}",
            u32::from(c)
        ));
    }
    None
}

/// Bounds every result must respect, whatever the input.
fn check_score(s: &Score) {
    let q = q();
    let max = f64::from(MAX_LEVEL);
    assert!((0.0..=max).contains(&s.overall), "overall {}", s.overall);
    assert!((0.0..=max).contains(&s.overall_before_cap));
    assert!(s.overall <= s.overall_before_cap);
    assert_eq!(s.domains.len(), q.domains.len());
    for (d, dom) in s.domains.iter().zip(q.domains.iter()) {
        assert_eq!(d.domain, dom.id);
        assert!(d.level <= MAX_LEVEL && d.criteria_level <= MAX_LEVEL);
        assert!(d.level <= d.criteria_level);
        assert!(d.answered <= d.shown);
    }
    let mut cap: Option<u8> = None;
    for fired in &s.gates {
        let gate = q
            .gates
            .iter()
            .find(|g| g.id == fired.gate)
            .expect("a fired gate exists in the questionnaire");
        for (domain, &limit) in &gate.domain_caps {
            let level = s.domain(domain).expect("capped domain is scored").level;
            assert!(level <= limit, "{} caps {domain} at {limit}", gate.id);
        }
        if let Some(m) = gate.overall_max {
            assert!(s.overall <= f64::from(m), "{} caps overall at {m}", gate.id);
            cap = Some(cap.map_or(m, |c| c.min(m)));
        }
    }
    assert_eq!(s.overall_cap, cap);
}

/// Invariants of a loaded score file, and a re-seal round trip: whatever loads can be
/// sealed again (as the app does when a vendor imports and re-downloads) and reloads
/// intact.
fn check_verified(v: &VerifiedScore) {
    check_score(&v.recomputed);
    assert_eq!(scoring::score(q(), &v.content.answers), v.recomputed);
    let flagged = !matches!(v.integrity, IntegrityState::Intact)
        || matches!(v.signature, SignatureState::Invalid { .. })
        || v.edited;
    assert_eq!(
        v.status(Default::default()) == vendor_readiness::core::verify::Status::Ok,
        !flagged
    );
    let a = Assessment {
        profile: v.content.profile.clone(),
        answers: v.content.answers.clone(),
    };
    check_reseal(&a);
}

fn check_reseal(a: &Assessment) {
    let bytes = serde_json::to_vec(&score_file::seal(q(), a, "test", CREATED, None)).unwrap();
    if bytes.len() > MAX_FILE_BYTES {
        return;
    }
    match open::load(&bytes, q()) {
        Ok(Loaded::Score(r)) => assert!(
            r.status(Default::default()) == vendor_readiness::core::verify::Status::Ok,
            "a re-sealed file is flagged"
        ),
        other => panic!("a re-sealed file does not reload: {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------

fn corpus_files() -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/hostile exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name != EXPECTED {
            out.insert(name, std::fs::read(&path).unwrap());
        }
    }
    out
}

fn expected() -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(corpus_dir().join(EXPECTED)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Checks one outcome against its expectation; `None` when it holds.
fn mismatch(name: &str, expect: &Value, got: &Result<Value, String>) -> Option<String> {
    match (expect.get("refused").and_then(Value::as_str), got) {
        (Some(want), Err(message)) if message.contains(want) => {
            message_problem(message).map(|p| format!("{name}: refused, but {p}"))
        }
        (Some(want), Err(message)) => Some(format!(
            "{name}: refused with {message:?}, expected a message containing {want:?}"
        )),
        (Some(want), Ok(v)) => Some(format!("{name}: loads as {v}, expected refusal {want:?}")),
        (None, Ok(v)) if v == expect => None,
        (None, got) => Some(format!("{name}: got {got:?}, expected {expect}")),
    }
}

#[test]
fn the_corpus_is_large_and_fully_described() {
    let files = corpus_files();
    let expected = expected();
    assert!(files.len() >= 30, "only {} corpus files", files.len());
    let missing: Vec<_> = files
        .keys()
        .filter(|n| !expected.contains_key(*n))
        .collect();
    let stale: Vec<_> = expected
        .keys()
        .filter(|n| !files.contains_key(*n))
        .collect();
    assert!(missing.is_empty(), "no expectation for {missing:?}");
    assert!(stale.is_empty(), "expectations for absent files {stale:?}");
    for kind in ["score-", "answers-", "profile-", "raw-"] {
        assert!(files.keys().any(|n| n.starts_with(kind)), "no {kind} files");
    }
    let big = files.iter().filter(|(_, b)| b.len() > 1024 * 1024);
    assert_eq!(big.count(), 0, "commit only small files; generate big ones");
}

#[test]
fn every_corpus_file_has_exactly_its_expected_outcome() {
    let expected = expected();
    let mut failures = Vec::new();
    for (name, bytes) in corpus_files() {
        let Some(expect) = expected.get(&name) else {
            continue;
        };
        let got = std::panic::catch_unwind(|| outcome(&name, &bytes));
        match got {
            Err(_) => failures.push(format!("{name}: PANIC")),
            Ok(got) => failures.extend(mismatch(&name, expect, &got)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus file(s) misbehave (if the questionnaire changed, run `{REGENERATE}`):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn raw_junk_is_refused_by_the_profile_loader_too() {
    for (name, bytes) in corpus_files() {
        if !name.starts_with("raw-") {
            continue;
        }
        let message = buyer_profile::load_profile(&bytes, q())
            .expect_err(&name)
            .to_string();
        assert_eq!(message_problem(&message), None, "{name}");
    }
}

/// Runs `vendor-readiness score FILE`: exit success, stdout, stderr. A panic (exit
/// status 101) or a death by signal fails the calling test at once.
fn cli_score(path: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vendor-readiness"))
        .arg("score")
        .arg(path)
        .output()
        .expect("the CLI runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "the CLI crashed ({}) on {}: {}",
        out.status,
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Problems with a refusal as the CLI reports it.
fn cli_refusal_problem(name: &str, stdout: &str, stderr: &str, want: &str) -> Option<String> {
    let line = stderr.strip_suffix('\n').unwrap_or(stderr);
    if !stdout.is_empty() {
        return Some(format!("{name}: the CLI printed to stdout on refusal"));
    }
    if !line.starts_with("vendor-readiness: ") || !line.contains(want) {
        return Some(format!("{name}: CLI stderr {line:?} lacks {want:?}"));
    }
    message_problem(line).map(|p| format!("{name}: CLI stderr is not one clean line: {p}"))
}

#[test]
fn the_cli_refuses_or_scores_every_corpus_file_as_expected() {
    let expected = expected();
    let mut failures = Vec::new();
    for name in corpus_files().keys() {
        let path = corpus_dir().join(name);
        let (ok, stdout, stderr) = cli_score(&path);
        let expect = &expected[name];
        // The CLI reads score and answers files, not buyer profiles: a profile file is
        // refused (one clean line) unless its bytes happen to be a score file.
        if name.starts_with("profile-") {
            if !ok {
                failures.extend(cli_refusal_problem(name, &stdout, &stderr, ""));
            }
            continue;
        }
        match expect.get("refused").and_then(Value::as_str) {
            Some(_) if ok => failures.push(format!("{name}: the CLI exits 0 on a refused file")),
            Some(want) => failures.extend(cli_refusal_problem(name, &stdout, &stderr, want)),
            None if !ok => failures.push(format!("{name}: the CLI fails: {stderr}")),
            None => {
                let report: Value = serde_json::from_str(&stdout).expect("the CLI prints JSON");
                if let Some(verdict) = expect["loads"].get("integrity").map(|_| &expect["loads"]) {
                    let v = &report["verification"];
                    let same = v["integrity"]["state"] == verdict["integrity"]
                        && v["signature"]["state"] == verdict["signature"]
                        && v["edited"] == verdict["edited"];
                    if !same {
                        failures.push(format!("{name}: the CLI reports {v}, expected {verdict}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Score files arrive as e-mail attachments or downloads, so their names are the
/// sender's choice too: the name the CLI echoes must not carry controls either.
#[test]
fn the_cli_does_not_echo_raw_controls_from_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme\u{1b}[2J\u{202e}nosj.json");
    std::fs::write(&path, b"not json").unwrap();
    let (ok, stdout, stderr) = cli_score(&path);
    assert!(!ok);
    assert_eq!(
        cli_refusal_problem("name", &stdout, &stderr, "not a JSON file"),
        None
    );
}

#[test]
fn fifty_megabytes_are_refused_as_too_large_by_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.readiness.json");
    // A plausible start, so only the size can be the reason.
    let mut bytes = br#"{"format":"vendor-readiness-score","format_version":1,"pad":""#.to_vec();
    bytes.resize(50 * 1024 * 1024 - 2, b'a');
    bytes.extend_from_slice(b"\"}");
    std::fs::write(&path, &bytes).unwrap();
    let size = bytes.len();
    assert_eq!(size, 52_428_800);

    let err = open::load(&bytes, q()).unwrap_err().to_string();
    assert_eq!(
        err,
        format!("file is {size} bytes; the limit is 2097152 bytes")
    );
    let err = buyer_profile::load_profile(&bytes, q())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("file is 52428800 bytes; the limit is 262144 bytes"),
        "{err}"
    );

    let (ok, stdout, stderr) = cli_score(&path);
    assert!(!ok, "the CLI accepts a 50 MB file");
    let want = "file is 52428800 bytes; the limit is 2097152 bytes";
    assert_eq!(cli_refusal_problem("huge", &stdout, &stderr, want), None);
}

#[test]
fn the_size_limits_are_exact() {
    // A genuine file padded with trailing white space to exactly the limit still loads.
    let text = String::from_utf8(pretty(&sealed(&base(), Some(7)))).unwrap();
    let mut bytes = text.into_bytes();
    bytes.resize(MAX_FILE_BYTES, b' ');
    assert!(
        matches!(open::load(&bytes, q()), Ok(Loaded::Score(v)) if v.status(Default::default()) == vendor_readiness::core::verify::Status::Ok)
    );
    bytes.push(b' ');
    let err = open::load(&bytes, q()).unwrap_err().to_string();
    assert!(err.starts_with("file is 2097153 bytes"), "{err}");

    let mut bytes = buyer_profile::to_json(&buyer()).into_bytes();
    bytes.resize(buyer_profile::MAX_PROFILE_BYTES, b'\n');
    assert!(buyer_profile::load_profile(&bytes, q()).is_ok());
    bytes.push(b'\n');
    assert!(buyer_profile::load_profile(&bytes, q()).is_err());
}

#[test]
fn a_hundred_thousand_levels_of_objects_are_refused_before_parsing() {
    let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let err = open::load(deep.as_bytes(), q()).unwrap_err().to_string();
    assert!(err.contains("nested deeper than 32 levels"), "{err}");
    // 600 kB: the profile loader refuses it on size before it looks at depth.
    let err = buyer_profile::load_profile(deep.as_bytes(), q())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("file is 600001 bytes"), "{err}");
    let deep = format!("{}1{}", "{\"a\":".repeat(40_000), "}".repeat(40_000));
    let err = buyer_profile::load_profile(deep.as_bytes(), q())
        .unwrap_err()
        .to_string();
    assert!(err.contains("nested deeper than 8 levels"), "{err}");
}

#[test]
fn script_payloads_load_as_text_and_are_never_links() {
    let bytes = std::fs::read(corpus_dir().join("score-html-in-every-text-field.json")).unwrap();
    let Ok(Loaded::Score(v)) = open::load(&bytes, q()) else {
        panic!("the HTML file does not load")
    };
    assert!(v.content.profile.organisation.contains("<script>"));
    for entry in v.content.answers.0.values() {
        for ev in &entry.evidence {
            assert_eq!(ev.link(), None, "{:?} would be rendered as a link", ev.url);
        }
    }
}

/// Corpus files copied to `fuzz/seeds/` as the fuzzer's starting points.
const SEEDS: &[&str] = &[
    "answers-valid.json",
    "score-html-in-every-text-field.json",
    "score-result-edited-resealed-signed.json",
    "score-signature-weak-key.json",
    "score-valid-signed.json",
    "score-valid-unsigned.json",
    "score-digest-mismatch-answer-edited.json",
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// A libFuzzer dictionary: member names, fixed values, tricky tokens and every id of the
/// built-in questionnaire.
fn fuzz_dictionary() -> String {
    let mut tokens: Vec<String> = [
        "format",
        "format_version",
        "content",
        "integrity",
        "signature",
        "questionnaire",
        "profile",
        "answers",
        "result",
        "app_version",
        "created",
        "vendor-readiness-score",
        "vendor-readiness-answers",
        "algorithm",
        "canonicalization",
        "digest",
        "sha-256",
        "RFC8785",
        "ed25519",
        "public_key",
        "key_fingerprint",
        "value",
        "sha256:",
        "organisation",
        "products",
        "versions",
        "security_contact",
        "vdp_url",
        "security_txt_url",
        "assessor",
        "assessment_date",
        "notes",
        "evidence",
        "label",
        "url",
        "file",
        "name",
        "size",
        "sha256",
        "guide",
        "overall",
        "overall_before_cap",
        "overall_cap",
        "domains",
        "gates",
        "answered",
        "shown",
        "domain",
        "level",
        "criteria_level",
        "capped_by",
        "progress",
        "earned",
        "possible",
        "met",
        "missing",
        "question",
        "reason",
        "gate",
        "triggered_by",
        "pending",
        "unanswered",
        "not_met",
        "hidden",
        "yes",
        "partly",
        "no",
        "n/a",
        "1.0.0",
        "0.9.0",
        "2.0.0",
    ]
    .iter()
    .map(|t| format!("\"{t}\""))
    .collect();
    for raw in [
        "null",
        "true",
        "false",
        "-0",
        "1e999",
        "1.0",
        "18446744073709551615",
    ] {
        tokens.push(raw.into());
    }
    for esc in ["\\u0000", "\\u001b", "\\u202e", "\\u2066", "\\ud800"] {
        tokens.push(format!("\"{esc}\""));
    }
    let q = q();
    tokens.push(format!("\"{}\"", q.id));
    for d in q.domains.iter() {
        tokens.push(format!("\"{}\"", d.id));
        for question in d.questions.iter() {
            tokens.push(format!("\"{}\"", question.id));
            for (id, _, _) in question.answer.options_worst_to_best() {
                tokens.push(format!("\"{id}\""));
            }
        }
    }
    tokens.extend(q.gates.iter().map(|g| format!("\"{}\"", g.id)));
    let mut seen = std::collections::BTreeSet::new();
    let mut out = String::from(
        "# libFuzzer dictionary for fuzz_targets/load_verify_rescore.rs. Generated by\n\
         # tests/hostile_inputs.rs (regenerate_corpus); do not edit by hand.\n",
    );
    for t in tokens.into_iter().filter(|t| seen.insert(t.clone())) {
        let escaped = t.replace('\\', "\\\\").replace('"', "\\\"");
        out.push_str(&format!("\"{escaped}\"\n"));
    }
    out
}

/// Writes the corpus, `EXPECTED.json`, the fuzzer's seeds and its dictionary. Ignored:
/// run it by hand (see the module docs) when the questionnaire or the formats change, and
/// review the diff before committing.
#[test]
#[ignore]
fn regenerate_corpus() {
    let dir = corpus_dir();
    let seeds = fuzz_dir().join("seeds");
    for d in [&dir, &seeds] {
        std::fs::create_dir_all(d).unwrap();
        for entry in std::fs::read_dir(d).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
    }
    let mut expected = BTreeMap::new();
    for (name, bytes, expect) in cases() {
        assert!(
            expected.insert(name.clone(), expect).is_none(),
            "{name} twice"
        );
        if SEEDS.contains(&name.as_str()) {
            std::fs::write(seeds.join(&name), &bytes).unwrap();
        }
        std::fs::write(dir.join(&name), bytes).unwrap();
    }
    let mut text = serde_json::to_string_pretty(&expected).unwrap();
    text.push('\n');
    std::fs::write(dir.join(EXPECTED), text).unwrap();
    let dict = fuzz_dir().join("dict");
    std::fs::create_dir_all(&dict).unwrap();
    std::fs::write(dict.join("score-file.dict"), fuzz_dictionary()).unwrap();
}

#[test]
fn the_committed_corpus_is_what_the_generator_writes() {
    let files = corpus_files();
    let expected = expected();
    let cases = cases();
    for (name, bytes, expect) in &cases {
        assert!(
            files.get(name) == Some(bytes) && expected.get(name) == Some(expect),
            "tests/hostile/{name} differs from the generator; run `{REGENERATE}`"
        );
    }
    assert_eq!(files.len(), cases.len(), "files not made by the generator");
    for seed in SEEDS {
        let committed = std::fs::read(fuzz_dir().join("seeds").join(seed)).ok();
        assert_eq!(
            committed.as_ref(),
            files.get(*seed),
            "fuzz/seeds/{seed}; run `{REGENERATE}`"
        );
    }
    let dict = std::fs::read_to_string(fuzz_dir().join("dict/score-file.dict")).ok();
    assert_eq!(
        dict,
        Some(fuzz_dictionary()),
        "fuzz/dict/score-file.dict; run `{REGENERATE}`"
    );
}

// ---------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------

const MARK: &str = "\"@@RAW@@\"";

fn key(n: u8) -> SigningKey {
    KeyFile::from_seed([n; 32]).signing_key().unwrap()
}

fn val(v: Value) -> AnswerValue {
    serde_json::from_value(v).unwrap()
}

/// A realistic assessment: every kind of answer, notes, both kinds of evidence.
fn base() -> Assessment {
    let mut a = Assessment {
        profile: VendorProfile {
            organisation: "Acme Medical Software Ltd".into(),
            products: "Acme PACS Viewer".into(),
            versions: "4.2 and later".into(),
            security_contact: "security@acme.example".into(),
            vdp_url: "https://acme.example/security/disclosure".into(),
            security_txt_url: "https://acme.example/.well-known/security.txt".into(),
            assessor: "Jane Doe, Product Security Lead".into(),
            assessment_date: "2026-11-28".into(),
        },
        ..Default::default()
    };
    let mut put = |id: &str, value: Option<Value>, notes: &str, evidence: Vec<Evidence>| {
        a.answers.0.insert(
            id.into(),
            AnswerEntry {
                value: value.map(val),
                notes: notes.into(),
                evidence,
            },
        );
    };
    put(
        "intake.channel",
        Some(json!("yes")),
        "",
        vec![Evidence {
            label: "Disclosure policy".into(),
            url: Some("https://acme.example/security/disclosure".into()),
            file: None,
        }],
    );
    put(
        "intake.monitored",
        Some(json!("yes")),
        "security@ is a ticket queue watched by the PSIRT on-call rota.",
        vec![],
    );
    put("intake.no_barriers", Some(json!("partly")), "", vec![]);
    put("intake.ack_target", Some(json!(5.0)), "", vec![]);
    put("intake.safe_harbor", None, "Legal is reviewing.", vec![]);
    put(
        "supply_chain.contract_disclosure",
        Some(json!("n/a")),
        "Every component is open source; no supplier builds or delivers any part.",
        vec![],
    );
    put(
        "triage.owner",
        Some(json!("yes")),
        "",
        vec![Evidence {
            label: "PSIRT charter".into(),
            url: None,
            file: Some(FileEvidence::from_bytes("psirt-charter-v3.pdf", b"charter")),
        }],
    );
    put(
        "advisories.notify_customers",
        Some(json!("advisory_each")),
        "",
        vec![],
    );
    a
}

fn with(f: impl FnOnce(&mut Assessment)) -> Assessment {
    let mut a = base();
    f(&mut a);
    a
}

fn sealed(a: &Assessment, seed: Option<u8>) -> Value {
    let k = seed.map(key);
    serde_json::to_value(score_file::seal(q(), a, "test", CREATED, k.as_ref())).unwrap()
}

/// Recomputes digest (and signature, with the key of `seed`) over the content as it is.
fn reseal(doc: &mut Value, seed: Option<u8>) {
    let canonical = integrity::canonical_bytes(&doc["content"]).unwrap();
    doc["integrity"]["digest"] = integrity::sha256_hex(&canonical).into();
    let obj = doc.as_object_mut().unwrap();
    match seed {
        Some(n) => {
            let block = integrity::sign(&key(n), &canonical);
            obj.insert("signature".into(), serde_json::to_value(block).unwrap());
        }
        None => {
            obj.remove("signature");
        }
    }
}

fn edit(mut doc: Value, f: impl FnOnce(&mut Value)) -> Value {
    f(&mut doc);
    doc
}

fn answers_doc(a: &Assessment) -> Value {
    serde_json::to_value(score_file::answers_file(q(), a)).unwrap()
}

fn buyer() -> BuyerProfile {
    BuyerProfile {
        name: "Imaging systems tender 2027".into(),
        min_levels: [("intake".into(), 2), ("triage".into(), 1)].into(),
        min_overall: Some(1.5),
        forbidden_gates: vec!["silent-fixes".into()],
        max_age_days: Some(365),
        require_signature: true,
        pinned_keys: [(
            "Acme Medical Software Ltd".into(),
            KeyFile::from_seed([7; 32]).key_fingerprint,
        )]
        .into(),
    }
}

fn buyer_doc(f: impl FnOnce(&mut BuyerProfile)) -> Value {
    let mut p = buyer();
    f(&mut p);
    serde_json::from_str(&buyer_profile::to_json(&p)).unwrap()
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(v).unwrap();
    s.push('\n');
    s.into_bytes()
}

/// The pretty text of `doc` with the value at `pointer` written as the raw token.
fn with_token(doc: &Value, pointer: &str, token: &str) -> Vec<u8> {
    let mut doc = doc.clone();
    *doc.pointer_mut(pointer).expect(pointer) = Value::String("@@RAW@@".into());
    let text = String::from_utf8(pretty(&doc)).unwrap();
    assert_eq!(text.matches(MARK).count(), 1);
    text.replace(MARK, token).into_bytes()
}

/// Replaces the first occurrence of `from`, which must be present.
fn splice(bytes: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains(from), "{from:?} not found");
    text.replacen(from, to, 1).into_bytes()
}

fn refused(message: &str) -> Value {
    json!({ "refused": message })
}

fn loads(integrity: &str, signature: &str, edited: bool) -> Value {
    json!({"loads": {"integrity": integrity, "signature": signature, "edited": edited}})
}

fn loads_invalid(integrity: &str, reason: &str, edited: bool) -> Value {
    json!({"loads": {
        "integrity": integrity, "signature": "invalid", "reason": reason, "edited": edited
    }})
}

fn loads_kind(kind: &str) -> Value {
    json!({"loads": {"kind": kind}})
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const JS_URL: &str = "javascript:alert(document.cookie)";

fn evidence_link(label: &str, url: &str) -> Evidence {
    Evidence {
        label: label.into(),
        url: Some(url.into()),
        file: None,
    }
}

fn evidence_file(label: &str, name: &str) -> Evidence {
    Evidence {
        label: label.into(),
        url: None,
        file: Some(FileEvidence::from_bytes(name, b"x")),
    }
}

/// Puts HTML/script payloads in every free-text field of an assessment.
fn html_everywhere(a: &mut Assessment) {
    let p = &mut a.profile;
    p.organisation = format!("{SCRIPT} Acme");
    p.products = IMG.into();
    p.versions = "\"><svg onload=alert(1)>".into();
    p.security_contact = "javascript:alert(1)".into();
    p.vdp_url = JS_URL.into();
    p.security_txt_url = format!("data:text/html,{SCRIPT}");
    p.assessor = "<iframe src=javascript:alert(1)></iframe>".into();
    p.assessment_date = "<b onmouseover=alert(1)>2026-11-28</b>".into();
    let entry = a.answers.entry_mut("intake.channel");
    entry.notes = format!("{SCRIPT}{IMG}<a href=\"{JS_URL}\">policy</a>");
    entry.evidence = vec![
        evidence_link(SCRIPT, JS_URL),
        evidence_link(IMG, "JaVaScRiPt:alert(1)"),
        evidence_link("vbscript", "vbscript:msgbox(1)"),
        evidence_file(SCRIPT, &format!("{IMG}.pdf")),
    ];
    a.answers.entry_mut("intake.monitored").notes = "{{7*7}} ${7*7} <%= 7*7 %>".into();
}

type Case = (String, Vec<u8>, Value);

/// Every corpus file with its expected outcome, written by hand (never by running the
/// loader), so the corpus tests the loader rather than recording it.
fn cases() -> Vec<Case> {
    let mut c: Vec<Case> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>, expect: Value| {
        c.push((name.to_owned(), bytes, expect));
    };
    let signed = sealed(&base(), Some(7));
    let unsigned = sealed(&base(), None);
    let signed_text = pretty(&signed);
    let ack = "/content/answers/intake.ack_target/value";

    // --- Baselines: genuine files, so a refusal elsewhere is about the hostile part.
    add(
        "score-valid-signed.json",
        signed_text.clone(),
        loads("intact", "valid", false),
    );
    add(
        "score-valid-unsigned.json",
        pretty(&unsigned),
        loads("intact", "unsigned", false),
    );
    add(
        "answers-valid.json",
        pretty(&answers_doc(&base())),
        loads_kind("answers"),
    );
    add(
        "answers-template.json",
        pretty(&serde_json::to_value(score_file::template(q())).unwrap()),
        loads_kind("answers"),
    );
    add(
        "profile-valid.json",
        pretty(&buyer_doc(|_| ())),
        loads_kind("profile"),
    );

    // --- Not JSON, truncated, empty.
    add("raw-empty.json", Vec::new(), refused("file is empty"));
    add(
        "raw-whitespace-only.json",
        b" \n\t\r\n   \n".to_vec(),
        refused("file is empty"),
    );
    add(
        "raw-plain-text.txt",
        b"hello, buyer\n".to_vec(),
        refused("not a JSON file"),
    );
    add(
        "raw-html-page.html",
        format!("<!doctype html><html><body>{SCRIPT}</body></html>\n").into_bytes(),
        refused("not a JSON file"),
    );
    add(
        "raw-pdf-header.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
        refused("not a JSON file"),
    );
    add(
        "raw-not-utf8.bin",
        (0u8..=255).rev().cycle().take(600).collect(),
        refused("not a JSON file: not UTF-8 text"),
    );
    let mut utf16 = vec![0xff, 0xfe];
    for unit in r#"{"format":"vendor-readiness-score"}"#.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    add("raw-utf16-with-bom.json", utf16, refused("not a JSON file"));
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(&signed_text);
    add("score-utf8-bom.json", bom, refused("not a JSON file"));
    add(
        "score-truncated.json",
        signed_text[..signed_text.len() / 2].to_vec(),
        refused("not a JSON file: EOF while parsing"),
    );
    let mut trailing = signed_text.clone();
    trailing.extend_from_slice(b"{\"format\":\"vendor-readiness-score\"}\n");
    add(
        "score-trailing-second-document.json",
        trailing,
        refused("not a JSON file: trailing characters"),
    );
    add(
        "score-raw-escape-byte-in-string.json",
        splice(
            signed_text.clone(),
            "Acme PACS Viewer",
            "Acme \u{1b}[2J PACS Viewer",
        ),
        refused("not a JSON file: control character"),
    );
    add(
        "score-lone-surrogate.json",
        splice(
            signed_text.clone(),
            "Acme PACS Viewer",
            "Acme \\ud800 PACS Viewer",
        ),
        refused("not a JSON file"),
    );
    add(
        "answers-truncated.json",
        pretty(&answers_doc(&base()))[..300].to_vec(),
        refused("not a JSON file: EOF while parsing"),
    );
    add(
        "profile-truncated.json",
        pretty(&buyer_doc(|_| ()))[..120].to_vec(),
        refused("not a JSON file"),
    );
    add("profile-empty.json", Vec::new(), refused("file is empty"));
    add(
        "profile-whitespace-only.json",
        b"\n\n  \t\n".to_vec(),
        refused("file is empty"),
    );
    add(
        "profile-not-json.txt",
        b"min_levels: all\n".to_vec(),
        refused("not a JSON file"),
    );

    // --- Nesting.
    let arrays = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    add(
        "raw-nested-arrays-100k.json",
        arrays.into_bytes(),
        refused("JSON is nested deeper than 32 levels"),
    );
    let objects = format!("{}null{}", "{\"\":".repeat(10_000), "}".repeat(10_000));
    add(
        "raw-nested-objects-10k.json",
        objects.into_bytes(),
        refused("JSON is nested deeper than 32 levels"),
    );
    let unclosed = "[{\"a\":".repeat(5_000);
    add(
        "raw-nested-unclosed-10k.json",
        unclosed.into_bytes(),
        refused("JSON is nested deeper than 32 levels"),
    );
    // Notes at depth 4, so an array nest of 28 reaches exactly 32 and one more 33.
    let notes = "/content/answers/intake.monitored/notes";
    let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    add(
        "score-nested-32-levels.json",
        with_token(&signed, notes, &nest(28)),
        refused("file structure is invalid: invalid type: sequence, expected a string"),
    );
    add(
        "score-nested-33-levels.json",
        with_token(&signed, notes, &nest(29)),
        refused("JSON is nested deeper than 32 levels"),
    );
    // Brackets inside strings do not count.
    let brackets = with(|a| a.answers.entry_mut("intake.monitored").notes = "[{".repeat(5000));
    add(
        "score-brackets-in-strings.json",
        pretty(&sealed(&brackets, Some(7))),
        loads("intact", "valid", false),
    );
    add(
        "profile-nested-9-levels.json",
        with_token(&buyer_doc(|_| ()), "/name", &nest(8)),
        refused("JSON is nested deeper than 8 levels"),
    );
    add(
        "profile-nested-arrays-10k.json",
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        refused("JSON is nested deeper than 8 levels"),
    );

    // --- Format and versions.
    add(
        "raw-top-level-array.json",
        b"[{\"format\":\"vendor-readiness-score\"}]".to_vec(),
        refused("not a Vendor Security Readiness file (format \"\")"),
    );
    add(
        "raw-top-level-string.json",
        b"\"vendor-readiness-score\"".to_vec(),
        refused("not a Vendor Security Readiness file"),
    );
    add(
        "raw-json-null.json",
        b"null".to_vec(),
        refused("not a Vendor Security Readiness file"),
    );
    add(
        "score-unknown-format.json",
        pretty(&edit(signed.clone(), |d| {
            d["format"] = json!("vendor-readiness-scores")
        })),
        refused("not a Vendor Security Readiness file (format \"vendor-readiness-scores\")"),
    );
    add(
        "score-format-missing.json",
        pretty(&edit(signed.clone(), |d| {
            d.as_object_mut().unwrap().remove("format");
        })),
        refused("not a Vendor Security Readiness file (format \"\")"),
    );
    add(
        "score-format-with-escape.json",
        pretty(&edit(signed.clone(), |d| {
            d["format"] = json!("\u{1b}[2Jvendor-readiness-score")
        })),
        refused("not a Vendor Security Readiness file"),
    );
    let version = |v: &str| with_token(&signed, "/format_version", v);
    add(
        "score-format-version-2.json",
        version("2"),
        refused("file format version 2 is not supported"),
    );
    add(
        "score-format-version-1.0.json",
        version("1.0"),
        refused("file format version 1.0 is not supported"),
    );
    add(
        "score-format-version-1e0.json",
        version("1e0"),
        refused("file format version 1.0 is not supported"),
    );
    add(
        "score-format-version-string.json",
        version("\"1\""),
        refused("file format version \"1\" is not supported"),
    );
    add(
        "score-format-version-negative.json",
        version("-1"),
        refused("file format version -1 is not supported"),
    );
    add(
        "score-format-version-huge.json",
        version("18446744073709551617"),
        refused("is not supported"),
    );
    add(
        "score-format-version-missing.json",
        pretty(&edit(signed.clone(), |d| {
            d.as_object_mut().unwrap().remove("format_version");
        })),
        refused("file format version missing is not supported"),
    );
    add(
        "answers-format-version-2.json",
        with_token(&answers_doc(&base()), "/format_version", "2"),
        refused("file format version 2 is not supported"),
    );
    let bp = buyer_doc(|_| ());
    add(
        "profile-unknown-format.json",
        pretty(&edit(bp.clone(), |d| {
            d["format"] = json!("vendor-readiness-score")
        })),
        refused("not a buyer profile file (format \"vendor-readiness-score\""),
    );
    add(
        "profile-format-version-2.json",
        with_token(&bp, "/format_version", "2"),
        refused("file format version 2 is not supported"),
    );
    add(
        "profile-format-version-1.0.json",
        with_token(&bp, "/format_version", "1.0"),
        refused("file format version 1.0 is not supported"),
    );
    add(
        "profile-format-version-string.json",
        with_token(&bp, "/format_version", "\"1\""),
        refused("file format version \"1\" is not supported"),
    );

    // --- Questionnaire identity.
    let questionnaire = |field: &str, value: &str, seed: Option<u8>| {
        edit(signed.clone(), |d| {
            d["content"]["questionnaire"][field] = json!(value);
            reseal(d, seed);
        })
    };
    add(
        "score-other-questionnaire-id.json",
        pretty(&questionnaire("id", "another-questionnaire", Some(7))),
        refused("file answers questionnaire \"another-questionnaire\", not \"vendor-security-readiness\""),
    );
    add(
        "score-newer-questionnaire-minor.json",
        pretty(&questionnaire("version", "2.1.0", Some(7))),
        refused("file answers questionnaire version 2.1.0, newer than this app's"),
    );
    add(
        "score-newer-questionnaire-major.json",
        pretty(&questionnaire("version", "3.0.0", None)),
        refused("newer than this app's"),
    );
    add(
        "score-older-questionnaire-unknown-minor.json",
        pretty(&questionnaire("version", "1.1.0", Some(7))),
        refused("file answers questionnaire version 1.1.0, which this app cannot migrate"),
    );
    add(
        "score-questionnaire-version-not-semver.json",
        pretty(&questionnaire("version", "1.0", None)),
        refused(
            "file structure is invalid: questionnaire version \"1.0\" is not MAJOR.MINOR.PATCH",
        ),
    );
    add(
        "score-questionnaire-version-overflow.json",
        pretty(&questionnaire("version", "99999999999999999999.0.0", None)),
        refused("is not MAJOR.MINOR.PATCH"),
    );
    add(
        "score-questionnaire-digest-mismatch.json",
        pretty(&questionnaire(
            "digest",
            &format!("sha256:{}", "0".repeat(64)),
            Some(7),
        )),
        refused(&format!(
            "file claims questionnaire version {} but its digest does not match",
            q().version
        )),
    );
    add(
        "score-older-questionnaire-unknown-version.json",
        pretty(&questionnaire("version", "0.9.0", Some(7))),
        refused("file answers questionnaire version 0.9.0, which this app cannot migrate"),
    );
    add(
        "answers-other-questionnaire-id.json",
        pretty(&edit(answers_doc(&base()), |d| {
            d["questionnaire"]["id"] = json!("iso-27001")
        })),
        refused("file answers questionnaire \"iso-27001\""),
    );
    add(
        "answers-newer-questionnaire.json",
        pretty(&edit(answers_doc(&base()), |d| {
            d["questionnaire"]["version"] = json!(newer_version())
        })),
        refused(&format!(
            "file answers questionnaire version {}, newer than this app's {}",
            newer_version(),
            q().version
        )),
    );

    // --- Duplicate member names.
    add(
        "score-duplicate-key-top-level.json",
        splice(
            signed_text.clone(),
            "{",
            "{\n  \"format\": \"vendor-readiness-answers\",",
        ),
        refused("not a JSON file: duplicate key \"format\""),
    );
    add(
        "score-duplicate-key-in-profile.json",
        splice(
            signed_text.clone(),
            "\"organisation\": ",
            "\"organisation\": \"Evil Corp\",\n      \"organisation\": ",
        ),
        refused("not a JSON file: duplicate key \"organisation\""),
    );
    add(
        "score-duplicate-key-in-answers.json",
        splice(
            signed_text.clone(),
            "\"intake.channel\": {",
            "\"intake.channel\": {\"value\": \"no\"},\n      \"intake.channel\": {",
        ),
        refused("not a JSON file: duplicate key \"intake.channel\""),
    );
    add(
        "score-duplicate-key-in-answer-entry.json",
        splice(
            signed_text.clone(),
            "\"value\": \"partly\"",
            "\"value\": \"yes\", \"value\": \"partly\"",
        ),
        refused("not a JSON file: duplicate key \"value\""),
    );
    add(
        "score-duplicate-key-in-signature.json",
        splice(
            signed_text.clone(),
            "\"algorithm\": \"ed25519\"",
            "\"algorithm\": \"none\", \"algorithm\": \"ed25519\"",
        ),
        refused("not a JSON file: duplicate key \"algorithm\""),
    );
    add(
        "answers-duplicate-key-in-answers.json",
        splice(
            pretty(&answers_doc(&base())),
            "\"intake.channel\": {",
            "\"intake.channel\": {\"value\": \"no\"},\n    \"intake.channel\": {",
        ),
        refused("not a JSON file: duplicate key \"intake.channel\""),
    );
    let bp_text = pretty(&bp);
    add(
        "profile-duplicate-key-top-level.json",
        splice(
            bp_text.clone(),
            "\"require_signature\": true",
            "\"require_signature\": false,\n  \"require_signature\": true",
        ),
        refused("not a JSON file: duplicate key \"require_signature\""),
    );
    add(
        "profile-duplicate-key-in-min-levels.json",
        splice(
            bp_text.clone(),
            "\"intake\": 2",
            "\"intake\": 0,\n    \"intake\": 2",
        ),
        refused("not a JSON file: duplicate key \"intake\""),
    );
    add(
        "profile-duplicate-key-in-pinned-keys.json",
        splice(
            bp_text.clone(),
            "\"Acme Medical Software Ltd\": ",
            &format!(
                "\"Acme Medical Software Ltd\": \"{}\",\n    \"Acme Medical Software Ltd\": ",
                KeyFile::from_seed([8; 32]).key_fingerprint
            ),
        ),
        refused("not a JSON file: duplicate key \"Acme Medical Software Ltd\""),
    );

    // --- Structure and types.
    add(
        "score-content-missing.json",
        pretty(&edit(signed.clone(), |d| {
            d.as_object_mut().unwrap().remove("content");
        })),
        refused("file structure is invalid: missing field `content`"),
    );
    add(
        "score-content-null.json",
        pretty(&edit(signed.clone(), |d| d["content"] = Value::Null)),
        refused("file structure is invalid: invalid type: null"),
    );
    add(
        "score-integrity-missing.json",
        pretty(&edit(signed.clone(), |d| {
            d.as_object_mut().unwrap().remove("integrity");
        })),
        refused("file structure is invalid: missing field `integrity`"),
    );
    add(
        "score-integrity-algorithm-md5.json",
        pretty(&edit(signed.clone(), |d| {
            d["integrity"]["algorithm"] = json!("md5")
        })),
        refused("integrity must use algorithm \"sha-256\""),
    );
    add(
        "score-unknown-top-level-member.json",
        pretty(&edit(signed.clone(), |d| d["trusted"] = json!(true))),
        refused("file structure is invalid: unknown field `trusted`"),
    );
    add(
        "score-wrong-type-profile-number.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["profile"]["organisation"] = json!(42);
            reseal(d, Some(7));
        })),
        refused("file structure is invalid: invalid type: integer `42`, expected a string"),
    );
    add(
        "score-wrong-type-answers-array.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"] = json!([{"value": "yes"}]);
            reseal(d, Some(7));
        })),
        refused("file structure is invalid"),
    );
    add(
        "score-wrong-type-evidence-object.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.channel"]["evidence"] = json!({"label": "x"});
            reseal(d, None);
        })),
        refused("file structure is invalid"),
    );
    add(
        "score-wrong-type-signature-string.json",
        pretty(&edit(signed.clone(), |d| {
            d["signature"] = json!("trust me")
        })),
        refused("file structure is invalid"),
    );
    add(
        "score-evidence-size-negative.json",
        with_token(
            &signed,
            "/content/answers/triage.owner/evidence/0/file/size",
            "-1",
        ),
        refused("file structure is invalid"),
    );
    add(
        "score-evidence-size-fraction.json",
        with_token(
            &signed,
            "/content/answers/triage.owner/evidence/0/file/size",
            "1.5",
        ),
        refused("file structure is invalid"),
    );
    // RFC 8785 reads every number as an IEEE double, so integers above 2^53 lose digits in
    // the canonical form: 9007199254740993 and 9007199254740992 hash and sign the same.
    // Such a file could be edited without breaking its seal, and docs/score-file.md says
    // these integers must not be written; a verifier must refuse them.
    let size = "/content/answers/triage.owner/evidence/0/file/size";
    let big_size = edit(signed.clone(), |d| {
        *d.pointer_mut(size).unwrap() = json!(9_007_199_254_740_992u64);
        reseal(d, Some(7));
    });
    add(
        "score-evidence-size-above-2-pow-53-edited.json",
        with_token(&big_size, size, "9007199254740993"),
        refused("too large to be represented exactly"),
    );
    let max_size = edit(signed.clone(), |d| {
        *d.pointer_mut(size).unwrap() = json!(u64::MAX);
        reseal(d, Some(7));
    });
    add(
        "score-evidence-size-u64-max.json",
        pretty(&max_size),
        refused("too large to be represented exactly"),
    );
    add(
        "score-evidence-sha256-upper-case.json",
        pretty(&edit(signed.clone(), |d| {
            let f = &mut d["content"]["answers"]["triage.owner"]["evidence"][0]["file"];
            f["sha256"] = json!(f["sha256"].as_str().unwrap().to_uppercase());
            reseal(d, Some(7));
        })),
        refused("sha256 is not 64 lower-case hex digits"),
    );
    add(
        "score-unknown-member-in-answer.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.channel"]["verified_by_buyer"] = json!(true);
            reseal(d, Some(7));
        })),
        refused("file structure is invalid: unknown field `verified_by_buyer`"),
    );
    add(
        "score-unknown-member-with-escape.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.channel"]["\u{1b}[31mred"] = json!(true);
            reseal(d, Some(7));
        })),
        refused("file structure is invalid: unknown field"),
    );
    add(
        "score-unknown-variant-with-escape.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["result"]["domains"][0]["missing"][0]["reason"] =
                json!("\u{1b}]0;pwned\u{7}");
            reseal(d, Some(7));
        })),
        refused("file structure is invalid: unknown variant"),
    );
    add(
        "profile-unknown-member.json",
        pretty(&edit(bp.clone(), |d| d["approved"] = json!(true))),
        refused("file structure is invalid: unknown field `approved`"),
    );
    add(
        "profile-unknown-member-with-bidi.json",
        pretty(&edit(bp.clone(), |d| d["ok\u{202e}devorppa"] = json!(true))),
        refused("file structure is invalid: unknown field"),
    );
    add(
        "profile-wrong-type-require-signature.json",
        pretty(&edit(bp.clone(), |d| d["require_signature"] = json!("yes"))),
        refused("file structure is invalid: invalid type: string \"yes\", expected a boolean"),
    );
    add(
        "profile-wrong-type-forbidden-gates.json",
        pretty(&edit(bp.clone(), |d| {
            d["forbidden_gates"] = json!({"silent-fixes": true})
        })),
        refused("file structure is invalid"),
    );
    add(
        "profile-wrong-type-min-overall-string.json",
        pretty(&edit(bp.clone(), |d| d["min_overall"] = json!("3"))),
        refused("file structure is invalid"),
    );

    // --- Answers the questionnaire does not accept.
    let answer = |id: &str, token: &str| {
        let ptr = format!("/content/answers/{id}/value");
        let mut doc = signed.clone();
        if doc.pointer(&ptr).is_none() {
            doc["content"]["answers"][id] = json!({"value": null});
        }
        with_token(&doc, &ptr, token)
    };
    add(
        "score-unknown-question-id.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.bug_bounty"] = json!({"value": "yes"});
            reseal(d, Some(7));
        })),
        refused("unknown question id \"intake.bug_bounty\""),
    );
    add(
        "score-unknown-question-id-script.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"][SCRIPT] = json!({"value": "yes"});
            reseal(d, Some(7));
        })),
        refused("unknown question id \"<script>alert(1)</script>\""),
    );
    add(
        "score-unknown-question-id-escape.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.\u{1b}[2J"] = json!({"value": "yes"});
            reseal(d, Some(7));
        })),
        refused("unknown question id"),
    );
    add(
        "score-number-out-of-range.json",
        answer("intake.ack_target", "31"),
        refused("answer to intake.ack_target is not allowed"),
    );
    add(
        "score-number-negative.json",
        answer("intake.ack_target", "-1"),
        refused("answer to intake.ack_target is not allowed"),
    );
    add(
        "score-number-1e308.json",
        answer("intake.ack_target", "1e308"),
        refused("answer to intake.ack_target is not allowed"),
    );
    add(
        "score-number-1e999.json",
        answer("intake.ack_target", "1e999"),
        refused("not a JSON file"),
    );
    add(
        "score-number-minus-1e999.json",
        answer("intake.ack_target", "-1e999"),
        refused("not a JSON file"),
    );
    add(
        "score-number-as-string.json",
        answer("intake.ack_target", "\"5\""),
        refused("answer to intake.ack_target is not allowed"),
    );
    let zero = with(|a| a.answers.entry_mut("intake.ack_target").value = Some(val(json!(0.0))));
    let minus_zero = sealed(&zero, Some(7));
    // -0 is 0 in RFC 8785, so the digest and signature made over 0 hold.
    add(
        "score-number-minus-zero.json",
        with_token(&minus_zero, ack, "-0"),
        loads("intact", "valid", false),
    );
    add(
        "score-number-minus-zero-float.json",
        with_token(&minus_zero, ack, "-0.0"),
        loads("intact", "valid", false),
    );
    add(
        "score-number-for-choice.json",
        answer("intake.channel", "1"),
        refused("answer to intake.channel is not allowed"),
    );
    add(
        "score-value-object.json",
        answer("intake.channel", "{\"yes\": true}"),
        refused("file structure is invalid"),
    );
    add(
        "score-value-array.json",
        answer("intake.channel", "[\"yes\"]"),
        refused("file structure is invalid"),
    );
    add(
        "score-value-bool.json",
        answer("intake.channel", "true"),
        refused("file structure is invalid"),
    );
    add(
        "score-na-not-allowed.json",
        answer("intake.channel", "\"n/a\""),
        refused("answer to intake.channel is not allowed: \"n/a\" is not allowed"),
    );
    add(
        "score-na-on-number-not-allowed.json",
        answer("intake.ack_target", "\"n/a\""),
        refused("answer to intake.ack_target is not allowed"),
    );
    add(
        "score-unknown-choice.json",
        answer("intake.safe_harbor", "\"bug_bounty_only\""),
        refused("answer to intake.safe_harbor is not allowed"),
    );
    add(
        "score-choice-wrong-case.json",
        answer("intake.channel", "\"Yes\""),
        refused("answer to intake.channel is not allowed"),
    );
    add(
        "score-choice-script.json",
        answer("intake.channel", &format!("\"{SCRIPT}\"")),
        refused("answer to intake.channel is not allowed"),
    );
    add(
        "score-choice-with-escape.json",
        answer("intake.channel", "\"yes\\u001b[2J\""),
        refused("answer to intake.channel is not allowed"),
    );
    add(
        "score-choice-with-newline.json",
        answer("intake.channel", "\"yes\\nSigned: the buyer\""),
        refused("answer to intake.channel is not allowed"),
    );
    add(
        "score-choice-with-bidi.json",
        answer("intake.channel", "\"on\\u202e\""),
        refused("answer to intake.channel is not allowed"),
    );
    add(
        "answers-unknown-question-id.json",
        pretty(&edit(answers_doc(&base()), |d| {
            d["answers"]["sbom.made_up"] = json!({"value": "yes"})
        })),
        refused("unknown question id \"sbom.made_up\""),
    );
    add(
        "answers-na-not-allowed.json",
        pretty(&edit(answers_doc(&base()), |d| {
            d["answers"]["triage.owner"]["value"] = json!("n/a")
        })),
        refused("answer to triage.owner is not allowed"),
    );
    add(
        "answers-number-minus-zero.json",
        with_token(
            &answers_doc(&base()),
            "/answers/intake.ack_target/value",
            "-0",
        ),
        loads_kind("answers"),
    );

    // --- Text safety: controls and bidirectional formatting characters are refused.
    let text_case = |f: &dyn Fn(&mut Assessment)| {
        let mut a = base();
        f(&mut a);
        pretty(&sealed(&a, Some(7)))
    };
    add(
        "score-nul-in-profile-organisation.json",
        text_case(&|a| a.profile.organisation = "Acme\u{0}Evil".into()),
        refused("profile Organisation contains control or bidirectional-override characters"),
    );
    add(
        "score-escape-in-profile-assessor.json",
        text_case(&|a| a.profile.assessor = "\u{1b}[8mhidden\u{1b}[0mJane".into()),
        refused("profile Assessor name contains control"),
    );
    add(
        "score-c1-control-in-profile-products.json",
        text_case(&|a| a.profile.products = "PACS\u{9b}31m".into()),
        refused("profile Product(s) in scope contains control"),
    );
    add(
        "score-del-in-profile-versions.json",
        text_case(&|a| a.profile.versions = "4.2\u{7f}".into()),
        refused("profile Versions in scope contains control"),
    );
    add(
        "score-rlo-in-profile-vdp-url.json",
        text_case(&|a| a.profile.vdp_url = "https://acme.example/\u{202e}fdp.exe".into()),
        refused("profile Vulnerability disclosure policy URL contains"),
    );
    add(
        "score-lri-in-profile-contact.json",
        text_case(&|a| a.profile.security_contact = "\u{2066}security@evil.example\u{2069}".into()),
        refused("profile Security contact (email or URL) contains"),
    );
    add(
        "score-escape-in-notes.json",
        text_case(&|a| {
            a.answers.entry_mut("intake.monitored").notes = "ok\u{1b}[1A\u{1b}[2Kall clear".into()
        }),
        refused("notes of intake.monitored contains control"),
    );
    add(
        "score-nul-in-notes.json",
        text_case(&|a| a.answers.entry_mut("intake.monitored").notes = "yes\u{0}no".into()),
        refused("notes of intake.monitored contains control"),
    );
    add(
        "score-rlo-in-notes.json",
        text_case(&|a| {
            a.answers.entry_mut("intake.monitored").notes = "not \u{202e}devorppa".into()
        }),
        refused("notes of intake.monitored contains"),
    );
    add(
        "score-rlo-in-evidence-label.json",
        text_case(&|a| {
            a.answers.entry_mut("intake.channel").evidence[0].label =
                "Policy \u{202e}fdp.exe".into()
        }),
        refused("evidence of intake.channel contains"),
    );
    add(
        "score-lri-in-evidence-file-name.json",
        text_case(&|a| {
            a.answers.entry_mut("triage.owner").evidence =
                vec![evidence_file("charter", "charter\u{2066}.pdf\u{2069}.exe")]
        }),
        refused("evidence of triage.owner contains"),
    );
    add(
        "score-nul-in-evidence-file-name.json",
        text_case(&|a| {
            a.answers.entry_mut("triage.owner").evidence =
                vec![evidence_file("charter", "charter.pdf\u{0}.exe")]
        }),
        refused("evidence of triage.owner contains"),
    );
    add(
        "score-escape-in-evidence-url.json",
        text_case(&|a| {
            a.answers.entry_mut("intake.channel").evidence[0].url =
                Some("https://acme.example/\u{1b}]8;;https://evil.example\u{7}".into())
        }),
        refused("evidence of intake.channel contains"),
    );
    add(
        "score-lrm-in-evidence-label.json",
        text_case(&|a| {
            a.answers.entry_mut("intake.channel").evidence[0].label = "\u{200f}Policy".into()
        }),
        refused("evidence of intake.channel contains"),
    );
    add(
        "score-escape-in-created.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["created"] = json!("2026-11-28\u{1b}[2J");
            reseal(d, Some(7));
        })),
        refused("created contains control"),
    );
    add(
        "score-bidi-in-app-version.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["app_version"] = json!("0.1.0\u{2067}");
            reseal(d, Some(7));
        })),
        refused("app_version contains"),
    );
    add(
        "score-html-and-bidi-in-notes.json",
        text_case(&|a| a.answers.entry_mut("intake.monitored").notes = format!("{SCRIPT}\u{202e}")),
        refused("notes of intake.monitored contains"),
    );
    add(
        "score-tab-newline-cr-in-notes-allowed.json",
        text_case(&|a| {
            a.answers.entry_mut("intake.monitored").notes =
                "line one\r\nline two\n\tindented".into()
        }),
        loads("intact", "valid", false),
    );
    add(
        "answers-nul-in-profile.json",
        pretty(&answers_doc(&with(|a| {
            a.profile.organisation = "\u{0}".into()
        }))),
        refused("profile Organisation contains control"),
    );
    add(
        "answers-rlo-in-notes.json",
        pretty(&answers_doc(&with(|a| {
            a.answers.entry_mut("intake.channel").notes = "\u{202e}".into()
        }))),
        refused("notes of intake.channel contains"),
    );
    add(
        "answers-lri-in-evidence-label.json",
        pretty(&answers_doc(&with(|a| {
            a.answers.entry_mut("intake.channel").evidence[0].label = "a\u{2066}b".into()
        }))),
        refused("evidence of intake.channel contains"),
    );
    add(
        "profile-nul-in-name.json",
        pretty(&buyer_doc(|p| p.name = "Tender\u{0}2027".into())),
        refused("profile name contains control or bidirectional-override characters"),
    );
    add(
        "profile-escape-in-name.json",
        pretty(&buyer_doc(|p| p.name = "\u{1b}[2JTender".into())),
        refused("profile name contains control"),
    );
    add(
        "profile-rlo-in-name.json",
        pretty(&buyer_doc(|p| p.name = "Tender \u{202e}7202".into())),
        refused("profile name contains"),
    );
    add(
        "profile-lri-in-name.json",
        pretty(&buyer_doc(|p| p.name = "\u{2066}Tender".into())),
        refused("profile name contains"),
    );
    let fp7 = KeyFile::from_seed([7; 32]).key_fingerprint;
    add(
        "profile-rlo-in-pinned-organisation.json",
        pretty(&buyer_doc(|p| {
            p.pinned_keys = [("Acme \u{202e}dtL".to_owned(), fp7.clone())].into()
        })),
        refused("pinned organisation contains"),
    );
    add(
        "profile-nul-in-pinned-organisation.json",
        pretty(&buyer_doc(|p| {
            p.pinned_keys = [("Acme\u{0}".to_owned(), fp7.clone())].into()
        })),
        refused("pinned organisation contains control"),
    );

    // --- HTML and script payloads are text: they load (the app renders text, not markup).
    let html = with(html_everywhere);
    let mut html_doc = sealed(&html, Some(7));
    html_doc["content"]["app_version"] = json!(SCRIPT);
    html_doc["content"]["created"] = json!(IMG);
    reseal(&mut html_doc, Some(7));
    add(
        "score-html-in-every-text-field.json",
        pretty(&html_doc),
        loads("intact", "valid", false),
    );
    add(
        "answers-html-in-every-text-field.json",
        pretty(&answers_doc(&html)),
        loads_kind("answers"),
    );
    let mut guide = serde_json::to_value(score_file::template(q())).unwrap();
    guide["guide"][0]["text"] = json!(format!("{SCRIPT}\u{202e}\u{1b}[2J"));
    add(
        "answers-guide-text-is-ignored.json",
        pretty(&guide),
        loads_kind("answers"),
    );
    add(
        "profile-html-in-every-text-field.json",
        pretty(&buyer_doc(|p| {
            p.name = format!("{SCRIPT}{IMG}");
            p.pinned_keys = [
                (format!("{SCRIPT} Acme"), fp7.clone()),
                (
                    JS_URL.to_owned(),
                    KeyFile::from_seed([8; 32]).key_fingerprint,
                ),
            ]
            .into();
        })),
        loads_kind("profile"),
    );

    // --- Limits.
    let many = (0..200)
        .map(|i| evidence_link(&format!("doc {i}"), "https://acme.example/d"))
        .collect::<Vec<_>>();
    add(
        "score-200-evidence-entries.json",
        text_case(&|a| a.answers.entry_mut("intake.channel").evidence = many.clone()),
        refused("evidence of intake.channel is too long"),
    );
    add(
        "score-50-evidence-entries.json",
        text_case(&|a| a.answers.entry_mut("intake.channel").evidence = many[..50].to_vec()),
        loads("intact", "valid", false),
    );
    add(
        "score-51-evidence-entries.json",
        text_case(&|a| a.answers.entry_mut("intake.channel").evidence = many[..51].to_vec()),
        refused("evidence of intake.channel is too long"),
    );
    add(
        "score-note-30000-chars.json",
        text_case(&|a| a.answers.entry_mut("intake.monitored").notes = "n".repeat(30_000)),
        refused("notes of intake.monitored is too long"),
    );
    add(
        "score-note-20000-emoji.json",
        text_case(&|a| a.answers.entry_mut("intake.monitored").notes = "\u{1f512}".repeat(20_000)),
        loads("intact", "valid", false),
    );
    add(
        "score-note-20001-emoji.json",
        text_case(&|a| a.answers.entry_mut("intake.monitored").notes = "\u{1f512}".repeat(20_001)),
        refused("notes of intake.monitored is too long"),
    );
    add(
        "score-profile-field-30000-chars.json",
        text_case(&|a| a.profile.products = "P".repeat(30_000)),
        refused("profile Product(s) in scope is too long"),
    );
    add(
        "answers-note-30000-chars.json",
        pretty(&answers_doc(&with(|a| {
            a.answers.entry_mut("intake.channel").notes = "x".repeat(30_000)
        }))),
        refused("notes of intake.channel is too long"),
    );
    add(
        "profile-name-30000-chars.json",
        pretty(&buyer_doc(|p| p.name = "n".repeat(30_000))),
        refused("profile name is too long"),
    );

    // --- Integrity and signatures: these load, flagged.
    let sig = |f: &dyn Fn(&mut Value)| pretty(&edit(signed.clone(), |d| f(&mut d["signature"])));
    let fp8 = KeyFile::from_seed([8; 32]);
    add(
        "score-signature-bad-value.json",
        sig(&|s| {
            let v = s["value"].as_str().unwrap();
            let flipped = if v.starts_with('A') { "B" } else { "A" };
            s["value"] = json!(format!("{flipped}{}", &v[1..]));
        }),
        loads_invalid("intact", "signature does not match the content", false),
    );
    add(
        "score-signature-swapped-public-key.json",
        sig(&|s| s["public_key"] = json!(fp8.public_key)),
        loads_invalid(
            "intact",
            "key fingerprint does not match the public key",
            false,
        ),
    );
    add(
        "score-signature-swapped-key-and-fingerprint.json",
        sig(&|s| {
            s["public_key"] = json!(fp8.public_key);
            s["key_fingerprint"] = json!(fp8.key_fingerprint);
        }),
        loads_invalid("intact", "signature does not match the content", false),
    );
    add(
        "score-signature-fingerprint-mismatch.json",
        sig(&|s| s["key_fingerprint"] = json!(fp8.key_fingerprint)),
        loads_invalid(
            "intact",
            "key fingerprint does not match the public key",
            false,
        ),
    );
    add(
        "score-signature-invalid-base64-value.json",
        sig(&|s| s["value"] = json!("not base64 at all!!")),
        loads_invalid("intact", "signature is malformed", false),
    );
    add(
        "score-signature-invalid-base64-key.json",
        sig(&|s| s["public_key"] = json!("%%%%")),
        loads_invalid("intact", "public key is malformed", false),
    );
    add(
        "score-signature-short-key.json",
        sig(&|s| s["public_key"] = json!("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")),
        loads_invalid("intact", "public key is malformed", false),
    );
    add(
        "score-signature-short-value.json",
        sig(&|s| s["value"] = json!("AAAA")),
        loads_invalid("intact", "signature is malformed", false),
    );
    add(
        "score-signature-algorithm-none.json",
        sig(&|s| s["algorithm"] = json!("none")),
        loads_invalid("intact", "unsupported signature algorithm", false),
    );
    // The identity point: a weak key whose fingerprint is right; strict verification refuses.
    let mut weak = [0u8; 32];
    weak[0] = 1;
    add(
        "score-signature-weak-key.json",
        sig(&|s| {
            use base64::Engine;
            s["public_key"] = json!(base64::engine::general_purpose::STANDARD.encode(weak));
            s["key_fingerprint"] = json!(integrity::sha256_hex(&weak));
            s["value"] = json!(base64::engine::general_purpose::STANDARD.encode([0u8; 64]));
        }),
        loads_invalid("intact", "signature does not match the content", false),
    );
    add(
        "score-signature-null.json",
        pretty(&edit(unsigned.clone(), |d| d["signature"] = Value::Null)),
        loads("intact", "unsigned", false),
    );
    add(
        "score-signature-missing-member.json",
        sig(&|s| {
            s.as_object_mut().unwrap().remove("value");
        }),
        refused("file structure is invalid: missing field `value`"),
    );
    add(
        "score-digest-mismatch-note-edited.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.monitored"]["notes"] = json!("Nobody reads security@.");
        })),
        loads_invalid("mismatch", "signature does not match the content", false),
    );
    add(
        "score-digest-mismatch-answer-edited.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["answers"]["intake.no_barriers"]["value"] = json!("yes");
        })),
        loads_invalid("mismatch", "signature does not match the content", true),
    );
    add(
        "score-digest-mismatch-unsigned.json",
        pretty(&edit(unsigned.clone(), |d| {
            d["content"]["profile"]["organisation"] = json!("Someone Else Ltd");
        })),
        loads("mismatch", "unsigned", false),
    );
    add(
        "score-digest-malformed.json",
        pretty(&edit(signed.clone(), |d| {
            d["integrity"]["digest"] = json!("sha256:xyz")
        })),
        refused("integrity digest is not \"sha256:\" followed by 64 lower-case hex digits"),
    );
    add(
        "score-result-edited-resealed-signed.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["result"]["overall"] = json!(4.0);
            d["content"]["result"]["domains"][0]["level"] = json!(4);
            reseal(d, Some(7));
        })),
        loads("intact", "valid", true),
    );
    add(
        "score-result-edited-resealed-unsigned.json",
        pretty(&edit(unsigned.clone(), |d| {
            d["content"]["result"]["gates"] = json!([]);
            reseal(d, None);
        })),
        loads("intact", "unsigned", true),
    );
    add(
        "score-result-out-of-range-resealed.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["result"]["overall"] = json!(1e308);
            d["content"]["result"]["domains"][0]["level"] = json!(255);
            reseal(d, Some(8));
        })),
        loads("intact", "valid", true),
    );
    add(
        "score-result-level-over-u8.json",
        pretty(&edit(signed.clone(), |d| {
            d["content"]["result"]["domains"][0]["level"] = json!(256);
            reseal(d, Some(7));
        })),
        refused("file structure is invalid"),
    );
    add(
        "score-signed-by-another-key.json",
        pretty(&edit(signed.clone(), |d| reseal(d, Some(8)))),
        loads("intact", "valid", false),
    );

    // --- Buyer profile values.
    add(
        "profile-unknown-domain.json",
        pretty(&edit(bp.clone(), |d| {
            d["min_levels"]["bug_bounty"] = json!(2)
        })),
        refused("unknown domain id \"bug_bounty\" in min_levels"),
    );
    add(
        "profile-level-above-4.json",
        pretty(&edit(bp.clone(), |d| d["min_levels"]["intake"] = json!(5))),
        refused("minimum level 5 for domain \"intake\" is above L4"),
    );
    add(
        "profile-level-over-u8.json",
        pretty(&edit(bp.clone(), |d| {
            d["min_levels"]["intake"] = json!(256)
        })),
        refused("file structure is invalid"),
    );
    add(
        "profile-level-negative.json",
        pretty(&edit(bp.clone(), |d| d["min_levels"]["intake"] = json!(-1))),
        refused("file structure is invalid"),
    );
    add(
        "profile-min-overall-above-4.json",
        pretty(&edit(bp.clone(), |d| d["min_overall"] = json!(4.5))),
        refused("min_overall 4.5 is not a number from 0 to 4"),
    );
    add(
        "profile-min-overall-negative.json",
        pretty(&edit(bp.clone(), |d| d["min_overall"] = json!(-0.5))),
        refused("min_overall -0.5 is not a number from 0 to 4"),
    );
    add(
        "profile-min-overall-1e999.json",
        with_token(&bp, "/min_overall", "1e999"),
        refused("not a JSON file"),
    );
    add(
        "profile-min-overall-minus-zero.json",
        with_token(&bp, "/min_overall", "-0"),
        loads_kind("profile"),
    );
    add(
        "profile-unknown-gate.json",
        pretty(&buyer_doc(|p| {
            p.forbidden_gates.push("no-bug-bounty".into())
        })),
        refused("unknown gate id \"no-bug-bounty\" in forbidden_gates"),
    );
    add(
        "profile-duplicate-gate.json",
        pretty(&buyer_doc(|p| {
            p.forbidden_gates.push("silent-fixes".into())
        })),
        refused("gate \"silent-fixes\" is listed twice"),
    );
    add(
        "profile-max-age-zero.json",
        pretty(&buyer_doc(|p| p.max_age_days = Some(0))),
        refused("max_age_days 0 is out of range"),
    );
    add(
        "profile-max-age-too-large.json",
        pretty(&buyer_doc(|p| p.max_age_days = Some(36_501))),
        refused("max_age_days 36501 is out of range"),
    );
    add(
        "profile-max-age-negative.json",
        with_token(&bp, "/max_age_days", "-1"),
        refused("file structure is invalid"),
    );
    add(
        "profile-max-age-null-no-limit.json",
        pretty(&buyer_doc(|p| p.max_age_days = None)),
        loads_kind("profile"),
    );
    add(
        "profile-fingerprint-upper-case.json",
        pretty(&buyer_doc(|p| {
            p.pinned_keys = [("Acme".to_owned(), fp7.to_uppercase())].into()
        })),
        refused("pinned key for \"Acme\" is not \"sha256:\" followed by 64 lower-case hex digits"),
    );
    add(
        "profile-fingerprint-short.json",
        pretty(&buyer_doc(|p| {
            p.pinned_keys = [("Acme".to_owned(), "sha256:abc".to_owned())].into()
        })),
        refused("pinned key for \"Acme\" is not"),
    );
    add(
        "profile-empty-organisation.json",
        pretty(&buyer_doc(|p| {
            p.pinned_keys = [(" \t ".to_owned(), fp7.clone())].into()
        })),
        refused("a pinned key has an empty organisation name"),
    );
    add(
        "profile-organisation-pinned-twice.json",
        pretty(&buyer_doc(|p| {
            p.pinned_keys = [
                ("Acme  Ltd".to_owned(), fp7.clone()),
                ("ACME Ltd".to_owned(), fp7.clone()),
            ]
            .into()
        })),
        refused("is pinned twice"),
    );
    add(
        "profile-a-score-file.json",
        signed_text.clone(),
        refused("not a buyer profile file (format \"vendor-readiness-score\""),
    );

    c
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// Loads bytes through both loaders; panics (failing the property) on any broken rule.
fn check_any(bytes: &[u8]) {
    match open::load(bytes, q()) {
        Ok(Loaded::Score(v)) => check_verified(&v),
        Ok(Loaded::Answers(file)) => {
            check_score(&scoring::score(q(), &file.file.answers));
            check_reseal(&Loaded::Answers(file).into_assessment());
        }
        Err(e) => {
            let message = e.to_string();
            assert_eq!(message_problem(&message), None);
        }
    }
    if let Err(e) = buyer_profile::load_profile(bytes, q()) {
        assert_eq!(message_problem(&e.to_string()), None);
    }
}

fn base_doc() -> &'static Value {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| sealed(&base(), Some(7)))
}

/// Every JSON Pointer in a document, the root included.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

const INTERESTING: &[&str] = &[
    "",
    "yes",
    "no",
    "partly",
    "n/a",
    "Yes",
    "advisory_each",
    "1.0.0",
    "0.9.0",
    "2.0.0",
    "vendor-readiness-score",
    "vendor-readiness-answers",
    "vendor-security-readiness",
    "ed25519",
    "sha-256",
    "RFC8785",
    "intake.channel",
    "intake.ack_target",
    "silent-fixes",
    "sha256:0000000000000000000000000000000000000000000000000000000000000000",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\u{202e}",
    "\u{0}",
    "\u{1b}[2J",
    "\n",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop_oneof![
            Just(-0.0),
            Just(0.5),
            Just(30.0),
            Just(31.0),
            Just(1e308),
            any::<f64>()
        ]
        .prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        prop::sample::select(INTERESTING.to_vec()).prop_map(|s| Value::String(s.into())),
        "[a-z0-9._\\-]{0,12}".prop_map(Value::String),
        "[\\x00-\\x1f\\x7f-\\x9f\\u{200e}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a<>\"]{1,6}"
            .prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    prop::sample::select(INTERESTING.to_vec()).prop_map(String::from),
                    "[a-z_.]{0,10}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(prop::sample::Index, Value),
    Remove(prop::sample::Index),
    Insert(prop::sample::Index, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), json_value()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Remove),
        1 => (any::<prop::sample::Index>(), prop::sample::select(INTERESTING.to_vec()).prop_map(String::from), json_value())
            .prop_map(|(i, k, v)| Mutation::Insert(i, k, v)),
    ]
}

fn apply(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    match m {
        Mutation::Replace(i, v) => *doc.pointer_mut(i.get::<String>(&all)).unwrap() = v.clone(),
        Mutation::Remove(i) => {
            let p = i.get::<String>(&all);
            let Some((parent, last)) = p.rsplit_once('/') else {
                return;
            };
            let key = last.replace("~1", "/").replace("~0", "~");
            match doc.pointer_mut(parent).unwrap() {
                Value::Object(m) => {
                    m.remove(&key);
                }
                Value::Array(items) => {
                    items.remove(key.parse::<usize>().unwrap());
                }
                _ => {}
            }
        }
        Mutation::Insert(i, k, v) => {
            if let Some(Value::Object(m)) = doc.pointer_mut(i.get::<String>(&all)) {
                m.insert(k.clone(), v.clone());
            }
        }
    }
}

/// Byte-level damage applied to the serialized text.
#[derive(Debug, Clone)]
enum TextOp {
    Truncate(prop::sample::Index),
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
}

fn text_op() -> impl Strategy<Value = TextOp> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(TextOp::Truncate),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 1..8)
        )
            .prop_map(|(i, b)| TextOp::Insert(i, b)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| TextOp::Delete(i, n)),
    ]
}

fn damage(mut bytes: Vec<u8>, op: &TextOp) -> Vec<u8> {
    let at = |i: &prop::sample::Index, len: usize| if len == 0 { 0 } else { i.index(len) };
    match op {
        TextOp::Truncate(i) => bytes.truncate(at(i, bytes.len())),
        TextOp::Insert(i, b) => {
            let pos = at(i, bytes.len());
            bytes.splice(pos..pos, b.iter().copied());
        }
        TextOp::Delete(i, n) => {
            let pos = at(i, bytes.len());
            let end = (pos + n).min(bytes.len());
            bytes.drain(pos..end);
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic_the_loaders(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_any(&bytes);
    }

    #[test]
    fn json_like_text_never_panics_the_loaders(
        text in "[\\[\\]{}\",:0-9a-z_\\-.eE +\\\\/u]{0,300}",
        header in any::<bool>(),
    ) {
        let text = if header {
            format!("{{\"format\":\"vendor-readiness-score\",\"format_version\":1,{text}")
        } else {
            text
        };
        check_any(text.as_bytes());
    }

    #[test]
    fn mutated_sealed_files_never_panic_and_stay_within_bounds(
        mutations in prop::collection::vec(mutation(), 1..4),
        reseal_with in prop::option::of(prop_oneof![Just(7u8), Just(8u8)]),
        resealed in any::<bool>(),
        damaged in prop::option::of(text_op()),
    ) {
        let mut doc = base_doc().clone();
        for m in &mutations {
            apply(&mut doc, m);
        }
        // Re-sealing lets structural damage get past the digest into the deeper checks.
        let can_reseal = doc.get("content").is_some_and(|c| integrity::canonical_bytes(c).is_ok())
            && doc.get("integrity").is_some_and(Value::is_object);
        if resealed && can_reseal {
            reseal(&mut doc, reseal_with);
        }
        let mut bytes = serde_json::to_vec(&doc).unwrap();
        if let Some(op) = &damaged {
            bytes = damage(bytes, op);
        }
        check_any(&bytes);
    }
}
