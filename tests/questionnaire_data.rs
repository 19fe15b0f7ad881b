//! The built-in questionnaire: valid data, the counts we publish, and every level of
//! every domain reachable by answers alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use vendor_readiness::answers::{AnswerValue, Answers};
use vendor_readiness::questionnaire::{published, Questionnaire, MAX_LEVEL};
use vendor_readiness::scoring::score;

#[test]
fn builtin_data_passes_every_consistency_rule() {
    let q = Questionnaire::from_json(vendor_readiness::questionnaire::BUILTIN_JSON);
    assert!(
        q.is_ok(),
        "{}",
        q.err().map(|e| e.to_string()).unwrap_or_default()
    );
}

#[test]
fn builtin_has_ten_domains_enough_questions_and_the_required_gates() {
    let q = Questionnaire::builtin();
    let ids: Vec<&str> = q.domains.iter().map(|d| d.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            "intake",
            "triage",
            "remediation",
            "advisories",
            "exploited",
            "sbom",
            "secdev",
            "incident",
            "governance",
            "supply_chain"
        ]
    );
    let n = q.questions().count();
    assert!(
        (90..=120).contains(&n),
        "{n} questions: answerable in about a working day"
    );
    let gates: HashSet<&str> = q.gates.iter().map(|g| g.id.as_ref()).collect();
    for required in [
        "no-reporting-channel",
        "legal-threats",
        "no-report-ownership",
        "no-out-of-cycle-fix",
        "silent-fixes",
        "no-component-inventory",
        "no-breach-notification",
        "no-exploited-warning",
    ] {
        assert!(gates.contains(required), "missing gate {required}");
    }
    assert!(
        q.questions().any(|qu| qu.show_if.is_some()),
        "conditional questions exist"
    );
}

#[test]
fn question_ids_are_unique_and_every_question_cites_a_known_reference() {
    let q = Questionnaire::builtin();
    let mut seen = HashSet::new();
    for qu in q.questions() {
        assert!(seen.insert(&qu.id), "duplicate {}", qu.id);
        assert!(!qu.refs.is_empty());
        for r in qu.refs.iter() {
            assert!(q.reference(r).is_some(), "{} cites unknown {r}", qu.id);
        }
    }
}

/// Best answers up to `level` in one domain, worst above it, best elsewhere.
fn answers_reaching(q: &Questionnaire, domain: &str, level: u8) -> Answers {
    let mut a = common::all_best(q);
    for qu in q.domain(domain).unwrap().questions.iter() {
        if qu.level > level {
            a.set_value(&qu.id, Some(qu.answer.worst()));
        }
    }
    a
}

#[test]
fn every_level_of_every_domain_is_reachable() {
    let q = Questionnaire::builtin();
    for d in q.domains.iter() {
        for level in 0..=MAX_LEVEL {
            let s = score(q, &answers_reaching(q, &d.id, level));
            let got = s.domain(&d.id).unwrap();
            assert_eq!(
                got.criteria_level, level,
                "domain {} at level {level}",
                d.id
            );
        }
    }
}

#[test]
fn every_gate_holds_some_score_lower_than_its_triggers_alone() {
    // For each gate: best answers everywhere but one trigger. Scored with and without the
    // gate, the result must differ, so no gate is only decoration.
    let q = Questionnaire::builtin();
    for gate in q.gates.iter() {
        let mut without = q.clone();
        without.gates.to_mut().retain(|g| g.id != gate.id);
        let bites = gate.fires_if_any.iter().any(|t| {
            let trigger = q.question(&t.question).unwrap();
            let mut a = common::all_best(q);
            a.set_value(&t.question, Some(trigger.answer.worst()));
            let (with, alone) = (score(q, &a), score(&without, &a));
            assert!(
                with.gates.iter().any(|g| g.gate == gate.id),
                "{} fires",
                gate.id
            );
            let lower_domain = with
                .domains
                .iter()
                .zip(&alone.domains)
                .any(|(w, o)| w.level < o.level && w.capped_by.iter().any(|c| *c == gate.id));
            lower_domain || with.overall < alone.overall
        });
        assert!(bites, "gate {} changes no score", gate.id);
    }
}

