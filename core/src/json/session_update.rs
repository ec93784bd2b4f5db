//! The wire form of a session update (`UpdateSessionOptions`, the body of
//! `PUT /v1/sessions/{session_id}`): `order`, `express`, `remove_lock`, in that order.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::order_write::OrderUpdate;
use crate::SessionUpdate;

impl Serialize for SessionUpdate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let SessionUpdate {
            order,
            express,
            remove_lock,
        } = self;
        let len = 1 + usize::from(express.is_some()) + usize::from(remove_lock.is_some());
        let mut out = serializer.serialize_struct("UpdateSessionOptions", len)?;
        out.serialize_field("order", &OrderUpdate(order))?;
        // `Express` writes only what is set: here `shipping_options` and `shipping_mode`.
        if let Some(express) = express {
            out.serialize_field("express", express)?;
        }
        // Left out unless set, so Dintero's default (true) applies.
        if let Some(remove_lock) = remove_lock {
            out.serialize_field("remove_lock", remove_lock)?;
        }
        out.end()
    }
}
