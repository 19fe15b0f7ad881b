//! `schema/score-file.schema.json` against the Rust format: every file `seal` writes
//! validates; documents serde refuses are refused by the schema too (and the other way
//! round); the examples in `docs/score-file.md` validate and are correctly sealed.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use proptest::prelude::*;
use serde_json::{json, Value};

use vendor_readiness::answers::{AnswerValue, Evidence, FileEvidence};
use vendor_readiness::assessment::{Assessment, Edit, ProfileField};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::core::files::FileError;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::integrity::{self, SignatureState};
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file::{self, ScoreFile, MAX_EVIDENCE, MAX_TEXT_CHARS};

const CREATED: &str = "2026-11-28T00:00:00Z";

fn read_repo_file(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::from_str(&read_repo_file("schema/score-file.schema.json"))
            .expect("the schema is JSON")
    })
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| jsonschema::validator_for(schema()).expect("the schema compiles"))
}

/// A validator for one `$defs` entry of the schema, e.g. `AnswersFile`, built once.
fn def_validator(name: &str) -> &'static jsonschema::Validator {
    static CACHE: OnceLock<Mutex<HashMap<String, &'static jsonschema::Validator>>> =
        OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap();
    cache.entry(name.to_owned()).or_insert_with(|| {
        assert!(schema()["$defs"].get(name).is_some(), "no $defs/{name}");
        let wrapper = json!({
            "$schema": schema()["$schema"],
            "$defs": schema()["$defs"],
            "$ref": format!("#/$defs/{name}"),
        });
        Box::leak(Box::new(
            jsonschema::validator_for(&wrapper).expect("the wrapped schema compiles"),
        ))
    })
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at {:?}: {e}", e.instance_path().as_str()))
        .collect()
}

#[track_caller]
fn assert_valid_with(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errs = errors(validator, instance);
    assert!(
        errs.is_empty(),
        "{what} does not validate against the schema ({} errors):\n  {}",
        errs.len(),
        errs.join("\n  ")
    );
}

#[track_caller]
fn assert_valid(instance: &Value, what: &str) {
    assert_valid_with(validator(), instance, what);
}

fn seal(assessment: &Assessment, signed: bool) -> Value {
    let key = KeyFile::from_seed([1; 32]).signing_key().unwrap();
    let file = score_file::seal(
        Questionnaire::builtin(),
        assessment,
        "test",
        CREATED,
        signed.then_some(&key),
    );
    serde_json::to_value(&file).expect("a score file serializes")
}

/// Every question answered with its best answer, with notes and two pieces of evidence.
fn full_assessment() -> Assessment {
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    for (i, field) in ProfileField::ALL.into_iter().enumerate() {
        a.apply(Edit::Profile(field, format!("Value {i}\twith tab\nand é")));
    }
    for question in q.questions() {
        let id = question.id.clone();
        a.apply(Edit::Answer(id.to_string(), Some(question.answer.best())));
        a.apply(Edit::Notes(
            id.to_string(),
            format!("Notes on {id}.\nSecond line."),
        ));
        a.apply(Edit::AddEvidence(
            id.to_string(),
            Evidence {
                label: "Policy page".into(),
                url: Some("https://vendor.example/security".into()),
                file: None,
            },
        ));
        a.apply(Edit::AddEvidence(
            id.to_string(),
            Evidence {
                label: "Procedure document".into(),
                url: None,
                file: Some(FileEvidence {
                    name: "procedure v2.pdf".into(),
                    size: 123_456,
                    sha256: "ab".repeat(32),
                }),
            },
        ));
    }
    a
}

