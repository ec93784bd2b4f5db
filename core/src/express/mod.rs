//! Express Checkout's callbacks: the session Dintero POSTs to
//! `express.shipping_address_callback_url` and `express.discount_codes.callback_url`
//! ([`ExpressCallback`](callback::ExpressCallback), read faithfully), and the shop's answers
//! ([`ShippingAddressAnswer`](answer::ShippingAddressAnswer),
//! [`DiscountCodesAnswer`](answer::DiscountCodesAnswer)), whose order update adds up to what
//! Dintero checks it against. Their wire forms are `json/express.rs`.
//!
//! Not the `callback_url` query of the `http` feature (`http::Callback`), which tells the
//! shop a payment happened.

pub(crate) mod answer;
pub(crate) mod callback;
pub(crate) mod update;
