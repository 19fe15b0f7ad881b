//! The shell's state: the core's reducers wrapped for Yew. A [`Store`] holds a core model
//! and the effects its updates returned; the root component runs those effects
//! (saving, timers, workers). Components read the model through [`use_app`] or
//! [`use_buyer`] and dispatch core actions; none of them decides anything.

use std::cell::RefCell;
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

/// A model, the effects its updates returned that the shell has not run yet, and a
/// counter that changes with every update so effect hooks run after each render.
pub struct Store<M: Model> {
    /// The core model.
    pub model: M,
    /// Effects not yet run, shared by every version of the store. Yew may apply several
    /// actions before it renders once (and so before the effect hook runs once): each
    /// update appends, and [`Store::take_effects`] hands them all over, in order, so none
    /// is lost (a lost save would leave the session waiting for it for good).
    outbox: Rc<RefCell<Vec<M::Effect>>>,
    /// Counts updates.
    pub version: u64,
}

impl<M: Model> Clone for Store<M> {
    fn clone(&self) -> Self {
        Store {
            model: self.model.clone(),
            outbox: Rc::clone(&self.outbox),
            version: self.version,
        }
    }
}

// The outbox is the same for every version of a store: what tells two versions apart is
// the model and the counter.
impl<M: Model> PartialEq for Store<M> {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && self.model == other.model
    }
}

impl<M: Model> Store<M> {
    /// A store over a model.
    pub fn new(model: M) -> Self {
        Store {
            model,
            outbox: Rc::default(),
            version: 0,
        }
    }

    /// Every effect returned since the last call, oldest first; the caller runs them.
    pub fn take_effects(&self) -> Vec<M::Effect> {
        std::mem::take(&mut *self.outbox.borrow_mut())
    }
}

impl<M: Model> Reducible for Store<M> {
    type Action = M::Action;
    fn reduce(self: Rc<Self>, action: M::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let effects = next.model.update(action);
        next.outbox.borrow_mut().extend(effects);
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
