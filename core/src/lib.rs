//! Runtime types of [`dintero-order`](https://docs.rs/dintero-order): currencies, money in
//! minor units, VAT rates, quantities, order lines, orders and Dintero Checkout sessions.
//!
//! Use it through the `dintero-order` crate, which re-exports everything here together with
//! `#[derive(CheckoutItem)]`.
//!
//! Every value of these types is valid: builders and parsers check every invariant of
//! Dintero's API and report every problem at once as an [`Error`] whose
//! [`Violation`]s name JSON paths such as `order.items[2].vat`.
//!
//! # Module map
//!
//! Folders by concern; each uses only the ones below it (`ARCHITECTURE.md` has the details):
//!
//! | folder | holds |
//! |---|---|
//! | `json/` | all serde: the wire forms of the types below, parsing with repair, JSON paths, JSON numbers |
//! | `session/` | the session bodies ([`SessionProfile`], [`Session`]) and their parts; the update body ([`SessionUpdate`]) |
//! | `order/` | lines, items, discounts, shipping, addresses, the [`OrderBuilder`], the order invariants |
//! | `spec/` | Dintero's spec, embedded: every constraint it states, checked on the JSON a body passes through (configuration, tokens, `emd`, `eta`, …) |
//! | `money/` | [`Currency`], [`Money`], [`VatRate`], [`Quantity`], [`UnitPrice`], [`Rounding`]: the arithmetic |
//! | `express/` | Express Checkout's callbacks: the posted session ([`ExpressCallback`], read faithfully) and the shop's answers ([`ShippingAddressAnswer`], [`DiscountCodesAnswer`]) |
//! | `lifecycle/` | after payment: the [`Transaction`] Dintero returns; capture and refund bodies with cumulative arithmetic; [`Void`]; which operations each status allows |
//! | `http/` | feature `http`: the token, session-create and session-update requests as `http::Request`s, their answers, Dintero's error body, the `callback_url` query and the `Dintero-Signature` check |
//! | `error.rs` | [`Error`], [`Violation`], [`Rule`], [`RuleOwner`] and how paths are written |
//!
//! `json` knows the domain types; no domain module (`money`, `order`, `session`) knows `json`.
//! `__private` is what `#[derive(CheckoutItem)]` expands to, reached only by absolute paths.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod express;
#[cfg(feature = "http")]
pub mod http;
mod json;
mod lifecycle;
mod money;
mod order;
mod session;
mod spec;

#[doc(hidden)]
pub mod __private;

pub use error::{Error, MAX_LISTED, Rule, RuleOwner, Violation};
pub use express::answer::{
    DiscountCodesAnswer, DiscountCodesAnswerBuilder, ShippingAddressAnswer,
    ShippingAddressAnswerBuilder,
};
pub use express::callback::{
    CallbackAddress, CallbackItem, CallbackShippingOption, ExpressCallback,
};
pub use express::update::ExpressOrderUpdate;
pub use json::parse;
pub use lifecycle::capture::{Capture, CaptureBuilder};
pub use lifecycle::operation::OperationItem;
pub use lifecycle::refund::{Refund, RefundBuilder};
pub use lifecycle::status::{EventKind, TransactionStatus};
pub use lifecycle::transaction::{EventItem, Transaction, TransactionEvent, TransactionItem};
pub use lifecycle::void::Void;
pub use money::amount::{Money, MoneyError};
pub use money::currency::{Currency, CurrencyError};
pub use money::price::{LineAmountError, LineAmounts, Pricing, UnitPrice};
pub use money::quantity::{Quantity, QuantityError};
pub use money::rounding::Rounding;
pub use money::vat::{VatRate, VatRateError};
pub use order::address::{Address, Store, StoreAddress};
pub use order::builder::{Discount, OrderBuilder};
pub use order::item::{
    DiscountLine, DiscountType, FeeSplit, ItemGroup, ItemType, OrderItem, PayoutSplit,
};
pub use order::line::{CheckoutItem, Line};
pub use order::shipment::ShipmentItem;
pub use order::shipping::{DeliveryMethod, Shipping, ShippingOption};
pub use order::shipping_types::{EnvironmentalData, EnvironmentalDetail, PayInStore};
pub use order::validated::GiftCard;
pub use order::validated::Order;
#[doc(no_inline)]
pub use parse::{ParseOptions, Parsed};
pub use session::*;
