//! The native `vendor-readiness` command line, for buyers' and vendors' pipelines.
//! Every command is a thin wrapper over the core; results go to stdout as JSON (or CSV or
//! a table), errors to stderr with a non-zero exit.

mod batch;
mod interop;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use vendor_readiness::core::buyer::compare::{self, Entry, Summary, VendorRow};
use vendor_readiness::core::buyer::profile::BuyerProfile;
use vendor_readiness::core::buyer::profile_file;
use vendor_readiness::core::export::crosswalk;
use vendor_readiness::core::files::{score_file, untrusted};
use vendor_readiness::core::integrity::SignatureState;
use vendor_readiness::core::open::{self, Loaded};
use vendor_readiness::core::questionnaire::Questionnaire;
use vendor_readiness::core::scoring::{self, Score};
use vendor_readiness::core::text::{self, fit, printable};
use vendor_readiness::core::verify::{
    self, IntegrityState, KeyPinState, Policy, Status, VerifiedScore,
};

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
    /// Print every standard clause the questionnaire cites with the questions that cite it.
    Crosswalk {
        /// Output format.
        #[arg(long, value_enum, default_value_t = CrosswalkFormat::Markdown)]
        format: CrosswalkFormat,
    },
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
    /// Export a score file or an answers file as a CycloneDX 1.6 attestation or OSCAL 1.1.3
    /// assessment results (JSON on stdout). See docs/interop.md for the mapping.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: interop::ExportFormat,
        /// The score or answers file.
        file: PathBuf,
    },
    /// Check the evidence files a vendor sent against the hashes its score file records.
    ///
    /// One line per file: MATCH (its content is a recorded file), DIFFERENT CONTENT (a recorded
    /// name with other content) or NOT REFERENCED; then each recorded file no given file
    /// matches (MISSING). Files are hashed in chunks, whatever their size. Exit status 0
    /// only if the score file verifies OK and every file given matches; 1 otherwise.
    Evidence {
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
        /// The vendor's score file.
        scorefile: PathBuf,
        /// The evidence files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show a vendor's progress between an older and a newer score file of the same
    /// vendor and product: levels, overall score, gates and changed answers.
    ///
    /// Files answering an older questionnaire are migrated first. Refused (exit 1) when
    /// a file cannot be used, the files name another organisation or products, or OLD
    /// was created after NEW.
    Progress {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The older score file.
        old: PathBuf,
        /// The newer score file.
        new: PathBuf,
    },
}

/// Output formats of `crosswalk`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CrosswalkFormat {
    /// Markdown, a table per document (what docs/crosswalk.md holds).
    Markdown,
    /// CSV (RFC 4180), one line per clause and citing question.
    Csv,
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
    verification: Option<vendor_readiness::core::verify::Verification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    migration: Option<vendor_readiness::core::questionnaire::migration::MigrationReport>,
    result: Score,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let q = Questionnaire::builtin();
    let outcome = match cli.command {
        Command::Template => print_json(&score_file::template(q)).map(|()| ExitCode::SUCCESS),
        Command::Crosswalk { format } => print_raw(&match format {
            CrosswalkFormat::Markdown => crosswalk::markdown(q),
            CrosswalkFormat::Csv => crosswalk::csv(q),
        })
        .map(|()| ExitCode::SUCCESS),
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
        Command::Export { format, file } => interop::export(q, &file, format),
        Command::Evidence {
            json,
            scorefile,
            files,
        } => interop::evidence(q, &scorefile, &files, json),
        Command::Progress { json, old, new } => interop::progress(q, &old, &new, json),
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

/// Reads a file with the size limit of its kind applied before reading it all.
pub fn read_limited(path: &std::path::Path, kind: &untrusted::Kind) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    read_limited_into(path, kind, &mut bytes).map(|()| bytes)
}

/// [`read_limited`] into a buffer (emptied first), so a worker reading file after file
/// reuses one.
fn read_limited_into(
    path: &std::path::Path,
    kind: &untrusted::Kind,
    bytes: &mut Vec<u8>,
) -> Result<(), String> {
    use std::io::Read;
    bytes.clear();
    // The usual case, with one open: the size from the open file, then its bytes.
    if let Ok(mut file) = std::fs::File::open(path) {
        if let Ok(size) = file.metadata().map(|m| m.len()) {
            untrusted::check_size(size, kind).map_err(|e| format!("{}: {e}", shown_path(path)))?;
            bytes.reserve(usize::try_from(size).unwrap_or(0) + 1);
            return file
                .read_to_end(bytes)
                .map(|_| ())
                .map_err(|e| format!("{}: {e}", shown_path(path)));
        }
    }
    // A file that cannot be opened: the error, checked in the same order as ever (the
    // size first, so an unreadable file over the limit is refused as too large).
    let shown = shown_path(path);
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{shown}: {e}"))?
        .len();
    untrusted::check_size(size, kind).map_err(|e| format!("{shown}: {e}"))?;
    bytes.extend(std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?);
    Ok(())
}

