//! The wire forms of the express callbacks: the posted session, read faithfully (every field
//! optional, unknown fields ignored, only the parts an answer needs kept), and the answers'
//! JSON.

use rust_decimal::Decimal;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::faithful::{WireLine, read};
use super::number::{amount_opt, decimal_opt};
use crate::error::Error;
use crate::express::answer::{AnswerParts, DiscountCodesAnswer, ShippingAddressAnswer};
use crate::express::callback::{
    CallbackAddress, CallbackItem, CallbackShippingOption, ExpressCallback,
};
use crate::express::update::ExpressOrderUpdate;

#[derive(Deserialize)]
struct WireCallback {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    order: Option<WireOrder>,
}

#[derive(Deserialize)]
struct WireOrder {
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    merchant_reference: Option<String>,
    #[serde(default, deserialize_with = "amount_opt")]
    vat_amount: Option<i64>,
    #[serde(default)]
    items: Option<Vec<WireLine>>,
    #[serde(default)]
    shipping_option: Option<WireShippingOption>,
    #[serde(default)]
    shipping_address: Option<WireAddress>,
    #[serde(default)]
    discount_codes: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct WireShippingOption {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    line_id: Option<String>,
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default, deserialize_with = "amount_opt")]
    vat_amount: Option<i64>,
    #[serde(default, deserialize_with = "decimal_opt")]
    vat: Option<Decimal>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    operator: Option<String>,
}

/// `OrderAddress`'s text fields; `latitude`, `longitude` and the B2B parts are not needed to
/// answer, and ignored like any field Dintero adds.
#[derive(Deserialize)]
struct WireAddress {
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    address_line: Option<String>,
    #[serde(default)]
    address_line_2: Option<String>,
    #[serde(default)]
    co_address: Option<String>,
    #[serde(default)]
    business_name: Option<String>,
    #[serde(default)]
    postal_code: Option<String>,
    #[serde(default)]
    postal_place: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    phone_number: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

impl ExpressCallback {
    /// Reads the session Dintero POSTs to an express callback. Faithful: every field is
    /// optional, unknown fields (`created_at`, `events`, `customer`, anything Dintero adds)
    /// are ignored, and none of this crate's stricter rules applies; only bytes that are not
    /// JSON ([`Rule::Syntax`](crate::Rule::Syntax)) or a value of the wrong type
    /// ([`Rule::Type`](crate::Rule::Type), with its path) are refused. Numbers are read
    /// exactly from their text, never through `f64`.
    ///
    /// ```
    /// use dintero_order_core::{ExpressCallback, Rule};
    ///
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1","created_at":"2025-01-01T00:00:00Z",
    ///     "order":{"amount":100,"gross_amount":100,"items":[{"line_id":"1","amount":100,"version":2}]},
    ///     "customer":{"email":"k@example.com"},"events":[{"name":"INITIATED"}]}"#)?;
    /// assert_eq!((callback.id(), callback.amount()), ("S1", Some(100)));
    ///
    /// let err = ExpressCallback::from_json(br#"{"order":{"items":[{"amount":"100"}]}}"#).unwrap_err();
    /// let problem = &err.violations()[0];
    /// assert_eq!((problem.rule(), problem.path()), (Rule::Type, "order.items[0].amount"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn from_json(json: &[u8]) -> Result<ExpressCallback, Error> {
        let wire: WireCallback = read(json)?;
        let order = wire.order;
        let Some(order) = order else {
            return Ok(ExpressCallback {
                id: wire.id.unwrap_or_default(),
                ..ExpressCallback::default()
            });
        };
        Ok(ExpressCallback {
            id: wire.id.unwrap_or_default(),
            merchant_reference: order.merchant_reference,
            currency: order.currency,
            amount: order.amount,
            vat_amount: order.vat_amount,
            items: order
                .items
                .unwrap_or_default()
                .into_iter()
                .map(|item| CallbackItem {
                    line_id: item.line_id,
                    id: item.id,
                    description: item.description,
                    quantity: item.quantity,
                    amount: item.amount.unwrap_or(0),
                    vat: item.vat,
                    vat_amount: item.vat_amount,
                })
                .collect(),
            shipping_option: order.shipping_option.map(|option| CallbackShippingOption {
                id: option.id.unwrap_or_default(),
                line_id: option.line_id.unwrap_or_default(),
                amount: option.amount.unwrap_or(0),
                vat_amount: option.vat_amount,
                vat: option.vat,
                title: option.title,
                operator: option.operator,
            }),
            shipping_address: order.shipping_address.map(|a| CallbackAddress {
                first_name: a.first_name,
                last_name: a.last_name,
                address_line: a.address_line,
                address_line_2: a.address_line_2,
                co_address: a.co_address,
                business_name: a.business_name,
                postal_code: a.postal_code,
                postal_place: a.postal_place,
                country: a.country,
                phone_number: a.phone_number,
                email: a.email,
            }),
            discount_codes: order.discount_codes.unwrap_or_default(),
        })
    }
}

