//! Where in the document a serde error happened (`order.items[0].amount`), at almost no cost
//! when nothing goes wrong.
//!
//! # Why this exists
//!
//! serde's own errors (a value of the wrong type, an unknown or missing field) say *what* is
//! wrong but not *where*, and a body has hundreds of `amount`s. `serde_path_to_error` answers
//! "where", but it copies every map key it passes into a new `String` (and again for the
//! value's place), about 600 instructions per key: tracking cost more than the typed parse
//! itself (the shop body at 100 lines: plain DTOs 47 µs, through `serde_path_to_error` 81 µs,
//! 1.75×, where the budget for a checked parse is 1.5×; this crate's serde parse, tracked and
//! every invariant checked, 63 µs: `cargo bench -p dintero-order-testsuite --bench crates --
//! path`). Here a place is a frame on the stack holding its parent's address and one step (a
//! key borrowed from the input, or an index). Nothing is allocated per key or per value; the
//! path is built once, when an error occurs. A key is copied only when the deserializer lends
//! it just for one call (serde_json does for a key with escapes) or hands over a number or an
//! owned `String`, and then into one buffer per object that is reused.
//!
//! # What it records
//!
//! It replaced `serde_path_to_error` 0.1 without changing a single message, so it records what
//! that crate records:
//!
//! - the innermost place an error leaves sets the path, once; outer places leave it;
//! - an error in a map key (an unknown field) is at that key; an error of an object or array
//!   itself (a missing or repeated field, a syntax error between members) is at the object or
//!   array;
//! - a key read as a string, a bool or an integer is a [`Segment::Key`]; any other key, or one
//!   that failed before it was read, is [`Segment::Unknown`];
//! - an enum's variant is a [`Segment::Variant`]; `Some`, newtype structs and newtype variants
//!   add nothing: they are the same place in the document.
//!
//! One difference, in a case this crate never has: when a `Deserialize` impl swallows an error
//! and goes on, `serde_path_to_error` keeps that error's place for a later one; here nothing
//! is recorded until an error reaches the seed that owns its frame.
//!
//! # How
//!
//! Wrappers around serde's deserializer, visitor, seed and access traits pass the current
//! [`Place`] down. A frame is recorded only by the wrapper that made it, when an error leaves
//! it: [`TrackingSeed`] for an element or a member's value, [`TrackingMap`] for a rejected
//! key, [`TrackingVariant`] for a variant's content. Errors of an object, array or enum
//! itself leave through the seed that made its frame, so the wrappers in between only forward
//! (one branch less per value each). The top level needs no record: an empty path is it.

use std::cell::OnceCell;
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

#[macro_use]
mod tracking;
use tracking::*;

mod key;
use key::*;

/// Runs `T`'s `Deserialize` on `deserializer`, and on failure says where it failed.
pub(crate) fn deserialize<'de, D, T>(deserializer: D) -> Result<T, Failure<D::Error>>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    let recorder = Recorder::default();
    let root = Frame::Root;
    let tracking = TrackingDeserializer {
        inner: deserializer,
        place: Place {
            frame: &root,
            recorder: &recorder,
        },
    };
    match T::deserialize(tracking) {
        Ok(value) => Ok(value),
        Err(error) => Err(Failure {
            error,
            path: recorder.into_path(),
        }),
    }
}

/// A deserialization error and the path of the value it is about.
#[derive(Debug)]
pub(crate) struct Failure<E> {
    /// The error as the deserializer or the `Deserialize` impl made it.
    pub(crate) error: E,
    /// Where it happened; empty when at the top level (or never inside the document).
    pub(crate) path: Path,
}

/// A path from the top of a document to a value, as [`Segment`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Path(Vec<Segment>);

impl Path {
    /// The steps from the top of the document, outermost first.
    pub(crate) fn segments(&self) -> &[Segment] {
        &self.0
    }
}

/// `serde_path_to_error`'s notation, kept for the messages that fall back to it: keys and
/// variants joined by `.`, indexes as `[2]`, a key that is no string as `?`, `.` when empty.
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        let mut separator = "";
        for segment in &self.0 {
            if !matches!(segment, Segment::Index(_)) {
                f.write_str(separator)?;
            }
            match segment {
                Segment::Key(key) | Segment::Variant(key) => f.write_str(key)?,
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Unknown => f.write_str("?")?,
            }
            separator = ".";
        }
        Ok(())
    }
}

/// One step of a [`Path`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A member of an object, by its key.
    Key(String),
    /// An element of an array, from 0.
    Index(usize),
    /// The variant of an enum: no step in the document, but part of the notation.
    Variant(String),
    /// A member whose key was not read as a string, bool or integer.
    Unknown,
}

/// Where the first error (the innermost one) was seen.
#[derive(Default)]
struct Recorder {
    path: OnceCell<Path>,
}

impl Recorder {
    /// Passes `error` on, noting `frame` as its place unless an inner frame already did.
    #[inline]
    fn record<E>(&self, frame: &Frame<'_>, error: E) -> E {
        if self.path.get().is_none() {
            self.record_first(frame);
        }
        error
    }

