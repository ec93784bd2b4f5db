//! Runtime types of [`dintero-order`](https://docs.rs/dintero-order): currencies, money in
//! minor units, VAT rates, quantities, order lines, orders and Dintero Checkout sessions.
//!
//! Use it through the `dintero-order` crate, which re-exports everything here together with
//! `#[derive(CheckoutItem)]`.
//!
//! Every value of these types is valid: builders and parsers check every invariant of
//! Dintero's API and report every problem at once as an [`Error`] whose
//! [`Violation`]s name JSON paths such as `order.items[2].vat`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod json;
mod money;
mod order;
mod session;

#[doc(hidden)]
pub mod __private;

pub use error::{Error, MAX_LISTED, Rule, Violation};
pub use json::parse;
pub use json::parse::{ParseOptions, Parsed};
pub use money::amount::{Money, MoneyError};
pub use money::currency::{Currency, CurrencyError};
pub use money::price::{LineAmountError, LineAmounts, Pricing, UnitPrice};
pub use money::quantity::{Quantity, QuantityError};
pub use money::rounding::Rounding;
pub use money::vat::{VatRate, VatRateError};
pub use order::address::{Address, Store, StoreAddress};
pub use order::builder::{Discount, OrderBuilder};
pub use order::item::{DiscountLine, DiscountType, ItemType, OrderItem};
pub use order::line::{CheckoutItem, Line};
pub use order::shipping::{DeliveryMethod, Shipping, ShippingOption};
pub use order::validated::Order;
pub use session::*;
