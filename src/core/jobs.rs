//! Work the page hands to a Web Worker, as plain data: a [`Job`] in, an [`Outcome`] out,
//! and [`run`] between them. Everything heavy the vendor's questionnaire never needs on
//! first load lives behind this: reading and verifying files, migration, sealing and
//! signing, exports. The worker is a thin loop over [`run`]; the page only sends jobs
//! and renders outcomes, so its own module stays small. [`run`] is pure and tested
//! natively like the rest of the core.
//!
//! A file's bytes travel beside the job (the worker reads the picked `File` itself), so
//! the JSON of a job never carries file contents. [`Job::Progress`] takes two files, the
//! older first; every other job that reads a file takes one.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::core::answers::FileEvidence;
use crate::core::assessment::Assessment;
use crate::core::buyer::compare::{Detail, Summary};
use crate::core::buyer::profile::BuyerProfile;
use crate::core::buyer::profile_file;
use crate::core::buyer::progress::{self, Progress};
use crate::core::export::{self, ExportInput, Interop};
use crate::core::files::key_file::{self, KeyFile, NewKey};
use crate::core::files::untrusted::Kind;
use crate::core::files::{self, score_file, FileError};
use crate::core::open;
use crate::core::questionnaire::Questionnaire;
use crate::core::verify;

/// How many sample files a worker verifies when the compare page starts it.
///
/// Why: the browser runs a worker's module first as quickly compiled baseline code and
/// optimises a function only once it has run hot. Without this, the first hundred or so of
/// a buyer's files are verified at baseline speed (measured in headless Chromium: the first
/// 128 of 1,000 files took 343 ms instead of about 100 ms); verifying a sample while the
/// buyer is still picking files moves that cost before the import.
pub const WARM_UP_FILES: u32 = 40;

/// A downloadable made from the open assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Download {
    /// The sealed score file for buyers (signed when a key is given).
    ScoreFile,
    /// The answers file, to continue elsewhere.
    AnswersFile,
    /// The answers as CSV.
    AnswersCsv,
    /// A draft security.txt.
    SecurityTxt,
    /// A starter disclosure policy.
    DisclosurePolicy,
    /// An interoperable export of the answers, not sealed.
    Export(Interop),
}

/// One piece of work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// Verify and re-score a score file for the comparison (bytes beside the job).
    Verify,
    /// Verify a score file and send its whole content (bytes beside the job).
    Detail,
    /// Read an answers or score file to continue work on it (bytes beside the job).
    Open,
    /// Read a signing key file (bytes beside the job).
    OpenKey,
    /// Read a buyer profile file (bytes beside the job).
    OpenProfile,
    /// Record a local evidence file by name, size and SHA-256 (the worker streams it).
    Hash {
        /// The file's name.
        name: String,
    },
    /// Compare two score files of one vendor (bytes beside the job: the older, then the
    /// newer), each verified and migrated first.
    Progress,
    /// Make a signing key from 32 bytes of the browser's secure randomness.
    NewKey {
        /// The secret seed.
        seed: [u8; 32],
    },
    /// Export a score or answers file (bytes beside the job) as CycloneDX or OSCAL: a
    /// score file's export carries its digest, integrity and signature.
    ExportFile {
        /// Which format.
        format: Interop,
        /// Now, as the page's clock says (RFC 3339).
        now: String,
    },
    /// Verify and re-score `files` copies of a sample signed score file made here: the
    /// compare page gives this to each worker it starts, before any file is picked.
    WarmUp {
        /// How many times to verify the sample ([`WARM_UP_FILES`]).
        files: u32,
    },
    /// Make a download of an assessment.
    Make {
        /// Which one.
        download: Download,
        /// The assessment.
        assessment: Box<Assessment>,
        /// The signing key, for a signed score file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<KeyFile>,
        /// Now, as the page's clock says (RFC 3339): the sealing time and file dates.
        now: String,
    },
}

impl Job {
    /// The kind of file the job reads, as the untrusted loader knows it (its size limit is
    /// checked before the bytes are read), or `None` for a job that reads no file whole
    /// ([`Job::Hash`] streams any size; [`Job::NewKey`] and [`Job::Make`] read none).
    pub fn reads(&self) -> Option<&'static Kind> {
        match self {
            Job::Verify | Job::Detail | Job::Open | Job::Progress | Job::ExportFile { .. } => {
                Some(&score_file::KIND)
            }
            Job::OpenKey => Some(&key_file::KIND),
            Job::OpenProfile => Some(&profile_file::KIND),
            Job::Hash { .. } | Job::NewKey { .. } | Job::WarmUp { .. } | Job::Make { .. } => None,
        }
    }
}

