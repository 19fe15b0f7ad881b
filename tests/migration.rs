//! Files made by the 1.0.0 app still load, verify over their original bytes, are judged
//! for edits under 1.0.0, and are re-scored under the current questionnaire with an
//! account of what migration did. The fixtures in `tests/fixtures/v1.0.0/` were made
//! with the 1.0.0 app and CLI before the data changed, and are never regenerated.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use vendor_readiness::core::files::FileError;
use vendor_readiness::core::integrity::SignatureState;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::questionnaire::history;
use vendor_readiness::core::questionnaire::migration::{self, MigrationReport};
use vendor_readiness::core::questionnaire::{MigrationRule, Questionnaire};
use vendor_readiness::core::verify::{self, IntegrityState, Status, VerifiedScore};

const V1_DIGEST: &str = "sha256:6086aa5c28026471448b967abd416c663ae9ff149576df29bd0d99f35d09465c";
/// What the 2.0.0 app's files carry (its built-in digest, before 2.0.1).
const V2_DIGEST: &str = "sha256:c5493f62520c1e82c7cf19b758cead8063c1fda096c13657c1a15e276413bfc2";

fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1.0.0")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}

fn verified(name: &str) -> VerifiedScore {
    verify::load_score(&fixture(name), q()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn v1() -> &'static Questionnaire {
    history::historic("vendor-security-readiness", "1.0.0").expect("1.0.0 is kept")
}

#[test]
fn the_kept_1_0_0_data_has_the_digest_files_carry() {
    assert_eq!(v1().digest(), V1_DIGEST);
    assert_eq!(v1().version, "1.0.0");
    assert!(q().version.starts_with("2."), "the current version is 2.x");
    assert_ne!(q().digest(), V1_DIGEST);
    assert_eq!(
        history::versions().collect::<Vec<_>>(),
        ["1.0.0", "2.0.0", "2.0.1"]
    );
    assert!(history::historic("another-questionnaire", "1.0.0").is_none());
}

#[test]
fn every_kept_version_loads() {
    // `history::historic` treats a kept version that does not load as unknown; none may.
    for v in history::versions() {
        let kept = history::historic(&q().id, v).unwrap_or_else(|| panic!("{v} does not load"));
        assert_eq!(kept.version, v);
        // Rebuilt as the build stores it (whole, or patched from the current data), it is
        // the published file.
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("data/history/questionnaire-{v}.json"));
        let published = Questionnaire::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        // (As values: the model keeps changelog and migrations as the text it read.)
        assert_eq!(
            serde_json::to_value(kept).unwrap(),
            serde_json::to_value(&published).unwrap(),
            "{v}"
        );
        assert_eq!(kept.digest(), published.digest(), "{v}");
    }
    let v2 = history::historic(&q().id, "2.0.0").unwrap();
    assert_eq!(v2.digest(), V2_DIGEST);
    // Every file under data/history/ is kept (build.rs and history.rs name them).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/history");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Some(
                name.strip_prefix("questionnaire-")?
                    .strip_suffix(".json")?
                    .to_owned(),
            )
        })
        .collect();
    files.sort();
    assert_eq!(files, history::versions().collect::<Vec<_>>());
}

#[test]
fn every_1_0_0_score_file_verifies_as_it_did_under_1_0_0() {
    // (file, integrity intact, signature, edited) as `vendor-readiness verify` said at 1.0.0.
    let cases = [
        ("score-1.0.0-high-signed.json", true, "valid", false),
        ("score-1.0.0-low-unsigned.json", true, "unsigned", false),
        ("score-1.0.0-mid-signed.json", true, "valid", false),
        ("score-1.0.0-mid-unsigned.json", true, "unsigned", false),
        (
            "score-1.0.0-mid-signed-tampered.json",
            false,
            "invalid",
            true,
        ),
        (
            "score-1.0.0-low-result-edited-resealed-signed.json",
            true,
            "valid",
            true,
        ),
        ("score-1.0.0-browser-signed.json", true, "valid", false),
    ];
    for (name, intact, signature, edited) in cases {
        let v = verified(name);
        assert_eq!(v.integrity == IntegrityState::Intact, intact, "{name}");
        assert_eq!(v.signature.label(), signature, "{name}");
        assert_eq!(v.edited, edited, "{name}: edits are judged under 1.0.0");
        assert_eq!(v.migrated_from.as_deref(), Some("1.0.0"), "{name}");
        assert!(v.migration.is_some(), "{name}");
        let ok = intact && signature != "invalid" && !edited;
        assert_eq!(v.status(Default::default()) == Status::Ok, ok, "{name}");
    }
}

