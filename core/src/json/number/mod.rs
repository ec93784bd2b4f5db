//! Numbers as JSON numbers: exact in both directions, never strings, never through `f64`.
//!
//! # Writing
//!
//! `quantity`, `vat` and the unit measures are JSON numbers. Whole values are written as
//! integers (`2`), others as the shortest decimal that reads back to the same value (`2.5`).
//! Values are limited to 15 significant digits, the precision every JSON parser (an IEEE
//! double) keeps exactly, so what we write is what Dintero reads.
//!
//! # Reading
//!
//! Every number (amounts, quantities, rates, percentages, measures) is read from its JSON
//! text, digit by digit: `"quantity": 2.0000000000000001` is 2.0000000000000001 (and refused
//! as finer than a quantity may be), never the `f64` 2 that serde_json would make of it, and
//! an amount written `29990.0` or `1e3` is refused as not an integer. Messages show the
//! number as written.
//!
//! The text comes from serde_json's `raw_value` protocol, which every serde_json deserializer
//! answers: `from_str`, `from_slice` (the text borrowed, no allocation), `from_reader` (a
//! copy), and `from_value`, where a [`serde_json::Value`] gives the text it would print (a
//! `Value` already holds a fraction as an `f64`: parse the JSON text to keep every digit).
//! Other deserializers (YAML, CBOR, …) hand over numbers, not text: an integer is read
//! exactly from what they give, a fraction is refused with a message that says so, since an
//! `f64` cannot say which decimal was written.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Unexpected};

use crate::money::decimal::{EXACT_F64_POWERS, fits_json_number};

mod exact;
pub(crate) use exact::*;

mod read;
use read::*;

/// Writes `mantissa × 10^-scale` as a JSON integer when whole, else as the nearest double.
pub(crate) fn serialize_scaled<S: serde::Serializer>(
    mut mantissa: i128,
    mut scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    // Every value we write fits i64: the same steps there, where `% 10` and `/ 10` are
    // instructions rather than 128-bit library calls.
    if let Ok(small) = i64::try_from(mantissa) {
        return serialize_scaled_i64(small, scale, serializer);
    }
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if scale == 0 {
        return match i64::try_from(mantissa) {
            Ok(whole) => serializer.serialize_i64(whole),
            Err(_) => Err(serde::ser::Error::custom("number out of range")),
        };
    }
    // With ≤ 15 significant digits the mantissa and the power of ten are exact doubles, and
    // IEEE division rounds once, to the double nearest the decimal: it prints back exactly.
    match EXACT_F64_POWERS.get(scale as usize) {
        Some(power) if mantissa.unsigned_abs() < 1 << 53 => {
            serializer.serialize_f64(mantissa as f64 / power)
        }
        _ => Err(serde::ser::Error::custom(
            "number has more than 15 significant digits",
        )),
    }
}

/// [`serialize_scaled`] for a mantissa that fits `i64`.
pub(crate) fn serialize_scaled_i64<S: serde::Serializer>(
    mut mantissa: i64,
    mut scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if scale == 0 {
        return serializer.serialize_i64(mantissa);
    }
    serialize_fraction_i64(mantissa, scale, serializer)
}

/// Writes `mantissa × 10^-scale`, normalised and not whole, as the nearest double.
#[inline]
pub(crate) fn serialize_fraction_i64<S: serde::Serializer>(
    mantissa: i64,
    scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match EXACT_F64_POWERS.get(scale as usize) {
        Some(power) if mantissa.unsigned_abs() < 1 << 53 => {
            serializer.serialize_f64(mantissa as f64 / power)
        }
        _ => Err(serde::ser::Error::custom(
            "number has more than 15 significant digits",
        )),
    }
}

/// Writes a decimal as a JSON number (see the module docs).
pub(crate) fn serialize_decimal<S: serde::Serializer>(
    value: &Decimal,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serialize_scaled(value.mantissa(), value.scale(), serializer)
}

