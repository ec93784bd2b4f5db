//! What the derive emits next to its errors: a stub impl, so the rest of the crate still sees
//! `T: CheckoutItem` and the user reads the real mistake, not a cascade of "trait not
//! implemented" errors at every use.

use proc_macro2::TokenStream;
use quote::quote;

use crate::attr::Container;
use crate::valid;

/// `impl CheckoutItem for T { fn line(&self) -> Line<'_> { unreachable!() } }`, never run
/// because the crate does not compile.
pub(crate) fn impl_checkout_item(cont: &Container<'_>) -> TokenStream {
    let krate = valid::krate(cont);
    let ident = cont.ident;
    let (impl_generics, ty_generics, where_clause) = cont.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::__private::CheckoutItem for #ident #ty_generics #where_clause {
            fn line(&self) -> #krate::__private::Line<'_> {
                ::core::unreachable!()
            }
        }
    }
}
