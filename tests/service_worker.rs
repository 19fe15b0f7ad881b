//! The service worker's rules (`web/sw.template.js`), tested in Node against a fake host,
//! Cache Storage and set of tabs (`tests/service_worker/sw.test.mjs`): the orders of events
//! a browser rarely shows, such as two tabs loading at once or three builds in a row.
//! Node comes with the build tools (`scripts/install-tools.sh` installs npm packages).

use std::process::Command;

#[test]
fn the_service_worker_rules_hold_in_node() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new("node")
        .args(["--test", "tests/service_worker/sw.test.mjs"])
        .current_dir(root)
        .output()
        .expect("node runs (scripts/install-tools.sh needs it for the npm tools)");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the service worker's tests failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("# fail 0"), "{report}");
    assert!(!report.contains("# pass 0"), "no test ran:\n{report}");
}
