//! The questionnaire's version and what it decides, seen in the page: a vendor who imports
//! a file made under questionnaire 1.0.0 is told what migration did to its answers and
//! sees it scored under the current version; answering how customers run the product
//! hides the questions that cannot apply to it.

use std::path::Path;

use vendor_readiness::core::open;
use vendor_readiness::core::text::decimal;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::scoring;
use vendor_readiness_e2e::{launch, Browser};

async fn present(browser: &Browser, css: &str) -> bool {
    !browser
        .client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .unwrap()
        .is_empty()
}

#[tokio::test]
async fn a_vendor_importing_a_1_0_0_file_is_told_what_migration_did() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/v1.0.0/answers-1.0.0-mid.json")
        .canonicalize()
        .unwrap();
    // What the core makes of the same bytes.
    let loaded = open::load(&std::fs::read(&fixture).unwrap(), q).unwrap();
    let summary = loaded
        .migration()
        .expect("a 1.0.0 file is migrated")
        .summary();
    assert!(
        summary.starts_with("migrated from questionnaire 1.0.0"),
        "{summary}"
    );
    let score = scoring::score(q, &loaded.into_assessment().answers);

    browser.open(&server, "/#/setup").await;
    browser
        .pick_files(".import input[type=file]", fixture.to_str().unwrap())
        .await;
    let notice = browser
        .wait_text(".import p[role=status]", |t| t.starts_with("Imported"))
        .await;
    assert!(
        notice.ends_with(&format!("as a new assessment. Its answers were {summary}.")),
        "{notice}"
    );

    // The imported assessment is the open one, scored under the current questionnaire.
    browser.open(&server, "/#/assess/intake").await;
    let version = browser.text("[data-testid=questionnaire-version]").await;
    assert_eq!(
        version,
        format!("Scored with questionnaire {} version {}.", q.id, q.version)
    );
    assert_ne!(q.version.as_ref(), "1.0.0");
    let overall = browser.text("[data-testid=overall]").await;
    assert_eq!(overall, decimal(score.overall, 1));
    assert!(score.answered > 0, "the fixture's answers came through");
}

#[tokio::test]
async fn the_deployment_answer_hides_the_questions_that_cannot_apply() {
    let (server, _driver, _dirs, browser) = launch().await;
    let card = |id: &str| format!("article[data-question='{id}']");
    let (installed_only, hosted_only) = ("remediation.free_fixes", "remediation.all_tenants");
    let q = Questionnaire::builtin();
    for id in [installed_only, hosted_only] {
        assert!(q.question(id).unwrap().applies_if.is_some(), "{id}");
    }

    browser.open(&server, "/#/assess/remediation").await;
    browser.wait_for(&card("remediation.out_of_cycle")).await;
    assert!(present(&browser, &card(installed_only)).await);
    assert!(
        present(&browser, &card(hosted_only)).await,
        "until the context is answered, every question is shown"
    );

    for (option, shown, hidden) in [
        ("hosted", hosted_only, installed_only),
        ("on_premises", installed_only, hosted_only),
    ] {
        browser.open(&server, "/#/assess/context").await;
        browser
            .click(&format!(
                "{} input[value={option}]",
                card("context.deployment")
            ))
            .await;
        browser.open(&server, "/#/assess/remediation").await;
        browser.wait_for(&card(shown)).await;
        assert!(
            !present(&browser, &card(hidden)).await,
            "{option}: {hidden} cannot apply and is hidden"
        );
    }
}