fn score(q: &Questionnaire, path: &std::path::Path) -> Result<(), String> {
    let bytes = read_limited(path, &score_file::KIND)?;
    let loaded = open::load(&bytes, q).map_err(|e| format!("{}: {e}", shown_path(path)))?;
    let migration = loaded.migration().cloned();
    let (kind, verification, result) = match loaded {
        Loaded::Answers(a) => ("answers", None, scoring::score(q, &a.file.answers)),
        Loaded::Score(v) => ("score", Some(v.verification()), v.recomputed),
    };
    print_json(&ScoreReport {
        file: shown_path(path).to_string(),
        kind,
        questionnaire: &q.id,
        questionnaire_version: &q.version,
        verification,
        migration,
        result,
    })
}

thread_local! {
    /// Each worker's buffer for the file it reads, reused from file to file (it keeps the
    /// size of the largest file read, at most the 2 MiB limit).
    static INPUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Reads and verifies a file for `verify`/`compare`: an error without the path prefix,
/// since the path is printed beside it.
fn verify_input(q: &Questionnaire, path: &std::path::Path) -> Result<VerifiedScore, String> {
    INPUT.with_borrow_mut(|bytes| {
        read_limited_into(path, &score_file::KIND, bytes).map_err(|e| {
            let prefix = format!("{}: ", shown_path(path));
            e.strip_prefix(&prefix).map(str::to_owned).unwrap_or(e)
        })?;
        verify::load_score(bytes, q).map_err(|e| e.to_string())
    })
}

/// One line (or JSON object) of `verify`.
#[derive(Serialize)]
struct VerifyReport {
    file: String,
    /// `ok`, `flagged` or `refused`.
    status: Status,
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
    let file = text::safe_name(&shown_path(path));
    let v = match verify_input(q, path) {
        Ok(v) => v,
        Err(error) => {
            return VerifyReport {
                file,
                status: Status::Refused,
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
    let policy = Policy {
        require_signature,
        pinned_key: None,
    };
    VerifyReport {
        file,
        status: v.status(policy),
        error: None,
        problems: v.problems(policy).iter().map(ToString::to_string).collect(),
        details: v.findings(policy).iter().map(ToString::to_string).collect(),
        integrity: Some(v.integrity),
        signature: Some(v.signature),
        edited: Some(v.edited),
        migrated_from: v.migrated_from,
    }
}

fn verify(
    q: &Questionnaire,
    files: &[PathBuf],
    json: bool,
    require_signature: bool,
) -> Result<ExitCode, String> {
    let mut out = Out::new();
    let mut array = JsonArray::default();
    // Each line goes out when the next one is ready: the last is printed without
    // trailing space, as a whole text trimmed at its end would be.
    let mut last_line: Option<String> = None;
    let mut not_ok = 0usize;
    batch::for_each_ordered(
        files,
        |f| {
            let r = verify_one(q, f, require_signature);
            let text = if json {
                pretty(&r)
            } else {
                let status = r.status.label();
                let detail = match &r.error {
                    Some(error) => error.clone(),
                    None => r.details.join("; "),
                };
                Ok(format!("{status:<8} {}  {detail}", r.file))
            };
            text.map(|t| (r.status, t))
        },
        |result| {
            let (status, text) = result?;
            if status != Status::Ok {
                not_ok += 1;
            }
            if json {
                array.push(&mut out, &text)
            } else {
                match last_line.replace(text) {
                    Some(line) => out.line(&line),
                    None => Ok(()),
                }
            }
        },
    )?;
    if json {
        array.finish(&mut out)?;
    } else if let Some(line) = last_line {
        out.line(line.trim_end())?;
    }
    out.finish()?;
    if not_ok == 0 {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("vendor-readiness: {not_ok} of {} files not OK", files.len());
        Ok(ExitCode::FAILURE)
    }
}

/// Pretty JSON of one item of a streamed array.
fn pretty<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

/// Standard output for results written as they come: buffered, and a closed pipe
/// (`| head`) ends output quietly, as [`print_out`] does, while the work goes on to its
/// exit status.
struct Out {
    out: std::io::BufWriter<std::io::Stdout>,
    closed: bool,
}

impl Out {
    fn new() -> Self {
        Out {
            out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()),
            closed: false,
        }
    }

    fn handle(&mut self, written: std::io::Result<()>) -> Result<(), String> {
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(e.to_string()),
            Ok(()) => Ok(()),
        }
    }

    fn write(&mut self, text: &str) -> Result<(), String> {
        use std::io::Write;
        if self.closed {
            return Ok(());
        }
        let written = self.out.write_all(text.as_bytes());
        self.handle(written)
    }

    fn line(&mut self, text: &str) -> Result<(), String> {
        self.write(text)?;
        self.write("\n")
    }

    fn finish(mut self) -> Result<(), String> {
        use std::io::Write;
        if self.closed {
            return Ok(());
        }
        let flushed = self.out.flush();
        self.handle(flushed)
    }
}

/// A JSON array written an item at a time, byte for byte what `serde_json`'s pretty
/// printer makes of the whole array (each item's lines indented by two spaces).
#[derive(Default)]
struct JsonArray {
    items: usize,
}

impl JsonArray {
    fn push(&mut self, out: &mut Out, pretty_item: &str) -> Result<(), String> {
        out.write(if self.items == 0 { "[\n" } else { ",\n" })?;
        self.items += 1;
        for (i, line) in pretty_item.split('\n').enumerate() {
            if i > 0 {
                out.write("\n")?;
            }
            out.write("  ")?;
            out.write(line)?;
        }
        Ok(())
    }

    fn finish(self, out: &mut Out) -> Result<(), String> {
        out.line(if self.items == 0 { "[]" } else { "\n]" })
    }
}

/// A file given to `compare`: evaluated (with its recomputed result), or refused.
enum CompareEntry {
    Row(Box<(VendorRow, Score)>),
    Refused { file: String, error: String },
}

impl CompareEntry {
    fn entry(&self) -> Entry<'_> {
        match self {
            CompareEntry::Row(row) => Entry::Row(&row.0),
            CompareEntry::Refused { file, error } => Entry::Refused {
                file_name: file,
                error,
            },
        }
    }
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
    key_pin: Option<&'a KeyPinState>,
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
            let bytes = read_limited(path, &profile_file::KIND)?;
            profile_file::load_profile(&bytes, q)
                .map_err(|e| format!("{}: {e}", shown_path(path)))?
        }
    };
    let now = time::OffsetDateTime::now_utc();
    let mut out = Out::new();
    let mut array = JsonArray::default();
    // The table needs every row for its column widths: only those small rows are kept.
    let mut table = Table::new(q);
    if format == CompareFormat::Csv {
        out.write(&compare::comparison_csv_header(q))?;
    }
    batch::for_each_ordered(
        files,
        |path| {
            let entry = compare_entry(q, &profile, now, path);
            Ok(match format {
                CompareFormat::Csv => Piece::Text(compare::comparison_csv_line(&entry.entry(), q)),
                CompareFormat::Json => Piece::Text(pretty(&compare_json(&entry, q))?),
                CompareFormat::Table => Piece::Row(table_row(&entry, q)),
            })
        },
        |piece: Result<Piece, String>| match piece? {
            Piece::Text(text) if format == CompareFormat::Json => array.push(&mut out, &text),
            Piece::Text(text) => out.write(&text),
            Piece::Row(row) => {
                table.push(row);
                Ok(())
            }
        },
    )?;
    match format {
        CompareFormat::Csv => {}
        CompareFormat::Json => array.finish(&mut out)?,
        CompareFormat::Table => table.write(&mut out)?,
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads, verifies and evaluates one file of `compare`.
fn compare_entry(
    q: &Questionnaire,
    profile: &BuyerProfile,
    now: time::OffsetDateTime,
    path: &std::path::Path,
) -> CompareEntry {
    let name = text::safe_name(&shown_path(path));
    match verify_input(q, path) {
        Err(error) => CompareEntry::Refused { file: name, error },
        Ok(v) => {
            let row = compare::evaluate(&name, &Summary::of(&v), profile, q, now);
            CompareEntry::Row(Box::new((row, v.recomputed)))
        }
    }
}

/// What one file of `compare` adds to the output.
enum Piece {
    /// Its CSV line or JSON object.
    Text(String),
    /// Its table row and note.
    Row(TableRow),
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
        CompareEntry::Row(row_and_score) => {
            let (row, result) = &**row_and_score;
            let v = &row.summary.verification;
            CompareJson {
                file: &row.file_name,
                status: "evaluated",
                error: None,
                organisation: Some(&row.summary.organisation),
                products: Some(&row.summary.products),
                created: Some(&row.summary.created),
                age_days: row.age_days,
                integrity: Some(&v.integrity),
                signature: Some(&v.signature),
                key_pin: Some(&row.key_pin),
                edited: Some(v.edited),
                migrated_from: v.migrated_from.as_deref(),
                overall: Some(row.overall()),
                levels: Some(
                    q.domains
                        .iter()
                        .map(|d| (d.id.as_ref(), row.level(&d.id)))
                        .collect(),
                ),
                gates: Some(row.summary.gates.iter().map(|g| g.gate.as_str()).collect()),
                verdict: Some(&row.verdict),
                result: Some(result),
            }
        }
    }
}

