//! Example lists that cannot miss a variant: the docs' message tables are checked against
//! `examples()` of [`crate::core::verify::Problem`], [`crate::core::verify::Finding`] and
//! [`crate::core::buyer::compare::Reason`], and [`exhaustive_examples`] makes that list
//! from pairs of a pattern and its examples, matching every value against the patterns
//! with no wildcard: a new variant does not compile until it has a pattern, and so an
//! example.

/// Defines `pub fn examples() -> Vec<$ty>` from `pattern => examples` pairs (each
/// `examples` an iterable of values, at least one, all matching `pattern`). The patterns
/// must cover the type with no wildcard, or the `match` below does not compile.
macro_rules! exhaustive_examples {
    ($ty:ty { $($pattern:pat => $examples:expr),+ $(,)? }) => {
        /// Every kind of value with placeholder values, for the docs' message tables: at
        /// least one per variant, by construction (see [`crate::core::examples`]).
        pub fn examples() -> Vec<$ty> {
            let mut all: Vec<$ty> = Vec::new();
            $(
                let from = all.len();
                all.extend($examples);
                debug_assert!(
                    all.len() > from && all[from..].iter().all(|e| matches!(e, $pattern)),
                    "each pattern has examples, and they match it"
                );
            )+
            // No wildcard: a variant without a pattern above fails to compile here.
            for example in &all {
                match example {
                    $($pattern => {})+
                }
            }
            all
        }
    };
}

pub(crate) use exhaustive_examples;
