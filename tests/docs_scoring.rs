//! docs/scoring.md states the questionnaire's counts, weights and gates and quotes worked
//! examples. This test fails when the document drifts from the data, or when an example
//! file in `docs/examples/scoring/` no longer scores as the document says.
//!
//! The document is read as text with every run of white space made one space, so line
//! wrapping never matters.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use serde_json::Value;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::questionnaire::history;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::scoring::{self, Score};

const DOC: &str = "docs/scoring.md";

fn q() -> &'static Questionnaire {
    // The changelog is part of the full data (the default natively; said for clarity).
    vendor_readiness::core::questionnaire::use_full_data();
    Questionnaire::builtin()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document with white space squashed.
fn doc() -> String {
    squash(&read(DOC))
}

fn assert_states(doc: &str, what: &str) {
    assert!(doc.contains(what), "{DOC} does not state: {what}");
}

/// The lines of the raw document (tables are one line each).
fn table_rows(raw: &str) -> impl Iterator<Item = &str> {
    raw.lines().map(str::trim).filter(|l| l.starts_with('|'))
}

#[test]
fn the_counts_and_the_weight_total_are_the_data_s() {
    let q = q();
    let doc = doc();
    let scored = q.questions().count();
    let total: u32 = q.domains.iter().map(|d| d.weight).sum();
    assert_states(
        &doc,
        &format!(
            "version **{}**: {} domains, {} scored questions, {} context questions, {} gates; \
             the domain weights total {total}.",
            q.version,
            q.domains.len(),
            scored,
            q.context.len(),
            q.gates.len(),
        ),
    );
    assert_states(
        &doc,
        &format!("{} **critical gates**", spelled(q.gates.len())),
    );
    assert_states(&doc, &format!("all {} gates pending", q.gates.len()));
    let follow_ups = q.questions().filter(|qu| qu.show_if.is_some()).count();
    assert_states(&doc, &format!("{} has {follow_ups} follow-ups", q.version));
    let scoped: Vec<_> = q.questions().filter(|qu| qu.applies_if.is_some()).collect();
    assert_states(
        &doc,
        &format!("{} questions carry `applies_if`", scoped.len()),
    );
    for qu in &scoped {
        assert_states(&doc, &format!("`{}`", qu.id));
    }
    let na: Vec<_> = q.questions().filter(|qu| qu.allow_na).collect();
    assert_states(
        &doc,
        &format!("only on the {} questions that allow it", na.len()),
    );
    for qu in &na {
        assert_states(&doc, &format!("`{}`", qu.id));
    }
    for c in q.context.iter() {
        assert_states(&doc, &format!("`{}`", c.id));
    }
    assert_states(&doc, &format!("weights summing to {total}"));
    assert_states(&doc, &format!("`weight × level / {total}`"));
}

