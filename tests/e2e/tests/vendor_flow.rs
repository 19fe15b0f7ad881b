//! A vendor answers questions in headless Chromium, watches the score change, reloads,
//! downloads the score file, and the file is read back and verified through the core.

use fantoccini::Locator;
use vendor_readiness::answers::AnswerValue;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::verify::IntegrityState;
use vendor_readiness::integrity::SignatureState;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness_e2e::launch;

async fn answer(browser: &vendor_readiness_e2e::Browser, question: &str, option_index: usize) {
    let css = format!("article[data-question='{question}'] input[type=radio]");
    browser.wait_for(&css).await;
    let radios = browser.client.find_all(Locator::Css(&css)).await.unwrap();
    radios[option_index].click().await.unwrap();
}

#[tokio::test]
async fn vendor_answers_sees_score_change_reloads_and_downloads_a_verifiable_file() {
    let (server, _driver, _dirs, browser) = launch().await;

    browser.open(&server, "/#/assess/intake").await;
    browser
        .wait_title("Questionnaire — Vendor Security Readiness")
        .await;
    assert_eq!(browser.text("[data-testid=overall]").await, "0.0");
    // Why a question matters, and what "partly" means, come from the published data file
    // after the first render: the card shows the data's own words once it is read.
    let channel = Questionnaire::builtin().question("intake.channel").unwrap();
    browser
        .wait_text("article[data-question='intake.channel'] p.why", |t| {
            t == format!("Why it matters: {}", channel.why)
        })
        .await;
    let partly = (channel.partly.as_deref()).expect("intake.channel says what partly means");
    browser
        .wait_text(
            "article[data-question='intake.channel'] [data-testid=partly]",
            |t| t.ends_with(partly),
        )
        .await;

    // Options render best first: index 0 is the best answer. Answer every level-1 intake
    // question shown, and expect the score the core gives for exactly those answers.
    let q = Questionnaire::builtin();
    let l1: Vec<&str> = q
        .domain("intake")
        .unwrap()
        .questions
        .iter()
        .filter(|qu| qu.level == 1 && qu.show_if.is_none())
        .map(|qu| qu.id.as_ref())
        .collect();
    let mut expected = vendor_readiness::answers::Answers::default();
    for id in &l1 {
        answer(&browser, id, 0).await;
        expected.set_value(id, Some(q.question(id).unwrap().answer.best()));
    }
    let want = format!(
        "{:.1}",
        vendor_readiness::scoring::score(q, &expected).overall
    );
    assert_ne!(want, "0.0", "intake L1 counts for something");
    browser
        .wait_text("[data-testid=overall]", |t| t == want)
        .await;
    let intake_level = browser
        .text(".domain-result[data-domain=intake] [data-testid=level]")
        .await;
    assert!(intake_level.starts_with("L1"), "{intake_level}");
    assert!(
        browser
            .client
            .find(Locator::Css("[data-gate=no-reporting-channel]"))
            .await
            .is_err(),
        "gate cleared"
    );

    // A reload restores every answer from browser storage.
    browser.client.refresh().await.unwrap();
    browser
        .wait_text("[data-testid=overall]", |t| t == want)
        .await;
    let checked = browser
        .client
        .find_all(Locator::Css(
            "article[data-question='intake.channel'] input[type=radio]:checked",
        ))
        .await
        .unwrap();
    assert_eq!(checked.len(), 1);

    // Another domain through the domain navigation.
    browser
        .click("nav.domain-nav li[data-domain=triage] a")
        .await;
    browser
        .wait_for("article[data-question='triage.owner']")
        .await;
    answer(&browser, "triage.owner", 1).await; // "Partly"

    browser.click("#download-score").await;
    browser.click("#download-anyway").await; // questions are still open: confirm once
    let path = browser.wait_download(".readiness.json").await;
    assert!(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("vendor-product-"),
        "{path:?}"
    );
    let bytes = std::fs::read(&path).unwrap();
    let Ok(Loaded::Score(verified)) = open::load(&bytes, q) else {
        panic!(
            "the downloaded file does not load: {:?}",
            open::load(&bytes, q)
        );
    };
    assert_eq!(verified.integrity, IntegrityState::Intact);
    assert_eq!(verified.signature, SignatureState::Unsigned);
    assert!(
        !verified.edited,
        "embedded result equals the recomputed one"
    );
    expected.set_value("triage.owner", Some(AnswerValue::Choice("partly".into())));
    assert_eq!(
        verified.recomputed.overall,
        vendor_readiness::scoring::score(q, &expected).overall
    );
    assert_eq!(
        verified.content.answers.value("triage.owner"),
        Some(&AnswerValue::Choice("partly".into()))
    );
    assert_eq!(verified.content.answers.0.len(), l1.len() + 1);

    // Only the app's own origin was asked for anything.
    let requests = server.requests.lock().unwrap().clone();
    assert!(
        requests.iter().any(|r| r.contains(".wasm ")),
        "{requests:?}"
    );
    browser.client.close().await.unwrap();
}

/// The page lets its number field read what is typed: a number in range is the answer, one
/// out of range or text the field cannot read ("1e") shows the message and keeps the answer
/// (a reload shows it), and only an emptied field clears it.
#[tokio::test]
async fn a_typed_number_is_read_by_the_field_and_bad_text_keeps_the_answer() {
    let (server, _driver, _dirs, browser) = launch().await;
    browser.open(&server, "/#/assess/intake").await;
    let field = "[id='number-intake.ack_target']";
    let message = "[id='range-intake.ack_target']";
    // Select what the field holds (Control+A) and type over it; Tab away so the change
    // event fires. (WebDriver's clear would fire a change of its own.)
    let retype = |text: &str| format!("\u{e009}a\u{e000}\u{e003}{text}\u{e004}");
    browser.type_into(field, &retype("2.5")).await;
    for bad in ["45", "1e"] {
        browser.type_into(field, &retype(bad)).await;
        browser
            .wait_text(message, |t| t.starts_with("Enter a number from 0 to 30"))
            .await;
        // The message goes with the page; the answer stays.
        browser.client.refresh().await.unwrap();
        let input = browser.wait_for(field).await;
        assert_eq!(
            input.prop("value").await.unwrap().as_deref(),
            Some("2.5"),
            "after {bad}"
        );
        assert_eq!(browser.text(message).await, "");
    }
    browser.type_into(field, &retype("")).await;
    browser.client.refresh().await.unwrap();
    let input = browser.wait_for(field).await;
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some(""));
    browser.client.close().await.unwrap();
}
