//! `checkboxes`: up to two extra checkboxes in the checkout.

use serde::{Deserialize, Serialize};

use super::check;
use crate::error::{Rule, Violations};

/// A label must have this many characters.
const LABEL_LENGTH: std::ops::RangeInclusive<usize> = 2..=99;

/// One entry of `checkboxes`: a checkbox the customer sees in the checkout, such as a
/// newsletter opt-in or extra terms.
///
/// `id` is required and the `label` has 2 to 99 characters; the session checks both.
///
/// ```
/// use dintero_order_core::Checkbox;
///
/// let newsletter = Checkbox::new("newsletter", "Send me offers")
///     .checked(true)
///     .link("https://example.com/privacy", "Privacy");
/// assert_eq!(
///     serde_json::to_string(&newsletter)?,
///     r#"{"id":"newsletter","label":"Send me offers","checked":true,"link":{"url":"https://example.com/privacy","text":"Privacy"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a checkbox (a JSON object)")]
pub struct Checkbox {
    id: String,
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checked: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    #[serde(
        default,
        deserialize_with = "crate::parse::object_opt",
        skip_serializing_if = "Option::is_none"
    )]
    link: Option<CheckboxLink>,
}

/// The `link` of a [`Checkbox`]: a URL and the text shown for it.
///
/// ```
/// use dintero_order_core::Checkbox;
/// let terms = Checkbox::new("terms", "I accept the terms").link("https://example.com/terms", "Terms");
/// let link = terms.get_link().unwrap();
/// assert_eq!((link.url(), link.text()), ("https://example.com/terms", "Terms"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a checkbox link (a JSON object)")]
pub struct CheckboxLink {
    url: String,
    text: String,
}

impl Checkbox {
    /// A checkbox with the id you will find it by and the label shown next to it.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::new("newsletter", "Send me offers");
    /// assert_eq!((checkbox.get_id(), checkbox.get_label()), ("newsletter", "Send me offers"));
    /// ```
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Checkbox {
        Checkbox {
            id: id.into(),
            label: label.into(),
            checked: None,
            required: None,
            link: None,
        }
    }

    /// Sets `checked`: whether the box starts checked.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::new("n", "Offers").checked(true).get_checked(), Some(true));
    /// ```
    pub fn checked(mut self, checked: bool) -> Checkbox {
        self.checked = Some(checked);
        self
    }

    /// Sets `required`: whether the customer must check it to pay.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::new("t", "I accept").required(true).get_required(), Some(true));
    /// ```
    pub fn required(mut self, required: bool) -> Checkbox {
        self.required = Some(required);
        self
    }

    /// Sets `link`: an absolute http(s) URL and its text, shown with the label.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::new("t", "I accept").link("https://example.com/terms", "Terms");
    /// assert_eq!(checkbox.get_link().map(|link| link.text()), Some("Terms"));
    /// ```
    pub fn link(mut self, url: impl Into<String>, text: impl Into<String>) -> Checkbox {
        self.link = Some(CheckboxLink {
            url: url.into(),
            text: text.into(),
        });
        self
    }

    /// `id`.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::new("newsletter", "Offers").get_id(), "newsletter");
    /// ```
    pub fn get_id(&self) -> &str {
        &self.id
    }

    /// `label`.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::new("newsletter", "Offers").get_label(), "Offers");
    /// ```
    pub fn get_label(&self) -> &str {
        &self.label
    }

    /// `checked`, if set.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::new("newsletter", "Offers").get_checked(), None);
    /// ```
    pub fn get_checked(&self) -> Option<bool> {
        self.checked
    }

    /// `required`, if set.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert_eq!(Checkbox::new("newsletter", "Offers").get_required(), None);
    /// ```
    pub fn get_required(&self) -> Option<bool> {
        self.required
    }

    /// `link`, if set.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// assert!(Checkbox::new("newsletter", "Offers").get_link().is_none());
    /// ```
    pub fn get_link(&self) -> Option<&CheckboxLink> {
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

impl CheckboxLink {
    /// The link's URL.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::new("t", "I accept").link("https://example.com/terms", "Terms");
    /// assert_eq!(checkbox.get_link().map(|link| link.url()), Some("https://example.com/terms"));
    /// ```
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The link's text.
    ///
    /// ```
    /// use dintero_order_core::Checkbox;
    /// let checkbox = Checkbox::new("t", "I accept").link("https://example.com/terms", "Terms");
    /// assert_eq!(checkbox.get_link().map(|link| link.text()), Some("Terms"));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}
