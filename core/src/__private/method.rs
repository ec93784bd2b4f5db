//! Roles given by a method (`#[checkout(id = Self::sku)]`): what the method's return value
//! becomes. The derive calls the method as written (`Self::sku(self)`), so a missing method
//! or one of another shape is the compiler's own error at the attribute. Text and ids are
//! taken by value, so a method may return borrowed text (`&str`, kept borrowed) as well as
//! computed text (`String`, moved in, never copied).

use super::*;

/// A method's return value used as `description` (and inside [`IntoOptionalText`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as text in a Dintero order line",
    label = "expected the method to return a string type (`&str`, `String`, `Cow<str>`, …)",
    note = "`description` is required: it cannot be `Option`"
)]
pub trait IntoText<'a> {
    /// The text, borrowed when it was, moved in when it was computed.
    fn into_text(self) -> Cow<'a, str>;
}

impl<'a, T: AsText + ?Sized> IntoText<'a> for &'a T {
    #[inline]
    fn into_text(self) -> Cow<'a, str> {
        self.as_text()
    }
}
impl<'a> IntoText<'a> for String {
    #[inline]
    fn into_text(self) -> Cow<'a, str> {
        Cow::Owned(self)
    }
}
impl<'a> IntoText<'a> for Cow<'a, str> {
    #[inline]
    fn into_text(self) -> Cow<'a, str> {
        self
    }
}
impl<'a> IntoText<'a> for Box<str> {
    #[inline]
    fn into_text(self) -> Cow<'a, str> {
        Cow::Owned(self.into_string())
    }
}

/// A method's return value used as `thumbnail_url`: text, or an `Option` of it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as optional text in a Dintero order line",
    label = "expected the method to return a string type or an `Option` of one"
)]
pub trait IntoOptionalText<'a> {
    /// The text, if any.
    fn into_optional_text(self) -> Option<Cow<'a, str>>;
}

impl<'a, T: IntoText<'a>> IntoOptionalText<'a> for T {
    #[inline]
    fn into_optional_text(self) -> Option<Cow<'a, str>> {
        Some(self.into_text())
    }
}
impl<'a, T: IntoText<'a>> IntoOptionalText<'a> for Option<T> {
    #[inline]
    fn into_optional_text(self) -> Option<Cow<'a, str>> {
        self.map(IntoText::into_text)
    }
}

/// A method's return value used as `id` (and inside [`IntoOptionalId`]): text or an integer.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as the id of a Dintero order line",
    label = "expected the method to return a string type (`&str`, `String`, `Cow<str>`, …) or an integer type",
    note = "`id` is required: it cannot be `Option`"
)]
pub trait IntoId<'a> {
    /// The id, borrowed when it was.
    fn into_id(self) -> IdArg<'a>;
}

impl<'a, T: AsId + ?Sized> IntoId<'a> for &'a T {
    #[inline]
    fn into_id(self) -> IdArg<'a> {
        self.as_id()
    }
}
impl<'a> IntoId<'a> for String {
    #[inline]
    fn into_id(self) -> IdArg<'a> {
        IdArg(IdInput::Text(Cow::Owned(self)))
    }
}
impl<'a> IntoId<'a> for Cow<'a, str> {
    #[inline]
    fn into_id(self) -> IdArg<'a> {
        IdArg(IdInput::Text(self))
    }
}

macro_rules! integer_into_ids {
    ($make:ident, $wide:ty: $($int:ty),*) => {$(
        impl<'a> IntoId<'a> for $int {
            #[inline]
            fn into_id(self) -> IdArg<'a> {
                // Lossless: no integer type here is wider than 128 bits.
                IdArg(IdInput::$make(self as $wide))
            }
        }
    )*};
}
integer_into_ids!(unsigned, u128: u8, u16, u32, u64, u128, usize);
integer_into_ids!(signed, i128: i8, i16, i32, i64, i128, isize);

/// A method's return value used as `line_id`: what an `id` takes, or an `Option` of it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as the line_id of a Dintero order line",
    label = "expected the method to return a string type, an integer type, or an `Option` of one"
)]
pub trait IntoOptionalId<'a> {
    /// The id, if any.
    fn into_optional_id(self) -> Option<IdArg<'a>>;
}

impl<'a, T: IntoId<'a>> IntoOptionalId<'a> for T {
    #[inline]
    fn into_optional_id(self) -> Option<IdArg<'a>> {
        Some(self.into_id())
    }
}
impl<'a, T: IntoId<'a>> IntoOptionalId<'a> for Option<T> {
    #[inline]
    fn into_optional_id(self) -> Option<IdArg<'a>> {
        self.map(IntoId::into_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item {
        sku: String,
        code: u32,
    }

    impl Item {
        fn sku(&self) -> &str {
            &self.sku
        }
        fn title(&self) -> String {
            format!("{} ({})", self.sku, self.code)
        }
        fn maybe(&self) -> Option<&String> {
            Some(&self.sku)
        }
    }

    #[test]
    fn borrowed_text_stays_borrowed_and_computed_text_is_moved_in() {
        let item = Item {
            sku: "tee-l".into(),
            code: 7,
        };
        let borrowed = IntoText::into_text(Item::sku(&item));
        assert!(matches!(&borrowed, Cow::Borrowed(text) if std::ptr::eq(*text, item.sku.as_str())));
        assert!(
            matches!(IntoText::into_text(Item::title(&item)), Cow::Owned(t) if t == "tee-l (7)")
        );
        let IdArg(id) = IntoId::into_id(Item::sku(&item));
        assert!(matches!(id, IdInput::Text(Cow::Borrowed("tee-l"))));
        let IdArg(id) = IntoId::into_id(item.code);
        assert_eq!(id, IdInput::Unsigned(7));
        let optional = IntoOptionalText::into_optional_text(Item::maybe(&item));
        assert!(matches!(optional, Some(Cow::Borrowed("tee-l"))));
    }
}
