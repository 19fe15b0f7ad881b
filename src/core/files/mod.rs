//! The files the app and the CLI read and write. Every file read goes through
//! [`untrusted`] first (limits before parsing, duplicate keys, depth, format and version);
//! each format then declares only its types and its own checks.

pub mod score_file;