/// An assessment with one of each kind of answer, including "n/a" and an unanswered
/// entry that holds only notes.
fn mixed_assessment() -> Assessment {
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    let na = q
        .questions()
        .find(|qu| qu.allow_na)
        .expect("a question allowing n/a");
    a.apply(Edit::Answer(
        na.id.to_string(),
        Some(AnswerValue::NotApplicable),
    ));
    let mut questions = q.questions().filter(|qu| !qu.allow_na);
    let worst = questions.next().unwrap();
    a.apply(Edit::Answer(
        worst.id.to_string(),
        Some(worst.answer.worst()),
    ));
    let noted = questions.next().unwrap();
    a.apply(Edit::Notes(noted.id.to_string(), "still to check".into()));
    a
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    assert_eq!(
        schema()["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(e) = jsonschema::meta::validate(schema()) {
        panic!("the schema violates its meta-schema: {e}");
    }
}

#[test]
fn an_empty_assessment_validates() {
    assert_valid(&seal(&Assessment::default(), false), "empty assessment");
}

#[test]
fn a_fully_answered_assessment_with_notes_and_evidence_validates() {
    let file = seal(&full_assessment(), false);
    let entry = file["content"]["answers"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    assert!(entry["notes"].is_string() && entry["evidence"][1]["file"].is_object());
    assert_valid(&file, "fully answered assessment");
}

#[test]
fn a_mixed_assessment_validates() {
    let file = seal(&mixed_assessment(), false);
    let answers = file["content"]["answers"].as_object().unwrap();
    assert!(answers.values().any(|e| e["value"] == "n/a"));
    assert!(answers.values().any(|e| e["value"].is_null()));
    assert_valid(&file, "mixed assessment");
}

#[test]
fn a_signed_score_file_validates() {
    let file = seal(&full_assessment(), true);
    assert!(file["signature"].is_object());
    assert_valid(&file, "signed score file");
}

#[test]
fn the_template_validates_as_an_answers_file() {
    let template = serde_json::to_value(score_file::template(Questionnaire::builtin())).unwrap();
    assert!(template["guide"].as_array().is_some_and(|g| !g.is_empty()));
    assert_valid_with(def_validator("AnswersFile"), &template, "template");
    assert!(
        !validator().is_valid(&template),
        "an answers file must not pass as a score file"
    );
    let answers = score_file::answers_file(Questionnaire::builtin(), &full_assessment());
    assert_valid_with(
        def_validator("AnswersFile"),
        &serde_json::to_value(answers).unwrap(),
        "answers file",
    );
}

#[test]
fn the_top_level_required_list_is_complete() {
    let required: Vec<&str> = schema()["required"]
        .as_array()
        .expect("a top-level required list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in ["format", "format_version", "content", "integrity"] {
        assert!(required.contains(&field), "{field} is not required");
    }
    assert!(!required.contains(&"signature"));
    assert_eq!(schema()["additionalProperties"], false);
}

/// Applies a change to a copy of a document.
fn mutated(base: &Value, change: impl FnOnce(&mut Value)) -> Value {
    let mut doc = base.clone();
    change(&mut doc);
    doc
}

fn first_answer(doc: &mut Value) -> &mut Value {
    doc["content"]["answers"]
        .as_object_mut()
        .unwrap()
        .values_mut()
        .next()
        .unwrap()
}

#[test]
fn invalid_documents_are_rejected() {
    let base = seal(&full_assessment(), true);
    assert_valid(&base, "base document");
    let cases: Vec<(&str, Value)> = vec![
        (
            "unknown top-level field",
            mutated(&base, |d| d["extra"] = json!(1)),
        ),
        (
            "wrong format",
            mutated(&base, |d| d["format"] = json!("vendor-readiness-answers")),
        ),
        (
            "wrong format version",
            mutated(&base, |d| d["format_version"] = json!(2)),
        ),
        (
            "digest without prefix",
            mutated(&base, |d| {
                d["integrity"]["digest"] = json!("ab".repeat(32));
            }),
        ),
        (
            "digest in upper case",
            mutated(&base, |d| {
                d["integrity"]["digest"] = json!(format!("sha256:{}", "AB".repeat(32)));
            }),
        ),
        (
            "digest too short",
            mutated(&base, |d| {
                d["integrity"]["digest"] = json!(format!("sha256:{}", "ab".repeat(31)));
            }),
        ),
        (
            "answer value of type object",
            mutated(&base, |d| {
                first_answer(d)["value"] = json!({"choice": "yes"})
            }),
        ),
        (
            "answer value of type boolean",
            mutated(&base, |d| first_answer(d)["value"] = json!(true)),
        ),
        (
            "answer value of type array",
            mutated(&base, |d| first_answer(d)["value"] = json!(["yes"])),
        ),
        (
            "evidence file hash with prefix",
            mutated(&base, |d| {
                first_answer(d)["evidence"][1]["file"]["sha256"] =
                    json!(format!("sha256:{}", "ab".repeat(32)));
            }),
        ),
        (
            "questionnaire digest not matching the pattern",
            mutated(&base, |d| {
                d["content"]["questionnaire"]["digest"] = json!("sha256:xyz");
            }),
        ),
        (
            "public key not base64 of 32 bytes",
            mutated(&base, |d| d["signature"]["public_key"] = json!("AAAA")),
        ),
        (
            "signature not base64 of 64 bytes",
            mutated(&base, |d| d["signature"]["value"] = json!("not base64!")),
        ),
        (
            "unsupported signature algorithm",
            mutated(&base, |d| d["signature"]["algorithm"] = json!("rsa")),
        ),
        (
            "other hash algorithm",
            mutated(&base, |d| d["integrity"]["algorithm"] = json!("md5")),
        ),
        (
            "missing integrity",
            mutated(&base, |d| {
                d.as_object_mut().unwrap().remove("integrity");
            }),
        ),
        (
            "bidirectional override in notes",
            mutated(&base, |d| {
                first_answer(d)["notes"] = json!("approved\u{202E}devorppa ton");
            }),
        ),
        (
            "control character in a profile field",
            mutated(&base, |d| {
                d["content"]["profile"]["organisation"] = json!("Acme\u{0007}");
            }),
        ),
        (
            "too many evidence entries",
            mutated(&base, |d| {
                let ev = first_answer(d)["evidence"][0].clone();
                first_answer(d)["evidence"] = Value::Array(vec![ev; MAX_EVIDENCE + 1]);
            }),
        ),
    ];
    for (what, doc) in &cases {
        assert!(
            !validator().is_valid(doc),
            "the schema accepts a document with {what}"
        );
    }
}

fn serde_accepts(doc: &Value) -> bool {
    serde_json::from_value::<ScoreFile>(doc.clone()).is_ok()
}

type Change = Box<dyn Fn(&mut Value)>;

fn object_at<'a>(doc: &'a mut Value, pointer: &str) -> &'a mut serde_json::Map<String, Value> {
    doc.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer:?}"))
}

