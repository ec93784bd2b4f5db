//! [`ParseOptions`] and what a parse gives back: [`Parsed`], the value and its warnings.

use crate::error::Violation;
#[cfg(doc)]
use crate::{Order, Rule, SessionProfile};

/// How [`from_json_with`](SessionProfile::from_json_with) treats fields the spec does not
/// define.
///
/// ```
/// use dintero_order_core::{Order, ParseOptions};
///
/// let body = br#"{"amount":0,"currency":"NOK","merchant_reference":"r","tax_rate":0}"#;
/// assert!(Order::from_json_with(body, &ParseOptions::strict()).is_err());
/// let parsed = Order::from_json_with(body, &ParseOptions::lenient())?;
/// assert_eq!(parsed.warnings()[0].path(), "order.tax_rate");
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParseOptions {
    lenient: bool,
    faithful: bool,
}

impl ParseOptions {
    /// Unknown fields are errors (the default, and what [`from_json`](Order::from_json)
    /// does): a misspelt field is a real bug, since Dintero would not see the value.
    ///
    /// ```
    /// use dintero_order_core::ParseOptions;
    /// assert!(!ParseOptions::strict().is_lenient());
    /// assert_eq!(ParseOptions::default(), ParseOptions::strict());
    /// ```
    pub const fn strict() -> ParseOptions {
        ParseOptions {
            lenient: false,
            faithful: false,
        }
    }

    /// Unknown fields are dropped and reported as warnings ([`Parsed::warnings`]), for bodies
    /// made by systems that add their own keys (WooCommerce's `tax_rate` on gift-card lines).
    /// Every other rule still applies, and the parsed value holds only fields the spec
    /// defines.
    ///
    /// ```
    /// use dintero_order_core::ParseOptions;
    /// assert!(ParseOptions::lenient().is_lenient());
    /// ```
    pub const fn lenient() -> ParseOptions {
        ParseOptions {
            lenient: true,
            faithful: false,
        }
    }

    /// For what Dintero sends back (a session it read back, the session it posts to the
    /// express callbacks): read as Dintero wrote it. Unknown fields are dropped and
    /// reported as warnings, as with [`lenient`](Self::lenient) (Dintero adds fields), and
    /// a broken rule of this crate's own ([`RuleOwner::Crate`](crate::RuleOwner): exact VAT,
    /// totals that add up, …) is a warning too, not an error: Dintero's own create-session
    /// example, VAT 6000 on 29990 at 25 %, loads. Dintero's rules (types, enums, lengths,
    /// formats, required fields) still fail the parse.
    ///
    /// A value read this way holds what Dintero holds. To send it as a new request, build
    /// one: a request the crate builds follows every rule.
    ///
    /// ```
    /// use dintero_order_core::{Order, ParseOptions, Rule};
    ///
    /// let body = br#"{"amount":29990,"currency":"NOK","merchant_reference":"r","vat_amount":6000,
    ///     "items":[{"line_id":"1","amount":29990,"vat":25,"vat_amount":6000}],"sent_at":"x"}"#;
    /// assert!(Order::from_json(body).is_err());
    /// let parsed = Order::from_json_with(body, &ParseOptions::faithful())?;
    /// assert_eq!(parsed.value().vat_amount().minor_units(), 6000);
    /// let rules: Vec<Rule> = parsed.warnings().iter().map(|w| w.rule()).collect();
    /// assert_eq!(rules, [Rule::UnknownField, Rule::VatAmount]);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub const fn faithful() -> ParseOptions {
        ParseOptions {
            lenient: true,
            faithful: true,
        }
    }

    /// Whether the crate's own stricter rules are warnings rather than errors
    /// ([`faithful`](Self::faithful)).
    ///
    /// ```
    /// use dintero_order_core::ParseOptions;
    /// assert!(ParseOptions::faithful().is_faithful());
    /// assert!(!ParseOptions::lenient().is_faithful());
    /// ```
    pub const fn is_faithful(&self) -> bool {
        self.faithful
    }

    /// Whether unknown fields are warnings rather than errors.
    ///
    /// ```
    /// use dintero_order_core::ParseOptions;
    /// assert!(ParseOptions::lenient().is_lenient());
    /// ```
    pub const fn is_lenient(&self) -> bool {
        self.lenient
    }
}

