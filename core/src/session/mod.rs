//! The request bodies that create a Dintero Checkout session: [`SessionProfile`]
//! (`POST /v1/sessions-profile`) and [`Session`] (`POST /v1/sessions`); and the one that
//! updates it, [`SessionUpdate`] (`PUT /v1/sessions/{session_id}`).
//!
//! Both share every field but `profile_id`, `merchant` and whether `configuration` is
//! required; that shared part is one struct (`SessionParts`) flattened into each body, and
//! one set of methods generated for both types and their builders by `shared_session_api!`.
//!
//! Validation is one function per type, run once by the builders' `build` and by
//! `Deserialize`, so a value of either type always satisfies every rule. Parts (a
//! [`Customer`], a [`Checkbox`], …) are plain data made by their own infallible builders
//! until they join a session, which checks them with paths from the body's root
//! (`checkboxes[1].label`).

/// Generates, for each optional string field of a part, a by-value setter on the part's
/// builder and a getter of the same name on the part, each with a runnable example; `$new`
/// is the expression that makes the builder.
macro_rules! text_fields {
    ($owner:ident, $builder:ident, $new:literal; $($(#[doc = $doc:literal])+ $field:ident, $example:literal;)+) => {
        impl $builder {
            $(
                $(#[doc = $doc])+
                ///
                /// ```
                #[doc = concat!("use dintero_order_core::", stringify!($owner), ";")]
                #[doc = concat!("let value = ", $new, ".", stringify!($field), "(", stringify!($example), ").build();")]
                #[doc = concat!("assert_eq!(value.", stringify!($field), "(), Some(", stringify!($example), "));")]
                /// ```
                pub fn $field(mut self, value: impl Into<String>) -> $builder {
                    self.0.$field = Some(value.into());
                    self
                }
            )+
        }

        impl $owner {
            $(
                #[doc = concat!("`", stringify!($field), "`, if set.")]
                ///
                /// ```
                #[doc = concat!("use dintero_order_core::", stringify!($owner), ";")]
                #[doc = concat!("assert_eq!(", $new, ".build().", stringify!($field), "(), None);")]
                #[doc = concat!("let value = ", $new, ".", stringify!($field), "(", stringify!($example), ").build();")]
                #[doc = concat!("assert_eq!(value.", stringify!($field), "(), Some(", stringify!($example), "));")]
                /// ```
                pub fn $field(&self) -> Option<&str> {
                    self.$field.as_deref()
                }
            )+
        }
    };
}

#[macro_use]
mod shared;

pub(crate) mod check;
pub(crate) mod checkbox;
pub(crate) mod configuration;
pub(crate) mod customer;
pub(crate) mod expires_at;
pub(crate) mod express;
pub(crate) mod merchant;
pub(crate) mod metadata;
pub(crate) mod parts;
pub(crate) mod profile;
pub(crate) mod session_body;
pub(crate) mod update;

pub use checkbox::{Checkbox, CheckboxBuilder, CheckboxLink};
pub use configuration::{Channel, Configuration, ConfigurationBuilder};
pub use customer::{Customer, CustomerBuilder};
pub use express::{
    CustomerType, DiscountCodes, DiscountCodesBuilder, Express, ExpressBuilder, ShippingMode,
};
pub use merchant::{Merchant, MerchantBuilder};
pub use metadata::{MetadataNumber, MetadataValue};

pub use profile::{SessionProfile, SessionProfileBuilder};
pub use session_body::{Session, SessionBuilder};
pub use update::{SessionUpdate, SessionUpdateBuilder};
