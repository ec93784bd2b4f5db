//! Where in the document a serde error happened (`order.items[0].amount`), at almost no cost
//! when nothing goes wrong.
//!
//! # Why this exists
//!
//! serde's own errors (a value of the wrong type, an unknown or missing field) say *what* is
//! wrong but not *where*, and a body has hundreds of `amount`s. `serde_path_to_error` answers
//! "where", but it copies every map key it passes into a new `String` (and again for the
//! value's place), about 600 instructions per key: tracking cost more than the typed parse
//! itself. Here a place is a frame on the stack holding its parent's address and one step (a
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

/// A deserializer that hands the place of the value it reads to the visitor.
struct TrackingDeserializer<'a, D> {
    inner: D,
    place: Place<'a>,
}

/// Calls `$forward!` with every `deserialize_*` method of serde's `Deserializer` and the
/// arguments it takes besides the visitor: both forwarding deserializers here forward them all.
macro_rules! every_deserialize_method {
    ($forward:ident) => {
        $forward! {
            deserialize_any();
            deserialize_bool();
            deserialize_i8();
            deserialize_i16();
            deserialize_i32();
            deserialize_i64();
            deserialize_i128();
            deserialize_u8();
            deserialize_u16();
            deserialize_u32();
            deserialize_u64();
            deserialize_u128();
            deserialize_f32();
            deserialize_f64();
            deserialize_char();
            deserialize_str();
            deserialize_string();
            deserialize_bytes();
            deserialize_byte_buf();
            deserialize_option();
            deserialize_unit();
            deserialize_unit_struct(name: &'static str);
            deserialize_newtype_struct(name: &'static str);
            deserialize_seq();
            deserialize_tuple(len: usize);
            deserialize_tuple_struct(name: &'static str, len: usize);
            deserialize_map();
            deserialize_struct(name: &'static str, fields: &'static [&'static str]);
            deserialize_enum(name: &'static str, variants: &'static [&'static str]);
            deserialize_identifier();
            deserialize_ignored_any();
        }
    };
}

/// Forwards `deserialize_*` methods, wrapping the visitor.
macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let visitor = TrackingVisitor { inner: visitor, place: self.place };
            self.inner.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for TrackingDeserializer<'_, D> {
    type Error = D::Error;

    every_deserialize_method!(forward_deserialize);

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A visitor that tracks the places of what it is handed inside its value.
struct TrackingVisitor<'a, V> {
    inner: V,
    place: Place<'a>,
}

/// Forwards `visit_*` methods of a value with nothing inside.
macro_rules! forward_visit {
    ($($method:ident($($ty:ty)?);)*) => {$(
        #[inline]
        fn $method<E: de::Error>(self $(, value: $ty)?) -> Result<V::Value, E> {
            self.inner.$method($(forward_visit!(@value $ty, value))?)
        }
    )*};
    (@value $ty:ty, $value:ident) => { $value };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TrackingVisitor<'_, V> {
    type Value = V::Value;

    #[inline]
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
        visit_none();
        visit_unit();
    }

    /// `Some(x)` is `x` in the document: the same place, no frame of its own.
    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(TrackingDeserializer {
            inner: deserializer,
            place: self.place,
        })
    }

    /// A newtype struct is its content: the same place.
    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(TrackingDeserializer {
            inner: deserializer,
            place: self.place,
        })
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(TrackingSeq {
            inner: seq,
            place: self.place,
            index: 0,
        })
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(TrackingMap {
            inner: map,
            place: self.place,
            key: KeySlot::default(),
        })
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(TrackingEnum {
            inner: data,
            place: self.place,
        })
    }
}

/// An array's elements, each tracked at its index.
struct TrackingSeq<'a, A> {
    inner: A,
    place: Place<'a>,
    /// The index of the next element.
    index: usize,
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for TrackingSeq<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let element = self.place.child_seed(seed, Step::Index(self.index));
        self.index += 1;
        // An error the element's seed did not see (a syntax error between elements) is the
        // array's, recorded by the seed that made the array's frame.
        self.inner.next_element_seed(element)
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An object's members, each value tracked at its key.
struct TrackingMap<'a, 'de, A> {
    inner: A,
    place: Place<'a>,
    /// The key just read, for the value that follows it.
    key: KeySlot<'de>,
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for TrackingMap<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let place = self.place;
        let capture = KeyCapture {
            inner: seed,
            slot: &mut self.key,
        };
        match self.inner.next_key_seed(capture) {
            Ok(key) => Ok(key),
            // A key that is not accepted (an unknown field) is the place of its own error.
            Err(error) => {
                let step = self.key.take_step();
                Err(place
                    .recorder
                    .record(&Frame::Child(place.frame, step), error))
            }
        }
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let step = self.key.take_step();
        let value = self.place.child_seed(seed, step);
        // As for arrays: a syntax error before the value is the object's.
        self.inner.next_value_seed(value)
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An enum: its variant name becomes a step for the variant's content.
struct TrackingEnum<'a, A> {
    inner: A,
    place: Place<'a>,
}

impl<'a, 'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for TrackingEnum<'a, A> {
    type Error = A::Error;
    type Variant = TrackingVariant<'a, 'de, A::Variant>;

    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let place = self.place;
        let mut name = KeySlot::default();
        let capture = KeyCapture {
            inner: seed,
            slot: &mut name,
        };
        // An unknown variant is the enum's error: the seed that made its frame records it.
        let (value, variant) = self.inner.variant_seed(capture)?;
        let variant = TrackingVariant {
            inner: variant,
            place,
            name,
        };
        Ok((value, variant))
    }
}

/// A variant's content, tracked under the variant's name; it records errors at the variant.
struct TrackingVariant<'a, 'de, A> {
    inner: A,
    /// The enum's place.
    place: Place<'a>,
    /// The variant's name, as read.
    name: KeySlot<'de>,
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for TrackingVariant<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        let (place, name) = (self.place, self.name);
        let frame = variant_frame(place.frame, &name);
        let inside = place.at(&frame);
        self.inner
            .unit_variant()
            .map_err(|error| inside.fail(error))
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let (place, name) = (self.place, self.name);
        let frame = variant_frame(place.frame, &name);
        let inside = place.at(&frame);
        // The content of a newtype variant is at the variant's place.
        let content = TrackingSeed {
            inner: seed,
            frame,
            recorder: place.recorder,
        };
        self.inner
            .newtype_variant_seed(content)
            .map_err(|error| inside.fail(error))
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let (place, name) = (self.place, self.name);
        let frame = variant_frame(place.frame, &name);
        let inside = place.at(&frame);
        let visitor = TrackingVisitor {
            inner: visitor,
            place: inside,
        };
        self.inner
            .tuple_variant(len, visitor)
            .map_err(|error| inside.fail(error))
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let (place, name) = (self.place, self.name);
        let frame = variant_frame(place.frame, &name);
        let inside = place.at(&frame);
        let visitor = TrackingVisitor {
            inner: visitor,
            place: inside,
        };
        self.inner
            .struct_variant(fields, visitor)
            .map_err(|error| inside.fail(error))
    }
}

