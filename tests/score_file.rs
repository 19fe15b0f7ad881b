//! The score file: seal, load, integrity, signature, edited results, migration and refusals.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{json, Value};
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::core::files::FileError;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::verify::{IntegrityState, VerifiedScore};
use vendor_readiness::integrity::SignatureState;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;

fn sample() -> Assessment {
    let q = Questionnaire::builtin();
    let mut a = Assessment {
        answers: common::all_best(q),
        ..Default::default()
    };
    a.answers.set_value(
        "sbom.inventory",
        Some(serde_json::from_value(json!("no")).unwrap()),
    );
    a.answers.entry_mut("intake.vdp").notes = "Policy at /security".into();
    a.profile.organisation = "Acme Health IT".into();
    a.profile.products = "Acme EHR".into();
    a
}

fn sealed_json(signed: bool) -> Value {
    let key = KeyFile::from_seed([9; 32]).signing_key().unwrap();
    let file = score_file::seal(
        Questionnaire::builtin(),
        &sample(),
        "test",
        "2026-11-28T10:00:00Z",
        signed.then_some(&key),
    );
    serde_json::to_value(file).unwrap()
}

fn load(v: &Value) -> Result<VerifiedScore, FileError> {
    match open::load(v.to_string().as_bytes(), Questionnaire::builtin())? {
        Loaded::Score(s) => Ok(*s),
        Loaded::Answers(_) => panic!("loaded as answers"),
    }
}

#[test]
fn a_sealed_signed_file_verifies_and_rescoring_agrees() {
    let v = load(&sealed_json(true)).unwrap();
    assert_eq!(v.integrity, IntegrityState::Intact);
    assert_eq!(
        v.signature,
        SignatureState::Valid {
            fingerprint: KeyFile::from_seed([9; 32]).key_fingerprint
        }
    );
    assert!(
        !v.edited && v.status(Default::default()) == vendor_readiness::core::verify::Status::Ok
    );
    assert_eq!(v.recomputed.overall, 2.0, "no inventory caps overall at 2");
    assert_eq!(v.content.profile.organisation, "Acme Health IT");
}

#[test]
fn pretty_printing_or_reordering_does_not_break_the_digest() {
    let mut doc = sealed_json(true);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let Loaded::Score(v) = open::load(text.as_bytes(), Questionnaire::builtin()).unwrap() else {
        panic!()
    };
    assert!(v.status(Default::default()) == vendor_readiness::core::verify::Status::Ok);
    // Moving a key to the end of an object changes bytes but not the canonical form.
    let profile = doc["content"]["profile"].as_object_mut().unwrap();
    let org = profile.remove("organisation").unwrap();
    profile.insert("organisation".into(), org);
    assert!(
        load(&doc).unwrap().status(Default::default())
            == vendor_readiness::core::verify::Status::Ok
    );
}

#[test]
fn a_changed_answer_breaks_digest_and_signature() {
    let mut doc = sealed_json(true);
    doc["content"]["answers"]["sbom.inventory"]["value"] = json!("yes");
    let v = load(&doc).unwrap();
    assert!(matches!(v.integrity, IntegrityState::Mismatch { .. }));
    assert!(matches!(v.signature, SignatureState::Invalid { .. }));
    assert!(v.status(Default::default()) != vendor_readiness::core::verify::Status::Ok);
    assert_eq!(
        v.recomputed.overall, 4.0,
        "the shown result is always recomputed"
    );
}

#[test]
fn an_edited_result_resealed_without_a_key_is_flagged_as_edited() {
    let mut doc = sealed_json(false);
    doc["content"]["result"]["overall"] = json!(4.0);
    // Re-seal the digest as a forger would: integrity holds, the result does not.
    let content = doc["content"].clone();
    doc["integrity"]["digest"] =
        json!(vendor_readiness::integrity::digest_value(&content).unwrap());
    let v = load(&doc).unwrap();
    assert_eq!(v.integrity, IntegrityState::Intact);
    assert!(v.edited);
    assert_eq!(v.recomputed.overall, 2.0);
}

#[test]
fn a_swapped_public_key_is_invalid() {
    let mut doc = sealed_json(true);
    let other = KeyFile::from_seed([10; 32]);
    doc["signature"]["public_key"] = json!(other.public_key);
    doc["signature"]["key_fingerprint"] = json!(other.key_fingerprint);
    let v = load(&doc).unwrap();
    assert!(
        matches!(v.signature, SignatureState::Invalid { reason, .. } if reason.contains("does not match the content"))
    );
}