    /// Builds the path: once per parse, and only when it fails.
    #[cold]
    #[inline(never)]
    fn record_first(&self, frame: &Frame<'_>) {
        self.path.get_or_init(|| frame.path());
    }

    fn into_path(self) -> Path {
        self.path.into_inner().unwrap_or_default()
    }
}

/// A value's place: its parent's place plus one step. Frames live on the stack of the
/// wrappers below and borrow their keys, so making one costs a few stores and no allocation.
#[derive(Clone, Copy)]
enum Frame<'a> {
    /// The whole document.
    Root,
    /// A value inside its parent's value.
    Child(&'a Frame<'a>, Step<'a>),
}

/// How a frame's value is reached from its parent's.
#[derive(Clone, Copy)]
enum Step<'a> {
    /// The value of the member with this key.
    Key(&'a str),
    /// The element at this index.
    Index(usize),
    /// The content of the enum variant with this name.
    Variant(&'a str),
    /// The value of a member whose key was not captured.
    UnknownKey,
}

impl Frame<'_> {
    /// The path from the top of the document to this frame's value.
    fn path(&self) -> Path {
        let mut segments = Vec::new();
        let mut frame = self;
        while let Frame::Child(parent, step) = frame {
            segments.push(match *step {
                Step::Key(key) => Segment::Key(key.to_owned()),
                Step::Index(index) => Segment::Index(index),
                Step::Variant(name) => Segment::Variant(name.to_owned()),
                Step::UnknownKey => Segment::Unknown,
            });
            frame = *parent;
        }
        segments.reverse();
        Path(segments)
    }
}

/// The last map key (or variant name) read, kept until the value it names is read.
///
/// A key borrowed from the input is kept as the reference. Any other key is copied into
/// `copy`, whose buffer the object's later keys reuse.
#[derive(Default)]
struct KeySlot<'de> {
    captured: Captured<'de>,
    copy: String,
}

/// Which key a [`KeySlot`] holds.
#[derive(Clone, Copy, Default)]
enum Captured<'de> {
    /// None: nothing read yet, the last one was used, or it was not read as text.
    #[default]
    Nothing,
    /// This key, borrowed from the input.
    Borrowed(&'de str),
    /// The key in [`KeySlot::copy`].
    Copied,
}

impl<'de> KeySlot<'de> {
    #[inline]
    fn borrow(&mut self, key: &'de str) {
        self.captured = Captured::Borrowed(key);
    }

    fn copy(&mut self, key: impl fmt::Display) {
        self.copy.clear();
        // Writing to a `String` cannot fail.
        let _ = write!(self.copy, "{key}");
        self.captured = Captured::Copied;
    }

    /// The key, if one was captured.
    #[inline]
    fn get(&self) -> Option<&str> {
        match self.captured {
            Captured::Nothing => None,
            Captured::Borrowed(key) => Some(key),
            Captured::Copied => Some(&self.copy),
        }
    }

    /// The step to the member whose key this holds, forgetting the key: a key names one
    /// value.
    #[inline]
    fn take_step(&mut self) -> Step<'_> {
        match std::mem::take(&mut self.captured) {
            Captured::Nothing => Step::UnknownKey,
            Captured::Borrowed(key) => Step::Key(key),
            Captured::Copied => Step::Key(&self.copy),
        }
    }
}

/// What every wrapper carries: the frame of the value at hand and where to record errors.
#[derive(Clone, Copy)]
struct Place<'a> {
    frame: &'a Frame<'a>,
    recorder: &'a Recorder,
}

impl<'a> Place<'a> {
    /// Passes `error` on, recording this place unless an inner one was recorded.
    #[inline]
    fn fail<E>(self, error: E) -> E {
        self.recorder.record(self.frame, error)
    }

    /// The place of `frame`, recorded to the same recorder.
    #[inline]
    fn at<'b>(self, frame: &'b Frame<'b>) -> Place<'b>
    where
        'a: 'b,
    {
        Place {
            frame,
            recorder: self.recorder,
        }
    }

