//! The buyer's working set: imports that never block each other, verdicts that follow
//! the profile, pinning, sorting, filtering and selection.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use time::macros::datetime;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::buyer_profile::{
    BuyerProfile, ProfileEdit, ProfileError, ProfileField, MAX_AGE_DAYS_LIMIT, MIN_AGE_DAYS,
};
use vendor_readiness::buyer_session::{BuyerChange, BuyerEffect, BuyerSession, Checked};
use vendor_readiness::compare::{SortKey, VendorRow};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::questionnaire::{Questionnaire, MAX_LEVEL};
use vendor_readiness::score_file;

fn reasons(r: &VendorRow) -> Vec<String> {
    r.verdict.reasons.iter().map(ToString::to_string).collect()
}

fn file(org: &str, best: bool, seed: u8) -> Vec<u8> {
    let q = Questionnaire::builtin();
    let mut a = Assessment {
        answers: if best {
            common::all_best(q)
        } else {
            common::all_worst(q)
        },
        ..Default::default()
    };
    a.profile.organisation = org.into();
    let key = KeyFile::from_seed([seed; 32]).signing_key().unwrap();
    serde_json::to_vec(&score_file::seal(
        q,
        &a,
        "test",
        "2026-11-01T00:00:00Z",
        Some(&key),
    ))
    .unwrap()
}

fn add(s: &mut BuyerSession, name: &str, bytes: Vec<u8>) {
    s.update(Checked::verify(name, &bytes, Questionnaire::builtin()));
}

#[test]
fn imports_verdicts_pins_sorting_and_selection() {
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    add(&mut s, "good.json", file("Good Corp", true, 1));
    add(&mut s, "broken.json", b"{ not json".to_vec());
    add(&mut s, "weak.json", file("Weak Ltd", false, 2));
    add(&mut s, "good.json", file("Other Good", true, 3));
    assert_eq!(s.rows.len(), 3, "a broken file does not stop the others");
    let refused: Vec<_> = s.refused().collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "broken.json");
    assert!(refused[0].1.contains("not a JSON file"));
    assert_eq!(s.rows[2].file_name, "good.json (2)", "names stay unique");
    assert!(
        s.rows.iter().all(|r| r.verdict.pass),
        "the default profile only limits age"
    );

    let mut strict = BuyerProfile::default();
    strict.min_levels.insert("intake".into(), 2);
    s.update(BuyerChange::Profile(strict.clone()));
    let weak = s
        .rows
        .iter()
        .find(|r| r.summary.organisation == "Weak Ltd")
        .unwrap();
    assert!(!weak.verdict.pass);
    assert!(
        reasons(weak).iter().any(|r| r.contains("L0")),
        "{:?}",
        reasons(weak)
    );

    // Pin Good Corp's key, then a file from Good Corp signed with another key is flagged.
    let fp = KeyFile::from_seed([1; 32]).key_fingerprint;
    s.update(BuyerChange::PinKey {
        organisation: "Good Corp".into(),
        fingerprint: fp,
    });
    add(&mut s, "impostor.json", file("Good Corp", true, 9));
    let impostor = s
        .rows
        .iter()
        .find(|r| r.file_name == "impostor.json")
        .unwrap();
    assert!(!impostor.verdict.pass);

    s.update(BuyerChange::Sort(SortKey::Overall));
    let order: Vec<&str> = s
        .visible_rows()
        .iter()
        .map(|r| r.summary.organisation.as_str())
        .collect();
    assert_eq!(order[0], "Weak Ltd");
    s.update(BuyerChange::Sort(SortKey::Overall));
    assert!(s.descending);
    assert_eq!(
        s.visible_rows().last().unwrap().summary.organisation,
        "Weak Ltd"
    );

    s.update(BuyerChange::OnlyFailing(true));
    assert_eq!(s.visible_rows().len(), 2);
    s.update(BuyerChange::OnlyFailing(false));
    s.update(BuyerChange::Filter("other".into()));
    assert_eq!(s.visible_rows().len(), 1);

    s.update(BuyerChange::Toggle("good.json".into()));
    s.update(BuyerChange::Toggle("weak.json".into()));
    s.update(BuyerChange::Toggle("weak.json".into()));
    assert_eq!(s.selected_rows().len(), 1);
    s.update(BuyerChange::Clear);
    assert!(s.rows.is_empty() && s.files.is_empty() && s.selected.is_empty());
}

