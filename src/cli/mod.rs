//! The native `vendor-readiness` command line, for buyers' and vendors' pipelines.
//! Every command is a thin wrapper over the core; results go to stdout as JSON (or CSV or
//! a table), errors to stderr with a non-zero exit.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use vendor_readiness::buyer_profile::{self, BuyerProfile};
use vendor_readiness::compare::{self, VendorRow};
use vendor_readiness::integrity::SignatureState;
use vendor_readiness::questionnaire::Questionnaire;
use vendor_readiness::score_file::{self, FileError, IntegrityState, Loaded, MAX_FILE_BYTES};
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
    /// Verify score files: one line per file, OK, FLAGGED or REFUSED with the reason.
    ///
    /// OK means the content is intact, the signature is valid or absent, and the embedded
    /// result matches the answers. An unsigned file counts as OK unless
    /// --require-signature is given. Exit status 0 only if every file is OK, 1 otherwise.
    Verify {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
        /// Count unsigned files as FLAGGED.
        #[arg(long)]
        require_signature: bool,
        /// The score files to verify.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare vendors' score files against a buyer profile (your minimum bar).
    ///
    /// Exit status 0 when the comparison ran, even if vendors fail the profile or files
    /// are refused (refused files are listed with their error); 1 if the profile file
    /// cannot be used or output fails.
    Compare {
        /// A buyer profile file (format vendor-readiness-buyer-profile); without it,
        /// only verification and a maximum age of 365 days are checked.
        #[arg(long)]
        profile: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
        /// The score files to compare.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Output formats of `compare`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CompareFormat {
    /// Aligned text columns, then the reasons of failing vendors and refused files.
    Table,
    /// CSV (RFC 4180), one line per file; refused files have the verdict "refused".
    Csv,
    /// A JSON array, one object per file.
    Json,
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
        Command::Template => print_json(&score_file::template(q)).map(|()| ExitCode::SUCCESS),
        Command::Score { file } => score(q, &file).map(|()| ExitCode::SUCCESS),
        Command::Verify {
            json,
            require_signature,
            files,
        } => verify(q, &files, json, require_signature),
        Command::Compare {
            profile,
            format,
            files,
        } => compare(q, profile.as_deref(), format, &files),
    };
    match outcome {
        Ok(code) => code,
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
    let shown = shown_path(path);
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
    let loaded = score_file::load(&bytes, q).map_err(|e| format!("{}: {e}", shown_path(path)))?;
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
        file: shown_path(path).to_string(),
        kind,
        questionnaire: &q.id,
        questionnaire_version: &q.version,
        verification,
        result,
    })
}

/// Reads a file for `verify`/`compare`: the error without the path prefix, since the
/// path is printed beside it.
fn read_input(path: &std::path::Path) -> Result<Vec<u8>, String> {
    read_limited(path).map_err(|e| {
        let prefix = format!("{}: ", shown_path(path));
        e.strip_prefix(&prefix).map(str::to_owned).unwrap_or(e)
    })
}

/// One line (or JSON object) of `verify`.
#[derive(Serialize)]
struct VerifyReport {
    file: String,
    /// `ok`, `flagged` or `refused`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    integrity: Option<IntegrityState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signature: Option<SignatureState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edited: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    migrated_from: Option<String>,
    /// Why the file is flagged (empty when OK or refused).
    problems: Vec<String>,
    /// The state of each check, for the text line.
    #[serde(skip)]
    details: Vec<String>,
}

