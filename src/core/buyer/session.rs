//! The buyer's working set as plain Rust: imported files (verified once), the buyer's
//! profile, the table view, the open vendor, the import queue, each vendor's evidence
//! check and the progress between two selected files of one vendor. The compare page is a
//! thin view over [`BuyerSession::update`], which returns the effects the shell must run
//! ([`BuyerEffect`]): everything that decides something is here and tested natively.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use time::OffsetDateTime;

use super::compare::{self, Entry, SortKey, Summary, VendorRow};
use super::evidence_check::{CheckChange, EvidenceCheck};
use super::import::ImportQueue;
use super::profile::{BuyerProfile, ProfileEdit, ProfileField};
use crate::core::buyer::progress::{self, Progress, Subject};
use crate::core::questionnaire::Questionnaire;
use crate::core::text;
use crate::core::verify::{self, VerifiedScore};

use super::compare::Detail;

/// One imported file: verified, or why it was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// Loaded and verified (it may still be flagged).
    Loaded {
        /// Safe file name (unique within the session).
        file_name: String,
        /// Its queue number, when it came through the queue (so the page can find the
        /// file again to show its answers).
        seq: Option<u64>,
        /// What the comparison needs (shared: UI states copy pointers, not data).
        summary: Rc<Summary>,
    },
    /// Refused, with the message shown on its own line.
    Refused {
        /// Safe file name.
        file_name: String,
        /// Why.
        error: String,
    },
}

impl Imported {
    /// The file's (unique, safe) name.
    pub fn file_name(&self) -> &str {
        match self {
            Imported::Loaded { file_name, .. } | Imported::Refused { file_name, .. } => file_name,
        }
    }
}

/// A file verified somewhere (this thread, a worker): its summary and, when at hand, the
/// whole verified content for the detail and difference views.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// What the comparison needs.
    pub summary: Summary,
    /// The whole verified file, if the verifier sent it.
    pub detail: Option<Rc<Detail>>,
}

impl Checked {
    /// A file verified here, with its detail.
    pub fn of(v: VerifiedScore) -> Checked {
        Checked {
            summary: Summary::of(&v),
            detail: Some(Rc::new(Detail::of(&v))),
        }
    }

    /// Verifies a file's bytes on this thread: the change that imports it with its
    /// detail. (The page verifies in workers instead, through the queue.)
    pub fn verify(file_name: &str, bytes: &[u8], q: &Questionnaire) -> BuyerChange {
        BuyerChange::Checked {
            file_name: file_name.to_owned(),
            result: verify::load_score(bytes, q)
                .map(|v| Box::new(Checked::of(v)))
                .map_err(|e| e.to_string()),
        }
    }
}

/// A change the buyer (or the shell, on the buyer's behalf) makes.
#[derive(Debug, Clone, PartialEq)]
pub enum BuyerChange {
    /// Files were picked: queue them for verification. Their queue numbers are
    /// `queue.issued()` before, onwards, in the order given.
    Enqueue(usize),
    /// A queued file was verified (or refused, or could not be read).
    Verified {
        /// Its queue number.
        seq: u64,
        /// Name as picked.
        file_name: String,
        /// The checked file, or the refusal message.
        result: Result<Box<Checked>, String>,
    },
    /// Several changes at once (one render for a batch of imported files).
    Batch(Vec<BuyerChange>),
    /// A file verified outside the queue (the CLI, a test), kept with its detail.
    Checked {
        /// Name as picked.
        file_name: String,
        /// The checked file, or the refusal message.
        result: Result<Box<Checked>, String>,
    },
    /// Replace the profile (from a profile file, or the stored one).
    Profile(BuyerProfile),
    /// One edit in the profile form; refused edits leave a message next to the field.
    EditProfile(ProfileEdit),
    /// Pin the key of an organisation to the fingerprint its file carries.
    PinKey {
        /// Organisation as written in the file.
        organisation: String,
        /// Fingerprint to pin.
        fingerprint: String,
    },
    /// Sort by a column; the same column again flips the direction.
    Sort(SortKey),
    /// Show only vendors whose organisation or product contains this text.
    Filter(String),
    /// Show only vendors that fail the profile.
    OnlyFailing(bool),
    /// Select or unselect a vendor for the radar overlay and the difference view.
    Toggle(String),
    /// Show one vendor's answers (or none).
    Open(Option<String>),
    /// The whole content of a file the page asked for ([`BuyerEffect::LoadDetail`]).
    DetailLoaded {
        /// The file.
        file_name: String,
        /// Its verified content, or why it could not be had.
        result: Result<Rc<Detail>, String>,
    },
    /// A change to the evidence check of one vendor's file.
    Evidence {
        /// The vendor's file.
        file_name: String,
        /// The change.
        change: CheckChange,
    },
    /// The progress between two files the page asked for ([`BuyerEffect::LoadProgress`]);
    /// kept only while both files are still the ones asked about.
    ProgressLoaded {
        /// The files.
        pair: FilePair,
        /// What changed, or why it could not be had.
        result: Result<Rc<Progress>, String>,
    },
    /// Forget every imported file.
    Clear,
}

