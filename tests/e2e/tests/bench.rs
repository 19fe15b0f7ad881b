//! Browser benchmarks (not tests): run with `make bench`. They print figures that
//! docs/performance.md records; nothing here asserts a time.

use std::path::Path;
use std::time::{Duration, Instant};

use vendor_readiness::assessment::Assessment;
use vendor_readiness::core::files::key_file::KeyFile;
use vendor_readiness::questionnaire::{AnswerSpec, Questionnaire};
use vendor_readiness::score_file;
use vendor_readiness_e2e::{dist_dir, launch, open_browser, start_driver, Browser, DistServer};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A static HTML page of the questionnaire's first domain, as a plain form: the same
/// stylesheet, the same questions, reasons and answers, no script. The yardstick for
/// the app's load time.
fn static_page(q: &Questionnaire, css: &str) -> String {
    let d = &q.domains[0];
    let mut body = format!(
        "<main id=\"main\" class=\"assess\"><section class=\"questions\"><h1>{}</h1><p class=\"summary\">{}</p>",
        escape(&d.title),
        escape(&d.summary)
    );
    for qu in d.questions.iter() {
        body.push_str(&format!(
            "<article class=\"question-card\" data-question=\"{}\"><header><span class=\"level-tag\">L{}</span><h2 class=\"question-text\">{}</h2></header><p class=\"why\"><strong>Why it matters: </strong>{}</p><fieldset class=\"answer\">",
            qu.id,
            qu.level,
            escape(&qu.text),
            escape(&qu.why)
        ));
        match &qu.answer {
            AnswerSpec::Number { unit, .. } => body.push_str(&format!(
                "<label>Answer in {}<input type=\"number\" name=\"{}\"></label>",
                escape(unit),
                qu.id
            )),
            spec => {
                for (id, label, _) in spec.options_worst_to_best().into_iter().rev() {
                    body.push_str(&format!(
                        "<label class=\"option\"><input type=\"radio\" name=\"{}\" value=\"{id}\"><span>{}</span></label>",
                        qu.id,
                        escape(&label)
                    ));
                }
            }
        }
        body.push_str("</fieldset><label>Notes<textarea></textarea></label></article>");
    }
    body.push_str("</section></main>");
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Static page</title><link rel=\"stylesheet\" href=\"{css}\"></head><body>{body}</body></html>"
    )
}

