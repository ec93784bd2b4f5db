//! Money: currencies, amounts in minor units, VAT rates, quantities, unit prices, rounding.
//!
//! The one arithmetic of the crate. Uses nothing of `order`, `session` or `json`.

pub(crate) mod amount;
pub(crate) mod currency;
pub(crate) mod decimal;
pub(crate) mod price;
pub(crate) mod quantity;
pub(crate) mod rounding;
pub(crate) mod vat;