/// Removes member `key` of the object at `pointer`.
fn remove(pointer: impl Into<String>, key: &'static str) -> Change {
    let pointer = pointer.into();
    Box::new(move |d| {
        object_at(d, &pointer)
            .remove(key)
            .unwrap_or_else(|| panic!("no {key} at {pointer:?}"));
    })
}

/// Replaces the value at `pointer`.
fn set(pointer: impl Into<String>, value: Value) -> Change {
    let pointer = pointer.into();
    Box::new(move |d| {
        *d.pointer_mut(&pointer)
            .unwrap_or_else(|| panic!("nothing at {pointer:?}")) = value.clone();
    })
}

/// Adds an unknown member to the object at `pointer`.
fn add_unknown(pointer: impl Into<String>) -> Change {
    let pointer = pointer.into();
    Box::new(move |d| {
        object_at(d, &pointer).insert("unexpected".into(), json!(true));
    })
}

/// The schema describes what serde accepts: these changes are accepted by both or
/// refused by both.
#[test]
fn the_schema_agrees_with_serde() {
    let base = seal(&full_assessment(), true);
    let first_id = Questionnaire::builtin()
        .questions()
        .next()
        .unwrap()
        .id
        .clone();
    let entry = format!(
        "/content/answers/{}",
        first_id.replace('~', "~0").replace('/', "~1")
    );
    let value = format!("{entry}/value");
    let evidence = format!("{entry}/evidence/0");
    let file_ev = format!("{entry}/evidence/1/file");

    // At level 4 a domain has no progress and no missing steps, and no gate fires, so
    // those parts are changed in the result of an empty assessment.
    let empty = seal(&Assessment::default(), false);
    let accepted_on_empty: Vec<(&str, Change)> = vec![
        (
            "progress null",
            set("/content/result/domains/0/progress", Value::Null),
        ),
        (
            "progress absent",
            remove("/content/result/domains/0", "progress"),
        ),
        (
            "overall_cap absent",
            remove("/content/result", "overall_cap"),
        ),
        (
            "overall_cap null",
            set("/content/result/overall_cap", Value::Null),
        ),
        (
            "missing gate null",
            Box::new(|d: &mut Value| {
                let step = d["content"]["result"]["domains"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .flat_map(|dom| dom["missing"].as_array_mut().unwrap().iter_mut())
                    .find(|m| m.get("gate").is_some())
                    .expect("a missing step with a gate");
                step["gate"] = Value::Null;
            }),
        ),
    ];
    let refused_on_empty: Vec<(&str, Change)> = vec![
        (
            "unknown field in progress",
            add_unknown("/content/result/domains/0/progress"),
        ),
        (
            "unknown field in missing",
            add_unknown("/content/result/domains/0/missing/0"),
        ),
        (
            "unknown field in fired gate",
            add_unknown("/content/result/gates/0"),
        ),
        (
            "missing reason unknown",
            set("/content/result/domains/0/missing/0/reason", json!("later")),
        ),
        (
            "missing without reason",
            remove("/content/result/domains/0/missing/0", "reason"),
        ),
        (
            "pending not boolean",
            set("/content/result/gates/0/pending", json!("yes")),
        ),
        (
            "triggered_by not an array",
            set("/content/result/gates/0/triggered_by", json!("x")),
        ),
        (
            "progress earned text",
            set("/content/result/domains/0/progress/earned", json!("1")),
        ),
        (
            "overall_cap negative",
            set("/content/result/overall_cap", json!(-1)),
        ),
        (
            "overall_cap too large for u8",
            set("/content/result/overall_cap", json!(256)),
        ),
    ];
    let accepted: Vec<(&str, Change)> = vec![
        ("signature absent", remove("", "signature")),
        ("signature null", set("/signature", Value::Null)),
        ("answer value absent", remove(entry.clone(), "value")),
        ("answer value null", set(value.clone(), Value::Null)),
        ("answer value n/a", set(value.clone(), json!("n/a"))),
        ("answer value integer", set(value.clone(), json!(3))),
        ("answer value fraction", set(value.clone(), json!(2.5))),
        ("notes absent", remove(entry.clone(), "notes")),
        ("evidence absent", remove(entry.clone(), "evidence")),
        (
            "evidence empty",
            set(format!("{entry}/evidence"), json!([])),
        ),
        (
            "evidence url null",
            set(format!("{evidence}/url"), Value::Null),
        ),
        (
            "evidence with a label only",
            remove(evidence.clone(), "url"),
        ),
        (
            "evidence file null",
            set(format!("{entry}/evidence/1/file"), Value::Null),
        ),
        (
            "evidence file size zero",
            set(format!("{file_ev}/size"), json!(0)),
        ),
        ("empty answer entry", set(entry.clone(), json!({}))),
        ("no answers", set("/content/answers", json!({}))),
        (
            "profile field absent",
            remove("/content/profile", "organisation"),
        ),
        ("empty profile", set("/content/profile", json!({}))),
    ];
    let refused: Vec<(&str, Change)> = vec![
        ("unknown top-level field", add_unknown("")),
        ("unknown field in content", add_unknown("/content")),
        (
            "unknown field in questionnaire",
            add_unknown("/content/questionnaire"),
        ),
        ("unknown field in profile", add_unknown("/content/profile")),
        ("unknown field in answer entry", add_unknown(entry.clone())),
        ("unknown field in evidence", add_unknown(evidence.clone())),
        (
            "unknown field in evidence file",
            add_unknown(file_ev.clone()),
        ),
        ("unknown field in result", add_unknown("/content/result")),
        (
            "unknown field in domain score",
            add_unknown("/content/result/domains/0"),
        ),
        ("unknown field in integrity", add_unknown("/integrity")),
        ("unknown field in signature", add_unknown("/signature")),
        ("content absent", remove("", "content")),
        ("integrity absent", remove("", "integrity")),
        ("format absent", remove("", "format")),
        ("format_version absent", remove("", "format_version")),
        ("format_version text", set("/format_version", json!("1"))),
        ("profile absent", remove("/content", "profile")),
        ("answers absent", remove("/content", "answers")),
        ("result absent", remove("/content", "result")),
        ("created absent", remove("/content", "created")),
        ("app_version absent", remove("/content", "app_version")),
        (
            "questionnaire digest absent",
            remove("/content/questionnaire", "digest"),
        ),
        ("answers not an object", set("/content/answers", json!([]))),
        ("answer value boolean", set(value.clone(), json!(false))),
        ("answer value object", set(value.clone(), json!({}))),
        ("answer value array", set(value.clone(), json!([1]))),
        ("notes not text", set(format!("{entry}/notes"), json!(1))),
        ("evidence without label", remove(evidence.clone(), "label")),
        (
            "evidence file without hash",
            remove(file_ev.clone(), "sha256"),
        ),
        (
            "evidence file size negative",
            set(format!("{file_ev}/size"), json!(-1)),
        ),
        (
            "domain without met",
            remove("/content/result/domains/0", "met"),
        ),
        (
            "domain level text",
            set("/content/result/domains/0/level", json!("4")),
        ),
        (
            "domain level negative",
            set("/content/result/domains/0/level", json!(-1)),
        ),
        ("shown fraction", set("/content/result/shown", json!(1.5))),
        ("overall text", set("/content/result/overall", json!("4.0"))),
        ("signature without value", remove("/signature", "value")),
        ("integrity without digest", remove("/integrity", "digest")),
    ];

    let mut disagreements = Vec::new();
    let mut check = |base: &Value, cases: &[(&str, Change)], expected: bool| {
        for (what, change) in cases {
            let doc = mutated(base, |d| change(d));
            let (schema_ok, serde_ok) = (validator().is_valid(&doc), serde_accepts(&doc));
            if schema_ok != expected || serde_ok != expected {
                disagreements.push(format!(
                    "{what}: schema {}, serde {} (expected both to {})",
                    verdict(schema_ok),
                    verdict(serde_ok),
                    if expected { "accept" } else { "refuse" },
                ));
            }
        }
    };
    check(&empty, &accepted_on_empty, true);
    check(&empty, &refused_on_empty, false);
    check(&base, &accepted, true);
    check(&base, &refused, false);
    assert!(
        disagreements.is_empty(),
        "schema and serde disagree:\n  {}",
        disagreements.join("\n  ")
    );
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "accepts"
    } else {
        "refuses"
    }
}

