//! What both session bodies hold (`url`, `order`, `customer`, `expires_at`, `metadata`,
//! `checkboxes`, `express`) and its checks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::check;
use super::expires_at::ExpiresAt;
use crate::error::{Rule, Violations};
use crate::order::validated::OrderData;
use crate::{Checkbox, Customer, Express, MetadataValue, Order, OrderItem, ShippingOption};

/// `metadata` has at most this many keys.
const MAX_METADATA_KEYS: usize = 10;

/// `checkboxes` has at most this many entries.
const MAX_CHECKBOXES: usize = 2;

/// The `url` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "the url object (a JSON object)")]
pub(crate) struct SessionUrls {
    pub(crate) return_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) callback_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) merchant_terms_url: Option<String>,
}

/// The fields both bodies share, in the order they are written; flattened into each body
/// when written. `O` is [`Order`] in a session and the unchecked [`OrderData`] while a parsed
/// body is checked, so that the order's problems are reported with the session's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SessionParts<O = Order> {
    pub(crate) url: SessionUrls,
    pub(crate) order: O,
    pub(crate) customer: Customer,
    pub(crate) expires_at: Option<ExpiresAt>,
    pub(crate) metadata: BTreeMap<String, MetadataValue>,
    pub(crate) checkboxes: Vec<Checkbox>,
    pub(crate) express: Option<Express>,
}

/// The order inside a session as far as the session's checks need it.
pub(crate) trait OrderPart {
    /// Adds the order's own problems; an [`Order`] has none.
    fn check(&self, v: &mut Violations);
    /// The order lines, whose `line_id`s the express options must not reuse.
    fn lines(&self) -> &[OrderItem];
    /// The shipping option, whose passed-through parts must not nest too deep.
    fn shipping(&self) -> Option<&ShippingOption>;
}

impl OrderPart for Order {
    fn check(&self, _: &mut Violations) {}

    fn lines(&self) -> &[OrderItem] {
        self.items()
    }

    fn shipping(&self) -> Option<&ShippingOption> {
        self.shipping_option()
    }
}

impl OrderPart for OrderData {
    fn check(&self, v: &mut Violations) {
        crate::order::validate::order_into(self, v);
    }

    fn lines(&self) -> &[OrderItem] {
        &self.items
    }

    fn shipping(&self) -> Option<&ShippingOption> {
        self.shipping_option.as_deref()
    }
}

impl SessionParts {
    pub(crate) fn new(return_url: String, order: Order) -> SessionParts {
        SessionParts {
            url: SessionUrls {
                return_url,
                callback_url: None,
                merchant_terms_url: None,
            },
            order,
            customer: Customer::default(),
            expires_at: None,
            metadata: BTreeMap::new(),
            checkboxes: Vec::new(),
            express: None,
        }
    }
}

impl SessionParts<OrderData> {
    /// The parts of a parsed body, unchecked; `expires_at` as written.
    pub(crate) fn parsed(
        url: SessionUrls,
        order: OrderData,
        customer: Customer,
        expires_at: Option<String>,
        metadata: BTreeMap<String, MetadataValue>,
        checkboxes: Vec<Checkbox>,
        express: Option<Express>,
    ) -> SessionParts<OrderData> {
        SessionParts {
            url,
            order,
            customer,
            expires_at: expires_at.map(ExpiresAt::Text),
            metadata,
            checkboxes,
            express,
        }
    }

    /// The parts with their order checked; call only once `validate` found nothing.
    pub(crate) fn into_validated(self) -> SessionParts {
        SessionParts {
            url: self.url,
            order: Order::validated(self.order),
            customer: self.customer,
            expires_at: self.expires_at,
            metadata: self.metadata,
            checkboxes: self.checkboxes,
            express: self.express,
        }
    }
}

impl<O: OrderPart> SessionParts<O> {
    /// Checks the shared fields; `in_app` (channel `in_app`) allows an app-switch return URL.
    pub(crate) fn validate(&self, in_app: bool, v: &mut Violations) {
        check::return_url(&self.url.return_url, in_app, "url.return_url", v);
        if let Some(url) = &self.url.callback_url {
            check::callback_url(url, "url.callback_url", v);
        }
        if let Some(url) = &self.url.merchant_terms_url {
            check::http_url(url, "url.merchant_terms_url", v);
        }
        self.order.check(v);
        // A bare order may nest as deep as a bare order parses; in a body it is one deeper.
        crate::order::depth::check_order_depth(self.order.lines(), self.order.shipping(), v);
        self.customer.validate("customer", v);
        if let Some(expires_at) = &self.expires_at {
            expires_at.validate("expires_at", v);
        }
        if self.metadata.len() > MAX_METADATA_KEYS {
            v.add(
                Rule::TooMany,
                "metadata",
                "at most 10 keys",
                check::count(self.metadata.len(), "key", "keys"),
            );
        }
        if self.checkboxes.len() > MAX_CHECKBOXES {
            v.add(
                Rule::TooMany,
                "checkboxes",
                "at most 2 checkboxes",
                check::count(self.checkboxes.len(), "checkbox", "checkboxes"),
            );
        }
        for (index, checkbox) in self.checkboxes.iter().enumerate() {
            checkbox.validate(&format!("checkboxes[{index}]"), v);
        }
        if let Some(express) = &self.express {
            express.validate(self.order.lines(), v);
        }
    }
}
