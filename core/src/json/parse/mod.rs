//! Parsing request bodies: every invariant, every problem, each with its JSON path.
//!
//! Two ways in, one set of checks:
//!
//! - `serde_json::from_str::<SessionProfile>(…)` (or any serde deserializer) runs the same
//!   validation as construction. A value of the wrong type, an unknown or a missing field
//!   stops the parse at once, and the message names its JSON path
//!   (`invalid type: string "1", expected i64 at order.items[0].amount (line 1, column 57)`);
//!   once the types are right, every invariant violation is reported at once.
//! - [`SessionProfile::from_json`], [`Session::from_json`] and [`Order::from_json`] return
//!   [`Error`] with structured [`Violation`]s and keep going after a type error: they report
//!   every unknown field (with a "did you mean"), every value of the wrong type and every
//!   missing field, then the invariant violations of what remains.
//!
//! Paths start at the body's root (`order.items[1].line_id`, `url.return_url`); for a bare
//! [`Order`] they start with `order.`, as the builder's do. Object keys that are not plain
//! identifiers are written in brackets: `customer.gift_cards["dintero.wallets"]`.
//!
//! # How `from_json` finds every problem
//!
//! The happy path is one typed parse straight from the bytes, then the checks. Only when the
//! typed parse fails is the body read again, as text that is expanded only where a value was
//! refused (`repair.rs`), and the typed parse is retried on it after each repair: a value of
//! the wrong type is recorded and removed (or, where a value is required, replaced by a
//! placeholder); a missing required field is recorded and given a placeholder. Fields the
//! spec does not define and keys given twice are recorded as they are met, and skipped.
//! Problems that a removed or replaced value could have caused (a line's `vat_amount` when
//! its `vat` was a string, the order's totals when a line's `amount` was a float, anything
//! inside a replaced value) are not reported: fixing what is reported makes them appear or
//! vanish for real. Each retry skips what earlier ones read, so the whole costs a small
//! multiple of the body's size.
//!
//! At most 100 problems are listed ([`MAX_LISTED`](crate::MAX_LISTED)), at every entry
//! point: [`Error::unlisted`] counts the rest, and [`Error::stopped_early`] says when parsing
//! stopped looking for more values of the wrong type once it had found 100. Lenient warnings
//! are capped the same way ([`Parsed::unlisted_warnings`]).
//!
//! # Numbers and keys
//!
//! Every number is read from its JSON text, never through `f64`, at every entry point (see
//! `number.rs`): `"quantity": 2.0000000000000001` is refused as finer than a quantity may be,
//! an amount written `29990.0` or `1e3` is not an integer, and messages show numbers as
//! written. A key given twice in one object is a problem at any depth, in passed-through JSON
//! too (`configuration`, `emd`, …): `from_json` reports each with its path
//! ([`Rule::DuplicateKey`]) and reads the first; serde refuses the body.
//!
//! # Fields
//!
//! Every field Dintero's spec defines for the objects this crate models is accepted. The
//! read-only fields that Dintero itself sets and that bodies copied from a Dintero session
//! carry (`order.gross_amount`, `order.is_changed`, `items[].gross_amount`,
//! `items[].version`) are accepted when of the right type and dropped: a request never needs
//! them and Dintero ignores them in one, so what is emitted stays the spec's request shape.
//! Any other field is an error ([`Rule::UnknownField`]) with a suggestion when it looks like
//! a typo: `vat_amout` → "did you mean `vat_amount`?". With [`ParseOptions::lenient`], unknown
//! fields are dropped instead and returned as warnings with their paths (see [`Parsed`]); the
//! parsed value never carries a field the spec does not define, so everything it emits stays
//! valid.

use std::borrow::Cow;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::error::{Error, Rule, Violation, push_key_segment};
use crate::json::path_tracker;
use crate::{Order, QuantityError, Session, SessionProfile, VatRateError};

mod fields;
pub(crate) use fields::*;

mod classify;
pub(crate) use classify::*;

mod options;
pub use options::{ParseOptions, Parsed};

