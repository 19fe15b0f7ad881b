//! Hosting: `dist/` works unchanged under a path prefix with nothing at the root, asks
//! for nothing that is not there, works offline after one visit, and a second build at
//! the same address is offered as "A new version is available — reload" and then runs
//! as a whole. The questionnaire's data file, which the page reads its references from,
//! is fetched under the prefix, offline from the cache, and refused when it is not this
//! build's.

use std::path::Path;
use std::time::Duration;

use fantoccini::wd::WindowHandle;
use fantoccini::Locator;
use vendor_readiness::core::verify;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness_e2e::{dist_dir, launch_at, Browser, DistServer};

const PREFIX: &str = "/tools/readiness/";

/// Answers the first question of intake with its best answer and waits for the save.
async fn answer_first(browser: &Browser) {
    let radio = browser
        .wait_for("article[data-question='intake.channel'] input[type=radio]")
        .await;
    radio.click().await.unwrap();
    browser
        .wait_text(".overall-progress", |t| t.starts_with("1 of"))
        .await;
}

const FIRST_CARD_REFS: &str = "article[data-question='intake.channel'] details.refs";

/// Opens the first question's references and returns what the disclosure shows once it
/// shows something other than "Loading…".
async fn first_references(browser: &Browser) -> String {
    browser.click(&format!("{FIRST_CARD_REFS} summary")).await;
    browser
        .wait_text(FIRST_CARD_REFS, |t| !t.contains("Loading"))
        .await
}

/// The line the first question's first reference has when the data file was read.
fn first_reference_line() -> String {
    let q = Questionnaire::builtin();
    let id = &q.question("intake.channel").unwrap().refs[0];
    let r = q.reference(id).unwrap();
    format!("{} {} — {}", r.source, r.clause, r.title)
}

/// Downloads the score file (through the worker) and verifies it with the core.
async fn download_and_verify(browser: &Browser) -> std::path::PathBuf {
    browser.click("#download-score").await;
    if let Ok(anyway) = browser.client.find(Locator::Css("#download-anyway")).await {
        anyway.click().await.unwrap();
    } else {
        browser
            .wait_for("#download-anyway")
            .await
            .click()
            .await
            .unwrap();
    }
    let path = browser.wait_download(".readiness.json").await;
    let v = verify::load_score(&std::fs::read(&path).unwrap(), Questionnaire::builtin())
        .expect("the downloaded file verifies");
    assert!(v.content.answers.value("intake.channel").is_some());
    path
}

/// Imports a file on the compare page (the buyer's module and the worker) and waits for
/// the verified row.
async fn import_on_compare_page(browser: &Browser, server: &DistServer, file: &Path) {
    browser.open(server, "#/compare").await;
    let input = browser.wait_for("#import-files").await;
    input.send_keys(&file.display().to_string()).await.unwrap();
    browser
        .wait_text("[data-testid=summary]", |t| {
            t.starts_with("1 vendors loaded")
        })
        .await;
}

/// Every cache in Cache Storage: (cache name, addresses it holds), in the order made.
async fn all_caches(browser: &Browser) -> Vec<(String, Vec<String>)> {
    let answer = browser
        .client
        .execute(
            "return caches.keys().then(names => Promise.all(names.map(name => \
                caches.open(name).then(c => c.keys()).then(rs => [name, rs.map(r => r.url)]))))",
            vec![],
        )
        .await
        .expect("read Cache Storage");
    serde_json::from_value(answer).expect("cache names and addresses")
}

/// The service worker's caches of builds of this copy of the app (not its notes of which
/// build each tab runs), oldest first.
async fn cached(browser: &Browser) -> Vec<(String, Vec<String>)> {
    let mut caches = all_caches(browser).await;
    caches.retain(|(name, _)| name.starts_with("vendor-readiness-"));
    caches
}

