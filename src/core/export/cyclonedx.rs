//! A CycloneDX 1.6 attestation (CDXA) of an assessment: the questionnaire as a standard
//! (`definitions.standards`), the vendor's answers as claims it attests to with their
//! conformance (`declarations`), and properties that tie the document back to the score
//! file it came from. `docs/interop.md` gives the mapping field by field and what the
//! format cannot say; the tests validate the output against the official schema.

use serde_json::{json, Map, Value};
use time::OffsetDateTime;

use super::evidence_text;
use super::interop::{
    file_uri, lines, name_uuid, ni_uri, one_line, web_uri, ExportInput, QuestionView,
};
use crate::core::answers::Evidence;
use crate::core::questionnaire::{AnswerSpec, Question, Questionnaire, MAX_LEVEL};
use crate::core::scoring;

/// The CycloneDX specification version written.
pub const SPEC_VERSION: &str = "1.6";

/// The prefix of every property name this export writes.
pub const PROPERTY_PREFIX: &str = "vendor-readiness:";

const ASSESSOR: &str = "assessor:vendor";
const ORGANISATION: &str = "target:organisation";
const STANDARD: &str = "standard:questionnaire";

fn requirement_ref(question: &str) -> String {
    format!("requirement:{question}")
}

fn claim_ref(question: &str) -> String {
    format!("claim:{question}")
}

/// A CycloneDX property (`name`, `value`), the name under [`PROPERTY_PREFIX`].
fn property(name: &str, value: impl Into<String>) -> Value {
    json!({"name": format!("{PROPERTY_PREFIX}{name}"), "value": value.into()})
}

/// The CycloneDX 1.6 BOM with the attestation of `input` against `q`.
///
/// `now` is the BOM's timestamp only when the input has no usable time of its own (an
/// answers file); a score file's `created` is used otherwise, so exporting the same
/// score file always gives the same bytes.
pub fn cdxa(q: &Questionnaire, input: &ExportInput, now: OffsetDateTime) -> Value {
    let statuses = scoring::evaluate(q, &input.answers);
    let views: Vec<QuestionView<'_>> = input.questions(q, &statuses).collect();
    let mut map = Vec::new();
    let mut claims = Vec::new();
    let mut evidence = Vec::new();
    for v in &views {
        map.push(map_entry(q, v));
        if v.answered() {
            claims.push(claim(v, &mut evidence));
        }
    }
    let subject = input.subject();
    json!({
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": format!("urn:uuid:{}", name_uuid(&input.content_digest, &["cyclonedx"])),
        "version": 1,
        "metadata": {
            "timestamp": input.document_time(now),
            "tools": {"components": [{
                "type": "application",
                "name": "Vendor Security Readiness",
                "version": crate::APP_VERSION,
            }]},
            "properties": metadata_properties(q, input),
        },
        "declarations": {
            "assessors": [assessor(input)],
            "attestations": [{
                "summary": format!(
                    "Self-assessment of {subject} against {} {}: the vendor's own answers, \
                     not checked by a third party.",
                    q.title, q.version
                ),
                "assessor": ASSESSOR,
                "map": map,
            }],
            "claims": claims,
            "evidence": evidence,
            "targets": targets(input),
        },
        "definitions": {"standards": [standard(q)]},
    })
}

fn organisation_entity(input: &ExportInput, bom_ref: &str) -> Value {
    let mut org = Map::new();
    org.insert("bom-ref".into(), bom_ref.into());
    let name = one_line(&input.profile.organisation);
    if !name.is_empty() {
        org.insert("name".into(), name.into());
    }
    Value::Object(org)
}

fn assessor(input: &ExportInput) -> Value {
    let mut org = Map::new();
    let name = one_line(&input.profile.organisation);
    if !name.is_empty() {
        org.insert("name".into(), name.into());
    }
    let person = one_line(&input.profile.assessor);
    if !person.is_empty() {
        org.insert("contact".into(), json!([{ "name": person }]));
    }
    json!({"bom-ref": ASSESSOR, "thirdParty": false, "organization": org})
}

fn targets(input: &ExportInput) -> Value {
    let versions = one_line(&input.profile.versions);
    let components: Vec<Value> = lines(&input.profile.products)
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let mut c = json!({
                "type": "application",
                "bom-ref": format!("target:product:{}", i + 1),
                "name": name,
            });
            if !versions.is_empty() {
                c["description"] = format!("Versions in scope: {versions}").into();
            }
            c
        })
        .collect();
    let mut t = json!({"organizations": [organisation_entity(input, ORGANISATION)]});
    if !components.is_empty() {
        t["components"] = components.into();
    }
    t
}

