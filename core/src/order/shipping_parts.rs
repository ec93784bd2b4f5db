//! A shipping option's rarely used parts: the setters of [`Shipping`] that reach them, and
//! the getters of [`ShippingOption`] (their typed pieces are in `shipping_types.rs`).
//!
//! `eta`, `time_slot` and `pick_up_address` are taken as JSON: the order checks each against
//! every constraint Dintero's spec states for it when it is built, and reports a problem at
//! its path (`order.shipping_option.eta.starts_at`).

use serde_json::{Map, Value};

use crate::{EnvironmentalData, FeeSplit, PayInStore, PayoutSplit, Shipping, ShippingOption};

impl<'a> Shipping<'a> {
    /// Sets `countries`: the ISO 3166-1 alpha-2 codes of the countries this option ships
    /// to. The order refuses a code that is not one, at its path.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .countries(["NO", "SE"])
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.countries(), ["NO", "SE"]);
    ///
    /// let err = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .countries(["Norway"])
    ///     .priced_in(Currency::NOK)
    ///     .unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "shipping_option.countries[0]");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn countries<I>(mut self, countries: I) -> Shipping<'a>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.countries = Some(countries.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `eta`, when the goods arrive (`starts_at`, `ends_at`, …), as JSON checked against
    /// Dintero's spec when the order is built.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Order, Shipping, UnitPrice, VatRate};
    /// use serde_json::json;
    ///
    /// let eta = json!({ "starts_at": "2025-01-31T10:00:00Z", "ends_at": "2025-01-31T12:00:00Z" });
    /// let shipping = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).eta(eta);
    /// assert!(Order::builder(Currency::NOK, "o-1").shipping(shipping).build().is_ok());
    ///
    /// let bad = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .eta(json!({ "starts_at": "tomorrow" }));
    /// let err = Order::builder(Currency::NOK, "o-1").shipping(bad).build().unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "order.shipping_option.eta.starts_at");
    /// ```
    pub fn eta(mut self, eta: Value) -> Shipping<'a> {
        self.eta = Some(eta);
        self
    }

    /// Sets `time_slot`, the delivery window (`starts_at`, `ends_at`), as JSON checked against
    /// Dintero's spec when the order is built.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// use serde_json::json;
    ///
    /// let slot = json!({ "starts_at": "2025-01-31T10:00:00Z", "ends_at": "2025-01-31T12:00:00Z" });
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .time_slot(slot.clone())
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.time_slot(), Some(&slot));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn time_slot(mut self, time_slot: Value) -> Shipping<'a> {
        self.time_slot = Some(time_slot);
        self
    }

    /// Sets `pick_up_address`, where the customer picks the goods up (an address with
    /// opening hours, distance, …), as JSON checked against Dintero's spec when the order is
    /// built.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// use serde_json::json;
    ///
    /// let address = json!({ "address_line": "Storgata 1", "postal_code": "0155", "country": "NO" });
    /// let option = Shipping::new("pickup", "Pick-up point", UnitPrice::minor(0), VatRate::ZERO)
    ///     .pick_up_address(address.clone())
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.pick_up_address(), Some(&address));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn pick_up_address(mut self, address: Value) -> Shipping<'a> {
        self.pick_up_address = Some(address);
        self
    }

    /// Adds one `metadata` entry (a string or a number, as the spec allows; the order checks
    /// it).
    ///
    /// ```
    /// use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// use serde_json::json;
    ///
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .metadata("carrier", "bring")
    ///     .metadata("zone", 3)
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.metadata().unwrap().get("zone"), Some(&json!(3)));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<Value>) -> Shipping<'a> {
        self.metadata
            .get_or_insert_with(Map::new)
            .insert(key.into(), value.into());
        self
    }

    /// Sets `environmental_data`.
    ///
    /// ```
    /// use dintero_order_core::{Currency, EnvironmentalData, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .environmental_data(EnvironmentalData::new("Fossil free"))
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.environmental_data().unwrap().description(), "Fossil free");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn environmental_data(mut self, data: EnvironmentalData) -> Shipping<'a> {
        self.environmental_data = Some(data);
        self
    }

    /// Sets `fee_split`: how Dintero's fees on this option are shared between the sellers of
    /// its [`splits`](Self::splits).
    ///
    /// ```
    /// use dintero_order_core::{Currency, FeeSplit, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO)
    ///     .fee_split(FeeSplit::proportional())
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.fee_split(), Some(&FeeSplit::proportional()));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn fee_split(mut self, fee_split: FeeSplit) -> Shipping<'a> {
        self.fee_split = Some(fee_split);
        self
    }

    /// Sets `splits`: how the option's amount is paid out between sellers.
    ///
    /// ```
    /// use dintero_order_core::{Currency, PayoutSplit, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .splits([PayoutSplit::new("seller-1", 9900)])
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.splits()[0].payout_destination_id(), "seller-1");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn splits(mut self, splits: impl IntoIterator<Item = PayoutSplit>) -> Shipping<'a> {
        self.splits = Some(splits.into_iter().collect());
        self
    }

    /// Sets `pay_in_store`.
    ///
    /// ```
    /// use dintero_order_core::{Currency, PayInStore, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("store", "In store", UnitPrice::minor(0), VatRate::ZERO)
    ///     .pay_in_store(PayInStore::Full)
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.pay_in_store(), Some(PayInStore::Full));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn pay_in_store(mut self, pay_in_store: PayInStore) -> Shipping<'a> {
        self.pay_in_store = Some(pay_in_store);
        self
    }

    /// Sets `shipments` (Dintero's 2025 spec): the parcels an order ships in, each priced
    /// like this option in the order's currency and checked with paths below
    /// `shipments[i]`. (A shipment's own `shipments` are not written: the spec has none.)
    ///
    /// ```
    /// use dintero_order_core::{Currency, Order, Shipping, UnitPrice, VatRate};
    ///
    /// let parcel = |id| Shipping::new(id, "Parcel", UnitPrice::minor(4900), VatRate::ZERO);
    /// let shipping = Shipping::new("multi", "Two parcels", UnitPrice::minor(9800), VatRate::ZERO)
    ///     .shipments([parcel("parcel-1"), parcel("parcel-2")]);
    /// let order = Order::builder(Currency::NOK, "o-1").shipping(shipping).build()?;
    /// let shipments = order.shipping_option().unwrap().shipments();
    /// assert_eq!(shipments[1]["id"], "parcel-2");
    /// assert_eq!(shipments[1]["amount"], 4900);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipments(mut self, shipments: impl IntoIterator<Item = Shipping<'a>>) -> Shipping<'a> {
        self.shipments = Some(shipments.into_iter().collect());
        self
    }
}