/// "Nine" for 9, as the rules in brief write it.
fn spelled(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

#[test]
fn the_weight_table_and_the_level_texts_are_the_data_s() {
    let q = q();
    let raw = read(DOC);
    let rows: Vec<&str> = table_rows(&raw).collect();
    let ids: Vec<String> = q.domains.iter().map(|d| format!("`{}`", d.id)).collect();
    let header = format!("| Domain | {} | Total |", ids.join(" | "));
    assert!(rows.contains(&header.as_str()), "no weight table: {header}");
    let weights: Vec<String> = q.domains.iter().map(|d| d.weight.to_string()).collect();
    let total: u32 = q.domains.iter().map(|d| d.weight).sum();
    let weight_row = format!("| Weight | {} | {total} |", weights.join(" | "));
    assert!(
        rows.contains(&weight_row.as_str()),
        "weights wrong: {weight_row}"
    );
    for d in q.domains.iter() {
        let texts: Vec<&str> = (1..=4)
            .map(|l| d.levels.get(&l.to_string()).unwrap().as_ref())
            .collect();
        let row = format!("| `{}` {} | {} |", d.id, d.title, texts.join(" | "));
        assert!(rows.contains(&row.as_str()), "level texts wrong: {row}");
    }
    for l in q.levels.iter() {
        let row = format!("| L{} | {} | {} |", l.level, l.name, l.summary);
        assert!(rows.contains(&row.as_str()), "level wrong: {row}");
    }
}

#[test]
fn every_gate_is_listed_with_its_title_triggers_caps_and_reason() {
    let q = q();
    let raw = read(DOC);
    let gate_rows: Vec<&str> = table_rows(&raw)
        .filter(|r| {
            q.gates
                .iter()
                .any(|g| r.starts_with(&format!("| `{}` — ", g.id)))
        })
        .collect();
    assert_eq!(gate_rows.len(), q.gates.len(), "one table row per gate");
    for g in q.gates.iter() {
        let row = gate_rows
            .iter()
            .find(|r| r.starts_with(&format!("| `{}` — {} |", g.id, g.title)))
            .unwrap_or_else(|| panic!("no row for gate {} — {}", g.id, g.title));
        for t in g.fires_if_any.iter() {
            let level = q.question(&t.question).unwrap().level;
            assert!(
                row.contains(&format!("`{}` (L{level}", t.question)),
                "{}: trigger {}",
                g.id,
                t.question
            );
            assert!(
                row.contains(&format!("credit < {}", t.credit_below)),
                "{}: threshold of {}",
                g.id,
                t.question
            );
        }
        for (domain, cap) in &g.domain_caps {
            assert!(
                row.contains(&format!("`{domain}` ≤ L{cap}")),
                "{}: cap on {domain}",
                g.id
            );
        }
        assert_eq!(
            row.matches(" ≤ L").count(),
            g.domain_caps.len(),
            "{}: caps the data does not have",
            g.id
        );
        let overall = g
            .overall_max
            .map_or_else(|| "—".to_owned(), |m| m.to_string());
        assert!(
            row.ends_with(&format!("| {overall} |")),
            "{}: overall max",
            g.id
        );
        assert!(
            raw.contains(&format!("- `{}`: {}\n", g.id, g.reason)),
            "{}: the reason is not quoted verbatim",
            g.id
        );
    }
}

#[test]
fn the_changelog_lines_quoted_are_the_data_s() {
    let doc = doc();
    let q = q();
    let mut versions = vec![q];
    versions.extend(history::versions().filter_map(|v| history::historic(&q.id, v)));
    for v in versions {
        // The newest entry for the version (entries are kept newest last).
        let entry = v
            .changelog()
            .iter()
            .rev()
            .find(|c| c.version == v.version)
            .unwrap_or_else(|| panic!("no changelog entry for {}", v.version));
        assert_states(
            &doc,
            &squash(&format!(
                "{} ({}): \"{}\"",
                v.version, entry.date, entry.changes[0]
            )),
        );
    }
}

/// Each `<!-- example: PATH -->` marker and the text of its section (up to the next
/// heading).
fn examples(raw: &str) -> Vec<(String, String)> {
    const MARK: &str = "<!-- example: ";
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let end = after.find(" -->").expect("a closed marker");
        let path = after[..end].to_owned();
        let body = &after[end..];
        let stop = [body.find("\n### "), body.find("\n## ")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(body.len());
        out.push((path, body[..stop].to_owned()));
        rest = &body[stop..];
    }
    out
}

/// An example file scored as `vendor-readiness score` scores it. Like the personas, it is
/// read as answering the built-in questionnaire, so a wording change in the data does not
/// fail this test unless the numbers change.
fn score_example(path: &str) -> Score {
    let q = q();
    let mut doc: Value = serde_json::from_str(&read(path)).unwrap();
    assert_eq!(
        doc["questionnaire"]["version"], *q.version,
        "{path}: answers another questionnaire version; redo the example"
    );
    doc["questionnaire"]["digest"] = q.digest().into();
    let loaded =
        open::load(&serde_json::to_vec(&doc).unwrap(), q).unwrap_or_else(|e| panic!("{path}: {e}"));
    let Loaded::Answers(a) = loaded else {
        panic!("{path} is not an answers file")
    };
    scoring::score(q, &a.file.answers)
}

#[test]
fn every_worked_example_quotes_what_its_file_scores() {
    let q = q();
    let raw = read(DOC);
    let found = examples(&raw);
    assert!(found.len() >= 4, "the worked examples have their markers");
    let total: u32 = q.domains.iter().map(|d| d.weight).sum();
    for (path, section) in &found {
        let s = score_example(path);
        let text = squash(section);
        assert_states(&text, &format!("**overall {:.1}**", s.overall));
        assert_states(&text, &format!("{} of {} shown", s.answered, s.shown));
        for g in &s.gates {
            assert_states(&text, &format!("`{}`", g.gate));
        }
        if s.gates.iter().any(|g| g.pending) {
            assert_states(&text, "pending");
        }
        // A table, where the section has one, gives every domain's weight and level.
        let rows: Vec<&str> = table_rows(section).collect();
        if rows.iter().any(|r| r.starts_with("| intake |")) {
            let mut sum = 0;
            for (d, ds) in q.domains.iter().zip(&s.domains) {
                let row = rows
                    .iter()
                    .find(|r| r.starts_with(&format!("| {} |", d.id)))
                    .unwrap_or_else(|| panic!("{path}: no row for {}", d.id));
                assert!(
                    row.starts_with(&format!("| {} | {} | {} |", d.id, d.weight, ds.level)),
                    "{path}: {row}"
                );
                sum += d.weight * u32::from(ds.level);
            }
            let row = rows
                .iter()
                .find(|r| r.starts_with("| **Sum** |"))
                .unwrap_or_else(|| panic!("{path}: no sum row"));
            assert!(
                row.starts_with(&format!("| **Sum** | {total} |"))
                    && row.contains(&format!("**{sum}**")),
                "{path}: {row}"
            );
        }
    }
}
