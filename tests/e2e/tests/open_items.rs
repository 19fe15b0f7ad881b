//! "Before you send": the download area lists what is still open, as the core counts it,
//! each unanswered question linked; downloading with open items asks once in the page,
//! and the second press downloads. Nothing blocks a download.

use vendor_readiness::answers::AnswerValue;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::vendor::navigation;
use vendor_readiness::core::verify::load_score;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::scoring;
use vendor_readiness_e2e::{launch, Browser};

async fn count(browser: &Browser, css: &str) -> usize {
    browser
        .client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .unwrap()
        .len()
}

fn score_files(browser: &Browser) -> usize {
    std::fs::read_dir(&browser.downloads)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // A second file of the same name is saved as "….readiness (1).json".
        .filter(|name| name.contains(".readiness") && name.ends_with(".json"))
        .count()
}

#[tokio::test]
async fn downloading_with_open_items_asks_once_and_the_second_press_downloads() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    let first = &q.domains[0].questions[0];
    browser
        .open(&server, &format!("/#/assess/{}", q.domains[0].id))
        .await;
    // Options render best first.
    browser
        .click(&format!(
            "article[data-question='{}'] input[type=radio]",
            first.id
        ))
        .await;

    let mut a = Assessment::default();
    a.answers
        .set_value(&first.id, Some(AnswerValue::Choice("yes".into())));
    let items = navigation::open_items(q, &a, &scoring::evaluate(q, &a.answers));
    let want = format!("Still open: {}.", items.summary());
    browser
        .wait_text("[data-testid=open-summary]", |t| t == want)
        .await;
    browser.click(".open-item-list summary").await;
    assert_eq!(
        count(&browser, ".open-questions a").await,
        items.unanswered.len()
    );
    assert_eq!(
        count(&browser, "[data-gate-open]").await,
        items.pending_gates.len()
    );
    assert_eq!(
        count(&browser, ".open-profile li").await,
        items.missing_profile.len()
    );

    // A link lands on its question, on its own page.
    let (page, _, ids) = items.unanswered_by_page(q).into_iter().nth(2).unwrap();
    browser
        .click(&format!("li[data-page-open='{page}'] a"))
        .await;
    browser
        .wait_focus(&format!("article[data-question='{}'] input", ids[0]))
        .await;

    // The first press asks, and downloads nothing.
    browser.click("#download-score").await;
    let asked = browser.text("[data-testid=confirm-download]").await;
    assert!(
        asked.contains(&format!("{} items are still open", items.count())),
        "{asked}"
    );
    browser.wait_focus("#download-anyway").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(score_files(&browser), 0, "nothing downloaded yet");

    // The second press downloads.
    browser.click("#download-score").await;
    let path = browser.wait_download(".readiness.json").await;
    let verified = load_score(&std::fs::read(path).unwrap(), q).expect("the file verifies");
    assert_eq!(
        verified.content.answers.value(&first.id),
        Some(&AnswerValue::Choice("yes".into()))
    );
    assert!(browser
        .client
        .find(fantoccini::Locator::Css("[data-testid=confirm-download]"))
        .await
        .is_err());

    // The same open items are not asked about twice.
    browser.click("#download-score").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while score_files(&browser) < 2 {
        assert!(std::time::Instant::now() < deadline, "no second download");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // New open items ask again; "Not yet" goes back to the button.
    browser
        .open(&server, &format!("/#/assess/{}", q.domains[0].id))
        .await;
    browser
        .click(&format!(
            "article[data-question='{}'] button.clear",
            first.id
        ))
        .await;
    browser.click("#download-score").await;
    browser.wait_for("[data-testid=confirm-download]").await;
    browser
        .click("[data-testid=confirm-download] button:not(.primary)")
        .await;
    browser.wait_focus("#download-score").await;
    browser.client.close().await.unwrap();
}