fn metadata_properties(q: &Questionnaire, input: &ExportInput) -> Vec<Value> {
    let mut p = Vec::new();
    match &input.seal {
        Some(seal) => {
            p.push(property("source", "score-file"));
            p.push(property("score-file:digest", &seal.digest));
            p.push(property("score-file:integrity", seal.integrity.label()));
            p.push(property("score-file:signature", seal.signature.label()));
            if let Some(fp) = seal.signature.fingerprint() {
                p.push(property("score-file:signature-key", fp));
            }
            p.push(property(
                "score-file:result-edited",
                seal.edited.to_string(),
            ));
            p.push(property("score-file:created", one_line(&seal.created)));
            p.push(property(
                "score-file:app-version",
                one_line(&seal.app_version),
            ));
        }
        None => {
            p.push(property("source", "answers"));
            p.push(property("answers:content-digest", &input.content_digest));
        }
    }
    p.push(property("questionnaire:id", &*q.id));
    p.push(property("questionnaire:version", &*q.version));
    p.push(property("questionnaire:digest", q.digest()));
    if input.answered.version != q.version {
        p.push(property(
            "questionnaire:answered-version",
            one_line(&input.answered.version),
        ));
    }
    if let Some(line) = input.migration_line() {
        p.push(property("migration", line));
    }
    for (name, value) in input.profile_fields() {
        p.push(property(&format!("profile:{name}"), value));
    }
    for (id, label) in input.context_answers(q) {
        p.push(property(&format!("context:{id}"), label));
    }
    let score = &input.score;
    p.push(property("overall", super::csv_number(score.overall)));
    p.push(property(
        "overall-before-cap",
        super::csv_number(score.overall_before_cap),
    ));
    if let Some(cap) = score.overall_cap {
        p.push(property("overall-cap", cap.to_string()));
    }
    for d in &score.domains {
        p.push(property(
            &format!("level:{}", d.domain),
            d.level.to_string(),
        ));
    }
    for g in &score.gates {
        let title = q.gate(&g.gate).map_or(g.gate.as_str(), |x| &*x.title);
        let pending = if g.pending {
            " (pending: its questions are unanswered)"
        } else {
            ""
        };
        p.push(property(
            &format!("gate:{}", g.gate),
            format!("{title}{pending}"),
        ));
    }
    p
}

fn map_entry(q: &Questionnaire, v: &QuestionView<'_>) -> Value {
    let mut conformance = Map::new();
    if let Some(credit) = v.credit() {
        conformance.insert("score".into(), credit.into());
    }
    conformance.insert("rationale".into(), v.meaning(q).into());
    let mut entry = json!({
        "requirement": requirement_ref(&v.question.id),
        "conformance": conformance,
    });
    if v.answered() {
        entry["claims"] = json!([claim_ref(&v.question.id)]);
        entry["confidence"] = json!({
            "rationale": "Self-assessment: the vendor's own answer, not checked by a third party."
        });
    }
    entry
}

fn claim(v: &QuestionView<'_>, evidence_out: &mut Vec<Value>) -> Value {
    let id = &v.question.id;
    let label = v.label.as_deref().unwrap_or_default();
    let mut claim = json!({
        "bom-ref": claim_ref(id),
        "target": ORGANISATION,
        "predicate": format!("{} Answer: {label}", v.question.text),
    });
    if let Some(notes) = v.notes() {
        claim["reasoning"] = notes.into();
    }
    let items = v.entry.map(|e| e.evidence.as_slice()).unwrap_or_default();
    let mut refs = Vec::new();
    let mut files = Vec::new();
    for (n, ev) in items.iter().enumerate() {
        let bom_ref = format!("evidence:{id}:{}", n + 1);
        evidence_out.push(evidence_entry(&bom_ref, ev));
        refs.push(Value::from(bom_ref));
        if let Some(f) = &ev.file {
            if let Some(url) = file_uri(&f.name).or_else(|| ni_uri(&f.sha256)) {
                files.push(json!({
                    "type": "evidence",
                    "url": url,
                    "comment": format!("{} ({} bytes)", one_line(&ev.label), f.size),
                    "hashes": [{"alg": "SHA-256", "content": f.sha256}],
                }));
            }
        }
    }
    if !refs.is_empty() {
        claim["evidence"] = refs.into();
    }
    if !files.is_empty() {
        claim["externalReferences"] = files.into();
    }
    claim
}

