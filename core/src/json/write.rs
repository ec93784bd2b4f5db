//! `to_json`: a body's exact bytes, written into a buffer sized once.
//!
//! `serde_json::to_vec` starts from an empty buffer and doubles it as it writes: a one-line
//! session grows it seven times, a 10 000-line one copies about 4 MB on the way and leaves
//! the allocator a heap half again as large as the body, which glibc hands back to the
//! system after every order and faults in again on the next. Here the buffer is sized from
//! the order's text and line count first; the bytes are the same as serde's.
//!
//! The two session bodies' `Serialize` live here too: the fields they share are written in
//! place, in the order Dintero's documentation lists them (`#[serde(flatten)]` would route
//! every field of both through a map serializer).

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::session::parts::SessionParts;
use crate::{Order, Session, SessionProfile, SessionUpdate};

/// How many of the shared fields `parts` writes.
fn parts_len(parts: &SessionParts) -> usize {
    let SessionParts {
        url: _,
        order: _,
        customer,
        expires_at,
        metadata,
        checkboxes,
        express,
    } = parts;
    2 + usize::from(!customer.is_empty())
        + usize::from(expires_at.is_some())
        + usize::from(!metadata.is_empty())
        + usize::from(!checkboxes.is_empty())
        + usize::from(express.is_some())
}

/// Writes the fields both bodies share; empty ones are left out.
fn write_parts<S: SerializeStruct>(out: &mut S, parts: &SessionParts) -> Result<(), S::Error> {
    let SessionParts {
        url,
        order,
        customer,
        expires_at,
        metadata,
        checkboxes,
        express,
    } = parts;
    out.serialize_field("url", url)?;
    out.serialize_field("order", order)?;
    if !customer.is_empty() {
        out.serialize_field("customer", customer)?;
    }
    if let Some(expires_at) = expires_at {
        out.serialize_field("expires_at", expires_at)?;
    }
    if !metadata.is_empty() {
        out.serialize_field("metadata", metadata)?;
    }
    if !checkboxes.is_empty() {
        out.serialize_field("checkboxes", checkboxes)?;
    }
    if let Some(express) = express {
        out.serialize_field("express", express)?;
    }
    Ok(())
}

impl Serialize for SessionProfile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let body = &self.0;
        // An empty configuration overrides nothing, and is left out.
        let configuration = body
            .configuration
            .as_ref()
            .filter(|configuration| !configuration.as_json().is_empty());
        let len = 1
            + parts_len(&body.parts)
            + usize::from(configuration.is_some())
            + usize::from(body.merchant.is_some());
        let mut out = serializer.serialize_struct("SessionProfile", len)?;
        out.serialize_field("profile_id", &body.profile_id)?;
        write_parts(&mut out, &body.parts)?;
        if let Some(configuration) = configuration {
            out.serialize_field("configuration", configuration)?;
        }
        if let Some(merchant) = &body.merchant {
            out.serialize_field("merchant", merchant)?;
        }
        out.end()
    }
}

impl Serialize for Session {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let body = &self.0;
        let mut out = serializer.serialize_struct("Session", parts_len(&body.parts) + 1)?;
        write_parts(&mut out, &body.parts)?;
        out.serialize_field("configuration", &body.configuration)?;
        out.end()
    }
}

/// Room for what a body holds besides its lines: `profile_id`, `url`, the order's totals,
/// reference and shipping option, a customer, the braces.
const BODY_BYTES: usize = 1024;

/// Room for what a line holds besides its text: the field names, quotes and commas, the
/// numbers and the type (`{"id":"","line_id":"",…,"type":"physical","thumbnail_url":""}`
/// is about 120 bytes, and numbers grow).
const LINE_BYTES: usize = 160;

/// What a body with `order` in it is expected to take.
fn expected_bytes(order: &Order) -> usize {
    let items = order.items();
    let text: usize = items.iter().map(|item| item.text.byte_len()).sum();
    BODY_BYTES
        .saturating_add(text)
        .saturating_add(items.len().saturating_mul(LINE_BYTES))
}

/// `body` as JSON in a buffer of `capacity` bytes (more when it does not fit).
fn write(body: &impl Serialize, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    match serde_json::to_writer(&mut out, body) {
        Ok(()) => out,
        // A `Vec` takes every byte, and every value of a validated body has a JSON form:
        // keys are strings and numbers are integers or decimals, never a NaN.
        Err(error) => unreachable!("a validated body serializes: {error}"),
    }
}

macro_rules! to_json_api {
    ($ty:ident, $what:literal, $order:expr, $example:literal) => {
        impl $ty {
            #[doc = concat!("The exact JSON of ", $what, ": the same bytes as")]
            /// `serde_json::to_vec`, written into a buffer sized once from the order, and with
            /// no error to handle, since a validated body always serializes.
            ///
            /// ```
            /// # use dintero_order_core::*;
            /// # use rust_decimal_macros::dec;
            /// # let vat = VatRate::from_whole_percent(25).unwrap();
            /// # let order = Order::builder(Currency::NOK, "o-1")
            /// #     .line(Line::new("chair-1", "Stol", UnitPrice::major(dec!(299.90)), vat))
            /// #     .build()?;
            #[doc = $example]
            /// assert_eq!(body.to_json(), serde_json::to_vec(&body)?);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn to_json(&self) -> Vec<u8> {
                let order: fn(&$ty) -> &Order = $order;
                write(self, expected_bytes(order(self)))
            }
        }
    };
}

to_json_api!(
    SessionProfile,
    "this `POST /v1/sessions-profile` body",
    |body| body.order(),
    "let body = SessionProfile::builder(\"default\", \"https://shop.example/r\", order).build()?;"
);
to_json_api!(
    Session,
    "this `POST /v1/sessions` body",
    |body| body.order(),
    "let body = Session::builder(\"https://shop.example/r\", order, Configuration::default()).build()?;"
);
to_json_api!(
    SessionUpdate,
    "this `PUT /v1/sessions/{session_id}` body",
    |body| body.order(),
    "let body = SessionUpdate::builder(order).remove_lock(true).build()?;"
);
to_json_api!(
    Order,
    "this order (the `order` object of a session)",
    |order| order,
    "let body = order;"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, Line, UnitPrice, VatRate};

    fn order(lines: usize) -> Order {
        let vat = VatRate::from_whole_percent(25).unwrap_or(VatRate::ZERO);
        let mut builder = Order::builder(Currency::NOK, "o-1");
        for i in 0..lines {
            let id = format!("sku-{i}");
            builder = builder.line(
                Line::new(
                    &*id,
                    "Stol «Luhkka» – \"eik\"",
                    UnitPrice::minor(29990),
                    vat,
                )
                .thumbnail_url("https://cdn.shop.example/img/thumb.webp"),
            );
        }
        match builder.build() {
            Ok(order) => order,
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn the_bytes_are_serdes_and_fit_the_buffer_sized_for_them() {
        for lines in [0, 1, 7, 300] {
            let order = order(lines);
            let body = order.to_json();
            let serde = serde_json::to_vec(&order).unwrap_or_default();
            assert_eq!(body, serde, "{lines} lines");
            // Sized once: the guess holds the whole body, and is not wildly more.
            let expected = expected_bytes(&order);
            assert!(body.len() <= expected, "{} > {expected}", body.len());
            assert!(
                expected <= 2 * body.len() + BODY_BYTES,
                "{expected} for {}",
                body.len()
            );
        }
    }
}