/// A file made for download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Made {
    /// Its file name.
    pub name: String,
    /// Its media type.
    pub mime: String,
    /// Its content (every download is text).
    pub text: String,
    /// What the user should know about it (e.g. what a draft still lacks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A file opened to continue work on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    /// The assessment it holds (answers migrated to the current questionnaire).
    pub assessment: Assessment,
    /// What migration did, in one line, when the file answers an older version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration: Option<String>,
}

/// The result of a job: what it made, or why it could not.
///
/// On the wire ([`Outcome::to_wire`]) it is `{"Ok": <what was made>}` or
/// `{"Err": "<message>"}`: the page knows which kind it asked for and reads only that
/// ([`from_wire`]), so each page module carries a reader for its own results only.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// For [`Job::Verify`].
    Verified(Box<Summary>),
    /// For [`Job::Detail`].
    Detail(Box<Detail>),
    /// For [`Job::Open`].
    Opened(Box<Opened>),
    /// For [`Job::OpenKey`].
    Key(KeyFile),
    /// For [`Job::NewKey`]: the key and its file.
    NewKey(NewKey),
    /// For [`Job::OpenProfile`].
    Profile(Box<BuyerProfile>),
    /// For [`Job::Make`].
    Made(Made),
    /// For [`Job::Hash`].
    Hashed(FileEvidence),
    /// For [`Job::Progress`].
    Progress(Box<Progress>),
    /// For [`Job::WarmUp`]: how many of the sample's verifications succeeded.
    WarmedUp(u32),
    /// Any job that failed, with the message to show.
    Failed(String),
}

impl Outcome {
    /// The outcome as the worker sends it.
    pub fn to_wire(&self) -> String {
        fn ok<T: Serialize>(value: &T) -> String {
            serde_json::to_string(&Ok::<&T, ()>(value)).unwrap_or_default()
        }
        match self {
            Outcome::Verified(v) => ok(v),
            Outcome::Detail(v) => ok(v),
            Outcome::Opened(v) => ok(v),
            Outcome::Key(v) => ok(v),
            Outcome::NewKey(v) => ok(v),
            Outcome::Profile(v) => ok(v),
            Outcome::Made(v) => ok(v),
            Outcome::Hashed(v) => ok(v),
            Outcome::Progress(v) => ok(v),
            Outcome::WarmedUp(v) => ok(v),
            Outcome::Failed(message) => failure_wire(message),
        }
    }
}

/// A failure as the worker sends it: the wire is the JSON of a `Result<T, String>`.
pub fn failure(message: &str) -> Result<(), &str> {
    Err(message)
}

/// A failure's wire text, written without the serializers of every result type.
pub fn failure_wire(message: &str) -> String {
    serde_json::to_string(&failure(message)).unwrap_or_default()
}

/// An outcome as the page reads it, once decoded from its wire text by whatever JSON
/// reader the reading side has: the result, or the message to show.
pub fn read_outcome<T, E>(decoded: Result<Result<T, String>, E>) -> Result<T, String> {
    decoded.unwrap_or_else(|_| Err("the verifier sent an answer this page cannot read".into()))
}

/// Reads an outcome sent by the worker as the kind of result the caller asked for (the
/// page reads the same wire through the browser's JSON, `web::io::json`).
pub fn from_wire<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    read_outcome(serde_json::from_str::<Result<T, String>>(text))
}

fn failed(e: impl ToString) -> Outcome {
    Outcome::Failed(e.to_string())
}

