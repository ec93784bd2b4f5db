//! Code generation for a checked [`Plan`]. Pure: every user error was found before this runs.
//!
//! The generated impl names only `<crate>::__private::…` (by absolute path) and `::core::…`.
//! Each field is read through a role trait of `__private` called as `<FieldType as Trait>::…`,
//! with those tokens spanned at the field's type: when the type cannot serve the role, rustc's
//! `on_unimplemented` message lands on the field, in the role's words.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericArgument, Ident, PathArguments, ReturnType, Type, TypeParamBound};

use crate::attr::Field;
use crate::symbol::Role;
use crate::valid::{Plan, PriceUnit, Source, VatSource};

/// How a role's value becomes the line's: the `__private` trait and method a field's type
/// implements (called on a reference to the field), and the ones a method's return value
/// implements. Text and ids from a method are taken by value, so text the method borrows
/// stays borrowed and text it computes is moved in; other values are read by reference.
struct Conversion {
    field: (&'static str, &'static str),
    method: (&'static str, &'static str),
    by_value: bool,
}

const fn same(role_trait: &'static str, method: &'static str) -> Conversion {
    Conversion {
        field: (role_trait, method),
        method: (role_trait, method),
        by_value: false,
    }
}

const ID: Conversion = Conversion {
    field: ("AsId", "as_id"),
    method: ("IntoId", "into_id"),
    by_value: true,
};
const TEXT: Conversion = Conversion {
    field: ("AsText", "as_text"),
    method: ("IntoText", "into_text"),
    by_value: true,
};
const OPTIONAL_ID: Conversion = Conversion {
    field: ("AsOptionalId", "as_optional_id"),
    method: ("IntoOptionalId", "into_optional_id"),
    by_value: true,
};
const OPTIONAL_TEXT: Conversion = Conversion {
    field: ("AsOptionalText", "as_optional_text"),
    method: ("IntoOptionalText", "into_optional_text"),
    by_value: true,
};
const UNIT_PRICE: Conversion = same("AsUnitPrice", "as_unit_price");
const INTEGER_PRICE: Conversion = same("AsIntegerPrice", "as_integer_price");
const VAT: Conversion = same("AsVat", "as_vat");
const QUANTITY: Conversion = same("AsQuantity", "as_quantity");
const MEASURE: Conversion = same("AsMeasure", "as_measure");
const FLAG: Conversion = same("AsFlag", "as_flag");