/// Where the paths of a body start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Root {
    /// A bare order: paths start with `order`.
    Order,
    /// A session body: paths start at its fields (`url`, `order`, …).
    Session,
}

/// Runs `T`'s `Deserialize` while tracking the JSON path, so an error names where it is.
pub(crate) fn tracked<'de, D, T>(deserializer: D, root: Root) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    path_tracker::deserialize(ObjectOnly(deserializer)).map_err(|failure| {
        let message = failure.error.to_string();
        let path = match JsonPath::from_tracked(&failure.path) {
            // serde reports a missing or repeated field at its object: name the field.
            Some(path) => match between(&message, "missing field `", "`")
                .or_else(|| between(&message, "duplicate field `", "`"))
            {
                Some(key) => path.child(key).render(root),
                None => path.render(root),
            },
            None => failure.path.to_string(),
        };
        D::Error::custom(located(&message, &path))
    })
}

/// `message at path (line L, column C)`: the path put before serde_json's position.
fn located(message: &str, path: &str) -> String {
    let (head, position) = split_position(message);
    let place = if path.is_empty() {
        "the top level"
    } else {
        path
    };
    match position {
        Some((line, column)) => format!("{head} at {place} (line {line}, column {column})"),
        None => format!("{head} at {place}"),
    }
}

/// Splits serde_json's ` at line L column C` off the end of a message.
fn split_position(message: &str) -> (&str, Option<(&str, &str)>) {
    let Some(at) = message.rfind(" at line ") else {
        return (message, None);
    };
    let (head, tail) = message.split_at(at);
    let rest = tail.trim_start_matches(" at line ");
    let Some((line, column)) = rest.split_once(" column ") else {
        return (message, None);
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(line) && digits(column) {
        (head, Some((line, column)))
    } else {
        (message, None)
    }
}

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// A path into a JSON document, as steps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct JsonPath(pub(crate) Vec<Step>);

impl JsonPath {
    /// The steps of a tracked path; `None` when it went somewhere JSON cannot (a key that
    /// was not read as text).
    pub(crate) fn from_tracked(path: &path_tracker::Path) -> Option<JsonPath> {
        let mut steps = Vec::new();
        for segment in path.segments() {
            match segment {
                path_tracker::Segment::Index(index) => steps.push(Step::Index(*index)),
                path_tracker::Segment::Key(key) => steps.push(Step::Key(key.clone())),
                path_tracker::Segment::Variant(_) => {}
                path_tracker::Segment::Unknown => return None,
            }
        }
        Some(JsonPath(steps))
    }

    pub(crate) fn child(&self, key: &str) -> JsonPath {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        JsonPath(steps)
    }

    fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Step::Key(key)) => Some(key),
            _ => None,
        }
    }

    /// `order.items[1].line_id`; a bare order's paths start with `order`.
    pub(crate) fn render(&self, root: Root) -> String {
        self.render_with(None, root)
    }

    /// The path of this one's member `key`, rendered without building that path.
    pub(crate) fn render_child(&self, key: &str, root: Root) -> String {
        self.render_with(Some(key), root)
    }

    fn render_with(&self, last: Option<&str>, root: Root) -> String {
        let mut out = String::new();
        if root == Root::Order {
            out.push_str("order");
        }
        for step in &self.0 {
            match step {
                Step::Key(key) => push_key_segment(&mut out, key),
                Step::Index(index) => {
                    let _ = write!(out, "[{index}]");
                }
            }
        }
        if let Some(key) = last {
            push_key_segment(&mut out, key);
        }
        if out.starts_with('.') {
            out.remove(0);
        }
        out
    }
}

/// A body that can be parsed: its unchecked wire form and the checks that make it a value.
pub(crate) trait Body: Sized {
    /// Every field in its own place, types checked, invariants not yet.
    type Wire: DeserializeOwned;
    /// Where its paths start.
    const ROOT: Root;
    /// The one validation, shared with construction.
    fn from_wire(wire: Self::Wire) -> Result<Self, Error>;
    /// The same for a faithful parse: this crate's own rules give warnings.
    fn from_wire_faithful(wire: Self::Wire) -> Result<(Self, Vec<Violation>), Error>;
    /// [`from_wire`](Self::from_wire) or [`from_wire_faithful`](Self::from_wire_faithful), as
    /// `options` ask.
    fn checked(wire: Self::Wire, options: &ParseOptions) -> Result<(Self, Vec<Violation>), Error> {
        if options.is_faithful() {
            Self::from_wire_faithful(wire)
        } else {
            Self::from_wire(wire).map(|value| (value, Vec::new()))
        }
    }
}

