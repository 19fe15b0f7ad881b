//! Feeds arbitrary bytes to `open::load` against the built-in questionnaire. A
//! refusal is fine (its message must not be empty); a panic is a bug. Whatever loads is
//! re-scored and checked against the scoring model's invariants:
//!
//! - the overall score and its pre-cap value lie in 0..=4, every domain level and
//!   criteria level in 0..=4, and no domain sits above what its answers reach;
//! - every fired gate caps the domains and the overall score as the questionnaire says,
//!   and `overall_cap` is the lowest `overall_max` of the fired gates;
//! - re-scoring the loaded answers gives the verifier's recomputed result again;
//! - the verification status is `Ok` exactly when the digest matches, the signature is
//!   not invalid and the result was not edited;
//! - the loaded assessment can be sealed again and the new file reloads with status `Ok`.
//!
//! With `FUZZ_CHECK_MESSAGES=1` in the environment, refusal messages must also be one
//! line free of control and bidirectional-formatting characters.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::verify::{IntegrityState, Status, VerifiedScore};
use vendor_readiness::integrity::SignatureState;
use vendor_readiness::questionnaire::{Questionnaire, MAX_LEVEL};
use vendor_readiness::score_file::{self, MAX_FILE_BYTES};
use vendor_readiness::scoring::{self, Score};

fuzz_target!(|data: &[u8]| {
    let q = Questionnaire::builtin();
    match open::load(data, q) {
        Ok(Loaded::Score(v)) => check_verified(q, &v),
        Ok(Loaded::Answers(file)) => {
            check_score(q, &scoring::score(q, &file.file.answers));
            check_reseal(q, &Loaded::Answers(file).into_assessment());
        }
        Err(e) => check_message(&e.to_string()),
    }
});

fn check_message(message: &str) {
    assert!(!message.trim().is_empty(), "empty refusal message");
    static STRICT: OnceLock<bool> = OnceLock::new();
    if *STRICT.get_or_init(|| std::env::var_os("FUZZ_CHECK_MESSAGES").is_some()) {
        let bad = |c: char| {
            c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        };
        assert!(
            !message.chars().any(bad),
            "unsafe refusal message {message:?}"
        );
    }
}

fn check_score(q: &Questionnaire, s: &Score) {
    let max = f64::from(MAX_LEVEL);
    assert!((0.0..=max).contains(&s.overall), "overall {}", s.overall);
    assert!((0.0..=max).contains(&s.overall_before_cap));
    assert!(s.overall <= s.overall_before_cap);
    assert_eq!(s.domains.len(), q.domains.len());
    for (d, dom) in s.domains.iter().zip(q.domains.iter()) {
        assert_eq!(d.domain, dom.id);
        assert!(d.level <= MAX_LEVEL && d.criteria_level <= MAX_LEVEL);
        assert!(d.level <= d.criteria_level);
    }
    let mut cap: Option<u8> = None;
    for fired in &s.gates {
        let gate = q
            .gates
            .iter()
            .find(|g| g.id == fired.gate)
            .expect("a fired gate exists in the questionnaire");
        for (domain, &limit) in &gate.domain_caps {
            let level = s.domain(domain).expect("capped domain is scored").level;
            assert!(level <= limit, "gate {} caps {domain} at {limit}", gate.id);
        }
        if let Some(m) = gate.overall_max {
            assert!(
                s.overall <= f64::from(m),
                "gate {} caps overall at {m}",
                gate.id
            );
            cap = Some(cap.map_or(m, |c| c.min(m)));
        }
    }
    assert_eq!(s.overall_cap, cap);
}

fn check_verified(q: &Questionnaire, v: &VerifiedScore) {
    check_score(q, &v.recomputed);
    assert_eq!(scoring::score(q, &v.content.answers), v.recomputed);
    let flagged = !matches!(v.integrity, IntegrityState::Intact)
        || matches!(v.signature, SignatureState::Invalid { .. })
        || v.edited;
    assert_eq!(v.status(Default::default()) == Status::Ok, !flagged);
    check_reseal(
        q,
        &Assessment {
            profile: v.content.profile.clone(),
            answers: v.content.answers.clone(),
        },
    );
}

fn check_reseal(q: &Questionnaire, a: &Assessment) {
    let file = score_file::seal(q, a, "fuzz", "2026-11-28T00:00:00Z", None);
    let bytes = serde_json::to_vec(&file).expect("a sealed file serializes");
    if bytes.len() > MAX_FILE_BYTES {
        return;
    }
    match open::load(&bytes, q) {
        Ok(Loaded::Score(r)) => assert!(
            r.status(Default::default()) == vendor_readiness::core::verify::Status::Ok,
            "a re-sealed file is flagged"
        ),
        other => panic!("a re-sealed file does not reload: {other:?}"),
    }
}
