//! The buyer's working set: imports that never block each other, verdicts that follow
//! the profile, pinning, sorting, filtering and selection.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use time::macros::datetime;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::buyer_profile::BuyerProfile;
use vendor_readiness::buyer_session::{BuyerChange, BuyerSession, Checked};
use vendor_readiness::compare::{SortKey, VendorRow};
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::questionnaire::Questionnaire;
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
