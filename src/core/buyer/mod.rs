//! The buyer's side: the minimum profile ([`profile`]), verdicts and comparison
//! ([`compare`]), and the buyer's session reducer ([`session`]).

pub mod compare;
pub mod profile;
pub mod session;
