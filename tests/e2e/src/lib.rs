//! Harness for the end-to-end tests: serves the built `dist/` on loopback, starts
//! chromedriver and a headless Chromium with its own profile and download folder.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// The page a user sees: the `<main>` not inside a hidden host (the on-demand module keeps
/// its pages in the DOM while another is shown) and not a host's "Loading the page…".
pub const SHOWN_MAIN: &str = "main:not([hidden] *):not([aria-busy])";

/// The shown `<main>` of the page at `path` (`/`, `/assess/intake`, `/#/report`…) and of no
/// other: a move within the app changes only the URL's fragment, so the page it leaves is
/// still there until the new one renders.
pub fn shown_page(path: &str) -> String {
    let path = path.trim_start_matches("/#").trim_matches('/');
    match path.split_once('/') {
        Some(("assess", page)) => format!("{SHOWN_MAIN}.assess:has([data-page='{page}'])"),
        _ if path.is_empty() => format!("{SHOWN_MAIN}.home"),
        _ => format!("{SHOWN_MAIN}.{path}"),
    }
}

/// Every request the static server received, as `METHOD path STATUS`.
pub type RequestLog = Arc<Mutex<Vec<String>>>;

/// What the static server serves, changeable while it runs.
struct Serving {
    /// The folder served.
    root: PathBuf,
    /// When true every request fails, as if the host were unreachable.
    offline: bool,
}

/// The built app, served on a loopback port for the life of the value.
pub struct DistServer {
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    /// The path the app is served under: `/`, or a prefix such as `/tools/readiness/`.
    pub prefix: String,
    /// Requests seen.
    pub requests: RequestLog,
    serving: Arc<Mutex<Serving>>,
}

/// The `dist/` folder the tests run against (`DIST_DIR` overrides).
pub fn dist_dir() -> PathBuf {
    std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Reads one request from `stream`, answers it from what `state` serves under `base` and
/// closes the connection.
fn answer(mut stream: TcpStream, log: &RequestLog, state: &Mutex<Serving>, base: &str) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.split_whitespace();
    let (method, target) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or("/"),
    );
    let url = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    let (root, offline) = {
        let s = state.lock().unwrap();
        (s.root.clone(), s.offline)
    };
    let path = url.strip_prefix(base).map(|rel| {
        if rel.is_empty() {
            root.join("index.html")
        } else {
            root.join(rel)
        }
    });
    let inside = path.as_ref().is_some_and(|p| {
        p.canonicalize()
            .map(|p| p.starts_with(root.canonicalize().unwrap()))
            .unwrap_or(false)
    });
    let (status, kind, body) = match (offline, path.map(std::fs::read)) {
        (true, _) => (503, "text/plain", Vec::new()),
        (false, Some(Ok(bytes))) if inside => {
            let file = url.rsplit('/').next().unwrap_or_default();
            let kind = if file.is_empty() { "index.html" } else { file };
            (200, content_type(Path::new(kind)), bytes)
        }
        _ => (404, "text/plain", b"not found".to_vec()),
    };
    log.lock().unwrap().push(format!("{method} {url} {status}"));
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Service Unavailable",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(header.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
    let _ = stream.flush();
}

impl DistServer {
    /// Serves `dist/` like a plain static host: files by path, `index.html` at `/`.
    pub fn start() -> DistServer {
        DistServer::start_at("/")
    }

    /// Serves `dist/` under a path prefix (`/tools/readiness/`), with nothing at the root:
    /// as a project site or an intranet folder would.
    pub fn start_at(prefix: &str) -> DistServer {
        let root = dist_dir();
        assert!(
            root.join("index.html").is_file(),
            "{} has no index.html: build the app first (make dist)",
            root.display()
        );
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "a prefix is /…/"
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let origin = format!(
            "http://{}",
            listener.local_addr().expect("a loopback address")
        );
        let requests: RequestLog = Arc::default();
        let serving = Arc::new(Mutex::new(Serving {
            root,
            offline: false,
        }));
        let (log, state, base) = (requests.clone(), serving.clone(), prefix.to_owned());
        // A thread per connection, each answered once and closed: a pooled server with
        // keep-alive (tiny_http 0.12) sometimes left a connection unread, and Chromium then
        // waited minutes for a file.
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, state, base) = (log.clone(), state.clone(), base.clone());
                std::thread::spawn(move || answer(stream, &log, &state, &base));
            }
        });
        DistServer {
            origin,
            prefix: prefix.to_owned(),
            requests,
            serving,
        }
    }

    /// The app's address: origin and prefix.
    pub fn app_url(&self) -> String {
        format!("{}{}", self.origin, self.prefix)
    }

    /// Makes every request fail (true) or succeed again (false).
    pub fn set_offline(&self, offline: bool) {
        self.serving.lock().unwrap().offline = offline;
    }

    /// Serves another folder from now on (a second build at the same address).
    pub fn serve(&self, root: PathBuf) {
        self.serving.lock().unwrap().root = root;
    }

    /// The requests answered 404.
    pub fn not_found(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.ends_with(" 404"))
            .cloned()
            .collect()
    }
}