/// The frame of a variant's content inside the enum at `parent`.
#[inline]
fn variant_frame<'a>(parent: &'a Frame<'a>, name: &'a KeySlot<'_>) -> Frame<'a> {
    Frame::Child(parent, name.get().map_or(Step::UnknownKey, Step::Variant))
}

/// The seed of an element, a member's value or a variant's content, with that value's frame.
struct TrackingSeed<'a, T> {
    inner: T,
    frame: Frame<'a>,
    recorder: &'a Recorder,
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for TrackingSeed<'_, T> {
    type Value = T::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T::Value, D::Error> {
        let frame = self.frame;
        let place = Place {
            frame: &frame,
            recorder: self.recorder,
        };
        // The one record of this frame: every error of the value leaves through here, from
        // the deserializer, the visitor, or the `Deserialize` impl after reading (a string it
        // rejects).
        self.inner
            .deserialize(TrackingDeserializer {
                inner: deserializer,
                place,
            })
            .map_err(|error| place.fail(error))
    }
}

/// Wraps a map key's (or variant name's) seed, deserializer and visitor to keep the key.
///
/// Only the key itself is captured, never anything nested in it, as `serde_path_to_error`
/// does.
struct KeyCapture<'k, 'de, X> {
    inner: X,
    slot: &'k mut KeySlot<'de>,
}

impl<'de, X: DeserializeSeed<'de>> DeserializeSeed<'de> for KeyCapture<'_, 'de, X> {
    type Value = X::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<X::Value, D::Error> {
        self.inner.deserialize(KeyCapture {
            inner: deserializer,
            slot: self.slot,
        })
    }
}

/// Forwards `deserialize_*` methods of a key, wrapping the visitor to capture the key.
macro_rules! forward_key_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, X::Error> {
            self.inner.$method($($arg,)* KeyCapture { inner: visitor, slot: self.slot })
        }
    )*};
}

impl<'de, X: Deserializer<'de>> Deserializer<'de> for KeyCapture<'_, 'de, X> {
    type Error = X::Error;

    every_deserialize_method!(forward_key_deserialize);

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Forwards `visit_*` methods of a key that keep nothing of it.
macro_rules! forward_key_visit {
    ($($method:ident($($ty:ty)?);)*) => {$(
        #[inline]
        fn $method<E: de::Error>(self $(, value: $ty)?) -> Result<X::Value, E> {
            self.inner.$method($(forward_key_visit!(@value $ty, value))?)
        }
    )*};
    (@value $ty:ty, $value:ident) => { $value };
}

/// Forwards `visit_*` methods of an integer key, keeping its decimal text (a copy; rare).
macro_rules! capture_integer_key {
    ($($method:ident($ty:ty);)*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, value: $ty) -> Result<X::Value, E> {
            self.slot.copy(value);
            self.inner.$method(value)
        }
    )*};
}

impl<'de, X: Visitor<'de>> Visitor<'de> for KeyCapture<'_, 'de, X> {
    type Value = X::Value;

    #[inline]
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    /// The one case on the happy path: the key is in the input, so keep the reference.
    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<X::Value, E> {
        self.slot.borrow(value);
        self.inner.visit_borrowed_str(value)
    }

    /// A key only lent for this call (serde_json's keys with escapes): copy it.
    #[inline]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<X::Value, E> {
        self.slot.copy(value);
        self.inner.visit_str(value)
    }

    /// A key handed over as a `String` (from an owned `Value`): the visitor takes it, so copy.
    #[inline]
    fn visit_string<E: de::Error>(self, value: String) -> Result<X::Value, E> {
        self.slot.copy(&value);
        self.inner.visit_string(value)
    }

    #[inline]
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<X::Value, E> {
        self.slot.borrow(if value { "true" } else { "false" });
        self.inner.visit_bool(value)
    }

    capture_integer_key! {
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
    }

    // Not keys in any path notation: the member's place becomes `?`.
    forward_key_visit! {
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
        visit_none();
        visit_unit();
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<X::Value, D::Error> {
        self.inner.visit_some(deserializer)
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<X::Value, D::Error> {
        self.inner.visit_newtype_struct(deserializer)
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<X::Value, A::Error> {
        self.inner.visit_seq(seq)
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<X::Value, A::Error> {
        self.inner.visit_map(map)
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<X::Value, A::Error> {
        self.inner.visit_enum(data)
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
