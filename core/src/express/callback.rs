//! [`ExpressCallback`]: the session Dintero POSTs to the express callbacks
//! (`express.shipping_address_callback_url`, `express.discount_codes.callback_url`), as read
//! by `from_json`, with the parts a shop needs to answer.

use rust_decimal::Decimal;

/// Generates getters, each with a runnable example on one posted session.
macro_rules! getters {
    ($ty:ident, $at:literal { $($(#[$doc:meta])* $name:ident -> $out:ty = |$s:ident| $body:expr, $check:literal;)* }) => {
        impl $ty {
            $(
                $(#[$doc])*
                ///
                /// ```
                /// use dintero_order_core::ExpressCallback;
                /// let callback = ExpressCallback::from_json(br#"{"id":"S1","created_at":"2025-01-01T00:00:00Z",
                ///     "order":{"amount":13900,"currency":"NOK","merchant_reference":"o-1","vat_amount":2780,
                ///     "items":[{"id":"chair-1","line_id":"1","description":"Stol","quantity":1,"amount":10000,"vat":25,"vat_amount":2000}],
                ///     "shipping_option":{"id":"bring","line_id":"ship-1","amount":3900,"vat":25,"vat_amount":780,"title":"Home","operator":"Bring"},
                ///     "shipping_address":{"first_name":"Kari","last_name":"Nordmann","address_line":"Sommerkroveien 34","address_line_2":"H0101",
                ///     "co_address":"Ola","business_name":"Kari AS","postal_code":"0301","postal_place":"Oslo","country":"NO",
                ///     "phone_number":"+4799999999","email":"kari@example.com"},"discount_codes":["SUMMER20"]},"events":[]}"#)?;
                #[doc = concat!("let it = ", $at, ";")]
                #[doc = concat!("assert_eq!(it.", stringify!($name), "()", $check, ");")]
                /// # Ok::<(), dintero_order_core::Error>(())
                /// ```
                pub fn $name(&self) -> $out {
                    let $s = self;
                    $body
                }
            )*
        }
    };
}

/// The session Dintero POSTs to an express callback (`Id` + `Session` + `SessionRead` in its
/// spec), read faithfully by [`ExpressCallback::from_json`]: every field is optional, unknown
/// fields (`created_at`, `events`, `customer`, `configuration`, fields Dintero adds later) are
/// ignored, and only a value of the wrong type is refused. It holds what an answer is made
/// from: the session `id` and, from `order`, the totals, the lines, the selected shipping
/// option, the shipping address and the discount codes.
///
/// Answer with [`shipping_address_answer`](Self::shipping_address_answer) or
/// [`discount_codes_answer`](Self::discount_codes_answer).
///
/// ```
/// use dintero_order_core::ExpressCallback;
///
/// // Apple Pay and Google Pay "one click" send only the country and the postal code.
/// let callback = ExpressCallback::from_json(br#"{"id":"S1","order":{"amount":0,"currency":"NOK",
///     "merchant_reference":"o-1","shipping_address":{"country":"NO","postal_code":"0301"}},"events":[]}"#)?;
/// let address = callback.shipping_address().unwrap();
/// assert_eq!((address.country(), address.postal_code()), (Some("NO"), Some("0301")));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExpressCallback {
    pub(crate) id: String,
    pub(crate) merchant_reference: Option<String>,
    pub(crate) currency: Option<String>,
    pub(crate) amount: Option<i64>,
    pub(crate) vat_amount: Option<i64>,
    pub(crate) items: Vec<CallbackItem>,
    pub(crate) shipping_option: Option<CallbackShippingOption>,
    pub(crate) shipping_address: Option<CallbackAddress>,
    pub(crate) discount_codes: Vec<String>,
}

/// One line of the posted session's `order.items`, as Dintero wrote it.
///
/// ```
/// use dintero_order_core::ExpressCallback;
/// let callback = ExpressCallback::from_json(br#"{"id":"S1","order":{"items":[{"line_id":"1","amount":500,"is_changed":true}]}}"#)?;
/// assert_eq!((callback.items()[0].line_id(), callback.items()[0].amount()), (Some("1"), 500));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallbackItem {
    pub(crate) line_id: Option<String>,
    pub(crate) id: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) quantity: Option<Decimal>,
    pub(crate) amount: i64,
    pub(crate) vat: Option<Decimal>,
    pub(crate) vat_amount: Option<i64>,
}

/// The shipping option selected in the posted session (`order.shipping_option`), as Dintero
/// wrote it. Its `amount` is what Dintero adds to the items when it checks an answer's
/// `order.amount`.
///
/// ```
/// use dintero_order_core::ExpressCallback;
/// let callback = ExpressCallback::from_json(br#"{"order":{"shipping_option":{"id":"bring","line_id":"ship-1","amount":3900}}}"#)?;
/// assert_eq!(callback.shipping_option().unwrap().amount(), 3900);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallbackShippingOption {
    pub(crate) id: String,
    pub(crate) line_id: String,
    pub(crate) amount: i64,
    pub(crate) vat_amount: Option<i64>,
    pub(crate) vat: Option<Decimal>,
    pub(crate) title: Option<String>,
    pub(crate) operator: Option<String>,
}

