//! The scoring model: cumulative domain levels L0..L4, capped by gates, and a weighted
//! overall score, each with its explanation. `docs/scoring.md` is the prose contract
//! for exactly this module.
//!
//! Rules, in order:
//! 1. Each question gets a status: hidden (its condition does not hold), N/A, unanswered,
//!    or answered with a credit in 0..=1. A question is *met* only at credit 1.
//! 2. A domain's criteria reach level k when every applicable question at levels 1..=k is
//!    met. N/A questions are left out; hidden and unanswered ones count as not met.
//! 3. Fired gates cap domain levels ([`crate::core::scoring::gates`]).
//! 4. Overall = weighted mean of domain levels (weights from the data), capped by the
//!    lowest `overall_max` of the fired gates, rounded to one decimal.

use serde::{Deserialize, Serialize};

use crate::core::answers::Answers;
use crate::core::questionnaire::{Domain, Question, Questionnaire, MAX_LEVEL};

pub mod gates;
pub mod status;

use gates::FiredGate;
pub use status::{evaluate, QuestionStatus, Statuses};

/// Why a question stands between a domain and its next level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingReason {
    /// Not answered yet.
    Unanswered,
    /// Answered below full credit.
    NotMet,
    /// Hidden because an earlier answer does not open it.
    Hidden,
}

/// One step toward a domain's next level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Missing {
    /// The question to improve.
    pub question: String,
    /// The level it evidences.
    pub level: u8,
    /// Why it is not met.
    pub reason: MissingReason,
    /// Set when the step is needed to clear this gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<String>,
}

impl Missing {
    /// Why the step is needed, as the results say it after the question: "clears gate
    /// no-channel", "not answered", "not fully met", "opens after an earlier answer
    /// improves".
    pub fn why(&self) -> String {
        match (&self.gate, &self.reason) {
            (Some(gate), _) => format!("clears gate {gate}"),
            (None, MissingReason::Unanswered) => "not answered".into(),
            (None, MissingReason::NotMet) => "not fully met".into(),
            (None, MissingReason::Hidden) => "opens after an earlier answer improves".into(),
        }
    }
}

/// Progress toward a level: credit earned over applicable questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The level being worked toward.
    pub level: u8,
    /// Sum of credits earned at that level (two decimals).
    pub earned: f64,
    /// Number of applicable questions at that level.
    pub possible: u32,
}

/// The result of one domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainScore {
    /// Domain id.
    pub domain: String,
    /// The level after gate caps.
    pub level: u8,
    /// The level the answers alone reach.
    pub criteria_level: u8,
    /// Gates that hold this domain below its criteria level.
    pub capped_by: Vec<String>,
    /// Progress toward the next criteria level (absent at L4).
    pub progress: Option<Progress>,
    /// Questions met (credit 1).
    pub met: Vec<String>,
    /// Ordered steps to the next level: gate triggers first, then by level.
    pub missing: Vec<Missing>,
    /// Questions answered (including N/A) among those shown.
    pub answered: u32,
    /// Questions shown.
    pub shown: u32,
}

/// The whole result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Overall score 0.0..=4.0, one decimal, after gate caps.
    pub overall: f64,
    /// Weighted mean of the domain levels before the overall cap, one decimal.
    pub overall_before_cap: f64,
    /// The overall cap in force, if any gate imposes one.
    pub overall_cap: Option<u8>,
    /// Per domain, in questionnaire order.
    pub domains: Vec<DomainScore>,
    /// Gates fired, in questionnaire order.
    pub gates: Vec<FiredGate>,
    /// Questions answered among those shown.
    pub answered: u32,
    /// Questions shown.
    pub shown: u32,
}

impl Score {
    /// The result of one domain.
    pub fn domain(&self, id: &str) -> Option<&DomainScore> {
        self.domains.iter().find(|d| d.domain == id)
    }

    /// Whether two results are the same: used to tell an edited embedded result from the
    /// real one. Field by field, numbers compared exactly (as their JSON is; a recomputed
    /// result is never NaN, and a file cannot hold one).
    pub fn same_as(&self, other: &Score) -> bool {
        self == other
    }

    /// What a reader is told when a gate's overall cap lowers the score, as every page
    /// shows it: "Capped at 2.0 by a gate; the domain levels alone give 2.6." `None` when
    /// no cap is in force or the cap is not below what the levels give.
    pub fn cap_note(&self) -> Option<String> {
        let cap = self
            .overall_cap
            .filter(|c| f64::from(*c) < self.overall_before_cap)?;
        Some(format!(
            "Capped at {cap}.0 by a gate; the domain levels alone give {}.",
            crate::core::text::decimal(self.overall_before_cap, 1)
        ))
    }
}