/// A file verified in the queue (as the page imports them), with its queue number.
fn queued(s: &mut BuyerSession, seq: u64, name: &str, bytes: &[u8]) {
    let result = vendor_readiness::core::verify::load_score(bytes, Questionnaire::builtin())
        .map(|v| Box::new(Checked::of(v)))
        .map_err(|e| e.to_string());
    s.update(BuyerChange::Verified {
        seq,
        file_name: name.into(),
        result,
    });
}

fn dated(org: &str, best: bool, created: &str) -> Vec<u8> {
    let q = Questionnaire::builtin();
    let mut a = Assessment {
        answers: if best {
            common::all_best(q)
        } else {
            common::all_worst(q)
        },
        ..Default::default()
    };
    a.profile.organisation = org.into();
    a.profile.products = "EHR".into();
    serde_json::to_vec(&score_file::seal(q, &a, "test", created, None)).unwrap()
}

#[test]
fn two_selected_files_of_one_vendor_ask_for_their_progress_older_first() {
    use std::rc::Rc;
    use vendor_readiness::buyer_session::{BuyerEffect, FilePair, PairState};
    use vendor_readiness::core::buyer::progress;
    use vendor_readiness::core::verify::load_score;

    let q = Questionnaire::builtin();
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    let old = dated("Acme Health IT", false, "2026-01-01T00:00:00Z");
    let new = dated("ACME  health it", true, "2026-06-01T00:00:00Z");
    let other = dated("Other Corp", true, "2026-06-01T00:00:00Z");
    s.update(BuyerChange::Enqueue(3));
    queued(&mut s, 0, "new.json", &new);
    queued(&mut s, 1, "old.json", &old);
    queued(&mut s, 2, "other.json", &other);
    assert_eq!(s.progress_pair(), None, "nothing selected");

    s.update(BuyerChange::Toggle("new.json".into()));
    assert_eq!(s.progress_pair(), None, "one selected");
    let effects = s.update(BuyerChange::Toggle("old.json".into()));
    let files = FilePair {
        older: "old.json".into(),
        older_seq: 1,
        newer: "new.json".into(),
        newer_seq: 0,
    };
    assert!(
        effects.contains(&BuyerEffect::LoadProgress(files.clone())),
        "{effects:?}"
    );
    let pair = s.progress_pair().unwrap();
    assert_eq!(
        (pair.older.as_str(), pair.newer.as_str()),
        ("old.json", "new.json")
    );
    assert_eq!(pair.state, PairState::Loading);

    let p = progress::progress(
        q,
        &load_score(&old, q).unwrap(),
        &load_score(&new, q).unwrap(),
    )
    .unwrap();
    let p = Rc::new(p);
    // A result for files of the same names but other queue numbers is not theirs.
    let stale = FilePair {
        older_seq: 7,
        ..files.clone()
    };
    s.update(BuyerChange::ProgressLoaded {
        pair: stale,
        result: Err("stale".into()),
    });
    assert_eq!(s.progress_pair().unwrap().state, PairState::Loading);
    s.update(BuyerChange::ProgressLoaded {
        pair: files,
        result: Ok(p.clone()),
    });
    assert_eq!(s.progress_pair().unwrap().state, PairState::Loaded(p));
    // Unselecting and selecting again does not ask twice.
    s.update(BuyerChange::Toggle("old.json".into()));
    let effects = s.update(BuyerChange::Toggle("old.json".into()));
    assert!(!effects
        .iter()
        .any(|e| matches!(e, BuyerEffect::LoadProgress { .. })));

    // Three selected: no pair. Two vendors: the core's refusal, and nothing asked.
    s.update(BuyerChange::Toggle("other.json".into()));
    assert_eq!(s.progress_pair(), None);
    let effects = s.update(BuyerChange::Toggle("old.json".into()));
    assert!(!effects
        .iter()
        .any(|e| matches!(e, BuyerEffect::LoadProgress { .. })));
    let PairState::Refused(m) = s.progress_pair().unwrap().state else {
        panic!("not refused")
    };
    assert!(m.contains("not of the same vendor and product"), "{m}");
    assert!(m.contains("Other Corp"), "{m}");

    s.update(BuyerChange::Clear);
    assert!(s.progress.is_empty() && s.progress_pair().is_none());
}

