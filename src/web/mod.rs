//! The Yew shell (wasm32 only): the root [`app`] and the buyer's [`buyer_app`] (with the
//! runner of its effects, [`buyer_effects`]), hash [`routes`], the hooks that wrap the
//! core reducers ([`state`]), [`pages`], reusable [`components`], and browser adapters
//! ([`io`]). Nothing here decides anything; every rule is in [`crate::core`].

pub mod app;
pub mod buyer_app;
pub mod buyer_effects;
pub mod components;
pub mod io;
pub mod pages;
pub mod routes;
pub mod state;
pub mod worker;
