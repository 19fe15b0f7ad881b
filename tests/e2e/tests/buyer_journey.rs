//! The buyer journey in headless Chromium: four files (good and signed, unsigned, edited
//! score, corrupt) are imported together, each shows its state, a profile is applied,
//! and the exported comparison CSV is read back.

use fantoccini::Locator;
use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;
use vendor_readiness_e2e::{open_browser, start_driver, DistServer};

fn sealed(org: &str, best: bool, key: Option<u8>) -> serde_json::Value {
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    for question in q.questions() {
        let v = if best {
            question.answer.best()
        } else {
            question.answer.worst()
        };
        a.answers.set_value(&question.id, Some(v));
    }
    a.profile.organisation = org.into();
    a.profile.products = format!("{org} Suite");
    a.answers.entry_mut("intake.vdp").notes =
        "<script>alert('x')</script> <img src=x onerror=alert(1)>".into();
    let created = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let k = key.map(|s| KeyFile::from_seed([s; 32]).signing_key().unwrap());
    serde_json::to_value(score_file::seal(q, &a, "test", &created, k.as_ref())).unwrap()
}

#[tokio::test]
async fn buyer_imports_four_files_sees_states_applies_a_profile_and_exports_csv() {
    let dirs = tempfile::tempdir().unwrap();
    let files = dirs.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let write = |name: &str, bytes: Vec<u8>| {
        let p = files.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let good = write(
        "good.readiness.json",
        serde_json::to_vec(&sealed("Good Health Software", true, Some(1))).unwrap(),
    );
    let unsigned = write(
        "unsigned.readiness.json",
        serde_json::to_vec(&sealed("Plain Vendor", true, None)).unwrap(),
    );
    let mut edited = sealed("Edited Inc", false, None);
    edited["content"]["result"]["overall"] = serde_json::json!(4.0);
    let content = edited["content"].clone();
    edited["integrity"]["digest"] =
        serde_json::json!(vendor_readiness::integrity::digest_value(&content).unwrap());
    let edited = write(
        "edited.readiness.json",
        serde_json::to_vec(&edited).unwrap(),
    );
    let corrupt = write(
        "corrupt.readiness.json",
        b"{\"format\": \"vendor-readiness-score\", ".to_vec(),
    );

    let server = DistServer::start();
    let driver = start_driver();
    let downloads = dirs.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = open_browser(&driver, &dirs.path().join("profile"), &downloads).await;
    browser.open(&server, "/#/compare").await;
    browser.watch_csp().await;
    let input = browser.wait_for("#import-files").await;
    input
        .send_keys(&[good, unsigned, edited, corrupt].join("\n"))
        .await
        .unwrap();
    browser
        .wait_text("[data-testid=summary]", |t| {
            t.starts_with("3 vendors loaded")
        })
        .await;

    // The corrupt file has its own error line.
    let refused = browser
        .text(".refused[data-file='corrupt.readiness.json']")
        .await;
    assert!(refused.contains("not a JSON file"), "{refused}");
    // States per row.
    let sig = |f: &str| format!("tr[data-file='{f}'] [data-testid=signature]");
    assert!(browser
        .text(&sig("good.readiness.json"))
        .await
        .starts_with("valid"));
    assert!(browser
        .text(&sig("unsigned.readiness.json"))
        .await
        .starts_with("unsigned"));
    assert!(browser
        .text(&sig("edited.readiness.json"))
        .await
        .contains("edited"));
    assert_eq!(
        browser
            .text("tr[data-file='edited.readiness.json'] [data-testid=overall]")
            .await,
        "0.0",
        "recomputed, not the embedded 4.0"
    );
    // Vendor text is rendered as text, never as markup.
    browser
        .click("tr[data-file='good.readiness.json'] button.link")
        .await;
    // The answers load after the section appears.
    browser
        .wait_text(".vendor-detail", |t| {
            t.contains("<script>alert('x')</script>")
        })
        .await;
    assert!(browser
        .client
        .find(Locator::Css(".vendor-detail img"))
        .await
        .is_err());

    // Apply a profile: signature required.
    browser.click("details.buyer-profile summary").await;
    let without_profile = browser.text("[data-testid=summary]").await;
    browser.click("#require-signature").await;
    browser
        .wait_text("[data-testid=summary]", |t| t.contains("1 pass"))
        .await;
    let verdict = |f: &str| format!("tr[data-file='{f}'] [data-testid=verdict]");
    assert!(browser
        .text(&verdict("good.readiness.json"))
        .await
        .starts_with("Pass"));
    let unsigned_verdict = browser.text(&verdict("unsigned.readiness.json")).await;
    assert!(
        unsigned_verdict.starts_with("Fail") && unsigned_verdict.contains("signature"),
        "{unsigned_verdict}"
    );

    // The profile goes to a file and comes back from it (read by the worker through the
    // untrusted loader): clearing the requirement and importing the file restores it.
    browser.click("#export-profile").await;
    let profile_path = browser.wait_download("buyer-profile.json").await;
    browser.click("#require-signature").await;
    browser
        .wait_text("[data-testid=summary]", |t| t == without_profile)
        .await;
    browser
        .pick_files("#import-profile", &profile_path.display().to_string())
        .await;
    browser
        .wait_text("[data-testid=summary]", |t| t.contains("1 pass"))
        .await;

    browser.click("#export-comparison").await;
    let csv =
        std::fs::read_to_string(browser.wait_download("vendor-comparison.csv").await).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.len(),
        5,
        "header, three vendors, one refused file:\n{csv}"
    );
    assert!(lines[0].starts_with("File,Organisation"));
    let good_line = lines
        .iter()
        .find(|l| l.starts_with("good.readiness.json"))
        .unwrap();
    assert!(
        good_line.contains(",pass,") || good_line.ends_with(",pass,"),
        "{good_line}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("corrupt.readiness.json") && l.contains("refused")));

    // No request left the page's origin and the CSP was never violated.
    let urls = browser.resource_urls().await;
    assert!(
        urls.iter().all(|u| u.starts_with(&server.origin)),
        "{urls:?}"
    );
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());
    // With vendors, the detail view and the profile open, the page is still accessible.
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}