#[test]
fn a_pair_verified_outside_the_queue_says_it_cannot_be_compared() {
    use vendor_readiness::buyer_session::PairState;
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    add(
        &mut s,
        "a.json",
        dated("Acme", true, "2026-01-01T00:00:00Z"),
    );
    add(
        &mut s,
        "b.json",
        dated("Acme", true, "2026-02-01T00:00:00Z"),
    );
    s.update(BuyerChange::Toggle("a.json".into()));
    let effects = s.update(BuyerChange::Toggle("b.json".into()));
    assert!(effects.is_empty(), "{effects:?}");
    let PairState::Failed(m) = s.progress_pair().unwrap().state else {
        panic!()
    };
    assert!(m.contains("import them again"));
}

#[test]
fn each_vendor_keeps_its_own_evidence_check_until_the_files_are_removed() {
    use vendor_readiness::core::buyer::evidence_check::CheckChange;
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    add(
        &mut s,
        "a.json",
        dated("Acme", true, "2026-01-01T00:00:00Z"),
    );
    let change = |file_name: &str, id| BuyerChange::Evidence {
        file_name: file_name.into(),
        change: CheckChange::Add {
            id,
            name: "policy.pdf".into(),
        },
    };
    s.update(change("a.json", 1));
    s.update(change("nobody.json", 2));
    assert_eq!(s.evidence.len(), 1, "only for a loaded file");
    assert_eq!(s.evidence["a.json"].files.len(), 1);
    s.update(BuyerChange::Open(None));
    assert_eq!(
        s.evidence["a.json"].files.len(),
        1,
        "kept when the view closes"
    );
    s.update(BuyerChange::Clear);
    assert!(s.evidence.is_empty());
}

/// One profile edit through the session: its effects, and the message next to its field.
fn edit(s: &mut BuyerSession, e: ProfileEdit) -> Vec<BuyerEffect> {
    s.update(BuyerChange::EditProfile(e))
}

fn problem(s: &BuyerSession) -> Option<(ProfileField, &str)> {
    s.profile_problem.as_ref().map(|(f, m)| (*f, m.as_str()))
}

#[test]
fn profile_edits_at_the_limits_are_kept_and_saved() {
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    let top = MAX_LEVEL.to_string();
    for (typed, kept) in [
        ("0", Some(0.0)),
        (top.as_str(), Some(4.0)),
        (" 2.5 ", Some(2.5)),
        ("", None),
    ] {
        assert_eq!(
            edit(&mut s, ProfileEdit::MinOverall(typed.into())),
            [BuyerEffect::SaveProfile]
        );
        assert_eq!(s.profile.min_overall, kept, "{typed:?}");
        assert_eq!(problem(&s), None);
    }
    let (low, high) = (MIN_AGE_DAYS.to_string(), MAX_AGE_DAYS_LIMIT.to_string());
    for (typed, kept) in [
        (low.as_str(), Some(1)),
        (high.as_str(), Some(36_500)),
        ("  ", None),
    ] {
        assert_eq!(
            edit(&mut s, ProfileEdit::MaxAgeDays(typed.into())),
            [BuyerEffect::SaveProfile]
        );
        assert_eq!(s.profile.max_age_days, kept, "{typed:?}");
    }
    edit(&mut s, ProfileEdit::MinLevel("intake".into(), MAX_LEVEL));
    assert_eq!(s.profile.min_levels.get("intake"), Some(&4));
    edit(&mut s, ProfileEdit::MinLevel("intake".into(), 0));
    assert!(s.profile.min_levels.is_empty(), "level 0 is no minimum");
    let gate = Questionnaire::builtin().gates[0].id.to_string();
    edit(&mut s, ProfileEdit::ForbidGate(gate.clone(), true));
    edit(&mut s, ProfileEdit::ForbidGate(gate.clone(), true));
    assert_eq!(
        s.profile.forbidden_gates,
        std::slice::from_ref(&gate),
        "forbidding twice lists it once"
    );
    edit(&mut s, ProfileEdit::ForbidGate(gate, false));
    assert!(s.profile.forbidden_gates.is_empty());
    edit(&mut s, ProfileEdit::RequireSignature(true));
    edit(&mut s, ProfileEdit::Name("Tender 2027".into()));
    assert!(s.profile.require_signature && s.profile.name == "Tender 2027");
}