/// The `impl CheckoutItem` for a valid input.
pub(crate) fn impl_checkout_item(plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let p = quote!(#krate::__private);
    let mut r = Reader {
        plan,
        p: &p,
        bounds: Vec::new(),
    };

    let id = r.read(plan.id, &ID);
    let description = r.read(plan.description, &TEXT);
    let mut price = match plan.price_unit {
        PriceUnit::Typed => r.read(plan.price, &UNIT_PRICE),
        PriceUnit::Minor => {
            let value = r.read(plan.price, &INTEGER_PRICE);
            quote!(#p::minor_units_price(#value))
        }
        PriceUnit::Major => {
            let value = r.read(plan.price, &INTEGER_PRICE);
            quote!(#p::major_units_price(#value))
        }
    };
    if plan.net {
        price = quote!(#p::UnitPrice::net(#price));
    }
    if let Some(currency) = plan.currency {
        let code = &currency.code;
        price = quote!(#p::price_in_currency(#price, {
            const CURRENCY: #p::Currency = #p::currency(#code);
            CURRENCY
        }));
    }

    let vat = match plan.vat {
        VatSource::Fixed(hundredths) => quote!(#p::VatArg::rate({
            const VAT: #p::VatRate = #p::vat_rate(#hundredths);
            VAT
        })),
        VatSource::Read(source) => r.read(source, &VAT),
    };
    let kind = match plan.kind {
        Some(variant) => {
            let variant = Ident::new(variant, Span::call_site());
            quote!(::core::option::Option::Some(#p::ItemType::#variant))
        }
        None => quote!(::core::option::Option::None),
    };
    // Unmapped fields: one unit, and no value for the optional keys.
    let none = quote!(::core::option::Option::None);
    let mut quantity = quote!(#p::QuantityArg::ONE);
    let mut line_id = none.clone();
    let mut thumbnail_url = none.clone();
    let mut unit_weight = none.clone();
    let mut unit_volume = none.clone();
    let mut unit_dimensional_weight = none.clone();
    let mut eligible_for_discount = none;
    for (role, source) in &plan.optional {
        let (slot, conversion) = match role {
            Role::Quantity => (&mut quantity, &QUANTITY),
            Role::LineId => (&mut line_id, &OPTIONAL_ID),
            Role::ThumbnailUrl => (&mut thumbnail_url, &OPTIONAL_TEXT),
            Role::UnitWeight => (&mut unit_weight, &MEASURE),
            Role::UnitVolume => (&mut unit_volume, &MEASURE),
            Role::UnitDimensionalWeight => (&mut unit_dimensional_weight, &MEASURE),
            Role::EligibleForDiscount => (&mut eligible_for_discount, &FLAG),
            // Required roles and `vat` are handled above; `Plan::optional` never holds them.
            Role::Id | Role::Description | Role::UnitPrice | Role::Vat => continue,
        };
        *slot = r.read(*source, conversion);
    }

    let body = quote! {
        #p::line(#p::LineFields {
            id: #id,
            description: #description,
            unit_price: #price,
            vat: #vat,
            quantity: #quantity,
            line_id: #line_id,
            kind: #kind,
            thumbnail_url: #thumbnail_url,
            unit_weight: #unit_weight,
            unit_volume: #unit_volume,
            unit_dimensional_weight: #unit_dimensional_weight,
            eligible_for_discount: #eligible_for_discount,
        })
    };
    impl_block(&p, plan.ident, plan.generics, &r.bounds, &body)
}

/// `impl CheckoutItem for T` with `fn line(&self) -> Line<'_> { <body> }`, the type's own
/// where-clause and the inferred `bounds`. Like serde's generic impls, `#[inline]` leaves code
/// generation to where the impl is used, so a type never put in an order costs no machine code
/// (measured: a 1000-struct crate builds in ~0.9 s instead of ~1.6 s).
pub(crate) fn impl_block(
    p: &TokenStream,
    ident: &Ident,
    generics: &syn::Generics,
    bounds: &[TokenStream],
    body: &TokenStream,
) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let existing = where_clause.into_iter().flat_map(|w| w.predicates.iter());
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::CheckoutItem for #ident #ty_generics
        where
            #(#existing,)*
            #(#bounds,)*
        {
            #[inline]
            fn line(&self) -> #p::Line<'_> {
                #body
            }
        }
    }
}

/// Reads fields through role traits, collecting the bounds generic field types need.
struct Reader<'a, 'p> {
    plan: &'a Plan<'a>,
    p: &'p TokenStream,
    bounds: Vec<TokenStream>,
}

