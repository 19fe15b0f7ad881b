//! "Continue where you left off": after a reload, the start page leads to the question
//! last edited, with the focus on its answer; the questionnaire offers the same on other
//! pages.

use fantoccini::Locator;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness_e2e::launch;

#[tokio::test]
async fn the_start_page_resumes_at_the_last_question_edited() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    // A question always shown, not the first of its domain, outside the first domain.
    let domain = &q.domains[1];
    let question = domain
        .questions
        .iter()
        .skip(1)
        .find(|qu| qu.show_if.is_none() && qu.applies_if.is_none())
        .expect("a question that is always shown");
    let card = format!("article[data-question='{}']", question.id);

    browser.open(&server, "/").await;
    browser.wait_for("main.home").await;
    assert!(
        browser
            .client
            .find(Locator::Css("[data-testid=resume]"))
            .await
            .is_err(),
        "nothing to resume yet"
    );

    browser
        .open(&server, &format!("/#/assess/{}", domain.id))
        .await;
    browser.click(&format!("{card} input[type=radio]")).await;
    browser
        .wait_text("[data-testid=save-status]", |t| {
            t == "All changes saved in this browser"
        })
        .await;

    // A new visit to the start page.
    browser
        .client
        .goto(&format!("{}/?again#/", server.origin))
        .await
        .unwrap();
    let resume = browser.text("[data-testid=resume]").await;
    assert!(
        resume.starts_with("Continue where you left off"),
        "{resume}"
    );
    assert!(resume.contains(&*domain.title), "{resume}");
    assert!(resume.contains(&*question.text), "{resume}");
    browser.click("[data-testid=resume] a").await;
    browser.wait_focus(&format!("{card} input:checked")).await;
    let hash = browser
        .client
        .execute("return location.hash;", vec![])
        .await
        .unwrap();
    assert_eq!(hash, format!("#/assess/{}", domain.id));

    // The questionnaire offers it on other pages, not on the page itself.
    browser
        .open(&server, &format!("/#/assess/{}", q.domains[0].id))
        .await;
    browser.wait_for("[data-testid=resume]").await;
    browser.click("[data-testid=resume] a").await;
    browser.wait_focus(&format!("{card} input:checked")).await;
    assert!(browser
        .client
        .find(Locator::Css("[data-testid=resume]"))
        .await
        .is_err());
    browser.client.close().await.unwrap();
}
