//! What the faithful readers of bodies Dintero sends (a [`Transaction`](crate::Transaction),
//! an express callback's session) share: the tracked parse that refuses only bytes that are
//! not JSON and values of the wrong type, and the order line as Dintero writes it.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::number::{amount_opt, decimal_opt};
use super::parse::{JsonPath, Root, syntax, without_position};
use super::path_tracker;
use crate::error::{Error, Rule, Violation};
use crate::order::item::{DiscountLine, DiscountType};

/// Reads `json` as `T`: bytes that are not JSON are [`Rule::Syntax`]; a value of the wrong
/// type is [`Rule::Type`] at its path from the body's root (`items[1].amount`).
pub(super) fn read<T: DeserializeOwned>(json: &[u8]) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let failure = match path_tracker::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => return deserializer.end().map(|()| value).map_err(|e| syntax(&e)),
        Err(failure) => failure,
    };
    if failure.error.is_syntax() || failure.error.is_eof() {
        return Err(syntax(&failure.error));
    }
    let path = JsonPath::from_tracked(&failure.path)
        .map(|path| path.render(Root::Session))
        .unwrap_or_default();
    Err(Error::single(Violation::new(
        Rule::Type,
        path,
        "the type Dintero's spec gives it",
        without_position(&failure.error.to_string()),
    )))
}

/// An order line as Dintero writes it in a transaction or a session: every field optional,
/// unknown fields ignored.
#[derive(Deserialize)]
pub(super) struct WireLine {
    #[serde(default)]
    pub(super) line_id: Option<String>,
    #[serde(default)]
    pub(super) id: Option<String>,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default, deserialize_with = "decimal_opt")]
    pub(super) quantity: Option<Decimal>,
    #[serde(default, deserialize_with = "amount_opt")]
    pub(super) amount: Option<i64>,
    #[serde(default, deserialize_with = "decimal_opt")]
    pub(super) vat: Option<Decimal>,
    #[serde(default, deserialize_with = "amount_opt")]
    pub(super) vat_amount: Option<i64>,
    #[serde(default)]
    discount_lines: Option<Vec<WireDiscount>>,
}

/// A line's discount, read faithfully: a `discount_type` this crate does not know is left
/// out (it could not be sent back in a capture), an unknown field is ignored.
#[derive(Deserialize)]
struct WireDiscount {
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default, deserialize_with = "decimal_opt")]
    percentage: Option<Decimal>,
    #[serde(default)]
    discount_type: Option<String>,
    #[serde(default)]
    discount_id: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, deserialize_with = "amount_opt")]
    line_id: Option<i64>,
}

impl WireLine {
    /// The line's discounts.
    pub(super) fn discount_lines(&mut self) -> Vec<DiscountLine> {
        self.discount_lines
            .take()
            .unwrap_or_default()
            .into_iter()
            .map(|discount| DiscountLine {
                amount: discount.amount.unwrap_or(0),
                percentage: discount.percentage,
                discount_type: discount.discount_type.and_then(|name| {
                    serde_json::from_value::<DiscountType>(serde_json::Value::String(name)).ok()
                }),
                discount_id: discount.discount_id,
                description: discount.description,
                line_id: discount.line_id,
            })
            .collect()
    }
}
