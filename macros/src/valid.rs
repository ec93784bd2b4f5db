//! The rules of `#[derive(CheckoutItem)]`, one `check_*` function each, and the resolved plan
//! that expansion turns into code.
//!
//! Every rule reports to the `Ctxt` and keeps going, so a struct with three mistakes gets three
//! errors in one build. [`check`] only returns a [`Plan`] when nothing was wrong.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Generics, Ident, Type};

use crate::attr::{Container, Field, MethodRole, Shape};
use crate::ctxt::Ctxt;
use crate::literal::CurrencyCode;
use crate::symbol::{Flag, Role};

/// How the price field's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PriceUnit {
    /// The type says its unit (`Decimal` in major units, `Money`, `UnitPrice`).
    Typed,
    /// An integer counted in minor units.
    Minor,
    /// An integer counted in major units.
    Major,
}

/// Where a role's value is read: a field marked with it, or a method named on the struct.
#[derive(Clone, Copy)]
pub(crate) enum Source<'a> {
    /// `#[checkout(id)]` on a field.
    Field(&'a Field<'a>),
    /// `#[checkout(id = Self::sku)]` on the struct; the path is valid.
    Method(&'a syn::ExprPath),
}

/// Where the line's VAT rate comes from.
pub(crate) enum VatSource<'a> {
    /// `#[checkout(vat = 25.5)]` on the struct, in hundredths of a percent.
    Fixed(u16),
    /// A field marked `#[checkout(vat)]`, or `vat = Self::rate` on the struct.
    Read(Source<'a>),
}

/// A checked derive input: everything expansion needs, with no way left to be wrong.
pub(crate) struct Plan<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// Path of the runtime crate (`::dintero_order` unless `crate = "..."`).
    pub(crate) krate: TokenStream,
    pub(crate) id: Source<'a>,
    pub(crate) description: Source<'a>,
    pub(crate) price: Source<'a>,
    pub(crate) price_unit: PriceUnit,
    pub(crate) net: bool,
    pub(crate) vat: VatSource<'a>,
    pub(crate) currency: Option<&'a CurrencyCode>,
    /// The `ItemType` variant of `kind = "..."`.
    pub(crate) kind: Option<&'static str>,
    /// Optional roles, in the order of [`Role::ALL`].
    pub(crate) optional: Vec<(Role, Source<'a>)>,
}

/// The runtime crate path generated code uses.
pub(crate) fn krate(cont: &Container<'_>) -> TokenStream {
    match cont.attrs.krate.as_ref().and_then(|a| a.value.as_ref()) {
        Some(path) => path.to_token_stream(),
        None => quote!(::dintero_order),
    }
}

/// Runs every rule; returns the plan only if the input is valid.
pub(crate) fn check<'a>(cx: &Ctxt, cont: &'a Container<'a>) -> Option<Plan<'a>> {
    if !check_shape(cx, cont) {
        // Field rules mean nothing for an enum or a union; the attributes were still parsed
        // and their errors reported.
        return None;
    }
    let mapped = check_one_source_per_role(cx, cont);
    check_required_roles(cx, cont, &mapped);
    check_vat_sources(cx, cont, &mapped);
    check_flags(cx, cont);
    check_struct_flags(cx, cont, &mapped);
    check_price_type(cx, &mapped);

    let id = mapped.get(Role::Id)?;
    let description = mapped.get(Role::Description)?;
    let price = mapped.get(Role::UnitPrice)?;
    let vat = match (&cont.attrs.vat, mapped.get(Role::Vat)) {
        (Some(attr), None) => VatSource::Fixed(attr.value?),
        (None, Some(source)) => VatSource::Read(source),
        _ => return None,
    };
    let currency = match &cont.attrs.currency {
        Some(attr) => Some(attr.value.as_ref()?),
        None => None,
    };
    let kind = match &cont.attrs.kind {
        Some(attr) => Some(attr.value?),
        None => None,
    };
    if cont.attrs.krate.as_ref().is_some_and(|a| a.value.is_none()) || cx.has_errors() {
        return None;
    }
    // A field price carries its own flags; a method's are on the struct.
    let price_flag = |flag: Flag| match price {
        Source::Field(field) => field.flag(flag).is_some(),
        Source::Method(_) => cont.attrs.flag(flag).is_some(),
    };
    let price_unit = if price_flag(Flag::MinorUnits) {
        PriceUnit::Minor
    } else if price_flag(Flag::MajorUnits) {
        PriceUnit::Major
    } else {
        PriceUnit::Typed
    };
    let optional = Role::ALL
        .into_iter()
        .filter(|role| !role.is_required() && *role != Role::Vat)
        .filter_map(|role| Some((role, mapped.get(role)?)))
        .collect();
    Some(Plan {
        ident: cont.ident,
        generics: cont.generics,
        krate: krate(cont),
        id,
        description,
        price,
        price_unit,
        net: price_flag(Flag::Net),
        vat,
        currency,
        kind,
        optional,
    })
}

