//! The repair path of `from_json`: every problem of a body the typed parse refused, at a cost
//! that stays a small multiple of the body's size.
//!
//! # How
//!
//! The body is held as a tree that starts as one node: the body's JSON text
//! ([`RawValue`], borrowed from the input, so every number and string is as written and
//! every key is there, duplicates included). The typed parse runs over the tree, which shows
//! each node to serde as serde_json would (a scalar is handed to serde_json itself, an object
//! or an array is walked member by member), and stops at the first value it refuses, as it
//! always does. That value is then repaired (removed, given a placeholder, or a missing field
//! added, see [`crate::json::parse`]) and the parse runs again.
//!
//! What keeps the passes cheap:
//!
//! - Only the nodes on the way to a refused value are kept expanded; the rest stays text.
//! - Members and elements a pass read before it stopped are *clean*: each parses whatever
//!   happens after. Later passes skip clean array elements and clean map members, and show a
//!   clean array as `[]` and a clean map as `{}` (a struct is shown whole, its own clean
//!   parts shortened the same way), so a pass reads the skeleton of the body and the part
//!   not yet read, not the body again. One last pass reads everything, to make the value.
//! - Fields the spec does not define and keys given twice are found while a pass walks an
//!   object (the struct names its fields), recorded once, when first read, and skipped: they
//!   cost no pass of their own.
//! - At most [`MAX_LISTED`] problems are kept; at the next one the repair stops and says so.
//!   Warnings past the [`MAX_LISTED`] kept are only counted.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use serde_json::value::RawValue;

use crate::error::{Error, MAX_LISTED, Rule, Violation};
use crate::json::parse::{self, Body, JsonPath, Obj, ParseOptions, Parsed, Root, Step};

mod deserializer;
use deserializer::*;

mod tree;
use tree::*;

mod pass;
use pass::*;

mod depth;
use depth::*;

mod fix;
use fix::*;

/// Passes at most: each records a problem or moves a placeholder on, so this is far more than
/// the 100 problems need; past it, what was found is reported.
const MAX_PASSES: usize = 2_000;

/// Nested containers serde_json reads at most; a deeper body is not JSON it can parse.
const MAX_DEPTH: usize = 127;

/// The name under which serde_json's `RawValue` asks for a value's text (see `number.rs`).
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// Stand-ins for a required value that was wrong or missing, tried in order until the typed
/// parse gets past it: each fits some field type (an amount, a quantity, a string, a
/// currency, a flag, a list, an object).
const PLACEHOLDERS: [&str; 7] = ["0", "1", "\"\"", "\"NOK\"", "false", "[]", "{}"];

fn placeholder(attempt: usize) -> Option<&'static RawValue> {
    PLACEHOLDERS
        .get(attempt)
        .and_then(|text| serde_json::from_str(text).ok())
}

/// Checks `json` as `T` once the typed parse refused it (see the module docs).
pub(crate) fn run<T: Body>(json: &[u8], options: &ParseOptions) -> Result<Parsed<T>, Error> {
    let text = readable(json)?;
    let root: &RawValue = serde_json::from_str(text).map_err(|error| parse::syntax(&error))?;
    let mut repair = Repair {
        input: text,
        root_kind: T::ROOT,
        lenient: options.is_lenient(),
        options: *options,
        tree: Node::Raw(root),
        log: RefCell::new(Log::default()),
        removed: HashSet::new(),
        placeholders: HashMap::new(),
    };
    repair.run::<T>()
}

/// The body as text, once it is known to be JSON that serde_json reads: its syntax, its
/// encoding and its depth (a `RawValue` checks the first two, not the third).
fn readable(json: &[u8]) -> Result<&str, Error> {
    if let Err(error) = serde_json::from_slice::<&RawValue>(json) {
        return Err(parse::syntax(&error));
    }
    let Ok(text) = std::str::from_utf8(json) else {
        return Err(Error::single(Violation::new(
            Rule::Syntax,
            "",
            "a JSON document",
            "bytes that are not UTF-8",
        )));
    };
    if too_deep(text) {
        // serde_json's own words and position for it.
        let error = serde_json::from_str::<Depth>(text)
            .err()
            .unwrap_or_else(|| de::Error::custom("recursion limit exceeded"));
        return Err(parse::syntax(&error));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> &RawValue {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn found_is_the_text_as_written_without_spaces() {
        assert_eq!(describe(raw("2.0000000000000001")), "2.0000000000000001");
        assert_eq!(describe(raw("1e3")), "1e3");
        assert_eq!(
            describe(raw(r#"[ 1, "a b" ,{ "c" : 2 } ]"#)),
            r#"[1,"a b",{"c":2}]"#
        );
        assert_eq!(
            describe(raw(&format!("[{}1]", "1,".repeat(40)))),
            "an array of 41 items"
        );
        let long = format!("\"{}\"", "x".repeat(80));
        assert_eq!(describe(raw(&long)), format!("\"{}…", "x".repeat(59)));
    }

    #[test]
    fn depth_is_counted_outside_strings() {
        let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(!too_deep(&deep));
        let deeper = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(too_deep(&deeper));
        assert!(!too_deep(&format!("\"{}\"", "[".repeat(200))));
        assert!(!too_deep(&format!("[\"\\\"{}\"]", "[".repeat(200))));
    }

    #[test]
    fn keys_given_again_are_numbered() {
        let members = members_of(raw(r#"{"a":1,"b":2,"a":3,"a":4}"#)).unwrap_or_default();
        let occurrences: Vec<u32> = members.iter().map(|m| m.occurrence).collect();
        assert_eq!(occurrences, [1, 1, 2, 3]);
        let many: Vec<String> = (0..40).map(|i| format!("\"k{}\":{i}", i % 30)).collect();
        let text = format!("{{{}}}", many.join(","));
        let members = members_of(raw(&text)).unwrap_or_default();
        assert_eq!(members.iter().filter(|m| m.occurrence == 2).count(), 10);
    }
}
