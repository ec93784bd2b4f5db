//! The small typed parts of an order line and a shipping option: product groups
//! ([`ItemGroup`]), payout splits ([`PayoutSplit`]) and how fees are shared ([`FeeSplit`]);
//! and the getters of an item's rare fields.

use serde::{Deserialize, Serialize};

use crate::OrderItem;

/// A product group a line belongs to (`order.items[].groups[]`): an id and, optionally, a
/// name.
///
/// ```
/// use dintero_order_core::ItemGroup;
///
/// let group = ItemGroup::new("chairs").with_name("Chairs");
/// assert_eq!((group.id(), group.name()), ("chairs", Some("Chairs")));
/// assert_eq!(serde_json::to_string(&group)?, r#"{"id":"chairs","name":"Chairs"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a product group (a JSON object)")]
pub struct ItemGroup {
    pub(crate) id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
}

impl ItemGroup {
    /// A group with its id and no name.
    ///
    /// ```
    /// use dintero_order_core::ItemGroup;
    /// assert_eq!(ItemGroup::new("chairs").name(), None);
    /// ```
    pub fn new(id: impl Into<String>) -> ItemGroup {
        ItemGroup {
            id: id.into(),
            name: None,
        }
    }

    /// Sets the group's `name`.
    ///
    /// ```
    /// use dintero_order_core::ItemGroup;
    /// assert_eq!(ItemGroup::new("chairs").with_name("Chairs").name(), Some("Chairs"));
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> ItemGroup {
        self.name = Some(name.into());
        self
    }

    /// `id`.
    ///
    /// ```
    /// use dintero_order_core::ItemGroup;
    /// assert_eq!(ItemGroup::new("chairs").id(), "chairs");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// `name`, if set.
    ///
    /// ```
    /// use dintero_order_core::ItemGroup;
    /// assert_eq!(ItemGroup::new("chairs").name(), None);
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

/// One entry of `splits` (of an order line or a shipping option): the part of its amount, in
/// minor units, paid out to one seller (`payout_destination_id`, 1 to 40 characters). The
/// order refuses an empty or too long id and an amount outside Dintero's int32.
///
/// ```
/// use dintero_order_core::PayoutSplit;
///
/// let split = PayoutSplit::new("seller-1", 5000);
/// assert_eq!((split.payout_destination_id(), split.amount()), ("seller-1", 5000));
/// assert_eq!(
///     serde_json::to_string(&split)?,
///     r#"{"payout_destination_id":"seller-1","amount":5000}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayoutSplit {
    pub(crate) payout_destination_id: String,
    pub(crate) amount: i64,
}

impl PayoutSplit {
    /// `amount` minor units paid out to `payout_destination_id`.
    ///
    /// ```
    /// use dintero_order_core::PayoutSplit;
    /// assert_eq!(PayoutSplit::new("seller-1", 100).amount(), 100);
    /// ```
    pub fn new(payout_destination_id: impl Into<String>, amount: i64) -> PayoutSplit {
        PayoutSplit {
            payout_destination_id: payout_destination_id.into(),
            amount,
        }
    }

    /// `payout_destination_id`.
    ///
    /// ```
    /// use dintero_order_core::PayoutSplit;
    /// assert_eq!(PayoutSplit::new("seller-1", 100).payout_destination_id(), "seller-1");
    /// ```
    pub fn payout_destination_id(&self) -> &str {
        &self.payout_destination_id
    }

    /// `amount`, in minor units.
    ///
    /// ```
    /// use dintero_order_core::PayoutSplit;
    /// assert_eq!(PayoutSplit::new("seller-1", 100).amount(), 100);
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }
}

/// `fee_split`: how Dintero's fees are shared between the payout destinations of `splits`.
/// Dintero defines one kind, `proportional`; `destinations`, when set, must list at least one
/// id, each one of the `splits` (the order checks both).
///
/// ```
/// use dintero_order_core::FeeSplit;
///
/// let fees = FeeSplit::proportional().with_destinations(["seller-1"]);
/// assert_eq!(fees.destinations(), ["seller-1"]);
/// assert_eq!(
///     serde_json::to_string(&fees)?,
///     r#"{"type":"proportional","destinations":["seller-1"]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a fee split (a JSON object)")]
pub struct FeeSplit {
    #[serde(rename = "type")]
    pub(crate) kind: FeeSplitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) destinations: Option<Vec<String>>,
}