impl Body for Order {
    type Wire = crate::order::validated::OrderData;
    const ROOT: Root = Root::Order;
    fn from_wire(wire: Self::Wire) -> Result<Self, Error> {
        Order::check(wire, crate::order::validate::Proven::NOTHING)
    }
    fn from_wire_faithful(wire: Self::Wire) -> Result<(Self, Vec<Violation>), Error> {
        Order::check_faithful(wire)
    }
}

impl Body for SessionProfile {
    type Wire = crate::json::session::ProfileWire;
    const ROOT: Root = Root::Session;
    fn from_wire(wire: Self::Wire) -> Result<Self, Error> {
        wire.into_session()
    }
    fn from_wire_faithful(wire: Self::Wire) -> Result<(Self, Vec<Violation>), Error> {
        wire.into_session_faithful()
    }
}

impl Body for Session {
    type Wire = crate::json::session::SessionWire;
    const ROOT: Root = Root::Session;
    fn from_wire(wire: Self::Wire) -> Result<Self, Error> {
        wire.into_session()
    }
    fn from_wire_faithful(wire: Self::Wire) -> Result<(Self, Vec<Violation>), Error> {
        wire.into_session_faithful()
    }
}

/// Generates `from_json` and `from_json_with` for a body type.
macro_rules! from_json_api {
    ($ty:ident, $what:literal, $example:literal, $bad:literal, $path:literal) => {
        impl $ty {
            #[doc = concat!("Parses ", $what, " from JSON bytes, checking every invariant, and")]
            /// reports every problem at once as [`Violation`]s: unknown fields (with a "did you
            /// mean"), values of the wrong type, missing fields, then the invariant violations
            /// of what remains. See the [module docs](crate::json::parse) for the paths.
            ///
            /// ```
            #[doc = concat!("use dintero_order_core::{", stringify!($ty), ", Rule};")]
            ///
            #[doc = concat!("let ok = ", stringify!($ty), "::from_json(", $example, ")?;")]
            #[doc = concat!("let err = ", stringify!($ty), "::from_json(", $bad, ").unwrap_err();")]
            #[doc = concat!("assert_eq!(err.violations()[0].path(), ", $path, ");")]
            /// # let _ = ok;
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn from_json(json: &[u8]) -> Result<$ty, Error> {
                parse::<$ty>(json, &ParseOptions::strict()).map(Parsed::into_value)
            }

            /// Like [`from_json`](Self::from_json), with [`ParseOptions`]: with
            /// [`ParseOptions::lenient`], unknown fields are dropped and returned as
            /// [`Parsed::warnings`] instead of failing the parse.
            ///
            /// ```
            #[doc = concat!("use dintero_order_core::{", stringify!($ty), ", ParseOptions};")]
            ///
            #[doc = concat!("let parsed = ", stringify!($ty), "::from_json_with(", $example, ", &ParseOptions::lenient())?;")]
            /// assert!(parsed.warnings().is_empty());
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn from_json_with(json: &[u8], options: &ParseOptions) -> Result<Parsed<$ty>, Error> {
                parse::<$ty>(json, options)
            }
        }
    };
}