/// Where each role is read (the first source, when a role was given twice). A method whose
/// path was invalid maps to nothing but still counts as given (its error is reported).
struct Mapped<'a> {
    by_role: Vec<(Role, Option<Source<'a>>)>,
}

impl<'a> Mapped<'a> {
    fn get(&self, role: Role) -> Option<Source<'a>> {
        self.by_role
            .iter()
            .find(|(r, _)| *r == role)
            .and_then(|(_, source)| *source)
    }

    fn is_given(&self, role: Role) -> bool {
        self.by_role.iter().any(|(r, _)| *r == role)
    }

    fn field(&self, role: Role) -> Option<&'a Field<'a>> {
        match self.get(role)? {
            Source::Field(field) => Some(field),
            Source::Method(_) => None,
        }
    }
}

/// These rules are for structs; an enum has its own (`crate::variants`), and a union cannot be
/// read safely: the error points at the `union` keyword.
fn check_shape(cx: &Ctxt, cont: &Container<'_>) -> bool {
    match cont.shape {
        Shape::Struct => true,
        // The derive sends an enum to `crate::variants`, never here.
        Shape::Enum(_) => false,
        Shape::Union(span) => {
            cx.error_at(
                span,
                "#[derive(CheckoutItem)] supports structs and enums, not unions",
            );
            false
        }
    }
}