#[test]
fn refused_profile_edits_change_nothing_and_say_why_next_to_their_field() {
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    let before = s.profile.clone();
    let cases: Vec<(ProfileEdit, ProfileField, &str)> = vec![
        (
            ProfileEdit::MinOverall("4.01".into()),
            ProfileField::MinOverall,
            "min_overall 4.01 is not a number from 0 to 4",
        ),
        (
            ProfileEdit::MinOverall("-0.1".into()),
            ProfileField::MinOverall,
            "min_overall -0.1 is not a number from 0 to 4",
        ),
        (
            ProfileEdit::MinOverall("NaN".into()),
            ProfileField::MinOverall,
            "min_overall NaN is not a number from 0 to 4",
        ),
        (
            ProfileEdit::MinOverall("three".into()),
            ProfileField::MinOverall,
            "enter a number from 0 to 4, or leave it empty",
        ),
        (
            ProfileEdit::MaxAgeDays("0".into()),
            ProfileField::MaxAgeDays,
            "max_age_days 0 is out of range (1 to 36500; null for no limit)",
        ),
        (
            ProfileEdit::MaxAgeDays("36501".into()),
            ProfileField::MaxAgeDays,
            "max_age_days 36501 is out of range (1 to 36500; null for no limit)",
        ),
        (
            ProfileEdit::MaxAgeDays("1.5".into()),
            ProfileField::MaxAgeDays,
            "enter a whole number of days, or leave it empty",
        ),
        (
            ProfileEdit::MaxAgeDays("-1".into()),
            ProfileField::MaxAgeDays,
            "enter a whole number of days, or leave it empty",
        ),
        (
            ProfileEdit::MinLevel("intake".into(), MAX_LEVEL + 1),
            ProfileField::MinLevel,
            "minimum level 5 for domain \"intake\" is above L4",
        ),
        (
            ProfileEdit::MinLevel("no_such_domain".into(), 1),
            ProfileField::MinLevel,
            "unknown domain id \"no_such_domain\" in min_levels",
        ),
        (
            ProfileEdit::ForbidGate("no-such-gate".into(), true),
            ProfileField::ForbiddenGates,
            "unknown gate id \"no-such-gate\" in forbidden_gates",
        ),
    ];
    for (e, field, message) in cases {
        assert_eq!(edit(&mut s, e.clone()), [], "{e:?} is not saved");
        assert_eq!(problem(&s), Some((field, message)), "{e:?}");
        assert_eq!(s.profile, before, "{e:?} leaves the profile as it was");
    }
    edit(&mut s, ProfileEdit::Name("a\u{202E}b".into()));
    let (field, message) = problem(&s).unwrap();
    assert_eq!(field, ProfileField::Name);
    assert!(message.starts_with("profile name contains"), "{message}");
    assert_eq!(
        edit(&mut s, ProfileEdit::MinOverall("3".into())),
        [BuyerEffect::SaveProfile]
    );
    assert_eq!(problem(&s), None, "an edit that holds clears the message");
}

#[test]
fn an_edited_profile_keeps_every_rule_of_validate() {
    let q = Questionnaire::builtin();
    let p = BuyerProfile::default();
    let edited = |e| p.edited(e, q);
    assert!(edited(ProfileEdit::MaxAgeDays(MAX_AGE_DAYS_LIMIT.to_string())).is_ok());
    assert_eq!(
        edited(ProfileEdit::MaxAgeDays(
            (MAX_AGE_DAYS_LIMIT + 1).to_string()
        )),
        Err(ProfileError::MaxAgeOutOfRange(MAX_AGE_DAYS_LIMIT + 1))
    );
    assert_eq!(
        edited(ProfileEdit::MaxAgeDays((MIN_AGE_DAYS - 1).to_string())),
        Err(ProfileError::MaxAgeOutOfRange(0))
    );
    assert!(edited(ProfileEdit::MinOverall(MAX_LEVEL.to_string())).is_ok());
    assert_eq!(
        edited(ProfileEdit::MinOverall("4.000001".into())),
        Err(ProfileError::OverallOutOfRange(4.000001))
    );
    assert_eq!(
        edited(ProfileEdit::MinOverall("x".into()))
            .unwrap_err()
            .to_string(),
        format!("enter a number from 0 to {MAX_LEVEL}, or leave it empty")
    );
    let ok = edited(ProfileEdit::MinLevel("triage".into(), MAX_LEVEL)).unwrap();
    assert!(ok.validate(q).is_ok());
    assert_eq!(
        edited(ProfileEdit::MinLevel("triage".into(), MAX_LEVEL + 1)),
        Err(ProfileError::LevelOutOfRange {
            domain: "triage".into(),
            level: MAX_LEVEL + 1
        })
    );
}

