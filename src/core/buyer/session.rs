//! The buyer's working set: imported score files (verified and re-scored once), the
//! buyer's profile, and how the comparison table is sorted, filtered and selected.
//! The browser's compare page is a thin view over [`BuyerSession::update`].

use std::collections::BTreeSet;
use std::rc::Rc;

use time::OffsetDateTime;

use crate::core::buyer::compare::{self, SortKey, VendorRow};
use crate::core::buyer::profile::BuyerProfile;
use crate::core::files::score_file::VerifiedScore;
use crate::core::questionnaire::Questionnaire;

/// One imported file: verified content, or why it was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// Loaded and verified (it may still be flagged).
    Loaded {
        /// Safe file name (unique within the session).
        file_name: String,
        /// Verification and re-score (shared: the UI keeps old states while it renders).
        verified: Rc<VerifiedScore>,
    },
    /// Refused, with the message shown on its own line.
    Refused {
        /// Safe file name.
        file_name: String,
        /// Why.
        error: String,
    },
}

/// A change the buyer makes.
#[derive(Debug, Clone, PartialEq)]
pub enum BuyerChange {
    /// Import one file.
    Add {
        /// Name as picked.
        file_name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A file already verified (the browser verifies outside the reducer so it can
    /// yield between files), or why it was refused.
    Verified {
        /// Name as picked.
        file_name: String,
        /// The verified file, or the refusal message.
        result: Result<Box<VerifiedScore>, String>,
    },
    /// A file that could not even be read (too large, unreadable).
    Unreadable {
        /// Name as picked.
        file_name: String,
        /// Why.
        error: String,
    },
    /// Replace the profile (verdicts are recomputed).
    Profile(BuyerProfile),
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
    /// Forget every imported file.
    Clear,
}

/// Imported files, the profile, and the table view.
#[derive(Debug, Clone, PartialEq)]
pub struct BuyerSession {
    /// The buyer's minimum bar.
    pub profile: BuyerProfile,
    /// Every file imported, in import order.
    pub files: Vec<Imported>,
    /// One row per loaded file, kept in step with `files` and `profile`. Shared, so a
    /// copy of the session for the next UI state costs pointers, not data.
    pub rows: Vec<Rc<VendorRow>>,
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
    /// The time ages are measured from.
    pub now: OffsetDateTime,
}

impl BuyerSession {
    /// An empty session.
    pub fn new(profile: BuyerProfile, now: OffsetDateTime) -> Self {
        BuyerSession {
            profile,
            files: Vec::new(),
            rows: Vec::new(),
            sort: SortKey::Name,
            descending: false,
            filter: String::new(),
            only_failing: false,
            selected: BTreeSet::new(),
            now,
        }
    }

    fn unique_name(&self, name: &str) -> String {
        let taken = |n: &str| {
            self.files.iter().any(|f| match f {
                Imported::Loaded { file_name, .. } | Imported::Refused { file_name, .. } => {
                    file_name == n
                }
            })
        };
        let base = compare::safe_name(name);
        (1..)
            .map(|i| {
                if i == 1 {
                    base.clone()
                } else {
                    format!("{base} ({i})")
                }
            })
            .find(|n| !taken(n))
            .expect("an unused name exists")
    }

    fn rebuild_rows(&mut self) {
        let q = Questionnaire::builtin();
        self.rows = self
            .files
            .iter()
            .filter_map(|f| match f {
                Imported::Loaded {
                    file_name,
                    verified,
                } => Some(Rc::new(compare::evaluate(
                    file_name,
                    verified,
                    &self.profile,
                    q,
                    self.now,
                ))),
                Imported::Refused { .. } => None,
            })
            .collect();
    }

    /// Applies one change.
    pub fn update(&mut self, change: BuyerChange) {
        let q = Questionnaire::builtin();
        match change {
            BuyerChange::Add { file_name, bytes } => {
                let result = compare::load_score(&bytes, q)
                    .map(Box::new)
                    .map_err(|e| e.to_string());
                self.update(BuyerChange::Verified { file_name, result });
            }
            BuyerChange::Verified { file_name, result } => {
                let file_name = self.unique_name(&file_name);
                match result {
                    Ok(verified) => {
                        let verified = Rc::new(*verified);
                        self.rows.push(Rc::new(compare::evaluate(
                            &file_name,
                            &verified,
                            &self.profile,
                            q,
                            self.now,
                        )));
                        self.files.push(Imported::Loaded {
                            file_name,
                            verified,
                        });
                    }
                    Err(error) => self.files.push(Imported::Refused { file_name, error }),
                }
            }
            BuyerChange::Unreadable { file_name, error } => {
                let file_name = self.unique_name(&file_name);
                self.files.push(Imported::Refused { file_name, error });
            }
            BuyerChange::Profile(profile) => {
                self.profile = profile;
                self.rebuild_rows();
            }
            BuyerChange::PinKey {
                organisation,
                fingerprint,
            } => {
                // One pin per organisation, however its name is spaced or cased.
                let key = crate::core::buyer::profile::organisation_key(&organisation);
                self.profile
                    .pinned_keys
                    .retain(|org, _| crate::core::buyer::profile::organisation_key(org) != key);
                self.profile.pinned_keys.insert(organisation, fingerprint);
                self.rebuild_rows();
            }
            BuyerChange::Sort(key) => {
                self.descending = key == self.sort && !self.descending;
                self.sort = key;
            }
            BuyerChange::Filter(text) => self.filter = text,
            BuyerChange::OnlyFailing(on) => self.only_failing = on,
            BuyerChange::Toggle(name) => {
                if !self.selected.remove(&name) {
                    self.selected.insert(name);
                }
            }
            BuyerChange::Clear => {
                self.files.clear();
                self.rows.clear();
                self.selected.clear();
            }
        }
    }

    /// The rows to show, filtered and sorted.
    pub fn visible_rows(&self) -> Vec<&VendorRow> {
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

    /// Files refused, with their messages.
    pub fn refused(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|f| match f {
            Imported::Refused { file_name, error } => Some((file_name.as_str(), error.as_str())),
            Imported::Loaded { .. } => None,
        })
    }
}
