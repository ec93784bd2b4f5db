//! Dintero Checkout orders that are correct by construction.
//!
//! Put `#[derive(CheckoutItem)]` on the product and cart types your shop already has. This
//! crate turns them into order lines in integer minor units of the right currency, does the
//! VAT arithmetic exactly, enforces every order-total invariant, and emits the exact JSON that
//! Dintero Checkout expects. Mistakes the compiler can see (a VAT rate of `2500`, a float
//! price, a currency without a minor unit) are compile errors; the rest are typed errors that
//! name the JSON path, all reported at once. Nothing invalid is ever emitted.
//!
//! It does no I/O: you send the bytes with whatever HTTP client you already use.
//!
//! # A whole session
//!
//! ```
//! use dintero_order::{CheckoutItem, Currency, Order, SessionProfile};
//! use rust_decimal::Decimal;
//!
//! #[derive(CheckoutItem)]
//! #[checkout(vat = 25)] // checked at compile time: 0..=100, at most 2 decimals
//! struct Chair {
//!     #[checkout(id)]
//!     sku: String,
//!     #[checkout(description)]
//!     name: String,
//!     #[checkout(unit_price)] // major units of the order currency, VAT included
//!     price: Decimal,
//!     #[checkout(quantity)]
//!     count: u32,
//!     stock: u32, // fields without #[checkout] are not mapped
//! }
//!
//! let cart = vec![Chair {
//!     sku: "chair-1".into(),
//!     name: "Stablestol".into(),
//!     price: "299.90".parse()?,
//!     count: 2,
//!     stock: 12,
//! }];
//!
//! let order = Order::builder(Currency::NOK, "order-1001")
//!     .items(&cart) // or .item(&chair) one at a time
//!     .build()?; // every problem at once, each with its JSON path
//! assert_eq!(order.amount().minor_units(), 59980); // øre: 2 × 299.90 NOK
//! assert_eq!(order.vat_amount().minor_units(), 11996); // the 25 % contained in it
//!
//! let session = SessionProfile::builder("default", "https://shop.example/return", order)
//!     .callback_url("https://shop.example/callback")
//!     .build()?;
//! let body = serde_json::to_string(&session)?; // POST /v1/sessions-profile
//! assert_eq!(
//!     body,
//!     r#"{"profile_id":"default","url":{"return_url":"https://shop.example/return","callback_url":"https://shop.example/callback"},"order":{"amount":59980,"currency":"NOK","merchant_reference":"order-1001","vat_amount":11996,"items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":2,"amount":59980,"vat_amount":11996,"vat":25}]}}"#
//! );
//!
//! // Reading a body back runs every check again.
//! let back: SessionProfile = serde_json::from_str(&body)?;
//! assert_eq!(back, session);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! When something is wrong, `build()` says everything at once:
//!
//! ```
//! use dintero_order::{Currency, Line, Order, UnitPrice, VatRate};
//! use rust_decimal::Decimal;
//!
//! let wrap = Line::new("gift", "Gift wrap", UnitPrice::minor(2900), VatRate::ZERO);
//! let err = Order::builder(Currency::NOK, "")
//!     .line(wrap.quantity(Decimal::ZERO))
//!     .build()
//!     .unwrap_err();
//! let problems: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
//! assert_eq!(problems, [
//!     "order.items[0].quantity: expected a quantity greater than 0 with at most 15 significant digits and 22 decimals, found 0",
//!     r#"order.merchant_reference: expected a non-empty string, found """#,
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What it does, and what it does not
//!
//! In scope:
//!
//! - the order: lines from [`CheckoutItem`] types or [`Line`]s, gross or net prices, fractional
//!   quantities, [`Shipping`], order-level [`Discount`]s, rounding lines for totals fixed
//!   elsewhere, addresses and store;
//! - the two request bodies that create a checkout: [`SessionProfile`]
//!   (`POST /v1/sessions-profile`) and [`Session`] (`POST /v1/sessions`), with customer,
//!   express checkout, checkboxes, metadata and configuration;
//! - checking bodies you already have: [`SessionProfile::from_json`], [`Session::from_json`]
//!   and [`Order::from_json`] return every [`Violation`] with its path; the `dintero-check`
//!   binary (crate `dintero-order-cli`) does the same from the command line.
//!
//! With the `http` feature (module `http`): the access-token and session-create requests as
//! `http::Request` values, their answers and Dintero's error body, the `callback_url` query and
//! the `Dintero-Signature` check. Not (yet) in scope: sending requests, and what happens after
//! payment (capture, refund, void). The crate never opens a connection.
//!
//! # The arithmetic
//!
//! Money is whole minor units (`i64`, checked arithmetic, no floating point anywhere); the
//! exponent comes from ISO 4217 (NOK 2, ISK 0, KWD 3). A VAT rate is a percentage in 0..=100
//! with at most 2 decimals; a rate strictly between 0 and 1 is refused as a probable fraction.
//! With gross prices (the default), `amount = round(unit_price × quantity)` and
//! `vat_amount = amount − round(amount × 100 / (100 + rate))`; with net prices,
//! `vat_amount = round(net × rate / 100)`. Rounding is half away from zero (half-even on
//! request), once per line. The order's `amount` and `vat_amount` are the sums of its lines
//! and shipping, by construction. See [`Order`], [`UnitPrice`] and [`Discount`].
//!
//! # Where to go next
//!
//! - [`CheckoutItem`](derive@CheckoutItem): the derive and every attribute it takes;
//! - [`OrderBuilder`]: lines, shipping, discounts, rounding;
//! - [`SessionProfile::builder`] and [`Session::builder`]: the session bodies;
//! - [`Error`], [`Violation`] and [`Rule`]: what a problem says;
//! - [`vat!`], [`currency!`] and [`money!`]: literals checked at compile time.
//!
//! # Features
//!
//! - `http` (off by default): the module `http`: `Account::token_request`, `AccessToken`,
//!   `create_request` on [`SessionProfile`] and [`Session`], `SessionCreated`, `ApiError`,
//!   `Callback` and `SignatureVerifier`, built on the `http` crate's types. Without it the crate
//!   depends on neither `http` nor the HMAC crates.
#![forbid(unsafe_code)]

pub use dintero_order_core::*;
pub use dintero_order_macros::*;

/// The README's examples, run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