/// The shipping address of the posted session (`order.shipping_address`), as Dintero wrote
/// it. Every part is optional: for Apple Pay and Google Pay "one click" Dintero sends only
/// `country` and `postal_code`, and the shop must still answer with its options.
///
/// ```
/// use dintero_order_core::ExpressCallback;
/// let callback = ExpressCallback::from_json(br#"{"order":{"shipping_address":{"country":"NO","postal_code":"0301","new_part":1}}}"#)?;
/// assert_eq!(callback.shipping_address().unwrap().first_name(), None);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CallbackAddress {
    pub(crate) first_name: Option<String>,
    pub(crate) last_name: Option<String>,
    pub(crate) address_line: Option<String>,
    pub(crate) address_line_2: Option<String>,
    pub(crate) co_address: Option<String>,
    pub(crate) business_name: Option<String>,
    pub(crate) postal_code: Option<String>,
    pub(crate) postal_place: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) phone_number: Option<String>,
    pub(crate) email: Option<String>,
}

getters!(ExpressCallback, "&callback" {
    /// The session's `id` (empty if Dintero sent none).
    id -> &str = |s| &s.id, r#", "S1""#;
    /// `order.merchant_reference`.
    merchant_reference -> Option<&str> = |s| s.merchant_reference.as_deref(), r#", Some("o-1")"#;
    /// `order.currency`, the ISO 4217 code as written.
    currency -> Option<&str> = |s| s.currency.as_deref(), r#", Some("NOK")"#;
    /// `order.amount`, in minor units.
    amount -> Option<i64> = |s| s.amount, r#", Some(13900)"#;
    /// `order.vat_amount`, in minor units.
    vat_amount -> Option<i64> = |s| s.vat_amount, r#", Some(2780)"#;
    /// `order.items`, in the order written.
    items -> &[CallbackItem] = |s| &s.items, r#".len(), 1"#;
    /// `order.shipping_option`: the option the customer has selected, if any.
    shipping_option -> Option<&CallbackShippingOption> = |s| s.shipping_option.as_ref(), r#".map(|o| o.line_id()), Some("ship-1")"#;
    /// `order.shipping_address`, if Dintero has one yet.
    shipping_address -> Option<&CallbackAddress> = |s| s.shipping_address.as_ref(), r#".and_then(|a| a.country()), Some("NO")"#;
    /// `order.discount_codes`: the codes the customer entered.
    discount_codes -> &[String] = |s| &s.discount_codes, r#", ["SUMMER20"]"#;
});

getters!(CallbackItem, "&callback.items()[0]" {
    /// Its `line_id`, which an answer's items must keep.
    line_id -> Option<&str> = |s| s.line_id.as_deref(), r#", Some("1")"#;
    /// Its `id` (the product id).
    id -> Option<&str> = |s| s.id.as_deref(), r#", Some("chair-1")"#;
    /// Its `description`.
    description -> Option<&str> = |s| s.description.as_deref(), r#", Some("Stol")"#;
    /// Its `quantity`, exactly as written.
    quantity -> Option<Decimal> = |s| s.quantity, r#", Some(1.into())"#;
    /// Its `amount` in minor units (0 if Dintero sent none).
    amount -> i64 = |s| s.amount, r#", 10000"#;
    /// Its `vat` rate in percent, exactly as written.
    vat -> Option<Decimal> = |s| s.vat, r#", Some(25.into())"#;
    /// Its `vat_amount` in minor units.
    vat_amount -> Option<i64> = |s| s.vat_amount, r#", Some(2000)"#;
});

getters!(CallbackShippingOption, "callback.shipping_option().unwrap()" {
    /// Its `id` (empty if Dintero sent none).
    id -> &str = |s| &s.id, r#", "bring""#;
    /// Its `line_id` (empty if Dintero sent none).
    line_id -> &str = |s| &s.line_id, r#", "ship-1""#;
    /// Its `amount` in minor units (0 if Dintero sent none).
    amount -> i64 = |s| s.amount, r#", 3900"#;
    /// Its `vat_amount` in minor units.
    vat_amount -> Option<i64> = |s| s.vat_amount, r#", Some(780)"#;
    /// Its `vat` rate in percent, exactly as written.
    vat -> Option<Decimal> = |s| s.vat, r#", Some(25.into())"#;
    /// Its `title`.
    title -> Option<&str> = |s| s.title.as_deref(), r#", Some("Home")"#;
    /// Its `operator`.
    operator -> Option<&str> = |s| s.operator.as_deref(), r#", Some("Bring")"#;
});

getters!(CallbackAddress, "callback.shipping_address().unwrap()" {
    /// `first_name`.
    first_name -> Option<&str> = |s| s.first_name.as_deref(), r#", Some("Kari")"#;
    /// `last_name`.
    last_name -> Option<&str> = |s| s.last_name.as_deref(), r#", Some("Nordmann")"#;
    /// `address_line`, the street address.
    address_line -> Option<&str> = |s| s.address_line.as_deref(), r#", Some("Sommerkroveien 34")"#;
    /// `address_line_2`.
    address_line_2 -> Option<&str> = |s| s.address_line_2.as_deref(), r#", Some("H0101")"#;
    /// `co_address`, the c/o line.
    co_address -> Option<&str> = |s| s.co_address.as_deref(), r#", Some("Ola")"#;
    /// `business_name`.
    business_name -> Option<&str> = |s| s.business_name.as_deref(), r#", Some("Kari AS")"#;
    /// `postal_code`.
    postal_code -> Option<&str> = |s| s.postal_code.as_deref(), r#", Some("0301")"#;
    /// `postal_place`, the city.
    postal_place -> Option<&str> = |s| s.postal_place.as_deref(), r#", Some("Oslo")"#;
    /// `country`, the ISO 3166-1 alpha-2 code as written.
    country -> Option<&str> = |s| s.country.as_deref(), r#", Some("NO")"#;
    /// `phone_number`.
    phone_number -> Option<&str> = |s| s.phone_number.as_deref(), r#", Some("+4799999999")"#;
    /// `email`.
    email -> Option<&str> = |s| s.email.as_deref(), r#", Some("kari@example.com")"#;
});
