#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub use dintero_order_core::*;
pub use dintero_order_macros::*;