/// Reads a JSON integer into `T` (an amount, a line number, a count): its text must be a
/// plain integer (`29990`, not `29990.0` or `3e4`) within `T`'s range. `expected` is the
/// type's name in serde's messages (`i64`, `u32`), which the parse messages turn into words.
pub(crate) fn deserialize_integer<'de, D, T>(
    deserializer: D,
    expected: &'static str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<i128>,
{
    let text = match read(deserializer, expected)? {
        Read::Text(text) => text,
        Read::Unsigned(value) => return integer_in_range(i128::from(value), &value, expected),
        Read::Signed(value) => return integer_in_range(i128::from(value), &value, expected),
        Read::Float(value) => {
            return Err(de::Error::invalid_type(Unexpected::Float(value), &expected));
        }
    };
    // Nearly every integer in a body: a few digits, maybe a minus, read in one go.
    if let Some(value) = small_integer(text.as_bytes()) {
        return integer_in_range(i128::from(value), &text, expected);
    }
    if !is_number(&text) {
        return Err(not_a_number(&text, &expected));
    }
    if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return Err(de::Error::invalid_type(
            Unexpected::Other(&format!("floating point `{text}`")),
            &expected,
        ));
    }
    match text.parse::<i128>() {
        Ok(value) => integer_in_range(value, &text, expected),
        Err(_) => Err(out_of_range(&text, expected)),
    }
}

/// A plain integer of at most 18 digits (so it fits `i64` whatever they are), or `None`.
#[inline]
fn small_integer(bytes: &[u8]) -> Option<i64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut value: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + i64::from(b - b'0');
    }
    Some(if negative { -value } else { value })
}

/// `value` as `T`, or serde's "invalid value: integer `…`" with the integer as written.
fn integer_in_range<T: TryFrom<i128>, E: de::Error>(
    value: i128,
    written: &dyn fmt::Display,
    expected: &'static str,
) -> Result<T, E> {
    T::try_from(value).map_err(|_| out_of_range(written, expected))
}

fn out_of_range<E: de::Error>(written: &dyn fmt::Display, expected: &'static str) -> E {
    E::invalid_value(
        Unexpected::Other(&format!("integer `{written}`")),
        &expected,
    )
}

/// `deserialize_with` for an amount in minor units (`i64`).
pub(crate) fn amount<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    deserialize_integer(deserializer, "i64")
}

/// `deserialize_with` for an optional amount in minor units: `null` is none.
pub(crate) fn amount_opt<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    serde::Deserialize::deserialize(deserializer).map(|amount: Option<Amount>| amount.map(|a| a.0))
}

/// `deserialize_with` for an optional exact decimal read from its JSON text (normalized, so
/// `2.0` is `2`); `null` is none.
pub(crate) fn decimal_opt<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    struct Exact(Decimal);

    impl<'de> serde::Deserialize<'de> for Exact {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Exact, D::Error> {
            deserialize_decimal(deserializer).map(|value| Exact(value.normalize()))
        }
    }

    serde::Deserialize::deserialize(deserializer).map(|value: Option<Exact>| value.map(|v| v.0))
}

/// `deserialize_with` for an optional count (`u32`): `null` is none.
pub(crate) fn count_opt<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u32>, D::Error> {
    struct Count(u32);

    impl<'de> serde::Deserialize<'de> for Count {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Count, D::Error> {
            deserialize_integer(deserializer, "u32").map(Count)
        }
    }

    serde::Deserialize::deserialize(deserializer).map(|count: Option<Count>| count.map(|c| c.0))
}

/// An amount in minor units read from its JSON text (see [`amount`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Amount(pub(crate) i64);

impl<'de> serde::Deserialize<'de> for Amount {
    #[inline]
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        amount(deserializer).map(Amount)
    }
}

/// A JSON number as read: a non-negative integer (what most numbers in a body are) as it
/// is, so a caller that wants an integer skips the decimal; anything else as an exact decimal,
/// or, when it has more digits than a decimal holds, what the caller needs to refuse it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WireNumber {
    /// A non-negative integer that fits `u64`.
    Unsigned(u64),
    /// A negative integer or a fraction, exactly.
    Decimal(Decimal),
    /// A number with more significant digits than a [`Decimal`] holds (28), or beyond its
    /// range: no rate, quantity or measure is one.
    Beyond(Beyond),
}

/// What is known of a number beyond a [`Decimal`]: enough to say why it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Beyond {
    /// Below zero.
    pub(crate) negative: bool,
    /// How many digits it has before the point (0 or fewer for a value below 1: `0.001` has
    /// -2).
    pub(crate) integer_digits: i64,
}

