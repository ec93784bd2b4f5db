//! The shipping option: as described by the shop ([`Shipping`]) and as validated
//! ([`ShippingOption`], `order.shipping_option`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::{
    EnvironmentalData, FeeSplit, PayInStore, PayoutSplit, ShipmentItem, UnitPrice, VatRate,
};

/// How the goods reach the customer.
///
/// ```
/// use dintero_order_core::DeliveryMethod;
/// assert_eq!(serde_json::to_string(&DeliveryMethod::PickUp).unwrap(), "\"pick_up\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    /// Delivered to an address.
    Delivery,
    /// Picked up by the customer.
    PickUp,
    /// Not said.
    Unspecified,
    /// Nothing is delivered.
    None,
}

/// A shipping option as the shop describes it, before the order computes and checks it.
///
/// Its price goes through the same arithmetic as a line with quantity 1.
///
/// ```
/// use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let shipping = Shipping::new(
///     "bring-pickup",
///     "Pick up at a pick-up point",
///     UnitPrice::major(dec!(39)),
///     VatRate::from_whole_percent(25).unwrap(),
/// )
/// .operator("Bring")
/// .delivery_method(DeliveryMethod::PickUp);
/// let order = Order::builder(Currency::NOK, "o-1").shipping(shipping).build().unwrap();
/// let option = order.shipping_option().unwrap();
/// assert_eq!((option.amount(), option.vat_amount()), (3900, Some(780)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Shipping<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) title: Cow<'a, str>,
    pub(crate) price: UnitPrice,
    pub(crate) vat: VatRate,
    pub(crate) line_id: Option<Cow<'a, str>>,
    pub(crate) operator: Cow<'a, str>,
    pub(crate) description: Option<Cow<'a, str>>,
    pub(crate) delivery_method: Option<DeliveryMethod>,
    pub(crate) operator_product_id: Option<Cow<'a, str>>,
    pub(crate) thumbnail_url: Option<Cow<'a, str>>,
    pub(crate) shipment_id: Option<Cow<'a, str>>,
    pub(crate) shipment_items: Option<Vec<ShipmentItem>>,
    // Set by the setters in `shipping_parts.rs`.
    pub(crate) countries: Option<Vec<String>>,
    pub(crate) eta: Option<serde_json::Value>,
    pub(crate) time_slot: Option<serde_json::Value>,
    pub(crate) pick_up_address: Option<serde_json::Value>,
    pub(crate) metadata: Option<serde_json::Map<String, serde_json::Value>>,
    pub(crate) environmental_data: Option<EnvironmentalData>,
    pub(crate) fee_split: Option<FeeSplit>,
    pub(crate) splits: Option<Vec<PayoutSplit>>,
    pub(crate) pay_in_store: Option<PayInStore>,
    pub(crate) shipments: Option<Vec<Shipping<'a>>>,
}

