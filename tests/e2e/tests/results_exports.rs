//! Both interoperable exports from the Results page: the worker makes them from the open
//! assessment, the page saves `<stem>.cdxa.json` and `<stem>.oscal-ar.json`, and each is
//! valid against its vendored schema (CycloneDX 1.6, OSCAL 1.1.3) and says it is not
//! sealed.

#[path = "../../common/schemas.rs"]
mod schemas;

use fantoccini::Locator;
use serde_json::Value;
use vendor_readiness_e2e::launch;

#[tokio::test]
async fn the_results_page_downloads_a_valid_cyclonedx_attestation_and_oscal_results() {
    let (server, _driver, _dirs, browser) = launch().await;
    // Some answers, so the documents have claims and observations.
    browser.open(&server, "/#/assess/intake").await;
    let radios = "article[data-question='intake.channel'] input[type=radio]";
    browser.wait_for(radios).await;
    let options = browser.client.find_all(Locator::Css(radios)).await.unwrap();
    options[0].click().await.unwrap();
    browser
        .wait_for("article[data-question='intake.channel'] input[type=radio]:checked")
        .await;

    browser.open(&server, "/#/results").await;
    browser.watch_csp().await;
    let note = browser.text(".interop-exports").await;
    assert!(note.contains("not sealed"), "{note}");

    browser.click("#export-cyclonedx").await;
    let path = browser.wait_download(".cdxa.json").await;
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let status = browser
        .wait_text("[data-testid=export-status]", |t| t.contains(".cdxa.json"))
        .await;
    assert!(status.contains(&name), "{status}");
    let bom: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(bom["bomFormat"], "CycloneDX");
    assert_eq!(bom["specVersion"], "1.6");
    let attestation = &bom["declarations"]["attestations"][0];
    assert!(
        !attestation["map"].as_array().unwrap().is_empty(),
        "{attestation}"
    );
    assert!(bom["declarations"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["bom-ref"] == "claim:intake.channel"));
    assert!(bom["definitions"]["standards"].is_array());
    schemas::assert_valid(&schemas::cyclonedx(), &bom, &name);

    browser.click("#export-oscal").await;
    let path = browser.wait_download(".oscal-ar.json").await;
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let ar = &doc["assessment-results"];
    assert_eq!(ar["metadata"]["oscal-version"], "1.1.3");
    let results = ar["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert!(!results[0]["findings"].as_array().unwrap().is_empty());
    schemas::assert_valid(&schemas::oscal_assessment_results(), &doc, &name);

    // Both carry the same stem, the one the other downloads use.
    let stem = name.trim_end_matches(".oscal-ar.json");
    assert!(path.with_file_name(format!("{stem}.cdxa.json")).is_file());
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}

/// A signed score file as a vendor would send it.
fn signed_score_file() -> (Vec<u8>, String) {
    use vendor_readiness::assessment::Assessment;
    use vendor_readiness::core::files::key_file::KeyFile;
    use vendor_readiness::questionnaire::Questionnaire;
    use vendor_readiness::score_file;
    let q = Questionnaire::builtin();
    let mut a = Assessment::default();
    for question in q.questions() {
        a.answers
            .set_value(&question.id, Some(question.answer.best()));
    }
    a.profile.organisation = "Acme Health IT".into();
    a.profile.products = "Acme EHR".into();
    let key = KeyFile::from_seed([9; 32]).signing_key().unwrap();
    let file = score_file::seal(q, &a, "test", "2026-10-11T12:13:14Z", Some(&key));
    let bytes = serde_json::to_vec_pretty(&file).unwrap();
    let digest = vendor_readiness::core::verify::load_score(&bytes, q)
        .unwrap()
        .digest;
    (bytes, digest)
}

#[tokio::test]
async fn a_score_file_picked_on_the_results_or_compare_page_exports_tied_to_it() {
    let (server, _driver, dirs, browser) = launch().await;
    let (bytes, digest) = signed_score_file();
    let picked = vendor_readiness_e2e::write_files(
        &dirs.path().join("picked"),
        &[("acme.readiness.json", &bytes)],
    );

    // The vendor, on the Results page: CycloneDX (the default format).
    browser.open(&server, "/#/results").await;
    browser.pick_files("#export-score-file", &picked).await;
    let path = browser.wait_download(".cdxa.json").await;
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        "acme-health-it-acme-ehr-2026-10-11.cdxa.json",
        "named after the file's vendor, product and date"
    );
    let bom: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    schemas::assert_valid(&schemas::cyclonedx(), &bom, "cdxa");
    assert!(
        bom.to_string().contains(&digest),
        "carries the file's digest"
    );
    let status = browser
        .wait_text("[data-testid=file-export-status]", |t| t.contains("Saved"))
        .await;
    assert!(status.contains(&digest), "{status}");

    // A buyer, on the compare page: OSCAL.
    browser.open(&server, "/#/compare").await;
    let select = browser.wait_for("#grc-export-format").await;
    select.select_by_value("oscal").await.unwrap();
    browser.pick_files("#grc-export-file", &picked).await;
    let path = browser.wait_download(".oscal-ar.json").await;
    let doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    schemas::assert_valid(&schemas::oscal_assessment_results(), &doc, "oscal");
    assert!(doc.to_string().contains(&digest));

    // A file that is not a score or answers file gets the loader's message.
    let junk = vendor_readiness_e2e::write_files(
        &dirs.path().join("junk"),
        &[("junk.json", b"{\"format\": \"not ours\"}")],
    );
    browser.pick_files("#grc-export-file", &junk).await;
    let error = browser
        .wait_text(".file-export [role=alert]", |t| !t.is_empty())
        .await;
    assert!(
        error.starts_with("junk.json: The export was not made: "),
        "{error}"
    );
    assert_eq!(browser.axe_violations().await, Vec::<String>::new());
    browser.client.close().await.unwrap();
}