fn round_to(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

/// Scores answers against a questionnaire.
pub fn score(q: &Questionnaire, answers: &Answers) -> Score {
    score_with(q, answers, &evaluate(q, answers))
}

/// Scores answers whose statuses ([`evaluate`]) the caller already has.
pub fn score_with(q: &Questionnaire, answers: &Answers, statuses: &Statuses) -> Score {
    let fired = gates::fired(q, answers, statuses);
    let domains: Vec<DomainScore> = q
        .domains
        .iter()
        .map(|d| score_domain(q, d, statuses, &fired))
        .collect();

    let total_weight: u32 = q.domains.iter().map(|d| d.weight).sum();
    let weighted: f64 = q
        .domains
        .iter()
        .zip(&domains)
        .map(|(d, s)| f64::from(d.weight) * f64::from(s.level))
        .sum();
    let before_cap = if total_weight == 0 {
        0.0
    } else {
        weighted / f64::from(total_weight)
    };
    let overall_cap = gates::overall_cap(q, &fired);
    let overall = overall_cap.map_or(before_cap, |c| before_cap.min(f64::from(c)));

    Score {
        overall: round_to(overall, 1),
        overall_before_cap: round_to(before_cap, 1),
        overall_cap,
        answered: domains.iter().map(|d| d.answered).sum(),
        shown: domains.iter().map(|d| d.shown).sum(),
        domains,
        gates: fired,
    }
}

fn score_domain(
    q: &Questionnaire,
    d: &Domain,
    statuses: &Statuses,
    fired: &[FiredGate],
) -> DomainScore {
    let status = |id: &str| statuses.get(id).unwrap_or(&QuestionStatus::Unanswered);
    // Each question of the domain with its status, looked up once.
    let here: Vec<(&Question, &QuestionStatus)> =
        d.questions.iter().map(|qu| (qu, status(&qu.id))).collect();
    let level_met = |level: u8| {
        here.iter()
            .filter(|(qu, _)| qu.level == level)
            .all(|(_, s)| s.credit().is_none() || s.is_met())
    };
    let criteria_level = (1..=MAX_LEVEL)
        .take_while(|&l| level_met(l))
        .last()
        .unwrap_or(0);
    let cap = gates::domain_cap(q, fired, &d.id);
    let level = cap
        .as_ref()
        .map_or(criteria_level, |(c, _)| criteria_level.min(*c));
    let capped_by = match &cap {
        Some((c, ids)) if *c < criteria_level => ids.clone(),
        _ => Vec::new(),
    };

    let progress = (criteria_level < MAX_LEVEL).then(|| {
        let next = criteria_level + 1;
        let credits: Vec<f64> = here
            .iter()
            .filter(|(qu, _)| qu.level == next)
            .filter_map(|(_, s)| s.credit())
            .collect();
        Progress {
            level: next,
            earned: round_to(credits.iter().sum(), 2),
            possible: credits.len() as u32,
        }
    });

    let target = level + 1;
    let mut missing: Vec<Missing> = Vec::new();
    if level < MAX_LEVEL {
        for gate_id in gates::gates_blocking(q, fired, &d.id, target) {
            let fg = fired.iter().find(|f| f.gate == gate_id);
            for qid in fg.map(|f| f.triggered_by.as_slice()).unwrap_or_default() {
                if let Some(m) = missing_item(q, qid, status(qid), Some(&gate_id)) {
                    missing.push(m);
                }
            }
        }
        for lvl in 1..=target {
            for (qu, s) in here.iter().filter(|(qu, _)| qu.level == lvl) {
                let already = missing.iter().any(|m| m.question == qu.id);
                if !already {
                    missing.extend(missing_item(q, &qu.id, s, None));
                }
            }
        }
    }

    let shown: Vec<&QuestionStatus> = here
        .iter()
        .map(|&(_, s)| s)
        .filter(|s| s.is_shown())
        .collect();
    DomainScore {
        domain: d.id.to_string(),
        level,
        criteria_level,
        capped_by,
        progress,
        met: here
            .iter()
            .filter(|(_, s)| s.is_met())
            .map(|(qu, _)| qu.id.to_string())
            .collect(),
        missing,
        answered: shown
            .iter()
            .filter(|s| !matches!(s, QuestionStatus::Unanswered))
            .count() as u32,
        shown: shown.len() as u32,
    }
}

fn missing_item(
    q: &Questionnaire,
    id: &str,
    status: &QuestionStatus,
    gate: Option<&str>,
) -> Option<Missing> {
    let reason = match status {
        QuestionStatus::Hidden => MissingReason::Hidden,
        QuestionStatus::Unanswered => MissingReason::Unanswered,
        QuestionStatus::Answered { credit } if *credit < 1.0 => MissingReason::NotMet,
        // A met question may still trigger a gate whose threshold it passes only in part;
        // thresholds are at most 1, so a met question never triggers one.
        _ => return None,
    };
    Some(Missing {
        question: id.to_owned(),
        level: q.question(id).map_or(0, |qu| qu.level),
        reason,
        gate: gate.map(str::to_owned),
    })
}
