//! Parse-and-check tests without a compiler run: each feeds a struct to the same steps the
//! derive runs and asserts the exact list of error messages.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::attr::Container;
use crate::ctxt::Ctxt;
use crate::valid;

mod expansion;
mod methods;

/// Every error message the derive reports for `input`, in order.
fn errors(input: TokenStream) -> Vec<String> {
    let input: DeriveInput = syn::parse2(input).unwrap();
    let cx = Ctxt::new();
    let cont = Container::from_ast(&cx, &input);
    let plan = valid::check(&cx, &cont);
    match cx.check() {
        Ok(()) => {
            assert!(plan.is_some(), "no errors but no plan");
            Vec::new()
        }
        Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
    }
}

/// The derive's whole output for `input`.
fn expand(input: TokenStream) -> String {
    let input: DeriveInput = syn::parse2(input).unwrap();
    crate::derive(&input).to_string()
}

#[test]
fn minimal_struct_is_valid() {
    let errs = errors(quote! {
        #[checkout(vat = 25)]
        struct Chair {
            #[checkout(id)] sku: String,
            #[checkout(description)] name: String,
            #[checkout(unit_price)] price: Decimal,
            stock: u32,
        }
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn every_key_at_once_is_valid() {
    let errs = errors(quote! {
        #[checkout(currency = "EUR", kind = "gift_card", crate = "::shop::dintero")]
        #[checkout(vat = 25.5)]
        struct Card<'a, P: Copy> where P: Clone {
            #[checkout(id, line_id)] sku: &'a str,
            #[checkout(description)] name: ::std::borrow::Cow<'a, str>,
            #[checkout(unit_price, net, minor_units)] price: P,
            #[checkout(quantity)] qty: u32,
            #[checkout(unit_weight)] w: Option<Decimal>,
            #[checkout(unit_volume)] v: Decimal,
            #[checkout(unit_dimensional_weight)] d: u8,
            #[checkout(thumbnail_url)] t: Option<String>,
            #[checkout(eligible_for_discount)] e: bool,
        }
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn three_mistakes_three_errors() {
    let errs = errors(quote! {
        #[checkout(vat = 250, kind = "fysical")]
        struct Chair {
            #[checkout(id)] sku: String,
            #[checkout(description)] name: String,
            #[checkout(unit_price)] price: f64,
        }
    });
    assert_eq!(
        errs,
        [
            "VAT rate must be between 0 and 100 percent, found `250`",
            "unknown item kind `fysical`, did you mean `physical`?",
            "`f64` cannot be a price: floating point cannot hold amounts like 0.10 exactly; use `rust_decimal::Decimal`",
        ]
    );
}

#[test]
fn unknown_keys() {
    let errs = errors(quote! {
        #[checkout(vatt = 25, color = "red", id)]
        struct Chair {
            #[checkout(id, desciption)] sku: String,
            #[checkout(price)] price: Decimal,
            #[checkout(currency = "NOK")] x: u8,
            #[checkout(colour)] y: u8,
        }
    });
    assert_eq!(
        errs,
        [
            "unknown checkout attribute `vatt`, did you mean `vat`?",
            "unknown checkout attribute `color`, expected `vat`, `currency`, `kind`, `crate`, or a role given by a method such as `id = Self::sku`",
            "`id` on the struct names the method that gives it: `#[checkout(id = Self::sku)]`; or mark the field that holds it `#[checkout(id)]`",
            "unknown checkout attribute `desciption`, did you mean `description`?",
            "unknown checkout attribute `price`, did you mean `unit_price`?",
            "`currency` belongs on the struct, not on a field",
            "unknown checkout attribute `colour`, expected `id`, `description`, `unit_price`, `line_id`, `quantity`, `vat`, `unit_weight`, `unit_volume`, `unit_dimensional_weight`, `thumbnail_url`, `eligible_for_discount`, `net`, `minor_units` or `major_units`",
            // No "missing description/unit_price/VAT": fixing the typos above fixes those.
        ]
    );
}

#[test]
fn missing_roles_without_a_guess_are_reported() {
    let errs = errors(quote! {
        struct A {
            #[checkout(id)] a: String,
            #[checkout(colour)] b: String,
        }
    });
    assert_eq!(
        errs,
        [
            "unknown checkout attribute `colour`, expected `id`, `description`, `unit_price`, `line_id`, `quantity`, `vat`, `unit_weight`, `unit_volume`, `unit_dimensional_weight`, `thumbnail_url`, `eligible_for_discount`, `net`, `minor_units` or `major_units`",
            "missing `#[checkout(description)]`: mark the field that holds the text the buyer sees, or name a method that gives it on the struct: `#[checkout(description = Self::title)]`",
            "missing `#[checkout(unit_price)]`: mark the field that holds the price of one unit, or name a method that gives it on the struct: `#[checkout(unit_price = Self::price)]`",
            "missing VAT rate: add `#[checkout(vat = 25)]` to the struct, mark a field `#[checkout(vat)]`, or name a method: `#[checkout(vat = Self::vat_rate)]`",
        ]
    );
}

#[test]
fn duplicates() {
    let errs = errors(quote! {
        #[checkout(vat = 25)]
        #[checkout(vat = 15)]
        struct Chair {
            #[checkout(id, id)] sku: String,
            #[checkout(id)] other: String,
            #[checkout(description)] name: String,
            #[checkout(unit_price, net)] #[checkout(net)] price: Decimal,
        }
    });
    assert_eq!(
        errs,
        [
            "duplicate checkout attribute `vat`",
            "first one here",
            "duplicate checkout attribute `id`",
            "first one here",
            "duplicate checkout attribute `net`",
            "first one here",
            "more than one field is marked `#[checkout(id)]`; an order line has one `id`",
            "first one here",
        ]
    );
}

#[test]
fn vat_sources() {
    let both = errors(quote! {
        #[checkout(vat = 25)]
        struct A {
            #[checkout(id)] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price)] c: Decimal,
            #[checkout(vat)] d: Decimal,
        }
    });
    assert_eq!(
        both,
        [
            "two VAT sources: this field and `vat = ...` on the struct; keep one",
            "the struct's rate is here",
        ]
    );
    let field_only = errors(quote! {
        struct A {
            #[checkout(id)] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price)] c: Decimal,
            #[checkout(vat)] d: VatRate,
        }
    });
    assert_eq!(field_only, Vec::<String>::new());
}

#[test]
fn bad_values() {
    let errs = errors(quote! {
        #[checkout(vat = 12.345, currency = "XAU", kind = 3, crate = "not a path")]
        #[checkout(vat)]
        struct A {
            #[checkout(id = "sku")] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price)] c: Decimal,
            #[checkout(vat = 25)] d: Decimal,
        }
    });
    assert_eq!(
        errs,
        [
            "a VAT rate has at most 2 decimals, found `12.345`",
            "currency `XAU` (Gold (one troy ounce)) has no minor unit, so it cannot be used for payments",
            "expected a string: `kind = \"physical\"`",
            "expected a path to the dintero_order crate, e.g. `crate = \"::my_shop::dintero_order\"`",
            "expected `vat = <percent>` on the struct, e.g. `#[checkout(vat = 25)]`; a field holding the rate is marked `#[checkout(vat)]`",
            "duplicate checkout attribute `vat`",
            "first one here",
            "`id` takes no value: write `#[checkout(id)]`",
            "a field's `vat` takes no value: it marks the field holding the rate; for a fixed rate put `#[checkout(vat = 25)]` on the struct",
            "two VAT sources: this field and `vat = ...` on the struct; keep one",
            "the struct's rate is here",
        ]
    );
}

#[test]
fn vat_must_be_a_literal() {
    let errs = errors(quote! {
        #[checkout(vat = [25])]
        struct A {
            #[checkout(id)] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price)] c: Decimal,
        }
    });
    assert_eq!(
        errs,
        [
            "expected a VAT percentage literal such as `25` or `25.5`; for a rate known only at run time, mark a field `#[checkout(vat)]` or name a method: `vat = Self::vat_rate`"
        ]
    );
}

#[test]
fn flags() {
    let errs = errors(quote! {
        #[checkout(vat = 25)]
        struct A {
            #[checkout(id, net)] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price, minor_units, major_units)] c: i64,
            #[checkout(quantity, major_units)] q: u32,
        }
    });
    assert_eq!(
        errs,
        [
            "`net` only applies to the price: write `#[checkout(unit_price, net)]`",
            "`major_units` conflicts with `minor_units`: an integer price is counted in one unit",
            "`major_units` only applies to the price: write `#[checkout(unit_price, major_units)]`",
        ]
    );
}

#[test]
fn price_types() {
    let integer = errors(quote! {
        #[checkout(vat = 25)]
        struct A {
            #[checkout(id)] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price)] c: u32,
        }
    });
    assert_eq!(
        integer,
        [
            "an integer price must say its unit: `#[checkout(unit_price, minor_units)]` if 29990 means 299.90, `#[checkout(unit_price, major_units)]` if 299 means 299.00"
        ]
    );
    let float = errors(quote! {
        #[checkout(vat = 25)]
        struct A {
            #[checkout(id)] a: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price, minor_units)] c: &'static core::primitive::f32,
        }
    });
    assert_eq!(
        float,
        [
            "`f32` cannot be a price: floating point cannot hold amounts like 0.10 exactly; use `rust_decimal::Decimal`"
        ]
    );
}

/// Enums have their own tests, in `variants/tests.rs`.
#[test]
fn unions() {
    let errs = errors(quote! {
        union A { b: u32 }
    });
    assert_eq!(
        errs,
        ["#[derive(CheckoutItem)] supports structs and enums, not unions"]
    );
}

#[test]
fn malformed_attributes() {
    let errs = errors(quote! {
        #[checkout]
        #[checkout()]
        #[checkout(vat = 25,, kind)]
        struct A {
            #[checkout(a::b)] a: String,
            #[checkout(id)] x: String,
            #[checkout(description)] b: String,
            #[checkout(unit_price)] c: Decimal,
        }
    });
    assert_eq!(
        errs,
        [
            "expected attribute arguments in parentheses: #[checkout(...)]",
            "empty #[checkout()]: name what this is, e.g. `#[checkout(id)]`",
            "unexpected token in nested attribute, expected ident",
            "expected a checkout attribute key, not a path",
        ]
    );
}
