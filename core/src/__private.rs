//! The hidden API that `#[derive(CheckoutItem)]` expands to. Not public API: no semver.
//!
//! Generated code names only `::dintero_order::__private::…` and `::core::…`. Each field role
//! has a conversion trait whose `on_unimplemented` message says, in domain words, why a field
//! type cannot serve that role; the derive spans the call at the field's type so the error
//! lands there.
//!
//! Everything here is `#[inline]`: it is called from the user's crate, where a function that
//! is not would stay a call, for every field of every line. A derived `line()` makes its
//! [`Line`] in one piece, with [`line`].

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

pub use rust_decimal::Decimal;

pub use crate::{CheckoutItem, Currency, ItemType, Line, Money, Quantity, UnitPrice, VatRate};

use crate::order::line::{IdInput, QuantityInput, VatInput};

mod text;
pub use text::*;

mod method;
pub use method::*;

/// A VAT rate the derive already checked; a `const` item evaluates it at compile time.
#[inline]
pub const fn vat_rate(hundredths: u16) -> VatRate {
    match VatRate::from_hundredths(hundredths) {
        Ok(rate) => rate,
        Err(_) => panic!("not a VAT rate: a percentage in 0..=100, none strictly between 0 and 1"),
    }
}

/// A currency the derive already checked; a `const` item evaluates it at compile time.
#[inline]
pub const fn currency(code: &str) -> Currency {
    match Currency::from_code(code) {
        Some(currency) => currency,
        None => panic!("not an ISO 4217 currency with a minor unit"),
    }
}

/// A `unit_price` field whose type says its unit: a `Decimal` in major units or a `Money`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a unit price",
    label = "expected `rust_decimal::Decimal` (major units) or `dintero_order::Money`",
    note = "for an integer price, say which unit it is in: `#[checkout(unit_price, minor_units)]` or `#[checkout(unit_price, major_units)]`"
)]
pub trait AsUnitPrice {
    /// The price.
    fn as_unit_price(&self) -> UnitPrice;
}

impl AsUnitPrice for Decimal {
    #[inline]
    fn as_unit_price(&self) -> UnitPrice {
        UnitPrice::major(*self)
    }
}
impl AsUnitPrice for Money {
    #[inline]
    fn as_unit_price(&self) -> UnitPrice {
        UnitPrice::money(*self)
    }
}
impl AsUnitPrice for UnitPrice {
    #[inline]
    fn as_unit_price(&self) -> UnitPrice {
        *self
    }
}
impl<T: AsUnitPrice + ?Sized> AsUnitPrice for &T {
    #[inline]
    fn as_unit_price(&self) -> UnitPrice {
        (**self).as_unit_price()
    }
}

/// An integer `unit_price` field marked `minor_units` or `major_units`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as an integer unit price",
    label = "`minor_units` and `major_units` need an integer type (`u32`, `i64`, …)"
)]
pub trait AsIntegerPrice {
    /// The integer value.
    fn as_integer_price(&self) -> i128;
}

macro_rules! integer_roles {
    ($($int:ty),*) => {$(
        impl AsIntegerPrice for $int {
            #[inline]
            fn as_integer_price(&self) -> i128 {
                i128::from(*self)
            }
        }
        impl AsQuantity for $int {
            #[inline]
            fn as_quantity(&self) -> QuantityArg {
                QuantityArg::decimal(Decimal::from(*self))
            }
        }
        impl AsMeasure for $int {
            #[inline]
            fn as_measure(&self) -> Option<Decimal> {
                Some(Decimal::from(*self))
            }
        }
    )*};
}
integer_roles!(u8, u16, u32, u64, i8, i16, i32, i64);

impl<T: AsIntegerPrice + ?Sized> AsIntegerPrice for &T {
    #[inline]
    fn as_integer_price(&self) -> i128 {
        (**self).as_integer_price()
    }
}

/// An integer price in minor units. Out-of-range values saturate at the bound, which the order
/// then rejects as out of range (nothing is silently accepted).
#[inline]
pub fn minor_units_price(value: i128) -> UnitPrice {
    let clamped = i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX });
    UnitPrice::minor(clamped)
}

/// An integer price in major units.
#[inline]
pub fn major_units_price(value: i128) -> UnitPrice {
    // i128 values beyond Decimal's 96 bits saturate; the order rejects them as out of range.
    UnitPrice::major(
        Decimal::try_from_i128_with_scale(value, 0).unwrap_or(if value < 0 {
            Decimal::MIN
        } else {
            Decimal::MAX
        }),
    )
}

/// A `quantity` field: an integer, a `Decimal`, or a [`Quantity`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a quantity",
    label = "expected an integer type, `rust_decimal::Decimal` or `dintero_order::Quantity`"
)]
pub trait AsQuantity {
    /// The quantity, checked (the order reports one that is not greater than 0).
    fn as_quantity(&self) -> QuantityArg;
}

/// A line's quantity as a field gives it: valid, or the value the order will report.
#[derive(Debug, Clone, Copy)]
pub struct QuantityArg(QuantityInput);

impl QuantityArg {
    /// A line without a quantity field holds one unit.
    pub const ONE: QuantityArg = QuantityArg(QuantityInput::Valid(Quantity::ONE));

    #[inline]
    fn decimal(value: Decimal) -> QuantityArg {
        QuantityArg(QuantityInput::new(value))
    }
}

