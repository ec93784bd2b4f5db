//! The wire forms of the money types: currencies as their codes; amounts, quantities and VAT
//! rates as exact JSON numbers.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::json::number::{self, WireNumber};
use crate::{Currency, Money, Quantity, QuantityError, VatRate, VatRateError};

/// The wire form of [`Money`]: `{"amount": <minor units>, "currency": "<ISO 4217>"}`.
#[derive(Serialize, Deserialize)]
#[serde(
    rename = "Money",
    deny_unknown_fields,
    expecting = "an amount of money: {\"amount\": <integer minor units>, \"currency\": \"NOK\"}"
)]
struct MoneyWire {
    amount: MinorUnits,
    currency: Currency,
}

/// An amount in minor units: a JSON integer that fits `i64`, nothing else.
struct MinorUnits(i64);

impl Serialize for MinorUnits {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for MinorUnits {
    /// A JSON integer read from its text (`29990.0` and `3e4` are refused, as written).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        number::deserialize_integer(
            deserializer,
            "an integer amount in minor units (29990 for 299.90 NOK)",
        )
        .map(MinorUnits)
    }
}

impl Serialize for Money {
    /// `{"amount": 29990, "currency": "NOK"}`; see [`Money`].
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        MoneyWire {
            amount: MinorUnits(self.minor),
            currency: self.currency,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    /// Reads `{"amount": 29990, "currency": "NOK"}`, strictly; see [`Money`].
    ///
    /// ```
    /// use dintero_order_core::Money;
    /// let err = |json| serde_json::from_str::<Money>(json).unwrap_err().to_string();
    /// assert_eq!(
    ///     err(r#"{"amount":"29990","currency":"NOK"}"#),
    ///     r#"invalid type: string "29990", expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 17"#
    /// );
    /// assert_eq!(
    ///     err(r#"{"amount":29990,"currency":"XAU"}"#),
    ///     "currency `XAU` has no minor unit, so Dintero cannot charge in it at line 1 column 32"
    /// );
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let MoneyWire {
            amount: MinorUnits(minor),
            currency,
        } = MoneyWire::deserialize(deserializer)?;
        Ok(Money { minor, currency })
    }
}

impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Held normalised: whole when the scale is 0, else a fraction with no trailing zero
        // to strip (the general path tests for one with a division).
        match self.scale {
            0 => serializer.serialize_u64(self.mantissa.get()),
            scale => {
                number::serialize_fraction_i64(self.signed_mantissa(), u32::from(scale), serializer)
            }
        }
    }
}

impl<'de> serde::Deserialize<'de> for Quantity {
    /// Reads the number from its JSON text (never through `f64`), then checks it as
    /// [`Quantity::new`] does.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let quantity = match number::deserialize_number(deserializer)? {
            number::WireNumber::Unsigned(whole) => Quantity::new(Decimal::from(whole)),
            number::WireNumber::Decimal(value) => Quantity::new(value),
            number::WireNumber::Beyond(beyond) if beyond.negative => {
                Err(QuantityError::NotPositive)
            }
            number::WireNumber::Beyond(_) => Err(QuantityError::TooPrecise),
        };
        quantity.map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for VatRate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Whole percentages (nearly every rate) as integers, without the general path.
        match self.hundredths % 100 {
            0 => serializer.serialize_u16(self.hundredths / 100),
            _ => number::serialize_scaled(i128::from(self.hundredths), 2, serializer),
        }
    }
}

impl<'de> serde::Deserialize<'de> for VatRate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A whole percentage (nearly every rate) without a decimal in between. The rate is
        // checked after the number is read, so an error's position is where it always was.
        let rate = match number::deserialize_number(deserializer)? {
            WireNumber::Unsigned(percent) => u8::try_from(percent)
                .map_or(Err(VatRateError::OutOfRange), VatRate::from_whole_percent),
            WireNumber::Decimal(percent) => VatRate::from_percent(percent),
            // More digits than a decimal holds: which rule it breaks, as `from_percent` would
            // say for the exact value (past 100 before too precise, below 1 a fraction).
            WireNumber::Beyond(beyond) => Err(match beyond.integer_digits {
                _ if beyond.negative => VatRateError::OutOfRange,
                digits if digits >= 3 => VatRateError::OutOfRange,
                digits if digits <= 0 => VatRateError::Fraction,
                _ => VatRateError::TooPrecise,
            }),
        };
        rate.map_err(serde::de::Error::custom)
    }
}

/// A currency on the wire: its ISO 4217 code.
impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = Currency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 4217 currency code with a minor unit")
            }
            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Currency, E> {
                code.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(CodeVisitor)
    }
}