/// Reads a JSON number (integer or fraction, never a string), exactly, from its text.
#[inline]
pub(crate) fn deserialize_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<WireNumber, D::Error> {
    number_from(read(deserializer, "a JSON number")?)
}

fn number_from<E: de::Error>(read: Read<'_>) -> Result<WireNumber, E> {
    match read {
        Read::Text(text) => {
            if !is_number(&text) {
                return Err(not_a_number(&text, &"a JSON number"));
            }
            exact(&text).ok_or_else(|| E::invalid_value(Unexpected::Other(&text), &"a JSON number"))
        }
        Read::Unsigned(value) => Ok(WireNumber::Unsigned(value)),
        Read::Signed(value) => Ok(WireNumber::Decimal(Decimal::from(value))),
        Read::Float(value) => Err(E::custom(format_args!(
            "the number {value} was handed over as a binary floating point number, which \
             cannot say which decimal was written: read the body from its JSON text with \
             serde_json"
        ))),
    }
}

/// Reads a JSON number (integer or fraction, never a string) as an exact decimal; one with
/// more digits than a decimal holds is refused.
pub(crate) fn deserialize_decimal<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Decimal, D::Error> {
    match read(deserializer, "a JSON number")? {
        Read::Text(text) => match number_from::<D::Error>(Read::Text(Cow::Borrowed(&text)))? {
            WireNumber::Unsigned(whole) => Ok(Decimal::from(whole)),
            WireNumber::Decimal(value) => Ok(value),
            WireNumber::Beyond(_) => Err(de::Error::custom(format_args!(
                "number {text} has more significant digits than a decimal holds (28)"
            ))),
        },
        other => number_from(other).and_then(|number| match number {
            WireNumber::Unsigned(whole) => Ok(Decimal::from(whole)),
            WireNumber::Decimal(value) => Ok(value),
            WireNumber::Beyond(_) => Err(de::Error::custom("number out of range")),
        }),
    }
}

/// A JSON string or number, as read by [`deserialize_text_or_number`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TextOrNumber {
    /// A string, unescaped.
    Text(String),
    /// A number's JSON text, as written.
    Number(String),
}

/// What [`deserialize_text_or_number`] accepts, for messages.
const TEXT_OR_NUMBER: &str = "a string or a number";

/// Reads a JSON string, or a JSON number kept as its JSON text (never through `f64`). Other
/// deserializers than serde_json hand over integers, kept as their digits; a fraction they
/// hand over as an `f64` is refused, as everywhere else.
pub(crate) fn deserialize_text_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<TextOrNumber, D::Error> {
    match read(deserializer, TEXT_OR_NUMBER)? {
        Read::Text(text) => {
            if text.starts_with('"') {
                serde_json::from_str::<String>(&text)
                    .map(TextOrNumber::Text)
                    .map_err(de::Error::custom)
            } else if is_number(&text) {
                Ok(TextOrNumber::Number(text.into_owned()))
            } else {
                Err(not_a_number(&text, &TEXT_OR_NUMBER))
            }
        }
        Read::Unsigned(value) => Ok(TextOrNumber::Number(value.to_string())),
        Read::Signed(value) => Ok(TextOrNumber::Number(value.to_string())),
        Read::Float(value) => Err(de::Error::custom(format_args!(
            "the number {value} was handed over as a binary floating point number, which \
             cannot say which decimal was written: read the body from its JSON text with \
             serde_json"
        ))),
    }
}

/// What [`deserialize_written`] accepts, for messages: what [`serialize_decimal`] writes.
pub(crate) const WRITTEN_EXPECTED: &str =
    "a number with at most 15 significant digits and 22 decimals";

/// Reads a JSON number as an exact decimal, refusing one that [`serialize_decimal`] could not
/// write back ([`fits_json_number`]): a value read into a type that writes it again must be
/// one it can write, so that everything that exists serializes.
pub(crate) fn deserialize_written<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Decimal, D::Error> {
    let value = deserialize_decimal(deserializer)?;
    if fits_json_number(value) {
        Ok(value)
    } else {
        let found = format!("number {value}");
        Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Other(&found),
            &WRITTEN_EXPECTED,
        ))
    }
}