#[test]
fn a_migrated_file_keeps_its_1_0_0_result_beside_the_current_one() {
    for (name, overall_1_0) in [
        ("score-1.0.0-high-signed.json", 4.0),
        ("score-1.0.0-mid-signed.json", 1.7),
        ("score-1.0.0-low-unsigned.json", 0.0),
    ] {
        let v = verified(name);
        let original = v.original.as_ref().expect("the 1.0.0 result is recomputed");
        assert_eq!(original.overall, overall_1_0, "{name}");
        assert!(
            original.same_as(&v.content.result),
            "{name}: the file's own result"
        );
        assert_eq!(v.recomputed.domains.len(), q().domains.len());
    }
    let mid = verified("score-1.0.0-mid-signed.json");
    let levels_1_0: Vec<u8> = mid
        .original
        .as_ref()
        .unwrap()
        .domains
        .iter()
        .map(|d| d.level)
        .collect();
    assert_eq!(levels_1_0, [3, 2, 1, 2, 1, 2, 2, 1, 0]);
}

#[test]
fn tampering_is_found_over_the_original_bytes_not_the_migrated_answers() {
    let v = verified("score-1.0.0-mid-signed-tampered.json");
    assert!(matches!(v.integrity, IntegrityState::Mismatch { .. }));
    assert!(
        matches!(&v.signature, SignatureState::Invalid { reason, .. } if reason.contains("does not match the content"))
    );
    let reasons: Vec<String> = v
        .problems(Default::default())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        reasons,
        [
            "content was changed after sealing (the digest does not match)",
            "signature is invalid: signature does not match the content",
            "embedded result differs from the answers; the recomputed result is used",
        ]
    );
}

#[test]
fn the_migration_report_accounts_for_every_change() {
    let v = verified("score-1.0.0-mid-signed.json");
    let report = v.migration.as_ref().unwrap();
    assert_eq!(
        (report.from.as_str(), report.to.as_str()),
        ("1.0.0", q().version.as_ref())
    );
    let rules = &q().migrations()[0];
    // The mid vendor answered every 1.0.0 question, so every merge and drop took effect.
    for rule in &rules.rules {
        match rule {
            MigrationRule::Merge { from, to, .. } => assert!(
                report.merged.iter().any(|(f, t)| f == from && t == to),
                "merge into {to}"
            ),
            MigrationRule::Drop { from, reason } => {
                assert!(
                    report.dropped.contains(&(from.clone(), reason.clone())),
                    "drop of {from}"
                )
            }
            _ => {}
        }
    }
    // Every question added in 2.0.0 that the file could not answer is reported, in order.
    let expected_new: Vec<&str> = q()
        .questions()
        .map(|qu| qu.id.as_ref())
        .filter(|id| rules.added.iter().any(|a| a == id) && v.content.answers.value(id).is_none())
        .collect();
    assert_eq!(report.new_questions, expected_new);
    assert!(!report.new_questions.is_empty());
    let summary = report.summary();
    assert!(
        summary.starts_with("migrated from questionnaire 1.0.0 to 2."),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("{} new questions to answer", expected_new.len())),
        "{summary}"
    );
    // New gate questions are named: until answered they keep their gates pending.
    for id in &report.gate_questions {
        assert!(report.new_questions.contains(id) || report.needs_answer.contains(id));
        let fired = v
            .recomputed
            .gates
            .iter()
            .find(|g| g.triggered_by.contains(id))
            .unwrap_or_else(|| panic!("{id} triggers a gate"));
        assert!(fired.pending, "{id}");
    }
    // Answers carried over keep their notes.
    let carried = v.content.answers.0.get("intake.channel").unwrap();
    assert_eq!(
        carried.notes,
        "Checked by the PSIRT lead for Example Health Systems."
    );
}