#[test]
fn the_data_file_is_the_questionnaire_named_after_its_content() {
    let names: Vec<String> = std::fs::read_dir(dist_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("questionnaire"))
        .collect();
    assert_eq!(names.len(), 1, "one data file: {names:?}");
    let bytes = std::fs::read(dist_dir().join(&names[0])).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/questionnaire.json");
    assert!(
        bytes == std::fs::read(source).unwrap(),
        "it is data/questionnaire.json byte for byte (its integrity is the build's)"
    );
    let digest = vendor_readiness::integrity::sha256_hex(&bytes);
    let hex = digest.trim_start_matches("sha256:");
    assert_eq!(names[0], format!("questionnaire-{}.json", &hex[..16]));
    let index = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    assert!(
        index.contains(&format!("content=\"./{}\"", names[0])),
        "index.html names it for the page"
    );
}

#[tokio::test]
async fn under_a_path_prefix_everything_works_and_nothing_is_missing() {
    let (server, _driver, _dirs, browser) = launch_at(PREFIX).await;
    browser.open(&server, "#/assess/intake").await;
    browser.watch_csp().await;
    // The references come from the data file next to the page, under the prefix too.
    assert!(first_references(&browser)
        .await
        .contains(&first_reference_line()));
    answer_first(&browser).await;
    let file = download_and_verify(&browser).await;
    import_on_compare_page(&browser, &server, &file).await;
    for page in ["#/", "#/setup", "#/results", "#/report", "#/assess/triage"] {
        browser.open(&server, page).await;
        browser.wait_for("main h1").await;
    }
    // Only a worker that cached every file of the build takes control.
    browser.wait_service_worker().await;
    // The policy allows everything the app does from under the prefix (the pages above
    // are hash routes of one document, so the listener saw them all).
    let watching = browser
        .client
        .execute("return Array.isArray(window.__cspViolations)", vec![])
        .await
        .unwrap();
    assert_eq!(
        watching,
        serde_json::json!(true),
        "still the watched document"
    );
    assert_eq!(browser.csp_violations().await, Vec::<String>::new());

    let requests = server.requests.lock().unwrap().clone();
    assert!(
        requests.iter().all(|r| r.contains(PREFIX)),
        "everything is asked for under the prefix: {requests:?}"
    );
    for part in [
        "_bg.wasm ",
        "worker",
        "buyer",
        "favicon.svg",
        "sw.js",
        "questionnaire-",
    ] {
        assert!(
            requests.iter().any(|r| r.contains(part)),
            "{part} was loaded: {requests:?}"
        );
    }
    assert_eq!(
        server.not_found(),
        Vec::<String>::new(),
        "no request failed"
    );

    // The cache holds exactly this build's files, under this copy's own name.
    let app = server.app_url();
    let mut built: Vec<String> = std::fs::read_dir(dist_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file() && e.file_name() != "sw.js")
        .map(|e| format!("{app}{}", e.file_name().to_string_lossy()))
        .chain([app.clone()])
        .collect();
    built.sort();
    let caches = cached(&browser).await;
    assert_eq!(caches.len(), 1, "one cache: {caches:?}");
    let (name, mut urls) = caches.into_iter().next().unwrap();
    urls.sort();
    assert!(
        name.starts_with("vendor-readiness-") && name.ends_with(&format!(" {app}")),
        "the cache is named after the build and this copy's scope: {name}"
    );
    assert_eq!(urls, built, "the cache holds exactly the built files");

    // The manifest is found, parses and keeps the app under the prefix.
    let manifest = browser
        .cdp("Page.getAppManifest", serde_json::json!({}))
        .await;
    assert_eq!(
        manifest["url"],
        serde_json::json!(format!("{app}manifest.webmanifest"))
    );
    assert_eq!(manifest["errors"], serde_json::json!([]), "{manifest}");
    let data: serde_json::Value =
        serde_json::from_str(manifest["data"].as_str().expect("manifest text")).unwrap();
    assert_eq!(data["start_url"], "./");
    assert_eq!(data["scope"], "./");

    // Nothing at the root: the app does not depend on it.
    let root = browser
        .client
        .execute("return fetch('/').then(r => r.status)", vec![])
        .await
        .unwrap();
    assert_eq!(root, serde_json::json!(404));
}

