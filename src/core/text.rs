//! Text rules.
