//! A whole assessment with the keyboard alone, never touching the domain list: Alt+N
//! ("next unanswered question") leads from question to question and across domains, a
//! key answers each one, and at the end Alt+N lands on the download button. The score
//! file is read back through the core with every shown question answered. The number of
//! key presses is printed (`make bench` reports it). A second test follows "next
//! domain" and the back button.

use fantoccini::key::Key;
use vendor_readiness::answers::AnswerValue;
use vendor_readiness::core::route::CONTEXT;
use vendor_readiness::core::verify::load_score;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::scoring::{self, QuestionStatus};
use vendor_readiness_e2e::{launch, Browser};

/// Alt+N as one chord (WebDriver holds the modifier for the rest of the string).
fn alt_n() -> String {
    format!("{}n", Key::Alt)
}

/// The question whose control has focus, if any.
async fn focused_question(browser: &Browser) -> Option<String> {
    browser
        .focused("el && el.closest('[data-question]') ? el.closest('[data-question]').dataset.question : null")
        .await
        .as_str()
        .map(str::to_owned)
}

async fn hash(browser: &Browser) -> String {
    let v = browser
        .client
        .execute("return location.hash;", vec![])
        .await
        .unwrap();
    v.as_str().unwrap_or_default().to_owned()
}

/// Presses Alt+N and waits for the focus to leave `from`: on another question, or on
/// the download button when nothing is left (then `None`).
async fn next_unanswered(browser: &Browser, from: Option<&str>) -> Option<String> {
    browser.press(&alt_n()).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        if browser.focused("el && el.id === 'download-score'").await == serde_json::json!(true) {
            return None;
        }
        if let Some(q) = focused_question(browser)
            .await
            .filter(|q| Some(q.as_str()) != from)
        {
            return Some(q);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "Alt+N did not move on from {from:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
}

#[tokio::test]
async fn every_question_is_answered_with_next_unanswered_alone_then_downloaded() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    browser.open(&server, "/#/assess").await;
    browser.wait_for("article.question-card input").await;
    let mut presses = 0usize;
    let mut visited: Vec<String> = Vec::new();
    let mut pages = vec![hash(&browser).await];
    let mut at: Option<String> = None;
    while let Some(question) = next_unanswered(&browser, at.as_deref()).await {
        presses += 1;
        assert!(!visited.contains(&question), "{question} proposed twice");
        let in_domain_list = browser
            .focused("!!el.closest('nav.domain-nav, .compact-domain-nav')")
            .await;
        assert_eq!(in_domain_list, serde_json::json!(false));
        let kind = browser.focused("el.type").await;
        match kind.as_str() {
            // Options render best first and the focus lands on the first: Space picks it.
            Some("radio") => {
                browser.press(" ").await;
                presses += 1;
                browser.wait_focus("input:checked").await;
            }
            // A number is committed when Alt+N moves on.
            Some("number") => {
                let best = match q.question(&question).unwrap().answer.best() {
                    AnswerValue::Number(n) => n.to_string(),
                    other => panic!("{question}: {other:?}"),
                };
                browser.press(&best).await;
                presses += best.chars().count();
            }
            other => panic!("{question}: focus on {other:?}"),
        }
        let page = hash(&browser).await;
        if pages.last() != Some(&page) {
            pages.push(page);
        }
        visited.push(question.clone());
        at = Some(question);
    }
    presses += 1; // the last Alt+N, which lands on the download button
    assert!(
        pages.len() > q.domains.len(),
        "the URL followed every page: {pages:?}"
    );

    // Download: the profile is empty, so the page asks once; Enter confirms.
    browser.press(&Key::Enter.to_string()).await;
    browser.wait_focus("#download-anyway").await;
    browser.press(&Key::Enter.to_string()).await;
    presses += 2;
    let path = browser.wait_download(".readiness.json").await;
    let verified = load_score(&std::fs::read(path).unwrap(), q).expect("the file verifies");
    let answers = &verified.content.answers;
    let statuses = scoring::evaluate(q, answers);
    let open: Vec<&String> = statuses
        .iter()
        .filter(|(_, s)| **s == QuestionStatus::Unanswered)
        .map(|(id, _)| id)
        .collect();
    assert!(open.is_empty(), "unanswered in the file: {open:?}");
    assert!(q.context.iter().all(|c| answers.value(&c.id).is_some()));
    let shown = statuses.values().filter(|s| s.is_shown()).count();
    assert_eq!(
        visited.len(),
        shown + q.context.len(),
        "one visit per question"
    );
    println!(
        "key presses for a full assessment: {presses} ({} questions answered, {} of them context questions)",
        visited.len(),
        q.context.len()
    );
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn next_domain_focuses_its_heading_and_the_back_button_returns() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    let (first, second) = (&q.domains[0], &q.domains[1]);
    browser
        .open(&server, &format!("/#/assess/{}", first.id))
        .await;
    let pager = browser.text("[data-testid=pager-next]").await;
    assert!(pager.contains(&*second.title), "{pager}");
    assert!(pager.contains("0 of"), "{pager}");
    assert!(browser
        .text("[data-testid=pager-prev]")
        .await
        .contains("About the product"));

    // With the keyboard: focus the link, Enter.
    browser
        .client
        .execute(
            "document.querySelector('[data-testid=pager-next]').focus();",
            vec![],
        )
        .await
        .unwrap();
    browser.press(&Key::Enter.to_string()).await;
    browser.wait_focus("h1#domain-title").await;
    assert_eq!(browser.text("h1#domain-title").await, second.title);
    assert_eq!(hash(&browser).await, format!("#/assess/{}", second.id));

    browser.client.back().await.unwrap();
    browser
        .wait_text("h1#domain-title", |t| t == first.title)
        .await;
    assert_eq!(hash(&browser).await, format!("#/assess/{}", first.id));
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn a_jump_to_another_page_with_alt_n_is_undone_by_the_back_button() {
    let (server, _driver, _dirs, browser) = launch().await;
    let q = Questionnaire::builtin();
    let domain = &q.domains[2];
    browser
        .open(&server, &format!("/#/assess/{}", domain.id))
        .await;
    browser.wait_for("article.question-card input").await;
    // Nothing answered yet: the context questions come first, on their own page.
    let at = next_unanswered(&browser, None).await;
    assert_eq!(at.as_deref(), Some(&*q.context[0].id));
    assert_eq!(hash(&browser).await, format!("#/assess/{CONTEXT}"));
    browser.client.back().await.unwrap();
    browser
        .wait_text("h1#domain-title", |t| t == domain.title)
        .await;
    assert_eq!(hash(&browser).await, format!("#/assess/{}", domain.id));
    browser.client.close().await.unwrap();
}
