//! The crosswalk from the questionnaire to the standards it cites: generated from the
//! data, complete, and `docs/crosswalk.md` kept in step with it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use vendor_readiness::core::export::crosswalk;
use vendor_readiness::core::questionnaire::Questionnaire;

#[test]
fn docs_crosswalk_is_the_output_of_the_command() {
    let q = Questionnaire::builtin();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/crosswalk.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = crosswalk::markdown(q);
    if std::env::var_os("UPDATE_CROSSWALK").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "docs/crosswalk.md is stale: run `cargo run --bin vendor-readiness -- crosswalk > docs/crosswalk.md` \
         (or UPDATE_CROSSWALK=1 cargo test --test crosswalk)"
    );
    let bin = env!("CARGO_BIN_EXE_vendor-readiness");
    let out = std::process::Command::new(bin)
        .arg("crosswalk")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), generated);
}

#[test]
fn every_reference_and_every_citation_appears_once() {
    let q = Questionnaire::builtin();
    let rows = crosswalk::rows(q);
    assert_eq!(rows.len(), q.references.len());
    let citations: usize = q.questions().map(|qu| qu.refs.len()).sum();
    assert_eq!(
        rows.iter().map(|r| r.questions.len()).sum::<usize>(),
        citations
    );
    assert!(
        rows.iter().all(|r| !r.questions.is_empty()),
        "no reference is uncited"
    );

    let csv = crosswalk::csv(q);
    let records = common::parse_csv(&csv);
    assert_eq!(records.len(), 1 + citations);
    let pairs: BTreeSet<(String, String)> = records[1..]
        .iter()
        .map(|r| (r[6].clone(), r[7].clone()))
        .collect();
    assert_eq!(
        pairs.len(),
        citations,
        "each (reference, question) pair once"
    );
    for qu in q.questions() {
        for r in qu.refs.iter() {
            assert!(
                pairs.contains(&(r.to_string(), qu.id.to_string())),
                "{r} / {}",
                qu.id
            );
        }
    }
    let md = crosswalk::markdown(q);
    for r in q.references.iter() {
        assert!(md.contains(&format!("## {}", r.source)), "{}", r.source);
    }
}
