//! [`Rule`]: which rule a value broke.

use std::fmt;

#[cfg(doc)]
use super::Violation;

/// The rule a value broke.
///
/// Match on this to react to a kind of problem; the [`Violation`] carries the path and the
/// human-readable detail.
///
/// ```
/// use dintero_order_core::{Currency, Error, Order, Rule};
///
/// let err: Error = Order::builder(Currency::NOK, "").build().unwrap_err();
/// assert_eq!(err.violations()[0].rule(), Rule::Required);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A currency code that is not ISO 4217, or one without a minor unit (`XAU`).
    Currency,
    /// A price in another currency than the order's.
    CurrencyMismatch,
    /// A computation left the range of the integer that holds it.
    Overflow,
    /// `order.amount` or `order.vat_amount` does not fit Dintero's `int32`.
    Int32Range,
    /// A quantity that is zero, negative or not representable as a JSON number.
    Quantity,
    /// A VAT rate outside 0..=100, with more than 2 decimals, or strictly between 0 and 1 (a
    /// fraction such as `0.25` where the percentage `25` was meant).
    VatRate,
    /// A line's `vat_amount` that is neither the floor nor the ceiling of the exact VAT.
    VatAmount,
    /// A negative amount on a line that is neither a gift card nor a rounding line.
    NegativeAmount,
    /// A `line_id` used twice among the items and the shipping option.
    DuplicateLineId,
    /// `order.amount` differs from the sum of the lines.
    OrderAmount,
    /// `order.vat_amount` differs from the sum of the lines' VAT.
    OrderVatAmount,
    /// A required value that is missing or empty.
    Required,
    /// A URL that is not absolute, not http(s), not https, or points at localhost.
    Url,
    /// A string or a list longer or shorter than the spec allows.
    Length,
    /// More entries than the spec allows (metadata keys, checkboxes, gift cards).
    TooMany,
    /// A string that does not match the spec's pattern or format.
    Format,
    /// A merchant-stated total further from the computed one than the stated tolerance.
    RoundingTolerance,
    /// An order-level discount that cannot be allocated.
    Discount,
    /// A JSON key that Dintero's spec does not define.
    UnknownField,
    /// A JSON value of the wrong type or shape.
    Type,
    /// Bytes that are not JSON at all (the path is empty; `found` gives the line and column).
    Syntax,
    /// The same key twice in one JSON object.
    DuplicateKey,
    /// JSON passed through (a configuration field, a card token, …) nested so deep that the
    /// body holding it would be deeper than a JSON parser reads (serde_json's 128 levels).
    Depth,
    /// A number below the spec's `minimum` or above its `maximum` (in passed-through JSON;
    /// the typed amounts have rules of their own).
    Range,
    /// A capture or refund names a `line_id` that is not a line of the transaction ("the id
    /// and line_id must match" the authorized lines).
    UnknownLine,
    /// A capture or refund asks for more than is left: above what was authorized and not yet
    /// captured, or above what was captured and not yet refunded; or it has nothing to take.
    Remaining,
    /// A capture, refund or void of a transaction whose `status` forbids it (Dintero's
    /// transaction-statuses page: capture from `AUTHORIZED` or a partial capture, refund only
    /// what was captured, void only before a full capture).
    TransactionStatus,
    /// A session update whose `order.shipping_option` is not one of the
    /// `express.shipping_options` it sends ("must be included in" them, says Dintero).
    ShippingOptionNotOffered,
    /// A session update whose order has another `merchant_reference` than the session it is
    /// meant for: Dintero never changes a session's reference, so it is the wrong order.
    MerchantReferenceChanged,
}

impl Rule {
    /// Every rule, in declaration order.
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert!(Rule::ALL.contains(&Rule::VatAmount));
    /// // Every rule has its own name.
    /// let names: std::collections::BTreeSet<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
    /// assert_eq!(names.len(), Rule::ALL.len());
    /// ```
    pub const ALL: [Rule; 29] = [
        Rule::Currency,
        Rule::CurrencyMismatch,
        Rule::Overflow,
        Rule::Int32Range,
        Rule::Quantity,
        Rule::VatRate,
        Rule::VatAmount,
        Rule::NegativeAmount,
        Rule::DuplicateLineId,
        Rule::OrderAmount,
        Rule::OrderVatAmount,
        Rule::Required,
        Rule::Url,
        Rule::Length,
        Rule::TooMany,
        Rule::Format,
        Rule::RoundingTolerance,
        Rule::Discount,
        Rule::UnknownField,
        Rule::Type,
        Rule::Syntax,
        Rule::DuplicateKey,
        Rule::Depth,
        Rule::Range,
        Rule::UnknownLine,
        Rule::Remaining,
        Rule::TransactionStatus,
        Rule::ShippingOptionNotOffered,
        Rule::MerchantReferenceChanged,
    ];