/// A chromedriver process, killed on drop.
pub struct Driver {
    child: Child,
    /// Its WebDriver URL.
    pub url: String,
}

impl Drop for Driver {
    // chromedriver leaves its browser running when it is killed and a test did not end
    // its session (a failed assertion, or a test that never closes): the browser is in
    // chromedriver's process group, so the whole group goes.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Starts chromedriver (`CHROMEDRIVER` or `/usr/bin/chromedriver`) on a free port.
pub fn start_driver() -> Driver {
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let port = free_port();
    let child = Command::new(&binary)
        .arg(format!("--port={port}"))
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

/// A browser session with its own profile folder and download folder.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    /// Where downloads land.
    pub downloads: PathBuf,
    /// The Chromium profile in use (reused to test restarts).
    pub profile: PathBuf,
}

/// Opens headless Chromium with `profile` as its user data dir.
pub async fn open_browser(driver: &Driver, profile: &Path, downloads: &Path) -> Browser {
    open_browser_with_prefs(driver, profile, downloads, serde_json::json!({})).await
}

/// Opens headless Chromium with extra Chromium preferences (e.g. blocked site data).
pub async fn open_browser_with_prefs(
    driver: &Driver,
    profile: &Path,
    downloads: &Path,
    extra_prefs: serde_json::Value,
) -> Browser {
    let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let caps = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chrome,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
                "safebrowsing.enabled": false
            }
        }
    });
    let mut caps = caps;
    if let (Some(prefs), Some(extra)) = (
        caps["goog:chromeOptions"]["prefs"].as_object_mut(),
        extra_prefs.as_object(),
    ) {
        prefs.extend(extra.clone());
    }
    let caps = match caps {
        serde_json::Value::Object(map) => map,
        _ => unreachable!(),
    };
    let client = ClientBuilder::native()
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("WebDriver session");
    Browser {
        client,
        downloads: downloads.to_owned(),
        profile: profile.to_owned(),
    }
}