#[test]
fn text_length_limit_counts_characters_like_the_verifier() {
    let text = def_validator("SafeText");
    for c in ["a", "é", "😀"] {
        let at_limit = c.repeat(MAX_TEXT_CHARS);
        let over = c.repeat(MAX_TEXT_CHARS + 1);
        assert!(text.is_valid(&json!(at_limit)));
        assert!(vendor_readiness::core::text::check_text("t", &at_limit).is_ok());
        assert!(!text.is_valid(&json!(over)));
        assert!(vendor_readiness::core::text::check_text("t", &over).is_err());
    }
}

#[test]
fn base64_patterns_accept_every_encoding_of_the_right_length() {
    let block = def_validator("SignatureBlock");
    for b in 0..=255u8 {
        let doc = json!({
            "algorithm": "ed25519",
            "public_key": B64.encode([b; 32]),
            "key_fingerprint": integrity::sha256_hex(&[b; 32]),
            "value": B64.encode([b; 64]),
        });
        assert_valid_with(block, &doc, &format!("a block of bytes {b}"));
        for (field, text) in [
            ("public_key", B64.encode([b; 31])),
            ("public_key", B64.encode([b; 33])),
            ("value", B64.encode([b; 63])),
            ("value", B64.encode([b; 65])),
        ] {
            let mut wrong = doc.clone();
            wrong[field] = json!(text);
            assert!(!block.is_valid(&wrong), "{field} {text} accepted");
        }
    }
}

