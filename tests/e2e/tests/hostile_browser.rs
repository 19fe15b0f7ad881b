//! The hostile corpus in the browser: every bad score, answers and raw file dropped on the
//! compare page gets its own refusal line or a flagged row, no payload runs or renders as
//! markup, a bad profile file is refused without touching the current profile, and the
//! vendor pages keep working afterwards.

use std::path::Path;

use fantoccini::Locator;
use vendor_readiness_e2e::launch;

#[tokio::test]
async fn the_hostile_corpus_is_refused_or_flagged_and_nothing_runs() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../hostile");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("EXPECTED.json")).unwrap())
            .unwrap();
    let mut files = Vec::new();
    let mut loads = 0;
    for (name, outcome) in expected.as_object().unwrap() {
        if name.starts_with("profile-") {
            continue;
        }
        // The compare page takes score files only: answers files are refused there too.
        if name.starts_with("score-") && outcome.get("loads").is_some() {
            loads += 1;
        }
        files.push(
            corpus
                .join(name)
                .canonicalize()
                .unwrap()
                .display()
                .to_string(),
        );
    }
    let refused = files.len() - loads;

    let (server, _driver, _dirs, browser) = launch().await;
    browser.open(&server, "/#/compare").await;
    browser.watch_csp().await;
    let input = browser.wait_for("#import-files").await;
    input.send_keys(&files.join("\n")).await.unwrap();
    // The summary shows the vendor count as soon as the last file loads, while refusals
    // may still be counted: wait for both.
    let (want_loaded, want_refused) = (
        format!("{loads} vendors loaded"),
        format!("{refused} files refused"),
    );
    browser
        .wait_text("[data-testid=summary]", |t| {
            t.starts_with(&want_loaded) && t.contains(&want_refused)
        })
        .await;
    let count = |css: &'static str| {
        let browser = &browser;
        async move {
            browser
                .client
                .find_all(Locator::Css(css))
                .await
                .unwrap()
                .len()
        }
    };
    assert_eq!(count(".refused").await, refused);
    // Rows render in batches: wait for all of them before opening each.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while count("tbody tr[data-file]").await != loads {
        assert!(
            std::time::Instant::now() < deadline,
            "not every vendor row rendered"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Open every loaded vendor's answers: payloads stay text.
    for row in 0..loads {
        let file = browser
            .client
            .execute(
                "const row = document.querySelectorAll('tbody tr[data-file]')[arguments[0]];\n\
                 [...row.querySelectorAll('button.link')].find(b => b.textContent === 'Answers').click();\n\
                 return row.dataset.file;",
                vec![serde_json::json!(row)],
            )
            .await
            .unwrap();
        // The detail of this vendor, not the one opened before, with its answers loaded.
        let title = format!("({})", file.as_str().unwrap());
        browser
            .wait_text(".vendor-detail", |t| {
                t.contains(&title) && !t.contains("Loading the answers")
            })
            .await;
    }
    assert!(
        browser.client.get_alert_text().await.is_err(),
        "no payload opened a dialog"
    );
    let injected = browser
        .client
        .execute("return document.querySelectorAll('main script, main img, main iframe, main object').length;", vec![])
        .await
        .unwrap();
    assert_eq!(injected, serde_json::json!(0));
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());

    // A bad profile file is refused with a message; the profile in use is untouched.
    browser.click("details.buyer-profile summary").await;
    browser.click("#require-signature").await;
    let bad_profile = corpus.join("profile-unknown-domain.json");
    let bad_profile = if bad_profile.exists() {
        bad_profile
    } else {
        std::fs::read_dir(&corpus)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy().to_string();
                n.starts_with("profile-") && expected[&n].get("refused").is_some()
            })
            .unwrap()
    };
    let profile_input = browser
        .client
        .find(Locator::Css("details.buyer-profile input[type=file]"))
        .await
        .unwrap();
    profile_input
        .send_keys(&bad_profile.canonicalize().unwrap().display().to_string())
        .await
        .unwrap();
    browser
        .wait_text("details.buyer-profile [role=status]", |t| {
            t.contains("was not loaded")
        })
        .await;
    let still_required = browser
        .client
        .find(Locator::Id("require-signature"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(still_required.as_deref(), Some("true"));

    // The vendor side still works.
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
        .wait_text(".overall-progress", |t| t.starts_with("1 of"))
        .await;
    browser.client.close().await.unwrap();
}