impl Browser {
    /// Waits for an element to exist.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css} did not appear: {e}"))
    }

    /// Text of an element.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.expect("element text")
    }

    /// Waits until the text of `css` satisfies `check`, returning it.
    pub async fn wait_text(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.text(css).await;
            if check(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "text of {css} stayed {text:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the document's title is `wanted`: the app sets it in an effect after
    /// the page renders, so reading it once right after the page appears can race.
    pub async fn wait_title(&self, wanted: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let title = self.client.title().await.unwrap_or_default();
            if title == wanted {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "title stayed {title:?}, wanted {wanted:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for a file whose name ends with `suffix` to finish downloading: present,
    /// not empty, no partial download left in the folder, and its size steady.
    pub async fn wait_download(&self, suffix: &str) -> PathBuf {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last_size = None;
        loop {
            let entries: Vec<PathBuf> = std::fs::read_dir(&self.downloads)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            let partial = entries
                .iter()
                .any(|p| p.to_string_lossy().ends_with(".crdownload"));
            let found = entries
                .iter()
                .find(|p| p.to_string_lossy().ends_with(suffix));
            if let (Some(path), false) = (found, partial) {
                let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                if size > 0 && last_size == Some(size) {
                    return path.clone();
                }
                last_size = Some(size);
            }
            assert!(
                Instant::now() < deadline,
                "no download ending {suffix} appeared"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Browser {
    /// Every resource URL the page has fetched so far (Resource Timing), to prove that
    /// nothing went to another origin.
    pub async fn resource_urls(&self) -> Vec<String> {
        let v = self
            .client
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name);",
                vec![],
            )
            .await
            .expect("resource timing");
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Starts recording Content-Security-Policy violations on the current document.
    pub async fn watch_csp(&self) {
        self.client
            .execute(
                "window.__cspViolations = window.__cspViolations || [];\
                 document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
                vec![],
            )
            .await
            .expect("install CSP listener");
    }

    /// CSP violations recorded since [`Browser::watch_csp`].
    pub async fn csp_violations(&self) -> Vec<String> {
        let v = self
            .client
            .execute("return window.__cspViolations || [];", vec![])
            .await
            .expect("read CSP violations");
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Runs axe-core (from tools/node_modules) on the current page and returns the
    /// violations as `rule: target` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tools/node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core is installed by scripts/install-tools.sh");
        self.client
            .execute(&axe, vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>\
                   v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | '))));",
                vec![],
            )
            .await
            .expect("axe.run");
        serde_json::from_value(result).unwrap_or_default()
    }
}

impl Browser {
    /// Clicks the element matching `css` once it exists.
    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Opens `path` (a hash route such as `/#/assess/intake`) on the served app.
    pub async fn open(&self, server: &DistServer, path: &str) {
        self.client
            .goto(&format!(
                "{}{}",
                server.app_url(),
                path.trim_start_matches('/')
            ))
            .await
            .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    }
}

impl Browser {
    /// Types `text` into the element matching `css`.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.wait_for(css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }

    /// Adds a link as evidence to a question card, as a user would, and waits for it.
    pub async fn add_link_evidence(&self, question: &str, label: &str, url: &str) {
        let card = format!("article[data-question='{question}']");
        self.click(&format!("{card} details.evidence summary"))
            .await;
        if !label.is_empty() {
            self.type_into(&format!("{card} .evidence-link input[type=text]"), label)
                .await;
        }
        self.type_into(&format!("{card} .evidence-link input[type=url]"), url)
            .await;
        self.click(&format!("{card} .evidence-link button")).await;
        self.wait_text(&format!("{card} .evidence li"), |t| t.contains(url))
            .await;
    }
}

/// Everything one test needs: the served app, a driver, a scratch folder (with the
/// Chromium profile in `profile/` and downloads in `downloads/`) and the browser. Keep
/// the driver bound for the test's lifetime: dropping it stops Chromium.
pub async fn launch_with_prefs(
    prefs: serde_json::Value,
) -> (DistServer, Driver, tempfile::TempDir, Browser) {
    let server = DistServer::start();
    let driver = start_driver();
    let dirs = tempfile::tempdir().expect("scratch folder");
    let downloads = dirs.path().join("downloads");
    std::fs::create_dir_all(&downloads).expect("downloads folder");
    let browser =
        open_browser_with_prefs(&driver, &dirs.path().join("profile"), &downloads, prefs).await;
    (server, driver, dirs, browser)
}

/// [`launch_with_prefs`] with Chromium's default preferences.
pub async fn launch() -> (DistServer, Driver, tempfile::TempDir, Browser) {
    launch_with_prefs(serde_json::json!({})).await
}

/// [`launch`], with the app served under a path prefix and nothing at the root.
pub async fn launch_at(prefix: &str) -> (DistServer, Driver, tempfile::TempDir, Browser) {
    let server = DistServer::start_at(prefix);
    let driver = start_driver();
    let dirs = tempfile::tempdir().expect("scratch folder");
    let downloads = dirs.path().join("downloads");
    std::fs::create_dir_all(&downloads).expect("downloads folder");
    let browser = open_browser(&driver, &dirs.path().join("profile"), &downloads).await;
    (server, driver, dirs, browser)
}

/// ChromeDriver's network emulation (`/chromium/network_conditions`): offline, or back.
#[derive(Debug)]
struct NetworkConditions {
    offline: bool,
}

impl fantoccini::wd::WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/chromium/network_conditions",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        if self.offline {
            let body = serde_json::json!({"network_conditions": {
                "offline": true, "latency": 0, "download_throughput": 0, "upload_throughput": 0
            }});
            (http::Method::POST, Some(body.to_string()))
        } else {
            (http::Method::DELETE, None)
        }
    }
}

/// A Chrome DevTools Protocol command through ChromeDriver (`/goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({"cmd": self.cmd, "params": self.params});
        (http::Method::POST, Some(body.to_string()))
    }
}

impl Browser {
    /// Runs a DevTools Protocol command (benchmarks read `Performance.getMetrics`).
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        // A bounded wait, so a stalled command fails the test with its name instead of
        // holding it for chromedriver's five-minute limit.
        tokio::time::timeout(
            Duration::from_secs(60),
            self.client.issue_cmd(Cdp {
                cmd: cmd.into(),
                params,
            }),
        )
        .await
        .unwrap_or_else(|_| panic!("DevTools command {cmd} did not answer in 60 s"))
        .expect("ChromeDriver runs DevTools commands")
    }

    /// Chromium's cumulative main-thread metrics (`Performance.getMetrics`), by name.
    pub async fn performance_metrics(&self) -> std::collections::BTreeMap<String, f64> {
        let answer = self
            .cdp("Performance.getMetrics", serde_json::json!({}))
            .await;
        answer["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some((m["name"].as_str()?.to_owned(), m["value"].as_f64()?)))
            .collect()
    }

    /// Takes the browser offline (network emulation), or back online.
    pub async fn set_network_offline(&self, offline: bool) {
        self.client
            .issue_cmd(NetworkConditions { offline })
            .await
            .expect("ChromeDriver emulates the network");
    }

    /// Waits until a service worker controls the page and has precached this build.
    pub async fn wait_service_worker(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = self
                .client
                .execute(
                    "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
                    vec![],
                )
                .await
                .unwrap_or_default();
            if ready == serde_json::json!(true) {
                return;
            }
            assert!(Instant::now() < deadline, "no service worker took control");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Browser {
    /// Sends keys to whatever has focus, as a keyboard user would.
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("cannot press {keys:?}: {e}"));
    }
}

impl Browser {
    /// Evaluates a JavaScript expression over `el`, the focused element.
    pub async fn focused(&self, expr: &str) -> serde_json::Value {
        self.client
            .execute(
                &format!("const el = document.activeElement; return ({expr});"),
                vec![],
            )
            .await
            .expect("read the focused element")
    }

    /// Waits until the focused element matches `css`.
    pub async fn wait_focus(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        let check = format!("!!(el && el.matches({}))", serde_json::json!(css));
        while self.focused(&check).await != serde_json::json!(true) {
            assert!(Instant::now() < deadline, "focus never reached {css}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Writes `files` (name, bytes) into `dir` and returns their paths one a line, as a file
/// input takes several files through WebDriver.
pub fn write_files(dir: &Path, files: &[(&str, &[u8])]) -> String {
    std::fs::create_dir_all(dir).expect("files folder");
    files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("write a test file");
            path.display().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Browser {
    /// Gives the files (paths one a line) to the file input matching `css`.
    pub async fn pick_files(&self, css: &str, paths: &str) {
        self.wait_for(css)
            .await
            .send_keys(paths)
            .await
            .unwrap_or_else(|e| panic!("cannot give files to {css}: {e}"));
    }

    /// Drops files on the element matching `css` as a user dragging them from the
    /// desktop would: `dragenter`, `dragover` and `drop` events carrying a DataTransfer
    /// that holds each `(name, bytes)` as a File. (WebDriver cannot drag from outside
    /// the page, so the events are made in the page; the app's handlers read them as
    /// they read a real drop.)
    pub async fn drop_files(&self, css: &str, files: &[(&str, &[u8])]) {
        self.wait_for(css).await;
        let files: Vec<serde_json::Value> = files
            .iter()
            .map(|(name, bytes)| serde_json::json!([name, bytes]))
            .collect();
        self.client
            .execute(
                "const [css, files] = arguments;\
                 const dt = new DataTransfer();\
                 for (const [name, bytes] of files) dt.items.add(new File([new Uint8Array(bytes)], name));\
                 const zone = document.querySelector(css);\
                 for (const type of ['dragenter', 'dragover', 'drop'])\
                   zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));",
                vec![css.into(), files.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("cannot drop files on {css}: {e}"));
    }

    /// The value of `attribute` of the element matching `css`, once it exists.
    pub async fn attr(&self, css: &str, attribute: &str) -> Option<String> {
        self.wait_for(css)
            .await
            .attr(attribute)
            .await
            .unwrap_or_else(|e| panic!("cannot read {attribute} of {css}: {e}"))
    }
}
