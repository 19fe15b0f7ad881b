//! The buyer's side: the minimum profile ([`profile`]), verdicts and comparison
//! ([`compare`]), the import queue ([`import`]) and the buyer's session reducer
//! ([`session`]).

pub mod compare;
pub mod import;
pub mod profile;
pub mod session;
