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

mod address;
mod builder;
mod currency;
mod error;
mod item;
mod item_text;
mod line;
mod money;
mod number;
mod order;
pub mod parse;
mod path_tracker;
mod price;
mod quantity;
mod repair;
mod rounding;
mod session;
mod shipping;
mod validate;
mod vat;

#[doc(hidden)]
pub mod __private;

pub use address::{Address, Store, StoreAddress};
pub use builder::{Discount, OrderBuilder};
pub use currency::{Currency, CurrencyError};
pub use error::{Error, MAX_LISTED, Rule, Violation};
pub use item::{DiscountLine, DiscountType, ItemType, OrderItem};
pub use line::{CheckoutItem, Line};
pub use money::{Money, MoneyError};
pub use order::Order;
pub use parse::{ParseOptions, Parsed};
pub use price::{LineAmountError, LineAmounts, Pricing, UnitPrice};
pub use quantity::{Quantity, QuantityError};
pub use rounding::Rounding;
pub use session::*;
pub use shipping::{DeliveryMethod, Shipping, ShippingOption};
pub use vat::{VatRate, VatRateError};