fn verify_one(q: &Questionnaire, path: &std::path::Path, require_signature: bool) -> VerifyReport {
    let file = compare::safe_name(&shown_path(path).to_string());
    let loaded =
        read_input(path).and_then(|b| compare::load_score(&b, q).map_err(|e| e.to_string()));
    let v = match loaded {
        Ok(v) => v,
        Err(error) => {
            return VerifyReport {
                file,
                status: "refused",
                error: Some(error),
                integrity: None,
                signature: None,
                edited: None,
                migrated_from: None,
                problems: Vec::new(),
                details: Vec::new(),
            }
        }
    };
    let (mut problems, mut details) = (Vec::new(), Vec::new());
    match &v.integrity {
        IntegrityState::Intact => details.push("integrity intact".to_owned()),
        IntegrityState::Mismatch { .. } => {
            let p = "content was changed after sealing (digest mismatch)".to_owned();
            details.push(p.clone());
            problems.push(p);
        }
    }
    match &v.signature {
        SignatureState::Unsigned if require_signature => {
            let p = "unsigned, and a signature is required".to_owned();
            details.push(p.clone());
            problems.push(p);
        }
        SignatureState::Unsigned => details.push("unsigned".to_owned()),
        SignatureState::Valid { fingerprint } => {
            details.push(format!("signature valid, key {fingerprint}"));
        }
        SignatureState::Invalid {
            fingerprint,
            reason,
        } => {
            problems.push(format!("signature invalid: {reason}"));
            details.push(format!("signature INVALID ({reason}), key {fingerprint}"));
        }
    }
    if v.edited {
        let p = "result edited: the embedded result differs from the answers".to_owned();
        details.push(p.clone());
        problems.push(p);
    } else if v.migrated_from.is_none() {
        details.push("result not edited".to_owned());
    }
    if let Some(old) = &v.migrated_from {
        details.push(format!(
            "migrated from questionnaire {old} (result re-scored; edits not judged)"
        ));
    }
    VerifyReport {
        file,
        status: if problems.is_empty() { "ok" } else { "flagged" },
        error: None,
        integrity: Some(v.integrity),
        signature: Some(v.signature),
        edited: Some(v.edited),
        migrated_from: v.migrated_from,
        problems,
        details,
    }
}

fn verify(
    q: &Questionnaire,
    files: &[PathBuf],
    json: bool,
    require_signature: bool,
) -> Result<ExitCode, String> {
    let reports: Vec<VerifyReport> = files
        .iter()
        .map(|f| verify_one(q, f, require_signature))
        .collect();
    if json {
        print_json(&reports)?;
    } else {
        let mut text = String::new();
        for r in &reports {
            let status = r.status.to_uppercase();
            let detail = r.error.clone().unwrap_or_else(|| r.details.join("; "));
            text.push_str(&format!("{status:<8} {}  {detail}\n", r.file));
        }
        print_out(text.trim_end())?;
    }
    let not_ok = reports.iter().filter(|r| r.status != "ok").count();
    if not_ok == 0 {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "vendor-readiness: {not_ok} of {} files not OK",
            reports.len()
        );
        Ok(ExitCode::FAILURE)
    }
}

/// A file given to `compare`: evaluated, or refused with the reason.
enum CompareEntry {
    Row(Box<VendorRow>),
    Refused { file: String, error: String },
}

/// One object of `compare --format json`.
#[derive(Serialize)]
struct CompareJson<'a> {
    file: &'a str,
    /// `evaluated` or `refused`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    products: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age_days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    integrity: Option<&'a IntegrityState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signature: Option<&'a SignatureState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_pin: Option<&'a compare::KeyPinState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edited: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    migrated_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overall: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    levels: Option<std::collections::BTreeMap<&'a str, u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gates: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'a compare::Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<&'a Score>,
}

