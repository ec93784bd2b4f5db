//! The text and id roles: what a string or integer field becomes.

use super::*;

/// A string field used as `description` or `thumbnail_url` (and as `id` or `line_id`, which
/// take integers too: [`AsId`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as text in a Dintero order line",
    label = "expected a string type (`String`, `&str`, `Cow<str>`, `Box<str>`, `Arc<str>`)",
    note = "`description` is required: it cannot be `Option`"
)]
pub trait AsText {
    /// Borrows the text.
    fn as_text(&self) -> Cow<'_, str>;
}

impl AsText for str {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}
impl AsText for String {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}
impl AsText for Cow<'_, str> {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}
impl AsText for Box<str> {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}
impl AsText for Rc<str> {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}
impl AsText for Arc<str> {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}
impl<T: AsText + ?Sized> AsText for &T {
    #[inline]
    fn as_text(&self) -> Cow<'_, str> {
        (**self).as_text()
    }
}

/// An optional string field (`thumbnail_url`): a string type or `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as optional text in a Dintero order line",
    label = "expected a string type or an `Option` of one"
)]
pub trait AsOptionalText {
    /// Borrows the text, if any.
    fn as_optional_text(&self) -> Option<Cow<'_, str>>;
}

impl<T: AsText + ?Sized> AsOptionalText for T {
    #[inline]
    fn as_optional_text(&self) -> Option<Cow<'_, str>> {
        Some(self.as_text())
    }
}
impl<T: AsText> AsOptionalText for Option<T> {
    #[inline]
    fn as_optional_text(&self) -> Option<Cow<'_, str>> {
        self.as_ref().map(AsText::as_text)
    }
}

/// An `id` field: a string type or an integer type (a numeric product id, written in the JSON
/// as a decimal string: `"id":"42"`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as the id of a Dintero order line",
    label = "expected a string type (`String`, `&str`, `Cow<str>`, `Box<str>`, `Arc<str>`) or an integer type (`u64`, `i32`, …)",
    note = "`id` is required: it cannot be `Option`"
)]
pub trait AsId {
    /// Borrows the text, or takes the number.
    fn as_id(&self) -> IdArg<'_>;
}

/// An `id` or `line_id` as a field gives it: borrowed text or a number, which the order
/// writes out when it copies the line's text.
pub struct IdArg<'a>(pub(super) IdInput<'a>);

macro_rules! text_ids {
    ($($text:ty),*) => {$(
        impl AsId for $text {
            #[inline]
            fn as_id(&self) -> IdArg<'_> {
                IdArg(IdInput::Text(self.as_text()))
            }
        }
    )*};
}
text_ids!(str, String, Cow<'_, str>, Box<str>, Rc<str>, Arc<str>);

macro_rules! integer_ids {
    ($make:ident, $wide:ty: $($int:ty),*) => {$(
        impl AsId for $int {
            #[inline]
            fn as_id(&self) -> IdArg<'_> {
                IdArg(IdInput::$make(<$wide>::from(*self)))
            }
        }
    )*};
}
integer_ids!(unsigned, u128: u8, u16, u32, u64, u128);
integer_ids!(signed, i128: i8, i16, i32, i64, i128);

impl AsId for usize {
    #[inline]
    fn as_id(&self) -> IdArg<'_> {
        // Lossless: no platform's usize is wider than 128 bits.
        IdArg(IdInput::unsigned(*self as u128))
    }
}
impl AsId for isize {
    #[inline]
    fn as_id(&self) -> IdArg<'_> {
        // Lossless: no platform's isize is wider than 128 bits.
        IdArg(IdInput::signed(*self as i128))
    }
}

impl<T: AsId + ?Sized> AsId for &T {
    #[inline]
    fn as_id(&self) -> IdArg<'_> {
        (**self).as_id()
    }
}

/// A `line_id` field: what an `id` takes, or an `Option` of it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as the line_id of a Dintero order line",
    label = "expected a string type, an integer type, or an `Option` of one"
)]
pub trait AsOptionalId {
    /// The id, if any.
    fn as_optional_id(&self) -> Option<IdArg<'_>>;
}

impl<T: AsId + ?Sized> AsOptionalId for T {
    #[inline]
    fn as_optional_id(&self) -> Option<IdArg<'_>> {
        Some(self.as_id())
    }
}
impl<T: AsId> AsOptionalId for Option<T> {
    #[inline]
    fn as_optional_id(&self) -> Option<IdArg<'_>> {
        self.as_ref().map(AsId::as_id)
    }
}