#[test]
fn a_gate_can_hold_another_domain_down_on_its_own() {
    // With no reporting channel, nothing reaches triage: it is held below what its own
    // answers reach, and the gate is named as the reason.
    let q = Questionnaire::builtin();
    let mut a = common::all_best(q);
    a.set_value("intake.channel", Some(AnswerValue::Choice("no".into())));
    let s = score(q, &a);
    let triage = s.domain("triage").unwrap();
    assert_eq!(
        triage.criteria_level, MAX_LEVEL,
        "triage's own answers are all best"
    );
    assert!(triage.level < MAX_LEVEL);
    assert_eq!(triage.capped_by, ["no-reporting-channel"]);
    assert_eq!(triage.missing[0].question, "intake.channel");
    assert_eq!(
        triage.missing[0].gate.as_deref(),
        Some("no-reporting-channel")
    );
    assert!(s.overall_cap.is_some());
}

#[test]
fn the_deployment_context_leaves_out_what_cannot_apply() {
    let q = Questionnaire::builtin();
    let deployment = q
        .context_question("context.deployment")
        .expect("a deployment question");
    let ids: Vec<&str> = deployment.options.iter().map(|o| o.id.as_ref()).collect();
    assert_eq!(ids, ["on_premises", "hosted", "device", "mixed"]);
    let statuses = |answer: Option<&str>| {
        let mut a = common::all_best(q);
        if let Some(v) = answer {
            a.set_value("context.deployment", Some(AnswerValue::Choice(v.into())));
        }
        vendor_readiness::scoring::evaluate(q, &a)
    };
    let shown = |answer: Option<&str>| {
        statuses(answer)
            .values()
            .filter(|s| !matches!(s, vendor_readiness::scoring::QuestionStatus::OutOfScope))
            .count()
    };
    let all = q.questions().count();
    assert_eq!(shown(None), all, "an unanswered context hides nothing");
    assert_eq!(shown(Some("mixed")), all);
    assert!(
        shown(Some("hosted")) < shown(Some("on_premises")),
        "a hosted service skips questions"
    );
    // A hosted service still reaches L4 everywhere with every applicable question met.
    let mut a = common::all_best(q);
    a.set_value(
        "context.deployment",
        Some(AnswerValue::Choice("hosted".into())),
    );
    let s = score(q, &a);
    assert!(
        s.domains.iter().all(|d| d.level == MAX_LEVEL),
        "{:?}",
        s.domains
            .iter()
            .map(|d| (&d.domain, d.level))
            .collect::<Vec<_>>()
    );
    assert!(s.shown < all as u32);
}

#[test]
fn every_yes_partly_no_question_says_what_partly_means() {
    let q = Questionnaire::builtin();
    for qu in q.questions() {
        if matches!(
            qu.answer,
            vendor_readiness::questionnaire::AnswerSpec::YesPartlyNo
        ) {
            assert!(
                qu.partly.as_deref().is_some_and(|p| p.len() > 20),
                "{}",
                qu.id
            );
        }
    }
    for g in q.gates.iter() {
        assert!(
            g.justification.as_deref().is_some_and(|j| j.len() > 40),
            "{}",
            g.id
        );
    }
    for r in q.references.iter() {
        assert!(r.document.is_some() && r.year.is_some(), "{}", r.id);
    }
}

#[test]
fn the_build_time_digest_is_the_one_the_core_computes() {
    // The page shows the build-time digest; files carry the computed one. They must agree,
    // which also means the data file is written exactly as the model reads it.
    assert_eq!(
        vendor_readiness::questionnaire::BUILTIN_DIGEST,
        Questionnaire::builtin().digest()
    );
}

#[test]
fn the_static_data_is_the_json_parsed() {
    // build.rs writes the built-in questionnaire as Rust values; they must be exactly
    // what the model reads from data/questionnaire.json, digest included.
    let parsed = Questionnaire::from_json(vendor_readiness::questionnaire::BUILTIN_JSON).unwrap();
    let builtin = Questionnaire::builtin();
    assert_eq!(*builtin, parsed);
    assert_eq!(
        serde_json::to_value(builtin).unwrap(),
        serde_json::to_value(&parsed).unwrap()
    );
    assert_eq!(builtin.digest(), parsed.digest());
}

