//! The wire forms of the session bodies: what `/v1/sessions-profile` and `/v1/sessions`
//! bodies may hold on parse, and their `Deserialize`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Violation};
use crate::json::parse::{self, Root};
use crate::order::validated::OrderData;
use crate::session::parts::{SessionParts, SessionUrls};
use crate::session::profile::{ProfileBody, overrides};
use crate::session::session_body::SessionBody;
use crate::{
    Checkbox, Configuration, Customer, Express, Merchant, MetadataValue, Session, SessionProfile,
};

/// What a `/v1/sessions-profile` body may hold on parse, each field in its own place (no
/// flattening, so the typed parse streams straight from the bytes).
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a /v1/sessions-profile body (a JSON object)"
)]
pub(crate) struct ProfileWire {
    profile_id: String,
    #[serde(deserialize_with = "parse::object")]
    url: SessionUrls,
    #[serde(deserialize_with = "parse::object")]
    order: OrderData,
    #[serde(default, deserialize_with = "parse::object")]
    customer: Customer,
    #[serde(default)]
    expires_at: Option<String>,
    #[serde(default, deserialize_with = "parse::unique_map")]
    metadata: BTreeMap<String, MetadataValue>,
    #[serde(default, deserialize_with = "parse::objects")]
    checkboxes: Vec<Checkbox>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    express: Option<Express>,
    #[serde(default)]
    configuration: Option<Configuration>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    merchant: Option<Merchant>,
}

/// What a `/v1/sessions` body may hold on parse (see [`ProfileWire`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a /v1/sessions body (a JSON object)")]
pub(crate) struct SessionWire {
    #[serde(deserialize_with = "parse::object")]
    url: SessionUrls,
    #[serde(deserialize_with = "parse::object")]
    order: OrderData,
    #[serde(default, deserialize_with = "parse::object")]
    customer: Customer,
    #[serde(default)]
    expires_at: Option<String>,
    #[serde(default, deserialize_with = "parse::unique_map")]
    metadata: BTreeMap<String, MetadataValue>,
    #[serde(default, deserialize_with = "parse::objects")]
    checkboxes: Vec<Checkbox>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    express: Option<Express>,
    configuration: Configuration,
}

impl ProfileWire {
    /// The body as read, checked as the builder checks it.
    pub(crate) fn into_session(self) -> Result<SessionProfile, Error> {
        SessionProfile::from_parsed(self.into_body())
    }

    /// The body as read, with this crate's own rules as warnings.
    pub(crate) fn into_session_faithful(self) -> Result<(SessionProfile, Vec<Violation>), Error> {
        SessionProfile::from_parsed_faithful(self.into_body())
    }

    fn into_body(self) -> ProfileBody<OrderData> {
        ProfileBody {
            profile_id: self.profile_id,
            parts: SessionParts::parsed(
                self.url,
                self.order,
                self.customer,
                self.expires_at,
                self.metadata,
                self.checkboxes,
                self.express,
            ),
            configuration: self.configuration.and_then(overrides),
            merchant: self.merchant.map(Box::new),
        }
    }
}

impl SessionWire {
    /// The body as read, checked as the builder checks it.
    pub(crate) fn into_session(self) -> Result<Session, Error> {
        Session::from_parsed(self.into_body())
    }

    /// The body as read, with this crate's own rules as warnings.
    pub(crate) fn into_session_faithful(self) -> Result<(Session, Vec<Violation>), Error> {
        Session::from_parsed_faithful(self.into_body())
    }

    fn into_body(self) -> SessionBody<OrderData> {
        SessionBody {
            parts: SessionParts::parsed(
                self.url,
                self.order,
                self.customer,
                self.expires_at,
                self.metadata,
                self.checkboxes,
                self.express,
            ),
            configuration: self.configuration,
        }
    }
}

/// `Deserialize` for a session body, parsed through its wire struct.
macro_rules! deserialize_session {
    ($session:ident, $wire:ident) => {
        impl<'de> Deserialize<'de> for $session {
            /// Parses a body and runs every check the builder's `build` runs, the order's
            /// included, reporting every problem at once. A value of the wrong type, an
            /// unknown or a missing field fails first, with its JSON path in the message
            /// (`… at order.items[1].line_id`); [`from_json`](Self::from_json) reports all
            /// of those too, as [`Violation`](crate::Violation)s.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$session, D::Error> {
                let wire: $wire = parse::tracked(deserializer, Root::Session)?;
                wire.into_session().map_err(serde::de::Error::custom)
            }
        }
    };
}

deserialize_session!(SessionProfile, ProfileWire);
deserialize_session!(Session, SessionWire);
