//! `configuration`: payment types, capture, channel and every other setting, as JSON.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Violations;

/// The `configuration` object: which payment types the checkout offers and how it behaves.
///
/// Made by [`Configuration::builder`] (or `Configuration::default()` for an empty one, or
/// from a whole JSON object). The commonly set fields have typed setters; every other field
/// of the spec (per-provider objects such as `vipps`, `discounts`, `theme`, `countries`, …)
/// is set with [`set`](ConfigurationBuilder::set). Every field, typed or set as JSON, is
/// checked against Dintero's spec when the session is built or parsed (types, enums,
/// required fields, fields the spec does not define, …), together with everything else.
///
/// ```
/// use dintero_order_core::{Channel, Configuration};
/// use serde_json::json;
///
/// let configuration = Configuration::builder()
///     .auto_capture(true)
///     .channel(Channel::InApp)
///     .default_payment_type("vipps")
///     .set("vipps", json!({ "enabled": true }))
///     .build();
/// assert_eq!(
///     serde_json::to_string(&configuration)?,
///     r#"{"auto_capture":true,"channel":"in_app","default_payment_type":"vipps","vipps":{"enabled":true}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct Configuration {
    pub(crate) fields: Map<String, Value>,
}

/// The `configuration.channel`: what kind of payment the session is for.
///
/// Leave it unset for web shops: Dintero's default is `ecommerce` (the 2025 spec names it;
/// the 2024 spec had only `in_app` and `in_store`).
///
/// ```
/// use dintero_order_core::Channel;
/// assert_eq!(serde_json::to_string(&Channel::InStore)?, r#""in_store""#);
/// assert_eq!(serde_json::to_string(&Channel::Ecommerce)?, r#""ecommerce""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Payment in a web shop (Dintero's default since the 2025 spec).
    Ecommerce,
    /// Payment from a mobile app; `url.return_url` may then be the app-switch URL.
    InApp,
    /// Payment in a physical store.
    InStore,
}

impl Channel {
    /// Every channel, in the spec's order.
    const ALL: [Channel; 3] = [Channel::Ecommerce, Channel::InApp, Channel::InStore];

    /// The JSON name, as Dintero spells it.
    ///
    /// ```
    /// use dintero_order_core::Channel;
    /// assert_eq!(Channel::InApp.as_str(), "in_app");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Ecommerce => "ecommerce",
            Channel::InApp => "in_app",
            Channel::InStore => "in_store",
        }
    }

    fn from_json_name(name: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.as_str() == name)
    }
}

/// Collects the fields of a [`Configuration`]; made by [`Configuration::builder`]. Every
/// setter takes and returns the builder by value; [`build`](Self::build) cannot fail, since
/// the session checks the configuration.
#[derive(Debug, Clone)]
#[must_use = "a configuration builder does nothing until `.build()` is called"]
pub struct ConfigurationBuilder(Configuration);

impl ConfigurationBuilder {
    /// Sets `auto_capture`: capture the payment as soon as it is authorized (Dintero's
    /// default is `false`).
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// assert_eq!(Configuration::builder().auto_capture(true).build().auto_capture(), Some(true));
    /// ```
    pub fn auto_capture(self, auto_capture: bool) -> ConfigurationBuilder {
        self.set("auto_capture", auto_capture)
    }

    /// Sets `channel`.
    ///
    /// ```
    /// use dintero_order_core::{Channel, Configuration};
    /// let configuration = Configuration::builder().channel(Channel::InStore).build();
    /// assert_eq!(configuration.channel(), Some(Channel::InStore));
    /// ```
    pub fn channel(self, channel: Channel) -> ConfigurationBuilder {
        self.set("channel", channel.as_str())
    }

    /// Sets `default_payment_type`, the payment type selected when the checkout opens, e.g.
    /// `vipps` or `payex.creditcard`. It must also be enabled.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// let configuration = Configuration::builder().default_payment_type("payex.creditcard").build();
    /// assert_eq!(configuration.default_payment_type(), Some("payex.creditcard"));
    /// ```
    pub fn default_payment_type(self, payment_type: impl Into<String>) -> ConfigurationBuilder {
        self.set("default_payment_type", payment_type.into())
    }