impl AsQuantity for Decimal {
    #[inline]
    fn as_quantity(&self) -> QuantityArg {
        QuantityArg::decimal(*self)
    }
}
impl AsQuantity for Quantity {
    #[inline]
    fn as_quantity(&self) -> QuantityArg {
        QuantityArg(QuantityInput::Valid(*self))
    }
}
impl<T: AsQuantity + ?Sized> AsQuantity for &T {
    #[inline]
    fn as_quantity(&self) -> QuantityArg {
        (**self).as_quantity()
    }
}

/// A `vat` field: a `Decimal` percentage (25.5) or a [`VatRate`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a VAT rate",
    label = "expected `rust_decimal::Decimal` (a percentage, 25 means 25 %) or `dintero_order::VatRate`"
)]
pub trait AsVat {
    /// The rate, checked (the order reports a percentage that is not a rate).
    fn as_vat(&self) -> VatArg;
}

/// A line's VAT rate as the struct's `vat = …` or a field gives it: a rate, or the value the
/// order will report.
#[derive(Debug, Clone, Copy)]
pub struct VatArg(VatInput);

impl VatArg {
    /// A rate the derive already checked.
    #[inline]
    pub const fn rate(rate: VatRate) -> VatArg {
        VatArg(VatInput::Rate(rate))
    }
}

impl AsVat for Decimal {
    #[inline]
    fn as_vat(&self) -> VatArg {
        VatArg(VatInput::percent(*self))
    }
}
impl AsVat for VatRate {
    #[inline]
    fn as_vat(&self) -> VatArg {
        VatArg::rate(*self)
    }
}
impl<T: AsVat + ?Sized> AsVat for &T {
    #[inline]
    fn as_vat(&self) -> VatArg {
        (**self).as_vat()
    }
}

/// A `unit_weight`, `unit_volume` or `unit_dimensional_weight` field: a number or an `Option`
/// of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a unit measure",
    label = "expected an integer type, `rust_decimal::Decimal`, or an `Option` of one"
)]
pub trait AsMeasure {
    /// The measure, if any.
    fn as_measure(&self) -> Option<Decimal>;
}

impl AsMeasure for Decimal {
    #[inline]
    fn as_measure(&self) -> Option<Decimal> {
        Some(*self)
    }
}
impl<T: AsMeasure> AsMeasure for Option<T> {
    #[inline]
    fn as_measure(&self) -> Option<Decimal> {
        self.as_ref().and_then(AsMeasure::as_measure)
    }
}
impl<T: AsMeasure + ?Sized> AsMeasure for &T {
    #[inline]
    fn as_measure(&self) -> Option<Decimal> {
        (**self).as_measure()
    }
}

/// An `eligible_for_discount` field: `bool` or `Option<bool>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a discount-eligibility flag",
    label = "expected `bool` or `Option<bool>`"
)]
pub trait AsFlag {
    /// The flag, if any.
    fn as_flag(&self) -> Option<bool>;
}

impl AsFlag for bool {
    #[inline]
    fn as_flag(&self) -> Option<bool> {
        Some(*self)
    }
}
impl AsFlag for Option<bool> {
    #[inline]
    fn as_flag(&self) -> Option<bool> {
        *self
    }
}
impl<T: AsFlag + ?Sized> AsFlag for &T {
    #[inline]
    fn as_flag(&self) -> Option<bool> {
        (**self).as_flag()
    }
}

/// States the struct's `currency = "..."` on a price that does not carry its own: a `Money`
/// field keeps its currency (the order then checks it), so the attribute never relabels money.
#[inline]
pub const fn price_in_currency(price: UnitPrice, currency: Currency) -> UnitPrice {
    match price.currency() {
        Some(_) => price,
        None => price.in_currency(currency),
    }
}

/// Every field of a line, as the derive reads them from the struct: the unmapped ones are
/// `None` (and the quantity [`QuantityArg::ONE`]).
pub struct LineFields<'a> {
    pub id: IdArg<'a>,
    pub description: Cow<'a, str>,
    pub unit_price: UnitPrice,
    pub vat: VatArg,
    pub quantity: QuantityArg,
    pub line_id: Option<IdArg<'a>>,
    pub kind: Option<ItemType>,
    pub thumbnail_url: Option<Cow<'a, str>>,
    pub unit_weight: Option<Decimal>,
    pub unit_volume: Option<Decimal>,
    pub unit_dimensional_weight: Option<Decimal>,
    pub eligible_for_discount: Option<bool>,
}

/// The line, made in one piece: a `Line` is a few hundred bytes, and setting its fields one
/// call after another moved it from call to call, and from the derived `line()` to its
/// caller.
#[inline(always)]
pub fn line(fields: LineFields<'_>) -> Line<'_> {
    let LineFields {
        id: IdArg(id),
        description,
        unit_price,
        vat: VatArg(vat),
        quantity: QuantityArg(quantity),
        line_id,
        kind,
        thumbnail_url,
        unit_weight,
        unit_volume,
        unit_dimensional_weight,
        eligible_for_discount,
    } = fields;
    Line {
        id,
        description,
        unit_price,
        vat,
        quantity,
        line_id: line_id.map(|IdArg(line_id)| line_id),
        kind,
        unit_weight,
        unit_volume,
        unit_dimensional_weight,
        thumbnail_url,
        eligible_for_discount,
        extras: None,
    }
}
