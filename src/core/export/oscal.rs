//! An OSCAL 1.1.3 assessment-results document of an assessment: the questionnaire's
//! questions as the reviewed controls, an observation per answered question (the answer,
//! notes and evidence), a finding per question in scope (satisfied only when fully met),
//! and the domain levels, gates and overall score as the result's properties.
//! `docs/interop.md` gives the mapping field by field and what the format cannot say;
//! the tests validate the output against the official schema.

use serde_json::{json, Value};
use time::OffsetDateTime;

use super::evidence_text;
use super::interop::{file_uri, name_uuid, one_line, web_uri, ExportInput, QuestionView};
use crate::core::answers::Evidence;
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{self, QuestionStatus};

/// The OSCAL version written.
pub const OSCAL_VERSION: &str = "1.1.3";

/// The namespace of every property this export writes (OSCAL keeps names without a
/// namespace for its own vocabulary). A name, not a link.
pub const PROPERTY_NS: &str = "urn:vendor-security-readiness:oscal";

/// An OSCAL property in [`PROPERTY_NS`]; `None` when the value is empty on one line
/// (OSCAL strings may not be empty, start or end with white space, or span lines).
fn prop(name: &str, value: &str) -> Option<Value> {
    prop_class(name, None, value)
}

fn prop_class(name: &str, class: Option<&str>, value: &str) -> Option<Value> {
    let value = one_line(value);
    if value.is_empty() {
        return None;
    }
    let mut p = json!({"name": name, "ns": PROPERTY_NS, "value": value});
    if let Some(class) = class {
        p["class"] = class.into();
    }
    Some(p)
}

/// Inserts `key` only when the list is not empty (OSCAL arrays hold at least one item).
fn insert_list(obj: &mut Value, key: &str, items: Vec<Value>) {
    if !items.is_empty() {
        obj[key] = Value::Array(items);
    }
}

/// The OSCAL 1.1.3 assessment-results of `input` against `q`.
///
/// `now` is the document time only when the input has no usable time of its own (an
/// answers file); a score file's `created` is used otherwise, so exporting the same score
/// file always gives the same bytes.
pub fn assessment_results(q: &Questionnaire, input: &ExportInput, now: OffsetDateTime) -> Value {
    let seed = input.content_digest.as_str();
    let uuid = |path: &[&str]| name_uuid(seed, path);
    let time = input.document_time(now);
    let statuses = scoring::evaluate(q, &input.answers);
    let party = uuid(&["party", "vendor"]);
    let plan = uuid(&["resource", "questionnaire"]);

    let mut included = Vec::new();
    let mut excluded = Vec::new();
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    let mut resources = vec![questionnaire_resource(q, &plan)];
    for v in input.questions(q, &statuses) {
        let control = json!({"control-id": v.question.id});
        if *v.status == QuestionStatus::OutOfScope {
            excluded.push(control);
            continue;
        }
        included.push(control);
        let observation = v.answered().then(|| {
            let id = uuid(&["observation", &v.question.id]);
            observations.push(observation_of(
                q,
                &v,
                &id,
                &party,
                &time,
                &mut resources,
                seed,
            ));
            id
        });
        findings.push(finding_of(
            q,
            &v,
            &uuid(&["finding", &v.question.id]),
            observation,
        ));
    }

    let mut selection = json!({});
    insert_list(&mut selection, "include-controls", included);
    insert_list(&mut selection, "exclude-controls", excluded);
    let mut result = json!({
        "uuid": uuid(&["result"]),
        "title": format!("Self-assessment of {}", input.subject()),
        "description": format!(
            "The vendor's own answers to {} {}, scored by Vendor Security Readiness. \
             Not checked by a third party.",
            q.title, q.version
        ),
        "start": time,
        "reviewed-controls": {
            "control-selections": [selection],
            "remarks": "The controls are the questionnaire's questions, by question id; \
                        excluded controls are out of scope for the vendor's deployment context.",
        },
        "remarks": result_remarks(q, input),
    });
    insert_list(&mut result, "props", result_props(q, input));
    insert_list(&mut result, "observations", observations);
    insert_list(&mut result, "findings", findings);

    let mut party_obj = json!({
        "uuid": party,
        "type": "organization",
        "remarks": "The vendor: the self-assessor and the organisation assessed.",
    });
    let org = one_line(&input.profile.organisation);
    if !org.is_empty() {
        party_obj["name"] = org.into();
    }
    let mut metadata = json!({
        "title": format!("Vulnerability-response readiness self-assessment: {}", input.subject()),
        "last-modified": time,
        "version": input.content_digest,
        "oscal-version": OSCAL_VERSION,
        "parties": [party_obj],
    });
    insert_list(&mut metadata, "props", metadata_props(q, input));

    json!({"assessment-results": {
        "uuid": uuid(&["assessment-results"]),
        "metadata": metadata,
        "import-ap": {
            "href": format!("#{plan}"),
            "remarks": "There is no OSCAL assessment plan: the questionnaire, described in the \
                        back-matter, stands in for it.",
        },
        "results": [result],
        "back-matter": {"resources": resources},
    }})
}

