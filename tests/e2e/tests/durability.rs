//! Durability: the browser is killed mid-assessment without a clean unload, started again
//! on the same profile, and every answer, note and evidence entry is still there.

use fantoccini::Locator;
use vendor_readiness_e2e::{open_browser, start_driver, DistServer};

/// Kills every Chromium process using `profile`, with SIGKILL: no unload, no shutdown.
fn kill_chromium(profile: &std::path::Path) {
    let status = std::process::Command::new("pkill")
        .args([
            "-KILL",
            "-f",
            &format!("user-data-dir={}", profile.display()),
        ])
        .status()
        .expect("pkill");
    assert!(status.success(), "no Chromium process was found to kill");
}

#[tokio::test]
async fn answers_notes_and_evidence_survive_a_browser_crash() {
    let server = DistServer::start();
    let dirs = tempfile::tempdir().unwrap();
    let profile = dirs.path().join("profile");
    {
        let driver = start_driver();
        let browser = open_browser(&driver, &profile, dirs.path()).await;
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
        card.find(Locator::Css("textarea"))
            .await
            .unwrap()
            .send_keys("Form at /report")
            .await
            .unwrap();
        browser
            .add_link_evidence("intake.channel", "", "https://acme.example/report")
            .await;
        browser
            .wait_text(
                "article[data-question='intake.channel'] details.evidence summary",
                |t| t == "Evidence (1)",
            )
            .await;
        // The kill comes as soon as the page reports the last edit saved.
        browser
            .wait_text("[data-testid=save-status]", |t| {
                t == "All changes saved in this browser"
            })
            .await;
        kill_chromium(&profile);
        drop(driver);
    }
    let driver = start_driver();
    let browser = open_browser(&driver, &profile, dirs.path()).await;
    browser.open(&server, "/#/assess/intake").await;
    // The page paints at once and then restores from IndexedDB; wait until it has.
    browser
        .wait_text("[data-testid=save-status]", |t| {
            t == "All changes saved in this browser"
        })
        .await;
    let card = browser
        .wait_for("article[data-question='intake.channel']")
        .await;
    let checked = card
        .find_all(Locator::Css("input[type=radio]:checked"))
        .await
        .unwrap();
    assert_eq!(checked.len(), 1, "the answer survived");
    let notes = card
        .find(Locator::Css("textarea"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(notes.as_deref(), Some("Form at /report"));
    assert_eq!(
        browser
            .text("article[data-question='intake.channel'] details.evidence summary")
            .await,
        "Evidence (1)"
    );
    browser.client.close().await.unwrap();
}