/// Characters worth trying around the text-safety rules, plus any character at all.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            'a', 'é', ' ', '\t', '\n', '\r', '\u{0}', '\u{8}', '\u{b}', '\u{c}', '\u{e}', '\u{1f}',
            '\u{7f}', '\u{85}', '\u{9f}', '\u{a0}', '\u{61b}', '\u{61c}', '\u{61d}', '\u{200d}',
            '\u{200e}', '\u{200f}', '\u{2028}', '\u{2029}', '\u{202a}', '\u{202e}', '\u{202f}',
            '\u{2065}', '\u{2066}', '\u{2069}', '\u{206a}', '\u{feff}',
        ]),
    ]
}

proptest! {
    /// The schema's free-text rule and the verifier's `check_text` agree on every string.
    #[test]
    fn safe_text_pattern_matches_check_text(
        chars in prop::collection::vec(interesting_char(), 0..24)
    ) {
        let s: String = chars.into_iter().collect();
        let schema_ok = def_validator("SafeText").is_valid(&json!(s));
        let verifier_ok = vendor_readiness::core::text::check_text("t", &s).is_ok();
        prop_assert_eq!(schema_ok, verifier_ok, "{:?}", s);
    }

    /// Everything the key and signature patterns allow decodes to exactly a 32-byte key
    /// and a 64-byte signature.
    #[test]
    fn signature_patterns_only_allow_the_right_lengths(
        key_text in "[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=",
        sig_text in "[A-Za-z0-9+/]{85}[AQgw]==",
    ) {
        prop_assert_eq!(B64.decode(&key_text).map(|b| b.len()).ok(), Some(32));
        prop_assert_eq!(B64.decode(&sig_text).map(|b| b.len()).ok(), Some(64));
    }

    /// Any finite number or string is an answer value for the schema and for serde.
    #[test]
    fn numbers_and_strings_are_answer_values(
        n in any::<f64>().prop_filter("finite", |n| n.is_finite()),
        s in ".{0,12}",
    ) {
        let entry = def_validator("AnswerEntry");
        for value in [json!(n), json!(s), Value::Null] {
            let doc = json!({ "value": value });
            prop_assert!(entry.is_valid(&doc));
            prop_assert!(
                serde_json::from_value::<vendor_readiness::answers::AnswerEntry>(doc).is_ok()
            );
        }
    }
}

