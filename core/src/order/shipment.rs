//! Express shipments (Dintero's 2025 spec): which order lines a shipping option carries
//! (`shipment_items[]`), and their checks.

use rust_decimal::Decimal;

use crate::ShippingOption;
use crate::error::{Rule, Violations};
use crate::money::quantity::{Quantity, QuantityError};

/// One `shipment_items[]` entry of a shipping option: an order line this shipment carries
/// (`line_id`, an `order.items[].line_id`) and, optionally, how many of it.
///
/// Dintero's 2025 spec uses it on `express.shipping_options[]` when the order ships in
/// several parcels (options that share a `shipment_id` are alternatives for one shipment).
/// The session checks that `line_id` is not empty and that `quantity`, when set, is greater
/// than 0 with at most 15 significant digits.
///
/// ```
/// use dintero_order_core::ShipmentItem;
/// use rust_decimal_macros::dec;
///
/// let item = ShipmentItem::new("1").with_quantity(dec!(2));
/// assert_eq!((item.line_id(), item.quantity()), ("1", Some(dec!(2))));
/// assert_eq!(serde_json::to_string(&item)?, r#"{"line_id":"1","quantity":2}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentItem {
    pub(crate) line_id: String,
    pub(crate) quantity: Option<Decimal>,
}

impl ShipmentItem {
    /// The order line `line_id` (an `order.items[].line_id`), with no quantity.
    ///
    /// ```
    /// use dintero_order_core::ShipmentItem;
    /// assert_eq!(ShipmentItem::new("sku-1").quantity(), None);
    /// ```
    pub fn new(line_id: impl Into<String>) -> ShipmentItem {
        ShipmentItem {
            line_id: line_id.into(),
            quantity: None,
        }
    }

    /// Sets `quantity`: how many of the line this shipment carries. The session refuses one
    /// that is not greater than 0.
    ///
    /// ```
    /// use dintero_order_core::ShipmentItem;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(ShipmentItem::new("1").with_quantity(dec!(1.5)).quantity(), Some(dec!(1.5)));
    /// ```
    pub fn with_quantity(mut self, quantity: Decimal) -> ShipmentItem {
        self.quantity = Some(quantity);
        self
    }

    /// `line_id`.
    ///
    /// ```
    /// use dintero_order_core::ShipmentItem;
    /// assert_eq!(ShipmentItem::new("1").line_id(), "1");
    /// ```
    pub fn line_id(&self) -> &str {
        &self.line_id
    }

    /// `quantity`, if set.
    ///
    /// ```
    /// use dintero_order_core::ShipmentItem;
    /// assert_eq!(ShipmentItem::new("1").quantity(), None);
    /// ```
    pub fn quantity(&self) -> Option<Decimal> {
        self.quantity
    }
}

impl ShippingOption {
    /// Checks `shipment_items`: each `line_id` non-empty, each `quantity` a valid quantity;
    /// paths start at `path` (the option's). Called from the option's own checks.
    pub(crate) fn validate_shipment(&self, path: &str, v: &mut Violations) {
        for (index, item) in self.shipment_items.iter().flatten().enumerate() {
            if item.line_id.is_empty() {
                v.add(
                    Rule::Required,
                    format_args!("{path}.shipment_items[{index}].line_id"),
                    "a non-empty string",
                    "\"\"",
                );
            }
            if let Some(quantity) = item.quantity
                && Quantity::new(quantity).is_err()
            {
                v.add(
                    Rule::Quantity,
                    format_args!("{path}.shipment_items[{index}].quantity"),
                    QuantityError::EXPECTED,
                    quantity.to_string(),
                );
            }
        }
    }
}
