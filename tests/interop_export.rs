//! The CycloneDX 1.6 attestation and OSCAL 1.1.3 assessment-results exports: valid
//! against the official schemas (vendored in `tests/schemas/`) for sealed, migrated,
//! answers-file and blank inputs and for hostile text; deterministic; and faithful: every
//! question has its claim or finding with the credit scoring gives it.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/interop.rs"]
mod fixtures;
#[path = "common/schemas.rs"]
mod schemas;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fixtures::{fixture, q, rich_assessment, sealed, verified, POLICY_PDF, SBOM_JSON};
use jsonschema::Validator;
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;
use time::OffsetDateTime;
use vendor_readiness::answers::{Evidence, FileEvidence};
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::export::cyclonedx::cdxa;
use vendor_readiness::export::oscal::assessment_results;
use vendor_readiness::export::ExportInput;
use vendor_readiness::integrity::fingerprint;
use vendor_readiness::score_file;
use vendor_readiness::scoring::{self, QuestionStatus};

const NOW: OffsetDateTime = datetime!(2026-02-03 04:05:06 UTC);

fn cdx_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(schemas::cyclonedx)
}

fn oscal_validator() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(schemas::oscal_assessment_results)
}

/// Both exports of an input, each checked against its schema.
fn exports(input: &ExportInput, what: &str) -> (Value, Value) {
    let cdx = cdxa(q(), input, NOW);
    schemas::assert_valid(cdx_validator(), &cdx, &format!("CycloneDX of {what}"));
    let ar = assessment_results(q(), input, NOW);
    schemas::assert_valid(oscal_validator(), &ar, &format!("OSCAL of {what}"));
    (cdx, ar)
}

fn input_of(bytes: &[u8]) -> ExportInput {
    ExportInput::from_loaded(q(), &open::load(bytes, q()).expect("the file loads"))
}

