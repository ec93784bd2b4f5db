//! Parse-and-check tests of the enum derive without a compiler run: each feeds an enum to the
//! same steps the derive runs and asserts the exact list of error messages, or the exact
//! expansion.

#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::attr::{Container, Shape};
use crate::ctxt::Ctxt;
use crate::variants;

/// Every error message the derive reports for the enum `input`, in order.
fn errors(input: TokenStream) -> Vec<String> {
    let input: DeriveInput = syn::parse2(input).unwrap();
    let cx = Ctxt::new();
    let cont = Container::from_ast(&cx, &input);
    let Shape::Enum(data) = cont.shape else {
        panic!("not an enum");
    };
    let checked = variants::check(&cx, &cont, data);
    match cx.check() {
        Ok(()) => {
            assert!(checked.is_some(), "no errors but no model");
            Vec::new()
        }
        Err(err) => {
            assert!(checked.is_none(), "errors but a model");
            err.into_iter().map(|e| e.to_string()).collect()
        }
    }
}

/// The derive's whole output for `input`.
fn expand(input: TokenStream) -> String {
    let input: DeriveInput = syn::parse2(input).unwrap();
    crate::derive(&input).to_string()
}

const ONE_ITEM: &str = "a variant of a `CheckoutItem` enum holds exactly one item";

#[test]
fn mixed_cart_is_valid() {
    let errs = errors(quote! {
        #[checkout(crate = "::shop::dintero")]
        enum CartLine<'a, P> where P: Clone {
            Product(&'a Product),
            Gift(GiftCard),
            Service { service: Service },
            Listing(Listing<P>),
        }
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn every_variant_that_is_not_one_item_is_reported() {
    let errs = errors(quote! {
        enum CartLine {
            Product(Product),
            Chair,
            Table(),
            Lamp {},
            Bundle(Chair, Table),
            Set { chair: Chair, table: Table, lamp: Lamp },
        }
    });
    assert_eq!(
        errs,
        [
            format!("{ONE_ITEM}, e.g. `Chair(Chair)`; `Chair` holds none"),
            format!("{ONE_ITEM}, e.g. `Table(Table)`; `Table` holds none"),
            format!("{ONE_ITEM}, e.g. `Lamp(Lamp)`; `Lamp` holds none"),
            format!("{ONE_ITEM}; `Bundle` holds 2: give each item a variant of its own"),
            format!("{ONE_ITEM}; `Set` holds 3: give each item a variant of its own"),
        ]
    );
}

#[test]
fn an_enum_without_variants_is_refused() {
    let errs = errors(quote! {
        enum CartLine {}
    });
    assert_eq!(
        errs,
        [
            "a `CheckoutItem` enum needs at least one variant holding an item, e.g. `enum CartLine { Chair(Chair) }`"
        ]
    );
}

#[test]
fn struct_keys_on_the_enum_are_refused_at_the_key() {
    // `vat = 300` is out of range too, but the key is the mistake: one error, not two.
    let errs = errors(quote! {
        #[checkout(vat = 300, currency = "NOK", kind = "physical")]
        #[checkout(id = Self::sku, crat = "x", colour, crate = "::shop::dintero")]
        enum CartLine {
            Product(Product),
        }
    });
    let not_on_enum = |key: &str| {
        format!(
            "`{key}` cannot be set on an enum: each variant's item type sets its own; the enum takes only `crate = \"...\"`"
        )
    };
    assert_eq!(
        errs,
        [
            not_on_enum("vat"),
            not_on_enum("currency"),
            not_on_enum("kind"),
            not_on_enum("id"),
            "unknown checkout attribute `crat`, did you mean `crate`?".to_owned(),
            "unknown checkout attribute `colour`: an enum takes only `crate = \"...\"`, each variant's type carries the rest".to_owned(),
        ]
    );
}

#[test]
fn crate_key_is_checked_like_on_a_struct() {
    let errs = errors(quote! {
        #[checkout(crate = "not a path", crate = "::a")]
        #[checkout]
        enum CartLine {
            Product(Product),
        }
    });
    assert_eq!(
        errs,
        [
            "expected a path to the dintero_order crate, e.g. `crate = \"::my_shop::dintero_order\"`",
            "duplicate checkout attribute `crate`",
            "first one here",
            "expected attribute arguments in parentheses: #[checkout(...)]",
        ]
    );
}

#[test]
fn attributes_on_variants_and_items_are_refused() {
    let errs = errors(quote! {
        enum CartLine {
            #[checkout(kind = "gift_card")]
            #[doc = "a gift card"]
            Gift(#[checkout(id)] GiftCard),
            Service {
                #[checkout(unit_price)]
                service: Service,
            },
        }
    });
    assert_eq!(
        errs,
        [
            "#[checkout(...)] does not go on a variant: the type of the item it holds carries its own attributes",
            "#[checkout(...)] does not go on a variant's item: put it on the item's type, which derives `CheckoutItem` itself",
            "#[checkout(...)] does not go on a variant's item: put it on the item's type, which derives `CheckoutItem` itself",
        ]
    );
}

#[test]
fn expansion_delegates_to_each_item_and_bounds_generic_items() {
    let out = expand(quote! {
        #[checkout(crate = "::shop::dintero")]
        enum CartLine<'a, P> where P: Clone {
            Product(&'a Product),
            Listing { listing: Listing<P> },
        }
    });
    let expected = quote! {
        #[automatically_derived]
        impl<'a, P> ::shop::dintero::__private::CheckoutItem for CartLine<'a, P>
        where
            P: Clone,
            Listing<P>: ::shop::dintero::__private::CheckoutItem,
        {
            #[inline]
            fn line(&self) -> ::shop::dintero::__private::Line<'_> {
                match self {
                    Self::Product { 0: item } =>
                        <&'a Product as ::shop::dintero::__private::CheckoutItem>::line(item),
                    Self::Listing { listing: item } =>
                        <Listing<P> as ::shop::dintero::__private::CheckoutItem>::line(item),
                }
            }
        }
    };
    assert_eq!(out, expected.to_string());
}

#[test]
fn errors_come_with_a_fallback_impl() {
    let out = expand(quote! {
        #[checkout(vat = 25)]
        enum CartLine<'a> {
            Product(&'a Product),
            Chair,
        }
    });
    assert!(out.starts_with(":: core :: compile_error !"), "{out}");
    assert!(out.contains(
        "impl < 'a > :: dintero_order :: __private :: CheckoutItem for CartLine < 'a > { fn line (& self) -> :: dintero_order :: __private :: Line < '_ > { :: core :: unreachable ! () } }"
    ), "{out}");
    assert_eq!(out.matches("compile_error").count(), 2, "{out}");
}