#[test]
fn values_are_mapped_and_never_guessed() {
    let mid = verified("score-1.0.0-mid-signed.json");
    let value = |v: &VerifiedScore, id: &str| v.content.answers.value(id).map(ToString::to_string);
    // 1.0.0 "free for all supported" passes the level-1 question (delivery to every
    // customer under contract) and answers the level-3 question that now asks about
    // everyone: "partly", because 1.0.0 never asked whether the published terms say so.
    assert_eq!(
        value(&mid, "remediation.free_fixes").as_deref(),
        Some("supported_under_contract")
    );
    assert_eq!(
        value(&mid, "remediation.free_for_all").as_deref(),
        Some("partly")
    );
    let mid_report = mid.migration.as_ref().unwrap();
    assert!(mid_report.derived.contains(&(
        "remediation.free_fixes".into(),
        "remediation.free_for_all".into()
    )));
    // 1.0.0's "named people with a named backup" answers the backup question whole; the
    // urgent out-of-hours route was never asked and stays a new question.
    assert_eq!(value(&mid, "intake.backup").as_deref(), Some("yes"));
    assert!(mid_report
        .new_questions
        .contains(&"intake.urgent_route".to_owned()));
    // Merged answers keep the lowest credit: triage.metrics "partly" vs
    // governance.metrics_reviewed "no".
    assert_eq!(value(&mid, "governance.metrics").as_deref(), Some("no"));
    let merged = mid.content.answers.0.get("governance.metrics").unwrap();
    assert!(merged.evidence.is_empty());
    // The low vendor said it had taken legal action against reporters: that answer now
    // also answers the conduct question, so the legal-threats gate fires for real.
    let low = verified("score-1.0.0-low-unsigned.json");
    assert_eq!(
        value(&low, "intake.legal_conduct").as_deref(),
        Some("action_taken")
    );
    let report = low.migration.as_ref().unwrap();
    assert!(report
        .derived
        .contains(&("intake.safe_harbor".into(), "intake.legal_conduct".into())));
    let legal = low
        .recomputed
        .gates
        .iter()
        .find(|g| g.gate == "legal-threats")
        .unwrap();
    assert!(!legal.pending);
    // Its "legal action taken" has no place among the new safe-harbour options.
    assert!(report
        .needs_answer
        .contains(&"intake.safe_harbor".to_owned()));
    assert_eq!(value(&low, "intake.safe_harbor"), None);
}

#[test]
fn the_1_0_0_answers_files_load_as_assessments_with_their_report() {
    for name in [
        "answers-1.0.0-mid.json",
        "answers-1.0.0-blank-template.json",
    ] {
        let loaded = open::load(&fixture(name), q()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = loaded.migration().cloned().expect("migrated");
        assert_eq!(report.from, "1.0.0");
        let Loaded::Answers(a) = &loaded else {
            panic!("{name} is an answers file")
        };
        vendor_readiness::core::files::content::check_assessment(
            &a.file.profile,
            &a.file.answers,
            q(),
        )
        .unwrap();
        let assessment = loaded.into_assessment();
        if name.contains("mid") {
            assert_eq!(assessment.profile.organisation, "Example Health Systems");
            let ev = &assessment.answers.0["intake.vdp"].evidence;
            assert_eq!(ev.len(), 2, "link and file evidence survive migration");
        } else {
            assert!(
                assessment.answers.0.is_empty(),
                "a blank template stays blank"
            );
            assert_eq!(report.new_questions.len(), q().migrations()[0].added.len());
        }
    }
}

#[test]
fn a_1_0_0_file_with_another_digest_or_an_unknown_version_is_refused() {
    let mut doc: Value = serde_json::from_slice(&fixture("answers-1.0.0-mid.json")).unwrap();
    doc["questionnaire"]["digest"] = json!(format!("sha256:{}", "0".repeat(64)));
    assert_eq!(
        open::load(doc.to_string().as_bytes(), q()),
        Err(FileError::QuestionnaireDigest {
            version: "1.0.0".into()
        })
    );
    doc["questionnaire"]["version"] = json!("1.5.0");
    let err = open::load(doc.to_string().as_bytes(), q())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("version 1.5.0, which this app cannot migrate"),
        "{err}"
    );
}

