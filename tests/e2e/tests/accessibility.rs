//! Accessibility: axe-core finds no violation on any page, on a desktop window and on a
//! narrow phone-sized one; the questionnaire can be answered with the keyboard alone.

use fantoccini::key::Key;
use fantoccini::Locator;
use vendor_readiness_e2e::{open_browser, start_driver, DistServer};

const PAGES: [&str; 7] = [
    "/",
    "/assess/intake",
    "/assess/advisories",
    "/setup",
    "/results",
    "/report",
    "/compare",
];

#[tokio::test]
async fn axe_finds_no_violations_on_any_page_wide_or_narrow() {
    let server = DistServer::start();
    let driver = start_driver();
    let dirs = tempfile::tempdir().unwrap();
    let browser = open_browser(&driver, &dirs.path().join("profile"), dirs.path()).await;
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (390, 844)] {
        browser.client.set_window_size(width, height).await.unwrap();
        for page in PAGES {
            browser.open(&server, "/#{page}").await;
            browser.wait_for("main#main").await;
            for v in browser.axe_violations().await {
                failures.push(format!("{width}px {page}: {v}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn the_questionnaire_can_be_answered_with_the_keyboard_alone() {
    let server = DistServer::start();
    let driver = start_driver();
    let dirs = tempfile::tempdir().unwrap();
    let browser = open_browser(&driver, &dirs.path().join("profile"), dirs.path()).await;
    browser.open(&server, "/#/assess/intake").await;
    browser
        .wait_for("article[data-question='intake.channel']")
        .await;
    // Tab from the top of the page until the first answer option has focus, then select
    // it with the space bar, as a keyboard user would.
    let body = browser.client.find(Locator::Css("body")).await.unwrap();
    body.click().await.unwrap();
    let mut reached = false;
    for _ in 0..60 {
        browser
            .client
            .active_element()
            .await
            .unwrap()
            .send_keys(&Key::Tab.to_string())
            .await
            .unwrap();
        let name = browser
            .client
            .execute("return document.activeElement.name || '';", vec![])
            .await
            .unwrap();
        if name == "answer-intake.channel" {
            reached = true;
            break;
        }
    }
    assert!(reached, "the first answer was not reachable with Tab");
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys(" ")
        .await
        .unwrap();
    let checked = browser
        .client
        .find_all(Locator::Css(
            "article[data-question='intake.channel'] input:checked",
        ))
        .await
        .unwrap();
    assert_eq!(checked.len(), 1, "space selects the focused option");
    // The focused control shows a visible focus indicator.
    let outline = browser
        .client
        .execute(
            "return getComputedStyle(document.activeElement).outlineStyle;",
            vec![],
        )
        .await
        .unwrap();
    assert_ne!(outline, "none", "focus is visible");
}
