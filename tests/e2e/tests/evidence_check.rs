//! The buyer's evidence check in headless Chromium: a sealed score file recording local
//! files is imported, the vendor's answers opened, and the evidence files are given to
//! the page: the matching file, a renamed copy, a file of a recorded name with other
//! content, an unrelated file and a 9 MiB file (hashed in several pieces). Each gets its
//! result and what is still missing is listed; nothing is uploaded, and a broken score
//! file dropped meanwhile costs nothing already loaded.

use vendor_readiness::answers::{Evidence, FileEvidence};
use vendor_readiness::assessment::Assessment;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;
use vendor_readiness_e2e::{launch, write_files};

const POLICY: &[u8] = b"%PDF-1.7 vulnerability disclosure policy, version 2";
const SBOM: &[u8] = br#"{"bomFormat":"CycloneDX","specVersion":"1.6"}"#;

fn file(label: &str, name: &str, bytes: &[u8]) -> Evidence {
    Evidence {
        label: label.into(),
        url: None,
        file: Some(FileEvidence::from_bytes(name, bytes)),
    }
}

fn big() -> Vec<u8> {
    (0..9 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect()
}

fn score_file() -> Vec<u8> {
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    for question in q.questions() {
        a.answers
            .set_value(&question.id, Some(question.answer.best()));
    }
    a.profile.organisation = "Acme Health IT".into();
    a.profile.products = "Acme PACS".into();
    a.answers.entry_mut("intake.vdp").evidence = vec![file("Policy (PDF)", "policy.pdf", POLICY)];
    a.answers.entry_mut("intake.safe_harbor").evidence =
        vec![file("Safe harbour, same PDF", "policy.pdf", POLICY)];
    a.answers.entry_mut("sbom.per_release").evidence = vec![file("SBOM of 5.2", "sbom.json", SBOM)];
    a.answers.entry_mut("triage.playbook").evidence =
        vec![file("Exercise capture", "capture.bin", &big())];
    let file = score_file::seal(q, &a, "test", "2026-11-01T00:00:00Z", None);
    serde_json::to_vec(&file).unwrap()
}

#[tokio::test]
async fn dropped_evidence_files_match_differ_or_are_not_referenced() {
    let (server, _driver, dirs, browser) = launch().await;
    let files = dirs.path().join("files");
    let score = write_files(&files, &[("acme.readiness.json", &score_file())]);
    let big = big();
    let evidence = write_files(
        &files.join("received"),
        &[
            ("policy.pdf", POLICY),
            ("Policy copy.PDF", POLICY),
            ("sbom.json", b"{\"tampered\": true}"),
            ("holiday.jpg", b"\xff\xd8\xff\xe0"),
            ("capture.bin", &big),
        ],
    );
    browser.open(&server, "/#/compare").await;
    browser.watch_csp().await;
    browser.pick_files("#import-files", &score).await;
    browser
        .wait_text("[data-testid=summary]", |t| {
            t.starts_with("1 vendors loaded")
        })
        .await;
    browser
        .click("tr[data-file='acme.readiness.json'] button.link")
        .await;
    let missing = browser
        .text(".vendor-detail [data-testid=evidence-missing]")
        .await;
    assert!(missing.contains("3 of the 3"), "{missing}");

    browser.pick_files("#evidence-files", &evidence).await;
    let outcome = |name: &str| format!(".evidence-result[data-file='{name}']");
    let expect = [
        ("policy.pdf", "match"),
        ("Policy copy.PDF", "match"),
        ("sbom.json", "different_content"),
        ("holiday.jpg", "not_referenced"),
        ("capture.bin", "match"),
    ];
    for (name, want) in expect {
        browser
            .wait_text(&outcome(name), |t| !t.contains("Hashing"))
            .await;
        let got = browser.attr(&outcome(name), "data-outcome").await;
        assert_eq!(got.as_deref(), Some(want), "{name}");
    }
    let policy = browser.text(&outcome("policy.pdf")).await;
    assert!(
        policy.contains("intake.vdp") && policy.contains("intake.safe_harbor"),
        "both citations: {policy}"
    );
    let renamed = browser.text(&outcome("Policy copy.PDF")).await;
    assert!(renamed.contains("Recorded as \"policy.pdf\""), "{renamed}");
    let sbom = browser.text(&outcome("sbom.json")).await;
    let expected_hash = FileEvidence::from_bytes("", SBOM).sha256;
    assert!(sbom.contains(&expected_hash), "the expected hash: {sbom}");
    assert!(sbom.contains("sbom.per_release"), "{sbom}");
    let missing = browser
        .wait_text(".vendor-detail [data-testid=evidence-missing]", |t| {
            t.contains("1 of the 3")
        })
        .await;
    assert!(missing.contains("1 of the 3"), "{missing}");
    let still = browser.text(".evidence-missing").await;
    assert!(
        still.contains("\"sbom.json\"") && still.contains(&expected_hash),
        "{still}"
    );

    // A broken score file is refused on its own line; the vendor and the check stay.
    let broken = write_files(&files, &[("broken.readiness.json", b"{ \"format\": ")]);
    browser.pick_files("#import-files", &broken).await;
    let refused = browser
        .text(".refused[data-file='broken.readiness.json']")
        .await;
    assert!(refused.contains("not a JSON file"), "{refused}");
    assert!(browser
        .text("[data-testid=summary]")
        .await
        .starts_with("1 vendors loaded"));
    assert_eq!(
        browser
            .attr(&outcome("policy.pdf"), "data-outcome")
            .await
            .as_deref(),
        Some("match")
    );

    // Hashing happened here: no request carried a file anywhere.
    let urls = browser.resource_urls().await;
    assert!(
        urls.iter().all(|u| u.starts_with(&server.origin)),
        "{urls:?}"
    );
    assert!(server
        .requests
        .lock()
        .unwrap()
        .iter()
        .all(|r| r.starts_with("GET ")));
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}

#[tokio::test]
async fn files_dropped_on_the_drop_zones_are_read_as_picked_ones_are() {
    // The other test gives files through the file inputs; this one drops them, which is
    // how most buyers will give them.
    let (server, _driver, _dirs, browser) = launch().await;
    browser.open(&server, "/#/compare").await;
    browser.watch_csp().await;
    let score = score_file();
    browser
        .drop_files(
            ".compare .drop-zone",
            &[
                ("acme.readiness.json", &score),
                ("notes.txt", b"not a score file"),
            ],
        )
        .await;
    browser
        .wait_text("[data-testid=summary]", |t| {
            t.starts_with("1 vendors loaded")
        })
        .await;
    assert!(browser
        .text(".refused[data-file='notes.txt']")
        .await
        .contains("notes.txt"));
    browser
        .click("tr[data-file='acme.readiness.json'] button.link")
        .await;
    browser
        .drop_files(
            ".evidence-check .drop-zone",
            &[("policy.pdf", POLICY), ("sbom.json", b"{}")],
        )
        .await;
    let outcome = |name: &str| format!(".evidence-result[data-file='{name}']");
    for (name, want) in [("policy.pdf", "match"), ("sbom.json", "different_content")] {
        browser
            .wait_text(&outcome(name), |t| !t.contains("Hashing"))
            .await;
        let got = browser.attr(&outcome(name), "data-outcome").await;
        assert_eq!(got.as_deref(), Some(want), "{name}");
    }
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}
