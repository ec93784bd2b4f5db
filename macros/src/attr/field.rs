//! A field's `#[checkout(...)]` keys: the roles it holds and the flags of a price.

use syn::spanned::Spanned;
use syn::{Index, Member};

use super::*;
use crate::symbol::{FIELD_KEYS, Flag, Role};

/// Reads one field's keys, reporting every malformed one to `cx`.
pub(super) fn field_attrs<'a>(
    cx: &Ctxt,
    index: usize,
    field: &'a syn::Field,
    guessed: &mut Vec<&'static str>,
) -> Field<'a> {
    let member = match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(Index {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            span: field.ty.span(),
        }),
    };
    let mut out = Field {
        original: field,
        member,
        roles: Vec::new(),
        flags: Vec::new(),
    };
    each_key(cx, &field.attrs, |key, meta| {
        let name = key.to_string();
        let role = Role::from_key(&name);
        let flag = Flag::from_key(&name);
        if role.is_none() && flag.is_none() {
            if let Some(guess) = unknown_key(cx, key, FIELD_KEYS, "field") {
                guessed.push(guess);
            }
            return skip_value(meta);
        }
        if has_value(meta) {
            let msg = if name == "vat" {
                "a field's `vat` takes no value: it marks the field holding the rate; for a fixed rate put `#[checkout(vat = 25)]` on the struct".to_owned()
            } else {
                format!("`{name}` takes no value: write `#[checkout({name})]`")
            };
            cx.error_spanned_by(key, msg);
            // Still record the key: what it marks is clear, so "missing" errors would be noise.
            skip_value(meta)?;
        }
        if let Some(role) = role {
            match out.role(role) {
                Some(first) => duplicate(cx, first, key),
                None => out.roles.push((role, key.clone())),
            }
        }
        if let Some(flag) = flag {
            match out.flag(flag) {
                Some(first) => duplicate(cx, first, key),
                None => out.flags.push((flag, key.clone())),
            }
        }
        Ok(())
    });
    out
}
