//! Orders: lines, items, discounts, shipping, addresses, the builder and the order
//! invariants. Uses `money`; knows nothing of `json` or `session`.

pub(crate) mod address;
pub(crate) mod builder;
pub(crate) mod depth;
pub(crate) mod item;
pub(crate) mod item_text;
pub(crate) mod line;
pub(crate) mod line_parts;
pub(crate) mod order_parts;
pub(crate) mod shipment;
pub(crate) mod shipping;
pub(crate) mod shipping_parts;
pub(crate) mod shipping_types;
pub(crate) mod validate;
pub(crate) mod validated;