impl Reader<'_, '_> {
    /// A field: `<Ty as __private::Trait>::method(&self.field)`. A method:
    /// `__private::Trait::method(Self::sku(self))` (by reference for values that are not
    /// text), spanned at the method's name, so that a missing method, one of another shape
    /// or a return value that cannot serve the role is an error at the attribute.
    fn read(&mut self, source: Source<'_>, conversion: &Conversion) -> TokenStream {
        match source {
            Source::Field(field) => {
                let (role_trait, method) = conversion.field;
                let (path, bound) = role_path(self.plan, self.p, field, role_trait, method);
                self.bounds.extend(bound);
                let member = &field.member;
                quote!(#path(&self.#member))
            }
            Source::Method(method_path) => {
                // The name, not `Self`: a path's span is its first token on stable Rust.
                let span = method_path
                    .path
                    .segments
                    .last()
                    .map_or_else(|| method_path.span(), |segment| segment.ident.span());
                let p = respan(self.p.clone(), span);
                let (role_trait, method) = conversion.method;
                let role_trait = Ident::new(role_trait, span);
                let method = Ident::new(method, span);
                // `self` keeps the derive's span: the compiler's help for a method of another
                // shape then does not rewrite the attribute's tokens.
                let this = quote!(self);
                let value = quote_spanned!(span=> #method_path(#this));
                if conversion.by_value {
                    quote_spanned!(span=> #p::#role_trait::#method(#value))
                } else {
                    quote_spanned!(span=> #p::#role_trait::#method(&#value))
                }
            }
        }
    }
}

/// `<Ty as __private::Trait>::method`, spanned at the field's type, and the `Ty: Trait` bound
/// to add when the type involves a generic parameter (so `struct Item<P>` works for every `P`
/// that can serve the role, like serde's inferred bounds).
fn role_path(
    plan: &Plan<'_>,
    p: &TokenStream,
    field: &Field<'_>,
    role_trait: &str,
    method: &str,
) -> (TokenStream, Option<TokenStream>) {
    let ty = &field.original.ty;
    let span = ty.span();
    let p = respan(p.clone(), span);
    let role_trait = Ident::new(role_trait, span);
    let method = Ident::new(method, span);
    let path = quote_spanned!(span=> <#ty as #p::#role_trait>::#method);
    let bound = uses_type_param(plan, ty).then(|| quote_spanned!(span=> #ty: #p::#role_trait));
    (path, bound)
}

/// Gives every token the span `span`, so a whole generated path underlines one place.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                TokenTree::Group(group)
            }
            mut other => {
                other.set_span(span);
                other
            }
        })
        .collect()
}

/// Whether `ty` mentions one of the struct's type parameters.
fn uses_type_param(plan: &Plan<'_>, ty: &Type) -> bool {
    let params: Vec<&Ident> = plan.generics.type_params().map(|t| &t.ident).collect();
    !params.is_empty() && mentions(ty, &params)
}

pub(crate) fn mentions(ty: &Type, params: &[&Ident]) -> bool {
    match ty {
        Type::Path(p) => {
            let qself = p.qself.as_ref().is_some_and(|q| mentions(&q.ty, params));
            let head = p
                .path
                .segments
                .first()
                .is_some_and(|s| params.contains(&&s.ident));
            qself
                || head
                || p.path
                    .segments
                    .iter()
                    .any(|s| args_mention(&s.arguments, params))
        }
        Type::Reference(r) => mentions(&r.elem, params),
        Type::Slice(s) => mentions(&s.elem, params),
        Type::Array(a) => mentions(&a.elem, params),
        Type::Ptr(p) => mentions(&p.elem, params),
        Type::Paren(p) => mentions(&p.elem, params),
        Type::Group(g) => mentions(&g.elem, params),
        Type::Tuple(t) => t.elems.iter().any(|e| mentions(e, params)),
        Type::TraitObject(t) => bounds_mention(t.bounds.iter(), params),
        Type::ImplTrait(t) => bounds_mention(t.bounds.iter(), params),
        _ => false,
    }
}

fn args_mention(args: &PathArguments, params: &[&Ident]) -> bool {
    match args {
        PathArguments::None => false,
        PathArguments::AngleBracketed(a) => a.args.iter().any(|arg| match arg {
            GenericArgument::Type(t) => mentions(t, params),
            GenericArgument::AssocType(a) => mentions(&a.ty, params),
            _ => false,
        }),
        PathArguments::Parenthesized(a) => {
            a.inputs.iter().any(|t| mentions(&t.ty, params))
                || matches!(&a.output, ReturnType::Type(_, t) if mentions(t, params))
        }
    }
}

fn bounds_mention<'b>(
    mut bounds: impl Iterator<Item = &'b TypeParamBound>,
    params: &[&Ident],
) -> bool {
    bounds.any(|b| match b {
        TypeParamBound::Trait(t) => t
            .path
            .segments
            .iter()
            .any(|s| args_mention(&s.arguments, params)),
        _ => false,
    })
}