fn compare(
    q: &Questionnaire,
    profile_path: Option<&std::path::Path>,
    format: CompareFormat,
    files: &[PathBuf],
) -> Result<ExitCode, String> {
    let profile = match profile_path {
        None => BuyerProfile::default(),
        Some(path) => {
            let bytes = read_limited(path)?;
            buyer_profile::load_profile(&bytes, q)
                .map_err(|e| format!("{}: {e}", shown_path(path)))?
        }
    };
    let now = time::OffsetDateTime::now_utc();
    let entries: Vec<CompareEntry> = files
        .iter()
        .map(|path| {
            let name = shown_path(path).to_string();
            match read_input(path) {
                Err(error) => CompareEntry::Refused {
                    file: compare::safe_name(&name),
                    error,
                },
                Ok(bytes) => {
                    let outcome = compare::import_one(&name, &bytes, &profile, q, now);
                    match outcome.result {
                        Ok(row) => CompareEntry::Row(Box::new(row)),
                        Err(e) => CompareEntry::Refused {
                            file: outcome.file_name,
                            error: e.to_string(),
                        },
                    }
                }
            }
        })
        .collect();
    match format {
        CompareFormat::Csv => {
            let mut out = compare::comparison_csv::<compare::VendorRow>(&[], q);
            for entry in &entries {
                out.push_str(&match entry {
                    CompareEntry::Row(row) => compare::comparison_csv_row(row, q),
                    CompareEntry::Refused { file, error } => {
                        compare::refused_csv_row(file, error, q)
                    }
                });
            }
            print_raw(&out)?;
        }
        CompareFormat::Json => {
            let items: Vec<CompareJson> = entries.iter().map(|e| compare_json(e, q)).collect();
            print_json(&items)?;
        }
        CompareFormat::Table => print_out(&compare_table(&entries, q))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn compare_json<'a>(entry: &'a CompareEntry, q: &'a Questionnaire) -> CompareJson<'a> {
    match entry {
        CompareEntry::Refused { file, error } => CompareJson {
            file,
            status: "refused",
            error: Some(error),
            organisation: None,
            products: None,
            created: None,
            age_days: None,
            integrity: None,
            signature: None,
            key_pin: None,
            edited: None,
            migrated_from: None,
            overall: None,
            levels: None,
            gates: None,
            verdict: None,
            result: None,
        },
        CompareEntry::Row(row) => CompareJson {
            file: &row.file_name,
            status: "evaluated",
            error: None,
            organisation: Some(&row.organisation),
            products: Some(&row.products),
            created: Some(&row.created),
            age_days: row.age_days,
            integrity: Some(&row.integrity),
            signature: Some(&row.signature),
            key_pin: Some(&row.key_pin),
            edited: Some(row.edited),
            migrated_from: row.migrated_from.as_deref(),
            overall: Some(row.score.overall),
            levels: Some(
                q.domains
                    .iter()
                    .map(|d| (d.id.as_str(), row.level(&d.id)))
                    .collect(),
            ),
            gates: Some(row.score.gates.iter().map(|g| g.gate.as_str()).collect()),
            verdict: Some(&row.verdict),
            result: Some(&row.score),
        },
    }
}

/// Cuts text to `max` characters, ending with an ellipsis when cut.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

fn compare_table(entries: &[CompareEntry], q: &Questionnaire) -> String {
    let mut header: Vec<String> = vec!["Vendor".into(), "Overall".into()];
    header.extend(q.domains.iter().map(|d| d.id.clone()));
    header.extend(["Gates", "Signature", "Verdict"].map(String::from));
    let mut lines: Vec<Vec<String>> = vec![header];
    let mut notes = Vec::new();
    for entry in entries {
        match entry {
            CompareEntry::Row(row) => {
                let vendor = vendor_label(row);
                let mut cells = vec![fit(&vendor, 40), format!("{:.1}", row.score.overall)];
                cells.extend(q.domains.iter().map(|d| format!("L{}", row.level(&d.id))));
                cells.push(row.score.gates.len().to_string());
                let pin = match row.key_pin {
                    compare::KeyPinState::NotPinned => "",
                    compare::KeyPinState::Matches => ", pinned",
                    compare::KeyPinState::Mismatch { .. } => ", PIN MISMATCH",
                };
                cells.push(format!("{}{pin}", compare::signature_label(&row.signature)));
                cells.push(if row.verdict.pass { "PASS" } else { "FAIL" }.into());
                lines.push(cells);
                if !row.verdict.pass {
                    notes.push(format!(
                        "FAIL     {vendor} ({}): {}",
                        score_file::printable(&row.file_name),
                        score_file::printable(&row.verdict.reasons.join("; "))
                    ));
                }
            }
            CompareEntry::Refused { file, error } => {
                notes.push(format!(
                    "REFUSED  {}: {}",
                    score_file::printable(file),
                    score_file::printable(error)
                ));
            }
        }
    }
    let columns = lines[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in &lines {
        let mut text = String::new();
        for (i, cell) in line.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            // Numbers align right, text left.
            if i == 1 {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            }
            text.push_str("  ");
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    if !notes.is_empty() {
        out.push('\n');
        out.push_str(&notes.join("\n"));
    }
    out.trim_end().to_owned()
}

/// The vendor as shown in the table; line breaks and controls from the file are escaped
/// so a name cannot add rows of its own.
fn vendor_label(row: &VendorRow) -> String {
    let label = match (row.organisation.trim(), row.products.trim()) {
        ("", "") => row.file_name.clone(),
        (org, "") => org.to_owned(),
        ("", products) => products.to_owned(),
        (org, products) => format!("{org} / {products}"),
    };
    score_file::printable(&label)
}

/// Writes text to stdout as is (no added newline); a closed pipe ends output quietly.
fn print_raw(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// A path as shown in messages, with control and bidi characters escaped.
fn shown_path(path: &std::path::Path) -> String {
    score_file::printable(&path.display().to_string())
}
