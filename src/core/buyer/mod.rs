//! The buyer's side: the minimum profile ([`profile`]), verdicts and comparison
//! ([`compare`]), the import queue ([`import`]), the buyer's session reducer
//! ([`session`]) and its evidence check ([`evidence_check`]).

pub mod compare;
pub mod evidence_check;
pub mod import;
pub mod profile;
pub mod profile_file;
pub mod progress;
pub mod session;
