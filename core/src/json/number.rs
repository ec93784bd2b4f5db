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

/// The name serde_json's [`RawValue`](serde_json::value::RawValue) asks its deserializer
/// for (with `deserialize_newtype_struct`) to be handed a value's JSON text: a map with this
/// one key, whose value is the text. Pinned by a test against `RawValue` itself.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A JSON value's text as written (serde_json), or the number another deserializer made.
#[derive(Debug)]
enum Read<'de> {
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
fn read<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    expected: &'static str,
) -> Result<Read<'de>, D::Error> {
    deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, ReadVisitor { expected })
}

struct ReadVisitor {
    expected: &'static str,
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
struct RawKey;

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
struct TextSeed;

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
fn not_a_number<E: de::Error>(text: &str, expected: &dyn de::Expected) -> E {
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
fn is_number(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'-' | b'0'..=b'9'))
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

/// The exact value of a JSON number's text (`None` when it is not one).
///
/// The plain cases take a few instructions: an integer that fits `u64`, a fraction of at most
/// 18 digits. Anything else (an exponent, many digits) is read digit by digit: trailing zeros
/// are dropped (`2.500` is 2.5, `25e2` is 2500), and what still has more than 28 significant
/// digits is [`WireNumber::Beyond`].
pub(crate) fn exact(text: &str) -> Option<WireNumber> {
    let bytes = text.as_bytes();
    // A plain non-negative integer.
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        let mut value: u64 = 0;
        let mut fits = true;
        for &b in bytes {
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
            {
                Some(next) => value = next,
                None => {
                    fits = false;
                    break;
                }
            }
        }
        if fits {
            return Some(WireNumber::Unsigned(value));
        }
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (unsigned.get(..at)?, Some(unsigned.get(at + 1..)?)),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (mantissa, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || mantissa.ends_with('.') {
        return None;
    }
    // A plain fraction of at most 18 digits: an i64 mantissa and its scale.
    if exponent.is_none() && whole.len() + fraction.len() <= 18 {
        let mut value: i64 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            value = value * 10 + i64::from(b - b'0');
        }
        let value = if negative { -value } else { value };
        let scale = u32::try_from(fraction.len()).ok()?;
        return Some(WireNumber::Decimal(Decimal::new(value, scale)));
    }
    // The exponent, saturated: past any limit it only says "beyond".
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (sign, e_digits) = match e.as_bytes().first() {
                Some(b'-') => (-1, e.get(1..)?),
                Some(b'+') => (1, e.get(1..)?),
                _ => (1, e),
            };
            if e_digits.is_empty() || !digits(e_digits) {
                return None;
            }
            let magnitude = e_digits.bytes().fold(0_i64, |acc, b| {
                acc.saturating_mul(10).saturating_add(i64::from(b - b'0'))
            });
            sign * magnitude
        }
    };
    // value = significant digits × 10^(exponent − digits after the point), with the
    // significant digits stripped of leading and trailing zeros.
    let all = || whole.bytes().chain(fraction.bytes());
    let total = whole.len() + fraction.len();
    let Some(first) = all().position(|b| b != b'0') else {
        return Some(WireNumber::Decimal(Decimal::ZERO));
    };
    let last = total - 1 - all().rev().position(|b| b != b'0').unwrap_or(0);
    let significant = last + 1 - first;
    let trailing_zeros = total - 1 - last;
    let fraction_len = i64::try_from(fraction.len()).ok()?;
    let trailing = i64::try_from(trailing_zeros).ok()?;
    // value = digits[first..=last] × 10^power
    let power = exponent
        .saturating_sub(fraction_len)
        .saturating_add(trailing);
    let sig = i64::try_from(significant).ok()?;
    let integer_digits = sig.saturating_add(power);
    let beyond = WireNumber::Beyond(Beyond {
        negative,
        integer_digits,
    });
    if significant > 28 || integer_digits > 28 || power < -28 {
        return Some(beyond);
    }
    let mut value: i128 = 0;
    for b in all().skip(first).take(significant) {
        value = value * 10 + i128::from(b - b'0');
    }
    let (value, scale) = if power >= 0 {
        let factor = 10_i128.checked_pow(u32::try_from(power).ok()?)?;
        (value.checked_mul(factor)?, 0)
    } else {
        (value, u32::try_from(-power).ok()?)
    };
    let value = if negative { -value } else { value };
    match Decimal::try_from_i128_with_scale(value, scale) {
        Ok(decimal) => Some(WireNumber::Decimal(decimal)),
        Err(_) => Some(beyond),
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
