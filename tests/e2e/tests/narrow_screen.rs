//! A phone (390 × 844): the domain list is collapsed to one line showing the page and the
//! overall progress, the first question's text starts on the first screen with its first
//! lines readable there, and nothing scrolls sideways. On a desktop window the full list shows instead.

use vendor_readiness::answers::Answers;
use vendor_readiness::core::route::CONTEXT;
use vendor_readiness::core::vendor::navigation;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::scoring;
use vendor_readiness_e2e::{launch, Browser};

async fn js(browser: &Browser, script: &str) -> serde_json::Value {
    browser.client.execute(script, vec![]).await.unwrap()
}

#[tokio::test]
async fn on_a_phone_the_first_question_is_on_the_first_screen() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    browser.client.set_window_size(390, 844).await.unwrap();
    let mut pages: Vec<String> = q.domains.iter().map(|d| d.id.to_string()).collect();
    pages.push(CONTEXT.into());
    for page in &pages {
        browser.open(&server, &format!("/#/assess/{page}")).await;
        browser.wait_for("article.question-card input").await;
        // Top and bottom of the first card and of its question's text, the viewport, and
        // sideways overflow.
        let v = js(
            &browser,
            "const card = document.querySelector('article.question-card');\
             const r = card.getBoundingClientRect();\
             const text = card.querySelector('.question-text');\
             const t = text.getBoundingClientRect();\
             return [r.top, r.bottom, innerHeight, document.documentElement.scrollWidth - document.documentElement.clientWidth, t.top, t.bottom, parseFloat(getComputedStyle(text).lineHeight) || 1.2 * parseFloat(getComputedStyle(text).fontSize)];",
        )
        .await;
        let [top, bottom, height, overflow, text_top, text_bottom, line] =
            [0, 1, 2, 3, 4, 5, 6].map(|i| v[i].as_f64().expect("a number"));
        // The question can be read there: its text starts on the first screen with its
        // first three lines (all of it, when shorter) above the fold.
        let wanted = (text_bottom - text_top).min(3.0 * line);
        assert!(
            top >= 0.0 && height.min(text_bottom) - text_top >= wanted - 0.5,
            "{page}: the first question's text runs from {text_top} to {text_bottom} px; its first lines are not on the first screen ({height} px)"
        );
        println!(
            "{page}: first question from {top:.0} to {bottom:.0} px (its text {text_top:.0} to {text_bottom:.0} px) of a {height:.0} px screen{}",
            if bottom <= height { " (whole)" } else { "" }
        );
        assert_eq!(overflow, 0.0, "{page}: the page scrolls sideways");

        // The compact control, not the full list.
        let label = browser.text("[data-testid=compact-domain-nav]").await;
        let none = Answers::default();
        let want = navigation::pager(q, &none, &scoring::evaluate(q, &none), page).compact_label();
        assert_eq!(label, want);
        let full_list = js(
            &browser,
            "return getComputedStyle(document.querySelector('main > nav.domain-nav')).display;",
        )
        .await;
        assert_eq!(full_list, "none", "{page}: the full list is collapsed");
    }

    // The compact control opens the list; a domain chosen there closes it again.
    let target = &q.domains[1];
    browser.open(&server, "/#/assess/intake").await;
    browser.click(".compact-domain-nav summary").await;
    browser
        .click(&format!(
            ".compact-domain-nav li[data-domain={}] a",
            target.id
        ))
        .await;
    browser
        .wait_text("h1#domain-title", |t| t == target.title)
        .await;
    // The link chosen is gone with the list it was in: the new page's heading has the focus.
    browser.wait_focus("h1#domain-title").await;
    let open = js(
        &browser,
        "return document.querySelector('.compact-domain-nav').open;",
    )
    .await;
    assert_eq!(open, false, "the list closes on the new page");
    assert!(browser
        .text("[data-testid=compact-domain-nav]")
        .await
        .starts_with("Domain 2 of"));

    // A desktop window shows the full list and no compact control.
    browser.client.set_window_size(1280, 900).await.unwrap();
    let shown = js(
        &browser,
        "return [getComputedStyle(document.querySelector('main > nav.domain-nav')).display,\
                 getComputedStyle(document.querySelector('.compact-domain-nav')).display];",
    )
    .await;
    assert_eq!(shown, serde_json::json!(["block", "none"]));
    browser.client.close().await.unwrap();
}
