//! [`ItemType`]: the item `type` Dintero knows.

use serde::{Deserialize, Serialize};

/// The item `type` Dintero knows.
///
/// Only [`GiftCard`](ItemType::GiftCard) and [`Surcharge`](ItemType::Surcharge) (rounding)
/// lines may have a negative amount.
///
/// ```
/// use dintero_order_core::ItemType;
/// assert_eq!(serde_json::to_string(&ItemType::GiftCard).unwrap(), "\"gift_card\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    /// Goods that must be delivered or handed over.
    Physical,
    /// Goods that need no shipping.
    Digital,
    /// Services such as maintenance.
    Service,
    /// Use of a gift card; the amount is usually negative.
    GiftCard,
    /// Shipping of the order.
    Shipping,
    /// Extra costs, such as taxes or necessary rounding.
    Surcharge,
}

impl ItemType {
    /// Whether lines of this type may have a negative amount.
    pub(crate) fn allows_negative_amount(self) -> bool {
        matches!(self, ItemType::GiftCard | ItemType::Surcharge)
    }
}
