//! Accessibility: axe-core finds no violation on any page, on a desktop window, at the
//! width of a 1280-pixel window zoomed to 200 % (640 CSS pixels) and on a phone; no page
//! scrolls sideways at those widths; no id is given twice in the document, hidden pages of
//! the on-demand module included; the vendor journey works with the keyboard alone.

use fantoccini::key::Key;
use fantoccini::Locator;
use vendor_readiness_e2e::{launch, shown_page};

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
    let (server, _driver, _dirs, browser) = launch().await;
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (640, 900), (390, 844)] {
        browser.client.set_window_size(width, height).await.unwrap();
        for page in PAGES {
            browser.open(&server, &format!("/#{page}")).await;
            browser.wait_for(&shown_page(page)).await;
            for v in browser.axe_violations().await {
                failures.push(format!("{width}px {page}: {v}"));
            }
            let repeated = browser
                .client
                .execute(
                    "const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); \
                     return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];",
                    vec![],
                )
                .await
                .unwrap();
            if repeated != serde_json::json!([]) {
                failures.push(format!("{width}px {page}: ids given twice: {repeated}"));
            }
            let overflow = browser
                .client
                .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![])
                .await
                .unwrap();
            if overflow.as_i64().unwrap_or(0) > 0 {
                failures.push(format!(
                    "{width}px {page}: the page scrolls sideways by {overflow} px"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe violations:\n{}",
        failures.join("\n")
    );
}

/// Presses Tab until `check` (a JS expression over `el`, the focused element) holds.
async fn tab_until(browser: &vendor_readiness_e2e::Browser, check: &str) -> bool {
    let script = format!("const el = document.activeElement; return !!({check});");
    for _ in 0..150 {
        browser.press(&Key::Tab.to_string()).await;
        if browser.client.execute(&script, vec![]).await.unwrap() == serde_json::json!(true) {
            return true;
        }
    }
    false
}

#[tokio::test]
async fn the_vendor_journey_works_with_the_keyboard_alone() {
    let (server, _driver, _dirs, browser) = launch().await;
    browser.open(&server, "/#/assess/intake").await;
    browser
        .wait_for("article[data-question='intake.channel']")
        .await;
    browser
        .client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    // Reach the first answer with Tab and choose it with the space bar.
    assert!(
        tab_until(&browser, "el.name === 'answer-intake.channel'").await,
        "answer not reachable"
    );
    let outline = browser
        .client
        .execute(
            "return getComputedStyle(document.activeElement).outlineStyle;",
            vec![],
        )
        .await
        .unwrap();
    assert_ne!(outline, "none", "focus is visible");
    browser.press(" ").await;
    browser
        .wait_text(".overall-progress", |t| t.starts_with("1 of"))
        .await;

    // Type a note.
    assert!(
        tab_until(&browser, "el.id === 'notes-intake.channel'").await,
        "notes not reachable"
    );
    browser.press("Typed without a mouse").await;

    // Move to another domain through the domain list, with Enter.
    assert!(
        tab_until(
            &browser,
            "el.closest && el.closest('li[data-domain=triage]')"
        )
        .await,
        "domain link not reachable"
    );
    browser.press(&Key::Enter.to_string()).await;
    browser
        .wait_for("article[data-question='triage.owner']")
        .await;

    // Download the score file with Enter.
    assert!(
        tab_until(&browser, "el.id === 'download-score'").await,
        "download button not reachable"
    );
    browser.press(&Key::Enter.to_string()).await;
    // Questions are still open: the page asks once and focuses "Download anyway".
    browser.wait_focus("#download-anyway").await;
    browser.press(&Key::Enter.to_string()).await;
    let file = std::fs::read(browser.wait_download(".readiness.json").await).unwrap();
    let Ok(vendor_readiness::core::open::Loaded::Score(v)) = vendor_readiness::core::open::load(
        &file,
        vendor_readiness::questionnaire::Questionnaire::builtin(),
    ) else {
        panic!("the downloaded file does not load")
    };
    assert_eq!(
        v.content.answers.0["intake.channel"].notes,
        "Typed without a mouse"
    );

    // From Results to the report by its link: the link is gone with the page, so the
    // report's heading takes the focus (not the Results heading it replaces).
    browser.open(&server, "/#/results").await;
    browser.wait_for(&shown_page("/results")).await;
    assert!(
        tab_until(
            &browser,
            "el.closest && el.closest('main.results') && el.textContent === 'Printable report'"
        )
        .await,
        "report link not reachable"
    );
    browser.press(&Key::Enter.to_string()).await;
    browser.wait_focus("[data-vendor-page='report'] h1").await;
}

/// The states added for finishing an assessment: the context page, the compact domain
/// control opened, the open items listed and the download confirmation, the start
/// page's resume link; no violation and no sideways scrolling, on a phone and wide.
#[tokio::test]
async fn axe_finds_no_violations_in_the_moving_on_and_sending_states() {
    let (server, _driver, _dirs, browser) = launch().await;
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (390, 844)] {
        browser.client.set_window_size(width, height).await.unwrap();
        let states: [(&str, &str, &[&str]); 3] = [
            ("context page", "/#/assess/context", &[]),
            (
                "compact list open, open items and confirmation",
                "/#/assess/intake",
                &[
                    "article[data-question='intake.channel'] input[type=radio]",
                    ".open-item-list summary",
                    "#download-score",
                ],
            ),
            ("start page with resume link", "/#/", &[]),
        ];
        for (name, page, clicks) in states {
            browser.open(&server, page).await;
            browser.wait_for(&shown_page(page)).await;
            if width < 700 && page == "/#/assess/intake" {
                browser.click(".compact-domain-nav summary").await;
            }
            for css in clicks {
                browser.click(css).await;
            }
            if page == "/#/" {
                browser.wait_for("[data-testid=resume]").await;
            }
            if !clicks.is_empty() {
                browser.wait_for("#download-anyway").await;
            }
            for v in browser.axe_violations().await {
                failures.push(format!("{width}px {name}: {v}"));
            }
            let overflow = browser
                .client
                .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![])
                .await
                .unwrap();
            if overflow.as_i64().unwrap_or(0) > 0 {
                failures.push(format!(
                    "{width}px {name}: scrolls sideways by {overflow} px"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe violations:\n{}",
        failures.join("\n")
    );
}
