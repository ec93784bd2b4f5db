//! Capturing a map key as it is read, so the path can name it.

use super::*;

/// Wraps a map key's (or variant name's) seed, deserializer and visitor to keep the key.
///
/// Only the key itself is captured, never anything nested in it, as `serde_path_to_error`
/// does.
pub(super) struct KeyCapture<'k, 'de, X> {
    pub(super) inner: X,
    pub(super) slot: &'k mut KeySlot<'de>,
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