/// What the shell must do after a change.
#[derive(Debug, Clone, PartialEq)]
pub enum BuyerEffect {
    /// Store the profile in the browser.
    SaveProfile,
    /// Fetch the whole verified content of a file (for the detail or difference view)
    /// and report it with [`BuyerChange::DetailLoaded`].
    LoadDetail {
        /// The file, as the session names it.
        file_name: String,
        /// Its queue number.
        seq: u64,
    },
    /// Compare two files of one vendor (both verified again, in a worker) and report
    /// the result with [`BuyerChange::ProgressLoaded`].
    LoadProgress(FilePair),
}

/// Two files to compare for progress, older first, with their queue numbers (never
/// reused, so a late result is not taken for files imported since under the same names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePair {
    /// The older file, as the session names it.
    pub older: String,
    /// Its queue number.
    pub older_seq: u64,
    /// The newer file.
    pub newer: String,
    /// Its queue number.
    pub newer_seq: u64,
}

/// Where the progress between the two selected files stands.
#[derive(Debug, Clone, PartialEq)]
pub enum PairState {
    /// They cannot be compared for progress: the core's message.
    Refused(String),
    /// The worker is comparing them.
    Loading,
    /// What changed.
    Loaded(Rc<Progress>),
    /// The comparison could not be made, and why.
    Failed(String),
}

/// The two selected files, in the order they are compared (older first).
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressPair {
    /// The older file (created first).
    pub older: String,
    /// The newer file.
    pub newer: String,
    /// Where the comparison stands.
    pub state: PairState,
}

/// Imported files, the profile, the table view and the import queue.
#[derive(Debug, Clone, PartialEq)]
pub struct BuyerSession {
    /// The buyer's minimum bar.
    pub profile: BuyerProfile,
    /// The last profile edit refused, with the field it belongs to and why.
    pub profile_problem: Option<(ProfileField, String)>,
    /// Every file imported, in import order.
    pub files: Vec<Imported>,
    /// One row per loaded file, kept in step with `files` and `profile`. Shared, so a
    /// copy of the session for the next UI state costs pointers, not data.
    pub rows: Vec<Rc<VendorRow>>,
    /// Whole verified files at hand, by file name.
    pub details: BTreeMap<String, Rc<Detail>>,
    /// Files whose detail could not be had, and why.
    pub detail_errors: BTreeMap<String, String>,
    /// Each vendor file's evidence check (the evidence files dropped on its answers).
    pub evidence: BTreeMap<String, EvidenceCheck>,
    /// Progress between pairs of files, by (older, newer) file name.
    pub progress: BTreeMap<(String, String), Result<Rc<Progress>, String>>,
    /// Sort column.
    pub sort: SortKey,
    /// Sort direction.
    pub descending: bool,
    /// Filter text.
    pub filter: String,
    /// Only failing vendors.
    pub only_failing: bool,
    /// Selected file names.
    pub selected: BTreeSet<String>,
    /// The vendor whose answers are shown.
    pub open: Option<String>,
    /// Files picked and their verification progress.
    pub queue: ImportQueue,
    /// The time ages are measured from.
    pub now: OffsetDateTime,
}

impl BuyerSession {
    /// An empty session.
    pub fn new(profile: BuyerProfile, now: OffsetDateTime) -> Self {
        BuyerSession {
            profile,
            profile_problem: None,
            files: Vec::new(),
            rows: Vec::new(),
            details: BTreeMap::new(),
            detail_errors: BTreeMap::new(),
            evidence: BTreeMap::new(),
            progress: BTreeMap::new(),
            sort: SortKey::Name,
            descending: false,
            filter: String::new(),
            only_failing: false,
            selected: BTreeSet::new(),
            open: None,
            queue: ImportQueue::default(),
            now,
        }
    }