#[test]
fn a_1_0_0_answer_that_is_wrong_under_1_0_0_is_refused_in_its_own_terms() {
    let mut doc: Value = serde_json::from_slice(&fixture("answers-1.0.0-mid.json")).unwrap();
    // An id that 2.0.0 has but 1.0.0 never had.
    doc["answers"]["exploited.isac"] = json!({"value": "yes"});
    let err = open::load(doc.to_string().as_bytes(), q())
        .unwrap_err()
        .to_string();
    assert_eq!(err, "unknown question id \"exploited.isac\"");
}

#[test]
fn every_1_0_0_question_is_kept_or_named_by_exactly_one_rule_and_every_rule_names_real_ones() {
    let rules = &q().migrations()[0];
    assert_eq!((rules.from.as_str(), rules.to.as_str()), ("1.0.0", "2.0.0"));
    let mut named: Vec<&str> = Vec::new();
    let mut targets = BTreeSet::new();
    for rule in &rules.rules {
        match rule {
            MigrationRule::Rename { from, to, .. } => {
                named.push(from);
                targets.insert(to.as_str());
            }
            MigrationRule::Merge { from, to, .. } => {
                named.extend(from.iter().map(String::as_str));
                targets.insert(to.as_str());
            }
            MigrationRule::Drop { from, .. } => named.push(from),
            MigrationRule::Derive { from, to, values } => {
                // A derive rule reads an old question and fills a current one, with values
                // each side accepts.
                let old = v1()
                    .question(from)
                    .unwrap_or_else(|| panic!("derive reads {from}, not a 1.0.0 question"));
                let new = q()
                    .question(to)
                    .unwrap_or_else(|| panic!("derive fills {to}, not a current question"));
                for (old_value, new_value) in values {
                    assert!(
                        old.answer
                            .options_worst_to_best()
                            .iter()
                            .any(|(id, ..)| id == old_value),
                        "derive {from} -> {to}: {old_value} is not a 1.0.0 answer"
                    );
                    assert!(
                        new.answer
                            .options_worst_to_best()
                            .iter()
                            .any(|(id, ..)| id == new_value),
                        "derive {from} -> {to}: {new_value} is not a current answer"
                    );
                }
            }
        }
    }
    for old in &named {
        assert!(
            v1().question(old).is_some(),
            "a rule names {old}, which 1.0.0 does not have"
        );
    }
    let unique: BTreeSet<&str> = named.iter().copied().collect();
    assert_eq!(unique.len(), named.len(), "an old question is named twice");
    for old in v1().questions() {
        let kept = q().question(&old.id).is_some();
        assert!(
            kept || unique.contains(old.id.as_ref()),
            "1.0.0 question {} is neither kept nor migrated",
            old.id
        );
    }
    // `added` is exactly the current questions no 1.0.0 answer can fill.
    let expected_added: Vec<&str> = q()
        .questions()
        .map(|qu| qu.id.as_ref())
        .filter(|id| v1().question(id).is_none() && !targets.contains(id))
        .collect();
    assert_eq!(
        rules.added.iter().map(String::as_str).collect::<Vec<_>>(),
        expected_added
    );
}

#[test]
fn current_files_are_not_migrated() {
    let (answers, report) = migration::migrate(&Default::default(), &q().version, q()).unwrap();
    assert!(answers.0.is_empty());
    assert_eq!(report, None::<MigrationReport>);
}

