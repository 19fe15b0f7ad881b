//! The shell's state: the core's reducers wrapped for Yew. A [`Store`] holds a core model
//! and the effects its last update returned; the root component runs those effects
//! (saving, timers, workers). Components read the model through [`use_app`] or
//! [`use_buyer`] and dispatch core actions; none of them decides anything.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::buyer::session::{BuyerChange, BuyerEffect, BuyerSession};
use crate::core::vendor::{VendorAction, VendorEffect, VendorSession};

/// A core model the shell can drive: plain Rust, updated by actions, returning effects.
pub trait Model: Clone + PartialEq + 'static {
    /// What the user or the shell reports.
    type Action;
    /// What the shell must do afterwards.
    type Effect: Clone + PartialEq + 'static;
    /// Applies one action.
    fn update(&mut self, action: Self::Action) -> Vec<Self::Effect>;
}

impl Model for VendorSession {
    type Action = VendorAction;
    type Effect = VendorEffect;
    fn update(&mut self, action: VendorAction) -> Vec<VendorEffect> {
        VendorSession::update(self, action)
    }
}

impl Model for BuyerSession {
    type Action = BuyerChange;
    type Effect = BuyerEffect;
    fn update(&mut self, action: BuyerChange) -> Vec<BuyerEffect> {
        BuyerSession::update(self, action)
    }
}

/// A model, the effects of its last update, and a counter that changes with every
/// update so effect hooks run once per update.
#[derive(Clone, PartialEq)]
pub struct Store<M: Model> {
    /// The core model.
    pub model: M,
    /// Effects the last update returned, not yet run.
    pub effects: Rc<Vec<M::Effect>>,
    /// Counts updates.
    pub version: u64,
}

impl<M: Model> Store<M> {
    /// A store over a model.
    pub fn new(model: M) -> Self {
        Store {
            model,
            effects: Rc::default(),
            version: 0,
        }
    }
}

impl<M: Model> Reducible for Store<M> {
    type Action = M::Action;
    fn reduce(self: Rc<Self>, action: M::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.effects = Rc::new(next.model.update(action));
        next.version += 1;
        Rc::new(next)
    }
}

impl<M: Model> std::ops::Deref for Store<M> {
    type Target = M;
    fn deref(&self) -> &M {
        &self.model
    }
}

/// The vendor's store handle.
pub type AppContext = UseReducerHandle<Store<VendorSession>>;

/// The vendor's session from the nearest provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside the vendor provider")
}

/// The buyer's store handle.
pub type BuyerContext = UseReducerHandle<Store<BuyerSession>>;

/// The buyer's session from the nearest provider.
#[hook]
pub fn use_buyer() -> BuyerContext {
    use_context::<BuyerContext>().expect("buyer components are rendered inside the buyer provider")
}