    /// A seed that reads the value one `step` inside this place.
    #[inline]
    fn child_seed<T>(self, seed: T, step: Step<'a>) -> TrackingSeed<'a, T> {
        TrackingSeed {
            inner: seed,
            frame: Frame::Child(self.frame, step),
            recorder: self.recorder,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Body<'a> {
        name: &'a str,
        #[serde(default)]
        orders: Vec<Order>,
        #[serde(default)]
        labels: BTreeMap<String, i64>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Order {
        items: Vec<Item>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        amount: i64,
        #[serde(default)]
        tags: Option<Vec<String>>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum Kind {
        Plain,
        Sized { size: u32 },
    }

    /// serde_json's message and the path in `Display` notation, for a body that must fail.
    fn failure(json: &str) -> (String, String) {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        match deserialize::<_, Body<'_>>(&mut deserializer) {
            Ok(body) => panic!("parsed {body:?}"),
            Err(failure) => (failure.error.to_string(), failure.path.to_string()),
        }
    }

    fn key(key: &str) -> Segment {
        Segment::Key(key.to_owned())
    }

    #[test]
    fn the_happy_path_parses_and_borrows() {
        let json = r#"{"name":"shop","orders":[{"items":[{"amount":1},{"amount":2,"tags":["a"]}]}],
            "labels":{"x":3},"kind":{"Sized":{"size":4}}}"#;
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let parsed = deserialize::<_, Body<'_>>(&mut deserializer).map_err(|f| f.error.to_string());
        let expected = Body {
            name: "shop",
            orders: vec![Order {
                items: vec![
                    Item {
                        amount: 1,
                        tags: None,
                    },
                    Item {
                        amount: 2,
                        tags: Some(vec!["a".to_owned()]),
                    },
                ],
            }],
            labels: BTreeMap::from([("x".to_owned(), 3)]),
            kind: Some(Kind::Sized { size: 4 }),
        };
        assert_eq!(parsed, Ok(expected));
    }

    #[test]
    fn a_wrong_type_deep_inside_names_every_step() {
        let json =
            r#"{"name":"s","orders":[{"items":[]},{"items":[{"amount":1},{"amount":"2"}]}]}"#;
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let Err(failure) = deserialize::<_, Body<'_>>(&mut deserializer) else {
            panic!("parsed");
        };
        assert_eq!(
            failure.error.to_string(),
            r#"invalid type: string "2", expected i64 at line 1 column 71"#
        );
        assert_eq!(
            failure.path.segments(),
            [
                key("orders"),
                Segment::Index(1),
                key("items"),
                Segment::Index(1),
                key("amount"),
            ]
        );
        assert_eq!(failure.path.to_string(), "orders[1].items[1].amount");
    }

    #[test]
    fn an_option_adds_no_step() {
        let json = r#"{"name":"s","orders":[{"items":[{"amount":1,"tags":["a",7]}]}]}"#;
        assert_eq!(
            failure(json),
            (
                "invalid type: integer `7`, expected a string at line 1 column 57".to_owned(),
                "orders[0].items[0].tags[1]".to_owned()
            )
        );
    }

    #[test]
    fn a_key_with_escapes_is_copied() {
        // serde_json lends a key with escapes only for the call (`visit_str`).
        let json = r#"{"name":"s","labels":{"ok":1,"a\u002eb":"x"}}"#;
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let Err(failure) = deserialize::<_, Body<'_>>(&mut deserializer) else {
            panic!("parsed");
        };
        assert_eq!(
            failure.error.to_string(),
            r#"invalid type: string "x", expected i64 at line 1 column 43"#
        );
        assert_eq!(failure.path.segments(), [key("labels"), key("a.b")]);
    }

    #[test]
    fn a_missing_field_is_at_its_object() {
        let json = r#"{"name":"s","orders":[{"items":[{"amount":1},{"tags":[]}]}]}"#;
        assert_eq!(
            failure(json),
            (
                "missing field `amount` at line 1 column 56".to_owned(),
                "orders[0].items[1]".to_owned()
            )
        );
    }

    #[test]
    fn an_unknown_field_is_at_its_key() {
        let json = r#"{"name":"s","orders":[{"items":[{"amount":1,"amout":2}]}]}"#;
        assert_eq!(
            failure(json),
            (
                "unknown field `amout`, expected `amount` or `tags` at line 1 column 51".to_owned(),
                "orders[0].items[0].amout".to_owned()
            )
        );
    }

    #[test]
    fn the_innermost_place_wins_over_later_outer_ones() {
        // The string fails at `size`; the enum, `kind` and the body all see the error after.
        let json = r#"{"name":"s","kind":{"Sized":{"size":"big"}}}"#;
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let Err(failure) = deserialize::<_, Body<'_>>(&mut deserializer) else {
            panic!("parsed");
        };
        assert_eq!(
            failure.path.segments(),
            [
                key("kind"),
                Segment::Variant("Sized".to_owned()),
                key("size")
            ]
        );
        assert_eq!(failure.path.to_string(), "kind.Sized.size");
    }

    #[test]
    fn a_key_never_read_is_unknown() {
        // The document ends where a key should be.
        assert_eq!(
            failure(r#"{"name":"s","labels":{"#),
            (
                "EOF while parsing an object at line 1 column 22".to_owned(),
                "labels.?".to_owned()
            )
        );
    }

    #[test]
    fn an_error_at_the_top_has_an_empty_path() {
        let mut deserializer = serde_json::Deserializer::from_str("[]");
        let Err(failure) = deserialize::<_, Body<'_>>(&mut deserializer) else {
            panic!("parsed");
        };
        assert_eq!(failure.path.segments(), []);
        assert_eq!(failure.path.to_string(), ".");
    }

    #[test]
    fn integer_keys_and_value_deserializers_are_tracked() {
        let value = serde_json::json!({"7": {"items": [{"amount": true}]}});
        let Err(failure) = deserialize::<_, BTreeMap<u32, Order>>(&value) else {
            panic!("parsed");
        };
        assert_eq!(
            failure.error.to_string(),
            "invalid type: boolean `true`, expected i64"
        );
        assert_eq!(failure.path.to_string(), "7.items[0].amount");
    }
}
