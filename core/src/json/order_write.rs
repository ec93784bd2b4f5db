//! The wire form of an order, written: a session's `order` (`SessionOrder`) and a session
//! update's (`SessionOrderUpdate`), which is the same object without two fields.
//!
//! One writer for both, so the two cannot drift apart: fields in the order Dintero's
//! documentation lists them, empty ones left out.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::Order;
use crate::order::validated::OrderData;

/// Which `order` object is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OrderForm {
    /// A session's `order`: every field.
    Session,
    /// A session update's `order`: no `merchant_reference`, which Dintero never changes
    /// once set, and no `payout_destination_id`, which `SessionOrderUpdate` does not define.
    Update,
}

/// The `order` of a [`SessionUpdate`](crate::SessionUpdate) body.
pub(crate) struct OrderUpdate<'a>(pub(crate) &'a Order);

impl Serialize for Order {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_order(&self.0, OrderForm::Session, serializer)
    }
}

impl Serialize for OrderUpdate<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_order(&self.0.0, OrderForm::Update, serializer)
    }
}

fn write_order<S: Serializer>(
    data: &OrderData,
    form: OrderForm,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    // Named one by one, so that a new field cannot be forgotten here.
    let OrderData {
        amount,
        currency,
        merchant_reference,
        merchant_reference_2,
        event_reference,
        vat_amount,
        items,
        shipping_option,
        partial_payment,
        discount_lines,
        discount_codes,
        gift_cards,
        shipping_address,
        billing_address,
        store,
        payout_destination_id,
    } = data;
    let session = form == OrderForm::Session;
    let payout_destination_id = payout_destination_id.as_ref().filter(|_| session);
    let len = 2
        + usize::from(session)
        + usize::from(merchant_reference_2.is_some())
        + usize::from(event_reference.is_some())
        + usize::from(vat_amount.is_some())
        + usize::from(!items.is_empty())
        + usize::from(shipping_option.is_some())
        + usize::from(partial_payment.is_some())
        + usize::from(!discount_lines.is_empty())
        + usize::from(!discount_codes.is_empty())
        + usize::from(!gift_cards.is_empty())
        + usize::from(shipping_address.is_some())
        + usize::from(billing_address.is_some())
        + usize::from(store.is_some())
        + usize::from(payout_destination_id.is_some());
    let mut out = serializer.serialize_struct("Order", len)?;
    out.serialize_field("amount", amount)?;
    out.serialize_field("currency", currency)?;
    if session {
        out.serialize_field("merchant_reference", merchant_reference)?;
    }
    some(&mut out, "merchant_reference_2", merchant_reference_2)?;
    some(&mut out, "event_reference", event_reference)?;
    some(&mut out, "vat_amount", vat_amount)?;
    listed(&mut out, "items", items)?;
    some(&mut out, "shipping_option", shipping_option)?;
    some(&mut out, "partial_payment", partial_payment)?;
    listed(&mut out, "discount_lines", discount_lines)?;
    listed(&mut out, "discount_codes", discount_codes)?;
    listed(&mut out, "gift_cards", gift_cards)?;
    some(&mut out, "shipping_address", shipping_address)?;
    some(&mut out, "billing_address", billing_address)?;
    some(&mut out, "store", store)?;
    some(&mut out, "payout_destination_id", &payout_destination_id)?;
    out.end()
}

/// Writes `value` when it is set.
fn some<S: SerializeStruct, T: Serialize>(
    out: &mut S,
    key: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => out.serialize_field(key, value),
        None => Ok(()),
    }
}

/// Writes `values` when there are any.
fn listed<S: SerializeStruct, T: Serialize>(
    out: &mut S,
    key: &'static str,
    values: &[T],
) -> Result<(), S::Error> {
    if values.is_empty() {
        Ok(())
    } else {
        out.serialize_field(key, values)
    }
}