/// One file in the `compare` table: its cells (none for a refused file) and its note
/// below the table (failing and refused files).
struct TableRow {
    cells: Option<Vec<String>>,
    note: Option<String>,
}

fn table_row(entry: &CompareEntry, q: &Questionnaire) -> TableRow {
    match entry {
        CompareEntry::Row(row_and_score) => {
            let row = &row_and_score.0;
            let vendor = vendor_label(row);
            let mut cells = vec![fit(&vendor, 40), format!("{:.1}", row.overall())];
            cells.extend(q.domains.iter().map(|d| format!("L{}", row.level(&d.id))));
            cells.push(row.summary.gates.len().to_string());
            let pin = row
                .key_pin
                .phrase()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            cells.push(format!(
                "{}{pin}",
                row.summary.verification.signature.label()
            ));
            cells.push(row.verdict.label().to_uppercase());
            TableRow {
                cells: Some(cells),
                note: (!row.verdict.pass).then(|| {
                    format!(
                        "FAIL     {vendor} ({}): {}",
                        printable(&row.file_name),
                        printable(&row.verdict.reasons_text())
                    )
                }),
            }
        }
        CompareEntry::Refused { file, error } => TableRow {
            cells: None,
            note: Some(format!(
                "REFUSED  {}: {}",
                printable(file),
                printable(error)
            )),
        },
    }
}

