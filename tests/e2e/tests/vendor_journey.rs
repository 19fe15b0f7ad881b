//! The whole vendor journey in headless Chromium: profile, every domain answered (with a
//! note and evidence), a reload half-way, a signing key, the signed score file verified
//! and re-scored through the core, the CSV and security.txt downloads, and the report.

use fantoccini::Locator;
use vendor_readiness::answers::AnswerValue;
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::verify::IntegrityState;
use vendor_readiness::integrity::SignatureState;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness_e2e::{launch, Browser};

/// Answers every visible, unanswered question of the open domain with its best answer,
/// repeating while follow-up questions appear.
async fn answer_domain_best(browser: &Browser, domain: &str) -> usize {
    let q = Questionnaire::builtin();
    let mut answered = 0;
    loop {
        let mut ids = Vec::new();
        for card in browser
            .client
            .find_all(Locator::Css("article.question-card"))
            .await
            .unwrap()
        {
            ids.push(card.attr("data-question").await.unwrap().unwrap());
        }
        assert!(
            ids.iter().all(|id| id.starts_with(&format!("{domain}."))),
            "{ids:?}"
        );
        let mut progressed = false;
        for id in ids {
            let card = browser
                .wait_for(&format!("article[data-question='{id}']"))
                .await;
            let question = q.question(&id).unwrap();
            match question.answer.best() {
                AnswerValue::Number(best) => {
                    let input = card.find(Locator::Css("input[type=number]")).await.unwrap();
                    if input
                        .prop("value")
                        .await
                        .unwrap()
                        .unwrap_or_default()
                        .is_empty()
                    {
                        input.send_keys(&best.to_string()).await.unwrap();
                        // Tab away so the change event fires.
                        input.send_keys("\u{e004}").await.unwrap();
                        progressed = true;
                        answered += 1;
                    }
                }
                _ => {
                    let checked = card
                        .find_all(Locator::Css("input[type=radio]:checked"))
                        .await
                        .unwrap();
                    if checked.is_empty() {
                        let radios = card
                            .find_all(Locator::Css("input[type=radio]"))
                            .await
                            .unwrap();
                        radios[0].click().await.unwrap();
                        progressed = true;
                        answered += 1;
                    }
                }
            }
        }
        if !progressed {
            return answered;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn set_input(browser: &Browser, css: &str, text: &str) {
    let input = browser.wait_for(css).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

#[tokio::test]
async fn vendor_fills_every_domain_signs_and_the_file_verifies() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();

    browser.open(&server, "/#/setup").await;
    set_input(&browser, "#profile-organisation", "Acme Health IT").await;
    set_input(&browser, "#profile-products", "Acme EHR").await;
    set_input(
        &browser,
        "#profile-securitycontact",
        "security@acme.example",
    )
    .await;

    let mut total = 0;
    for (i, domain) in q.domains.iter().enumerate() {
        browser
            .client
            .goto(&format!("{}/#/assess/{}", server.origin, domain.id))
            .await
            .unwrap();
        browser
            .wait_for(&format!("article[data-question^='{}.']", domain.id))
            .await;
        total += answer_domain_best(&browser, &domain.id).await;
        if i == 0 {
            let notes = browser
                .wait_for("article[data-question='intake.vdp'] textarea")
                .await;
            notes
                .send_keys("Published at https://acme.example/security")
                .await
                .unwrap();
            browser
                .add_link_evidence("intake.vdp", "Policy page", "https://acme.example/security")
                .await;
            browser
                .wait_text(
                    "article[data-question='intake.vdp'] details.evidence summary",
                    |t| t == "Evidence (1)",
                )
                .await;
        }
        if i == 4 {
            // Half-way: a reload must restore everything so far.
            browser.client.refresh().await.unwrap();
            // From here on, record CSP violations for the rest of the journey.
            browser.watch_csp().await;
            let want = format!("{total} of");
            browser
                .wait_text(".overall-progress", |t| t.starts_with(&want))
                .await;
        }
    }
    assert_eq!(total, q.questions().count(), "every question answered once");
    browser
        .wait_text("[data-testid=overall]", |t| t == "4.0")
        .await;

    browser.click("details.signing summary").await;
    browser.click("#create-key").await;
    let key_path = browser.wait_download("signing-key.json").await;
    // The key file the vendor keeps loads through the app's own key-file loader.
    let key: KeyFile =
        vendor_readiness::core::files::key_file::load(&std::fs::read(&key_path).unwrap())
            .expect("the downloaded key file loads");
    browser
        .wait_text("[data-testid=fingerprint]", |t| {
            t.contains(&key.key_fingerprint)
        })
        .await;
    browser.click("#download-score").await;
    browser.click("#download-anyway").await; // the context questions are open: confirm once

    let path = browser.wait_download(".readiness.json").await;
    assert_eq!(
        path.file_name().unwrap().to_string_lossy()[..24].to_string(),
        "acme-health-it-acme-ehr-"
    );
    let Ok(Loaded::Score(v)) = open::load(&std::fs::read(&path).unwrap(), q) else {
        panic!("score file does not load")
    };
    assert_eq!(v.integrity, IntegrityState::Intact);
    assert_eq!(
        v.signature,
        SignatureState::Valid {
            fingerprint: key.key_fingerprint.clone()
        }
    );
    assert!(!v.edited);
    assert_eq!(v.recomputed.overall, 4.0);
    assert_eq!(v.content.profile.organisation, "Acme Health IT");
    let vdp = &v.content.answers.0["intake.vdp"];
    assert_eq!(vdp.notes, "Published at https://acme.example/security");
    assert_eq!(
        vdp.evidence[0].url.as_deref(),
        Some("https://acme.example/security")
    );

    // CSV and security.txt.
    browser.click(".more-downloads summary").await;
    browser.click("#download-csv").await;
    let csv = std::fs::read_to_string(browser.wait_download(".answers.csv").await).unwrap();
    assert_eq!(csv.lines().count(), q.questions().count() + 1);
    browser.click("#download-security-txt").await;
    let txt = std::fs::read_to_string(browser.wait_download("security.txt").await).unwrap();
    assert!(
        txt.contains("Contact: mailto:security@acme.example"),
        "{txt}"
    );
    assert!(txt.contains("Expires: "));
    // What the draft still lacks is shown to the vendor, not only buried in the file.
    browser
        .wait_text("[data-testid=download-notes]", |t| {
            t.contains("No vulnerability disclosure policy URL")
        })
        .await;

    // The printable report renders every section.
    browser.open(&server, "/#/report").await;
    for css in [
        ".title-page",
        ".summary",
        ".detail",
        ".appendix",
        ".radar svg",
    ] {
        browser.wait_for(css).await;
    }
    assert_eq!(
        browser
            .client
            .find_all(Locator::Css(".appendix-domain"))
            .await
            .unwrap()
            .len(),
        q.domains.len()
    );
    assert_eq!(browser.text(".title-page h1").await, "Acme Health IT");
    // The tab names the page; from Results, the report link's target heading takes the
    // focus (the link went with the page it was on).
    let title = browser
        .client
        .execute("return document.title", vec![])
        .await
        .unwrap();
    assert_eq!(title, "Report — Vendor Security Readiness");
    browser.open(&server, "/#/results").await;
    browser.click("a.button[href='#/report']").await;
    browser.wait_focus(".title-page h1").await;
    // Nothing went to another origin and the CSP never fired.
    let urls = browser.resource_urls().await;
    assert!(
        urls.iter().all(|u| u.starts_with(&server.origin)),
        "{urls:?}"
    );
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}