async fn app_load_ms(browser: &Browser, server: &DistServer, i: usize) -> f64 {
    browser
        .open(server, &format!("?run={i}#/assess/intake"))
        .await;
    browser
        .wait_for("article.question-card input[type=radio]")
        .await;
    // The app marks the moment the questionnaire is first rendered (User Timing).
    browser
        .client
        .execute(
            "const m = performance.getEntriesByName('questionnaire-interactive'); return m.length ? m[0].startTime : null;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .expect("the app sets the questionnaire-interactive mark")
}

async fn static_load_ms(browser: &Browser, server: &DistServer, i: usize) -> f64 {
    browser.open(server, &format!("static.html?run={i}")).await;
    browser
        .wait_for("article.question-card input[type=radio]")
        .await;
    // Poll until the load event has finished (every stylesheet applied).
    loop {
        let v = browser
            .client
            .execute(
                "const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd > 0 ? n.loadEventEnd : null;",
                vec![],
            )
            .await
            .unwrap();
        if let Some(ms) = v.as_f64() {
            return ms;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// With `BENCH_PROFILE=file.cpuprofile`, starts a sampled CPU profile of the page's main
/// thread (a sample every `interval_us`; open the file in Chromium's DevTools, Performance
/// panel) and returns where to write it.
async fn start_profile(browser: &Browser, interval_us: u32) -> Option<std::ffi::OsString> {
    let to = std::env::var_os("BENCH_PROFILE")?;
    browser.cdp("Profiler.enable", serde_json::json!({})).await;
    browser
        .cdp(
            "Profiler.setSamplingInterval",
            serde_json::json!({ "interval": interval_us }),
        )
        .await;
    browser.cdp("Profiler.start", serde_json::json!({})).await;
    Some(to)
}

/// Stops the profile [`start_profile`] started, if any, and writes it.
async fn stop_profile(browser: &Browser, to: Option<std::ffi::OsString>) {
    if let Some(path) = to {
        let profile = browser.cdp("Profiler.stop", serde_json::json!({})).await;
        std::fs::write(path, profile["profile"].to_string()).unwrap();
    }
}

#[tokio::test]
#[ignore = "benchmark: run with make bench"]
async fn bench_load_to_interactive_questionnaire_against_a_static_page() {
    // dist/ plus the static page, served from one origin.
    let dirs = tempfile::tempdir().unwrap();
    let root = dirs.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    let mut css = String::new();
    for entry in std::fs::read_dir(dist_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("main-") && name.ends_with(".css") {
            css = format!("./{name}");
        }
        std::fs::copy(entry.path(), root.join(&name)).unwrap();
    }
    std::fs::write(
        root.join("static.html"),
        static_page(Questionnaire::builtin(), &css),
    )
    .unwrap();
    let server = DistServer::start();
    server.serve(root);
    let driver = start_driver();
    let browser = open_browser(&driver, &dirs.path().join("profile"), dirs.path()).await;
    let (mut app, mut page) = (Vec::new(), Vec::new());
    // Interleaved; the first of each warms the caches and is not counted.
    for i in 0..22 {
        let a = app_load_ms(&browser, &server, i).await;
        let s = static_load_ms(&browser, &server, i).await;
        if i > 0 {
            app.push(a);
            page.push(s);
        }
    }
    browser.client.close().await.unwrap();
    let (ma, ms) = (median(app.clone()), median(page.clone()));
    println!(
        "BENCH load to an interactive questionnaire: app median {ma:.0} ms, static page of the same first domain median {ms:.0} ms, ratio {:.1}x (medians of {} interleaved loads)",
        ma / ms,
        app.len()
    );
}

fn write_score_files(folder: &Path, n: usize) -> Vec<String> {
    let q = Questionnaire::builtin();
    std::fs::create_dir_all(folder).unwrap();
    let key = KeyFile::from_seed([5; 32]).signing_key().unwrap();
    let created = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    (0..n)
        .map(|i| {
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
                serde_json::to_vec(&score_file::seal(q, &a, "bench", &created, Some(&key)))
                    .unwrap(),
            )
            .unwrap();
            path.display().to_string()
        })
        .collect()
}

async fn js_f64(browser: &Browser, expr: &str) -> f64 {
    browser
        .client
        .execute(&format!("return {expr};"), vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

#[tokio::test]
#[ignore = "benchmark: run with make bench"]
async fn bench_import_and_compare_1000_score_files() {
    let dirs = tempfile::tempdir().unwrap();
    let paths = write_score_files(&dirs.path().join("files"), 1000);
    let server = DistServer::start();
    let driver = start_driver();
    let browser = open_browser(&driver, &dirs.path().join("profile"), dirs.path()).await;
    browser.open(&server, "#/compare").await;
    let input = browser.wait_for("#import-files").await;
    let cores = js_f64(&browser, "navigator.hardwareConcurrency").await;
    browser
        .client
        .execute(
            "window.__longest = 0; window.__longCount = 0;\
             window.__tasks = [];\
             document.addEventListener('change', () => { window.__t0 = performance.now(); }, true);\
             new MutationObserver(() => { const s = document.querySelector('[data-testid=summary]'); if (s && s.textContent.startsWith('1000 vendors loaded') && !window.__t1) window.__t1 = performance.now(); }).observe(document.body, { subtree: true, childList: true, characterData: true });\
             new PerformanceObserver(l => l.getEntries().forEach(e => { window.__tasks.push([e.startTime, e.duration]); if (e.duration > 50) window.__longCount++; window.__longest = Math.max(window.__longest, e.duration); }))\
               .observe({ type: 'longtask' });\
             window.__frames = [];\
             new PerformanceObserver(l => l.getEntries().forEach(e => window.__frames.push([e.startTime, e.blockingDuration, e.renderStart ? e.startTime + e.duration - e.renderStart : 0, e.scripts.map(s => s.invoker + ' ' + Math.round(s.duration) + ' ms').join(', ')])))\
               .observe({ type: 'long-animation-frame' });",
            vec![],
        )
        .await
        .unwrap();
    browser
        .cdp("Performance.enable", serde_json::json!({}))
        .await;
    let before = browser.performance_metrics().await;
    // BENCH_PROFILE=file.cpuprofile: a CPU profile during the import.
    let profile_to = start_profile(&browser, 200).await;
    let start = Instant::now();
    input.send_keys(&paths.join("\n")).await.unwrap();
    // The page records when the table first says so (a MutationObserver); polling that
    // flag rarely keeps WebDriver's own scripts off the page's main thread.
    let deadline = Instant::now() + Duration::from_secs(600);
    while js_f64(&browser, "window.__t1 || 0").await == 0.0 {
        assert!(
            Instant::now() < deadline,
            "import did not finish: {}",
            browser.text("[data-testid=summary]").await
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let elapsed = start.elapsed();
    let longest = js_f64(&browser, "window.__longest").await;
    let count = js_f64(&browser, "window.__longCount").await;
    let in_page = js_f64(&browser, "window.__t1 - window.__t0").await;
    stop_profile(&browser, profile_to).await;
    let after = browser.performance_metrics().await;
    for k in [
        "TaskDuration",
        "ScriptDuration",
        "RecalcStyleDuration",
        "LayoutDuration",
    ] {
        eprintln!("{k}: {:.3}", after[k] - before[k]);
    }
    let tasks = browser
        .client
        .execute(
            "const ours = window.__tasks.filter(t => t[0] >= window.__t0);\
             const frames = window.__frames.filter(f => f[0] >= window.__t0).sort((a, b) => b[1] - a[1]);\
             return { longestOurs: Math.max(0, ...ours.map(t => t[1])), oursOver50: ours.filter(t => t[1] > 50).length,\
                      worstFrame: frames[0] || [0, 0, 0, ''], tasks: window.__tasks.map(t => [Math.round(t[0] - window.__t0), Math.round(t[1])]) };",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("{tasks}");
    browser.client.close().await.unwrap();
    let longest_ours = tasks["longestOurs"].as_f64().unwrap_or(0.0);
    let ours_over_50 = tasks["oursOver50"].as_f64().unwrap_or(0.0);
    // Long Animation Frames: a frame's blocking time counts its rendering (style, layout)
    // with its longest task, which the long-task entries leave out.
    let frame = &tasks["worstFrame"];
    println!(
        "BENCH import + verify + re-score + compare 1000 signed score files in the browser: {:.2} s wall, {:.2} s from the input's change to the full table ({} workers); longest main-thread task {:.0} ms ({} over 50 ms), of ours (from change on) {:.0} ms ({} over 50 ms); worst frame's blocking time from change on {:.0} ms (rendering {:.0} ms; {})",
        elapsed.as_secs_f64(), in_page / 1000.0, cores.clamp(1.0, 8.0), longest, count, longest_ours, ours_over_50,
        frame[1].as_f64().unwrap_or(0.0), frame[2].as_f64().unwrap_or(0.0), frame[3].as_str().unwrap_or_default()
    );
}

#[tokio::test]
#[ignore = "benchmark: run with make bench"]
async fn bench_typing_with_ten_assessments() {
    let (server, _driver, _dirs, browser) = launch().await;
    browser.open(&server, "#/setup").await;
    for _ in 0..9 {
        browser.click("section.assessment-list > button").await;
    }
    let deadline = Instant::now() + Duration::from_secs(15);
    while browser
        .client
        .find_all(fantoccini::Locator::Css("li.assessment"))
        .await
        .unwrap()
        .len()
        < 10
    {
        assert!(Instant::now() < deadline, "ten assessments were not made");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.open(&server, "#/assess/intake").await;
    browser
        .wait_for("article[data-question='intake.channel']")
        .await;
    // Event Timing: every input whose processing and next paint took 16 ms or more.
    // Event Timing reports each input whose handling and next paint took 16 ms or more
    // (in 8 ms steps); inputs are paced like a person's, so none waits for another.
    browser
        .client
        .execute(
            "window.__slow = []; new PerformanceObserver(l => l.getEntries().forEach(e => { if (['click', 'keydown', 'input', 'beforeinput', 'keyup', 'pointerup'].includes(e.name)) window.__slow.push([e.name, e.duration, e.processingEnd - e.processingStart, e.processingStart - e.startTime]); })).observe({ type: 'event', durationThreshold: 16, buffered: false }); window.__frames = []; document.addEventListener('click', e => { const t0 = e.timeStamp; requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => window.__frames.push(performance.now() - t0); ch.port2.postMessage(0); }); }, true); window.__long = []; new PerformanceObserver(l => l.getEntries().forEach(e => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask' });",
            vec![],
        )
        .await
        .unwrap();
    browser
        .cdp("Performance.enable", serde_json::json!({}))
        .await;
    let before = browser.performance_metrics().await;
    let radios = browser
        .client
        .find_all(fantoccini::Locator::Css(
            "article.question-card input[type=radio]",
        ))
        .await
        .unwrap();
    // BENCH_PROFILE=file.cpuprofile: a CPU profile while answering.
    let profile_to = start_profile(&browser, 100).await;
    for r in radios.iter().take(12) {
        // Scrolled to first, as a person would, so the click's figure is the answer's
        // own work and not WebDriver scrolling the page in the same frame.
        browser
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(r).unwrap()],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
        r.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(80)).await;
    }
    stop_profile(&browser, profile_to).await;
    let notes = browser.wait_for("textarea.notes").await;
    let text = "Reports reach the PSIRT on-call engineer within one day.";
    for c in text.chars() {
        notes.send_keys(&c.to_string()).await.unwrap();
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = browser.performance_metrics().await;
    let spent = |k: &str| (after.get(k).unwrap_or(&0.0) - before.get(k).unwrap_or(&0.0)) * 1000.0;
    let slow = browser
        .client
        .execute("return window.__slow;", vec![])
        .await
        .unwrap();
    // (event, duration to next paint, handler time, input delay)
    let slow: Vec<(String, f64, f64, f64)> = serde_json::from_value(slow).unwrap_or_default();
    let long: Vec<(f64, f64)> = serde_json::from_value(
        browser
            .client
            .execute("return window.__long;", vec![])
            .await
            .unwrap(),
    )
    .unwrap_or_default();
    // From each click to the end of the main thread's part of the frame that shows it
    // (a task posted from that frame's animation callback runs after its style, layout
    // and paint): what is left of an Event Timing duration beyond it is the compositor's.
    let mut frames: Vec<f64> = serde_json::from_value(
        browser
            .client
            .execute("return window.__frames;", vec![])
            .await
            .unwrap(),
    )
    .unwrap_or_default();
    frames.sort_by(f64::total_cmp);
    browser.client.close().await.unwrap();
    let clicks = radios.len().min(12);
    let inputs = (clicks + text.len()) as f64;
    // Over one frame: Event Timing rounds durations to 8 ms, so anything reported above
    // 16 ms painted in a later frame than the one the input landed in.
    let late = |kind: &str| {
        slow.iter()
            .filter(|(n, d, ..)| n == kind && *d > 16.0)
            .map(|(_, d, ..)| *d)
            .collect::<Vec<_>>()
    };
    let (late_clicks, late_keys) = (late("click"), late("keydown"));
    let longest_handler = slow.iter().map(|(_, _, p, _)| *p).fold(0.0, f64::max);
    println!(
        "BENCH typing with 10 assessments in the workbook: {clicks} answers clicked, {} keys typed into a note; main-thread work per input (script + style + layout, Chromium's Performance metrics, WebDriver's own script included) {:.1} ms; longest input handler (reducer + render) {:.1} ms; inputs painted later than the next frame (>16 ms): {} of {clicks} clicks (worst {:.0} ms), {} of {} keys (worst {:.0} ms); a click's frame done on the main thread after {:.1} ms (median), worst {:.1} ms, {} of {} over 16 ms; main-thread tasks over 50 ms: {}",
        text.len(),
        (spent("ScriptDuration") + spent("RecalcStyleDuration") + spent("LayoutDuration")) / inputs,
        longest_handler,
        late_clicks.len(),
        late_clicks.iter().copied().fold(0.0, f64::max),
        late_keys.len(),
        text.len(),
        late_keys.iter().copied().fold(0.0, f64::max),
        frames.get(frames.len() / 2).copied().unwrap_or(f64::NAN),
        frames.last().copied().unwrap_or(f64::NAN),
        frames.iter().filter(|&&f| f > 16.0).count(),
        frames.len(),
        long.len(),
    );
}
