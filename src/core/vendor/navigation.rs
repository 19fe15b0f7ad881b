//! Moving through the questionnaire: its pages in order (the context page "About the
//! product", then the domains), the previous and next page with their progress, the next
//! unanswered question from wherever the vendor is, and what is still open before a
//! score file is sent. The shell only renders these results and moves focus.
//!
//! Rules:
//! - only questions shown to the vendor count ([`QuestionStatus::is_shown`]): hidden
//!   follow-ups and questions out of scope for the product's context are skipped;
//! - the order is the context questions, then every domain's questions in display order;
//!   "next unanswered" looks from just after the vendor's question (or from the start of
//!   the page when no question of that page is focused) and wraps round at the end;
//! - while nothing scored has been answered yet, unanswered context questions come first
//!   wherever the vendor starts: they decide which questions apply. After that they keep
//!   their place at the head of the order, so a vendor who skipped them meets them again
//!   after the last domain, and is never sent back to them in a loop;
//! - before sending, "open" means: unanswered questions shown (context ones included),
//!   gates that fire only because their questions are blank ([`FiredGate::pending`]),
//!   and the profile fields buyers look for left empty ([`BUYER_PROFILE_FIELDS`]).
//!
//! [`FiredGate::pending`]: crate::core::scoring::gates::FiredGate::pending

use crate::core::answers::{AnswerValue, Answers};
use crate::core::assessment::{Assessment, ProfileField};
use crate::core::questionnaire::{ContextQuestion, Questionnaire};
use crate::core::route::CONTEXT;
use crate::core::scoring::{self, QuestionStatus, Statuses};

/// The title of the context page.
pub const CONTEXT_TITLE: &str = "About the product";

/// The profile fields a buyer looks for first: who, what, and whom to tell.
pub const BUYER_PROFILE_FIELDS: [ProfileField; 3] = [
    ProfileField::Organisation,
    ProfileField::Products,
    ProfileField::SecurityContact,
];

/// Where "continue where you left off" leads: the question last edited in the open
/// assessment (kept in the workbook, so it survives a reload) and its domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastEdit {
    /// The domain of the question.
    pub domain: String,
    /// The question.
    pub question: String,
}

/// A question to move to, and the page that shows it (a domain id or [`CONTEXT`]): the
/// same shape as the resume point.
pub type Target = LastEdit;

/// One page of the questionnaire and its progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// A domain id, or [`CONTEXT`].
    pub id: String,
    /// Its title.
    pub title: String,
    /// 1-based number among the domains; `None` for the context page.
    pub number: Option<usize>,
    /// Questions answered among those shown (N/A counts as answered).
    pub answered: u32,
    /// Questions shown.
    pub shown: u32,
}

/// Where the vendor is, and the pages around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The page shown.
    pub current: Page,
    /// The page before it, if any.
    pub previous: Option<Page>,
    /// The page after it, if any.
    pub next: Option<Page>,
    /// Number of domains.
    pub domains: usize,
    /// Scored questions answered over the whole questionnaire.
    pub answered: u32,
    /// Scored questions shown over the whole questionnaire.
    pub shown: u32,
}

impl Pager {
    /// One line for a narrow screen: "Domain 3 of 10 · Triage · 45 of 112 answered".
    pub fn compact_label(&self) -> String {
        let place = match self.current.number {
            Some(n) => format!("Domain {n} of {} · {}", self.domains, self.current.title),
            None => format!("{} (not scored)", self.current.title),
        };
        format!("{place} · {} of {} answered", self.answered, self.shown)
    }
}

impl Page {
    /// Its progress as shown next to its name: "3 of 9 answered".
    pub fn progress(&self) -> String {
        format!("{} of {} answered", self.answered, self.shown)
    }
}

/// What is still open before a score file is sent. Nothing here blocks a download.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenItems {
    /// Question ids shown but unanswered, in questionnaire order (context first).
    pub unanswered: Vec<String>,
    /// Gates that fire only because their questions are blank.
    pub pending_gates: Vec<String>,
    /// Profile fields buyers look for that are empty.
    pub missing_profile: Vec<ProfileField>,
}

