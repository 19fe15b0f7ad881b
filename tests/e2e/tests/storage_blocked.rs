//! When the browser refuses to store anything (site data blocked), the user is told and
//! can still download all their work.

use fantoccini::Locator;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness_e2e::launch_with_prefs;

#[tokio::test]
async fn blocked_storage_warns_and_downloads_still_work() {
    // Blocking cookies blocks all site data: localStorage throws, IndexedDB refuses to open.
    let prefs = serde_json::json!({ "profile.default_content_setting_values.cookies": 2 });
    let (server, _driver, _dirs, browser) = launch_with_prefs(prefs).await;
    browser.open(&server, "/#/assess/intake").await;
    let card = browser
        .wait_for("article[data-question='intake.channel']")
        .await;
    card.find(Locator::Css("input[type=radio]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_text("[data-testid=save-status]", |t| {
            t.starts_with("Not saved in this browser")
        })
        .await;
    let warning = browser.text(".download-bar .warning").await;
    assert!(warning.contains("could not be saved"), "{warning}");

    browser.click("#download-score").await;
    browser.click("#download-anyway").await; // questions are still open: confirm once
    let bytes = std::fs::read(browser.wait_download(".readiness.json").await).unwrap();
    let Ok(Loaded::Score(v)) = open::load(&bytes, Questionnaire::builtin()) else {
        panic!("download does not load")
    };
    assert!(
        v.content.answers.value("intake.channel").is_some(),
        "the unsaved answer is in the download"
    );
    browser.client.close().await.unwrap();
}