/// A parsed, valid value and what was dropped on the way (lenient parsing only).
///
/// ```
/// use dintero_order_core::{Order, ParseOptions, Rule};
///
/// let body = br#"{"amount":1000,"currency":"NOK","merchant_reference":"r",
///     "items":[{"amount":1000,"vat":0,"vat_amount":0,"tax_rate":0}]}"#;
/// let parsed = Order::from_json_with(body, &ParseOptions::lenient())?;
/// let warning = &parsed.warnings()[0];
/// assert_eq!((warning.rule(), warning.path()), (Rule::UnknownField, "order.items[0].tax_rate"));
/// let order = parsed.into_value();
/// assert_eq!(order.amount().minor_units(), 1000);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    value: T,
    warnings: Vec<Violation>,
    unlisted_warnings: usize,
}

impl<T> Parsed<T> {
    pub(crate) fn with_warnings(
        value: T,
        warnings: Vec<Violation>,
        unlisted_warnings: usize,
    ) -> Parsed<T> {
        Parsed {
            value,
            warnings,
            unlisted_warnings,
        }
    }

    /// The parsed value.
    ///
    /// ```
    /// use dintero_order_core::{Order, ParseOptions};
    /// let body = br#"{"amount":0,"currency":"NOK","merchant_reference":"r"}"#;
    /// let parsed = Order::from_json_with(body, &ParseOptions::strict())?;
    /// assert_eq!(parsed.value().merchant_reference(), "r");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The fields that were dropped, as [`Rule::UnknownField`] violations with their paths,
    /// in document order; always empty for strict parsing. At most
    /// [`MAX_LISTED`](crate::MAX_LISTED) (100) are kept: the rest are counted
    /// ([`unlisted_warnings`](Self::unlisted_warnings)).
    ///
    /// ```
    /// use dintero_order_core::{Order, ParseOptions};
    /// let body = br#"{"amount":0,"currency":"NOK","merchant_reference":"r"}"#;
    /// let parsed = Order::from_json_with(body, &ParseOptions::lenient())?;
    /// assert!(parsed.warnings().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// How many fields were dropped beyond the [`MAX_LISTED`](crate::MAX_LISTED) kept in
    /// [`warnings`](Self::warnings).
    ///
    /// ```
    /// use dintero_order_core::{Order, ParseOptions};
    /// let line = r#"{"amount":0,"tax_rate":0}"#;
    /// let lines = vec![line; 150].join(",");
    /// let body = format!(r#"{{"amount":0,"currency":"NOK","merchant_reference":"r","items":[{lines}]}}"#);
    /// let parsed = Order::from_json_with(body.as_bytes(), &ParseOptions::lenient())?;
    /// assert_eq!((parsed.warnings().len(), parsed.unlisted_warnings()), (100, 50));
    /// assert_eq!(parsed.warnings()[99].path(), "order.items[99].tax_rate");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn unlisted_warnings(&self) -> usize {
        self.unlisted_warnings
    }

    /// The parsed value, without the warnings.
    ///
    /// ```
    /// use dintero_order_core::{Order, ParseOptions};
    /// let body = br#"{"amount":0,"currency":"NOK","merchant_reference":"r"}"#;
    /// let order = Order::from_json_with(body, &ParseOptions::lenient())?.into_value();
    /// assert_eq!(order.amount().minor_units(), 0);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn into_value(self) -> T {
        self.value
    }

    /// The parsed value and the warnings.
    ///
    /// ```
    /// use dintero_order_core::{Order, ParseOptions};
    /// let body = br#"{"amount":0,"currency":"NOK","merchant_reference":"r","extra":1}"#;
    /// let (order, warnings) = Order::from_json_with(body, &ParseOptions::lenient())?.into_parts();
    /// assert_eq!((order.merchant_reference(), warnings.len()), ("r", 1));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn into_parts(self) -> (T, Vec<Violation>) {
        (self.value, self.warnings)
    }
}