impl OpenItems {
    /// Whether nothing is open.
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// How many items are open.
    pub fn count(&self) -> usize {
        self.unanswered.len() + self.pending_gates.len() + self.missing_profile.len()
    }

    /// The open items in one sentence, e.g. "3 unanswered questions, 1 gate that fires
    /// only because of blanks and 2 empty profile fields".
    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if !self.unanswered.is_empty() {
            parts.push(plural(
                self.unanswered.len(),
                "unanswered question",
                "unanswered questions",
            ));
        }
        if !self.pending_gates.is_empty() {
            parts.push(plural(
                self.pending_gates.len(),
                "gate that fires only because of blanks",
                "gates that fire only because of blanks",
            ));
        }
        if !self.missing_profile.is_empty() {
            parts.push(plural(
                self.missing_profile.len(),
                "empty profile field",
                "empty profile fields",
            ));
        }
        match parts.split_last() {
            None => "Nothing is open".into(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The unanswered questions grouped by page, in questionnaire order: (page id, page
    /// title, question ids).
    pub fn unanswered_by_page(&self, q: &Questionnaire) -> Vec<(String, String, Vec<String>)> {
        let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
        for id in &self.unanswered {
            let Some(page) = page_of(q, id) else { continue };
            match groups.last_mut() {
                Some((p, _, ids)) if *p == page => ids.push(id.clone()),
                _ => {
                    let title = page_title(q, &page).unwrap_or_default().to_owned();
                    groups.push((page, title, vec![id.clone()]));
                }
            }
        }
        groups
    }
}

/// The page that shows a question: its domain, or [`CONTEXT`] for a context question.
pub fn page_of(q: &Questionnaire, question: &str) -> Option<String> {
    if q.context_question(question).is_some() {
        return Some(CONTEXT.to_owned());
    }
    q.domain_of(question).map(|d| d.id.to_string())
}

/// The title of a page.
pub fn page_title<'q>(q: &'q Questionnaire, page: &str) -> Option<&'q str> {
    if page == CONTEXT {
        return (!q.context.is_empty()).then_some(CONTEXT_TITLE);
    }
    q.domain(page).map(|d| &*d.title)
}

/// The text of a question, context questions included.
pub fn question_text<'q>(q: &'q Questionnaire, question: &str) -> Option<&'q str> {
    q.context_question(question)
        .map(|c| &*c.text)
        .or_else(|| q.question(question).map(|qu| &*qu.text))
}

fn context_answered(c: &ContextQuestion, answers: &Answers) -> bool {
    matches!(answers.value(&c.id), Some(AnswerValue::Choice(v)) if c.options.iter().any(|o| o.id == *v))
}

/// How many context questions are answered (with one of their options): the context
/// page's progress.
pub fn context_answered_count(q: &Questionnaire, answers: &Answers) -> usize {
    q.context
        .iter()
        .filter(|c| context_answered(c, answers))
        .count()
}

/// Whether a context question is still unanswered: until none is, every question is
/// shown, and the questionnaire's pages point to the context page first.
pub fn context_open(q: &Questionnaire, answers: &Answers) -> bool {
    context_answered_count(q, answers) < q.context.len()
}

/// Every page in order, with its progress. `statuses` are the answers' own
/// ([`scoring::evaluate`]; the vendor's session keeps them for the open assessment).
pub fn pages(q: &Questionnaire, answers: &Answers, statuses: &Statuses) -> Vec<Page> {
    let context = (!q.context.is_empty()).then(|| Page {
        id: CONTEXT.into(),
        title: CONTEXT_TITLE.into(),
        number: None,
        answered: context_answered_count(q, answers) as u32,
        shown: q.context.len() as u32,
    });
    let domains = q.domains.iter().enumerate().map(|(i, d)| {
        let shown: Vec<&QuestionStatus> = d
            .questions
            .iter()
            .filter_map(|qu| statuses.get(&*qu.id))
            .filter(|s| s.is_shown())
            .collect();
        Page {
            id: d.id.to_string(),
            title: d.title.to_string(),
            number: Some(i + 1),
            answered: shown
                .iter()
                .filter(|s| !matches!(s, QuestionStatus::Unanswered))
                .count() as u32,
            shown: shown.len() as u32,
        }
    });
    context.into_iter().chain(domains).collect()
}