#[test]
fn the_page_data_is_the_full_data_less_what_only_the_verifier_reads() {
    let full = Questionnaire::builtin();
    let page = vendor_readiness::questionnaire::page_data();
    assert!(page.changelog().is_empty() && page.migrations().is_empty());
    assert!(page.gates.iter().all(|g| g.justification.is_none()));
    assert!(!full.changelog().is_empty() && !full.migrations().is_empty());
    assert!(
        page.references.is_empty(),
        "the page fetches its references"
    );
    let mut stripped = full.clone();
    stripped.references = Default::default();
    stripped.changelog = Default::default();
    stripped.migrations = Default::default();
    for g in stripped.gates.to_mut().iter_mut() {
        g.justification = None;
    }
    assert_eq!(
        page, stripped,
        "everything the page shows is the full data's"
    );
    // The page still reports the questionnaire's real digest, not its own.
    assert_eq!(page.digest(), full.digest());
}

/// The published data file as the page reads it (the browser's JSON and serde; here
/// serde_json over the same bytes).
fn published(bytes: &[u8]) -> published::PublishedData {
    serde_json::from_slice(bytes).expect("the data file reads as the page reads it")
}

#[test]
fn the_page_fetches_the_references_from_the_exact_data_file_it_was_built_from() {
    use base64::Engine as _;
    use sha2::{Digest, Sha256};

    let bytes = std::fs::read("data/questionnaire.json").unwrap();
    let sha = Sha256::digest(&bytes);
    assert_eq!(
        published::integrity(),
        format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(sha)
        )
    );
    let page = vendor_readiness::questionnaire::page_data();
    let read = published(&bytes).published_for(&page).unwrap();
    assert_eq!(read.references, *Questionnaire::builtin().references);
    // Every question's explanations, as the full data has them.
    assert_eq!(read.explanations.len(), page.questions().count());
    for question in Questionnaire::builtin().questions() {
        let e = &read.explanations[&*question.id];
        assert_eq!(e.why, *question.why, "{}", question.id);
        assert_eq!(
            e.partly.as_deref(),
            question.partly.as_deref(),
            "{}",
            question.id
        );
    }
}

#[test]
fn a_data_file_of_another_version_or_lacking_a_cited_reference_is_refused() {
    let page = vendor_readiness::questionnaire::page_data();
    let mut data: serde_json::Value =
        serde_json::from_slice(&std::fs::read("data/questionnaire.json").unwrap()).unwrap();
    let mut older = data.clone();
    older["version"] = "1.0.0".into();
    let error = published(older.to_string().as_bytes())
        .published_for(&page)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "the file holds questionnaire vendor-security-readiness 1.0.0, not vendor-security-readiness {}",
            page.version
        )
    );
    let cited = page.questions().next().unwrap();
    let first_ref = cited.refs[0].to_string();
    data["references"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["id"] != first_ref.as_str());
    let error = published(data.to_string().as_bytes())
        .published_for(&page)
        .unwrap_err();
    assert_eq!(
        error,
        published::PublishedError::MissingReference(first_ref, cited.id.to_string())
    );
    // A file that lacks a question cannot explain it.
    let mut fewer: serde_json::Value =
        serde_json::from_slice(&std::fs::read("data/questionnaire.json").unwrap()).unwrap();
    let last = fewer["domains"][9]["questions"]
        .as_array_mut()
        .unwrap()
        .pop()
        .unwrap();
    let error = published(fewer.to_string().as_bytes())
        .published_for(&page)
        .unwrap_err();
    assert_eq!(
        error,
        published::PublishedError::MissingQuestion(last["id"].as_str().unwrap().to_owned())
    );
}

#[test]
fn digest_is_stable_and_content_sensitive() {
    let q = Questionnaire::builtin();
    assert_eq!(q.digest(), q.digest());
    let mut changed = q.clone();
    changed.domains.to_mut()[0].questions.to_mut()[0]
        .text
        .to_mut()
        .push('!');
    assert_ne!(q.digest(), changed.digest());
}

