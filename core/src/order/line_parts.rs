//! The setters of a [`Line`]'s rarely used fields: product groups, payout and fee splits,
//! Klarna's extra merchant data, discount records, `is_changed`. Like every `Line` setter
//! they never fail: the order's `build` reports each problem with its path.

use crate::order::item::ItemExtras;
use crate::{DiscountLine, FeeSplit, ItemGroup, Line, PayoutSplit};

impl<'a> Line<'a> {
    /// The line's rare fields, made on first use.
    fn extras_mut(&mut self) -> &mut ItemExtras {
        self.extras.get_or_insert_with(Box::default)
    }

    /// Sets `groups`: the product groups the line belongs to.
    ///
    /// ```
    /// use dintero_order_core::{Currency, ItemGroup, Line, Order, UnitPrice, VatRate};
    ///
    /// let line = Line::new("chair-1", "Chair", UnitPrice::minor(29990), VatRate::ZERO)
    ///     .groups([ItemGroup::new("chairs").with_name("Chairs")]);
    /// let order = Order::builder(Currency::NOK, "o-1").line(line).build()?;
    /// assert_eq!(order.items()[0].groups()[0].name(), Some("Chairs"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn groups(mut self, groups: impl IntoIterator<Item = ItemGroup>) -> Line<'a> {
        self.extras_mut().groups = groups.into_iter().collect();
        self
    }

    /// Sets `fee_split`: how Dintero's fees on this line are shared between the sellers of
    /// its [`splits`](Self::splits).
    ///
    /// ```
    /// use dintero_order_core::{Currency, FeeSplit, Line, Order, PayoutSplit, UnitPrice, VatRate};
    ///
    /// let line = Line::new("chair-1", "Chair", UnitPrice::minor(29990), VatRate::ZERO)
    ///     .splits([PayoutSplit::new("seller-1", 29990)])
    ///     .fee_split(FeeSplit::proportional().with_destinations(["seller-1"]));
    /// let order = Order::builder(Currency::NOK, "o-1").line(line).build()?;
    /// assert_eq!(order.items()[0].fee_split().unwrap().destinations(), ["seller-1"]);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn fee_split(mut self, fee_split: FeeSplit) -> Line<'a> {
        self.extras_mut().fee_split = Some(fee_split);
        self
    }

    /// Sets `splits`: how the line's amount is paid out between sellers.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Line, Order, PayoutSplit, UnitPrice, VatRate};
    ///
    /// let line = Line::new("chair-1", "Chair", UnitPrice::minor(29990), VatRate::ZERO)
    ///     .splits([PayoutSplit::new("seller-1", 20000), PayoutSplit::new("seller-2", 9990)]);
    /// let order = Order::builder(Currency::NOK, "o-1").line(line).build()?;
    /// assert_eq!(order.items()[0].splits().len(), 2);
    ///
    /// // An empty seller id is refused when the order is built, with its path.
    /// let bad = Line::new("chair-1", "Chair", UnitPrice::minor(29990), VatRate::ZERO)
    ///     .splits([PayoutSplit::new("", 29990)]);
    /// let err = Order::builder(Currency::NOK, "o-1").line(bad).build().unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "order.items[0].splits[0].payout_destination_id");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn splits(mut self, splits: impl IntoIterator<Item = PayoutSplit>) -> Line<'a> {
        self.extras_mut().splits = Some(splits.into_iter().collect());
        self
    }

    /// Sets `emd`, Klarna's extra merchant data (events, subscriptions, travel, marketplace
    /// orders): a large schema of its own, taken as JSON and checked against every constraint
    /// Dintero's spec states for it when the order is built; a problem is reported at its
    /// path below `order.items[i].emd`.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// use serde_json::json;
    ///
    /// let emd = json!({ "subscription": { "subscription": {
    ///     "subscription_name": "Coffee", "start_time": "2025-01-01T00:00:00Z",
    ///     "end_time": "2026-01-01T00:00:00Z", "auto_renewal_of_subscription": true },
    ///     "customer_account_info": { "unique_account_identifier": "c-42",
    ///         "account_registration_date": "2024-01-01", "account_last_modified": "2024-06-01" } } });
    /// let line = Line::new("coffee", "Coffee", UnitPrice::minor(9900), VatRate::ZERO).emd(emd);
    /// assert!(Order::builder(Currency::NOK, "o-1").line(line).build().is_ok());
    ///
    /// let bad = Line::new("coffee", "Coffee", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .emd(json!({ "subscription": "monthly" }));
    /// let err = Order::builder(Currency::NOK, "o-1").line(bad).build().unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "order.items[0].emd.subscription");
    /// ```
    pub fn emd(mut self, emd: serde_json::Value) -> Line<'a> {
        self.extras_mut().emd = Some(Box::new(emd));
        self
    }

    /// Sets `discount_lines`: discounts given before the order was built, which the line's
    /// price is already net of. They are records only (the amounts are not changed); the
    /// order's own [`Discount`](crate::Discount)s add their records after these.
    ///
    /// ```
    /// use dintero_order_core::{Currency, DiscountLine, DiscountType, Line, Order, UnitPrice, VatRate};
    ///
    /// let record = DiscountLine::new(1000).with_discount_type(DiscountType::Loyalty);
    /// let line = Line::new("chair-1", "Chair", UnitPrice::minor(28990), VatRate::ZERO)
    ///     .discount_lines([record]);
    /// let order = Order::builder(Currency::NOK, "o-1").line(line).build()?;
    /// let item = &order.items()[0];
    /// assert_eq!((item.amount(), item.discount_lines()[0].amount()), (28990, 1000));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn discount_lines(
        mut self,
        discount_lines: impl IntoIterator<Item = DiscountLine>,
    ) -> Line<'a> {
        self.extras_mut().discount_lines = discount_lines.into_iter().collect();
        self
    }

    /// Sets `is_changed`: whether a discount changed the line's amount.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    ///
    /// let line = Line::new("chair-1", "Chair", UnitPrice::minor(100), VatRate::ZERO).is_changed(true);
    /// let order = Order::builder(Currency::NOK, "o-1").line(line).build()?;
    /// assert_eq!(order.items()[0].is_changed(), Some(true));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn is_changed(mut self, changed: bool) -> Line<'a> {
        self.extras_mut().is_changed = Some(changed);
        self
    }
}
