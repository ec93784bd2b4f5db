//! Parses `#[checkout(...)]` into a typed model that keeps every key's span.
//!
//! Functions here take `&Ctxt` and return what they could read, so one bad key does not hide
//! the others: an unknown or malformed key is reported and skipped, an invalid value is
//! reported and recorded as present-but-unusable (so later checks don't also call it missing).

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Data, DeriveInput, Generics, Ident, LitStr, Member, Token};

use crate::ctxt::Ctxt;
use crate::literal::CurrencyCode;
use crate::symbol::{self, CONTAINER_KEYS, FIELD_KEYS, Flag, Role};

mod container;
mod field;
use container::container_attrs;
use field::field_attrs;

/// The attribute's name.
const CHECKOUT: &str = "checkout";

/// A key as written, and its value if it was valid.
pub(crate) struct Attr<T> {
    pub(crate) key: Ident,
    /// `None` when the value was invalid; that error is already reported.
    pub(crate) value: Option<T>,
}

/// A role given on the struct by a method: `#[checkout(id = Self::sku)]`.
pub(crate) struct MethodRole {
    pub(crate) role: Role,
    pub(crate) key: Ident,
    /// `None` when the value was not a path; that error is already reported.
    pub(crate) path: Option<syn::ExprPath>,
}

/// The struct-level `#[checkout(...)]` keys.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    /// `vat = 25.5`, in hundredths of a percent.
    pub(crate) vat: Option<Attr<u16>>,
    /// `currency = "NOK"`.
    pub(crate) currency: Option<Attr<CurrencyCode>>,
    /// `kind = "physical"`, as the `ItemType` variant name.
    pub(crate) kind: Option<Attr<&'static str>>,
    /// `crate = "path"`: where the runtime crate is, for users who re-export it.
    pub(crate) krate: Option<Attr<syn::Path>>,
    /// Roles given by methods, in the order written.
    pub(crate) methods: Vec<MethodRole>,
    /// `net`, `minor_units`, `major_units` on the struct: flags of a price given by a method.
    pub(crate) flags: Vec<(Flag, Ident)>,
}

impl ContainerAttrs {
    /// The method that gives `role`, if one does.
    pub(crate) fn method(&self, role: Role) -> Option<&MethodRole> {
        self.methods.iter().find(|m| m.role == role)
    }

    /// The key that set `flag` on the struct, if any.
    pub(crate) fn flag(&self, flag: Flag) -> Option<&Ident> {
        self.flags
            .iter()
            .find(|(f, _)| *f == flag)
            .map(|(_, key)| key)
    }
}

/// One field and the roles it was given.
pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    /// `self.<member>`.
    pub(crate) member: Member,
    /// Each role with the key that set it.
    pub(crate) roles: Vec<(Role, Ident)>,
    /// Each `unit_price` flag with the key that set it.
    pub(crate) flags: Vec<(Flag, Ident)>,
}

impl Field<'_> {
    /// The key that gave this field `role`, if any.
    pub(crate) fn role(&self, role: Role) -> Option<&Ident> {
        self.roles
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, key)| key)
    }

    /// The key that set `flag`, if any.
    pub(crate) fn flag(&self, flag: Flag) -> Option<&Ident> {
        self.flags
            .iter()
            .find(|(f, _)| *f == flag)
            .map(|(_, key)| key)
    }
}

/// What kind of item the derive was put on.
pub(crate) enum Shape<'a> {
    Struct,
    /// A cart of mixed kinds, read by [`crate::variants`].
    Enum(&'a syn::DataEnum),
    /// Not supported; the span is the `union` keyword.
    Union(Span),
}

/// The parsed derive input.
pub(crate) struct Container<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) shape: Shape<'a>,
    pub(crate) attrs: ContainerAttrs,
    /// Every field of a struct, mapped or not (empty for enums and unions).
    pub(crate) fields: Vec<Field<'a>>,
    /// Keys suggested for misspelt ones (`desciption` -> `description`). The typo is already
    /// an error; checks skip "missing" errors for these, which the same fix resolves.
    pub(crate) guessed: Vec<&'static str>,
}

impl<'a> Container<'a> {
    /// Reads the derive input, reporting every malformed attribute to `cx`.
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Container<'a> {
        let mut guessed = Vec::new();
        let attrs = match &input.data {
            // An enum takes only `crate`; its variants' types carry everything else.
            Data::Enum(_) => crate::variants::enum_attrs(cx, &input.attrs),
            _ => container_attrs(cx, &input.attrs, &mut guessed),
        };
        let (shape, fields) = match &input.data {
            Data::Struct(data) => {
                let fields = data
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, field)| field_attrs(cx, i, field, &mut guessed))
                    .collect();
                (Shape::Struct, fields)
            }
            Data::Enum(data) => (Shape::Enum(data), Vec::new()),
            Data::Union(data) => (Shape::Union(data.union_token.span), Vec::new()),
        };
        Container {
            ident: &input.ident,
            generics: &input.generics,
            shape,
            attrs,
            fields,
            guessed,
        }
    }
}