#[test]
fn a_vendor_opened_or_selected_asks_for_its_detail_once_until_it_is_loaded() {
    use std::rc::Rc;
    use vendor_readiness::compare::{Detail, Summary};
    use vendor_readiness::core::verify::load_score;

    let q = Questionnaire::builtin();
    let mut s = BuyerSession::new(BuyerProfile::default(), datetime!(2026-11-28 00:00 UTC));
    let bytes = dated("Acme Health IT", true, "2026-06-01T00:00:00Z");
    s.update(BuyerChange::Enqueue(1));
    // As a worker sends it: the summary only, the whole content on request.
    let v = load_score(&bytes, q).unwrap();
    s.update(BuyerChange::Verified {
        seq: 0,
        file_name: "acme.json".into(),
        result: Ok(Box::new(Checked {
            summary: Summary::of(&v),
            detail: None,
        })),
    });
    let wanted = BuyerEffect::LoadDetail {
        file_name: "acme.json".into(),
        seq: 0,
    };
    assert_eq!(
        s.update(BuyerChange::Open(Some("acme.json".into()))),
        vec![wanted.clone()]
    );
    assert!(
        s.update(BuyerChange::Toggle("acme.json".into()))
            .contains(&wanted),
        "still not loaded: asked again"
    );
    let detail = Rc::new(Detail::of(&v));
    s.update(BuyerChange::DetailLoaded {
        file_name: "acme.json".into(),
        result: Ok(detail),
    });
    assert_eq!(s.update(BuyerChange::Open(None)), vec![]);
    assert_eq!(
        s.update(BuyerChange::Open(Some("acme.json".into()))),
        vec![],
        "loaded: not asked again"
    );
    s.update(BuyerChange::Toggle("acme.json".into()));
    assert!(!s
        .update(BuyerChange::Toggle("acme.json".into()))
        .contains(&wanted));
}

#[test]
fn the_comparison_lists_refused_files_in_import_order_and_counts_who_passes() {
    use vendor_readiness::compare::{comparison_csv, Entry};

    let q = Questionnaire::builtin();
    let mut strict = BuyerProfile::default();
    strict.min_levels.insert("intake".into(), 2);
    let mut s = BuyerSession::new(strict, datetime!(2026-11-28 00:00 UTC));
    add(&mut s, "good.json", file("Good Corp", true, 1));
    add(&mut s, "broken.json", b"{ not json".to_vec());
    add(&mut s, "weak.json", file("Weak Corp", false, 2));
    assert_eq!(s.passing(), 1, "only the best answers reach intake L2");

    let entries = s.entries();
    let names: Vec<&str> = entries
        .iter()
        .map(|e| match e {
            Entry::Row(r) => r.file_name.as_str(),
            Entry::Refused { file_name, .. } => file_name,
        })
        .collect();
    assert_eq!(names, ["good.json", "broken.json", "weak.json"]);
    let (_, error) = s.refused().next().unwrap();
    let csv = s.comparison_csv();
    assert_eq!(csv, comparison_csv(&entries, q));
    assert!(csv.contains("broken.json") && csv.contains(error), "{csv}");
    assert!(
        csv.contains("Good Corp") && csv.contains("Weak Corp"),
        "{csv}"
    );

    // No minimum at all: both verified files pass.
    s.update(BuyerChange::Profile(BuyerProfile {
        forbidden_gates: Vec::new(),
        ..BuyerProfile::default()
    }));
    assert_eq!(s.passing(), 2);
}