from_json_api!(
    Order,
    "a bare `order` object (paths start with `order.`)",
    r##"br#"{"amount":1000,"currency":"NOK","merchant_reference":"r","items":[{"line_id":"1","amount":1000,"vat":25,"vat_amount":200}]}"#"##,
    r##"br#"{"amount":1000,"currency":"NOK","merchant_reference":"r","items":[{"line_id":1,"amount":1000}]}"#"##,
    r#""order.items[0].line_id""#
);
from_json_api!(
    SessionProfile,
    "a `POST /v1/sessions-profile` body",
    r##"br#"{"profile_id":"default","url":{"return_url":"https://example.com/r"},"order":{"amount":0,"currency":"NOK","merchant_reference":"r"}}"#"##,
    r##"br#"{"profile_id":"default","url":{"return_url":"https://example.com/r"},"order":[]}"#"##,
    r#""order""#
);
from_json_api!(
    Session,
    "a `POST /v1/sessions` body",
    r##"br#"{"url":{"return_url":"https://example.com/r"},"order":{"amount":0,"currency":"NOK","merchant_reference":"r"},"configuration":{}}"#"##,
    r##"br#"{"url":{"return_url":"https://example.com/r","retrun_url":""},"order":{"amount":0,"currency":"NOK","merchant_reference":"r"},"configuration":{}}"#"##,
    r#""url.retrun_url""#
);

/// Parses `json` as `T` (see the module docs): the typed parse straight from the bytes, and
/// when it refuses them, the repair path (`repair.rs`).
fn parse<T: Body>(json: &[u8], options: &ParseOptions) -> Result<Parsed<T>, Error> {
    match serde_json::from_slice::<Obj<T::Wire>>(json) {
        Ok(Obj(wire)) => {
            return T::checked(wire, options)
                .map(|(value, warnings)| Parsed::with_warnings(value, warnings, 0));
        }
        // serde_json calls an enum given a number or a list "expected value", a syntax
        // error: only bytes that are not JSON at all are one.
        Err(error) if !error.is_data() && !is_json(json) => return Err(syntax(&error)),
        Err(_) => {}
    }
    crate::json::repair::run::<T>(json, options)
}

/// Whether `json` is one JSON document, whatever its shape.
fn is_json(json: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(json).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::key_segment;
    use crate::spec::names::did_you_mean;

    #[test]
    fn suggestions() {
        let known = ["id", "line_id", "amount", "vat_amount", "vat", "quantity"];
        assert_eq!(did_you_mean("vat_amout", &known), Some("vat_amount"));
        assert_eq!(did_you_mean("vatAmount", &known), Some("vat_amount"));
        assert_eq!(did_you_mean("qunatity", &known), Some("quantity"));
        assert_eq!(did_you_mean("lineid", &known), Some("line_id"));
        assert_eq!(did_you_mean("tax_rate", &known), None);
        assert_eq!(did_you_mean("x", &known), None);
    }

    #[test]
    fn keys_far_longer_than_any_field_get_no_suggestion() {
        let known = ["amount", "vat_amount"];
        // 20 bytes: twice the longest field, still compared.
        assert_eq!(did_you_mean("vat_amountvat_amount", &known), None);
        assert_eq!(did_you_mean("VAT-AMOUNT", &known), Some("vat_amount"));
        // Longer is not compared at all, even when it squashes to a field.
        let long = format!("vat{}amount", "_".repeat(20));
        assert_eq!(did_you_mean(&long, &known), None);
        let huge = "k".repeat(1 << 20);
        assert_eq!(did_you_mean(&huge, &known), None);
        let wide: Vec<String> = (0..10).map(|i| format!("{}{i}", "f".repeat(60))).collect();
        let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
        assert_eq!(
            did_you_mean(&format!("{}1", "f".repeat(59)), &wide),
            wide.get(1).copied()
        );
        assert_eq!(did_you_mean(&"f".repeat(65), &wide), None);
    }

    #[test]
    fn positions_are_moved_after_the_path() {
        assert_eq!(
            located(
                "invalid type: map, expected i64 at line 1 column 9",
                "order.amount"
            ),
            "invalid type: map, expected i64 at order.amount (line 1, column 9)"
        );
        assert_eq!(
            located("missing field `x`", ""),
            "missing field `x` at the top level"
        );
    }

    #[test]
    fn keys_that_are_not_identifiers_are_quoted() {
        assert_eq!(key_segment("vat"), ".vat");
        assert_eq!(key_segment("dintero.wallets"), "[\"dintero.wallets\"]");
        assert_eq!(key_segment(""), "[\"\"]");
    }
}
