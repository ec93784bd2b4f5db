//! The wire form of an order: what an `order` object may hold on parse.

use serde::{Deserialize, Deserializer};

use crate::json::{number, parse};
use crate::order::validate::Proven;
use crate::order::validated::{GiftCard, GiftCardKind, OrderData};
use crate::{
    Address, Currency, DiscountLine, Order, OrderItem, ShippingOption, Store, StoreAddress,
};

/// What an `order` object may hold on parse: every field of [`OrderData`] plus the read-only
/// fields Dintero sets itself after computing discounts (`gross_amount`, `is_changed`). Those
/// are type-checked and dropped: a request never needs them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "an order (a JSON object)")]
struct OrderDataWire {
    #[serde(deserialize_with = "number::amount")]
    amount: i64,
    currency: Currency,
    merchant_reference: String,
    #[serde(default)]
    merchant_reference_2: Option<String>,
    #[serde(default)]
    event_reference: Option<String>,
    #[serde(default, deserialize_with = "number::amount_opt")]
    vat_amount: Option<i64>,
    #[serde(default, deserialize_with = "crate::json::item::items")]
    items: Vec<OrderItem>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    shipping_option: Option<ShippingOption>,
    #[serde(default)]
    partial_payment: Option<bool>,
    #[serde(default, deserialize_with = "parse::objects")]
    discount_lines: Vec<DiscountLine>,
    #[serde(default)]
    discount_codes: Vec<String>,
    #[serde(default, deserialize_with = "parse::objects")]
    gift_cards: Vec<GiftCard>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    shipping_address: Option<Address>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    billing_address: Option<Address>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    store: Option<Store>,
    #[serde(default)]
    payout_destination_id: Option<String>,
    #[serde(default, rename = "gross_amount")]
    _gross_amount: Option<parse::IgnoredNumber>,
    #[serde(default, rename = "is_changed")]
    _is_changed: Option<bool>,
}

impl From<OrderDataWire> for OrderData {
    fn from(wire: OrderDataWire) -> OrderData {
        OrderData {
            amount: wire.amount,
            currency: wire.currency,
            merchant_reference: wire.merchant_reference,
            merchant_reference_2: wire.merchant_reference_2,
            event_reference: wire.event_reference,
            vat_amount: wire.vat_amount,
            items: wire.items,
            shipping_option: wire.shipping_option.map(Box::new),
            partial_payment: wire.partial_payment,
            discount_lines: wire.discount_lines,
            discount_codes: wire.discount_codes,
            gift_cards: wire.gift_cards,
            shipping_address: wire.shipping_address.map(Box::new),
            billing_address: wire.billing_address.map(Box::new),
            store: wire.store.map(Box::new),
            payout_destination_id: wire.payout_destination_id,
        }
    }
}

impl<'de> Deserialize<'de> for Order {
    /// Parses an `order` object and runs every check the builder runs. Errors name the JSON
    /// path from `order` (`order.items[1].line_id`), serde's own type errors included.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Order, D::Error> {
        let data: OrderData = parse::tracked(deserializer, parse::Root::Order)?;
        Order::check(data, Proven::NOTHING).map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for OrderData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OrderData, D::Error> {
        OrderDataWire::deserialize(deserializer).map(OrderData::from)
    }
}

/// One `order.gift_cards[]` entry, as read (see [`GiftCard`]).
#[derive(Deserialize)]
#[serde(
    remote = "GiftCard",
    rename = "GiftCard",
    deny_unknown_fields,
    expecting = "a gift card (a JSON object)"
)]
struct GiftCardWire {
    #[serde(rename = "type")]
    kind: GiftCardKind,
    card_id: String,
    #[serde(deserialize_with = "number::amount")]
    amount: i64,
    #[serde(default)]
    masked_card_token: Option<String>,
}

impl<'de> Deserialize<'de> for GiftCard {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<GiftCard, D::Error> {
        GiftCardWire::deserialize(deserializer)
    }
}

/// [`Store`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "Store",
    rename = "Store",
    deny_unknown_fields,
    expecting = "a store (a JSON object)"
)]
struct StoreWire {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    business_name: Option<String>,
    #[serde(default)]
    chain: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    gln: Option<String>,
    #[serde(default)]
    organization_number: Option<String>,
    #[serde(default)]
    phone_number: Option<String>,
    #[serde(default)]
    bax: Option<String>,
    #[serde(default)]
    mcc: Option<String>,
    #[serde(default)]
    terminal_id: Option<String>,
    #[serde(default)]
    payout_destination_id: Option<String>,
    #[serde(default, deserialize_with = "crate::json::parse::object_opt")]
    address: Option<StoreAddress>,
}

impl<'de> Deserialize<'de> for Store {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Store, D::Error> {
        StoreWire::deserialize(deserializer)
    }
}
