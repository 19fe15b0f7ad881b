//! The native `vendor-readiness` command line, for buyers' and vendors' pipelines.
//! Every command is a thin wrapper over the core; results go to stdout as JSON (or CSV or
//! a table), errors to stderr with a non-zero exit.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file::{self, FileError, Loaded, MAX_FILE_BYTES};
use vendor_readiness::scoring::{self, Score};

#[derive(Parser)]
#[command(
    name = "vendor-readiness",
    version,
    about = "Vendor Security Readiness: score, verify and compare vulnerability-readiness files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a blank answers file listing every question, its allowed answers (worst to best) and its condition.
    Template,
    /// Score an answers file or a score file and print the result as JSON.
    Score {
        /// The file to score.
        file: PathBuf,
    },
}

/// The JSON printed by `score`.
#[derive(Serialize)]
struct ScoreReport<'a> {
    file: String,
    kind: &'static str,
    questionnaire: &'a str,
    questionnaire_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    verification: Option<serde_json::Value>,
    result: Score,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let q = Questionnaire::builtin();
    let outcome = match cli.command {
        Command::Template => print_json(&score_file::template(q)),
        Command::Score { file } => score(q, &file),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("vendor-readiness: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print_json<T: Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    print_out(&text)
}

/// Writes to stdout; a closed pipe (`| head`) ends output quietly instead of panicking.
fn print_out(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// Reads a file with the size limit applied before reading it all.
pub fn read_limited(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{shown}: {e}"))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(format!(
            "{shown}: {}",
            FileError::TooLarge {
                size: size as usize,
                limit: MAX_FILE_BYTES
            }
        ));
    }
    std::fs::read(path).map_err(|e| format!("{shown}: {e}"))
}

fn score(q: &Questionnaire, path: &std::path::Path) -> Result<(), String> {
    let bytes = read_limited(path)?;
    let loaded = score_file::load(&bytes, q).map_err(|e| format!("{}: {e}", path.display()))?;
    let (kind, verification, result) = match loaded {
        Loaded::Answers(file) => ("answers", None, scoring::score(q, &file.answers)),
        Loaded::Score(v) => (
            "score",
            Some(serde_json::json!({
                "integrity": v.integrity,
                "signature": v.signature,
                "edited": v.edited,
                "migrated_from": v.migrated_from,
            })),
            v.recomputed,
        ),
    };
    print_json(&ScoreReport {
        file: path.display().to_string(),
        kind,
        questionnaire: &q.id,
        questionnaire_version: &q.version,
        verification,
        result,
    })
}