/// Metadata properties of a BOM as name → value.
fn cdx_props(bom: &Value) -> BTreeMap<String, String> {
    bom["metadata"]["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// OSCAL props of an object as (name, class) → value.
fn oscal_props(obj: &Value) -> BTreeMap<(String, String), String> {
    obj["props"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|p| {
            assert_eq!(p["ns"], "urn:vendor-security-readiness:oscal");
            (
                (
                    p["name"].as_str().unwrap().to_owned(),
                    p["class"].as_str().unwrap_or_default().to_owned(),
                ),
                p["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn prop<'a>(props: &'a BTreeMap<(String, String), String>, name: &str) -> Option<&'a str> {
    props
        .get(&(name.to_owned(), String::new()))
        .map(String::as_str)
}

#[test]
fn the_validators_accept_the_samples_and_refuse_broken_documents() {
    let cdx = schemas::sample("cdxa-minimal.json");
    schemas::assert_valid(cdx_validator(), &cdx, "the CDXA sample");
    let mut broken = cdx.clone();
    broken["declarations"]["assessors"][0]["thirdParty"] = json!("no");
    broken["declarations"]["attestations"][0]["map"][0]["conformance"]["score"] = json!(1.5);
    broken["declarations"]["claims"][0]["externalReferences"] =
        json!([{"type": "evidence", "url": "not a uri"}]);
    assert_eq!(
        error_paths(cdx_validator(), &broken),
        [
            "/declarations/assessors/0/thirdParty",
            "/declarations/attestations/0/map/0/conformance/score",
            "/declarations/claims/0/externalReferences/0/url",
        ]
    );

    let ar = schemas::sample("oscal-ar-minimal.json");
    schemas::assert_valid(oscal_validator(), &ar, "the OSCAL sample");
    let mut broken = ar.clone();
    // A version-1 UUID, a date without a time zone, a property value with a line break.
    broken["assessment-results"]["uuid"] = json!("5a6c1e3a-6b1f-1d8e-9c2a-1f0e7d3b9a41");
    broken["assessment-results"]["metadata"]["last-modified"] = json!("2025-01-15T10:00:00");
    broken["assessment-results"]["metadata"]["props"] =
        json!([{"name": "x", "value": "two\nlines"}]);
    assert_eq!(
        error_paths(oscal_validator(), &broken),
        [
            "/assessment-results/metadata/last-modified",
            "/assessment-results/metadata/props/0/value",
            "/assessment-results/uuid",
        ]
    );
}

/// The instance paths of every error, each once, sorted.
fn error_paths(validator: &Validator, doc: &Value) -> Vec<String> {
    let paths: BTreeSet<String> = validator
        .iter_errors(doc)
        .map(|e| e.instance_path().to_string())
        .collect();
    paths.into_iter().collect()
}

#[test]
fn a_sealed_signed_2_0_0_score_file_exports_valid_documents_tied_to_its_digest_and_key() {
    let bytes = sealed(&rich_assessment(), "2025-05-01T09:30:00Z", Some(7));
    let v = verified(&bytes);
    let key = fingerprint(&fixtures::key(7).verifying_key());
    let (cdx, ar) = exports(&input_of(&bytes), "a sealed 2.0.0 file");

    let props = cdx_props(&cdx);
    assert_eq!(props["vendor-readiness:source"], "score-file");
    assert_eq!(props["vendor-readiness:score-file:digest"], v.digest);
    assert_eq!(props["vendor-readiness:score-file:signature"], "valid");
    assert_eq!(props["vendor-readiness:score-file:signature-key"], key);
    assert_eq!(props["vendor-readiness:score-file:integrity"], "intact");
    assert_eq!(props["vendor-readiness:score-file:result-edited"], "false");
    assert_eq!(
        props["vendor-readiness:questionnaire:version"],
        &*vendor_readiness::questionnaire::Questionnaire::builtin().version
    );
    assert_eq!(props["vendor-readiness:questionnaire:digest"], q().digest());
    assert_eq!(
        props["vendor-readiness:context:context.deployment"],
        q().context[0].options[0].label
    );
    assert_eq!(
        props["vendor-readiness:overall"],
        v.recomputed.overall.to_string()
    );
    for d in &v.recomputed.domains {
        assert_eq!(
            props[&format!("vendor-readiness:level:{}", d.domain)],
            d.level.to_string()
        );
    }
    assert!(
        !v.recomputed.gates.is_empty(),
        "the rich assessment fires a gate"
    );
    for g in &v.recomputed.gates {
        let title = &q().gate(&g.gate).unwrap().title;
        assert!(props[&format!("vendor-readiness:gate:{}", g.gate)].starts_with(title.as_ref()));
    }
    assert_eq!(cdx["metadata"]["timestamp"], "2025-05-01T09:30:00Z");
    assert_eq!(
        cdx["declarations"]["assessors"],
        json!([{"bom-ref": "assessor:vendor", "thirdParty": false,
                "organization": {"name": "Acme Health IT", "contact": [{"name": "Dana Smith"}]}}])
    );
    let products: Vec<&str> = cdx["declarations"]["targets"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(products, ["Acme PACS", "Acme Portal"]);
    assert_eq!(
        props["vendor-readiness:profile:products"],
        "Acme PACS; Acme Portal"
    );

    let doc = &ar["assessment-results"];
    let meta = oscal_props(&doc["metadata"]);
    assert_eq!(prop(&meta, "score-file-digest"), Some(v.digest.as_str()));
    assert_eq!(prop(&meta, "score-file-signature-key"), Some(key.as_str()));
    assert_eq!(doc["metadata"]["version"], v.digest);
    assert_eq!(doc["metadata"]["oscal-version"], "1.1.3");
    assert_eq!(doc["metadata"]["last-modified"], "2025-05-01T09:30:00Z");
    let result = &doc["results"][0];
    let rp = oscal_props(result);
    assert_eq!(
        prop(&rp, "overall-score"),
        Some(v.recomputed.overall.to_string().as_str())
    );
    for d in &v.recomputed.domains {
        let key = ("domain-level".to_owned(), d.domain.clone());
        assert_eq!(rp[&key], d.level.to_string());
        let key = ("domain-weight".to_owned(), d.domain.clone());
        assert_eq!(rp[&key], q().domain(&d.domain).unwrap().weight.to_string());
    }
    for g in &v.recomputed.gates {
        assert!(rp.contains_key(&("gate-fired".to_owned(), g.gate.clone())));
    }
    // import-ap points at the questionnaire in the back-matter.
    let plan = doc["import-ap"]["href"]
        .as_str()
        .unwrap()
        .trim_start_matches('#');
    let resource = doc["back-matter"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["uuid"] == plan)
        .expect("the plan resource");
    assert!(resource["citation"]["text"]
        .as_str()
        .unwrap()
        .contains(&q().digest()));
}

#[test]
fn every_question_has_its_requirement_and_every_answer_its_claim_with_the_scored_credit() {
    let a = rich_assessment();
    let bytes = sealed(&a, "2025-05-01T09:30:00Z", None);
    let (cdx, _) = exports(&input_of(&bytes), "a sealed file");
    let statuses = scoring::evaluate(q(), &a.answers);

    // Every bom-ref is unique, and every reference points at one.
    let mut refs = BTreeSet::new();
    collect_bom_refs(&cdx, &mut refs);
    let decl = &cdx["declarations"];
    let standard = &cdx["definitions"]["standards"][0];
    // Every reference to a bom-ref (refLinkType) points at one that exists.
    let resolves = |v: &Value| {
        let r = v.as_str().unwrap();
        assert!(refs.contains(r), "{r} does not resolve");
    };
    resolves(&decl["attestations"][0]["assessor"]);
    for entry in decl["attestations"][0]["map"].as_array().unwrap() {
        resolves(&entry["requirement"]);
        entry["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .for_each(resolves);
    }
    for claim in decl["claims"].as_array().unwrap() {
        resolves(&claim["target"]);
        claim["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .for_each(resolves);
    }
    for r in standard["requirements"].as_array().unwrap() {
        if !r["parent"].is_null() {
            resolves(&r["parent"]);
        }
    }
    for level in standard["levels"].as_array().unwrap() {
        level["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(resolves);
    }
    let requirements: Vec<&Value> = standard["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(
        requirements.len(),
        q().domains.len() + q().questions().count()
    );
    assert_eq!(
        requirements[0]["properties"],
        json!([{"name": "vendor-readiness:weight", "value": q().domains[0].weight.to_string()}])
    );
    let map = decl["attestations"][0]["map"].as_array().unwrap();
    assert_eq!(
        map.len(),
        q().questions().count(),
        "a map entry per question"
    );
    let claims: BTreeMap<&str, &Value> = decl["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["bom-ref"].as_str().unwrap(), c))
        .collect();
    let evidence: BTreeMap<&str, &Value> = decl["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["bom-ref"].as_str().unwrap(), e))
        .collect();
    let mut answered = 0;
    for (entry, question) in map.iter().zip(q().questions()) {
        assert_eq!(entry["requirement"], format!("requirement:{}", question.id));
        assert!(refs.contains(entry["requirement"].as_str().unwrap()));
        let status = &statuses[&*question.id];
        let score = entry["conformance"]["score"].as_f64();
        match status {
            QuestionStatus::Answered { credit } => {
                assert_eq!(score, Some(*credit), "{}", question.id);
            }
            _ => assert_eq!(score, None, "{}: no credit, no score", question.id),
        }
        let has_claim = matches!(
            status,
            QuestionStatus::Answered { .. } | QuestionStatus::NotApplicable
        );
        assert_eq!(entry["claims"].is_array(), has_claim, "{}", question.id);
        if !has_claim {
            continue;
        }
        answered += 1;
        let claim = claims[format!("claim:{}", question.id).as_str()];
        assert_eq!(claim["target"], "target:organisation");
        assert!(refs.contains(claim["target"].as_str().unwrap()));
        let recorded = &a.answers.0[&*question.id];
        let ev_refs = claim["evidence"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        assert_eq!(ev_refs.len(), recorded.evidence.len(), "{}", question.id);
        for r in ev_refs {
            assert!(evidence.contains_key(r.as_str().unwrap()));
        }
        assert_eq!(
            claim["reasoning"].as_str(),
            Some(recorded.notes.as_str()).filter(|n| !n.is_empty())
        );
    }
    assert_eq!(answered, claims.len());
    let na = map
        .iter()
        .find(|e| e["requirement"] == "requirement:supply_chain.contract_disclosure")
        .unwrap();
    let rationale = na["conformance"]["rationale"].as_str().unwrap();
    assert!(
        rationale.contains("(not applicable): left out"),
        "{rationale}"
    );

    // Local files: named by SHA-256 in the evidence, hashed in the claim's references.
    let policy = FileEvidence::from_bytes("VDP policy v2.pdf", POLICY_PDF).sha256;
    let vdp = claims["claim:intake.vdp"];
    assert_eq!(
        vdp["externalReferences"],
        json!([{"type": "evidence", "url": "VDP%20policy%20v2.pdf",
                "comment": "Policy (PDF) (51 bytes)",
                "hashes": [{"alg": "SHA-256", "content": policy}]}])
    );
    let link = evidence["evidence:intake.vdp:1"];
    assert_eq!(
        link["data"][0]["contents"]["url"],
        "https://acme.example/security/vdp"
    );
    let file = evidence["evidence:intake.vdp:2"];
    assert_eq!(file["data"][0]["name"], "VDP policy v2.pdf");
    assert!(file["data"][0]["contents"]["url"]
        .as_str()
        .unwrap()
        .starts_with("ni:///sha-256;"));

    // Levels are cumulative: L2 of a domain lists its L1 and L2 questions.
    let intake_l2 = standard["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["identifier"] == "intake-L2")
        .unwrap();
    let expected: Vec<String> = q().domains[0]
        .questions
        .iter()
        .filter(|x| x.level <= 2)
        .map(|x| format!("requirement:{}", x.id))
        .collect();
    assert_eq!(intake_l2["requirements"], json!(expected));
    assert_eq!(
        standard["levels"].as_array().unwrap().len(),
        q().domains.len() * 4
    );
}

/// Collects every `bom-ref`, failing on a repeat.
fn collect_bom_refs<'a>(v: &'a Value, out: &mut BTreeSet<&'a str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("bom-ref") {
                assert!(out.insert(r), "bom-ref {r} is repeated");
            }
            m.values().for_each(|x| collect_bom_refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_bom_refs(x, out)),
        _ => {}
    }
}

#[test]
fn every_question_in_scope_has_a_finding_with_the_scored_state_and_credit() {
    let a = rich_assessment();
    let bytes = sealed(&a, "2025-05-01T09:30:00Z", None);
    let (_, ar) = exports(&input_of(&bytes), "a sealed file");
    let doc = &ar["assessment-results"];
    let result = &doc["results"][0];
    let statuses = scoring::evaluate(q(), &a.answers);

    let mut uuids = BTreeSet::new();
    collect_uuids(&ar, &mut uuids);
    let selection = &result["reviewed-controls"]["control-selections"][0];
    let ids = |key: &str| -> Vec<String> {
        selection[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["control-id"].as_str().unwrap().to_owned())
            .collect()
    };
    let in_scope: Vec<String> = q()
        .questions()
        .filter(|x| statuses[&*x.id] != QuestionStatus::OutOfScope)
        .map(|x| x.id.to_string())
        .collect();
    assert_eq!(ids("include-controls"), in_scope);
    assert!(ids("exclude-controls").contains(&"remediation.all_tenants".to_owned()));

    let observations: BTreeMap<&str, &Value> = result["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["uuid"].as_str().unwrap(), o))
        .collect();
    let resources: BTreeMap<&str, &Value> = doc["back-matter"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["uuid"].as_str().unwrap(), r))
        .collect();
    let findings = result["findings"].as_array().unwrap();
    assert_eq!(findings.len(), in_scope.len());
    // OSCAL's allowed values (its metaschema, which the JSON schema does not hold).
    for o in observations.values() {
        for m in o["methods"].as_array().unwrap() {
            assert!(["EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"].contains(&m.as_str().unwrap()));
        }
        for t in o["types"].as_array().unwrap() {
            assert!([
                "ssp-statement-issue",
                "control-objective",
                "mitigation",
                "finding",
                "historic"
            ]
            .contains(&t.as_str().unwrap()));
        }
    }
    for f in findings {
        let t = &f["target"];
        assert!(["satisfied", "not-satisfied"].contains(&t["status"]["state"].as_str().unwrap()));
        assert!(["pass", "fail", "other"].contains(&t["status"]["reason"].as_str().unwrap()));
        if let Some(state) = t["implementation-status"]["state"].as_str() {
            assert!([
                "implemented",
                "partial",
                "planned",
                "alternative",
                "not-applicable"
            ]
            .contains(&state));
        }
        assert!(["statement-id", "objective-id"].contains(&t["type"].as_str().unwrap()));
    }
    for (f, id) in findings.iter().zip(&in_scope) {
        let target = &f["target"];
        assert_eq!(target["target-id"], format!("{id}_obj"));
        let props = oscal_props(f);
        let state = target["status"]["state"].as_str().unwrap();
        match &statuses[id] {
            QuestionStatus::Answered { credit } => {
                assert_eq!(
                    prop(&props, "credit"),
                    Some(credit.to_string().as_str()),
                    "{id}"
                );
                let expected = if *credit >= 1.0 {
                    "satisfied"
                } else {
                    "not-satisfied"
                };
                assert_eq!(state, expected, "{id}");
            }
            QuestionStatus::NotApplicable => {
                assert_eq!(target["implementation-status"]["state"], "not-applicable");
                assert_eq!(prop(&props, "credit"), None);
            }
            other => {
                assert_eq!(state, "not-satisfied", "{id}: {other:?}");
                assert!(
                    f.get("related-observations").is_none(),
                    "{id}: nothing observed"
                );
            }
        }
        if let Some(rel) = f["related-observations"].as_array() {
            let o = observations[rel[0]["observation-uuid"].as_str().unwrap()];
            assert_eq!(
                oscal_props(o)[&("question-id".to_owned(), String::new())],
                *id
            );
            for ev in o["relevant-evidence"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if let Some(href) = ev["href"].as_str().and_then(|h| h.strip_prefix('#')) {
                    assert!(
                        resources.contains_key(href),
                        "{id}: {href} in the back-matter"
                    );
                }
            }
        }
    }
    // The answer and the notes are in the observation.
    let channel = observations
        .values()
        .find(|o| o["title"] == *q().question("intake.channel").unwrap().text)
        .unwrap();
    let description = channel["description"].as_str().unwrap();
    assert!(
        description.starts_with("Answer: Yes (credit 1, met)."),
        "{description}"
    );
    assert!(description.contains("Triaged every working day."));
    // A local file is a back-matter resource with its hash.
    let sbom = resources
        .values()
        .find(|r| r["title"] == "sbom.cdx.json")
        .unwrap();
    assert_eq!(
        sbom["rlinks"],
        json!([{"href": "sbom.cdx.json", "hashes": [{"algorithm": "SHA-256",
            "value": FileEvidence::from_bytes("x", SBOM_JSON).sha256}]}])
    );
}

fn collect_uuids<'a>(v: &'a Value, out: &mut BTreeSet<&'a str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(u)) = m.get("uuid") {
                assert!(out.insert(u), "uuid {u} is repeated");
            }
            m.values().for_each(|x| collect_uuids(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_uuids(x, out)),
        _ => {}
    }
}

#[test]
fn every_1_0_0_score_file_exports_valid_documents_that_say_it_was_migrated() {
    for name in [
        "score-1.0.0-browser-signed.json",
        "score-1.0.0-high-signed.json",
        "score-1.0.0-low-unsigned.json",
        "score-1.0.0-mid-signed.json",
        "score-1.0.0-mid-signed-tampered.json",
        "score-1.0.0-low-result-edited-resealed-signed.json",
    ] {
        let (cdx, ar) = exports(&input_of(&fixture(name)), name);
        let props = cdx_props(&cdx);
        assert_eq!(
            props["vendor-readiness:questionnaire:answered-version"], "1.0.0",
            "{name}"
        );
        assert!(props["vendor-readiness:migration"].contains("migrated from questionnaire 1.0.0"));
        let meta = oscal_props(&ar["assessment-results"]["metadata"]);
        assert_eq!(prop(&meta, "questionnaire-answered-version"), Some("1.0.0"));
        if name.contains("tampered") {
            assert_eq!(props["vendor-readiness:score-file:integrity"], "mismatch");
            assert_eq!(props["vendor-readiness:score-file:signature"], "invalid");
            assert_eq!(prop(&meta, "score-file-integrity"), Some("mismatch"));
        }
        if name.contains("edited") {
            assert_eq!(props["vendor-readiness:score-file:result-edited"], "true");
        }
    }
}

#[test]
fn answers_files_export_valid_documents_without_a_digest_or_signature() {
    let current = score_file::answers_file(q(), &rich_assessment());
    let current = serde_json::to_vec(&current).unwrap();
    for (what, bytes) in [
        ("a 2.0.0 answers file", current),
        ("a 1.0.0 answers file", fixture("answers-1.0.0-mid.json")),
    ] {
        let loaded = open::load(&bytes, q()).unwrap();
        assert!(matches!(loaded, Loaded::Answers(_)), "{what}");
        let input = ExportInput::from_loaded(q(), &loaded);
        let (cdx, ar) = exports(&input, what);
        let props = cdx_props(&cdx);
        assert_eq!(props["vendor-readiness:source"], "answers");
        assert!(
            props.keys().all(|k| !k.contains("score-file")),
            "{what}: {props:?}"
        );
        assert_eq!(
            props["vendor-readiness:answers:content-digest"],
            input.content_digest
        );
        assert_eq!(
            cdx["metadata"]["timestamp"], "2026-02-03T04:05:06Z",
            "the caller's time"
        );
        let meta = oscal_props(&ar["assessment-results"]["metadata"]);
        assert_eq!(prop(&meta, "source"), Some("answers"));
        assert_eq!(prop(&meta, "score-file-digest"), None);
    }
}

#[test]
fn a_blank_template_exports_valid_documents_with_no_claims_or_observations() {
    let template = serde_json::to_vec(&score_file::template(q())).unwrap();
    let input = input_of(&template);
    let (cdx, ar) = exports(&input, "the blank template");
    assert_eq!(cdx["declarations"]["claims"], json!([]));
    assert_eq!(
        cdx["declarations"]["attestations"][0]["map"]
            .as_array()
            .unwrap()
            .len(),
        q().questions().count()
    );
    assert!(cdx["declarations"]["targets"].get("components").is_none());
    assert!(cdx["declarations"]["assessors"][0]["organization"]
        .get("name")
        .is_none());
    let result = &ar["assessment-results"]["results"][0];
    assert!(result.get("observations").is_none());
    assert!(result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["target"]["status"]["state"] == "not-satisfied"));
    // A blank template scores L0 everywhere, with every gate pending.
    let fired = oscal_props(result)
        .keys()
        .filter(|(name, _)| name == "gate-fired")
        .count();
    assert_eq!(fired, q().gates.len());
}

#[test]
fn exports_are_deterministic() {
    let bytes = sealed(&rich_assessment(), "2025-05-01T09:30:00+02:00", Some(3));
    let input = input_of(&bytes);
    let later = NOW + time::Duration::days(400);
    let once = (cdxa(q(), &input, NOW), assessment_results(q(), &input, NOW));
    let again = (
        cdxa(q(), &input, later),
        assessment_results(q(), &input, later),
    );
    assert_eq!(
        serde_json::to_string(&once).unwrap(),
        serde_json::to_string(&again).unwrap(),
        "a score file's export does not depend on the clock"
    );
    assert_eq!(once.0["metadata"]["timestamp"], "2025-05-01T07:30:00Z");
    // Loading the same bytes again gives the same bytes out.
    let reloaded = input_of(&bytes);
    assert_eq!(
        serde_json::to_vec(&cdxa(q(), &reloaded, NOW)).unwrap(),
        serde_json::to_vec(&once.0).unwrap()
    );
    // Another file (another digest) gets other identifiers.
    let other = input_of(&sealed(&rich_assessment(), "2025-05-02T09:30:00Z", Some(3)));
    assert_ne!(
        cdxa(q(), &other, NOW)["serialNumber"],
        once.0["serialNumber"]
    );
    assert_ne!(
        assessment_results(q(), &other, NOW)["assessment-results"]["uuid"],
        once.1["assessment-results"]["uuid"]
    );
    // An answers file takes the caller's time, and only that changes.
    let answers = serde_json::to_vec(&score_file::answers_file(q(), &rich_assessment())).unwrap();
    let input = input_of(&answers);
    let (a, b) = (cdxa(q(), &input, NOW), cdxa(q(), &input, later));
    assert_ne!(a["metadata"]["timestamp"], b["metadata"]["timestamp"]);
    let strip = |mut v: Value| {
        v["metadata"]["timestamp"] = Value::Null;
        v
    };
    assert_eq!(strip(a), strip(b));
}

#[test]
fn hostile_text_and_links_still_give_valid_documents() {
    let mut a = rich_assessment();
    a.profile.organisation = "  Acme\n\tHealth  ".into();
    a.profile.products = "\n\n  \n".into();
    a.profile.versions = "v".repeat(20_000);
    a.profile.assessor = " ".into();
    let links = [
        "https://exa mple.com/",
        "https://acme.example/ä b#x#y",
        "https://acme.example/%zz%",
        "http://acme.example:99999/",
        "javascript:alert(1)",
        "https://",
        "",
    ];
    let entry = a.answers.entry_mut("intake.channel");
    entry.notes = "   \n  ".into();
    entry.evidence = links
        .iter()
        .map(|url| Evidence {
            label: String::new(),
            url: Some((*url).to_owned()),
            file: None,
        })
        .chain(
            ["", "a:b", "../x", "名前 .pdf", " "]
                .iter()
                .map(|name| Evidence {
                    label: "\n".into(),
                    url: None,
                    file: Some(FileEvidence::from_bytes(name, name.as_bytes())),
                }),
        )
        .collect();
    // Through the page (no file) and through a sealed file with an unreadable time.
    exports(
        &ExportInput::from_assessment(q(), &a),
        "a hostile assessment",
    );
    let bytes = sealed(&a, "yesterday", None);
    let (cdx, ar) = exports(&input_of(&bytes), "a hostile sealed file");
    assert_eq!(
        cdx["metadata"]["timestamp"], "2026-02-03T04:05:06Z",
        "falls back to now"
    );
    assert_eq!(
        ar["assessment-results"]["results"][0]["start"],
        "2026-02-03T04:05:06Z"
    );
    let bytes = sealed(&a, "1850-01-01T00:00:00Z", None);
    let (_, ar) = exports(&input_of(&bytes), "a file from 1850");
    assert_eq!(
        ar["assessment-results"]["results"][0]["start"],
        "1900-01-01T00:00:00Z"
    );
}

/// Text the page could hold: any characters a file may carry (no controls but tab and
/// line breaks, no bidi controls).
fn file_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range(' ', '~'),
            1 => Just('\n'),
            1 => Just('\t'),
            1 => proptest::char::range('\u{a0}', '\u{2fff}'),
            1 => Just('\u{3000}'),
        ],
        0..24,
    )
    .prop_map(|c| {
        c.into_iter()
            .filter(|c| !vendor_readiness::core::text::is_unsafe_char(*c))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_documents(
        org in file_text(),
        products in file_text(),
        notes in file_text(),
        label in file_text(),
        url_tail in file_text(),
        file_name in file_text(),
    ) {
        let mut a = Assessment { profile: fixtures::profile(), answers: common::all_best(q()) };
        a.profile.organisation = org;
        a.profile.products = products;
        let entry = a.answers.entry_mut("triage.owner");
        entry.notes = notes;
        entry.evidence = vec![
            Evidence { label: label.clone(), url: Some(format!("https://acme.example/{url_tail}")), file: None },
            Evidence { label: label.clone(), url: Some(url_tail.clone()), file: None },
            Evidence { label, url: None, file: Some(FileEvidence::from_bytes(&file_name, b"x")) },
        ];
        let input = ExportInput::from_assessment(q(), &a);
        let cdx = cdxa(q(), &input, NOW);
        let errors = schemas::errors(cdx_validator(), &cdx);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let ar = assessment_results(q(), &input, NOW);
        let errors = schemas::errors(oscal_validator(), &ar);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

#[test]
fn export_sizes_for_a_full_assessment() {
    // Every question answered with its best value, each with a note and a link.
    let mut full = Assessment {
        profile: fixtures::profile(),
        answers: common::all_best(q()),
    };
    for question in q().questions() {
        let e = full.answers.entry_mut(&question.id);
        e.notes = format!("How we do {}: see the linked page.", question.id);
        e.evidence =
            vec![
                Evidence::from_link("", &format!("https://acme.example/{}", question.id)).unwrap(),
            ];
    }
    let mut sizes = Vec::new();
    for (what, bytes) in [
        (
            "full assessment, score file",
            sealed(&full, "2025-05-01T09:30:00Z", Some(1)),
        ),
        (
            "rich assessment, score file",
            sealed(&rich_assessment(), "2025-05-01T09:30:00Z", Some(1)),
        ),
        (
            "blank template",
            serde_json::to_vec(&score_file::template(q())).unwrap(),
        ),
    ] {
        let (cdx, ar) = exports(&input_of(&bytes), what);
        let cdx_len = serde_json::to_string_pretty(&cdx).unwrap().len();
        let ar_len = serde_json::to_string_pretty(&ar).unwrap().len();
        let compact = |v: &Value| serde_json::to_string(v).unwrap().len();
        println!(
            "{what}: source {} bytes; CycloneDX {cdx_len} bytes as the CLI prints it \
             ({} compact); OSCAL {ar_len} bytes ({} compact)",
            bytes.len(),
            compact(&cdx),
            compact(&ar)
        );
        sizes.push((cdx_len, ar_len));
    }
    // A budget: a buyer's tools read these whole; a full assessment stays well under 1 MB.
    for (cdx, ar) in sizes {
        assert!(cdx < 1_000_000 && ar < 1_000_000, "{cdx} / {ar}");
    }
}

/// The hostile corpus (`tests/hostile/`, see `hostile_inputs.rs`): every score or answers
/// file the loader accepts exports valid documents; the rest are refused by the loader
/// the exports share, before any export code runs.
#[test]
fn every_hostile_corpus_file_that_loads_exports_valid_documents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let (mut exported, mut refused) = (0, 0);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("profile-") || name == "EXPECTED.json" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        match open::load(&bytes, q()) {
            Ok(loaded) => {
                exports(&ExportInput::from_loaded(q(), &loaded), &name);
                exported += 1;
            }
            Err(_) => refused += 1,
        }
    }
    assert!(
        exported >= 20 && refused >= 100,
        "{exported} exported, {refused} refused"
    );
}

#[test]
fn the_results_page_exports_made_by_the_worker_are_valid_and_unsealed() {
    use vendor_readiness::core::export::Interop;
    use vendor_readiness::core::jobs::{self, Download, Job, Made};
    for (download, suffix, validator) in [
        (
            Download::Export(Interop::Cyclonedx),
            ".cdxa.json",
            cdx_validator(),
        ),
        (
            Download::Export(Interop::Oscal),
            ".oscal-ar.json",
            oscal_validator(),
        ),
    ] {
        let job = Job::Make {
            download,
            assessment: Box::new(rich_assessment()),
            key: None,
            now: "2026-02-03T04:05:06.789Z".into(),
        };
        // As the page sends it: JSON in, JSON out.
        let job: Job = serde_json::from_str(&serde_json::to_string(&job).unwrap()).unwrap();
        let wire = jobs::run(job, &[], q()).to_wire();
        let made: Made = jobs::from_wire(&wire).unwrap();
        assert_eq!(
            made.name,
            format!("acme-health-it-acme-pacs-acme-portal-2026-02-03{suffix}")
        );
        let doc: Value = serde_json::from_str(&made.text).unwrap();
        schemas::assert_valid(validator, &doc, &made.name);
        // The same document the core makes from the assessment (the page's clock time).
        let input = ExportInput::from_assessment(q(), &rich_assessment());
        let expected = match download {
            Download::Export(Interop::Cyclonedx) => cdxa(q(), &input, NOW),
            _ => assessment_results(q(), &input, NOW),
        };
        assert_eq!(doc, expected, "{suffix}");
        assert!(made.notes.iter().any(|n| n.contains("not sealed")));
    }
}

#[test]
fn a_score_or_answers_file_exported_by_the_worker_is_tied_to_it_and_valid() {
    use vendor_readiness::core::export::Interop;
    use vendor_readiness::core::jobs::{self, Job, Made, Outcome};
    let signed = sealed(&rich_assessment(), "2026-03-04T05:06:07Z", Some(7));
    let v = verified(&signed);
    let mut tampered: Value = serde_json::from_slice(&signed).unwrap();
    tampered["content"]["profile"]["organisation"] = json!("Someone else");
    let tampered = serde_json::to_vec(&tampered).unwrap();
    let answers = fixture("answers-1.0.0-mid.json");
    for (format, suffix, validator) in [
        (Interop::Cyclonedx, ".cdxa.json", cdx_validator()),
        (Interop::Oscal, ".oscal-ar.json", oscal_validator()),
    ] {
        let job = || Job::ExportFile {
            format,
            now: "2026-05-06T07:08:09Z".into(),
        };
        // As the page sends it and reads it back.
        let run = |bytes: &[u8]| {
            let job: Job = serde_json::from_str(&serde_json::to_string(&job()).unwrap()).unwrap();
            jobs::from_wire::<Made>(&jobs::run(job, &[bytes], q()).to_wire())
        };
        let made = run(&signed).expect("a signed score file exports");
        // Named after the file's vendor, product and sealing date, like every download.
        assert_eq!(
            made.name,
            format!("acme-health-it-acme-pacs-acme-portal-2026-03-04{suffix}")
        );
        let doc: Value = serde_json::from_str(&made.text).unwrap();
        schemas::assert_valid(validator, &doc, &made.name);
        // The same document the CLI makes from the file.
        let input = ExportInput::from_verified(&v);
        let now = datetime!(2026-05-06 07:08:09 UTC);
        assert_eq!(doc, format.document(q(), &input, now), "{suffix}");
        assert!(
            made.text.contains(&v.digest),
            "the export carries the file's digest"
        );
        assert!(made.notes[0].contains(&v.digest), "{:?}", made.notes);
        assert_eq!(made.notes.len(), 1, "a clean file has nothing else to say");

        let flagged = run(&tampered).expect("a tampered file still exports, flagged");
        schemas::assert_valid(
            validator,
            &serde_json::from_str(&flagged.text).unwrap(),
            "tampered",
        );
        assert!(
            flagged.notes.iter().any(|n| n.contains("did not verify")),
            "{:?}",
            flagged.notes
        );

        let from_answers = run(&answers).expect("an answers file exports");
        schemas::assert_valid(
            validator,
            &serde_json::from_str(&from_answers.text).unwrap(),
            "answers",
        );
        assert!(from_answers.notes[0].contains("not sealed"));

        let refused = run(b"{\"format\": \"something else\"}").unwrap_err();
        assert!(
            refused.starts_with("The export was not made: "),
            "{refused}"
        );
        assert!(matches!(
            jobs::run(job(), &[], q()),
            Outcome::Failed(m) if m.contains("no file")
        ));
    }
}
