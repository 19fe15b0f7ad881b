//! Consistency rules every questionnaire must satisfy before it is used for scoring.
//!
//! These are what make the scoring rules in [`crate::core::scoring`] sound: monotone
//! conditions, reachable levels, known references, well-formed answer credits.

use std::collections::{HashMap, HashSet};

use super::model::{AnswerSpec, Better, Questionnaire, MAX_LEVEL};

/// Every rule broken by `q`, in plain words; empty when the data is sound.
pub fn check(q: &Questionnaire) -> Vec<String> {
    let mut problems = Vec::new();
    let mut p = |s: String| problems.push(s);

    if q.id.trim().is_empty() {
        p("questionnaire id is empty".into());
    }
    if crate::core::questionnaire::parse_version(&q.version).is_none() {
        p(format!("version {:?} is not MAJOR.MINOR.PATCH", q.version));
    }
    if !q.changelog.iter().any(|c| c.version == q.version) {
        p(format!("changelog has no entry for version {}", q.version));
    }
    let levels: Vec<u8> = q.levels.iter().map(|l| l.level).collect();
    if levels != (0..=MAX_LEVEL).collect::<Vec<_>>() {
        p(format!(
            "levels must be 0..={MAX_LEVEL} in order, found {levels:?}"
        ));
    }

    let refs: HashSet<&str> = q.references.iter().map(|r| r.id.as_str()).collect();
    if refs.len() != q.references.len() {
        p("duplicate reference ids".into());
    }
    let mut cited = HashSet::new();
    let mut seen_domains = HashSet::new();
    // Position of each question, so a condition can be checked to point backwards.
    let mut position: HashMap<&str, (usize, u8)> = HashMap::new();
    let mut order = 0usize;

    for d in &q.domains {
        if !seen_domains.insert(d.id.as_str()) {
            p(format!("duplicate domain id {}", d.id));
        }
        if d.weight == 0 {
            p(format!("domain {} has weight 0", d.id));
        }
        for level in 1..=MAX_LEVEL {
            if !d.levels.contains_key(&level.to_string()) {
                p(format!("domain {} does not describe level {level}", d.id));
            }
            // A level with no question that must be answered could be reached by
            // "not applicable" alone; every level needs at least one mandatory question.
            if !d
                .questions
                .iter()
                .any(|qu| qu.level == level && !qu.allow_na)
            {
                p(format!(
                    "domain {} has no mandatory question at level {level}",
                    d.id
                ));
            }
        }
        for qu in &d.questions {
            order += 1;
            let prefix = format!("{}.", d.id);
            if !qu.id.starts_with(&prefix) || !is_id(&qu.id) {
                p(format!("question id {} must look like {prefix}name", qu.id));
            }
            if position.insert(&qu.id, (order, qu.level)).is_some() {
                p(format!("duplicate question id {}", qu.id));
            }
            if !(1..=MAX_LEVEL).contains(&qu.level) {
                p(format!("question {} evidences level {}", qu.id, qu.level));
            }
            if qu.text.trim().is_empty() || qu.why.trim().is_empty() {
                p(format!("question {} lacks text or why", qu.id));
            }
            if qu.refs.is_empty() {
                p(format!("question {} cites no reference", qu.id));
            }
            for r in &qu.refs {
                cited.insert(r.as_str());
                if !refs.contains(r.as_str()) {
                    p(format!("question {} cites unknown reference {r}", qu.id));
                }
            }
            check_answer_spec(&qu.id, &qu.answer, &mut p);
            if let Some(c) = &qu.show_if {
                match position.get(c.question.as_str()) {
                    Some(&(at, parent_level)) if at < order => {
                        if parent_level > qu.level {
                            p(format!(
                                "question {} (L{}) depends on {} at a higher level",
                                qu.id, qu.level, c.question
                            ));
                        }
                    }
                    _ => p(format!(
                        "question {} depends on {}, which is not an earlier question",
                        qu.id, c.question
                    )),
                }
                if !(c.credit_at_least > 0.0 && c.credit_at_least <= 1.0) {
                    p(format!(
                        "question {} has a condition threshold outside (0, 1]",
                        qu.id
                    ));
                }
            }
        }
    }
    for r in &q.references {
        if !cited.contains(r.id.as_str()) {
            p(format!("reference {} is never cited", r.id));
        }
    }

    let mut gate_ids = HashSet::new();
    for g in &q.gates {
        if !gate_ids.insert(g.id.as_str()) {
            p(format!("duplicate gate id {}", g.id));
        }
        if g.fires_if_any.is_empty() {
            p(format!("gate {} has no trigger", g.id));
        }
        for t in &g.fires_if_any {
            match q.question(&t.question) {
                None => p(format!(
                    "gate {} looks at unknown question {}",
                    g.id, t.question
                )),
                Some(qu) if qu.allow_na => p(format!(
                    "gate {} looks at {}, which allows N/A",
                    g.id, t.question
                )),
                Some(_) => {}
            }
            if !(t.credit_below > 0.0 && t.credit_below <= 1.0) {
                p(format!("gate {} has a threshold outside (0, 1]", g.id));
            }
        }
        for (dom, cap) in &g.domain_caps {
            if !seen_domains.contains(dom.as_str()) || *cap > MAX_LEVEL {
                p(format!(
                    "gate {} caps unknown domain {dom} or above L{MAX_LEVEL}",
                    g.id
                ));
            }
        }
        if g.overall_max.is_some_and(|m| m > MAX_LEVEL) {
            p(format!("gate {} caps overall above L{MAX_LEVEL}", g.id));
        }
        if g.domain_caps.is_empty() && g.overall_max.is_none() {
            p(format!("gate {} caps nothing", g.id));
        }
    }

    for (old, new) in &q.renames {
        if position.contains_key(old.as_str()) {
            p(format!("renamed id {old} is still a current question"));
        }
        if !position.contains_key(q.current_id(new)) {
            p(format!(
                "rename {old} -> {new} leads to no current question"
            ));
        }
    }
    problems
}