/// A line has one value per role: two fields marked `id` is an error at the second, with a
/// note at the first; a field and a method giving the same role is an error at the method.
fn check_one_source_per_role<'a>(cx: &Ctxt, cont: &'a Container<'a>) -> Mapped<'a> {
    let mut by_role: Vec<(Role, Option<Source<'a>>)> = Vec::new();
    let mut first_field: Vec<(Role, &'a Field<'a>)> = Vec::new();
    for field in &cont.fields {
        for (role, key) in &field.roles {
            let first = first_field.iter().find(|(r, _)| r == role).map(|(_, f)| *f);
            match first.and_then(|f| f.role(*role)) {
                Some(first_key) => {
                    let mut err = syn::Error::new(
                        key.span(),
                        format_args!(
                            "more than one field is marked `#[checkout({key})]`; an order line has one `{key}`"
                        ),
                    );
                    err.combine(syn::Error::new(first_key.span(), "first one here"));
                    cx.syn_error(err);
                }
                None => {
                    first_field.push((*role, field));
                    by_role.push((*role, Some(Source::Field(field))));
                }
            }
        }
    }
    for method in &cont.attrs.methods {
        match first_field.iter().find(|(r, _)| *r == method.role) {
            // A key without a valid method is already an error; the field stands.
            Some(_) if method.path.is_none() => {}
            Some((_, field)) => given_twice(cx, method, field),
            None => by_role.push((method.role, method.path.as_ref().map(Source::Method))),
        }
    }
    Mapped { by_role }
}

/// A role named on the struct with a method and also marked on a field.
fn given_twice(cx: &Ctxt, method: &MethodRole, field: &Field<'_>) {
    let key = &method.key;
    let mut err = syn::Error::new(
        key.span(),
        format_args!(
            "`{key}` is given twice: by this method and by a field marked `#[checkout({key})]`; keep one"
        ),
    );
    if let Some(field_key) = field.role(method.role) {
        err.combine(syn::Error::new(
            field_key.span(),
            "the field is marked here",
        ));
    }
    cx.syn_error(err);
}

/// `id`, `description` and `unit_price` are required by Dintero; the error points at the
/// struct name, since there is no field to point at.
fn check_required_roles(cx: &Ctxt, cont: &Container<'_>, mapped: &Mapped<'_>) {
    for role in Role::ALL.into_iter().filter(|r| r.is_required()) {
        if !mapped.is_given(role) && !cont.guessed.contains(&role.key()) {
            let what = match role {
                Role::Id => "the product id (SKU)",
                Role::Description => "the text the buyer sees",
                _ => "the price of one unit",
            };
            cx.error_spanned_by(
                cont.ident,
                format_args!(
                    "missing `#[checkout({})]`: mark the field that holds {what}, or name a method that gives it on the struct: `#[checkout({} = Self::{})]`",
                    role.key(),
                    role.key(),
                    role.method_example()
                ),
            );
        }
    }
}

/// Exactly one VAT source: the struct's literal rate or a field holding it. With both, which
/// one applies would be a guess; with neither, the line has no rate.
fn check_vat_sources(cx: &Ctxt, cont: &Container<'_>, mapped: &Mapped<'_>) {
    let field_key = mapped.field(Role::Vat).and_then(|f| f.role(Role::Vat));
    if let (Some(fixed), Some(method)) = (&cont.attrs.vat, cont.attrs.method(Role::Vat)) {
        duplicate_vat(cx, &method.key, &fixed.key);
        return;
    }
    let given = field_key.is_some() || cont.attrs.method(Role::Vat).is_some();
    match (&cont.attrs.vat, field_key) {
        (Some(fixed), Some(key)) => {
            let mut err = syn::Error::new(
                key.span(),
                "two VAT sources: this field and `vat = ...` on the struct; keep one",
            );
            err.combine(syn::Error::new(fixed.key.span(), "the struct's rate is here"));
            cx.syn_error(err);
        }
        (None, None) if !given && !cont.guessed.contains(&"vat") => cx.error_spanned_by(
            cont.ident,
            "missing VAT rate: add `#[checkout(vat = 25)]` to the struct, mark a field `#[checkout(vat)]`, or name a method: `#[checkout(vat = Self::vat_rate)]`",
        ),
        _ => {}
    }
}

/// `vat = 25` and `vat = Self::rate` on the struct: two rates.
fn duplicate_vat(cx: &Ctxt, again: &Ident, first: &Ident) {
    let mut err = syn::Error::new(
        again.span(),
        "two VAT sources: this method and the struct's rate; keep one",
    );
    err.combine(syn::Error::new(first.span(), "the struct's rate is here"));
    cx.syn_error(err);
}

/// On the struct, `net`, `minor_units` and `major_units` describe a price given by a method:
/// with the price in a field they belong on that field; the two units exclude each other.
fn check_struct_flags(cx: &Ctxt, cont: &Container<'_>, mapped: &Mapped<'_>) {
    let price_by_method = cont.attrs.method(Role::UnitPrice).is_some();
    if !price_by_method {
        let on_field = mapped.field(Role::UnitPrice).is_some();
        for (flag, key) in &cont.attrs.flags {
            let flag = flag.key();
            let msg = if on_field {
                format!(
                    "`{flag}` on the struct describes a price given by a method (`unit_price = Self::price`); the price here is a field: write `#[checkout(unit_price, {flag})]` on it"
                )
            } else {
                format!(
                    "`{flag}` on the struct describes a price given by a method: add `unit_price = Self::price`"
                )
            };
            cx.error_spanned_by(key, msg);
        }
        return;
    }
    check_one_unit(cx, &cont.attrs.flags);
}

/// An integer price is counted in one unit: `minor_units` and `major_units` exclude each other.
fn check_one_unit(cx: &Ctxt, flags: &[(Flag, Ident)]) {
    let mut units = flags
        .iter()
        .filter(|(f, _)| *f != Flag::Net)
        .map(|(_, key)| key);
    if let (Some(first), Some(second)) = (units.next(), units.next()) {
        cx.error_spanned_by(
            second,
            format_args!(
                "`{second}` conflicts with `{first}`: an integer price is counted in one unit"
            ),
        );
    }
}

/// `net`, `minor_units` and `major_units` describe a price, so they need `unit_price` on the
/// same field; an integer is counted in one unit, so `minor_units` and `major_units` exclude
/// each other.
fn check_flags(cx: &Ctxt, cont: &Container<'_>) {
    for field in &cont.fields {
        if field.role(Role::UnitPrice).is_none() {
            for (flag, key) in &field.flags {
                cx.error_spanned_by(
                    key,
                    format_args!(
                        "`{}` only applies to the price: write `#[checkout(unit_price, {})]`",
                        flag.key(),
                        flag.key()
                    ),
                );
            }
            continue;
        }
        check_one_unit(cx, &field.flags);
    }
}

/// Floats cannot hold prices exactly, and an integer is ambiguous (29990 øre or 29990 kroner?).
/// These are syntactic checks on the written type; any other unsuitable type is left to rustc,
/// whose `on_unimplemented` message names the role.
fn check_price_type(cx: &Ctxt, mapped: &Mapped<'_>) {
    let Some(field) = mapped.field(Role::UnitPrice) else {
        return;
    };
    let ty = &field.original.ty;
    match primitive(ty) {
        Some(name @ ("f32" | "f64")) => cx.error_spanned_by(
            ty,
            format_args!(
                "`{name}` cannot be a price: floating point cannot hold amounts like 0.10 exactly; use `rust_decimal::Decimal`"
            ),
        ),
        Some(name)
            if INTEGERS.contains(&name)
                && field.flag(Flag::MinorUnits).is_none()
                && field.flag(Flag::MajorUnits).is_none() =>
        {
            cx.error_spanned_by(
                ty,
                "an integer price must say its unit: `#[checkout(unit_price, minor_units)]` if 29990 means 299.90, `#[checkout(unit_price, major_units)]` if 299 means 299.00",
            )
        }
        _ => {}
    }
}

/// Integer type names.
const INTEGERS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// The name of a primitive-looking type (`f64`, `&u32`, `core::primitive::i64`).
fn primitive(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::Reference(r) => primitive(&r.elem),
        Type::Paren(p) => primitive(&p.elem),
        Type::Group(g) => primitive(&g.elem),
        Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            if !last.arguments.is_none() {
                return None;
            }
            let name = last.ident.to_string();
            ["f32", "f64"]
                .iter()
                .chain(INTEGERS)
                .find(|n| **n == name)
                .copied()
        }
        _ => None,
    }
}