/// `ShippingAddressCallbackSessionOrderUpdate`: `amount`, `currency`, `vat_amount`, `items`,
/// and `discount_codes` when the order has any (an empty list would clear the codes the
/// customer entered).
struct ShippingOrder<'a>(&'a ExpressOrderUpdate);

impl Serialize for ShippingOrder<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let update = self.0;
        let mut out =
            serializer.serialize_struct("ShippingAddressCallbackSessionOrderUpdate", 5)?;
        out.serialize_field("amount", &update.amount)?;
        out.serialize_field("currency", &update.currency)?;
        if let Some(vat_amount) = update.vat_amount {
            out.serialize_field("vat_amount", &vat_amount)?;
        }
        if !update.items.is_empty() {
            out.serialize_field("items", &update.items)?;
        }
        if !update.discount_codes.is_empty() {
            out.serialize_field("discount_codes", &update.discount_codes)?;
        }
        out.end()
    }
}

/// `DiscountCodesOrderUpdate`: `amount`, `discount_codes` (always: the codes accepted) and
/// `items`.
struct DiscountOrder<'a>(&'a ExpressOrderUpdate);

impl Serialize for DiscountOrder<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let update = self.0;
        let mut out = serializer.serialize_struct("DiscountCodesOrderUpdate", 3)?;
        out.serialize_field("amount", &update.amount)?;
        out.serialize_field("discount_codes", &update.discount_codes)?;
        if !update.items.is_empty() {
            out.serialize_field("items", &update.items)?;
        }
        out.end()
    }
}

/// `{"shipping_options":[…],"order":{…}}`; `order` is the update in the answer's form.
fn serialize_answer<S: Serializer, O: Serialize>(
    serializer: S,
    parts: &AnswerParts,
    order: Option<O>,
) -> Result<S::Ok, S::Error> {
    let mut out = serializer.serialize_struct("Answer", 2)?;
    out.serialize_field("shipping_options", &parts.shipping_options)?;
    if let Some(order) = order {
        out.serialize_field("order", &order)?;
    }
    out.end()
}

impl Serialize for ShippingAddressAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_answer(
            serializer,
            &self.0,
            self.0.order.as_ref().map(ShippingOrder),
        )
    }
}

impl Serialize for DiscountCodesAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_answer(
            serializer,
            &self.0,
            self.0.order.as_ref().map(DiscountOrder),
        )
    }
}

/// The bytes of a built answer: its numbers are integers or checked decimals and its keys
/// strings, so serializing cannot fail.
fn write(answer: &impl Serialize) -> Vec<u8> {
    match serde_json::to_vec(answer) {
        Ok(bytes) => bytes,
        Err(error) => unreachable!("a built express answer serializes: {error}"),
    }
}

impl ShippingAddressAnswer {
    /// The exact JSON of the answer, `null`s omitted (the same bytes as `serde_json::to_vec`).
    ///
    /// ```
    /// # use dintero_order_core::ExpressCallback;
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
    /// let answer = callback.shipping_address_answer([]).build()?;
    /// assert_eq!(answer.to_json(), br#"{"shipping_options":[]}"#);
    /// assert_eq!(answer.to_json(), serde_json::to_vec(&answer).unwrap());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn to_json(&self) -> Vec<u8> {
        write(self)
    }
}

impl DiscountCodesAnswer {
    /// The exact JSON of the answer, `null`s omitted (the same bytes as `serde_json::to_vec`).
    ///
    /// ```
    /// # use dintero_order_core::ExpressCallback;
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
    /// let answer = callback.discount_codes_answer([]).build()?;
    /// assert_eq!(answer.to_json(), br#"{"shipping_options":[]}"#);
    /// assert_eq!(answer.to_json(), serde_json::to_vec(&answer).unwrap());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn to_json(&self) -> Vec<u8> {
        write(self)
    }
}
