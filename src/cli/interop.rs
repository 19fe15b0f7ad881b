//! The interoperability commands: `export` (CycloneDX or OSCAL), `evidence` (the buyer's
//! check of evidence files against a score file) and `progress` (two score files of one
//! vendor). Score and answers files are read as every other command reads them
//! ([`super::read_limited`] and the core loaders); evidence files are hashed in 64 KiB
//! chunks, with no size limit.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::{print_json, print_out, read_limited, shown_path};
use vendor_readiness::core::buyer::progress::{self, AnswerChange, Progress};
use vendor_readiness::core::evidence::{self, GivenFile, Outcome, RecordedFile, Reference};
use vendor_readiness::core::export::{ExportInput, Interop};
use vendor_readiness::core::files::score_file;
use vendor_readiness::core::integrity::StreamingSha256;
use vendor_readiness::core::open;
use vendor_readiness::core::questionnaire::Questionnaire;
use vendor_readiness::core::text::printable;
use vendor_readiness::core::verify::{self, Policy, Status, VerifiedScore};

/// Formats of `export`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A CycloneDX 1.6 BOM holding the attestation (CDXA).
    Cyclonedx,
    /// OSCAL 1.1.3 assessment-results.
    Oscal,
}

/// Bytes read at a time when hashing an evidence file.
const CHUNK: usize = 64 * 1024;

