//! Reading a value's JSON text through serde_json's raw-value protocol, or the number another deserializer made.

use super::*;

/// The name serde_json's [`RawValue`](serde_json::value::RawValue) asks its deserializer
/// for (with `deserialize_newtype_struct`) to be handed a value's JSON text: a map with this
/// one key, whose value is the text. Pinned by a test against `RawValue` itself.
pub(super) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A JSON value's text as written (serde_json), or the number another deserializer made.
#[derive(Debug)]
pub(super) enum Read<'de> {
    /// The JSON text of the value: a number, or any other value to refuse.
    Text(Cow<'de, str>),
    /// A whole number handed over as one (not serde_json).
    Unsigned(u64),
    /// A negative whole number handed over as one (not serde_json).
    Signed(i64),
    /// A fraction handed over as an `f64` (not serde_json): refused, as it cannot be exact.
    Float(f64),
}

/// Reads a value's JSON text (see the module docs); `expected` words what the caller wanted,
/// for what another deserializer hands over that is no number.
pub(super) fn read<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    expected: &'static str,
) -> Result<Read<'de>, D::Error> {
    deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, ReadVisitor { expected })
}

pub(super) struct ReadVisitor {
    pub(super) expected: &'static str,
}

impl<'de> de::Visitor<'de> for ReadVisitor {
    type Value = Read<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expected)
    }

    /// serde_json's answer: `{TOKEN: "<the JSON text>"}`.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Read<'de>, A::Error> {
        match map.next_key::<RawKey>()? {
            Some(RawKey) => map.next_value_seed(TextSeed).map(Read::Text),
            None => Err(de::Error::invalid_type(Unexpected::Map, &self)),
        }
    }

    /// Any other deserializer: the number it holds, as it gives it.
    fn visit_newtype_struct<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Read<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Read<'de>, E> {
        Ok(Read::Unsigned(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Read<'de>, E> {
        Ok(Read::Signed(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Read<'de>, E> {
        Ok(Read::Text(Cow::Owned(value.to_string())))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Read<'de>, E> {
        Ok(Read::Text(Cow::Owned(value.to_string())))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Read<'de>, E> {
        Ok(Read::Float(value))
    }
}

/// The key of serde_json's raw-value map; any other key is a map that is no number.
pub(super) struct RawKey;

impl<'de> serde::Deserialize<'de> for RawKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RawKey, D::Error> {
        struct KeyVisitor;

        impl de::Visitor<'_> for KeyVisitor {
            type Value = RawKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON number")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<RawKey, E> {
                if key == RAW_VALUE_TOKEN {
                    Ok(RawKey)
                } else {
                    Err(E::invalid_type(Unexpected::Map, &self))
                }
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// The raw text, borrowed when the deserializer lends it for as long as the input lives.
pub(super) struct TextSeed;

impl<'de> de::DeserializeSeed<'de> for TextSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> de::Visitor<'de> for TextSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the JSON text of a value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(text))
    }
}

/// The error for JSON text that is no number: serde's words for what it is (`string "1"`,
/// `null`, `map`, …), as serde_json says them.
pub(super) fn not_a_number<E: de::Error>(text: &str, expected: &dyn de::Expected) -> E {
    match text.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<Cow<'_, str>>(text) {
            Ok(string) => E::invalid_type(Unexpected::Str(&string), expected),
            Err(_) => E::invalid_type(Unexpected::Other("a string"), expected),
        },
        Some(b't') => E::invalid_type(Unexpected::Bool(true), expected),
        Some(b'f') => E::invalid_type(Unexpected::Bool(false), expected),
        Some(b'n') => E::invalid_type(Unexpected::Unit, expected),
        Some(b'{') => E::invalid_type(Unexpected::Map, expected),
        Some(b'[') => E::invalid_type(Unexpected::Seq, expected),
        _ => E::invalid_value(Unexpected::Other(text), expected),
    }
}

/// Whether `text` is a JSON number (serde_json has checked its syntax; this tells it from
/// the other values).
pub(super) fn is_number(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'-' | b'0'..=b'9'))
}