#[test]
fn the_cli_verifies_and_rescored_1_0_0_files() {
    let bin = env!("CARGO_BIN_EXE_vendor-readiness");
    let out = std::process::Command::new(bin)
        .arg("verify")
        .arg(fixture_path("score-1.0.0-mid-signed.json"))
        .arg(fixture_path(
            "score-1.0.0-low-result-edited-resealed-signed.json",
        ))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("OK ") && lines[0].contains("migrated from questionnaire 1.0.0"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("FLAGGED") && lines[1].contains("embedded result differs"),
        "{stdout}"
    );
    let out = std::process::Command::new(bin)
        .arg("score")
        .arg(fixture_path("answers-1.0.0-mid.json"))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["migration"]["from"], "1.0.0");
    assert!(report["migration"]["new_questions"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
}

#[test]
fn the_summary_counts_only_what_happened_and_names_the_gates_kept_pending() {
    let mut report = MigrationReport {
        from: "1.0.0".into(),
        to: "2.0.0".into(),
        ..Default::default()
    };
    assert_eq!(
        report.summary(),
        "migrated from questionnaire 1.0.0 to 2.0.0: nothing changed"
    );
    report.renamed.push(("a.old".into(), "a.new".into()));
    report.new_questions = vec!["b.one".into(), "b.two".into()];
    assert_eq!(
        report.summary(),
        "migrated from questionnaire 1.0.0 to 2.0.0: 1 answer renamed, 2 new questions to answer"
    );
    report.gate_questions = vec!["b.two".into()];
    assert_eq!(
        report.summary(),
        "migrated from questionnaire 1.0.0 to 2.0.0: 1 answer renamed, 2 new questions to answer \
         (1 of them keep a gate pending until answered: b.two)"
    );
}

#[test]
fn the_report_lists_exactly_the_renames_and_the_gate_questions() {
    let v = verified("score-1.0.0-mid-signed.json");
    let report = v.migration.as_ref().unwrap();
    // A rule that keeps the id and only maps values is no rename.
    let renames: Vec<(String, String)> = q().migrations()[0]
        .rules
        .iter()
        .filter_map(|r| match r {
            MigrationRule::Rename { from, to, .. } if from != to => {
                Some((from.to_string(), to.to_string()))
            }
            _ => None,
        })
        .collect();
    // 1.0.0 to 2.0.0 renames nothing; its rename rules only map values.
    assert!(q().migrations()[0]
        .rules
        .iter()
        .any(|r| matches!(r, MigrationRule::Rename { from, to, .. } if from == to)));
    assert_eq!(report.renamed, renames);
    // The gate questions are those new or to answer again that trigger a gate; the low
    // vendor has answers to give again.
    for name in [
        "score-1.0.0-mid-signed.json",
        "score-1.0.0-low-unsigned.json",
    ] {
        let v = verified(name);
        let report = v.migration.as_ref().unwrap();
        let gated: Vec<String> = q()
            .questions()
            .map(|qu| qu.id.to_string())
            .filter(|id| report.new_questions.contains(id) || report.needs_answer.contains(id))
            .filter(|id| {
                q().gates
                    .iter()
                    .any(|g| g.fires_if_any.iter().any(|t| *t.question == **id))
            })
            .collect();
        assert!(!gated.is_empty(), "{name}");
        assert_eq!(report.gate_questions, gated, "{name}");
    }
    assert!(!verified("score-1.0.0-low-unsigned.json")
        .migration
        .unwrap()
        .needs_answer
        .is_empty());
}

#[test]
fn merged_evidence_is_kept_once_and_capped() {
    use vendor_readiness::core::answers::{AnswerEntry, Answers, Evidence};
    let link =
        |n: usize| Evidence::from_link("Report", &format!("https://example.com/{n}")).unwrap();
    let entry = |evidence: Vec<Evidence>| AnswerEntry {
        value: None,
        notes: String::new(),
        evidence,
    };
    let merge = |first: Vec<Evidence>, second: Vec<Evidence>| {
        let mut answers = Answers::default();
        answers.0.insert("triage.metrics".into(), entry(first));
        answers
            .0
            .insert("governance.metrics_reviewed".into(), entry(second));
        let (migrated, _) = migration::migrate(&answers, "1.0.0", q()).unwrap();
        migrated
            .0
            .get("governance.metrics")
            .unwrap()
            .evidence
            .clone()
    };
    // The same link on both answers is kept once, in order.
    assert_eq!(
        merge(vec![link(1), link(2)], vec![link(1), link(3)]),
        [link(1), link(2), link(3)]
    );
    // No more than MAX_MERGED_EVIDENCE, the first ones.
    let many: Vec<Evidence> = (0..migration::MAX_MERGED_EVIDENCE + 2).map(link).collect();
    assert_eq!(
        merge(many.clone(), vec![]),
        many[..migration::MAX_MERGED_EVIDENCE]
    );
}

#[test]
fn a_context_answer_that_is_no_option_is_cleared_and_asked_again() {
    use vendor_readiness::core::answers::{AnswerValue, Answers};
    let mut answers = Answers::default();
    answers.set_value(
        "context.deployment",
        Some(AnswerValue::Choice("on_the_moon".into())),
    );
    answers.set_value("context.cra", Some(AnswerValue::Choice("not_eu".into())));
    let (migrated, report) = migration::migrate(&answers, "1.0.0", q()).unwrap();
    let report = report.unwrap();
    assert_eq!(migrated.value("context.deployment"), None);
    assert!(report
        .needs_answer
        .contains(&"context.deployment".to_owned()));
    assert_eq!(
        migrated.value("context.cra"),
        Some(&AnswerValue::Choice("not_eu".into()))
    );
    assert!(!report.needs_answer.contains(&"context.cra".to_owned()));
}

/// A signed score file sealed under the kept data of `version`, as that app sealed it (the
/// file format did not change within 2.0).
fn sealed_under(version: &str, answers_of: &str) -> Vec<u8> {
    use vendor_readiness::core::files::key_file::KeyFile;
    let kept = history::historic("vendor-security-readiness", version).expect("kept");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(answers_of);
    // The persona files are read as answering the data at hand, as their own test does.
    let mut doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    doc["questionnaire"]["digest"] = kept.digest().into();
    doc["questionnaire"]["version"] = version.into();
    let Loaded::Answers(a) = open::load(doc.to_string().as_bytes(), kept).unwrap() else {
        panic!("{answers_of} is an answers file")
    };
    let assessment = a.file.into_assessment();
    let key = KeyFile::from_seed([7; 32]).signing_key().unwrap();
    let file = vendor_readiness::score_file::seal(
        kept,
        &assessment,
        "0.2.0",
        "2026-12-01T08:00:00Z",
        Some(&key),
    );
    serde_json::to_vec_pretty(&file).unwrap()
}

#[test]
fn signed_score_files_of_earlier_2_0_versions_verify_and_score_the_same() {
    // 2.0.1 and 2.0.2 changed wording only: a file verifies over its own bytes, is judged
    // under the version it answers, migrates with no rule and keeps every level.
    for version in ["2.0.0", "2.0.1"] {
        let kept = history::historic("vendor-security-readiness", version).unwrap();
        assert_ne!(
            kept.digest(),
            q().digest(),
            "the wording changed the digest"
        );
        for persona in [
            "tests/personas/c-enterprise-ehr-cna-csaf.answers.json",
            "tests/personas/d-device-maker-fda-524b.answers.json",
        ] {
            let at = format!("{persona} under {version}");
            let bytes = sealed_under(version, persona);
            let v = verify::load_score(&bytes, q()).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(v.status(Default::default()), Status::Ok, "{at}");
            assert!(matches!(v.signature, SignatureState::Valid { .. }), "{at}");
            assert!(!v.edited, "{at}");
            assert_eq!(v.migrated_from.as_deref(), Some(version), "{at}");
            let report = v.migration.as_ref().expect("a migration report");
            assert_eq!(
                report.summary(),
                format!(
                    "migrated from questionnaire {version} to {}: nothing changed",
                    q().version
                ),
                "{at}"
            );
            let original = v.original.as_ref().expect("the earlier result");
            assert_eq!(original.overall, v.recomputed.overall, "{at}");
            let levels = |s: &vendor_readiness::scoring::Score| {
                s.domains.iter().map(|d| d.level).collect::<Vec<_>>()
            };
            assert_eq!(levels(original), levels(&v.recomputed), "{at}");
        }
    }
}
