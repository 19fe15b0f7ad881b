//! The files the app and the CLI read and write. Every file read goes through
//! [`untrusted`] first (limits before parsing, duplicate keys, depth, format and version);
//! each format then declares only its types and its own checks:
//! [`score_file`] (score and answers files), [`key_file`]; the buyer profile's file is
//! [`crate::core::buyer::profile_file`].
//! Verifying a score file is [`crate::core::verify`]; opening either kind of vendor file
//! is [`crate::core::open`].

pub mod content;
pub mod error;
pub mod key_file;
pub mod score_file;
pub mod untrusted;

pub use error::FileError;