fn questionnaire_resource(q: &Questionnaire, uuid: &str) -> Value {
    let mut r = json!({
        "uuid": uuid,
        "title": format!("{} {}", q.title, q.version),
        "description": format!(
            "The questionnaire answered (id {}, version {}), used as the assessment plan. \
             Each question is a control; a domain is scored L0 to L4, a level being reached \
             when every applicable question of that level and below is fully met, and \
             critical gates may cap levels and the overall score.",
            q.id, q.version
        ),
        "citation": {"text": format!("{}, version {}, digest {}", q.title, q.version, q.digest())},
    });
    insert_list(
        &mut r,
        "props",
        [
            prop("questionnaire-id", &q.id),
            prop("questionnaire-version", &q.version),
            prop("questionnaire-digest", &q.digest()),
        ]
        .into_iter()
        .flatten()
        .collect(),
    );
    r
}

fn metadata_props(q: &Questionnaire, input: &ExportInput) -> Vec<Value> {
    let mut p = Vec::new();
    match &input.seal {
        Some(seal) => {
            p.push(prop("source", "score-file"));
            p.push(prop("score-file-digest", &seal.digest));
            p.push(prop("score-file-integrity", seal.integrity.label()));
            p.push(prop("score-file-signature", seal.signature.label()));
            p.push(
                seal.signature
                    .fingerprint()
                    .and_then(|f| prop("score-file-signature-key", f)),
            );
            p.push(prop("score-file-result-edited", &seal.edited.to_string()));
            p.push(prop("score-file-created", &seal.created));
            p.push(prop("score-file-app-version", &seal.app_version));
        }
        None => {
            p.push(prop("source", "answers"));
            p.push(prop("answers-content-digest", &input.content_digest));
        }
    }
    p.push(prop("questionnaire-id", &q.id));
    p.push(prop("questionnaire-version", &q.version));
    if input.answered.version != q.version {
        p.push(prop(
            "questionnaire-answered-version",
            &input.answered.version,
        ));
    }
    if let Some(line) = input.migration_line() {
        p.push(prop("migration", &line));
    }
    for (name, value) in input.profile_fields() {
        p.push(prop(&format!("profile-{}", name.replace('_', "-")), &value));
    }
    p.into_iter().flatten().collect()
}

fn result_props(q: &Questionnaire, input: &ExportInput) -> Vec<Value> {
    let score = &input.score;
    let mut p = vec![
        prop("overall-score", &super::csv_number(score.overall)),
        prop(
            "overall-score-before-cap",
            &super::csv_number(score.overall_before_cap),
        ),
    ];
    if let Some(cap) = score.overall_cap {
        p.push(prop("overall-cap", &cap.to_string()));
    }
    for d in &score.domains {
        p.push(prop_class(
            "domain-level",
            Some(&d.domain),
            &d.level.to_string(),
        ));
    }
    for d in q.domains.iter() {
        p.push(prop_class(
            "domain-weight",
            Some(&d.id),
            &d.weight.to_string(),
        ));
    }
    for g in &score.gates {
        let title = q.gate(&g.gate).map_or(g.gate.as_str(), |x| &*x.title);
        p.push(prop_class("gate-fired", Some(&g.gate), title));
    }
    for (id, label) in input.context_answers(q) {
        p.push(prop_class("context", Some(&id), &label));
    }
    p.into_iter().flatten().collect()
}

fn result_remarks(q: &Questionnaire, input: &ExportInput) -> String {
    let score = &input.score;
    let mut lines = vec![format!(
        "Overall score {} of 4{}.",
        super::csv_number(score.overall),
        score
            .overall_cap
            .map(|c| format!(" (capped at {c} by a gate)"))
            .unwrap_or_default()
    )];
    for d in &score.domains {
        let title = q.domain(&d.domain).map_or(d.domain.as_str(), |x| &*x.title);
        lines.push(format!("- {title}: L{} {}", d.level, q.level_name(d.level)));
    }
    for g in &score.gates {
        let title = q.gate(&g.gate).map_or(g.gate.as_str(), |x| &*x.title);
        let pending = if g.pending {
            " (pending: its questions are unanswered)"
        } else {
            ""
        };
        lines.push(format!("Critical gate fired: {title}{pending}."));
    }
    if let Some(line) = input.migration_line() {
        lines.push(format!("The source {line}."));
    }
    lines.join("\n")
}

