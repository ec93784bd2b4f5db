//! Roles given by methods: every role, the calls generated, conflicts with fields and flags.

use quote::quote;

use super::{errors, expand};

#[test]
fn every_role_can_come_from_a_method() {
    let errs = errors(quote! {
        #[checkout(
            id = Self::sku, description = Self::title, unit_price = Self::price, minor_units,
            vat = Self::rate, quantity = Self::qty, line_id = Self::line,
            thumbnail_url = Self::image, unit_weight = Self::w, unit_volume = Self::v,
            unit_dimensional_weight = Self::d, eligible_for_discount = Self::e
        )]
        struct Line { inner: Inner }
    });
    assert_eq!(errs, Vec::<String>::new());
    let code = expand(quote! {
        #[checkout(vat = 25, id = Self::sku, description = Self::title, unit_price = Self::price)]
        struct Line { inner: Inner }
    });
    assert!(
        code.contains("IntoId :: into_id (Self :: sku (self))"),
        "{code}"
    );
    assert!(
        code.contains("IntoText :: into_text (Self :: title (self))"),
        "{code}"
    );
    assert!(
        code.contains("AsUnitPrice :: as_unit_price (& Self :: price (self))"),
        "{code}"
    );
}

#[test]
fn method_roles_conflict_with_fields_and_flags() {
    let errs = errors(quote! {
        #[checkout(vat = 25, id = Self::sku, unit_price = Self::price, minor_units, major_units)]
        struct A {
            #[checkout(id)] a: String,
            #[checkout(description)] b: String,
        }
    });
    assert_eq!(
        errs,
        [
            "`id` is given twice: by this method and by a field marked `#[checkout(id)]`; keep one",
            "the field is marked here",
            "`major_units` conflicts with `minor_units`: an integer price is counted in one unit",
        ]
    );
    let errs = errors(quote! {
        #[checkout(vat = 25, id = Self::sku, id = Self::code, net)]
        struct B {
            #[checkout(description)] b: String,
        }
    });
    assert_eq!(
        errs,
        [
            "duplicate checkout attribute `id`",
            "first one here",
            "missing `#[checkout(unit_price)]`: mark the field that holds the price of one unit, or name a method that gives it on the struct: `#[checkout(unit_price = Self::price)]`",
            "`net` on the struct describes a price given by a method: add `unit_price = Self::price`",
        ]
    );
}