/// `Option<Decimal>` counterpart of [`serialize_decimal`] and [`deserialize_written`], for
/// `#[serde(with)]` fields: it reads exactly what it writes.
pub(crate) mod option {
    use rust_decimal::Decimal;

    pub(crate) fn serialize<S: serde::Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize_decimal(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        super::deserialize_written(deserializer).map(Some)
    }
}

/// A latitude or longitude: written and read as the exact JSON number.
impl serde::Serialize for crate::order::address::Degrees {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(&self.0, serializer)
    }
}

impl<'de> serde::Deserialize<'de> for crate::order::address::Degrees {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_written(deserializer).map(crate::order::address::Degrees)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::value::RawValue;

    fn dec(text: &str) -> Option<Decimal> {
        match exact(text) {
            Some(WireNumber::Decimal(value)) => Some(value),
            Some(WireNumber::Unsigned(value)) => Some(Decimal::from(value)),
            _ => None,
        }
    }

    #[test]
    fn numbers_are_read_from_their_text_exactly() {
        assert_eq!(exact("25"), Some(WireNumber::Unsigned(25)));
        assert_eq!(
            exact("18446744073709551615"),
            Some(WireNumber::Unsigned(u64::MAX))
        );
        assert_eq!(
            dec("18446744073709551616"),
            Some(dec!(18446744073709551616))
        );
        assert_eq!(dec("2.5"), Some(dec!(2.5)));
        assert_eq!(dec("-0.5"), Some(dec!(-0.5)));
        assert_eq!(dec("2.0000000000000001"), Some(dec!(2.0000000000000001)));
        assert_eq!(dec("1.55e-1"), Some(dec!(0.155)));
        assert_eq!(dec("25E2"), Some(dec!(2500)));
        assert_eq!(dec("2.500e+1"), Some(dec!(25)));
        assert_eq!(dec("0.000"), Some(Decimal::ZERO));
        assert_eq!(dec("-0"), Some(Decimal::ZERO));
        assert_eq!(dec("0e999999999999999999999"), Some(Decimal::ZERO));
        assert_eq!(
            dec("0.0000000000000000000000000001"),
            Some(Decimal::new(1, 28))
        );
        assert_eq!(
            dec("1.000000000000000000000000000000000"),
            Some(Decimal::ONE)
        );
        // More significant digits than a decimal holds, or beyond its range.
        assert_eq!(
            exact("1.00000000000000000000000000001"),
            Some(WireNumber::Beyond(Beyond {
                negative: false,
                integer_digits: 1
            }))
        );
        assert_eq!(
            exact("-1e30"),
            Some(WireNumber::Beyond(Beyond {
                negative: true,
                integer_digits: 31
            }))
        );
        assert_eq!(
            exact("2.5e-40"),
            Some(WireNumber::Beyond(Beyond {
                negative: false,
                integer_digits: -39
            }))
        );
        assert_eq!(
            exact("1e99999999999999999999"),
            Some(WireNumber::Beyond(Beyond {
                negative: false,
                integer_digits: i64::MAX
            }))
        );
        for not_a_number in ["", "-", "1.", ".5", "1e", "1e+", "\"1\"", "null", "1x"] {
            assert_eq!(exact(not_a_number), None, "{not_a_number}");
        }
    }

