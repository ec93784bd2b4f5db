//! `merchant`: the shop's name, logo and contact details shown in the checkout.

use serde::{Deserialize, Serialize};

use super::check;
use crate::error::{Rule, Violations};
use crate::order::address::check_country;

/// The `merchant` object of `/v1/sessions-profile`: overrides the name, logo and contact
/// details the checkout shows for the shop.
///
/// Made by [`Merchant::builder`]. `name` must be non-empty, `logo_url` an absolute http(s)
/// URL and `country` an ISO 3166 alpha-2 code; the session checks them when it is built.
///
/// ```
/// use dintero_order_core::Merchant;
///
/// let merchant = Merchant::builder("Kari's Chairs", "https://example.com/logo.png")
///     .website("https://example.com")
///     .country("NO")
///     .build();
/// assert_eq!(
///     serde_json::to_string(&merchant)?,
///     r#"{"name":"Kari's Chairs","logo_url":"https://example.com/logo.png","website":"https://example.com","country":"NO"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "the merchant (a JSON object)")]
pub struct Merchant {
    name: String,
    logo_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    merchant_category_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    postal_place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address_line_2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    platform_type: Option<String>,
}

/// Collects the fields of a [`Merchant`]; made by [`Merchant::builder`]. Every setter takes
/// and returns the builder by value; [`build`](Self::build) cannot fail, since the session
/// checks the merchant.
#[derive(Debug, Clone)]
#[must_use = "a merchant builder does nothing until `.build()` is called"]
pub struct MerchantBuilder(Merchant);

impl Merchant {
    /// Starts a merchant with its display name and the URL of its logo.
    ///
    /// ```
    /// use dintero_order_core::Merchant;
    /// let merchant = Merchant::builder("Kari's Chairs", "https://example.com/logo.png").build();
    /// assert_eq!(merchant.name(), "Kari's Chairs");
    /// ```
    pub fn builder(name: impl Into<String>, logo_url: impl Into<String>) -> MerchantBuilder {
        MerchantBuilder(Merchant {
            name: name.into(),
            logo_url: logo_url.into(),
            website: None,
            email: None,
            phone_number: None,
            merchant_category_code: None,
            country: None,
            postal_code: None,
            postal_place: None,
            address_line: None,
            address_line_2: None,
            platform_type: None,
        })
    }

    /// `name`.
    ///
    /// ```
    /// use dintero_order_core::Merchant;
    /// assert_eq!(Merchant::builder("Shop", "https://example.com/logo.png").build().name(), "Shop");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `logo_url`.
    ///
    /// ```
    /// use dintero_order_core::Merchant;
    /// let merchant = Merchant::builder("Shop", "https://example.com/logo.png").build();
    /// assert_eq!(merchant.logo_url(), "https://example.com/logo.png");
    /// ```
    pub fn logo_url(&self) -> &str {
        &self.logo_url
    }

    /// Checks `name`, `logo_url` and `country`; paths start at `path` (`merchant`).
    pub(super) fn validate(&self, path: &str, v: &mut Violations) {
        if self.name.is_empty() {
            v.add(
                Rule::Required,
                format_args!("{path}.name"),
                "a non-empty string",
                "\"\"",
            );
        }
        check::http_url(&self.logo_url, format_args!("{path}.logo_url"), v);
        if let Some(country) = &self.country {
            check_country(country, format_args!("{path}.country"), v);
        }
    }
}

impl MerchantBuilder {
    /// The merchant. Nothing is checked here: the session checks it when it is built.
    ///
    /// ```
    /// use dintero_order_core::Merchant;
    /// let merchant = Merchant::builder("Shop", "https://example.com/logo.png")
    ///     .country("NO")
    ///     .build();
    /// assert_eq!(merchant.country(), Some("NO"));
    /// ```
    pub fn build(self) -> Merchant {
        self.0
    }
}

text_fields!(Merchant, MerchantBuilder, "Merchant::builder(\"Shop\", \"https://example.com/logo.png\")";
    /// Sets `website`.
    website, "https://example.com";
    /// Sets `email`.
    email, "shop@example.com";
    /// Sets `phone_number`.
    phone_number, "+4722222222";
    /// Sets `merchant_category_code` (ISO 18245 MCC).
    merchant_category_code, "5712";
    /// Sets `country`, an ISO 3166 alpha-2 code.
    country, "NO";
    /// Sets `postal_code`.
    postal_code, "0154";
    /// Sets `postal_place`.
    postal_place, "Oslo";
    /// Sets `address_line`.
    address_line, "Karl Johans gate 1";
    /// Sets `address_line_2`.
    address_line_2, "2nd floor";
    /// Sets `platform_type`: `aggregator` or `marketplace` for platforms selling for others.
    platform_type, "marketplace";
);