/// The page shown and the pages around it. An unknown page is read as the first domain,
/// as the questionnaire page shows it.
pub fn pager(q: &Questionnaire, answers: &Answers, statuses: &Statuses, current: &str) -> Pager {
    let pages = pages(q, answers, statuses);
    let at = pages
        .iter()
        .position(|p| p.id == current)
        .or_else(|| pages.iter().position(|p| p.number == Some(1)))
        .unwrap_or(0);
    let scored = pages.iter().filter(|p| p.number.is_some());
    Pager {
        current: pages[at].clone(),
        previous: at.checked_sub(1).map(|i| pages[i].clone()),
        next: pages.get(at + 1).cloned(),
        domains: q.domains.len(),
        answered: scored.clone().map(|p| p.answered).sum(),
        shown: scored.map(|p| p.shown).sum(),
    }
}

/// Every question in order with whether it is open (shown and unanswered).
fn order(q: &Questionnaire, answers: &Answers, statuses: &Statuses) -> Vec<(Target, bool)> {
    let context = q.context.iter().map(|c| {
        let at = Target {
            domain: CONTEXT.into(),
            question: c.id.to_string(),
        };
        (at, !context_answered(c, answers))
    });
    let scored = q.domains.iter().flat_map(|d| {
        d.questions.iter().map(|qu| {
            let at = Target {
                domain: d.id.to_string(),
                question: qu.id.to_string(),
            };
            (
                at,
                statuses.get(&*qu.id) == Some(&QuestionStatus::Unanswered),
            )
        })
    });
    context.chain(scored).collect()
}

/// The next unanswered question shown, looking from just after `after` (a question of
/// page `page`; ignored when it is on another page) or else from the start of `page`,
/// and wrapping round. `None` when every question shown is answered.
pub fn next_unanswered(
    q: &Questionnaire,
    answers: &Answers,
    statuses: &Statuses,
    page: &str,
    after: Option<&str>,
) -> Option<Target> {
    let order = order(q, answers, statuses);
    let nothing_scored = !statuses.values().any(|s| {
        matches!(
            s,
            QuestionStatus::Answered { .. } | QuestionStatus::NotApplicable
        )
    });
    if nothing_scored {
        let context_open = order.iter().find(|(t, open)| *open && t.domain == CONTEXT);
        let from_context = after.is_some_and(|a| page == CONTEXT && page_of(q, a).is_some());
        if let (Some((t, _)), false) = (context_open, from_context) {
            return Some(t.clone());
        }
    }
    let after = after.filter(|a| page_of(q, a).as_deref() == Some(page));
    let start = match after {
        Some(a) => order
            .iter()
            .position(|(t, _)| t.question == a)
            .map(|i| i + 1),
        None => order.iter().position(|(t, _)| t.domain == page),
    }
    .unwrap_or(0);
    (0..order.len())
        .map(|i| &order[(start + i) % order.len()])
        .find(|(_, open)| *open)
        .map(|(t, _)| t.clone())
}

