//! `#[derive(CheckoutItem)]` on an enum: a cart of mixed kinds, each variant holding one item
//! whose own type says how it is a line (`enum CartLine { Chair(Chair), Gift(GiftCard) }`).
//!
//! Reads the variants into an [`Enum`] and checks them, reporting every mistake at its token
//! and carrying on, like the struct rules in `valid`: [`check`] only returns the model when
//! nothing was wrong.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{Attribute, DataEnum, Fields, Generics, Ident, Index, Member, Type};

use crate::attr::{self, Container, ContainerAttrs};
use crate::ctxt::Ctxt;
use crate::symbol::{self, CONTAINER_KEYS, FIELD_KEYS};
use crate::valid;

#[cfg(test)]
mod tests;

/// A checked enum: every variant holds exactly one item.
pub(crate) struct Enum<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// Path of the runtime crate (`::dintero_order` unless `crate = "..."`).
    pub(crate) krate: TokenStream,
    pub(crate) variants: Vec<Variant<'a>>,
}

/// One variant and the item it holds.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// The item in a pattern `Self::Variant { <member>: item }`: `0` for `Chair(Chair)`,
    /// `service` for `Service { service: Service }`.
    pub(crate) member: Member,
    /// The item's type, which must be a `CheckoutItem`; rustc checks that, at this type.
    pub(crate) ty: &'a Type,
}

/// The keys of `#[checkout(...)]` on an enum: only `crate` applies, since each variant's type
/// carries its own VAT, currency, kind and roles. Every other key is an error on the key.
pub(crate) fn enum_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    attr::each_key(cx, attrs, |key, meta| {
        if key != "crate" {
            not_on_enum(cx, key);
            return attr::skip_value(meta);
        }
        let value = attr::crate_path(cx, key, meta)?;
        attr::set_once(cx, &mut out.krate, key, value);
        Ok(())
    });
    out
}

/// A struct key on an enum: each variant's type sets it for its own lines.
fn not_on_enum(cx: &Ctxt, key: &Ident) {
    let name = key.to_string();
    let known = CONTAINER_KEYS.contains(&name.as_str()) || FIELD_KEYS.contains(&name.as_str());
    let msg = if known {
        format!(
            "`{name}` cannot be set on an enum: each variant's item type sets its own; the enum takes only `crate = \"...\"`"
        )
    } else if symbol::did_you_mean(&name, &["crate"]).is_some() {
        format!("unknown checkout attribute `{name}`, did you mean `crate`?")
    } else {
        format!(
            "unknown checkout attribute `{name}`: an enum takes only `crate = \"...\"`, each variant's type carries the rest"
        )
    };
    cx.error_spanned_by(key, msg);
}

/// Runs every rule on the enum's variants; returns the model only if the input is valid.
pub(crate) fn check<'a>(
    cx: &Ctxt,
    cont: &'a Container<'a>,
    data: &'a DataEnum,
) -> Option<Enum<'a>> {
    if data.variants.is_empty() {
        cx.error_spanned_by(
            cont.ident,
            "a `CheckoutItem` enum needs at least one variant holding an item, e.g. `enum CartLine { Chair(Chair) }`",
        );
    }
    let variants: Vec<Variant<'a>> = data
        .variants
        .iter()
        .filter_map(|variant| {
            check_no_attributes(cx, variant);
            one_item(cx, variant)
        })
        .collect();
    if cx.has_errors() || cont.attrs.krate.as_ref().is_some_and(|a| a.value.is_none()) {
        return None;
    }
    Some(Enum {
        ident: cont.ident,
        generics: cont.generics,
        krate: valid::krate(cont),
        variants,
    })
}

/// `#[checkout(...)]` on a variant or on its item says nothing the item's type does not: the
/// error points at the whole attribute.
fn check_no_attributes(cx: &Ctxt, variant: &syn::Variant) {
    for attr in checkout_attrs(&variant.attrs) {
        cx.error_spanned_by(
            attr,
            "#[checkout(...)] does not go on a variant: the type of the item it holds carries its own attributes",
        );
    }
    for field in &variant.fields {
        for attr in checkout_attrs(&field.attrs) {
            cx.error_spanned_by(
                attr,
                "#[checkout(...)] does not go on a variant's item: put it on the item's type, which derives `CheckoutItem` itself",
            );
        }
    }
}

fn checkout_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("checkout"))
}

/// The variant's one item, or an error on the variant (its name and fields) if it holds none
/// or several: the enum's line is its item's line, so there must be exactly one.
fn one_item<'a>(cx: &Ctxt, variant: &'a syn::Variant) -> Option<Variant<'a>> {
    let ident = &variant.ident;
    let count = match &variant.fields {
        Fields::Unit => 0,
        fields if fields.len() == 1 => {
            let field = fields.iter().next()?;
            let member = match &field.ident {
                Some(name) => Member::Named(name.clone()),
                None => Member::Unnamed(Index {
                    index: 0,
                    span: field.ty.span(),
                }),
            };
            return Some(Variant {
                ident,
                member,
                ty: &field.ty,
            });
        }
        fields => fields.len(),
    };
    let msg = if count == 0 {
        format!(
            "a variant of a `CheckoutItem` enum holds exactly one item, e.g. `{ident}({ident})`; `{ident}` holds none"
        )
    } else {
        format!(
            "a variant of a `CheckoutItem` enum holds exactly one item; `{ident}` holds {count}: give each item a variant of its own"
        )
    };
    let mut tokens = ident.to_token_stream();
    variant.fields.to_tokens(&mut tokens);
    cx.error_spanned_by(tokens, msg);
    None
}
