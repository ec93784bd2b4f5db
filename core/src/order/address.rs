//! Addresses (`shipping_address`, `billing_address`) and the store an order belongs to.

use crate::spec::formats::{is_country_code, is_phone_number};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Rule, Violations, quoted};

/// Declares optional string fields with a by-value setter and an accessor each.
macro_rules! optional_text {
    ($ty:ident { $($(#[$doc:meta])* $field:ident),* $(,)? }) => {
        impl $ty {
            $(
                $(#[$doc])*
                pub fn $field(mut self, value: impl Into<String>) -> $ty {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}

/// A postal address with contact details (`OrderAddress` in Dintero's spec).
///
/// Every field is optional. `phone_number` must match `^\+?\d{5,15}$` and `country` is an
/// assigned ISO 3166-1 alpha-2 code (`NO`, not `XX` or `no`); the order checks both when built
/// or parsed.
///
/// ```
/// use dintero_order_core::{Address, Currency, Order};
///
/// let address = Address::new()
///     .first_name("Kari")
///     .last_name("Nordmann")
///     .address_line("Sommerkroveien 34")
///     .postal_code("0301")
///     .postal_place("Oslo")
///     .country("NO")
///     .phone_number("+4799999999");
/// let order = Order::builder(Currency::NOK, "o-1").shipping_address(address).build().unwrap();
/// assert_eq!(order.shipping_address().unwrap().phone(), Some("+4799999999"));
///
/// let bad = Address::new().phone_number("call me");
/// let err = Order::builder(Currency::NOK, "o-1").billing_address(bad).build().unwrap_err();
/// assert_eq!(err.violations()[0].path(), "order.billing_address.phone_number");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an address (a JSON object)")]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address_line_2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    co_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    business_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    postal_place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    latitude: Option<Degrees>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    longitude: Option<Degrees>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organization_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organization_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    customer_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cost_center: Option<String>,
}

/// A latitude or longitude in degrees, kept as the exact number written (serde in
/// `json/number`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Degrees(pub(crate) Decimal);

impl Address {
    /// An empty address.
    ///
    /// ```
    /// # use dintero_order_core::Address;
    /// assert_eq!(serde_json::to_string(&Address::new()).unwrap(), "{}");
    /// ```
    pub fn new() -> Address {
        Address::default()
    }

    /// The phone number, if set.
    ///
    /// ```
    /// # use dintero_order_core::Address;
    /// assert_eq!(Address::new().phone_number("+4712345678").phone(), Some("+4712345678"));
    /// ```
    pub fn phone(&self) -> Option<&str> {
        self.phone_number.as_deref()
    }

    /// Geographic position in degrees, written exactly as given (as every number is: a
    /// parsed `59.91` is written back as `59.91`, a `1` as `1`).
    ///
    /// ```
    /// # use dintero_order_core::Address;
    /// use rust_decimal_macros::dec;
    /// let a = Address::new().position(dec!(59.91), dec!(10.75));
    /// assert_eq!(serde_json::to_string(&a)?, r#"{"latitude":59.91,"longitude":10.75}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn position(mut self, latitude: Decimal, longitude: Decimal) -> Address {
        self.latitude = Some(Degrees(latitude));
        self.longitude = Some(Degrees(longitude));
        self
    }

    pub(crate) fn validate(&self, path: &str, violations: &mut Violations) {
        if let Some(phone) = &self.phone_number {
            check_phone(phone, format_args!("{path}.phone_number"), violations);
        }
        if let Some(country) = &self.country {
            check_country(country, format_args!("{path}.country"), violations);
        }
        for (name, value) in [("latitude", self.latitude), ("longitude", self.longitude)] {
            if let Some(Degrees(value)) = value
                && !crate::money::decimal::fits_json_number(value)
            {
                violations.add(
                    Rule::Format,
                    format_args!("{path}.{name}"),
                    "a number with at most 15 significant digits and 22 decimals",
                    value.to_string(),
                );
            }
        }
    }
}

optional_text!(Address {
    /// Given name.
    first_name,
    /// Family name.
    last_name,
    /// Street address.
    address_line,
    /// Second address line.
    address_line_2,
    /// c/o line.
    co_address,
    /// Company name.
    business_name,
    /// Postal code.
    postal_code,
    /// Postal place (city).
    postal_place,
    /// ISO 3166 alpha-2 country code, e.g. `NO`.
    country,
    /// Phone number with international prefix, `^\+?\d{5,15}$`.
    phone_number,
    /// E-mail address.
    email,
    /// A comment for the carrier.
    comment,
    /// Organisation number (B2B).
    organization_number,
    /// Organisation type (B2B).
    organization_type,
    /// The customer's own reference (B2B).
    customer_reference,
    /// Cost centre (B2B).
    cost_center,
});

/// Checks Dintero's phone pattern `^\+?\d{5,15}$`.
pub(crate) fn check_phone(phone: &str, path: impl std::fmt::Display, violations: &mut Violations) {
    if !is_phone_number(phone) {
        violations.add(
            Rule::Format,
            path,
            "a phone number matching ^\\+?\\d{5,15}$",
            quoted(phone),
        );
    }
}

/// Checks that `country` is an assigned ISO 3166-1 alpha-2 code (`NO`, `SE`; upper case, as
/// the standard writes it), not merely two letters: `XX` is refused.
pub(crate) fn check_country(
    country: &str,
    path: impl std::fmt::Display,
    violations: &mut Violations,
) {
    if !is_country_code(country) {
        violations.add(
            Rule::Format,
            path,
            "an ISO 3166 alpha-2 country code",
            quoted(country),
        );
    }
}

/// The address of a [`Store`].
///
/// ```
/// use dintero_order_core::StoreAddress;
/// let address = StoreAddress::new("Karl Johans gate 1", "Oslo", "NO").postal_code("0154");
/// # let _ = address;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a store address (a JSON object)")]
pub struct StoreAddress {
    address_line: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address_line_2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    postal_code: Option<String>,
    postal_place: String,
    country: String,
}

impl StoreAddress {
    /// A store address: street, postal place and ISO 3166 alpha-2 country.
    ///
    /// ```
    /// # use dintero_order_core::StoreAddress;
    /// let a = StoreAddress::new("Storgata 1", "Bergen", "NO");
    /// # let _ = a;
    /// ```
    pub fn new(
        address_line: impl Into<String>,
        postal_place: impl Into<String>,
        country: impl Into<String>,
    ) -> StoreAddress {
        StoreAddress {
            address_line: address_line.into(),
            address_line_2: None,
            postal_code: None,
            postal_place: postal_place.into(),
            country: country.into(),
        }
    }
}

optional_text!(StoreAddress {
    /// Second address line.
    address_line_2,
    /// Postal code.
    postal_code,
});

/// The store an order belongs to (`order.store`).
///
/// ```
/// use dintero_order_core::{Currency, Order, Store};
/// let order = Order::builder(Currency::NOK, "o-1")
///     .store(Store::new("shop.example").name("Example Shop"))
///     .build()
///     .unwrap();
/// assert!(serde_json::to_string(&order).unwrap().contains(r#""store":{"id":"shop.example","name":"Example Shop"}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Store {
    pub(crate) id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) business_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) chain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) gln: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) organization_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) bax: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) mcc: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) terminal_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) payout_destination_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) address: Option<StoreAddress>,
}