/// What is still open in an assessment before its score file is sent.
pub fn open_items(q: &Questionnaire, assessment: &Assessment, statuses: &Statuses) -> OpenItems {
    let unanswered = order(q, &assessment.answers, statuses)
        .into_iter()
        .filter(|(_, open)| *open)
        .map(|(t, _)| t.question)
        .collect();
    let pending_gates = scoring::gates::fired(q, &assessment.answers, statuses)
        .into_iter()
        .filter(|g| g.pending)
        .map(|g| g.gate)
        .collect();
    let missing_profile = BUYER_PROFILE_FIELDS
        .into_iter()
        .filter(|f| assessment.profile.get(*f).trim().is_empty())
        .collect();
    OpenItems {
        unanswered,
        pending_gates,
        missing_profile,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static Questionnaire {
        Questionnaire::builtin()
    }

    /// Every scored question answered with its best answer, following up as they open.
    fn all_best(q: &Questionnaire) -> Answers {
        let mut answers = Answers::default();
        for qu in q.questions() {
            answers.set_value(&qu.id, Some(qu.answer.best()));
        }
        answers
    }

    fn answer_context(q: &Questionnaire, answers: &mut Answers) {
        for c in q.context.iter() {
            let last = c.options.last().unwrap().id.to_string();
            answers.set_value(&c.id, Some(AnswerValue::Choice(last)));
        }
    }

    #[test]
    fn the_context_is_open_until_every_context_question_has_one_of_its_options() {
        let q = builtin();
        let mut answers = Answers::default();
        assert!(context_open(q, &answers));
        assert_eq!(context_answered_count(q, &answers), 0);
        let first = &q.context[0];
        answers.set_value(&first.id, Some(AnswerValue::Choice("not-an-option".into())));
        assert_eq!(
            context_answered_count(q, &answers),
            0,
            "a value that is not an option does not answer it"
        );
        answer_context(q, &mut answers);
        assert!(!context_open(q, &answers));
        assert_eq!(context_answered_count(q, &answers), q.context.len());
        assert_eq!(
            pages(q, &answers, &scoring::evaluate(q, &answers))[0].answered as usize,
            q.context.len(),
            "the context page counts the same"
        );
        answers.set_value(&q.context.last().unwrap().id, None);
        assert!(context_open(q, &answers), "one blank keeps it open");
    }

    #[test]
    fn pages_run_from_the_context_through_every_domain() {
        let q = builtin();
        let none = Answers::default();
        let pages = pages(q, &none, &scoring::evaluate(q, &none));
        assert_eq!(pages.len(), q.domains.len() + 1);
        assert_eq!(pages[0].id, CONTEXT);
        assert_eq!(pages[0].title, CONTEXT_TITLE);
        assert_eq!(pages[0].number, None);
        assert_eq!(pages[0].shown as usize, q.context.len());
        for (i, (p, d)) in pages[1..].iter().zip(q.domains.iter()).enumerate() {
            assert_eq!((p.id.as_str(), p.number), (d.id.as_ref(), Some(i + 1)));
            assert_eq!(p.answered, 0);
        }
    }

    #[test]
    fn page_progress_matches_the_score() {
        let q = builtin();
        let mut answers = all_best(q);
        answers.set_value(&q.domains[1].questions[0].id, None);
        let score = scoring::score(q, &answers);
        for (p, d) in pages(q, &answers, &scoring::evaluate(q, &answers))[1..]
            .iter()
            .zip(&score.domains)
        {
            assert_eq!((p.answered, p.shown), (d.answered, d.shown), "{}", p.id);
            assert_eq!(
                p.progress(),
                format!("{} of {} answered", d.answered, d.shown)
            );
        }
        let pager = pager(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &q.domains[1].id,
        );
        assert_eq!((pager.answered, pager.shown), (score.answered, score.shown));
    }

    #[test]
    fn the_pager_knows_the_pages_around_each_page() {
        let q = builtin();
        let none = Answers::default();
        let first = pager(q, &none, &scoring::evaluate(q, &none), &q.domains[0].id);
        assert_eq!(
            first.previous.as_ref().map(|p| p.id.as_str()),
            Some(CONTEXT)
        );
        assert_eq!(
            first.next.as_ref().map(|p| p.id.as_str()),
            Some(q.domains[1].id.as_ref())
        );
        let context = pager(q, &none, &scoring::evaluate(q, &none), CONTEXT);
        assert_eq!(context.previous, None);
        assert_eq!(context.next.unwrap().id, q.domains[0].id);
        let last = pager(
            q,
            &none,
            &scoring::evaluate(q, &none),
            &q.domains.last().unwrap().id,
        );
        assert_eq!(last.next, None);
        assert_eq!(last.previous.unwrap().id, q.domains[q.domains.len() - 2].id);
        assert_eq!(
            pager(q, &none, &scoring::evaluate(q, &none), "nope")
                .current
                .id,
            q.domains[0].id,
            "an unknown page is the first domain"
        );
    }

    #[test]
    fn the_compact_label_names_the_place_and_the_overall_progress() {
        let q = builtin();
        let mut answers = Answers::default();
        let first = &q.domains[2].questions[0];
        answers.set_value(&first.id, Some(first.answer.best()));
        let score = scoring::score(q, &answers);
        let label = pager(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &q.domains[2].id,
        )
        .compact_label();
        assert_eq!(
            label,
            format!(
                "Domain 3 of {} · {} · 1 of {} answered",
                q.domains.len(),
                q.domains[2].title,
                score.shown
            )
        );
        assert!(pager(q, &answers, &scoring::evaluate(q, &answers), CONTEXT)
            .compact_label()
            .starts_with("About the product (not scored) · 1 of"));
    }

    #[test]
    fn a_fresh_assessment_starts_with_the_context_wherever_the_vendor_is() {
        let q = builtin();
        let none = Answers::default();
        for page in [q.domains[3].id.as_ref(), CONTEXT] {
            let at = next_unanswered(q, &none, &scoring::evaluate(q, &none), page, None).unwrap();
            assert_eq!(at.domain, CONTEXT);
            assert_eq!(at.question, q.context[0].id);
        }
        // So it does from a question of a domain: only leaving the context page skips it.
        let d = &q.domains[3];
        let at = next_unanswered(
            q,
            &none,
            &scoring::evaluate(q, &none),
            &d.id,
            Some(&d.questions[0].id),
        )
        .unwrap();
        assert_eq!(at.question, q.context[0].id);
        // Skipping the context questions goes on to the questionnaire, without a loop.
        let last_context = &q.context.last().unwrap().id;
        let at = next_unanswered(
            q,
            &none,
            &scoring::evaluate(q, &none),
            CONTEXT,
            Some(last_context),
        )
        .unwrap();
        assert_eq!(at.question, q.domains[0].questions[0].id);
        let skipped = next_unanswered(
            q,
            &none,
            &scoring::evaluate(q, &none),
            CONTEXT,
            Some(&q.context[0].id),
        )
        .unwrap();
        assert_eq!(skipped.question, q.context[1].id);
    }

    #[test]
    fn next_unanswered_goes_on_from_the_question_and_wraps_round() {
        let q = builtin();
        let mut answers = Answers::default();
        answer_context(q, &mut answers);
        let d = &q.domains[0];
        answers.set_value(&d.questions[0].id, Some(d.questions[0].answer.worst()));
        // From the start of a page: its first open question.
        let at =
            next_unanswered(q, &answers, &scoring::evaluate(q, &answers), &d.id, None).unwrap();
        assert_eq!(at.question, d.questions[1].id);
        // From a question: the one after it, even if the question itself is open.
        let at = next_unanswered(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &d.id,
            Some(&d.questions[1].id),
        )
        .unwrap();
        assert_eq!(at.question, d.questions[2].id);
        // From the last question of the last domain: round to the first open one.
        let last = q.domains.last().unwrap();
        let at = next_unanswered(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &last.id,
            Some(&last.questions.last().unwrap().id),
        )
        .unwrap();
        assert_eq!(at.question, d.questions[1].id);
        // A question of another page is ignored: the page's start counts.
        let at = next_unanswered(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &q.domains[1].id,
            Some(&d.questions[5].id),
        )
        .unwrap();
        assert_eq!(at.question, q.domains[1].questions[0].id);
        assert_eq!(at.domain, q.domains[1].id);
    }

    #[test]
    fn skipped_context_questions_come_after_the_last_domain() {
        let q = builtin();
        let mut answers = all_best(q);
        let last = q.domains.last().unwrap();
        let at = next_unanswered(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &last.id,
            Some(&last.questions.last().unwrap().id),
        )
        .unwrap();
        assert_eq!(at.question, q.context[0].id, "wrapped round to the context");
        answer_context(q, &mut answers);
        assert_eq!(
            next_unanswered(q, &answers, &scoring::evaluate(q, &answers), &last.id, None),
            None
        );
    }

    #[test]
    fn hidden_and_out_of_scope_questions_are_skipped() {
        let q = builtin();
        let statuses_of = |a: &Answers| scoring::evaluate(q, a);
        // Answer every question with its worst answer: follow-ups stay hidden.
        let mut answers = Answers::default();
        answer_context(q, &mut answers);
        for qu in q.questions().filter(|qu| qu.show_if.is_none()) {
            answers.set_value(&qu.id, Some(qu.answer.worst()));
        }
        let statuses = statuses_of(&answers);
        assert!(
            statuses.values().any(|s| *s == QuestionStatus::Hidden),
            "the data has follow-ups hidden by a worst answer"
        );
        assert_eq!(
            next_unanswered(
                q,
                &answers,
                &scoring::evaluate(q, &answers),
                &q.domains[0].id,
                None
            ),
            None,
            "hidden follow-ups are not open"
        );
        // A context answer that puts questions out of scope: they are never proposed.
        let mut answers = Answers::default();
        let scoped = q.questions().find(|qu| qu.applies_if.is_some()).unwrap();
        let rule = scoped.applies_if.as_ref().unwrap();
        let c = q.context_question(&rule.question).unwrap();
        let outside = c
            .options
            .iter()
            .find(|o| !rule.any_of.contains(&o.id))
            .unwrap();
        for cq in q.context.iter() {
            let v = if cq.id == c.id {
                outside.id.to_string()
            } else {
                cq.options[0].id.to_string()
            };
            answers.set_value(&cq.id, Some(AnswerValue::Choice(v)));
        }
        let mut seen = Vec::new();
        let (mut page, mut after) = (q.domains[0].id.to_string(), None::<String>);
        while let Some(t) = next_unanswered(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &page,
            after.as_deref(),
        ) {
            if seen.contains(&t.question) {
                break;
            }
            seen.push(t.question.clone());
            (page, after) = (t.domain, Some(t.question));
        }
        let statuses = statuses_of(&answers);
        assert_eq!(statuses[&*scoped.id], QuestionStatus::OutOfScope);
        assert!(!seen.iter().any(|s| *s == scoped.id));
        let shown_open = statuses
            .values()
            .filter(|s| **s == QuestionStatus::Unanswered)
            .count();
        assert_eq!(
            seen.len(),
            shown_open,
            "a full round visits every open question once"
        );
    }

    #[test]
    fn following_next_unanswered_answers_the_whole_questionnaire() {
        // The keyboard-only journey, natively: answer wherever "next unanswered" leads.
        let q = builtin();
        let mut answers = Answers::default();
        let (mut page, mut after) = (q.domains[0].id.to_string(), None::<String>);
        let mut moves = 0;
        while let Some(t) = next_unanswered(
            q,
            &answers,
            &scoring::evaluate(q, &answers),
            &page,
            after.as_deref(),
        ) {
            let value = match q.question(&t.question) {
                Some(qu) => qu.answer.best(),
                None => {
                    let c = q.context_question(&t.question).unwrap();
                    AnswerValue::Choice(c.options[0].id.to_string())
                }
            };
            answers.set_value(&t.question, Some(value));
            (page, after) = (t.domain, Some(t.question));
            moves += 1;
            assert!(moves <= q.questions().count() + q.context.len());
        }
        let score = scoring::score(q, &answers);
        assert_eq!(score.answered, score.shown);
        assert_eq!(moves as u32, score.shown + q.context.len() as u32);
        let statuses = scoring::evaluate(q, &answers);
        assert!(
            open_items(
                q,
                &Assessment {
                    answers,
                    ..Assessment::default()
                },
                &statuses
            )
            .missing_profile
            .len()
                == BUYER_PROFILE_FIELDS.len()
        );
    }

    #[test]
    fn open_items_list_blanks_pending_gates_and_missing_profile_fields() {
        let q = builtin();
        let mut a = Assessment::default();
        let items = open_items(q, &a, &scoring::evaluate(q, &a.answers));
        let score = scoring::score(q, &a.answers);
        assert_eq!(
            items.unanswered.len(),
            score.shown as usize + q.context.len()
        );
        assert_eq!(items.unanswered[0], q.context[0].id, "context first");
        let pending: Vec<String> = score
            .gates
            .iter()
            .filter(|g| g.pending)
            .map(|g| g.gate.clone())
            .collect();
        assert!(!pending.is_empty(), "blank answers leave gates pending");
        assert_eq!(items.pending_gates, pending);
        assert_eq!(items.missing_profile, BUYER_PROFILE_FIELDS.to_vec());

        // A gate answered badly fires for real: it is no longer "pending".
        let gate = &q.gates[0];
        for t in gate.fires_if_any.iter() {
            let worst = q.question(&t.question).unwrap().answer.worst();
            a.answers.set_value(&t.question, Some(worst));
        }
        a.profile.organisation = "Acme".into();
        a.profile.products = "  ".into();
        let items = open_items(q, &a, &scoring::evaluate(q, &a.answers));
        assert!(!items.pending_gates.iter().any(|g| *g == gate.id));
        let fired = scoring::score(q, &a.answers).gates;
        assert!(
            fired.iter().any(|g| g.gate == gate.id && !g.pending),
            "it still fires, for a reason"
        );
        assert_eq!(
            items.missing_profile,
            vec![ProfileField::Products, ProfileField::SecurityContact],
            "blank is empty"
        );

        // Everything answered and named: nothing open.
        a.answers = all_best(q);
        answer_context(q, &mut a.answers);
        a.profile.products = "EHR".into();
        a.profile.security_contact = "security@acme.example".into();
        let items = open_items(q, &a, &scoring::evaluate(q, &a.answers));
        assert!(items.is_empty(), "{items:?}");
        assert_eq!(items.summary(), "Nothing is open");
    }

    #[test]
    fn open_items_are_summed_up_and_grouped_by_page() {
        let q = builtin();
        let items = OpenItems {
            unanswered: vec![
                q.context[0].id.to_string(),
                q.domains[0].questions[0].id.to_string(),
                q.domains[0].questions[1].id.to_string(),
                q.domains[2].questions[0].id.to_string(),
            ],
            pending_gates: vec![q.gates[0].id.to_string()],
            missing_profile: vec![ProfileField::Organisation, ProfileField::Products],
        };
        assert_eq!(items.count(), 7);
        assert!(!items.is_empty());
        assert_eq!(
            items.summary(),
            "4 unanswered questions, 1 gate that fires only because of blanks and 2 empty profile fields"
        );
        let groups = items.unanswered_by_page(q);
        let shape: Vec<(&str, usize)> = groups
            .iter()
            .map(|(p, _, ids)| (p.as_str(), ids.len()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (CONTEXT, 1),
                (q.domains[0].id.as_ref(), 2),
                (q.domains[2].id.as_ref(), 1)
            ]
        );
        assert_eq!(groups[1].1, q.domains[0].title);
        let one = OpenItems {
            missing_profile: vec![ProfileField::SecurityContact],
            ..OpenItems::default()
        };
        assert_eq!(one.summary(), "1 empty profile field");
        assert!(!one.is_empty(), "one open item is enough");
    }

    #[test]
    fn pages_and_texts_are_found_for_context_and_scored_questions() {
        let q = builtin();
        assert_eq!(page_of(q, &q.context[1].id).as_deref(), Some(CONTEXT));
        let qu = &q.domains[4].questions[2];
        assert_eq!(page_of(q, &qu.id), Some(q.domains[4].id.to_string()));
        assert_eq!(page_of(q, "nope.nope"), None);
        assert_eq!(question_text(q, &qu.id), Some(qu.text.as_ref()));
        assert_eq!(
            question_text(q, &q.context[0].id),
            Some(q.context[0].text.as_ref())
        );
        assert_eq!(page_title(q, CONTEXT), Some(CONTEXT_TITLE));
        assert_eq!(
            page_title(q, &q.domains[0].id),
            Some(q.domains[0].title.as_ref())
        );
        assert_eq!(page_title(q, "nope"), None);
    }
}