#[tokio::test]
async fn after_one_visit_it_works_offline_and_a_new_build_is_offered_then_used() {
    let (server, _driver, dirs, browser) = launch_at(PREFIX).await;
    browser.open(&server, "#/assess/intake").await;
    browser
        .wait_for("article[data-question='intake.channel']")
        .await;
    browser.wait_service_worker().await;

    // Offline: the host is gone and the browser's network is cut.
    server.set_offline(true);
    browser.set_network_offline(true).await;
    browser.client.refresh().await.unwrap();
    answer_first(&browser).await;
    assert!(
        first_references(&browser)
            .await
            .contains(&first_reference_line()),
        "the data file is served from the cache"
    );
    let file = download_and_verify(&browser).await;
    import_on_compare_page(&browser, &server, &file).await;
    assert_eq!(build_title(&browser).await, FIRST_TITLE);

    // A second build at the same address: different page, new service worker.
    let second = dirs.path().join("dist-2");
    second_build(&dist_dir(), &second, false);
    server.serve(second);
    server.set_offline(false);
    browser.set_network_offline(false).await;

    // The page keeps running the first build until the user reloads.
    offer_update(&browser).await;
    assert_eq!(build_title(&browser).await, FIRST_TITLE);
    reload_into(&browser, SECOND_TITLE).await;
    // The new version runs, with the work done offline still there.
    browser.open(&server, "#/assess/intake").await;
    browser
        .wait_text(".overall-progress", |t| t.starts_with("1 of"))
        .await;
}

#[tokio::test]
async fn a_data_file_not_of_this_build_is_refused_and_can_be_fetched_again() {
    let (server, _driver, dirs, browser) = launch_at(PREFIX).await;
    // A host serving another copy of the data file under this build's name (edited, or
    // half-copied): the browser refuses it by its integrity, whatever it holds.
    let other = dirs.path().join("dist-other-data");
    copy_dir(&dist_dir(), &other);
    let data = std::fs::read_dir(&other)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("questionnaire-"))
        })
        .expect("the build's data file, named after its content");
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, text.replacen("Capability", "Kapability", 1)).unwrap();
    server.serve(other);

    browser.open(&server, "#/assess/intake").await;
    let shown = first_references(&browser).await;
    assert!(
        shown.contains(
            "The references could not be loaded: it could not be fetched, or it is not the \
             copy this version of the app was built with. Try again"
        ),
        "{shown}"
    );
    assert!(!shown.contains("Kapability"));
    // Nothing else waits for it: the questionnaire works.
    answer_first(&browser).await;

    // The host is put right; "Try again" fetches the file again.
    server.serve(dist_dir());
    browser.click(&format!("{FIRST_CARD_REFS} button")).await;
    let shown = browser
        .wait_text(FIRST_CARD_REFS, |t| {
            !t.contains("could not") && !t.contains("Loading")
        })
        .await;
    assert!(shown.contains(&first_reference_line()), "{shown}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

const FIRST_TITLE: &str = "Vendor Security Readiness";
const SECOND_TITLE: &str = "Vendor Security Readiness (second build)";
const THIRD_TITLE: &str = "Vendor Security Readiness (third build)";

/// A copy of `dist/` as a second build: another page title and its own service worker;
/// with `new_buyer_module`, its buyer module has other file names too (as a real rebuild
/// of that module would), the old names gone from the host.
fn second_build(dist: &Path, to: &Path, new_buyer_module: bool) {
    next_build(dist, to, FIRST_TITLE, SECOND_TITLE, new_buyer_module);
}

/// A copy of the build in `from` as the next build, titled `title` instead of `was`; see
/// [`second_build`].
fn next_build(from: &Path, to: &Path, was: &str, title: &str, new_buyer_module: bool) {
    let dist = from;
    copy_dir(dist, to);
    if new_buyer_module {
        let old = std::fs::read_dir(to)
            .unwrap()
            .flatten()
            .find_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_prefix("vendor-readiness-buyer-")
                    .and_then(|rest| rest.strip_suffix("_loader.js"))
                    .map(str::to_owned)
            })
            .expect("the buyer module's loader");
        // Another name each time it is made from the one before.
        let new = format!("{}{}", &old[1..], &old[..1]);
        assert_ne!(old, new);
        for entry in std::fs::read_dir(to).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".html") || name.ends_with(".js") {
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, text.replace(&old, &new)).unwrap();
            }
            if name.contains(&old) {
                std::fs::rename(&path, to.join(name.replace(&old, &new))).unwrap();
            }
        }
    }
    let index = to.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    let tag = |t: &str| format!("<title>{t}</title>");
    std::fs::write(&index, html.replace(&tag(was), &tag(title))).unwrap();
    let restamp = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/post_build.py"))
        .arg("--service-worker-only")
        .arg(to)
        .status()
        .unwrap();
    assert!(restamp.success());
}