/// The `compare` table: aligned columns, then the notes. Only what the table needs of
/// each file is kept until the end (for the column widths): its cells in one string, and
/// a note for a failing or refused file.
struct Table {
    header: Vec<String>,
    /// Each row's cells, separated by NUL (which no cell holds: text from files is
    /// printable, and the rest is ours).
    rows: Vec<String>,
    /// The widest cell of each column so far, in characters.
    widths: Vec<usize>,
    notes: Vec<String>,
}

impl Table {
    fn new(q: &Questionnaire) -> Self {
        let mut header: Vec<String> = vec!["Vendor".into(), "Overall".into()];
        header.extend(q.domains.iter().map(|d| d.id.to_string()));
        header.extend(["Gates", "Signature", "Verdict"].map(String::from));
        Table {
            widths: header.iter().map(|h| h.chars().count()).collect(),
            header,
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn push(&mut self, row: TableRow) {
        if let Some(cells) = row.cells {
            for (width, cell) in self.widths.iter_mut().zip(&cells) {
                *width = (*width).max(cell.chars().count());
            }
            self.rows.push(cells.join("\0"));
        }
        self.notes.extend(row.note);
    }

    /// One line of the table, padded to the column widths.
    fn line<'a>(&self, cells: impl Iterator<Item = &'a str>) -> String {
        let mut text = String::new();
        for (i, cell) in cells.enumerate() {
            let pad = self.widths[i] - cell.chars().count();
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
        text.truncate(text.trim_end().len());
        text
    }

    /// Writes the table, a blank line and the notes; what a whole text trimmed at its end
    /// and printed with a line end would be.
    fn write(&self, out: &mut Out) -> Result<(), String> {
        let lines = std::iter::once(self.line(self.header.iter().map(String::as_str)))
            .chain(self.rows.iter().map(|row| self.line(row.split('\0'))));
        let notes = (!self.notes.is_empty())
            .then(|| std::iter::once(String::new()).chain(self.notes.iter().cloned()))
            .into_iter()
            .flatten();
        let mut pieces = lines.chain(notes).peekable();
        while let Some(piece) = pieces.next() {
            if pieces.peek().is_some() {
                out.line(&piece)?;
            } else {
                out.line(piece.trim_end())?;
            }
        }
        Ok(())
    }
}

/// The vendor as shown in the table; line breaks and controls from the file are escaped
/// so a name cannot add rows of its own.
fn vendor_label(row: &VendorRow) -> String {
    let label = match (row.summary.organisation.trim(), row.summary.products.trim()) {
        ("", "") => row.file_name.clone(),
        (org, "") => org.to_owned(),
        ("", products) => products.to_owned(),
        (org, products) => format!("{org} / {products}"),
    };
    printable(&label)
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
    printable(&path.display().to_string())
}