fn observation_of(
    q: &Questionnaire,
    v: &QuestionView<'_>,
    uuid: &str,
    party: &str,
    time: &str,
    resources: &mut Vec<Value>,
    seed: &str,
) -> Value {
    let mut description = v.meaning(q);
    if let Some(notes) = v.notes() {
        description.push_str("\n\nNotes: ");
        description.push_str(notes);
    }
    let items = v.entry.map(|e| e.evidence.as_slice()).unwrap_or_default();
    let evidence: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(n, ev)| relevant_evidence(ev, &v.question.id, n, resources, seed))
        .collect();
    let mut o = json!({
        "uuid": uuid,
        "title": v.question.text,
        "description": description,
        "methods": ["INTERVIEW"],
        "types": ["control-objective"],
        "origins": [{"actors": [{"type": "party", "actor-uuid": party}]}],
        "collected": time,
    });
    insert_list(
        &mut o,
        "props",
        [prop("question-id", &v.question.id)]
            .into_iter()
            .flatten()
            .collect(),
    );
    insert_list(&mut o, "relevant-evidence", evidence);
    o
}

fn relevant_evidence(
    ev: &Evidence,
    question: &str,
    n: usize,
    resources: &mut Vec<Value>,
    seed: &str,
) -> Value {
    let mut out = json!({"description": evidence_text(ev)});
    if let Some(f) = &ev.file {
        let uuid = name_uuid(seed, &["resource", "evidence", question, &n.to_string()]);
        let mut resource = json!({
            "uuid": uuid,
            "title": f.name,
            "description": format!(
                "{} ({} bytes). A local file named by its SHA-256; it is not included: the \
                 vendor sends it apart.",
                ev.label, f.size
            ),
        });
        let hashes = json!([{"algorithm": "SHA-256", "value": f.sha256}]);
        if let Some(href) = file_uri(&f.name) {
            resource["rlinks"] = json!([{"href": href, "hashes": hashes}]);
        }
        resources.push(resource);
        out["href"] = format!("#{uuid}").into();
    } else if let Some(url) = ev.link().and_then(web_uri) {
        out["href"] = url.into();
    } else if ev.url.is_some() {
        out["remarks"] = "The link is not a web address and is kept as text only.".into();
    }
    out
}

fn finding_of(
    q: &Questionnaire,
    v: &QuestionView<'_>,
    uuid: &str,
    observation: Option<String>,
) -> Value {
    let (state, reason, implementation) = match v.status {
        QuestionStatus::Answered { credit } if *credit >= 1.0 => {
            ("satisfied", "pass", Some("implemented"))
        }
        QuestionStatus::Answered { credit } if *credit > 0.0 => {
            ("not-satisfied", "fail", Some("partial"))
        }
        QuestionStatus::NotApplicable => ("satisfied", "other", Some("not-applicable")),
        _ => ("not-satisfied", "fail", None),
    };
    let mut status = json!({"state": state, "reason": reason});
    if *v.status == QuestionStatus::NotApplicable {
        status["remarks"] = "Answered not applicable: left out of the domain's level.".into();
    }
    let mut target = json!({
        "type": "objective-id",
        "target-id": format!("{}_obj", v.question.id),
        "status": status,
    });
    if let Some(state) = implementation {
        target["implementation-status"] = json!({ "state": state });
    }
    let mut f = json!({
        "uuid": uuid,
        "title": format!("{}: {}", v.question.id, v.question.text),
        "description": v.meaning(q),
        "target": target,
    });
    let mut props = vec![
        prop("question-id", &v.question.id),
        prop("domain", &v.domain.id),
        prop("level", &v.question.level.to_string()),
        prop("status", super::status_label(v.status)),
    ];
    if let Some(credit) = v.credit() {
        props.push(prop("credit", &super::csv_number(credit)));
    }
    insert_list(&mut f, "props", props.into_iter().flatten().collect());
    if let Some(o) = observation {
        f["related-observations"] = json!([{ "observation-uuid": o }]);
    }
    f
}