/// Why edited questionnaire data is refused (the test fails, naming `case`, if it loads).
fn refusal(data: &serde_json::Value, case: &str) -> String {
    match Questionnaire::from_json(&data.to_string()) {
        Ok(_) => panic!("{case}: the edited data loads"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_level_reachable_only_out_of_scope_is_refused_also_through_a_follow_up() {
    // remediation L4's one question in scope for every product follows
    // remediation.critical_days; scoping that parent leaves L4 nothing mandatory.
    let mut data: serde_json::Value =
        serde_json::from_str(vendor_readiness::questionnaire::BUILTIN_JSON).unwrap();
    let remediation = data["domains"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == "remediation")
        .unwrap();
    let parent = remediation["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|qu| qu["id"] == "remediation.critical_days")
        .unwrap();
    parent["applies_if"] =
        serde_json::json!({"question": "context.deployment", "any_of": ["on_premises"]});
    let err = refusal(&data, "edited data");
    assert!(
        err.contains("domain remediation has no mandatory question at level 4"),
        "{err}"
    );
}

fn with_context(q: &Questionnaire, pairs: &[(&str, &str)]) -> Answers {
    let mut a = common::all_best(q);
    for (id, v) in pairs {
        a.set_value(id, Some(AnswerValue::Choice((*v).into())));
    }
    a
}

#[test]
fn the_cra_gate_fires_only_where_the_vendor_says_the_cra_applies() {
    let q = Questionnaire::builtin();
    let fired = |cra: Option<&str>| {
        let mut a = with_context(q, &[("exploited.cra_reporting", "no")]);
        if let Some(v) = cra {
            a.set_value("context.cra", Some(AnswerValue::Choice(v.into())));
        }
        let s = score(q, &a);
        let gate = s.gates.iter().any(|g| g.gate == "cra-reporting-unready");
        (gate, s.domain("exploited").unwrap().level)
    };
    // Where the CRA applies, or the context is left blank, the gate fires and caps.
    assert_eq!(fired(Some("eu_in_scope")), (true, 1));
    assert_eq!(fired(None), (true, 1));
    // A vendor that has not determined it still answers the question, and its "no"
    // still holds exploited at L1, but no breach of a binding duty is claimed.
    assert_eq!(fired(Some("unsure")), (false, 1));
    let unsure = with_context(
        q,
        &[("exploited.cra_reporting", "no"), ("context.cra", "unsure")],
    );
    let statuses = vendor_readiness::scoring::evaluate(q, &unsure);
    assert!(statuses["exploited.cra_reporting"].is_shown());
    assert!(statuses["incident.cra_reporting"].is_shown());
    // Outside the CRA the questions do not apply at all.
    assert_eq!(fired(Some("not_eu")), (false, MAX_LEVEL));
}

#[test]
fn a_medical_device_is_asked_the_fda_timeline_however_it_is_deployed() {
    let q = Questionnaire::builtin();
    let fda = |pairs: &[(&str, &str)]| {
        let statuses = vendor_readiness::scoring::evaluate(q, &with_context(q, pairs));
        statuses["exploited.fda_timeline"].is_shown()
    };
    // A cloud-hosted medical device sees the FDA question, and not the installed-software ones.
    let hosted_device = [
        ("context.deployment", "hosted"),
        ("context.medical_device", "medical_device"),
    ];
    assert!(fda(&hosted_device));
    let statuses = vendor_readiness::scoring::evaluate(q, &with_context(q, &hosted_device));
    assert!(!statuses["remediation.signed_updates"].is_shown());
    // An installed device that is not a medical device does not.
    assert!(!fda(&[
        ("context.deployment", "device"),
        ("context.medical_device", "not_medical_device"),
    ]));
    assert!(
        fda(&[("context.deployment", "on_premises")]),
        "blank context"
    );
    // A hosted medical device still reaches L4 everywhere with every applicable answer met.
    let s = score(q, &with_context(q, &hosted_device));
    assert!(s.domains.iter().all(|d| d.level == MAX_LEVEL));
}

#[test]
fn a_gate_scoped_to_an_unknown_context_is_refused() {
    let mut data: serde_json::Value =
        serde_json::from_str(vendor_readiness::questionnaire::BUILTIN_JSON).unwrap();
    data["gates"][0]["applies_if"] =
        serde_json::json!({"question": "context.nowhere", "any_of": ["x"]});
    let err = refusal(&data, "edited data");
    assert!(err.contains("applies_if names context.nowhere"), "{err}");
    data["gates"][0]["applies_if"] =
        serde_json::json!({"question": "context.cra", "any_of": ["maybe"]});
    let err = refusal(&data, "edited data");
    assert!(err.contains("unknown option maybe of context.cra"), "{err}");
}

/// Whether `id` occurs in `text` as a whole id (not as part of a longer one).
fn names(text: &str, id: &str) -> bool {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let mut after = text[at + id.len()..].chars();
        let next = after.next();
        let longer = part(next) || (next == Some('.') && part(after.next()));
        !part(before) && !longer
    })
}

#[test]
fn the_changelog_names_every_question_that_changed_since_the_previous_version() {
    use vendor_readiness::core::questionnaire::history;
    let q = Questionnaire::builtin();
    let previous = history::versions()
        .last()
        .and_then(|v| history::historic(&q.id, v))
        .expect("a kept previous version");
    let entry = q
        .changelog()
        .iter()
        .find(|c| c.version == q.version)
        .expect("an entry for this version");
    let text = entry.changes.join("\n");
    let mut unnamed = Vec::new();
    for qu in q.questions() {
        let changed = match previous.question(&qu.id) {
            // New in this version.
            None => true,
            Some(old) => {
                let refs = |x: &vendor_readiness::questionnaire::Question| {
                    x.refs
                        .iter()
                        .cloned()
                        .collect::<std::collections::BTreeSet<_>>()
                };
                old.text != qu.text
                    || old.answer != qu.answer
                    || refs(old) != refs(qu)
                    || old.level != qu.level
                    || old.allow_na != qu.allow_na
                    || old.show_if != qu.show_if
                    || old.applies_if != qu.applies_if
            }
        };
        if changed && !names(&text, &qu.id) {
            unnamed.push(qu.id.to_string());
        }
    }
    for old in previous.questions() {
        if q.question(&old.id).is_none() && !names(&text, &old.id) {
            unnamed.push(old.id.to_string());
        }
    }
    for d in q.domains.iter() {
        let weight_changed = previous
            .domains
            .iter()
            .find(|p| p.id == d.id)
            .is_none_or(|p| p.weight != d.weight);
        if weight_changed && !names(&text, &d.id) {
            unnamed.push(format!("domain {}", d.id));
        }
    }
    assert!(
        unnamed.is_empty(),
        "the {} changelog does not name these changed questions: {unnamed:?}",
        q.version
    );
}

/// Each half of each "this or that is wrong" rule is refused on its own, with its message.
#[test]
fn each_consistency_rule_refuses_its_own_fault() {
    type Edit = fn(&mut serde_json::Value);
    let refused: Vec<(&str, Edit, &str)> = vec![
        (
            "a reference without its year",
            |d| d["references"][0]["year"] = serde_json::Value::Null,
            "reference ISO29147-6.2.2 must name its document and year",
        ),
        (
            "a reference without its clause",
            |d| d["references"][0]["clause"] = " ".into(),
            "reference ISO29147-6.2.2 lacks its clause or the clause's title",
        ),
        (
            "a context id outside context.",
            |d| d["context"][0]["id"] = "setting.deployment".into(),
            "context question id setting.deployment must look like context.name",
        ),
        (
            "a context question with a repeated option",
            |d| {
                let first = d["context"][0]["options"][0].clone();
                d["context"][0]["options"][1] = first;
            },
            "context question context.deployment needs two or more distinct options",
        ),
        (
            "a question id outside its domain",
            |d| d["domains"][0]["questions"][0]["id"] = "elsewhere.channel".into(),
            "question id elsewhere.channel must look like intake.name",
        ),
        (
            "a question without its why",
            |d| d["domains"][0]["questions"][0]["why"] = " ".into(),
            "question intake.channel lacks text or why",
        ),
        (
            "a yes/partly/no question without its partly meaning",
            |d| {
                d["domains"][0]["questions"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("partly");
            },
            "question intake.channel does not say what \"partly\" means",
        ),
        (
            "an empty partly meaning",
            |d| d["domains"][0]["questions"][0]["partly"] = "  ".into(),
            "question intake.channel has an empty \"partly\" meaning",
        ),
        (
            "a partly meaning on a choice question",
            |d| d["domains"][0]["questions"][3]["partly"] = "Some of it.".into(),
            "question intake.legal_conduct has a \"partly\" meaning but no \"partly\" answer",
        ),
        (
            "a partly meaning on a number question",
            |d| d["domains"][0]["questions"][7]["partly"] = "Some of it.".into(),
            "question intake.ack_target has a \"partly\" meaning but no \"partly\" answer",
        ),
        (
            "a follow-up of itself",
            |d| d["domains"][0]["questions"][11]["show_if"]["question"] = "intake.ack_met_pct".into(),
            "question intake.ack_met_pct depends on intake.ack_met_pct, which is not an earlier question",
        ),
        (
            "a follow-up of a later question",
            |d| d["domains"][0]["questions"][11]["show_if"]["question"] = "intake.public_metrics".into(),
            "question intake.ack_met_pct depends on intake.public_metrics, which is not an earlier question",
        ),
        (
            "a follow-up threshold of 0",
            |d| d["domains"][0]["questions"][11]["show_if"]["credit_at_least"] = 0.0.into(),
            "question intake.ack_met_pct has a condition threshold outside (0, 1]",
        ),
        (
            "a follow-up threshold above 1",
            |d| d["domains"][0]["questions"][11]["show_if"]["credit_at_least"] = 1.5.into(),
            "question intake.ack_met_pct has a condition threshold outside (0, 1]",
        ),
        (
            "a gate threshold of 0",
            |d| d["gates"][0]["fires_if_any"][0]["credit_below"] = 0.0.into(),
            "gate no-reporting-channel has a threshold outside (0, 1]",
        ),
        (
            "a gate threshold above 1",
            |d| d["gates"][0]["fires_if_any"][0]["credit_below"] = 1.5.into(),
            "gate no-reporting-channel has a threshold outside (0, 1]",
        ),
        (
            "a gate capping an unknown domain",
            |d| d["gates"][0]["domain_caps"]["nowhere"] = 1.into(),
            "gate no-reporting-channel caps unknown domain nowhere or above L4",
        ),
        (
            "a gate capping a domain above the top level",
            |d| d["gates"][0]["domain_caps"]["intake"] = 5.into(),
            "gate no-reporting-channel caps unknown domain intake or above L4",
        ),
        (
            "a gate capping the overall score above the top level",
            |d| d["gates"][0]["overall_max"] = 5.into(),
            "gate no-reporting-channel caps overall above L4",
        ),
        (
            // Its trigger (intake L1) already holds intake at 0.
            "a gate capping only what its trigger holds anyway",
            |d| {
                d["gates"][1]["domain_caps"] = serde_json::json!({"intake": 0});
                d["gates"][1]["overall_max"] = serde_json::Value::Null;
            },
            "gate legal-threats changes no score",
        ),
        (
            // With intake at 0 and every other domain at 4 the overall is 64 / 19 = 3.37.
            "a gate capping the overall score above what its trigger allows",
            |d| {
                d["gates"][1]["domain_caps"] = serde_json::json!({});
                d["gates"][1]["overall_max"] = 4.into();
            },
            "gate legal-threats changes no score",
        ),
        (
            "a migration to the same version",
            |d| d["migrations"][0]["from"] = "2.0.0".into(),
            "migration 2.0.0 -> 2.0.0 does not go to a later version",
        ),
        (
            "a migration's last step leading to no question",
            |d| {
                let last = d["migrations"].as_array().unwrap().len() - 1;
                d["migrations"][last]["rules"] = serde_json::json!([
                    {"op": "rename", "from": "intake.channel", "to": "intake.nowhere"}
                ]);
            },
            "leads to intake.nowhere, which is not a question",
        ),
        (
            "a question id that is not lower case",
            |d| d["domains"][0]["questions"][0]["id"] = "intake.Channel".into(),
            "question id intake.Channel must look like intake.name",
        ),
        (
            "a choice with a repeated option",
            |d| d["domains"][0]["questions"][3]["answer"]["options"][1]["id"] = "action_taken".into(),
            "question intake.legal_conduct needs two or more distinct options",
        ),
        (
            "a choice whose worst option earns credit",
            |d| d["domains"][0]["questions"][3]["answer"]["options"][0]["credit"] = 0.1.into(),
            "question intake.legal_conduct: option credits must rise from 0 to 1, worst first",
        ),
        (
            "a choice whose best option earns less than full credit",
            |d| {
                let options = &mut d["domains"][0]["questions"][3]["answer"]["options"];
                options[1]["credit"] = 0.5.into();
                options[2]["credit"] = 0.9.into();
            },
            "question intake.legal_conduct: option credits must rise from 0 to 1, worst first",
        ),
        (
            "a choice whose credits do not rise",
            |d| d["domains"][0]["questions"][3]["answer"]["options"][1]["credit"] = 1.5.into(),
            "question intake.legal_conduct: option credits must rise from 0 to 1, worst first",
        ),
        (
            "a number with an empty range",
            |d| d["domains"][0]["questions"][7]["answer"]["min"] = 30.0.into(),
            "question intake.ack_target: number range is empty",
        ),
        (
            "a number whose first band is not full credit",
            |d| d["domains"][0]["questions"][7]["answer"]["bands"][0]["credit"] = 0.9.into(),
            "question intake.ack_target: bands must go from credit 1 down, thresholds in order",
        ),
        (
            "a lower-is-better number with two bands at one threshold",
            |d| d["domains"][0]["questions"][7]["answer"]["bands"][1]["threshold"] = 3.0.into(),
            "question intake.ack_target: bands must go from credit 1 down, thresholds in order",
        ),
        (
            "a higher-is-better number with two bands at one threshold",
            |d| {
                let bands = &mut d["domains"][0]["questions"][11]["answer"]["bands"];
                bands[1]["threshold"] = bands[0]["threshold"].clone();
            },
            "question intake.ack_met_pct: bands must go from credit 1 down, thresholds in order",
        ),
        (
            "a number whose credits do not fall",
            |d| d["domains"][0]["questions"][7]["answer"]["bands"][1]["credit"] = 1.0.into(),
            "question intake.ack_target: bands must go from credit 1 down, thresholds in order",
        ),
        (
            "a number band without credit",
            |d| d["domains"][0]["questions"][7]["answer"]["bands"][2]["credit"] = 0.0.into(),
            "question intake.ack_target: bands must go from credit 1 down, thresholds in order",
        ),
    ];
    let accepted: Vec<(&str, Edit)> = vec![
        ("a gate capping another domain than its trigger's", |d| {
            d["gates"][1]["domain_caps"] = serde_json::json!({"supply_chain": 2});
            d["gates"][1]["overall_max"] = serde_json::Value::Null;
        }),
        (
            "a gate capping the overall score below what its trigger allows",
            |d| {
                d["gates"][1]["domain_caps"] = serde_json::json!({});
                d["gates"][1]["overall_max"] = 3.into();
            },
        ),
        ("a gate capping a domain at the top level", |d| {
            d["gates"][0]["domain_caps"]["intake"] = 4.into()
        }),
        ("a gate capping the overall score at the top level", |d| {
            d["gates"][0]["overall_max"] = 4.into()
        }),
        ("a follow-up threshold of 1", |d| {
            d["domains"][0]["questions"][11]["show_if"]["credit_at_least"] = 1.0.into()
        }),
    ];
    let builtin: serde_json::Value =
        serde_json::from_str(vendor_readiness::questionnaire::BUILTIN_JSON).unwrap();
    for (case, edit) in accepted {
        let mut data = builtin.clone();
        edit(&mut data);
        if let Err(e) = Questionnaire::from_json(&data.to_string()) {
            panic!("{case}: refused: {e}");
        }
    }
    for (case, edit, message) in refused {
        let mut data = builtin.clone();
        edit(&mut data);
        let err = refusal(&data, case);
        assert!(err.contains(message), "{case}: {err}");
    }
}