    /// The file's safe name, numbered ` (2)`, ` (3)`… when the session has it already.
    fn unique_name(&self, name: &str) -> String {
        let taken = |n: &str| self.files.iter().any(|f| f.file_name() == n);
        let base = text::safe_name(name);
        let mut candidate = base.clone();
        // Ends: there are fewer files than numbers.
        let mut i: u64 = 1;
        while taken(&candidate) {
            i += 1;
            candidate = format!("{base} ({i})");
        }
        candidate
    }

    fn row(&self, file_name: &str, summary: &Summary) -> Rc<VendorRow> {
        Rc::new(compare::evaluate(
            file_name,
            summary,
            &self.profile,
            Questionnaire::builtin(),
            self.now,
        ))
    }

    fn rebuild_rows(&mut self) {
        self.rows = self
            .files
            .iter()
            .filter_map(|f| match f {
                Imported::Loaded {
                    file_name, summary, ..
                } => Some(self.row(file_name, summary)),
                Imported::Refused { .. } => None,
            })
            .collect();
    }

    fn record(&mut self, seq: Option<u64>, file_name: &str, result: Result<Box<Checked>, String>) {
        let file_name = self.unique_name(file_name);
        match result {
            Ok(checked) => {
                let Checked { summary, detail } = *checked;
                self.rows.push(self.row(&file_name, &summary));
                if let Some(detail) = detail {
                    self.details.insert(file_name.clone(), detail);
                }
                self.files.push(Imported::Loaded {
                    file_name,
                    seq,
                    summary: Rc::new(summary),
                });
            }
            Err(error) => self.files.push(Imported::Refused { file_name, error }),
        }
    }

    /// Applies one change and returns what the shell must do.
    pub fn update(&mut self, change: BuyerChange) -> Vec<BuyerEffect> {
        let q = Questionnaire::builtin();
        let mut effects = Vec::new();
        match change {
            BuyerChange::Enqueue(count) => self.queue.enqueue(count),
            BuyerChange::Checked { file_name, result } => self.record(None, &file_name, result),
            BuyerChange::Verified {
                seq,
                file_name,
                result,
            } => {
                if self.queue.finish(seq) {
                    self.record(Some(seq), &file_name, result);
                }
            }
            BuyerChange::Batch(changes) => {
                for c in changes {
                    effects.extend(self.update(c));
                }
            }
            BuyerChange::Profile(profile) => {
                self.profile = profile;
                self.profile_problem = None;
                self.rebuild_rows();
                effects.push(BuyerEffect::SaveProfile);
            }
            BuyerChange::EditProfile(edit) => {
                let field = edit.field();
                match self.profile.edited(edit, q) {
                    Ok(profile) => {
                        self.profile = profile;
                        self.profile_problem = None;
                        self.rebuild_rows();
                        effects.push(BuyerEffect::SaveProfile);
                    }
                    Err(e) => self.profile_problem = Some((field, e.to_string())),
                }
            }
            BuyerChange::PinKey {
                organisation,
                fingerprint,
            } => {
                self.profile.pin(organisation, fingerprint);
                self.rebuild_rows();
                effects.push(BuyerEffect::SaveProfile);
            }
            BuyerChange::Sort(key) => {
                self.descending = key == self.sort && !self.descending;
                self.sort = key;
            }
            BuyerChange::Filter(text) => self.filter = text,
            BuyerChange::OnlyFailing(on) => self.only_failing = on,
            BuyerChange::Toggle(name) => {
                if !self.selected.remove(&name) {
                    self.selected.insert(name.clone());
                    effects.extend(self.need_detail(&name));
                    effects.extend(self.need_progress());
                }
            }
            BuyerChange::Open(name) => {
                if let Some(name) = &name {
                    effects.extend(self.need_detail(name));
                }
                self.open = name;
            }
            BuyerChange::DetailLoaded { file_name, result } => match result {
                Ok(v) => {
                    self.detail_errors.remove(&file_name);
                    self.details.insert(file_name, v);
                }
                Err(e) => {
                    self.detail_errors.insert(file_name, e);
                }
            },
            BuyerChange::Evidence { file_name, change } => {
                if self.row_of(&file_name).is_some() {
                    self.evidence.entry(file_name).or_default().update(change);
                }
            }
            BuyerChange::ProgressLoaded { pair, result } => {
                let current = self.seq_of(&pair.older) == Some(pair.older_seq)
                    && self.seq_of(&pair.newer) == Some(pair.newer_seq);
                if current {
                    self.progress.insert((pair.older, pair.newer), result);
                }
            }
            BuyerChange::Clear => {
                self.files.clear();
                self.rows.clear();
                self.details.clear();
                self.detail_errors.clear();
                self.evidence.clear();
                self.progress.clear();
                self.selected.clear();
                self.open = None;
                self.queue.clear();
            }
        }
        effects
    }

