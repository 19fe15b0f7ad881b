//! The pure core: everything that decides something. No browser, no clock, no files: it
//! is tested natively in milliseconds and serves the web shell, the worker and the CLI.
//!
//! | module | holds |
//! |---|---|
//! | [`questionnaire`] | the questionnaire model, its data rules, migration between versions |
//! | [`answers`], [`assessment`], [`workbook`] | what a vendor records, and the edits to it |
//! | [`scoring`] | question status, cumulative levels, gates, the overall score |
//! | [`text`] | the text rules every file obeys, and escaping for messages |
//! | [`files`] | the untrusted-input loader and each file format (score, answers, key, profile) |
//! | [`integrity`] | RFC 8785 canonical JSON, SHA-256, Ed25519 |
//! | [`open`] | opening a score file (verified) or an answers file |
//! | [`verify`] | verification of a score file and every problem it can have, in one wording |
//! | [`buyer`] | the buyer's profile, verdicts, comparison, session reducer and import queue |
//! | [`evidence`] | the buyer's check of evidence files against a score file's hashes |
//! | [`vendor`] | the vendor's session reducer (what the questionnaire pages show and save) |
//! | [`export`] | CSV, security.txt, disclosure policy and report texts; CycloneDX and OSCAL |
//! | [`examples`] | example lists of every message kind, complete by construction |
//! | [`jobs`] | the work a Web Worker does for the page, as plain data |
//! | [`route`] | the app's pages and their URL fragments |

pub mod answers;
pub mod assessment;
pub mod buyer;
pub mod evidence;
pub mod examples;
pub mod export;
pub mod files;
pub mod integrity;
pub mod jobs;
pub mod open;
pub mod questionnaire;
pub mod route;
pub mod scoring;
pub mod text;
pub mod vendor;
pub mod verify;
pub mod workbook;