fn evidence_entry(bom_ref: &str, ev: &Evidence) -> Value {
    let mut data = Map::new();
    let mut description = evidence_text(ev);
    if let Some(f) = &ev.file {
        data.insert("name".into(), f.name.clone().into());
        if let Some(ni) = ni_uri(&f.sha256) {
            data.insert("contents".into(), json!({ "url": ni }));
        }
        description.push_str(
            ". A local file named by its SHA-256; it is not included: the vendor sends it apart.",
        );
    } else {
        data.insert("name".into(), ev.label.clone().into());
        match ev.link().and_then(web_uri) {
            Some(url) => {
                data.insert("contents".into(), json!({ "url": url }));
            }
            None if ev.url.is_some() => {
                description.push_str(". The link is not a web address and is kept as text only.")
            }
            None => {}
        }
    }
    json!({"bom-ref": bom_ref, "description": description, "data": [data]})
}

fn standard(q: &Questionnaire) -> Value {
    let mut requirements = Vec::new();
    let mut levels = Vec::new();
    for d in q.domains.iter() {
        let domain_ref = format!("requirement:domain:{}", d.id);
        requirements.push(json!({
            "bom-ref": domain_ref,
            "identifier": d.id,
            "title": d.title,
            "text": d.summary,
            "properties": [property("weight", d.weight.to_string())],
        }));
        for question in d.questions.iter() {
            let mut r = json!({
                "bom-ref": requirement_ref(&question.id),
                "identifier": question.id,
                "title": question.text,
                "text": question.why,
                "descriptions": requirement_descriptions(q, question),
                "parent": domain_ref,
                "properties": [property("level", question.level.to_string())],
            });
            let links: Vec<Value> = question
                .refs
                .iter()
                .filter_map(|id| q.reference(id))
                .filter_map(|r| {
                    let url = r.url.as_deref().and_then(web_uri)?;
                    Some(json!({
                        "type": "documentation",
                        "url": url,
                        "comment": format!("{} {}: {}", r.source, r.clause, r.title),
                    }))
                })
                .collect();
            if !links.is_empty() {
                r["externalReferences"] = links.into();
            }
            requirements.push(r);
        }
        for level in 1..=MAX_LEVEL {
            let reqs: Vec<String> = d
                .questions
                .iter()
                .filter(|qu| qu.level <= level)
                .map(|qu| requirement_ref(&qu.id))
                .collect();
            let mut entry = json!({
                "bom-ref": format!("level:{}:{level}", d.id),
                "identifier": format!("{}-L{level}", d.id),
                "title": format!("{}: L{level} {}", d.title, q.level_name(level)),
                "requirements": reqs,
            });
            if let Some(text) = d.levels.get(&level.to_string()) {
                entry["description"] = text.clone().into();
            }
            levels.push(entry);
        }
    }
    json!({
        "bom-ref": STANDARD,
        "name": q.title,
        "version": q.version,
        "description": format!(
            "Questionnaire {} {} (digest {}). Each domain is scored L0 to L4: a level is reached \
             when every applicable question of that level and below is fully met; critical \
             gates may cap levels and the overall score.",
            q.id, q.version, q.digest()
        ),
        "requirements": requirements,
        "levels": levels,
    })
}

fn requirement_descriptions(q: &Questionnaire, question: &Question) -> Vec<String> {
    let mut out = Vec::new();
    let answers = match &question.answer {
        AnswerSpec::Number {
            unit,
            min,
            max,
            better,
            bands,
        } => {
            let bands: Vec<String> = bands
                .iter()
                .map(|b| {
                    let cmp = match better {
                        crate::core::questionnaire::Better::Lower => "up to",
                        crate::core::questionnaire::Better::Higher => "from",
                    };
                    format!(
                        "{cmp} {} earns {}",
                        super::csv_number(b.threshold),
                        super::csv_number(b.credit)
                    )
                })
                .collect();
            format!(
                "Answer: a number of {unit} from {} to {}; {}.",
                super::csv_number(*min),
                super::csv_number(*max),
                bands.join(", ")
            )
        }
        spec => {
            let options: Vec<String> = spec
                .options_worst_to_best()
                .into_iter()
                .map(|(_, label, credit)| format!("{label} = {}", super::csv_number(credit)))
                .collect();
            format!("Answers and credits: {}.", options.join(", "))
        }
    };
    out.push(answers);
    if let Some(partly) = &question.partly {
        out.push(format!("Partly means: {partly}"));
    }
    if question.allow_na {
        out.push(format!("May be answered: {}.", question.na_text()));
    }
    if let Some(c) = &question.show_if {
        out.push(format!(
            "Asked only when {} earns at least {}.",
            c.question,
            super::csv_number(c.credit_at_least)
        ));
    }
    if let Some(a) = &question.applies_if {
        out.push(format!(
            "Applies only when {} is one of: {}.",
            a.question,
            a.any_of.join(", ")
        ));
    }
    for r in question.refs.iter().filter_map(|id| q.reference(id)) {
        out.push(format!("Reference: {} {}: {}", r.source, r.clause, r.title));
    }
    out
}