    /// Sets `active_payment_types.enabled`: offer every payment type that is active for the
    /// order's currency. Other fields of `active_payment_types` are kept.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// let configuration = Configuration::builder().active_payment_types(true).build();
    /// assert_eq!(configuration.active_payment_types(), Some(true));
    /// assert_eq!(
    ///     serde_json::to_string(&configuration)?,
    ///     r#"{"active_payment_types":{"enabled":true}}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn active_payment_types(mut self, enabled: bool) -> ConfigurationBuilder {
        let entry = self
            .0
            .fields
            .entry("active_payment_types")
            .or_insert_with(|| Value::Object(Map::new()));
        match entry {
            Value::Object(object) => {
                object.insert("enabled".to_owned(), Value::Bool(enabled));
            }
            other => *other = serde_json::json!({ "enabled": enabled }),
        }
        self
    }

    /// Sets any top-level field, replacing what was there: the way to reach the parts of
    /// the spec without a typed setter.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// use serde_json::json;
    ///
    /// let configuration = Configuration::builder()
    ///     .set("payex", json!({ "creditcard": { "enabled": true } }))
    ///     .set("discounts", json!({ "order": { "enabled": true } }))
    ///     .build();
    /// assert_eq!(configuration.get("payex"), Some(&json!({ "creditcard": { "enabled": true } })));
    /// ```
    pub fn set(
        mut self,
        field: impl Into<String>,
        value: impl Into<Value>,
    ) -> ConfigurationBuilder {
        self.0.fields.insert(field.into(), value.into());
        self
    }

    /// The configuration. Nothing is checked here: the session checks it when it is built.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// let configuration = Configuration::builder().auto_capture(false).build();
    /// assert_eq!(configuration.auto_capture(), Some(false));
    /// ```
    pub fn build(self) -> Configuration {
        self.0
    }
}

impl Configuration {
    /// Starts an empty configuration: for `/v1/sessions-profile`, the profile's settings
    /// apply to every field left unset.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// assert_eq!(serde_json::to_string(&Configuration::builder().build())?, "{}");
    /// assert_eq!(Configuration::builder().build(), Configuration::default());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn builder() -> ConfigurationBuilder {
        ConfigurationBuilder(Configuration::default())
    }

    /// `auto_capture`, if set to a boolean.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// assert_eq!(Configuration::default().auto_capture(), None);
    /// ```
    pub fn auto_capture(&self) -> Option<bool> {
        self.fields.get("auto_capture").and_then(Value::as_bool)
    }

    /// `channel`, if set to a known channel.
    ///
    /// ```
    /// use dintero_order_core::{Channel, Configuration};
    /// assert_eq!(Configuration::builder().channel(Channel::InApp).build().channel(), Some(Channel::InApp));
    /// ```
    pub fn channel(&self) -> Option<Channel> {
        self.fields
            .get("channel")
            .and_then(Value::as_str)
            .and_then(Channel::from_json_name)
    }

    /// `default_payment_type`, if set to a string.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// let configuration = Configuration::builder().default_payment_type("vipps").build();
    /// assert_eq!(configuration.default_payment_type(), Some("vipps"));
    /// ```
    pub fn default_payment_type(&self) -> Option<&str> {
        self.fields
            .get("default_payment_type")
            .and_then(Value::as_str)
    }

    /// `active_payment_types.enabled`, if set to a boolean.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// assert_eq!(Configuration::default().active_payment_types(), None);
    /// ```
    pub fn active_payment_types(&self) -> Option<bool> {
        self.fields
            .get("active_payment_types")
            .and_then(|types| types.get("enabled"))
            .and_then(Value::as_bool)
    }

    /// Any top-level field.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// use serde_json::json;
    /// let configuration = Configuration::builder().auto_capture(false).build();
    /// assert_eq!(configuration.get("auto_capture"), Some(&json!(false)));
    /// ```
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field)
    }

    /// The whole object, as it will be sent.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// assert_eq!(Configuration::builder().auto_capture(true).build().as_json().len(), 1);
    /// ```
    pub fn as_json(&self) -> &Map<String, Value> {
        &self.fields
    }

    /// The channel as far as the checks need it; a malformed one is reported separately.
    pub(super) fn is_in_app(&self) -> bool {
        self.channel() == Some(Channel::InApp)
    }

    /// Checks every field against the spec, and that none nests deeper than a body can; paths
    /// start at `path` (`configuration`, inside the body: its members are two deep).
    pub(super) fn validate(&self, path: &str, v: &mut Violations) {
        crate::order::depth::check_members_depth(&self.fields, 1, path, v);
        // Every payment product's settings, as the spec states them.
        if !self.fields.is_empty() {
            crate::spec::check_members(&["configuration"], &self.fields, path, v);
        }
    }
}

impl From<Map<String, Value>> for Configuration {
    /// Takes a whole configuration object as it is; checked when it joins a session.
    ///
    /// ```
    /// use dintero_order_core::Configuration;
    /// use serde_json::json;
    ///
    /// let json = json!({ "auto_capture": true, "vipps": { "enabled": true } });
    /// let configuration = match json {
    ///     serde_json::Value::Object(map) => Configuration::from(map),
    ///     _ => unreachable!(),
    /// };
    /// assert_eq!(configuration.auto_capture(), Some(true));
    /// ```
    fn from(fields: Map<String, Value>) -> Configuration {
        Configuration { fields }
    }
}