impl ShippingOption {
    /// `countries`; empty when not set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert!(option.countries().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn countries(&self) -> &[String] {
        self.countries.as_deref().unwrap_or_default()
    }

    /// `eta`, if set (see [`Shipping::eta`]).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.eta(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn eta(&self) -> Option<&Value> {
        self.eta.as_ref()
    }

    /// `time_slot`, if set (see [`Shipping::time_slot`]).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.time_slot(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn time_slot(&self) -> Option<&Value> {
        self.time_slot.as_ref()
    }

    /// `pick_up_address`, if set (see [`Shipping::pick_up_address`]).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.pick_up_address(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn pick_up_address(&self) -> Option<&Value> {
        self.pick_up_address.as_ref()
    }

    /// `metadata`, if set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.metadata(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn metadata(&self) -> Option<&Map<String, Value>> {
        self.metadata.as_ref()
    }

    /// `environmental_data`, if set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.environmental_data(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn environmental_data(&self) -> Option<&EnvironmentalData> {
        self.environmental_data.as_ref()
    }

    /// `fee_split`, if set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.fee_split(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn fee_split(&self) -> Option<&FeeSplit> {
        self.fee_split.as_ref()
    }

    /// `splits`; empty when not set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert!(option.splits().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn splits(&self) -> &[PayoutSplit] {
        self.splits.as_deref().unwrap_or_default()
    }

    /// `pay_in_store`, if set to a kind the crate knows.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.pay_in_store(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn pay_in_store(&self) -> Option<PayInStore> {
        let kind = self.pay_in_store.as_ref()?.get("type")?.as_str()?;
        (kind == PayInStore::Full.name()).then_some(PayInStore::Full)
    }

    /// `shipments`, as written (see [`Shipping::shipments`]); empty when not set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert!(option.shipments().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipments(&self) -> &[Value] {
        match &self.shipments {
            Some(Value::Array(shipments)) => shipments,
            _ => &[],
        }
    }
}
