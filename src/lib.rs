//! # dintero-order
//!
//! Dintero Checkout session requests that are correct by construction.
//!
//! See the [README](https://github.com/dintero-order/dintero-order) for a tour.
#![forbid(unsafe_code)]

pub use dintero_order_core::*;
pub use dintero_order_macros::*;