/// `export`: the file (score or answers) as CycloneDX or OSCAL JSON on stdout.
pub fn export(q: &Questionnaire, path: &Path, format: ExportFormat) -> Result<ExitCode, String> {
    let bytes = read_limited(path, &score_file::KIND)?;
    let loaded = open::load(&bytes, q).map_err(|e| format!("{}: {e}", shown_path(path)))?;
    let input = ExportInput::from_loaded(q, &loaded);
    let now = time::OffsetDateTime::now_utc();
    let doc = match format {
        ExportFormat::Cyclonedx => Interop::Cyclonedx,
        ExportFormat::Oscal => Interop::Oscal,
    }
    .document(q, &input, now);
    print_json(&doc)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads and verifies a score file, the error prefixed with its path.
fn load_score(q: &Questionnaire, path: &Path) -> Result<VerifiedScore, String> {
    let bytes = read_limited(path, &score_file::KIND)?;
    verify::load_score(&bytes, q).map_err(|e| format!("{}: {e}", shown_path(path)))
}

/// Hashes a file in chunks: its name (without folders), size and SHA-256.
fn hash_file(path: &Path) -> Result<GivenFile, String> {
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    if !file.metadata().map_err(|e| e.to_string())?.is_file() {
        return Err("not a regular file".into());
    }
    let mut hasher = StreamingSha256::new();
    let mut buf = vec![0u8; CHUNK];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(GivenFile {
        name,
        size: hasher.len(),
        sha256: hasher.finish(),
    })
}

/// The score file as `evidence --json` describes it.
#[derive(Serialize)]
struct ScoreFileState {
    file: String,
    status: Status,
    findings: Vec<String>,
}

/// One line (or JSON object) of `evidence`: a check, or a file that could not be read.
#[derive(Serialize)]
#[serde(untagged)]
enum EvidenceLine {
    Checked(evidence::FileCheck),
    Unreadable {
        path: String,
        outcome: &'static str,
        error: String,
    },
}

#[derive(Serialize)]
struct EvidenceJson {
    score_file: ScoreFileState,
    files: Vec<EvidenceLine>,
    missing: Vec<RecordedFile>,
    recorded: usize,
    all_match: bool,
}

fn citations(refs: &[Reference]) -> String {
    refs.iter()
        .map(|r| format!("{} \"{}\"", r.question, printable(&r.label)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `evidence`: each file checked against the score file's recorded evidence.
///
/// Exit 0 only when the score file verifies OK and every file given matches.
pub fn evidence(
    q: &Questionnaire,
    score_path: &Path,
    paths: &[PathBuf],
    json: bool,
) -> Result<ExitCode, String> {
    let v = load_score(q, score_path)?;
    let policy = Policy::default();
    let state = ScoreFileState {
        file: shown_path(score_path),
        status: v.status(policy),
        findings: v.findings(policy).iter().map(ToString::to_string).collect(),
    };
    let mut given = Vec::new();
    let mut unreadable = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        match hash_file(path) {
            Ok(g) => given.push((i, g)),
            Err(e) => unreadable.push((i, shown_path(path), e)),
        }
    }
    let files: Vec<GivenFile> = given.iter().map(|(_, g)| g.clone()).collect();
    let report = evidence::check(q, &v, &files);
    // Back in the order given, unreadable files in their place.
    let mut lines: Vec<(usize, EvidenceLine)> = given
        .iter()
        .map(|(i, _)| *i)
        .zip(report.files.iter().cloned().map(EvidenceLine::Checked))
        .chain(unreadable.into_iter().map(|(i, path, error)| {
            (
                i,
                EvidenceLine::Unreadable {
                    path,
                    outcome: "unreadable",
                    error,
                },
            )
        }))
        .collect();
    lines.sort_by_key(|(i, _)| *i);
    let all_match = lines.len() == report.files.len() && report.all_match();
    let ok = all_match && state.status == Status::Ok;
    if json {
        print_json(&EvidenceJson {
            score_file: state,
            files: lines.into_iter().map(|(_, l)| l).collect(),
            missing: report.missing,
            recorded: report.recorded,
            all_match,
        })?;
    } else {
        let mut out = format!(
            "score file {}: {} ({}); it records {} local file{}\n",
            state.file,
            state.status.label(),
            state.findings.join("; "),
            report.recorded,
            if report.recorded == 1 { "" } else { "s" }
        );
        for (_, line) in &lines {
            out.push_str(&evidence_line(line));
            out.push('\n');
        }
        for m in &report.missing {
            out.push_str(&format!(
                "{:<17} {}  {}  cited by {}\n",
                "MISSING",
                m.names_text(),
                m.content_text(),
                citations(&m.references)
            ));
        }
        print_out(out.trim_end())?;
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn evidence_line(line: &EvidenceLine) -> String {
    match line {
        EvidenceLine::Unreadable { path, error, .. } => {
            format!("{:<17} {path}  {}", "UNREADABLE", printable(error))
        }
        EvidenceLine::Checked(c) => {
            let head = format!(
                "{:<17} \"{}\"",
                c.outcome.label().to_uppercase(),
                printable(&c.file.name),
            );
            match &c.outcome {
                Outcome::Match { recorded, renamed } => {
                    let renamed = if *renamed {
                        format!("recorded as {}; ", recorded.names_text())
                    } else {
                        String::new()
                    };
                    format!(
                        "{head}  {} bytes  {renamed}cited by {}",
                        c.file.size,
                        citations(&recorded.references)
                    )
                }
                Outcome::DifferentContent { expected } => {
                    let expected: Vec<String> = expected
                        .iter()
                        .map(|r| {
                            format!(
                                "{} (cited by {})",
                                r.content_text(),
                                citations(&r.references)
                            )
                        })
                        .collect();
                    format!(
                        "{head}  {}, but the score file records {}",
                        c.file.content_text(),
                        expected.join(" or ")
                    )
                }
                Outcome::NotReferenced => format!("{head}  {}", c.file.content_text()),
            }
        }
    }
}

/// `progress`: what changed between an older and a newer score file of one vendor.
pub fn progress(q: &Questionnaire, old: &Path, new: &Path, json: bool) -> Result<ExitCode, String> {
    let older = load_score(q, old)?;
    let newer = load_score(q, new)?;
    let p = progress::progress(q, &older, &newer).map_err(|e| e.to_string())?;
    if json {
        print_json(&p)?;
    } else {
        print_out(&progress_text(&p, old, new))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn answer_line(a: &AnswerChange) -> String {
    format!(
        "  {}  {} -> {}",
        a.question,
        printable(&a.before_text()),
        printable(&a.after_text())
    )
}

fn progress_text(p: &Progress, old: &Path, new: &Path) -> String {
    let mut out = vec![format!(
        "{} / {}",
        printable(&p.organisation),
        printable(&p.products)
    )];
    for (which, path, side) in [("older", old, &p.older), ("newer", new, &p.newer)] {
        let mut line = format!(
            "{which}: {}  created {}, questionnaire {}, {}",
            shown_path(path),
            printable(&side.created),
            printable(&side.questionnaire_version),
            side.status.label()
        );
        if !side.problems.is_empty() {
            line.push_str(&format!(": {}", side.problems.join("; ")));
        }
        if let Some(m) = &side.migration {
            line.push_str(&format!("; {m}"));
        }
        out.push(line);
    }
    out.push(format!(
        "overall: {:.1} -> {:.1}",
        p.overall_before, p.overall_after
    ));
    out.push("levels:".into());
    let width = p
        .domains
        .iter()
        .map(|d| d.title.chars().count())
        .max()
        .unwrap_or(0);
    for d in &p.domains {
        let pad = width - d.title.chars().count();
        let change = if d.changed() {
            format!("L{} -> L{}", d.before, d.after)
        } else {
            format!("L{} (unchanged)", d.after)
        };
        out.push(format!("  {}{}  {change}", d.title, " ".repeat(pad)));
    }
    let gates = |list: &[progress::GateChange]| {
        if list.is_empty() {
            "none".to_owned()
        } else {
            list.iter()
                .map(|g| g.title.clone())
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    out.push(format!("gates stopped firing: {}", gates(&p.gates_stopped)));
    out.push(format!("gates started firing: {}", gates(&p.gates_started)));
    out.push(format!("answers changed: {}", p.answers.len()));
    out.extend(p.answers.iter().map(answer_line));
    out.extend(p.notes.iter().map(|n| format!("note: {n}")));
    out.join("\n")
}