/// Runs one job. `files` are the bytes of the files the job reads, in order (none for
/// the jobs that read none).
pub fn run(job: Job, files: &[&[u8]], q: &Questionnaire) -> Outcome {
    let needs_file = || {
        files
            .first()
            .copied()
            .ok_or_else(|| FileError::Malformed("no file was given".into()))
    };
    match job {
        Job::Verify => match needs_file().and_then(|b| verify::load_score(b, q)) {
            Ok(v) => Outcome::Verified(Box::new(Summary::of(&v))),
            Err(e) => failed(e),
        },
        Job::Detail => match needs_file().and_then(|b| verify::load_score(b, q)) {
            Ok(v) => Outcome::Detail(Box::new(Detail::of(&v))),
            Err(e) => failed(e),
        },
        Job::Open => match needs_file().and_then(|b| open::load(b, q)) {
            Ok(loaded) => Outcome::Opened(Box::new(Opened {
                migration: loaded.migration().map(|m| m.summary()),
                assessment: loaded.into_assessment(),
            })),
            Err(e) => failed(e),
        },
        Job::ExportFile { format, now } => match needs_file().and_then(|b| open::load(b, q)) {
            Ok(loaded) => export_file(format, &loaded, &now, q),
            Err(e) => failed(format!("The export was not made: {e}")),
        },
        Job::OpenKey => match needs_file().and_then(key_file::load) {
            Ok(key) => Outcome::Key(key),
            Err(e) => failed(e),
        },
        Job::OpenProfile => match needs_file() {
            Ok(b) => match profile_file::load_profile(b, q) {
                Ok(p) => Outcome::Profile(Box::new(p)),
                Err(e) => failed(e),
            },
            Err(e) => failed(e),
        },
        Job::Progress => match files {
            [older, newer] => compare_files(older, newer, q),
            _ => failed("two score files are needed, the older first"),
        },
        Job::NewKey { seed } => {
            let key = KeyFile::from_seed(seed);
            let file = key_file::to_json(&key);
            Outcome::NewKey(NewKey { key, file })
        }
        Job::WarmUp { files } => warm_up(files, q),
        Job::Hash { name } => match needs_file() {
            Ok(b) => Outcome::Hashed(FileEvidence::from_bytes(&name, b)),
            Err(e) => failed(e),
        },
        Job::Make {
            download,
            assessment,
            key,
            now,
        } => make(download, &assessment, key.as_ref(), &now, q),
    }
}

/// The sample [`Job::WarmUp`] verifies: a score file answering every question (best
/// answers, every third the worst), signed with a fixed key.
fn warm_up_sample(q: &Questionnaire) -> Result<Vec<u8>, String> {
    let mut assessment = Assessment::default();
    for (i, question) in q.questions().enumerate() {
        let value = if i % 3 == 0 {
            question.answer.worst()
        } else {
            question.answer.best()
        };
        assessment.answers.set_value(&question.id, Some(value));
    }
    assessment.profile.organisation = "Warm-up sample".into();
    let key = KeyFile::from_seed([7; 32])
        .signing_key()
        .map_err(|e| e.to_string())?;
    let sealed = score_file::seal(
        q,
        &assessment,
        "warm-up",
        "2026-01-01T00:00:00Z",
        Some(&key),
    );
    serde_json::to_vec(&sealed).map_err(|e| e.to_string())
}

/// Runs [`Job::Verify`] on the sample `files` times, each outcome serialised as the
/// worker sends it (that code must warm up too); counts the verifications that succeeded.
fn warm_up(files: u32, q: &Questionnaire) -> Outcome {
    let bytes = match warm_up_sample(q) {
        Ok(bytes) => bytes,
        Err(e) => return failed(e),
    };
    let verified = (0..files)
        .filter(|_| {
            let outcome = run(Job::Verify, &[&bytes], q);
            std::hint::black_box(outcome.to_wire());
            matches!(outcome, Outcome::Verified(_))
        })
        .count();
    Outcome::WarmedUp(u32::try_from(verified).unwrap_or(u32::MAX))
}

/// The progress between two score files, each read through the untrusted-input loader;
/// a refused file is named in the message.
fn compare_files(older: &[u8], newer: &[u8], q: &Questionnaire) -> Outcome {
    let load = |bytes: &[u8], which: &str| {
        verify::load_score(bytes, q).map_err(|e| format!("the {which} file is refused: {e}"))
    };
    let (older, newer) = match (load(older, "older"), load(newer, "newer")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Outcome::Failed(e),
    };
    match progress::progress(q, &older, &newer) {
        Ok(p) => Outcome::Progress(Box::new(p)),
        Err(e) => failed(e),
    }
}

