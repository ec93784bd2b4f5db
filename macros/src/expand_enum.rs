//! Code generation for a checked [`Enum`]: the line of the variant's item.
//!
//! Like the struct impl, it names only `<crate>::__private::…` by absolute path. Each arm calls
//! `<ItemType as __private::CheckoutItem>::line`, spanned at the variant's item type: an item
//! type that is not a `CheckoutItem` is an error on that type, in the trait's
//! `on_unimplemented` words.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Ident;
use syn::spanned::Spanned;

use crate::expand::{impl_block, mentions, respan};
use crate::variants::Enum;

/// `impl CheckoutItem for E { fn line(&self) -> Line<'_> { match self { … } } }`.
pub(crate) fn impl_checkout_item(e: &Enum<'_>) -> TokenStream {
    let krate = &e.krate;
    let p = quote!(#krate::__private);
    let params: Vec<&Ident> = e.generics.type_params().map(|t| &t.ident).collect();
    let mut bounds = Vec::new();
    let mut arms = Vec::new();
    for variant in &e.variants {
        let ty = variant.ty;
        let span = ty.span();
        let p = respan(p.clone(), span);
        // `enum CartLine<P> { Item(P) }` is a `CheckoutItem` for every `P` that is one.
        if !params.is_empty() && mentions(ty, &params) {
            bounds.push(quote_spanned!(span=> #ty: #p::CheckoutItem));
        }
        let line = quote_spanned!(span=> <#ty as #p::CheckoutItem>::line);
        let ident = variant.ident;
        let member = &variant.member;
        arms.push(quote!(Self::#ident { #member: item } => #line(item),));
    }

    let body = quote! {
        match self {
            #(#arms)*
        }
    };
    impl_block(&p, e.ident, e.generics, &bounds, &body)
}