impl Store {
    /// A store with its id (e.g. the shop's host name).
    ///
    /// ```
    /// # use dintero_order_core::Store;
    /// let s = Store::new("shop.example");
    /// # let _ = s;
    /// ```
    pub fn new(id: impl Into<String>) -> Store {
        Store {
            id: id.into(),
            name: None,
            business_name: None,
            chain: None,
            email: None,
            gln: None,
            organization_number: None,
            phone_number: None,
            bax: None,
            mcc: None,
            terminal_id: None,
            payout_destination_id: None,
            address: None,
        }
    }

    /// The store's address.
    ///
    /// ```
    /// # use dintero_order_core::{Store, StoreAddress};
    /// let s = Store::new("s-1").address(StoreAddress::new("Storgata 1", "Bergen", "NO"));
    /// # let _ = s;
    /// ```
    pub fn address(mut self, address: StoreAddress) -> Store {
        self.address = Some(address);
        self
    }

    pub(crate) fn validate(&self, path: &str, violations: &mut Violations) {
        if self.id.is_empty() {
            violations.add(
                Rule::Required,
                format_args!("{path}.id"),
                "a non-empty string",
                "\"\"",
            );
        }
        if let Some(mcc) = &self.mcc
            && (mcc.len() != 4 || !mcc.bytes().all(|b| b.is_ascii_digit()))
        {
            violations.add(
                Rule::Format,
                format_args!("{path}.mcc"),
                "a 4-digit ISO 18245 merchant category code",
                quoted(mcc),
            );
        }
        if let Some(address) = &self.address {
            check_country(
                &address.country,
                format_args!("{path}.address.country"),
                violations,
            );
        }
    }
}

optional_text!(Store {
    /// Display name.
    name,
    /// Legal name.
    business_name,
    /// Chain the store belongs to.
    chain,
    /// E-mail address.
    email,
    /// Global Location Number.
    gln,
    /// Organisation number.
    organization_number,
    /// Phone number.
    phone_number,
    /// BAX number.
    bax,
    /// ISO 18245 merchant category code (4 digits).
    mcc,
    /// Terminal id.
    terminal_id,
    /// Payout destination (seller) id.
    payout_destination_id,
});

#[cfg(test)]
mod tests {
    use super::{check_country, is_country_code};
    use crate::error::Violations;

    #[test]
    fn country_codes_are_the_assigned_ones_not_any_two_letters() {
        for code in ["NO", "SE", "DK", "FI", "DE", "GB", "US", "AX"] {
            assert!(is_country_code(code), "{code}");
        }
        // Two upper-case letters that are no country, the empty string (`iso_country`'s
        // "unspecified"), lower case, three letters and names.
        for code in [
            "XX", "UK", "EU", "ZZ", "", "no", "No", "NOR", "N", "Norway", " NO",
        ] {
            assert!(!is_country_code(code), "{code:?}");
        }
        // ISO 3166-1 assigns 249 alpha-2 codes.
        let letters = b'A'..=b'Z';
        let assigned = letters
            .clone()
            .flat_map(|a| letters.clone().map(move |b| [a, b]))
            .filter(|code| std::str::from_utf8(code).is_ok_and(is_country_code))
            .count();
        assert_eq!(assigned, 249);
    }

    #[test]
    fn a_refused_country_names_its_path() {
        let mut v = Violations::new();
        check_country("XX", "order.shipping_address.country", &mut v);
        check_country("NO", "order.billing_address.country", &mut v);
        let err = v.into_error();
        let messages: Vec<String> = err.violations().iter().map(|v| v.to_string()).collect();
        assert_eq!(
            messages,
            [
                r#"order.shipping_address.country: expected an ISO 3166 alpha-2 country code, found "XX""#
            ]
        );
    }
}