/// What the page says of an export of the open assessment.
const UNSEALED_NOTE: &str = "Made from the answers open in this page, which are not sealed: \
     the export carries a digest of its content, but no score-file digest and no signature. \
     For an export tied to a sealed (and signed) score file, download the score file and \
     run `vendor-readiness export` on it.";

fn make(
    download: Download,
    assessment: &Assessment,
    key: Option<&KeyFile>,
    now: &str,
    q: &Questionnaire,
) -> Outcome {
    let Ok(when) = OffsetDateTime::parse(now, &Rfc3339) else {
        return failed(format!("the clock time {now:?} is not RFC 3339"));
    };
    let date = when.date().to_string();
    let stem = score_file::file_stem(&assessment.profile, &date);
    match download {
        Download::ScoreFile => {
            // Refuse to make a file the buyer's verifier would refuse.
            if let Err(e) =
                files::content::check_assessment(&assessment.profile, &assessment.answers, q)
            {
                return failed(format!(
                    "The score file was not made: {e}. Correct it and try again."
                ));
            }
            let signing = match key.map(KeyFile::signing_key).transpose() {
                Ok(k) => k,
                Err(e) => return failed(format!("The signing key cannot be used: {e}")),
            };
            let created = when
                .replace_nanosecond(0)
                .ok()
                .and_then(|t| t.format(&Rfc3339).ok())
                .unwrap_or_else(|| now.to_owned());
            let file = score_file::seal(
                q,
                assessment,
                crate::APP_VERSION,
                &created,
                signing.as_ref(),
            );
            Outcome::Made(Made {
                name: score_file::file_name(&assessment.profile, &date),
                mime: "application/json".into(),
                text: pretty(&file),
                notes: Vec::new(),
            })
        }
        Download::AnswersFile => Outcome::Made(Made {
            name: format!("{stem}.answers.json"),
            mime: "application/json".into(),
            text: pretty(&score_file::answers_file(q, assessment)),
            notes: Vec::new(),
        }),
        Download::AnswersCsv => Outcome::Made(Made {
            name: format!("{stem}.answers.csv"),
            mime: "text/csv".into(),
            text: export::answers_csv(q, assessment),
            notes: Vec::new(),
        }),
        Download::SecurityTxt => {
            let draft = export::security_txt(&assessment.profile, q, assessment, when);
            Outcome::Made(Made {
                name: "security.txt".into(),
                mime: "text/plain".into(),
                text: draft.text,
                notes: draft.warnings,
            })
        }
        Download::DisclosurePolicy => Outcome::Made(Made {
            name: "vulnerability-disclosure-policy.md".into(),
            mime: "text/markdown".into(),
            text: export::vdp_outline(&assessment.profile),
            notes: Vec::new(),
        }),
        Download::Export(format) => {
            // The rules every file obeys, as for the score file: an export says nothing
            // the loaders would refuse.
            if let Err(e) =
                files::content::check_assessment(&assessment.profile, &assessment.answers, q)
            {
                return failed(format!(
                    "The export was not made: {e}. Correct it and try again."
                ));
            }
            let input = ExportInput::from_assessment(q, assessment);
            Outcome::Made(Made {
                name: format!("{stem}.{}.json", format.suffix()),
                mime: "application/json".into(),
                text: pretty(&format.document(q, &input, when)),
                notes: vec![UNSEALED_NOTE.into()],
            })
        }
    }
}

/// Pretty JSON of the file types made here (plain data: they always serialize).
/// The export of an opened file, named after its vendor, product and date like every
/// download (never after the file's own name, which the file's sender chose).
fn export_file(format: Interop, loaded: &open::Loaded, now: &str, q: &Questionnaire) -> Outcome {
    let Ok(when) = OffsetDateTime::parse(now, &Rfc3339) else {
        return failed(format!("the clock time {now:?} is not RFC 3339"));
    };
    let input = ExportInput::from_loaded(q, loaded);
    let (date, notes) = match loaded {
        open::Loaded::Score(v) => {
            let date = v.content.created.get(..10).unwrap_or_default().to_owned();
            let mut notes = vec![format!(
                "Tied to the score file: its digest {} and its signature ({}) are in the export.",
                v.digest,
                v.signature.label()
            )];
            let problems = v.problems(Default::default());
            if !problems.is_empty() {
                let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
                notes.push(format!(
                    "The score file did not verify cleanly ({}); the export states it.",
                    said.join("; ")
                ));
            }
            (date, notes)
        }
        open::Loaded::Answers(_) => (when.date().to_string(), vec![ANSWERS_NOTE.to_owned()]),
    };
    Outcome::Made(Made {
        name: format!(
            "{}.{}.json",
            score_file::file_stem(&input.profile, &date),
            format.suffix()
        ),
        mime: "application/json".into(),
        text: pretty(&format.document(q, &input, when)),
        notes,
    })
}