fn check_answer_spec(id: &str, spec: &AnswerSpec, p: &mut impl FnMut(String)) {
    match spec {
        AnswerSpec::YesPartlyNo => {}
        AnswerSpec::Choice { options } => {
            let credits: Vec<f64> = options.iter().map(|o| o.credit).collect();
            let ids: HashSet<&str> = options.iter().map(|o| o.id.as_str()).collect();
            if options.len() < 2 || ids.len() != options.len() {
                p(format!("question {id} needs two or more distinct options"));
            }
            if options
                .iter()
                .any(|o| o.id == crate::core::answers::NOT_APPLICABLE)
            {
                p(format!("question {id} uses the reserved option id n/a"));
            }
            if credits.first() != Some(&0.0)
                || credits.last() != Some(&1.0)
                || credits.windows(2).any(|w| w[0] > w[1])
            {
                p(format!(
                    "question {id}: option credits must rise from 0 to 1, worst first"
                ));
            }
        }
        AnswerSpec::Number {
            min,
            max,
            better,
            bands,
            ..
        } => {
            if !(min.is_finite() && max.is_finite() && min < max) {
                p(format!("question {id}: number range is empty"));
            }
            let thresholds_ordered = bands.windows(2).all(|w| match better {
                Better::Lower => w[0].threshold < w[1].threshold,
                Better::Higher => w[0].threshold > w[1].threshold,
            });
            let credits_fall = bands.windows(2).all(|w| w[0].credit > w[1].credit);
            if bands.first().map(|b| b.credit) != Some(1.0)
                || !thresholds_ordered
                || !credits_fall
                || bands.iter().any(|b| b.credit <= 0.0)
            {
                p(format!(
                    "question {id}: bands must go from credit 1 down, thresholds in order"
                ));
            }
        }
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}
