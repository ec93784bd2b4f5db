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
use crate::valid::{Plan, PriceUnit, VatSource};

/// The `impl CheckoutItem` for a valid input.
pub(crate) fn impl_checkout_item(plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let p = quote!(#krate::__private);
    let mut r = Reader {
        plan,
        p: &p,
        bounds: Vec::new(),
    };

    let id = r.read(plan.id, "AsId", "as_id");
    let description = r.read(plan.description, "AsText", "as_text");
    let mut price = match plan.price_unit {
        PriceUnit::Typed => r.read(plan.price, "AsUnitPrice", "as_unit_price"),
        PriceUnit::Minor => {
            let value = r.read(plan.price, "AsIntegerPrice", "as_integer_price");
            quote!(#p::minor_units_price(#value))
        }
        PriceUnit::Major => {
            let value = r.read(plan.price, "AsIntegerPrice", "as_integer_price");
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
        VatSource::Field(field) => r.read(field, "AsVat", "as_vat"),
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
    for (role, field) in &plan.optional {
        let (slot, role_trait, method) = match role {
            Role::Quantity => (&mut quantity, "AsQuantity", "as_quantity"),
            Role::LineId => (&mut line_id, "AsOptionalId", "as_optional_id"),
            Role::ThumbnailUrl => (&mut thumbnail_url, "AsOptionalText", "as_optional_text"),
            Role::UnitWeight => (&mut unit_weight, "AsMeasure", "as_measure"),
            Role::UnitVolume => (&mut unit_volume, "AsMeasure", "as_measure"),
            Role::UnitDimensionalWeight => {
                (&mut unit_dimensional_weight, "AsMeasure", "as_measure")
            }
            Role::EligibleForDiscount => (&mut eligible_for_discount, "AsFlag", "as_flag"),
            // Required roles and `vat` are handled above; `Plan::optional` never holds them.
            Role::Id | Role::Description | Role::UnitPrice | Role::Vat => continue,
        };
        *slot = r.read(field, role_trait, method);
    }

    let bounds = r.bounds;
    let ident = plan.ident;
    let (impl_generics, ty_generics, where_clause) = plan.generics.split_for_impl();
    let existing = where_clause.into_iter().flat_map(|w| w.predicates.iter());
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::CheckoutItem for #ident #ty_generics
        where
            #(#existing,)*
            #(#bounds,)*
        {
            // Like serde's generic impls, codegen happens where the impl is used, so a type
            // that is never put in an order costs no machine code (measured: a 1000-struct
            // crate builds in ~0.9 s instead of ~1.6 s).
            #[inline]
            fn line(&self) -> #p::Line<'_> {
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
    /// `<Ty as __private::Trait>::method(&self.field)`.
    fn read(&mut self, field: &Field<'_>, role_trait: &str, method: &str) -> TokenStream {
        let (path, bound) = role_path(self.plan, self.p, field, role_trait, method);
        self.bounds.extend(bound);
        let member = &field.member;
        quote!(#path(&self.#member))
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
