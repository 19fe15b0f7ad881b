//! Consistency rules every questionnaire must satisfy before it is used for scoring.
//!
//! These are what make the scoring rules in [`crate::core::scoring`] sound: monotone
//! conditions, reachable levels, known references, well-formed answer credits.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::model::{parse_version, AnswerSpec, Better, Gate, Questionnaire, MAX_LEVEL};

/// Whether a question is in scope whatever the context answers: no `applies_if` on it
/// or on any question it follows.
fn always_in_scope(q: &Questionnaire, id: &str) -> bool {
    let mut current = q.question(id);
    // Follow-ups name earlier questions, so the chain ends; the bound guards bad data.
    for _ in 0..=q.questions().count() {
        let Some(qu) = current else { return true };
        if qu.applies_if.is_some() {
            return false;
        }
        current = qu.show_if.as_ref().and_then(|c| q.question(&c.question));
    }
    false
}

/// Every rule broken by `q`, in plain words; empty when the data is sound. Versions
/// from 2.0.0 on ([`Questionnaire::strict`]) are also held to the content rules: every
/// "partly" defined, references named precisely, gates justified and biting.
pub fn check(q: &Questionnaire) -> Vec<String> {
    let mut problems = Vec::new();
    let strict = q.strict();
    let mut p = |s: String| problems.push(s);

    if q.id.trim().is_empty() {
        p("questionnaire id is empty".into());
    }
    if parse_version(&q.version).is_none() {
        p(format!("version {:?} is not MAJOR.MINOR.PATCH", q.version));
    }
    // The lazily read parts must parse exactly; the page reads them leniently.
    if let Err(e) = serde_json::from_str::<Vec<super::model::ChangelogEntry>>(q.changelog.raw()) {
        p(format!("changelog does not read: {e}"));
    }
    if let Err(e) = serde_json::from_str::<Vec<super::model::Migration>>(q.migrations.raw()) {
        p(format!("migrations do not read: {e}"));
    }
    if !q.changelog().iter().any(|c| c.version == q.version) {
        p(format!("changelog has no entry for version {}", q.version));
    }
    let mut logged = BTreeSet::new();
    for entry in q.changelog() {
        if !logged.insert(entry.version.as_str()) {
            p(format!(
                "changelog has two entries for version {}",
                entry.version
            ));
        }
    }
    let levels: Vec<u8> = q.levels.iter().map(|l| l.level).collect();
    if levels != (0..=MAX_LEVEL).collect::<Vec<_>>() {
        p(format!(
            "levels must be 0..={MAX_LEVEL} in order, found {levels:?}"
        ));
    }

    let refs: HashSet<&str> = q.references.iter().map(|r| &*r.id).collect();
    if refs.len() != q.references.len() {
        p("duplicate reference ids".into());
    }
    for r in q.references.iter() {
        if strict && (r.document.as_deref().is_none_or(str::is_empty) || r.year.is_none()) {
            p(format!(
                "reference {} must name its document and year",
                r.id
            ));
        }
        if r.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
            p(format!("reference {} has a link that is not https", r.id));
        }
        if r.title.trim().is_empty() || r.clause.trim().is_empty() {
            p(format!(
                "reference {} lacks its clause or the clause's title",
                r.id
            ));
        }
    }

    let mut context_options: HashMap<&str, HashSet<&str>> = HashMap::new();
    for c in q.context.iter() {
        if !c.id.starts_with("context.") || !is_id(&c.id) {
            p(format!(
                "context question id {} must look like context.name",
                c.id
            ));
        }
        let options: HashSet<&str> = c.options.iter().map(|o| o.id.as_ref()).collect();
        if c.options.len() < 2 || options.len() != c.options.len() {
            p(format!(
                "context question {} needs two or more distinct options",
                c.id
            ));
        }
        if options.contains(crate::core::answers::NOT_APPLICABLE) {
            p(format!(
                "context question {} uses the reserved option id n/a",
                c.id
            ));
        }
        if context_options.insert(&c.id, options).is_some() {
            p(format!("duplicate context question {}", c.id));
        }
    }
    let mut cited = HashSet::new();
    let mut seen_domains = HashSet::new();
    // Position of each question, so a condition can be checked to point backwards.
    let mut position: HashMap<&str, (usize, u8)> = HashMap::new();
    let mut order = 0usize;

    for d in q.domains.iter() {
        if !seen_domains.insert(d.id.as_ref()) {
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
            // "not applicable" or out of scope alone; every level needs at least one
            // question that is never N/A and in scope for every product (a follow-up
            // inherits its parent's scope; hidden counts as not met, so it may be one).
            if !d
                .questions
                .iter()
                .any(|qu| qu.level == level && !qu.allow_na && always_in_scope(q, &qu.id))
            {
                p(format!(
                    "domain {} has no mandatory question at level {level}",
                    d.id
                ));
            }
        }
        for qu in d.questions.iter() {
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
            for r in qu.refs.iter() {
                cited.insert(r.as_ref());
                if !refs.contains(r.as_ref()) {
                    p(format!("question {} cites unknown reference {r}", qu.id));
                }
            }
            check_answer_spec(&qu.id, &qu.answer, &mut p);
            match (&qu.answer, &qu.partly) {
                (AnswerSpec::YesPartlyNo, None) if strict => p(format!(
                    "question {} does not say what \"partly\" means",
                    qu.id
                )),
                (AnswerSpec::YesPartlyNo, Some(t)) if t.trim().is_empty() => p(format!(
                    "question {} has an empty \"partly\" meaning",
                    qu.id
                )),
                (AnswerSpec::Choice { .. } | AnswerSpec::Number { .. }, Some(_)) => p(format!(
                    "question {} has a \"partly\" meaning but no \"partly\" answer",
                    qu.id
                )),
                _ => {}
            }
            if qu.na_label.is_some() && !qu.allow_na {
                p(format!(
                    "question {} labels N/A but does not allow it",
                    qu.id
                ));
            }
            if let Some(a) = &qu.applies_if {
                match context_options.get(a.question.as_ref()) {
                    None => p(format!(
                        "question {} applies_if names {}, which is not a context question",
                        qu.id, a.question
                    )),
                    Some(options) => {
                        if a.any_of.is_empty() {
                            p(format!("question {} applies_if lists no option", qu.id));
                        }
                        for o in a.any_of.iter() {
                            if !options.contains(o.as_ref()) {
                                p(format!(
                                    "question {} applies_if names unknown option {o} of {}",
                                    qu.id, a.question
                                ));
                            }
                        }
                    }
                }
            }
            if let Some(c) = &qu.show_if {
                if c.question.starts_with("context.") {
                    p(format!(
                        "question {} depends on context {}: use applies_if",
                        qu.id, c.question
                    ));
                }
                match position.get(c.question.as_ref()) {
                    Some(&(at, parent_level)) if at < order => {
                        if parent_level > qu.level {
                            p(format!(
                                "question {} (L{}) depends on {} at a higher level",
                                qu.id, qu.level, c.question
                            ));
                        }
                        // An N/A parent would hide the follow-up for good, and a hidden
                        // question is never met: its level could not be reached.
                        if q.question(&c.question)
                            .is_some_and(|parent| parent.allow_na)
                        {
                            p(format!(
                                "question {} follows {}, which allows N/A",
                                qu.id, c.question
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
    for r in q.references.iter() {
        if !cited.contains(r.id.as_ref()) {
            p(format!("reference {} is never cited", r.id));
        }
    }

    let mut gate_ids = HashSet::new();
    for g in q.gates.iter() {
        if !gate_ids.insert(g.id.as_ref()) {
            p(format!("duplicate gate id {}", g.id));
        }
        if g.fires_if_any.is_empty() {
            p(format!("gate {} has no trigger", g.id));
        }
        if let Some(a) = &g.applies_if {
            match context_options.get(&*a.question) {
                None => p(format!(
                    "gate {} applies_if names {}, which is not a context question",
                    g.id, a.question
                )),
                Some(options) => {
                    if a.any_of.is_empty() {
                        p(format!("gate {} applies_if lists no option", g.id));
                    }
                    for o in a.any_of.iter().filter(|o| !options.contains(&***o)) {
                        p(format!(
                            "gate {} applies_if names unknown option {o} of {}",
                            g.id, a.question
                        ));
                    }
                }
            }
        }
        for t in g.fires_if_any.iter() {
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
            if !seen_domains.contains(dom) || *cap > MAX_LEVEL {
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
        if strict
            && g.justification
                .as_deref()
                .is_none_or(|j| j.trim().is_empty())
        {
            p(format!(
                "gate {} does not justify its thresholds and caps",
                g.id
            ));
        }
        if strict && !gate_bites(q, g) {
            p(format!(
                "gate {} changes no score: every cap is implied by its own triggers",
                g.id
            ));
        }
    }

    if strict && !q.renames.is_empty() {
        p("renames are replaced by migrations from 2.0.0 on".into());
    }
    check_migrations(q, &position, &mut p);
    problems
}

/// Whether a gate, when it fires, can hold some score lower than its own triggers already
/// do. A trigger that holds is a question not met, which holds its own domain below the
/// trigger's level; a cap at or above that changes nothing. So a gate bites when it caps
/// another domain than a trigger's, caps a trigger's domain lower than that trigger
/// implies, or caps the overall score below the highest score its triggers allow.
pub fn gate_bites(q: &Questionnaire, g: &Gate) -> bool {
    let triggers: Vec<(&str, u8)> = g
        .fires_if_any
        .iter()
        .filter_map(|t| {
            let d = q.domain_of(&t.question)?;
            Some((&*d.id, q.question(&t.question)?.level))
        })
        .collect();
    // For each trigger holding on its own: the level each domain can still reach.
    let reachable = |trigger: (&str, u8), domain: &str| {
        if trigger.0 == domain {
            trigger.1.saturating_sub(1)
        } else {
            MAX_LEVEL
        }
    };
    let cap_bites = triggers
        .iter()
        .any(|&t| g.domain_caps.iter().any(|(d, &cap)| cap < reachable(t, d)));
    let total: u32 = q.domains.iter().map(|d| d.weight).sum();
    let overall_bites = g.overall_max.is_some_and(|max| {
        triggers.iter().any(|&t| {
            let weighted: u32 = q
                .domains
                .iter()
                .map(|d| {
                    let cap = g.domain_caps.get(&d.id).copied().unwrap_or(MAX_LEVEL);
                    d.weight * u32::from(cap.min(reachable(t, &d.id)))
                })
                .sum();
            total > 0 && f64::from(max) < f64::from(weighted) / f64::from(total)
        })
    });
    cap_bites || overall_bites
}

fn check_migrations(
    q: &Questionnaire,
    position: &HashMap<&str, (usize, u8)>,
    p: &mut impl FnMut(String),
) {
    use super::model::MigrationRule;
    let is_current = |id: &str| position.contains_key(id) || q.context_question(id).is_some();
    for m in q.migrations() {
        let order = parse_version(&m.from)
            .zip(parse_version(&m.to))
            .map(|(a, b)| a < b);
        if order != Some(true) {
            p(format!(
                "migration {} -> {} does not go to a later version",
                m.from, m.to
            ));
        }
        let last = m.to == q.version;
        let mut named = HashSet::new();
        for rule in &m.rules {
            let (froms, to): (Vec<&str>, Option<&str>) = match rule {
                MigrationRule::Rename { from, to, .. } => (vec![from], Some(to)),
                MigrationRule::Merge { from, to, .. } => {
                    (from.iter().map(String::as_str).collect(), Some(to))
                }
                MigrationRule::Derive { to, .. } => (Vec::new(), Some(to)),
                MigrationRule::Drop { from, reason } => {
                    if reason.trim().is_empty() {
                        p(format!("migration drop of {from} gives no reason"));
                    }
                    (vec![from], None)
                }
            };
            for from in froms {
                if !named.insert(from) {
                    p(format!("migration from {} names {from} twice", m.from));
                }
            }
            if let Some(to) = to.filter(|to| last && !is_current(to)) {
                p(format!(
                    "migration from {} leads to {to}, which is not a question",
                    m.from
                ));
            }
        }
        for added in &m.added {
            if last && !position.contains_key(added.as_str()) {
                p(format!(
                    "migration from {} adds {added}, which is not a question",
                    m.from
                ));
            }
        }
    }
}

fn check_answer_spec(id: &str, spec: &AnswerSpec, p: &mut impl FnMut(String)) {
    match spec {
        AnswerSpec::YesPartlyNo => {}
        AnswerSpec::Choice { options } => {
            let credits: Vec<f64> = options.iter().map(|o| o.credit).collect();
            let ids: HashSet<&str> = options.iter().map(|o| &*o.id).collect();
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