/// Has the browser look for a new service worker now.
async fn look_for_update(browser: &Browser) {
    browser
        .client
        .execute(
            "navigator.serviceWorker.getRegistration().then(r => r && r.update())",
            vec![],
        )
        .await
        .unwrap();
}

/// Has the browser look for a new service worker and waits for the page to offer it.
async fn offer_update(browser: &Browser) {
    look_for_update(browser).await;
    browser
        .wait_text("[data-testid=update-banner]", |t| {
            t.contains("A new version is available")
        })
        .await;
}

/// The title the build's index.html gave the page (each page's title ends with it).
async fn build_title(browser: &Browser) -> String {
    let title = browser.client.title().await.unwrap_or_default();
    title.rsplit(" — ").next().unwrap_or_default().to_owned()
}

/// Chooses "reload" and waits until the page is the build titled `title_wanted`.
async fn reload_into(browser: &Browser, title_wanted: &str) {
    browser.click("#reload-update").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let title = build_title(browser).await;
        if title == title_wanted {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the new version did not load: {title}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Opens the app in this tab and, once the first build's worker controls it, in a second
/// tab; returns the second tab, with this one current again.
async fn second_tab_on_the_first_build(browser: &Browser, server: &DistServer) -> WindowHandle {
    let intake = "article[data-question='intake.channel']";
    let first_tab = browser.client.window().await.unwrap();
    browser.open(server, "#/assess/intake").await;
    browser.wait_for(intake).await;
    browser.wait_service_worker().await;
    let second_tab = browser.client.new_window(true).await.unwrap().handle;
    browser
        .client
        .switch_to_window(second_tab.clone())
        .await
        .unwrap();
    browser.open(server, "#/assess/intake").await;
    browser.wait_for(intake).await;
    browser.client.switch_to_window(first_tab).await.unwrap();
    second_tab
}

/// In `tab`, still on the first build, opens the buyer's page (its module first loaded
/// now) and checks it came without asking the host for anything it lacks.
async fn old_tab_opens_its_buyer_page(browser: &Browser, server: &DistServer, tab: WindowHandle) {
    browser.client.switch_to_window(tab).await.unwrap();
    assert_eq!(build_title(browser).await, FIRST_TITLE);
    browser
        .client
        .execute("location.hash = '#/compare';", vec![])
        .await
        .unwrap();
    browser.wait_for("#import-files").await;
    assert_eq!(
        server.not_found(),
        Vec::<String>::new(),
        "the old tab asked the host for nothing it lacks"
    );
}

#[tokio::test]
async fn a_tab_still_on_the_old_build_loads_its_own_files_after_another_tab_updates() {
    let (server, _driver, dirs, browser) = launch_at(PREFIX).await;
    let second_tab = second_tab_on_the_first_build(&browser, &server).await;

    // A new build whose buyer module is not the old one; the old one is gone from the host.
    let second = dirs.path().join("dist-2");
    second_build(&dist_dir(), &second, true);
    server.serve(second);

    // The first tab takes the update.
    offer_update(&browser).await;
    reload_into(&browser, SECOND_TITLE).await;
    let caches = cached(&browser).await;
    assert_eq!(
        caches.len(),
        2,
        "this build's cache and the one before: {caches:?}"
    );

    // The second tab still runs the first build: its buyer page, first opened now, comes
    // from the first build's cache although the host no longer has it.
    old_tab_opens_its_buyer_page(&browser, &server, second_tab).await;
}

/// Has the browser look for a new service worker and waits until one is installed and
/// waiting with its cache complete, the `builds`th build cache of this copy of the app.
async fn install_next(browser: &Browser, builds: usize) {
    look_for_update(browser).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let waiting = browser
            .client
            .execute(
                "return navigator.serviceWorker.getRegistration() \
                    .then(r => !!(r && r.waiting && !r.installing))",
                vec![],
            )
            .await
            .unwrap();
        let caches = cached(browser).await;
        let complete = caches.len() == builds
            && caches
                .iter()
                .all(|(_, urls)| urls.len() == caches[0].1.len());
        if waiting == serde_json::json!(true) && complete {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "build {builds} was not installed: {caches:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn two_builds_published_before_a_reload_keep_the_build_an_open_tab_runs() {
    let (server, _driver, dirs, browser) = launch_at(PREFIX).await;
    let second_tab = second_tab_on_the_first_build(&browser, &server).await;

    // Two new builds, each with its own buyer module, are published one after the other;
    // the first tab is offered each and reloads only after the second.
    let second = dirs.path().join("dist-2");
    second_build(&dist_dir(), &second, true);
    server.serve(second.clone());
    install_next(&browser, 2).await;
    let third = dirs.path().join("dist-3");
    next_build(&second, &third, SECOND_TITLE, THIRD_TITLE, true);
    server.serve(third);
    install_next(&browser, 3).await;
    let before: Vec<String> = cached(&browser).await.into_iter().map(|c| c.0).collect();
    reload_into(&browser, THIRD_TITLE).await;
    let after: Vec<String> = cached(&browser).await.into_iter().map(|c| c.0).collect();
    assert_eq!(
        after,
        vec![before[0].clone(), before[2].clone()],
        "the first build, which the other tab runs, is kept; the second, which never ran, is gone"
    );

    // The second tab still runs the first build and gets its late files from its cache.
    old_tab_opens_its_buyer_page(&browser, &server, second_tab).await;
}

/// A copy of `dist/` without the files of the on-demand module whose names end in `suffix`.
fn dist_without(suffix: &str) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    let mut left_out = 0;
    for entry in std::fs::read_dir(dist_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("vendor-readiness-buyer-") && name.ends_with(suffix) {
            left_out += 1;
            continue;
        }
        std::fs::copy(entry.path(), copy.path().join(&name)).unwrap();
    }
    assert_eq!(left_out, 1, "dist/ has one module file ending in {suffix}");
    copy
}

#[tokio::test]
async fn a_vendor_page_whose_module_cannot_be_fetched_says_so() {
    let (server, _driver, _dirs, browser) = launch_at(PREFIX).await;
    // The loader missing (the script element fails), then its wasm (the loader fails).
    for (suffix, why) in [
        ("_loader.js", "could not be fetched"),
        ("_bg.wasm", "could not be started"),
    ] {
        let copy = dist_without(suffix);
        server.serve(copy.path().to_owned());
        browser.open(&server, "#/results").await;
        // A module that failed stays failed until the page is loaded again.
        browser.client.refresh().await.unwrap();
        let alert = browser
            .wait_text("main [role=alert]", |t| t.contains(why))
            .await;
        assert!(alert.starts_with("The page could not be shown:"), "{alert}");
        assert!(alert.contains("reload the page to try again"), "{alert}");
        // The questionnaire still works.
        browser.open(&server, "#/assess/intake").await;
        answer_first(&browser).await;
    }
}
