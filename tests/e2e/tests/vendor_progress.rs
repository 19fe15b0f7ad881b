//! A vendor's progress on the compare page, in headless Chromium: an older score file
//! answering questionnaire 1.0.0 and a newer 2.0.0 file of the same vendor and product
//! (written with other case and spacing) are selected; the Progress section lists the
//! level changes, gates and changed answers, the older file migrated first. A pair of
//! different vendors shows the refusal, and a broken file costs nothing already loaded.

use fantoccini::Locator;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::buyer::progress;
use vendor_readiness::core::verify::load_score;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;
use vendor_readiness_e2e::{launch, write_files};

fn older() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/v1.0.0/score-1.0.0-low-unsigned.json");
    std::fs::read(path).unwrap()
}

fn sealed(org: &str, products: &str, created: &str) -> Vec<u8> {
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    for question in q.questions() {
        a.answers
            .set_value(&question.id, Some(question.answer.best()));
    }
    a.profile.organisation = org.into();
    a.profile.products = products.into();
    serde_json::to_vec(&score_file::seal(q, &a, "test", created, None)).unwrap()
}

#[tokio::test]
async fn two_files_of_one_vendor_show_progress_and_other_pairs_are_refused() {
    let (server, _driver, dirs, browser) = launch().await;
    let (old, new) = (
        older(),
        sealed(
            "legacy  records INC",
            "ChartWise EHR",
            "2026-11-25T10:00:00Z",
        ),
    );
    let other = sealed("Other Corp", "ChartWise EHR", "2026-11-26T10:00:00Z");
    // What the core says of the pair, to compare with the page.
    let q = Questionnaire::builtin();
    let expected = progress::progress(
        q,
        &load_score(&old, q).unwrap(),
        &load_score(&new, q).unwrap(),
    )
    .unwrap();
    assert!(!expected.answers.is_empty());
    let paths = write_files(
        &dirs.path().join("files"),
        &[
            ("new.readiness.json", &new),
            ("old.readiness.json", &old),
            ("other.readiness.json", &other),
            ("broken.readiness.json", b"\xef\xbb\xbf{\"format\": 1"),
        ],
    );
    browser.open(&server, "/#/compare").await;
    browser.watch_csp().await;
    browser.pick_files("#import-files", &paths).await;
    browser
        .wait_text("[data-testid=summary]", |t| {
            t.starts_with("3 vendors loaded")
        })
        .await;
    assert!(browser
        .client
        .find(Locator::Css("[data-testid=progress]"))
        .await
        .is_err());

    // Newer selected first: the page still compares the older file first.
    let select = |f: &str| format!("tr[data-file='{f}'] input[type=checkbox]");
    browser.click(&select("new.readiness.json")).await;
    browser.click(&select("old.readiness.json")).await;
    let overall = browser
        .wait_text("[data-testid=progress-overall]", |t| {
            t.starts_with("Overall")
        })
        .await;
    assert_eq!(
        overall,
        format!(
            "Overall {:.1} → {:.1}",
            expected.overall_before, expected.overall_after
        )
    );
    let section = browser.text("[data-testid=progress]").await;
    assert!(
        section.contains("Older: old.readiness.json") && section.contains("questionnaire 1.0.0"),
        "{section}"
    );
    assert!(
        section.contains("migrated from questionnaire 1.0.0"),
        "{section}"
    );
    let changed = browser
        .client
        .find_all(Locator::Css(".progress-levels tr.changed"))
        .await
        .unwrap();
    assert_eq!(
        changed.len(),
        expected.domains.iter().filter(|d| d.changed()).count()
    );
    for d in expected.domains.iter().filter(|d| d.changed()) {
        let row = browser
            .text(&format!(".progress-levels tr[data-domain='{}']", d.domain))
            .await;
        assert!(
            row.ends_with(&format!("L{} → L{}", d.before, d.after)),
            "{row}"
        );
    }
    let heading = format!("Answers changed ({})", expected.answers.len());
    assert!(section.contains(&heading), "{section}");
    let first = &expected.answers[0];
    let row = browser
        .text(&format!(
            ".progress-answers tr[data-question='{}']",
            first.question
        ))
        .await;
    assert!(row.contains(&first.text), "{row}");
    assert!(
        row.contains(&first.before_text()) && row.contains(&first.after_text()),
        "the page reads an answer as the core (and the CLI) do: {row}"
    );
    let stopped = browser.text("[data-testid=gates-stopped]").await;
    for g in &expected.gates_stopped {
        assert!(stopped.contains(&g.title), "{stopped}");
    }

    // The section, with its tables, is accessible.
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());

    // Another vendor: the core's refusal, nothing else.
    browser.click(&select("old.readiness.json")).await;
    browser.click(&select("other.readiness.json")).await;
    let refused = browser.text("[data-testid=progress-refused]").await;
    assert!(
        refused.contains("not of the same vendor and product") && refused.contains("Other Corp"),
        "{refused}"
    );
    // The broken file has its own line; the three vendors are all still there.
    let broken = browser
        .text(".refused[data-file='broken.readiness.json']")
        .await;
    assert!(!broken.is_empty());
    assert!(browser
        .text("[data-testid=summary]")
        .await
        .starts_with("3 vendors loaded"));
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}