    /// The queue number of a loaded file (none for a file verified outside the queue).
    fn seq_of(&self, name: &str) -> Option<u64> {
        self.files.iter().find_map(|f| match f {
            Imported::Loaded { file_name, seq, .. } if file_name == name => *seq,
            _ => None,
        })
    }

    fn need_detail(&self, name: &str) -> Option<BuyerEffect> {
        if self.details.contains_key(name) {
            return None;
        }
        self.seq_of(name).map(|seq| BuyerEffect::LoadDetail {
            file_name: name.to_owned(),
            seq,
        })
    }

    /// Asks for the progress of the selected pair when it may be compared and is not
    /// at hand yet.
    fn need_progress(&mut self) -> Option<BuyerEffect> {
        let pair = self.progress_pair()?;
        if pair.state != PairState::Loading {
            return None;
        }
        match (self.seq_of(&pair.older), self.seq_of(&pair.newer)) {
            (Some(older_seq), Some(newer_seq)) => Some(BuyerEffect::LoadProgress(FilePair {
                older: pair.older,
                older_seq,
                newer: pair.newer,
                newer_seq,
            })),
            _ => {
                let gone = "the files are no longer available; import them again";
                self.progress
                    .insert((pair.older, pair.newer), Err(gone.into()));
                None
            }
        }
    }

    /// The two selected files as a vendor's progress, when exactly two are selected:
    /// older first (by creation time), refused with the core's message when they are
    /// not of the same vendor and product.
    pub fn progress_pair(&self) -> Option<ProgressPair> {
        let selected = self.selected_rows();
        let [a, b] = selected.as_slice() else {
            return None;
        };
        let (sa, sb) = (
            Subject::of_summary(&a.summary),
            Subject::of_summary(&b.summary),
        );
        let (older, newer, so, sn) = if progress::comes_first(&sa, &sb) {
            (a, b, sa, sb)
        } else {
            (b, a, sb, sa)
        };
        let key = (older.file_name.clone(), newer.file_name.clone());
        let state = match progress::check_pair(&so, &sn) {
            Err(e) => PairState::Refused(e.to_string()),
            Ok(_) => match self.progress.get(&key) {
                None => PairState::Loading,
                Some(Ok(p)) => PairState::Loaded(p.clone()),
                Some(Err(e)) => PairState::Failed(e.clone()),
            },
        };
        let (older, newer) = key;
        Some(ProgressPair {
            older,
            newer,
            state,
        })
    }

    /// The rows to show, filtered and sorted.
    pub fn visible_rows(&self) -> Vec<&Rc<VendorRow>> {
        let mut rows = compare::filter_rows(&self.rows, &self.filter, self.only_failing);
        rows.sort_by(|a, b| compare::compare_rows(a, b, &self.sort, self.descending));
        rows
    }

    /// The selected rows, in import order.
    pub fn selected_rows(&self) -> Vec<&VendorRow> {
        self.rows
            .iter()
            .filter(|r| self.selected.contains(&r.file_name))
            .map(|r| &**r)
            .collect()
    }

    /// The row of a file.
    pub fn row_of(&self, file_name: &str) -> Option<&VendorRow> {
        self.rows
            .iter()
            .find(|r| r.file_name == file_name)
            .map(|r| &**r)
    }

    /// Files refused, with their messages.
    pub fn refused(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|f| match f {
            Imported::Refused { file_name, error } => Some((file_name.as_str(), error.as_str())),
            Imported::Loaded { .. } => None,
        })
    }

    /// Every file in import order, as the comparison CSV lists them.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let mut rows = self.rows.iter();
        self.files
            .iter()
            .filter_map(|f| match f {
                Imported::Loaded { .. } => rows.next().map(|r| Entry::Row(r)),
                Imported::Refused { file_name, error } => Some(Entry::Refused { file_name, error }),
            })
            .collect()
    }

    /// The comparison as CSV, refused files included ([`compare::comparison_csv`]).
    pub fn comparison_csv(&self) -> String {
        compare::comparison_csv(&self.entries(), Questionnaire::builtin())
    }

    /// How many rows pass the profile.
    pub fn passing(&self) -> usize {
        self.rows.iter().filter(|r| r.verdict.pass).count()
    }
}