impl<'a> Shipping<'a> {
    /// A shipping option: its product id, a title ("Standard"), its price and VAT rate.
    /// The `line_id` defaults to the id and the operator to `""`.
    ///
    /// ```
    /// # use dintero_order_core::{Shipping, UnitPrice, VatRate};
    /// let free = Shipping::new("free", "Free shipping", UnitPrice::minor(0), VatRate::ZERO);
    /// # let _ = free;
    /// ```
    pub fn new(
        id: impl Into<Cow<'a, str>>,
        title: impl Into<Cow<'a, str>>,
        price: UnitPrice,
        vat: VatRate,
    ) -> Shipping<'a> {
        Shipping {
            id: id.into(),
            title: title.into(),
            price,
            vat,
            line_id: None,
            operator: Cow::Borrowed(""),
            description: None,
            delivery_method: None,
            operator_product_id: None,
            thumbnail_url: None,
            shipment_id: None,
            shipment_items: None,
            countries: None,
            eta: None,
            time_slot: None,
            pick_up_address: None,
            metadata: None,
            environmental_data: None,
            fee_split: None,
            splits: None,
            pay_in_store: None,
            shipments: None,
        }
    }

    /// The unique id of this configuration of the shipping product (default: the id).
    ///
    /// ```
    /// # use dintero_order_core::{Shipping, UnitPrice, VatRate};
    /// let s = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO).line_id("ship-1");
    /// # let _ = s;
    /// ```
    pub fn line_id(mut self, line_id: impl Into<Cow<'a, str>>) -> Shipping<'a> {
        self.line_id = Some(line_id.into());
        self
    }

    /// The company that ships.
    ///
    /// ```
    /// # use dintero_order_core::{Shipping, UnitPrice, VatRate};
    /// let s = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO).operator("Posten");
    /// # let _ = s;
    /// ```
    pub fn operator(mut self, operator: impl Into<Cow<'a, str>>) -> Shipping<'a> {
        self.operator = operator.into();
        self
    }

    /// A longer description.
    ///
    /// ```
    /// # use dintero_order_core::{Shipping, UnitPrice, VatRate};
    /// let s = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .description("Delivered in 1-3 days");
    /// # let _ = s;
    /// ```
    pub fn description(mut self, description: impl Into<Cow<'a, str>>) -> Shipping<'a> {
        self.description = Some(description.into());
        self
    }

    /// How the goods reach the customer.
    ///
    /// ```
    /// # use dintero_order_core::{DeliveryMethod, Shipping, UnitPrice, VatRate};
    /// let s = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .delivery_method(DeliveryMethod::Delivery);
    /// # let _ = s;
    /// ```
    pub fn delivery_method(mut self, method: DeliveryMethod) -> Shipping<'a> {
        self.delivery_method = Some(method);
        self
    }

    /// The operator's own id for this shipping product.
    ///
    /// ```
    /// # use dintero_order_core::{Shipping, UnitPrice, VatRate};
    /// let s = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .operator_product_id("5800");
    /// # let _ = s;
    /// ```
    pub fn operator_product_id(mut self, id: impl Into<Cow<'a, str>>) -> Shipping<'a> {
        self.operator_product_id = Some(id.into());
        self
    }

    /// An absolute URL of a thumbnail.
    ///
    /// ```
    /// # use dintero_order_core::{Shipping, UnitPrice, VatRate};
    /// let s = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .thumbnail_url("https://shop.example/truck.png");
    /// # let _ = s;
    /// ```
    pub fn thumbnail_url(mut self, url: impl Into<Cow<'a, str>>) -> Shipping<'a> {
        self.thumbnail_url = Some(url.into());
        self
    }

    /// Sets `shipment_id` (Dintero's 2025 spec, for `express.shipping_options[]`): Express
    /// options that share it are alternatives for one shipment, and the checkout makes one
    /// `order.shipping_option.shipments[]` entry per distinct id. The spec does not list it
    /// on `order.shipping_option` itself; the crate does not refuse it there.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .shipment_id("parcel-1")
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.shipment_id(), Some("parcel-1"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipment_id(mut self, id: impl Into<Cow<'a, str>>) -> Shipping<'a> {
        self.shipment_id = Some(id.into());
        self
    }

    /// Sets `shipment_items` (Dintero's 2025 spec, for `express.shipping_options[]` when the
    /// order ships in several parcels): the order lines this shipment carries. The session
    /// refuses an empty `line_id` and a `quantity` that is not greater than 0.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, ShipmentItem, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let option = Shipping::new("home", "Home delivery", UnitPrice::minor(9900), VatRate::ZERO)
    ///     .shipment_items([ShipmentItem::new("1").with_quantity(dec!(2))])
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!(option.shipment_items()[0].line_id(), "1");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipment_items(mut self, items: impl IntoIterator<Item = ShipmentItem>) -> Shipping<'a> {
        self.shipment_items = Some(items.into_iter().collect());
        self
    }
}

/// A validated shipping option (`order.shipping_option`, `express.shipping_options[]`).
///
/// ```
/// use dintero_order_core::{Currency, Order, Shipping, UnitPrice, VatRate};
///
/// let order = Order::builder(Currency::NOK, "o-1")
///     .shipping(Shipping::new("free", "Free shipping", UnitPrice::minor(0), VatRate::ZERO))
///     .build()
///     .unwrap();
/// let option = order.shipping_option().unwrap();
/// assert_eq!((option.id(), option.line_id(), option.amount()), ("free", "free", 0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShippingOption {
    pub(crate) id: String,
    pub(crate) line_id: String,
    pub(crate) amount: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) vat_amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) vat: Option<VatRate>,
    pub(crate) operator: String,
    pub(crate) title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) delivery_method: Option<DeliveryMethod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) operator_product_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) thumbnail_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) countries: Option<Vec<String>>,
    // Kept as JSON and checked against the spec (`crate::spec`): the rarely used parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) eta: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) time_slot: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pick_up_address: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) metadata: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) environmental_data: Option<EnvironmentalData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) fee_split: Option<FeeSplit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) splits: Option<Vec<PayoutSplit>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pay_in_store: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shipments: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shipment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shipment_items: Option<Vec<ShipmentItem>>,
}

impl ShippingOption {
    /// The shipping product's id.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.id(), "bring");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The unique id of this configuration.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.line_id(), "ship-1");
    /// ```
    pub fn line_id(&self) -> &str {
        &self.line_id
    }

    /// The price in minor units, VAT included.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.amount(), 9900);
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// The VAT contained in [`amount`](Self::amount).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.vat_amount(), Some(1980));
    /// ```
    pub fn vat_amount(&self) -> Option<i64> {
        self.vat_amount
    }

    /// The VAT rate.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.vat(), VatRate::from_whole_percent(25).ok());
    /// ```
    pub fn vat(&self) -> Option<VatRate> {
        self.vat
    }

    /// The shipping company (may be empty).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.operator(), "Bring");
    /// ```
    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// The title shown to the customer.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.title(), "Home delivery");
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// A longer description.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.description(), Some("1-3 days"));
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// How the goods reach the customer.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, DeliveryMethod, Order, Shipping, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let shipping = Shipping::new("bring", "Home delivery", UnitPrice::major(dec!(99)), VatRate::from_whole_percent(25).unwrap())
    /// #     .line_id("ship-1").operator("Bring").description("1-3 days").delivery_method(DeliveryMethod::Delivery);
    /// # let order = Order::builder(Currency::NOK, "o").shipping(shipping).build().unwrap();
    /// let option = order.shipping_option().unwrap();
    /// assert_eq!(option.delivery_method(), Some(DeliveryMethod::Delivery));
    /// ```
    pub fn delivery_method(&self) -> Option<DeliveryMethod> {
        self.delivery_method
    }

    /// `shipment_id`, if set (see [`Shipping::shipment_id`]).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert_eq!(option.shipment_id(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipment_id(&self) -> Option<&str> {
        self.shipment_id.as_deref()
    }

    /// `shipment_items`; empty when not set (see [`Shipping::shipment_items`]).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Shipping, UnitPrice, VatRate};
    /// let option = Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// assert!(option.shipment_items().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipment_items(&self) -> &[ShipmentItem] {
        self.shipment_items.as_deref().unwrap_or_default()
    }
}
