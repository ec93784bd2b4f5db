//! The struct's own `#[checkout(...)]` keys: `vat`, `currency`, `kind`, `crate`, and roles
//! given by methods with the flags of such a price.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr, Token};

use super::*;
use crate::literal::{self, NumberLit};
use crate::symbol::{self, CONTAINER_KEYS, Flag, KINDS, Role};

/// Reads the struct's keys, reporting every malformed one to `cx`.
pub(super) fn container_attrs(
    cx: &Ctxt,
    attrs: &[Attribute],
    guessed: &mut Vec<&'static str>,
) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    each_key(cx, attrs, |key, meta| {
        let name = key.to_string();
        match name.as_str() {
            "vat" if is_path_value(meta) => method_role(cx, &mut out, Role::Vat, key, meta)?,
            "vat" => {
                let value = container_vat(cx, key, meta)?;
                set_once(cx, &mut out.vat, key, value);
            }
            "currency" => {
                let value = string_value(cx, key, meta, "currency = \"NOK\"")?.and_then(|lit| {
                    literal::currency(&lit.value(), lit.span())
                        .map_err(|err| cx.syn_error(err))
                        .ok()
                });
                set_once(cx, &mut out.currency, key, value);
            }
            "kind" => {
                let value = string_value(cx, key, meta, "kind = \"physical\"")?
                    .and_then(|lit| item_kind(cx, &lit));
                set_once(cx, &mut out.kind, key, value);
            }
            "crate" => {
                let value = crate_path(cx, key, meta)?;
                set_once(cx, &mut out.krate, key, value);
            }
            _ => {
                if let Some(role) = Role::from_key(&name) {
                    method_role(cx, &mut out, role, key, meta)?;
                } else if let Some(flag) = Flag::from_key(&name) {
                    if has_value(meta) {
                        cx.error_spanned_by(
                            key,
                            format_args!("`{name}` takes no value: write `#[checkout({name})]`"),
                        );
                        skip_value(meta)?;
                    }
                    match out.flag(flag) {
                        Some(first) => duplicate(cx, first, key),
                        None => out.flags.push((flag, key.clone())),
                    }
                } else {
                    if let Some(guess) = unknown_key(cx, key, CONTAINER_KEYS, "struct") {
                        guessed.push(guess);
                    }
                    skip_value(meta)?;
                }
            }
        }
        Ok(())
    });
    out
}

/// Whether the key is followed by `= <path>` (`vat = Self::rate`), not a literal.
fn is_path_value(meta: &ParseNestedMeta<'_>) -> bool {
    let fork = meta.input.fork();
    fork.parse::<Token![=]>().is_ok()
        && (fork.peek(Ident)
            || fork.peek(Token![Self])
            || fork.peek(Token![self])
            || fork.peek(Token![crate])
            || fork.peek(Token![super])
            || fork.peek(Token![::])
            || fork.peek(Token![<]))
}

/// The name of a path that is one `SCREAMING_CASE` identifier: a constant, not a method.
fn constant_name(path: &syn::ExprPath) -> Option<String> {
    let ident = path.path.get_ident()?.to_string();
    let screaming = ident.chars().any(|c| c.is_ascii_uppercase())
        && ident
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    screaming.then_some(ident)
}

/// `id = Self::sku` on the struct: the method that gives a role. Recorded even when its
/// value is not a path (that error is reported), so the role does not also count as missing.
fn method_role(
    cx: &Ctxt,
    out: &mut ContainerAttrs,
    role: Role,
    key: &Ident,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<()> {
    let example = role.method_example();
    let path = if is_path_value(meta) {
        let path = meta.value()?.parse::<syn::ExprPath>()?;
        match constant_name(&path) {
            Some(name) => {
                let literal = if role == Role::Vat {
                    "write the rate itself (`vat = 25`) or name a method (`vat = Self::vat_rate`)"
                } else {
                    "name a method `fn(&self)`"
                };
                cx.error_spanned_by(
                    &path,
                    format_args!(
                        "`{name}` looks like a constant, but `{key} = …` on the struct names the method that gives the {}: {literal}",
                        role.what()
                    ),
                );
                None
            }
            None => Some(path),
        }
    } else {
        if meta.input.peek(Token![=]) {
            let value = meta.value()?;
            cx.error_at(
                value.span(),
                format_args!(
                    "expected a method that gives the {}, such as `{key} = Self::{example}`",
                    role.what()
                ),
            );
        } else {
            cx.error_spanned_by(
                key,
                format_args!(
                    "`{key}` on the struct names the method that gives it: `#[checkout({key} = Self::{example})]`; or mark the field that holds it `#[checkout({key})]`"
                ),
            );
        }
        skip_value(meta)?;
        None
    };
    match out.method(role) {
        Some(first) => duplicate(cx, &first.key, key),
        None => out.methods.push(MethodRole {
            role,
            key: key.clone(),
            path,
        }),
    }
    Ok(())
}

/// `vat = 25.5` on the struct.
fn container_vat(cx: &Ctxt, key: &Ident, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<u16>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            key,
            "expected `vat = <percent>` on the struct, e.g. `#[checkout(vat = 25)]`; a field holding the rate is marked `#[checkout(vat)]`",
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let value = meta.value()?;
    let is_number = value.peek(syn::Lit) || value.peek(Token![-]);
    if !is_number {
        let span = value.span();
        cx.error_at(
            span,
            "expected a VAT percentage literal such as `25` or `25.5`; for a rate known only at run time, mark a field `#[checkout(vat)]` or name a method: `vat = Self::vat_rate`",
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let lit: NumberLit = value.parse()?;
    Ok(literal::vat_hundredths(&lit)
        .map_err(|err| cx.syn_error(err))
        .ok())
}

/// `kind = "gift_card"` to the `ItemType` variant.
fn item_kind(cx: &Ctxt, lit: &LitStr) -> Option<&'static str> {
    let value = lit.value();
    if let Some((_, variant)) = KINDS.iter().find(|(name, _)| *name == value) {
        return Some(variant);
    }
    let names: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
    let msg = match symbol::did_you_mean(&value, &names) {
        Some(guess) => format!("unknown item kind `{value}`, did you mean `{guess}`?"),
        None => format!(
            "unknown item kind `{value}`, expected {}",
            symbol::one_of(&names)
        ),
    };
    cx.error_spanned_by(lit, msg);
    None
}
