//! The deserializer, visitor and accessors that wrap serde's and record where they are.

use super::*;

/// A deserializer that hands the place of the value it reads to the visitor.
pub(super) struct TrackingDeserializer<'a, D> {
    pub(super) inner: D,
    pub(super) place: Place<'a>,
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
pub(super) struct TrackingVisitor<'a, V> {
    pub(super) inner: V,
    pub(super) place: Place<'a>,
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
pub(super) struct TrackingSeq<'a, A> {
    pub(super) inner: A,
    pub(super) place: Place<'a>,
    /// The index of the next element.
    pub(super) index: usize,
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
pub(super) struct TrackingMap<'a, 'de, A> {
    pub(super) inner: A,
    pub(super) place: Place<'a>,
    /// The key just read, for the value that follows it.
    pub(super) key: KeySlot<'de>,
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
pub(super) struct TrackingEnum<'a, A> {
    pub(super) inner: A,
    pub(super) place: Place<'a>,
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
pub(super) struct TrackingVariant<'a, 'de, A> {
    pub(super) inner: A,
    /// The enum's place.
    pub(super) place: Place<'a>,
    /// The variant's name, as read.
    pub(super) name: KeySlot<'de>,
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
pub(super) fn variant_frame<'a>(parent: &'a Frame<'a>, name: &'a KeySlot<'_>) -> Frame<'a> {
    Frame::Child(parent, name.get().map_or(Step::UnknownKey, Step::Variant))
}

/// The seed of an element, a member's value or a variant's content, with that value's frame.
pub(super) struct TrackingSeed<'a, T> {
    pub(super) inner: T,
    pub(super) frame: Frame<'a>,
    pub(super) recorder: &'a Recorder,
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
