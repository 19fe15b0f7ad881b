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

#[test]
fn a_reference_names_its_document_in_one_line_wherever_it_is_cited() {
    use vendor_readiness::core::questionnaire::Reference;
    let q = Questionnaire::builtin();
    let full = q
        .references
        .iter()
        .find(|r| r.document.is_some() && r.edition.is_some() && r.year.is_some())
        .expect("a fully described reference");
    let line = full.document_line().unwrap();
    assert_eq!(
        line,
        format!(
            "{}, {}, {}",
            full.document.as_deref().unwrap(),
            full.edition.as_deref().unwrap(),
            full.year.unwrap()
        )
    );
    assert!(
        crosswalk::markdown(q).contains(&format!("{line}.\n")),
        "the crosswalk writes the same line"
    );
    let bare = Reference {
        edition: None,
        year: None,
        ..full.clone()
    };
    assert_eq!(bare.document_line().as_deref(), full.document.as_deref());
    let untitled = Reference {
        document: None,
        url: Some("javascript:alert(1)".into()),
        ..full.clone()
    };
    assert_eq!(untitled.document_line(), None);
    assert_eq!(
        untitled.link(),
        None,
        "only a web link is rendered as a link"
    );
}
