//! The native command line: template, score, and errors on stderr with a non-zero exit.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use serde_json::{json, Value};

fn cli(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vendor-readiness"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn template_lists_every_question_with_answers_worst_to_best_and_conditions() {
    let (ok, stdout, _) = cli(&["template"]);
    assert!(ok);
    let t: Value = serde_json::from_str(&stdout).unwrap();
    let q = vendor_readiness::questionnaire::Questionnaire::builtin();
    let guide = t["guide"].as_array().unwrap();
    assert_eq!(guide.len(), q.context.len() + q.questions().count());
    assert_eq!(
        guide[0]["id"], "context.deployment",
        "the context comes first"
    );
    assert_eq!(guide[0]["level"], 0);
    assert_eq!(
        guide[0]["allowed"],
        json!(["on_premises", "hosted", "device", "mixed"])
    );
    let channel = guide.iter().find(|g| g["id"] == "intake.channel").unwrap();
    assert_eq!(channel["allowed"], json!(["no", "partly", "yes"]));
    assert!(
        channel["partly"].as_str().is_some_and(|p| !p.is_empty()),
        "partly is explained"
    );
    assert!(
        guide
            .iter()
            .any(|g| g["applies_if"]["question"] == "context.deployment"),
        "conditions on the context are listed"
    );
    let follow_up = guide
        .iter()
        .find(|g| !g["shown_if"].is_null())
        .expect("a conditional question");
    assert!(follow_up["shown_if"]["question"].is_string());
    assert!(t["answers"]
        .as_object()
        .unwrap()
        .values()
        .all(|a| a["value"].is_null()));
}

#[test]
fn a_filled_template_scores() {
    let (_, stdout, _) = cli(&["template"]);
    let mut t: Value = serde_json::from_str(&stdout).unwrap();
    // Every level-1 intake question answered with its best allowed answer.
    let guide = t["guide"].as_array().unwrap().clone();
    for g in guide.iter().filter(|g| {
        g["id"].as_str().unwrap().starts_with("intake.")
            && g["level"] == 1
            && g["shown_if"].is_null()
    }) {
        let best = g["allowed"].as_array().unwrap().last().unwrap().clone();
        t["answers"][g["id"].as_str().unwrap()]["value"] = best;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.json");
    std::fs::write(&path, t.to_string()).unwrap();
    let (ok, stdout, stderr) = cli(&["score", path.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["kind"], "answers");
    assert_eq!(report["result"]["domains"][0]["domain"], json!("intake"));
    assert_eq!(report["result"]["domains"][0]["level"], json!(1));
    assert!(report["result"]["overall"].as_f64().unwrap() > 0.0);
    let gates: Vec<&str> = report["result"]["gates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["gate"].as_str().unwrap())
        .collect();
    assert!(!gates.contains(&"no-reporting-channel"));
    assert!(gates.contains(&"no-report-ownership"));
}

#[test]
fn bad_input_goes_to_stderr_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{\"format\": ").unwrap();
    let (ok, stdout, stderr) = cli(&["score", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(stderr.contains("not a JSON file"), "{stderr}");
    let (ok, _, stderr) = cli(&["score", "/nonexistent/file.json"]);
    assert!(!ok && stderr.contains("/nonexistent/file.json"));
}