    /// A stable snake_case name for reports and logs (`vat_amount`, `unknown_field`, …).
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert_eq!(Rule::UnknownField.as_str(), "unknown_field");
    /// assert_eq!(Rule::Int32Range.as_str(), "int32_range");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Currency => "currency",
            Rule::CurrencyMismatch => "currency_mismatch",
            Rule::Overflow => "overflow",
            Rule::Int32Range => "int32_range",
            Rule::Quantity => "quantity",
            Rule::VatRate => "vat_rate",
            Rule::VatAmount => "vat_amount",
            Rule::NegativeAmount => "negative_amount",
            Rule::DuplicateLineId => "duplicate_line_id",
            Rule::OrderAmount => "order_amount",
            Rule::OrderVatAmount => "order_vat_amount",
            Rule::Required => "required",
            Rule::Url => "url",
            Rule::Length => "length",
            Rule::TooMany => "too_many",
            Rule::Format => "format",
            Rule::RoundingTolerance => "rounding_tolerance",
            Rule::Discount => "discount",
            Rule::UnknownField => "unknown_field",
            Rule::Type => "type",
            Rule::Syntax => "syntax",
            Rule::DuplicateKey => "duplicate_key",
            Rule::Depth => "depth",
            Rule::Range => "range",
            Rule::UnknownLine => "unknown_line",
            Rule::Remaining => "remaining",
            Rule::TransactionStatus => "transaction_status",
            Rule::ShippingOptionNotOffered => "shipping_option_not_offered",
            Rule::MerchantReferenceChanged => "merchant_reference_changed",
        }
    }
}

/// Whose rule a [`Rule`] is (see [`Rule::owner`]).
///
/// ```
/// use dintero_order_core::{Rule, RuleOwner};
/// assert_eq!(Rule::Length.owner(), RuleOwner::Dintero);
/// assert_eq!(Rule::VatAmount.owner(), RuleOwner::Crate);
/// assert_eq!(RuleOwner::Crate.to_string(), "crate");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleOwner {
    /// Dintero's: its spec states it (a type, an enum, a length, a pattern or format, an item
    /// count, a required field) or its documentation says "must". Dintero refuses a body that
    /// breaks it, or mishandles the payment.
    Dintero,
    /// This crate's, stricter than Dintero: the body would be accepted, but its numbers do
    /// not add up exactly, or it is very likely a mistake (see the README's list of the
    /// stricter rules and why each exists).
    Crate,
}

impl RuleOwner {
    /// `dintero` or `crate`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleOwner::Dintero => "dintero",
            RuleOwner::Crate => "crate",
        }
    }
}

impl fmt::Display for RuleOwner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for RuleOwner {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Rule {
    /// Whose rule this is: Dintero's own (its spec or a documented "must"), or one this
    /// crate adds so that what it emits adds up exactly and typical mistakes are caught.
    ///
    /// | Dintero's | this crate's |
    /// |---|---|
    /// | `currency` (ISO 4217), `int32_range`, `duplicate_line_id` ("must be unique"), `required`, `url` (`format: uri`, `https?://`, https-only callbacks, never localhost), `length`, `too_many`, `format`, `type`, `syntax`, `range`, `unknown_line`, `remaining` and `transaction_status` (captures, refunds and voids), `shipping_option_not_offered` (session updates) | `currency_mismatch`, `overflow`, `quantity` (> 0), `vat_rate` (0 to 100, two decimals, not a fraction), `vat_amount` (floor or ceiling of the exact VAT), `negative_amount`, `order_amount` and `order_vat_amount` (Dintero checks the first only with `strict-session-amounts`), `rounding_tolerance`, `discount`, `unknown_field`, `duplicate_key`, `depth`, `merchant_reference_changed` (session updates) |
    ///
    /// ```
    /// use dintero_order_core::{Rule, RuleOwner};
    /// let ours: Vec<&str> = Rule::ALL
    ///     .iter()
    ///     .filter(|rule| rule.owner() == RuleOwner::Crate)
    ///     .map(|rule| rule.as_str())
    ///     .collect();
    /// assert!(ours.contains(&"vat_amount"));
    /// assert!(!ours.contains(&"length"));
    /// ```
    pub const fn owner(self) -> RuleOwner {
        match self {
            Rule::Currency
            | Rule::Int32Range
            | Rule::DuplicateLineId
            | Rule::Required
            | Rule::Url
            | Rule::Length
            | Rule::TooMany
            | Rule::Format
            | Rule::Type
            | Rule::Syntax
            | Rule::Range
            | Rule::UnknownLine
            | Rule::Remaining
            | Rule::TransactionStatus
            | Rule::ShippingOptionNotOffered => RuleOwner::Dintero,
            Rule::CurrencyMismatch
            | Rule::Overflow
            | Rule::Quantity
            | Rule::VatRate
            | Rule::VatAmount
            | Rule::NegativeAmount
            | Rule::OrderAmount
            | Rule::OrderVatAmount
            | Rule::RoundingTolerance
            | Rule::Discount
            | Rule::UnknownField
            | Rule::DuplicateKey
            | Rule::Depth
            | Rule::MerchantReferenceChanged => RuleOwner::Crate,
        }
    }
}

impl fmt::Display for Rule {
    /// The [`as_str`](Rule::as_str) name.
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert_eq!(Rule::VatRate.to_string(), "vat_rate");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Rule {
    /// Serializes as the [`as_str`](Rule::as_str) name.
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert_eq!(serde_json::to_string(&Rule::Type).unwrap(), r#""type""#);
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