    /// The protocol `read` relies on is serde_json's own: `RawValue` asks under this name.
    #[test]
    fn the_raw_value_token_is_serde_jsons() {
        struct NameOf;

        impl<'de> serde::Deserializer<'de> for NameOf {
            type Error = serde_json::Error;

            fn deserialize_any<V: de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
                Err(de::Error::custom("any"))
            }

            fn deserialize_newtype_struct<V: de::Visitor<'de>>(
                self,
                name: &'static str,
                _: V,
            ) -> Result<V::Value, Self::Error> {
                Err(de::Error::custom(name))
            }

            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf option unit unit_struct seq tuple tuple_struct map struct enum
                identifier ignored_any
            }
        }

        let asked = <Box<RawValue> as serde::Deserialize>::deserialize(NameOf)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(asked, Err(RAW_VALUE_TOKEN.to_owned()));
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Line {
        #[serde(deserialize_with = "amount")]
        amount: i64,
        // Any exact decimal (not only what `option` would write back), so that a value with
        // more digits than a double holds shows whether its text was read.
        #[serde(deserialize_with = "some_decimal", default)]
        quantity: Option<Decimal>,
    }

    fn some_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        deserialize_decimal(d).map(Some)
    }

    fn every_way(json: &str) -> [Result<Line, String>; 4] {
        let value: Result<serde_json::Value, _> = serde_json::from_str(json);
        [
            serde_json::from_str::<Line>(json).map_err(|e| e.to_string()),
            serde_json::from_slice::<Line>(json.as_bytes()).map_err(|e| e.to_string()),
            serde_json::from_reader::<_, Line>(json.as_bytes()).map_err(|e| e.to_string()),
            value
                .and_then(serde_json::from_value::<Line>)
                .map_err(|e| e.to_string()),
        ]
    }

    #[test]
    fn every_serde_json_entry_point_reads_the_text() {
        let exact = Line {
            amount: 29990,
            quantity: Some(dec!(2.25)),
        };
        for read in every_way(r#"{"amount":29990,"quantity":2.25}"#) {
            assert_eq!(read, Ok(exact.clone_line()));
        }
        // The text, not the f64: 2.0000000000000001 as written (a Value holds an f64).
        let [text, slice, reader, value] =
            every_way(r#"{"amount":1,"quantity":2.0000000000000001}"#);
        for read in [text, slice, reader] {
            assert_eq!(read.map(|l| l.quantity), Ok(Some(dec!(2.0000000000000001))));
        }
        assert_eq!(value.map(|l| l.quantity), Ok(Some(dec!(2))));
        // An amount is a plain integer, shown as written. serde_json gives the position where
        // the error reaches the object: past its `}` when the value was the last member.
        for (json, message) in [
            (
                r#"{"amount":29990.0}"#,
                "invalid type: floating point `29990.0`, expected i64 at line 1 column 18",
            ),
            (
                r#"{"amount":1e3}"#,
                "invalid type: floating point `1e3`, expected i64 at line 1 column 14",
            ),
            (
                r#"{"amount":9223372036854775808}"#,
                "invalid value: integer `9223372036854775808`, expected i64 at line 1 column 30",
            ),
            (
                r#"{"amount":"1"}"#,
                "invalid type: string \"1\", expected i64 at line 1 column 14",
            ),
            (
                r#"{"amount":null}"#,
                "invalid type: null, expected i64 at line 1 column 15",
            ),
            (
                r#"{"amount":{"a":1}}"#,
                "invalid type: map, expected i64 at line 1 column 18",
            ),
            (
                r#"{"amount":1,"quantity":1e40}"#,
                "number 1e40 has more significant digits than a decimal holds (28) at line 1 column 28",
            ),
        ] {
            assert_eq!(
                serde_json::from_str::<Line>(json).map_err(|e| e.to_string()),
                Err(message.to_owned()),
                "{json}"
            );
        }
    }

    #[test]
    fn other_deserializers_hand_over_integers_exactly_and_fractions_are_refused() {
        use serde::de::IntoDeserializer;
        type Plain = serde::de::value::Error;
        fn amount<T: IntoDeserializer<'static, Plain>>(value: T) -> Result<i64, String> {
            super::amount(value.into_deserializer()).map_err(|e| e.to_string())
        }
        fn decimal<T: IntoDeserializer<'static, Plain>>(value: T) -> Result<Decimal, String> {
            deserialize_decimal(value.into_deserializer()).map_err(|e| e.to_string())
        }
        assert_eq!(amount(29990_u64), Ok(29990));
        assert_eq!(amount(-5_i64), Ok(-5));
        assert_eq!(
            amount(u64::MAX),
            Err("invalid value: integer `18446744073709551615`, expected i64".to_owned())
        );
        assert_eq!(
            amount(2.5_f64),
            Err("invalid type: floating point `2.5`, expected i64".to_owned())
        );
        assert_eq!(decimal(7_u8), Ok(dec!(7)));
        assert_eq!(
            decimal(2.5_f64),
            Err("the number 2.5 was handed over as a binary floating point number, which cannot say which decimal was written: read the body from its JSON text with serde_json".to_owned())
        );
    }

    impl Line {
        fn clone_line(&self) -> Line {
            Line {
                amount: self.amount,
                quantity: self.quantity,
            }
        }
    }
}
