//! `checkboxes`: up to two extra checkboxes in the checkout.

use serde::{Deserialize, Serialize};

use super::check;
use crate::error::{Rule, Violations};

/// A label must have this many characters.
const LABEL_LENGTH: std::ops::RangeInclusive<usize> = 2..=99;

/// One entry of `checkboxes`: a checkbox the customer sees in the checkout, such as a
/// newsletter opt-in or extra terms.
///
/// Made by [`Checkbox::builder`]. `id` is required and the `label` has 2 to 99 characters;
/// the session checks both when it is built.
///
/// ```
/// use dintero_order_core::Checkbox;
///
/// let newsletter = Checkbox::builder("newsletter", "Send me offers")
///     .checked(true)
///     .link("https://example.com/privacy", "Privacy")
///     .build();
/// assert_eq!(
///     serde_json::to_string(&newsletter)?,
///     r#"{"id":"newsletter","label":"Send me offers","checked":true,"link":{"url":"https://example.com/privacy","text":"Privacy"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checkbox {
    pub(crate) id: String,
    pub(crate) label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) checked: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) link: Option<CheckboxLink>,
}

/// The `link` of a [`Checkbox`]: a URL and the text shown for it.
///
/// ```
/// use dintero_order_core::Checkbox;
/// let terms = Checkbox::builder("terms", "I accept the terms")
///     .link("https://example.com/terms", "Terms")
///     .build();
/// let link = terms.link().unwrap();
/// assert_eq!((link.url(), link.text()), ("https://example.com/terms", "Terms"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a checkbox link (a JSON object)")]
pub struct CheckboxLink {
    url: String,
    text: String,
}

/// Collects the fields of a [`Checkbox`]; made by [`Checkbox::builder`]. Every setter takes
/// and returns the builder by value; [`build`](Self::build) cannot fail, since the session
/// checks the checkbox.
#[derive(Debug, Clone)]
#[must_use = "a checkbox builder does nothing until `.build()` is called"]
pub struct CheckboxBuilder(Checkbox);

impl Checkbox {
    /// Starts a checkbox with the id you will find it by and the label shown next to it.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::builder("newsletter", "Send me offers").build();
    /// assert_eq!((checkbox.id(), checkbox.label()), ("newsletter", "Send me offers"));
    /// ```
    pub fn builder(id: impl Into<String>, label: impl Into<String>) -> CheckboxBuilder {
        CheckboxBuilder(Checkbox {
            id: id.into(),
            label: label.into(),
            checked: None,
            required: None,
            link: None,
        })
    }

    /// `id`.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::builder("newsletter", "Offers").build().id(), "newsletter");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// `label`.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::builder("newsletter", "Offers").build().label(), "Offers");
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// `checked`, if set.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::builder("newsletter", "Offers").build().checked(), None);
    /// ```
    pub fn checked(&self) -> Option<bool> {
        self.checked
    }

    /// `required`, if set.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::builder("newsletter", "Offers").build().required(), None);
    /// ```
    pub fn required(&self) -> Option<bool> {
        self.required
    }

    /// `link`, if set.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert!(Checkbox::builder("newsletter", "Offers").build().link().is_none());
    /// ```
    pub fn link(&self) -> Option<&CheckboxLink> {
        self.link.as_ref()
    }

    /// Checks `id`, `label` and `link`; paths start at `path` (`checkboxes[1]`).
    pub(super) fn validate(&self, path: &str, v: &mut Violations) {
        if self.id.is_empty() {
            v.add(
                Rule::Required,
                format_args!("{path}.id"),
                "a non-empty string",
                "\"\"",
            );
        }
        let length = self.label.chars().count();
        if !LABEL_LENGTH.contains(&length) {
            v.add(
                Rule::Length,
                format_args!("{path}.label"),
                "2 to 99 characters",
                check::count(length, "character", "characters"),
            );
        }
        if let Some(link) = &self.link {
            check::http_url(&link.url, format_args!("{path}.link.url"), v);
            if link.text.is_empty() {
                v.add(
                    Rule::Required,
                    format_args!("{path}.link.text"),
                    "a non-empty string",
                    "\"\"",
                );
            }
        }
    }
}

impl CheckboxBuilder {
    /// Sets `checked`: whether the box starts checked.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::builder("n", "Offers").checked(true).build().checked(), Some(true));
    /// ```
    pub fn checked(mut self, checked: bool) -> CheckboxBuilder {
        self.0.checked = Some(checked);
        self
    }

    /// Sets `required`: whether the customer must check it to pay.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::builder("t", "I accept").required(true).build().required(), Some(true));
    /// ```
    pub fn required(mut self, required: bool) -> CheckboxBuilder {
        self.0.required = Some(required);
        self
    }

    /// Sets `link`: an absolute http(s) URL and its text, shown with the label.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::builder("t", "I accept")
    ///     .link("https://example.com/terms", "Terms")
    ///     .build();
    /// assert_eq!(checkbox.link().map(|link| link.text()), Some("Terms"));
    /// ```
    pub fn link(mut self, url: impl Into<String>, text: impl Into<String>) -> CheckboxBuilder {
        self.0.link = Some(CheckboxLink {
            url: url.into(),
            text: text.into(),
        });
        self
    }

    /// The checkbox. Nothing is checked here: the session checks it when it is built.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::builder("terms", "I accept").required(true).build();
    /// assert_eq!(checkbox.required(), Some(true));
    /// ```
    pub fn build(self) -> Checkbox {
        self.0
    }
}

impl CheckboxLink {
    /// The link's URL.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::builder("t", "I accept")
    ///     .link("https://example.com/terms", "Terms")
    ///     .build();
    /// assert_eq!(checkbox.link().map(|link| link.url()), Some("https://example.com/terms"));
    /// ```
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The link's text.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::builder("t", "I accept")
    ///     .link("https://example.com/terms", "Terms")
    ///     .build();
    /// assert_eq!(checkbox.link().map(|link| link.text()), Some("Terms"));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}
