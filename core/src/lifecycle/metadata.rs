//! The `metadata` of a capture or refund (Dintero's 2025 spec): string values under keys that
//! start with `ext_`, at most 128 characters a key and 256 a value.

use crate::error::{Rule, Violation, Violations, key_segment, quoted};

/// The prefix Dintero requires of every key ("All metadata keys must be prefixed with
/// `ext_`").
const PREFIX: &str = "ext_";
const MAX_KEY: usize = 128;
const MAX_VALUE: usize = 256;

/// Metadata entries in the order they were set; checked once, when the body is built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct OperationMetadata(pub(crate) Vec<(String, String)>);

impl OperationMetadata {
    pub(crate) fn insert(&mut self, key: String, value: String) {
        self.0.push((key, value));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every entry against Dintero's rules, and each key once.
    pub(crate) fn check(&self, v: &mut Violations) {
        for (index, (key, value)) in self.0.iter().enumerate() {
            let path = format!("metadata{}", key_segment(key));
            if !key.starts_with(PREFIX) {
                v.push(Violation::new(
                    Rule::Format,
                    path.clone(),
                    "a key that starts with \"ext_\"",
                    quoted(key),
                ));
            }
            let key_chars = key.chars().count();
            if key_chars > MAX_KEY {
                v.push(Violation::new(
                    Rule::Length,
                    path.clone(),
                    "a key of at most 128 characters",
                    format!("{key_chars} characters"),
                ));
            }
            let value_chars = value.chars().count();
            if value_chars > MAX_VALUE {
                v.push(Violation::new(
                    Rule::Length,
                    path.clone(),
                    "a value of at most 256 characters",
                    format!("{value_chars} characters"),
                ));
            }
            if self.0.iter().take(index).any(|(earlier, _)| earlier == key) {
                v.push(Violation::new(
                    Rule::DuplicateKey,
                    path,
                    "each key once",
                    format!("{} again", quoted(key)),
                ));
            }
        }
    }
}