#[test]
fn hostile_and_foreign_files_are_refused_with_a_reason() {
    let q = Questionnaire::builtin();
    let refuse = |bytes: &[u8]| open::load(bytes, q).unwrap_err();
    assert_eq!(refuse(b""), FileError::Empty);
    assert!(matches!(refuse(b"not json"), FileError::NotJson(_)));
    assert!(matches!(refuse(&[0xff, 0xfe]), FileError::NotJson(_)));
    assert!(matches!(
        refuse(&vec![b' '; score_file::MAX_FILE_BYTES + 1]),
        FileError::TooLarge { .. }
    ));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(refuse(deep.as_bytes()), FileError::TooDeep(32));
    assert!(matches!(
        refuse(br#"{"format":"something-else"}"#),
        FileError::UnknownFormat { .. }
    ));

    let mut doc = sealed_json(false);
    doc["format_version"] = json!(2);
    assert!(matches!(
        refuse(doc.to_string().as_bytes()),
        FileError::UnsupportedVersion { .. }
    ));

    let mut doc = sealed_json(false);
    doc["content"]["questionnaire"]["version"] = json!("9.0.0");
    assert!(matches!(
        refuse(doc.to_string().as_bytes()),
        FileError::NewerQuestionnaire { .. }
    ));

    let mut doc = sealed_json(false);
    doc["content"]["questionnaire"]["id"] = json!("another-questionnaire");
    assert!(matches!(
        refuse(doc.to_string().as_bytes()),
        FileError::OtherQuestionnaire { .. }
    ));

    let mut doc = sealed_json(false);
    doc["content"]["answers"]["intake.made_up"] = json!({"value": "yes"});
    assert_eq!(
        refuse(doc.to_string().as_bytes()),
        FileError::UnknownQuestion("intake.made_up".into())
    );

    let mut doc = sealed_json(false);
    doc["content"]["answers"]["intake.ack_target"] = json!({"value": 100000});
    assert!(matches!(
        refuse(doc.to_string().as_bytes()),
        FileError::InvalidAnswer { .. }
    ));

    let mut doc = sealed_json(false);
    doc["content"]["profile"]["organisation"] = json!("Acme\u{202E}lanigiro");
    assert!(matches!(
        refuse(doc.to_string().as_bytes()),
        FileError::Text(vendor_readiness::core::text::TextError::Unsafe { .. })
    ));

    let text = sealed_json(false).to_string().replacen(
        "\"organisation\":",
        "\"organisation\":\"Evil Corp\",\"organisation\":",
        1,
    );
    assert!(
        matches!(refuse(text.as_bytes()), FileError::NotJson(m) if m.contains("duplicate key"))
    );
}

#[test]
fn file_names_are_safe_and_descriptive() {
    let mut a = sample();
    assert_eq!(
        score_file::file_name(&a.profile, "2026-11-28"),
        "acme-health-it-acme-ehr-2026-11-28.readiness.json"
    );
    a.profile.organisation = "../../etc/passwd".into();
    a.profile.products = String::new();
    assert_eq!(
        score_file::file_name(&a.profile, "2026-11-28"),
        "etc-passwd-product-2026-11-28.readiness.json"
    );
}

#[test]
fn sealing_a_number_that_json_cannot_hold_writes_null_under_a_digest_that_holds() {
    use vendor_readiness::answers::AnswerValue;
    use vendor_readiness::core::verify;
    let q = Questionnaire::builtin();
    let mut a = sample();
    a.answers.set_value(
        "remediation.critical_days",
        Some(AnswerValue::Number(f64::NAN)),
    );
    let file = score_file::seal(q, &a, "test", "2026-11-28T10:00:00Z", None);
    let text = serde_json::to_string(&file).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        doc["content"]["answers"]["remediation.critical_days"]["value"],
        Value::Null
    );
    let v = verify::load_score(text.as_bytes(), q).expect("loads");
    assert_eq!(
        v.integrity,
        IntegrityState::Intact,
        "the digest is the file's own"
    );
}

#[test]
fn an_answers_file_reopens_as_the_assessment_it_was_written_from() {
    let q = Questionnaire::builtin();
    let a = sample();
    let file = score_file::answers_file(q, &a);
    assert_eq!(file.clone().into_assessment(), a);
    let bytes = serde_json::to_vec(&file).unwrap();
    match open::load(&bytes, q).unwrap() {
        loaded @ Loaded::Answers(_) => assert_eq!(loaded.into_assessment(), a),
        other => panic!("an answers file opened as {other:?}"),
    }
}

#[test]
fn a_context_answer_must_be_one_of_its_options_and_a_number_finite() {
    use vendor_readiness::answers::AnswerValue;
    use vendor_readiness::core::files::content::check_assessment;
    let q = Questionnaire::builtin();
    let mut doc = sealed_json(false);
    doc["content"]["answers"]["context.deployment"] = json!({"value": "on_the_moon"});
    assert!(matches!(
        open::load(doc.to_string().as_bytes(), q).unwrap_err(),
        FileError::InvalidAnswer { question, .. } if question == "context.deployment"
    ));
    let mut a = sample();
    a.answers.set_value(
        "context.deployment",
        Some(AnswerValue::Choice("hosted".into())),
    );
    assert_eq!(check_assessment(&a.profile, &a.answers, q), Ok(()));
    // The page's own number fields parse "inf"; such a number is refused by name.
    a.answers.set_value(
        "intake.ack_target",
        Some(AnswerValue::Number(f64::INFINITY)),
    );
    assert_eq!(
        check_assessment(&a.profile, &a.answers, q),
        Err(FileError::InvalidAnswer {
            question: "intake.ack_target".into(),
            reason: "number is not finite".into(),
        })
    );
}
