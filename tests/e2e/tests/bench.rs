//! Browser benchmarks (not tests): run with `make bench`. They print figures that
//! docs/performance.md records; nothing here asserts a time.

use std::time::{Duration, Instant};

use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file;
use vendor_readiness_e2e::{launch, open_browser, start_driver, DistServer};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::test]
#[ignore = "benchmark: run with make bench"]
async fn bench_load_to_interactive_questionnaire() {
    let (server, _driver, _dirs, browser) = launch().await;
    let mut times = Vec::new();
    for i in 0..21 {
        // A new document each time (a different query string defeats nothing but the
        // hash-only navigation shortcut; files still come from the HTTP cache as on a real revisit).
        browser
            .open(&server, &format!("/?run={i}#/assess/intake"))
            .await;
        browser
            .wait_for("article.question-card input[type=radio]")
            .await;
        // The app marks the moment the questionnaire is first rendered (User Timing).
        let ms = browser
            .client
            .execute(
                "const m = performance.getEntriesByName('questionnaire-interactive'); return m.length ? m[0].startTime : null;",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .expect("the app sets the questionnaire-interactive mark");
        if i > 0 {
            times.push(ms);
        }
    }
    browser.client.close().await.unwrap();
    println!("BENCH load to interactive questionnaire: median {:.0} ms over {} loads (min {:.0}, max {:.0})",
        median(times.clone()), times.len(),
        times.iter().cloned().fold(f64::MAX, f64::min), times.iter().cloned().fold(0.0, f64::max));
}

#[tokio::test]
#[ignore = "benchmark: run with make bench"]
async fn bench_import_and_compare_1000_score_files() {
    let q = Questionnaire::builtin();
    let dirs = tempfile::tempdir().unwrap();
    let folder = dirs.path().join("files");
    std::fs::create_dir_all(&folder).unwrap();
    let key = KeyFile::from_seed([5; 32]).signing_key().unwrap();
    let created = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let mut paths = Vec::new();
    for i in 0..1000 {
        let mut a = Assessment::default();
        for (j, question) in q.questions().enumerate() {
            let v = if (i + j) % 4 == 0 {
                question.answer.worst()
            } else {
                question.answer.best()
            };
            a.answers.set_value(&question.id, Some(v));
        }
        a.profile.organisation = format!("Vendor {i:04}");
        let path = folder.join(format!("vendor-{i:04}.readiness.json"));
        std::fs::write(
            &path,
            serde_json::to_vec(&score_file::seal(q, &a, "bench", &created, Some(&key))).unwrap(),
        )
        .unwrap();
        paths.push(path.display().to_string());
    }
    let server = DistServer::start();
    let driver = start_driver();
    let browser = open_browser(&driver, &dirs.path().join("profile"), dirs.path()).await;
    browser.open(&server, "/#/compare").await;
    let input = browser.wait_for("#import-files").await;
    browser
        .client
        .execute(
            "window.__longest = 0; window.__longCount = 0;\
             new PerformanceObserver(l => l.getEntries().forEach(e => { window.__longCount++; window.__longest = Math.max(window.__longest, e.duration); }))\
               .observe({ type: 'longtask' });",
            vec![],
        )
        .await
        .unwrap();
    let start = Instant::now();
    input.send_keys(&paths.join("\n")).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let summary = browser.text("[data-testid=summary]").await;
        if summary.starts_with("1000 vendors loaded") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "import did not finish: {summary}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let elapsed = start.elapsed();
    let longest = browser
        .client
        .execute("return window.__longest;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    let count = browser
        .client
        .execute("return window.__longCount;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    browser.client.close().await.unwrap();
    println!(
        "BENCH import + verify + re-score + compare 1000 signed score files in the browser: {:.1} s; longest main-thread task {:.0} ms; {} tasks over 50 ms",
        elapsed.as_secs_f64(), longest, count
    );
}
