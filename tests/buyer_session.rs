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
