//! Procedural macros of [`dintero-order`](https://docs.rs/dintero-order):
//! `#[derive(CheckoutItem)]` and the compile-time literal macros `vat!`, `currency!` and
//! `money!`.
//!
//! Use them through the `dintero-order` crate, which re-exports them next to the runtime types
//! their expansions name (`::dintero_order::__private`).
//!
//! Every mistake the macros can see is a compile error at the offending token, and one build
//! reports all of them.
#![forbid(unsafe_code)]

mod attr;
mod ctxt;
mod expand;
mod expand_enum;
mod fallback;
mod literal;
mod symbol;
mod valid;
mod variants;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

#[doc = include_str!("../ATTRIBUTES.md")]
#[proc_macro_derive(CheckoutItem, attributes(checkout))]
pub fn derive_checkout_item(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// A VAT rate literal checked at compile time: a `VatRate` constant expression.
///
/// The rate is a percentage in `0..=100` with at most 2 decimals, and none strictly between 0
/// and 1 (`vat!(0.25)` looks like 25 % written as a fraction); anything else is a compile error
/// on the literal.
///
/// ```rust
/// use dintero_order::{VatRate, vat};
///
/// const REDUCED: VatRate = vat!(15);
/// assert_eq!(REDUCED.hundredths(), 1500);
/// assert_eq!(vat!(25.5).to_string(), "25.5");
/// ```
///
/// ```compile_fail
/// let rate = dintero_order::vat!(250); // error: VAT rate must be between 0 and 100 percent
/// ```
///
/// ```compile_fail
/// let rate = dintero_order::vat!(0.25); // error: `0.25` looks like a fraction; write `25`
/// ```
#[proc_macro]
pub fn vat(input: TokenStream) -> TokenStream {
    result(literal::expand_vat(input.into()))
}

/// A currency code checked at compile time: a `Currency` constant expression.
///
/// The code must be an ISO 4217 currency with a minor unit (`NOK`, `EUR`, `JPY`, …); `XAU` or
/// a typo is a compile error on the literal. `currency!(NOK)` works too.
///
/// ```rust
/// use dintero_order::{Currency, currency};
///
/// const SHOP_CURRENCY: Currency = currency!("NOK");
/// assert_eq!(SHOP_CURRENCY, Currency::NOK);
/// assert_eq!(currency!(JPY).exponent(), 0);
/// ```
///
/// ```compile_fail
/// let gold = dintero_order::currency!("XAU"); // error: has no minor unit
/// ```
#[proc_macro]
pub fn currency(input: TokenStream) -> TokenStream {
    result(literal::expand_currency(input.into()))
}

/// An amount in a currency, checked at compile time: a `Money` constant expression in exact
/// minor units.
///
/// An amount with more decimals than the currency has (`1.234` NOK, `1.5` JPY) is a compile
/// error on the literal: amounts are never rounded silently.
///
/// ```rust
/// use dintero_order::{Currency, Money, money};
///
/// const PRICE: Money = money!(299.90, NOK);
/// assert_eq!(PRICE.minor_units(), 29990);
/// assert_eq!(PRICE.currency(), Currency::NOK);
/// assert_eq!(money!(1500, JPY).minor_units(), 1500);
/// assert_eq!(money!(-50, "EUR").minor_units(), -5000);
/// ```
///
/// ```compile_fail
/// let price = dintero_order::money!(1.234, NOK); // error: more decimals than `NOK` allows
/// ```
#[proc_macro]
pub fn money(input: TokenStream) -> TokenStream {
    result(literal::expand_money(input.into()))
}

/// The derive, callable from unit tests: the impl, or the errors plus a stub impl.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let cont = attr::Container::from_ast(&cx, input);
    let impl_ = match cont.shape {
        attr::Shape::Enum(data) => {
            variants::check(&cx, &cont, data).map(|e| expand_enum::impl_checkout_item(&e))
        }
        _ => valid::check(&cx, &cont).map(|plan| expand::impl_checkout_item(&plan)),
    };
    let mut out = match (cx.check(), impl_) {
        (Ok(()), Some(impl_)) => return impl_,
        (Err(err), _) => err.to_compile_error(),
        // Unreachable: every rule that withholds the plan reports an error. Should a rule
        // ever forget, say so instead of emitting a wrong impl or panicking.
        (Ok(()), None) => syn::Error::new(
            input.ident.span(),
            "internal error in #[derive(CheckoutItem)]: input rejected without a message",
        )
        .to_compile_error(),
    };
    out.extend(fallback::impl_checkout_item(&cont));
    out
}

fn result(tokens: syn::Result<proc_macro2::TokenStream>) -> TokenStream {
    tokens.unwrap_or_else(syn::Error::into_compile_error).into()
}