const ANSWERS_NOTE: &str = "Made from an answers file, which is not sealed: the export \
     carries a digest of its content, but no score-file digest and no signature.";

fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::AnswerValue;

    fn q() -> &'static Questionnaire {
        Questionnaire::builtin()
    }

    fn assessment() -> Assessment {
        let mut a = Assessment::default();
        a.profile.organisation = "Acme Health IT".into();
        a.profile.products = "Acme EHR".into();
        a.answers
            .set_value("intake.channel", Some(AnswerValue::Choice("yes".into())));
        a
    }

    fn make_job(download: Download, key: Option<KeyFile>) -> Outcome {
        let job = Job::Make {
            download,
            assessment: Box::new(assessment()),
            key,
            now: "2026-11-29T10:11:12.345Z".into(),
        };
        // Jobs cross the worker boundary as JSON.
        let job: Job = serde_json::from_str(&serde_json::to_string(&job).unwrap()).unwrap();
        run(job, &[], q())
    }

    #[test]
    fn a_signed_score_file_made_in_a_worker_verifies_and_names_itself() {
        let key = KeyFile::from_seed([3; 32]);
        let Outcome::Made(made) = make_job(Download::ScoreFile, Some(key.clone())) else {
            panic!("not made")
        };
        assert_eq!(
            made.name,
            "acme-health-it-acme-ehr-2026-11-29.readiness.json"
        );
        let Outcome::Verified(summary) = run(Job::Verify, &[made.text.as_bytes()], q()) else {
            panic!("does not verify")
        };
        assert_eq!(summary.organisation, "Acme Health IT");
        assert_eq!(summary.created, "2026-11-29T10:11:12Z", "whole seconds");
        assert_eq!(
            summary.verification.signature.fingerprint(),
            Some(key.key_fingerprint.as_str())
        );
        let Outcome::Detail(v) = run(Job::Detail, &[made.text.as_bytes()], q()) else {
            panic!("no detail")
        };
        assert_eq!(
            v.answers.value("intake.channel"),
            Some(&AnswerValue::Choice("yes".into()))
        );
    }

    #[test]
    fn the_warm_up_sample_is_a_signed_intact_file_answering_every_question() {
        let bytes = warm_up_sample(q()).unwrap();
        let Outcome::Verified(summary) = run(Job::Verify, &[&bytes], q()) else {
            panic!("the sample does not verify")
        };
        assert!(matches!(
            summary.verification.signature,
            crate::core::integrity::SignatureState::Valid { .. }
        ));
        assert_eq!(
            summary.verification.integrity,
            crate::core::verify::IntegrityState::Intact
        );
        assert!(!summary.verification.edited);
        let v = verify::load_score(&bytes, q()).unwrap();
        assert!(q()
            .questions()
            .all(|question| v.content.answers.value(&question.id).is_some()));
        // The job travels as JSON and verifies the sample as often as asked.
        let job: Job = serde_json::from_str(r#"{"job":"warm_up","files":3}"#).unwrap();
        assert_eq!(run(job, &[], q()), Outcome::WarmedUp(3));
        assert_eq!(
            run(Job::WarmUp { files: 0 }, &[], q()),
            Outcome::WarmedUp(0)
        );
        assert_eq!(Outcome::WarmedUp(3).to_wire(), r#"{"Ok":3}"#);
    }

    #[test]
    fn every_download_is_made_and_an_answers_file_opens_again() {
        for (download, suffix) in [
            (Download::AnswersFile, ".answers.json"),
            (Download::AnswersCsv, ".answers.csv"),
            (Download::SecurityTxt, "security.txt"),
            (Download::DisclosurePolicy, ".md"),
        ] {
            let Outcome::Made(made) = make_job(download, None) else {
                panic!("{download:?} not made")
            };
            assert!(made.name.ends_with(suffix), "{}", made.name);
            assert!(!made.text.is_empty());
            if download == Download::AnswersFile {
                let Outcome::Opened(opened) = run(Job::Open, &[made.text.as_bytes()], q()) else {
                    panic!("does not open")
                };
                assert_eq!(opened.assessment, assessment());
                assert_eq!(opened.migration, None);
            }
            if download == Download::SecurityTxt {
                assert!(
                    !made.notes.is_empty(),
                    "a draft without a policy URL says so"
                );
            }
        }
    }

    #[test]
    fn bad_input_fails_with_a_message_and_never_panics() {
        assert!(
            matches!(run(Job::Verify, &[b"{ nope"], q()), Outcome::Failed(m) if m.starts_with("not a JSON file"))
        );
        assert!(matches!(run(Job::Verify, &[], q()), Outcome::Failed(m) if m.contains("no file")));
        assert!(
            matches!(run(Job::OpenKey, &[b"{}"], q()), Outcome::Failed(m) if m.contains("not a signing key file"))
        );
        let mut bad = assessment();
        bad.answers.entry_mut("intake.channel").notes = "a\u{202e}b".into();
        let job = Job::Make {
            download: Download::ScoreFile,
            assessment: Box::new(bad),
            key: None,
            now: "2026-11-29T10:00:00Z".into(),
        };
        assert!(
            matches!(run(job, &[], q()), Outcome::Failed(m) if m.starts_with("The score file was not made"))
        );
        let job = Job::Make {
            download: Download::AnswersCsv,
            assessment: Box::new(assessment()),
            key: None,
            now: "yesterday".into(),
        };
        assert!(matches!(run(job, &[], q()), Outcome::Failed(_)));
    }

    #[test]
    fn profiles_are_read_through_the_untrusted_loader() {
        let mut p = BuyerProfile::default();
        p.min_levels.insert("intake".into(), 2);
        let text = profile_file::to_json(&p);
        assert_eq!(
            run(Job::OpenProfile, &[text.as_bytes()], q()),
            Outcome::Profile(Box::new(p.clone()))
        );
        assert_eq!(profile_file::from_stored(&text, q()), Some(p));
        let dup = text.replacen("\"name\"", "\"name\": \"a\", \"name\"", 1);
        assert!(
            matches!(run(Job::OpenProfile, &[dup.as_bytes()], q()), Outcome::Failed(m) if m.contains("duplicate key"))
        );
    }

    #[test]
    fn each_job_names_the_kind_of_file_it_reads() {
        // The worker hands a job its file only when the job names a kind; a job that
        // needs a file and names none would always answer "no file was given".
        let reads = |job: Job| job.reads().map(|k| k.description);
        assert_eq!(
            reads(Job::OpenProfile),
            Some(profile_file::KIND.description)
        );
        assert_eq!(reads(Job::OpenKey), Some(key_file::KIND.description));
        let now = String::new();
        for job in [
            Job::Verify,
            Job::Detail,
            Job::Open,
            Job::Progress,
            Job::ExportFile {
                format: Interop::Oscal,
                now,
            },
        ] {
            assert_eq!(reads(job), Some(score_file::KIND.description));
        }
        assert_eq!(reads(Job::NewKey { seed: [0; 32] }), None);
        assert_eq!(reads(Job::Hash { name: "x".into() }), None);
    }

    #[test]
    fn keys_are_made_and_their_file_read_back() {
        let Outcome::NewKey(new) = run(Job::NewKey { seed: [5; 32] }, &[], q()) else {
            panic!()
        };
        assert_eq!(
            run(Job::OpenKey, &[new.file.as_bytes()], q()),
            Outcome::Key(new.key.clone())
        );
        let doc: serde_json::Value = serde_json::from_str(&new.file).unwrap();
        assert_eq!(doc["format"], key_file::KEY_FILE_FORMAT);
        assert_eq!(doc["format_version"], 1);
        assert_eq!(doc["key_fingerprint"], new.key.key_fingerprint.as_str());
        // A file from before format_version existed still loads.
        let bytes = serde_json::to_vec(&new.key).unwrap();
        assert_eq!(run(Job::OpenKey, &[&bytes], q()), Outcome::Key(new.key));
    }

    #[test]
    fn outcomes_cross_the_boundary_as_json() {
        let Outcome::Made(made) = make_job(Download::AnswersCsv, None) else {
            panic!()
        };
        let wire = Outcome::Made(made.clone()).to_wire();
        assert_eq!(from_wire::<Made>(&wire), Ok(made));
        let failed = Outcome::Failed("file is empty".into()).to_wire();
        assert_eq!(from_wire::<Made>(&failed), Err("file is empty".to_owned()));
        assert!(
            from_wire::<KeyFile>(&wire)
                .unwrap_err()
                .contains("cannot read"),
            "a result of another kind is refused"
        );
        assert!(from_wire::<Made>("not json").is_err());
    }
    #[test]
    fn both_exports_of_the_open_assessment_are_made_and_say_they_are_not_sealed() {
        let Outcome::Made(cdx) = make_job(Download::Export(Interop::Cyclonedx), None) else {
            panic!("no CycloneDX")
        };
        assert_eq!(cdx.name, "acme-health-it-acme-ehr-2026-11-29.cdxa.json");
        assert_eq!(cdx.mime, "application/json");
        let doc: serde_json::Value = serde_json::from_str(&cdx.text).unwrap();
        assert_eq!(doc["bomFormat"], "CycloneDX");
        assert_eq!(doc["specVersion"], "1.6");
        assert!(doc["declarations"]["attestations"].is_array());
        assert!(doc["definitions"]["standards"].is_array());
        assert_eq!(doc["metadata"]["timestamp"], "2026-11-29T10:11:12Z");
        assert!(cdx.notes[0].contains("not sealed"), "{:?}", cdx.notes);

        let Outcome::Made(oscal) = make_job(Download::Export(Interop::Oscal), None) else {
            panic!("no OSCAL")
        };
        assert_eq!(
            oscal.name,
            "acme-health-it-acme-ehr-2026-11-29.oscal-ar.json"
        );
        let doc: serde_json::Value = serde_json::from_str(&oscal.text).unwrap();
        let ar = &doc["assessment-results"];
        assert_eq!(ar["metadata"]["oscal-version"], "1.1.3");
        assert!(!ar["results"].as_array().unwrap().is_empty());
        assert!(oscal.notes[0].contains("no signature"));

        // The same content rules as the score file.
        let mut bad = assessment();
        bad.profile.organisation = "Acme\u{202e}".into();
        let job = Job::Make {
            download: Download::Export(Interop::Oscal),
            assessment: Box::new(bad),
            key: None,
            now: "2026-11-29T10:00:00Z".into(),
        };
        assert!(
            matches!(run(job, &[], q()), Outcome::Failed(m) if m.starts_with("The export was not made"))
        );
    }

    fn sealed(a: &Assessment, created: &str) -> Vec<u8> {
        serde_json::to_vec(&score_file::seal(q(), a, "test", created, None)).unwrap()
    }

    #[test]
    fn progress_compares_two_files_and_refuses_bad_pairs_and_bad_files() {
        let older = sealed(&assessment(), "2026-01-01T00:00:00Z");
        let mut later = assessment();
        later
            .answers
            .set_value("intake.channel", Some(AnswerValue::Choice("no".into())));
        let newer = sealed(&later, "2026-06-01T00:00:00Z");
        let Outcome::Progress(p) = run(Job::Progress, &[&older, &newer], q()) else {
            panic!("no progress")
        };
        assert_eq!(p.answers.len(), 1);
        assert_eq!(p.answers[0].question, "intake.channel");
        // It crosses the boundary as JSON.
        let wire = Outcome::Progress(p.clone()).to_wire();
        assert_eq!(from_wire::<Progress>(&wire), Ok(*p));

        let refused = |files: &[&[u8]]| match run(Job::Progress, files, q()) {
            Outcome::Failed(m) => m,
            other => panic!("{other:?}"),
        };
        assert!(refused(&[&newer, &older]).contains("give the older file first"));
        let mut other = assessment();
        other.profile.organisation = "Other Corp".into();
        let other = sealed(&other, "2026-06-01T00:00:00Z");
        assert!(refused(&[&older, &other]).contains("not of the same vendor and product"));
        let m = refused(&[&older, b"{ nope".as_slice()]);
        assert!(
            m.starts_with("the newer file is refused: not a JSON file"),
            "{m}"
        );
        assert!(refused(&[&older]).contains("two score files"));
    }
}
