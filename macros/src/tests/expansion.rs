//! What the derive generates: absolute paths, spans on the field types, the fallback impl.

use quote::quote;

use super::{errors, expand};

#[test]
fn tuple_structs() {
    let errs = errors(quote! {
        #[checkout(vat = 0)]
        struct A(#[checkout(id)] String, #[checkout(description)] String, #[checkout(unit_price)] Decimal);
    });
    assert_eq!(errs, Vec::<String>::new());
}

#[test]
fn expansion_uses_absolute_paths_and_spans_roles_on_types() {
    let out = expand(quote! {
        #[checkout(vat = 25, currency = "NOK", kind = "physical")]
        struct Chair<P> {
            #[checkout(id)] sku: String,
            #[checkout(description)] name: String,
            #[checkout(unit_price, net)] price: P,
            #[checkout(quantity)] qty: u32,
        }
    });
    let expected = quote! {
        #[automatically_derived]
        impl<P> ::dintero_order::__private::CheckoutItem for Chair<P>
        where
            P: ::dintero_order::__private::AsUnitPrice,
        {
            #[inline]
            fn line(&self) -> ::dintero_order::__private::Line<'_> {
                ::dintero_order::__private::line(::dintero_order::__private::LineFields {
                    id: <String as ::dintero_order::__private::AsId>::as_id(&self.sku),
                    description: <String as ::dintero_order::__private::AsText>::as_text(&self.name),
                    unit_price: ::dintero_order::__private::price_in_currency(
                        ::dintero_order::__private::UnitPrice::net(
                            <P as ::dintero_order::__private::AsUnitPrice>::as_unit_price(&self.price)
                        ),
                        {
                            const CURRENCY: ::dintero_order::__private::Currency =
                                ::dintero_order::__private::currency("NOK");
                            CURRENCY
                        }
                    ),
                    vat: ::dintero_order::__private::VatArg::rate({
                        const VAT: ::dintero_order::__private::VatRate =
                            ::dintero_order::__private::vat_rate(2500u16);
                        VAT
                    }),
                    quantity: <u32 as ::dintero_order::__private::AsQuantity>::as_quantity(&self.qty),
                    line_id: ::core::option::Option::None,
                    kind: ::core::option::Option::Some(::dintero_order::__private::ItemType::Physical),
                    thumbnail_url: ::core::option::Option::None,
                    unit_weight: ::core::option::Option::None,
                    unit_volume: ::core::option::Option::None,
                    unit_dimensional_weight: ::core::option::Option::None,
                    eligible_for_discount: ::core::option::Option::None,
                })
            }
        }
    };
    assert_eq!(out, expected.to_string());
}

#[test]
fn errors_come_with_a_fallback_impl() {
    let out = expand(quote! {
        #[checkout(vat = 101)]
        struct Chair<'a> where Self: Sized {
            #[checkout(id)] sku: &'a str,
        }
    });
    assert!(out.starts_with(":: core :: compile_error !"), "{out}");
    assert!(out.contains(
        "impl < 'a > :: dintero_order :: __private :: CheckoutItem for Chair < 'a > where Self : Sized { fn line (& self) -> :: dintero_order :: __private :: Line < '_ > { :: core :: unreachable ! () } }"
    ), "{out}");
    assert_eq!(out.matches("compile_error").count(), 3, "{out}");
}