/// Runs `f` on each key of each `#[checkout(...)]` among `attrs`, reporting syntax errors.
pub(crate) fn each_key(
    cx: &Ctxt,
    attrs: &[Attribute],
    mut f: impl FnMut(&Ident, &ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident(CHECKOUT)) {
        let mut empty = true;
        let result = attr.parse_nested_meta(|meta| {
            empty = false;
            match meta.path.get_ident() {
                Some(key) => f(key, &meta),
                None => {
                    cx.error_spanned_by(
                        &meta.path,
                        "expected a checkout attribute key, not a path",
                    );
                    skip_value(&meta)
                }
            }
        });
        match result {
            Err(err) => cx.syn_error(err),
            Ok(()) if empty => cx.error_spanned_by(
                attr,
                "empty #[checkout()]: name what this is, e.g. `#[checkout(id)]`",
            ),
            Ok(()) => {}
        }
    }
}

/// Consumes whatever follows a key up to the next `,`, so parsing can continue after an error.
pub(crate) fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Whether the key is followed by `= value` or `(...)`.
fn has_value(meta: &ParseNestedMeta<'_>) -> bool {
    !meta.input.is_empty() && !meta.input.peek(Token![,])
}

/// Reports a repeated key at its second occurrence, with a note on the first.
fn duplicate(cx: &Ctxt, first: &Ident, again: &Ident) {
    let mut err = syn::Error::new(
        again.span(),
        format_args!("duplicate checkout attribute `{again}`"),
    );
    err.combine(syn::Error::new(first.span(), "first one here"));
    cx.syn_error(err);
}

/// Stores a container key's value unless the key was already given.
pub(crate) fn set_once<T>(cx: &Ctxt, slot: &mut Option<Attr<T>>, key: &Ident, value: Option<T>) {
    match slot {
        Some(first) => duplicate(cx, &first.key, key),
        None => {
            *slot = Some(Attr {
                key: key.clone(),
                value,
            })
        }
    }
}

/// `crate = "path"`: where the runtime crate is; reports a value that is not a path.
pub(crate) fn crate_path(
    cx: &Ctxt,
    key: &Ident,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<syn::Path>> {
    let value = string_value(cx, key, meta, "crate = \"my_crate::dintero_order\"")?;
    Ok(value.and_then(|lit| {
        lit.parse::<syn::Path>()
            .map_err(|_| {
                cx.error_spanned_by(
                    &lit,
                    "expected a path to the dintero_order crate, e.g. `crate = \"::my_shop::dintero_order\"`",
                )
            })
            .ok()
    }))
}

/// `key = "string"`; reports a missing or non-string value.
pub(crate) fn string_value(
    cx: &Ctxt,
    key: &Ident,
    meta: &ParseNestedMeta<'_>,
    example: &str,
) -> syn::Result<Option<LitStr>> {
    if meta.input.peek(Token![=]) {
        let value = meta.value()?;
        if value.peek(LitStr) {
            return Ok(Some(value.parse()?));
        }
        let span = value.span();
        cx.error_at(span, format_args!("expected a string: `{example}`"));
    } else {
        cx.error_spanned_by(key, format_args!("expected `{example}`"));
    }
    skip_value(meta)?;
    Ok(None)
}

/// Reports an unknown key: a key of the other level, a likely typo, or the list of valid keys.
/// Returns the key it suggested, if any.
fn unknown_key(
    cx: &Ctxt,
    key: &Ident,
    valid: &[&'static str],
    level: &str,
) -> Option<&'static str> {
    let name = key.to_string();
    let mut guess = None;
    let msg = if level == "field"
        && CONTAINER_KEYS.contains(&name.as_str())
        && !FIELD_KEYS.contains(&name.as_str())
    {
        format!("`{name}` belongs on the struct, not on a field")
    } else if let Some(g) = symbol::did_you_mean(&name, valid) {
        guess = Some(g);
        format!("unknown checkout attribute `{name}`, did you mean `{g}`?")
    } else if level == "struct" {
        format!(
            "unknown checkout attribute `{name}`, expected `vat`, `currency`, `kind`, `crate`, or a role given by a method such as `id = Self::sku`"
        )
    } else {
        format!(
            "unknown checkout attribute `{name}`, expected {}",
            symbol::one_of(valid)
        )
    };
    cx.error_spanned_by(key, msg);
    guess
}