/// The only fee split Dintero defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FeeSplitKind {
    /// Fees are shared in proportion to the split amounts.
    Proportional,
}

impl FeeSplit {
    /// Fees shared in proportion to the split amounts (`"type": "proportional"`), between
    /// all destinations.
    ///
    /// ```
    /// use dintero_order_core::FeeSplit;
    /// assert!(FeeSplit::proportional().destinations().is_empty());
    /// ```
    pub fn proportional() -> FeeSplit {
        FeeSplit {
            kind: FeeSplitKind::Proportional,
            destinations: None,
        }
    }

    /// Sets `destinations`: the payout destinations that share the fees.
    ///
    /// ```
    /// use dintero_order_core::FeeSplit;
    /// let fees = FeeSplit::proportional().with_destinations(["a", "b"]);
    /// assert_eq!(fees.destinations(), ["a", "b"]);
    /// ```
    pub fn with_destinations<I>(mut self, destinations: I) -> FeeSplit
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.destinations = Some(destinations.into_iter().map(Into::into).collect());
        self
    }

    /// `destinations`; empty when not set.
    ///
    /// ```
    /// use dintero_order_core::FeeSplit;
    /// assert_eq!(FeeSplit::proportional().with_destinations(["a"]).destinations(), ["a"]);
    /// ```
    pub fn destinations(&self) -> &[String] {
        self.destinations.as_deref().unwrap_or_default()
    }
}

impl OrderItem {
    /// The product groups (`groups`); empty when none.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemGroup, Line, Order, UnitPrice, VatRate};
    /// let line = Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO)
    ///     .groups([ItemGroup::new("chairs")]);
    /// let order = Order::builder(Currency::NOK, "o").line(line).build()?;
    /// assert_eq!(order.items()[0].groups()[0].id(), "chairs");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn groups(&self) -> &[ItemGroup] {
        self.extras.as_ref().map_or(&[], |e| &e.groups)
    }

    /// `fee_split`, if set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, FeeSplit, Line, Order, UnitPrice, VatRate};
    /// let line = Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO)
    ///     .fee_split(FeeSplit::proportional());
    /// let order = Order::builder(Currency::NOK, "o").line(line).build()?;
    /// assert_eq!(order.items()[0].fee_split(), Some(&FeeSplit::proportional()));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn fee_split(&self) -> Option<&FeeSplit> {
        self.extras.as_ref().and_then(|e| e.fee_split.as_ref())
    }

    /// `splits`; empty when not set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, PayoutSplit, UnitPrice, VatRate};
    /// let line = Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO)
    ///     .splits([PayoutSplit::new("seller-1", 100)]);
    /// let order = Order::builder(Currency::NOK, "o").line(line).build()?;
    /// assert_eq!(order.items()[0].splits()[0].amount(), 100);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn splits(&self) -> &[PayoutSplit] {
        self.extras
            .as_ref()
            .and_then(|e| e.splits.as_deref())
            .unwrap_or_default()
    }

    /// Klarna's extra merchant data (`emd`), as checked against Dintero's spec.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// use serde_json::json;
    /// let emd = json!({ "subscription": { "subscription": {
    ///     "subscription_name": "Coffee", "start_time": "2025-01-01T00:00:00Z",
    ///     "end_time": "2026-01-01T00:00:00Z", "auto_renewal_of_subscription": true },
    ///     "customer_account_info": { "unique_account_identifier": "c-42",
    ///         "account_registration_date": "2024-01-01", "account_last_modified": "2024-06-01" } } });
    /// let line = Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO).emd(emd.clone());
    /// let order = Order::builder(Currency::NOK, "o").line(line).build()?;
    /// assert_eq!(order.items()[0].emd(), Some(&emd));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn emd(&self) -> Option<&serde_json::Value> {
        self.extras.as_ref().and_then(|e| e.emd.as_deref())
    }

    /// `is_changed`, if set: whether a discount changed the line's amount.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// let line = Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO).is_changed(true);
    /// let order = Order::builder(Currency::NOK, "o").line(line).build()?;
    /// assert_eq!(order.items()[0].is_changed(), Some(true));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn is_changed(&self) -> Option<bool> {
        self.extras.as_ref().and_then(|e| e.is_changed)
    }
}