proptest! {
    // Ed25519 is slow in unoptimized test builds: a few keys suffice.
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Every key and signature the app makes matches the patterns.
    #[test]
    fn every_signature_block_matches_the_patterns(seed in any::<[u8; 32]>(), content in any::<Vec<u8>>()) {
        let key = KeyFile::from_seed(seed).signing_key().unwrap();
        let block = serde_json::to_value(integrity::sign(&key, &content)).unwrap();
        let errs = errors(def_validator("SignatureBlock"), &block);
        prop_assert!(errs.is_empty(), "{:?}", errs);
    }
}

/// The JSON block that follows `<!-- example:NAME -->` in docs/score-file.md.
fn doc_example(name: &str) -> Value {
    let doc = read_repo_file("docs/score-file.md");
    let marker = format!("<!-- example:{name} -->");
    let start = doc
        .find(&marker)
        .unwrap_or_else(|| panic!("docs/score-file.md has no {marker}"));
    let rest = &doc[start..];
    let open = rest
        .find("```json\n")
        .expect("a json block after the marker")
        + 8;
    let close = rest[open..].find("\n```").expect("a closed json block");
    serde_json::from_str(&rest[open..open + close])
        .unwrap_or_else(|e| panic!("example {name} is not JSON: {e}"))
}

#[test]
fn the_documented_score_file_is_valid_and_correctly_sealed() {
    let example = doc_example("score-file");
    assert_valid(&example, "the score file in docs/score-file.md");
    let canonical = integrity::canonical_bytes(&example["content"]).unwrap();
    assert_eq!(
        example["integrity"]["digest"],
        integrity::sha256_hex(&canonical),
        "the documented digest does not match the documented content"
    );
    let block = serde_json::from_value(example["signature"].clone()).unwrap();
    assert!(
        matches!(
            integrity::verify(Some(&block), &canonical),
            SignatureState::Valid { .. }
        ),
        "the documented signature does not verify"
    );
    // The same content as sealed now must not be flagged as edited, as long as the
    // built-in questionnaire is the one the example answers.
    let file: ScoreFile = serde_json::from_value(example.clone()).unwrap();
    let q = Questionnaire::builtin();
    if file.content.questionnaire.digest == q.digest() {
        let bytes = serde_json::to_vec(&example).unwrap();
        match open::load(&bytes, q).unwrap() {
            Loaded::Score(v) => assert!(
                v.status(Default::default()) == vendor_readiness::core::verify::Status::Ok,
                "{v:?}"
            ),
            Loaded::Answers(_) => panic!("loaded as an answers file"),
        }
    } else {
        eprintln!(
            "note: the example in docs/score-file.md answers another questionnaire digest \
             than the built-in one; regenerate it so it loads with this build"
        );
    }
}

#[test]
fn the_documented_answers_file_is_valid() {
    let example = doc_example("answers-file");
    assert_valid_with(
        def_validator("AnswersFile"),
        &example,
        "the answers file in docs/score-file.md",
    );
    let bytes = serde_json::to_vec(&example).unwrap();
    assert!(matches!(
        open::load(&bytes, Questionnaire::builtin()),
        Ok(Loaded::Answers(_)) | Err(FileError::QuestionnaireDigest { .. })
    ));
}

#[test]
fn the_documented_limits_match_the_code() {
    let doc = read_repo_file("docs/score-file.md");
    for (name, value) in [
        ("MAX_FILE_BYTES", score_file::MAX_FILE_BYTES.to_string()),
        ("MAX_DEPTH", score_file::MAX_DEPTH.to_string()),
        ("MAX_TEXT_CHARS", score_file::MAX_TEXT_CHARS.to_string()),
        ("MAX_EVIDENCE", score_file::MAX_EVIDENCE.to_string()),
    ] {
        let row = doc
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{name}`")))
            .unwrap_or_else(|| panic!("docs/score-file.md has no table row for {name}"));
        assert!(
            row.replace([',', ' '], "").contains(&format!("|{value}|")),
            "docs/score-file.md gives {name} wrongly: {row}"
        );
    }
}
