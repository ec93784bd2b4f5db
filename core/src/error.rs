//! The one error type: every broken rule, each with its JSON path.

use std::fmt;

/// The rule a value broke.
///
/// Match on this to react to a kind of problem; the [`Violation`] carries the path and the
/// human-readable detail.
///
/// ```
/// use dintero_order_core::{Currency, Error, Order, Rule};
///
/// let err: Error = Order::builder(Currency::NOK, "").build().unwrap_err();
/// assert_eq!(err.violations()[0].rule(), Rule::Required);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A currency code that is not ISO 4217, or one without a minor unit (`XAU`).
    Currency,
    /// A price in another currency than the order's.
    CurrencyMismatch,
    /// A computation left the range of the integer that holds it.
    Overflow,
    /// `order.amount` or `order.vat_amount` does not fit Dintero's `int32`.
    Int32Range,
    /// A quantity that is zero, negative or not representable as a JSON number.
    Quantity,
    /// A VAT rate outside 0..=100, with more than 2 decimals, or strictly between 0 and 1 (a
    /// fraction such as `0.25` where the percentage `25` was meant).
    VatRate,
    /// A line's `vat_amount` that is neither the floor nor the ceiling of the exact VAT.
    VatAmount,
    /// A negative amount on a line that is neither a gift card nor a rounding line.
    NegativeAmount,
    /// A `line_id` used twice among the items and the shipping option.
    DuplicateLineId,
    /// `order.amount` differs from the sum of the lines.
    OrderAmount,
    /// `order.vat_amount` differs from the sum of the lines' VAT.
    OrderVatAmount,
    /// A required value that is missing or empty.
    Required,
    /// A URL that is not absolute, not http(s), not https, or points at localhost.
    Url,
    /// A string longer or shorter than the spec allows.
    Length,
    /// More entries than the spec allows (metadata keys, checkboxes, gift cards).
    TooMany,
    /// A string that does not match the spec's pattern or format.
    Format,
    /// A merchant-stated total further from the computed one than the stated tolerance.
    RoundingTolerance,
    /// An order-level discount that cannot be allocated.
    Discount,
    /// A JSON key that Dintero's spec does not define.
    UnknownField,
    /// A JSON value of the wrong type or shape.
    Type,
    /// Bytes that are not JSON at all (the path is empty; `found` gives the line and column).
    Syntax,
    /// The same key twice in one JSON object.
    DuplicateKey,
}

impl Rule {
    /// Every rule, in declaration order.
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert!(Rule::ALL.contains(&Rule::VatAmount));
    /// // Every rule has its own name.
    /// let names: std::collections::BTreeSet<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
    /// assert_eq!(names.len(), Rule::ALL.len());
    /// ```
    pub const ALL: [Rule; 22] = [
        Rule::Currency,
        Rule::CurrencyMismatch,
        Rule::Overflow,
        Rule::Int32Range,
        Rule::Quantity,
        Rule::VatRate,
        Rule::VatAmount,
        Rule::NegativeAmount,
        Rule::DuplicateLineId,
        Rule::OrderAmount,
        Rule::OrderVatAmount,
        Rule::Required,
        Rule::Url,
        Rule::Length,
        Rule::TooMany,
        Rule::Format,
        Rule::RoundingTolerance,
        Rule::Discount,
        Rule::UnknownField,
        Rule::Type,
        Rule::Syntax,
        Rule::DuplicateKey,
    ];

    /// A stable snake_case name for reports and logs (`vat_amount`, `unknown_field`, …).
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert_eq!(Rule::UnknownField.as_str(), "unknown_field");
    /// assert_eq!(Rule::Int32Range.as_str(), "int32_range");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Currency => "currency",
            Rule::CurrencyMismatch => "currency_mismatch",
            Rule::Overflow => "overflow",
            Rule::Int32Range => "int32_range",
            Rule::Quantity => "quantity",
            Rule::VatRate => "vat_rate",
            Rule::VatAmount => "vat_amount",
            Rule::NegativeAmount => "negative_amount",
            Rule::DuplicateLineId => "duplicate_line_id",
            Rule::OrderAmount => "order_amount",
            Rule::OrderVatAmount => "order_vat_amount",
            Rule::Required => "required",
            Rule::Url => "url",
            Rule::Length => "length",
            Rule::TooMany => "too_many",
            Rule::Format => "format",
            Rule::RoundingTolerance => "rounding_tolerance",
            Rule::Discount => "discount",
            Rule::UnknownField => "unknown_field",
            Rule::Type => "type",
            Rule::Syntax => "syntax",
            Rule::DuplicateKey => "duplicate_key",
        }
    }
}

impl fmt::Display for Rule {
    /// The [`as_str`](Rule::as_str) name.
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert_eq!(Rule::VatRate.to_string(), "vat_rate");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Rule {
    /// Serializes as the [`as_str`](Rule::as_str) name.
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// assert_eq!(serde_json::to_string(&Rule::Type).unwrap(), r#""type""#);
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One broken rule: where (`order.items[2].vat`), what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    rule: Rule,
    path: String,
    expected: String,
    found: String,
}

impl Violation {
    /// Creates a violation. Paths use dots and `[index]`, as in `order.items[2].vat`.
    ///
    /// ```
    /// use dintero_order_core::{Rule, Violation};
    ///
    /// let v = Violation::new(Rule::VatRate, "order.items[0].vat", "0..=100", "250");
    /// assert_eq!(v.to_string(), "order.items[0].vat: expected 0..=100, found 250");
    /// ```
    pub fn new(
        rule: Rule,
        path: impl Into<String>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        Violation {
            rule,
            path: path.into(),
            expected: expected.into(),
            found: found.into(),
        }
    }

    /// The rule that was broken.
    ///
    /// ```
    /// # use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::Url, "url.return_url", "an absolute http(s) URL", "\"/ok\"");
    /// assert_eq!(v.rule(), Rule::Url);
    /// ```
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The JSON path of the offending value, e.g. `order.items[2].vat`.
    ///
    /// ```
    /// # use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::Url, "url.return_url", "an absolute http(s) URL", "\"/ok\"");
    /// assert_eq!(v.path(), "url.return_url");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the rule expects.
    ///
    /// ```
    /// # use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::Url, "url.return_url", "an absolute http(s) URL", "\"/ok\"");
    /// assert_eq!(v.expected(), "an absolute http(s) URL");
    /// ```
    pub fn expected(&self) -> &str {
        &self.expected
    }

    /// What was found instead.
    ///
    /// ```
    /// # use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::Url, "url.return_url", "an absolute http(s) URL", "\"/ok\"");
    /// assert_eq!(v.found(), "\"/ok\"");
    /// ```
    pub fn found(&self) -> &str {
        &self.found
    }
}

impl serde::Serialize for Violation {
    /// A machine-readable report entry: `{"rule", "path", "expected", "found"}`.
    ///
    /// ```
    /// use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::VatRate, "order.items[0].vat", "0..=100", "250");
    /// assert_eq!(
    ///     serde_json::to_string(&v).unwrap(),
    ///     r#"{"rule":"vat_rate","path":"order.items[0].vat","expected":"0..=100","found":"250"}"#
    /// );
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Violation", 4)?;
        s.serialize_field("rule", &self.rule)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("expected", &self.expected)?;
        s.serialize_field("found", &self.found)?;
        s.end()
    }
}

impl fmt::Display for Violation {
    /// `path: expected …, found …`; a problem with the whole document (bytes that are not
    /// JSON, a body that is not an object) has an empty path and no `path: ` prefix.
    ///
    /// ```
    /// use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::Syntax, "", "a JSON document", "EOF at line 1 column 0");
    /// assert_eq!(v.to_string(), "expected a JSON document, found EOF at line 1 column 0");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "expected {}, found {}", self.expected, self.found)
    }
}

/// Every problem found in one construction or parse, never just the first.
///
/// `Display` lists them all, one per line:
///
/// ```
/// use dintero_order_core::{Currency, Order};
///
/// let err = Order::builder(Currency::NOK, "").build().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid Dintero payload: order.merchant_reference: expected a non-empty string, found \"\""
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    violations: Vec<Violation>,
}

impl Error {
    /// The problems, in the order they were found (document order).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let err = Order::builder(Currency::NOK, "").build().unwrap_err();
    /// assert_eq!(err.violations().len(), 1);
    /// ```
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Consumes the error, returning its problems.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let err = Order::builder(Currency::NOK, "").build().unwrap_err();
    /// let paths: Vec<String> = err.into_violations().into_iter().map(|v| v.path().to_owned()).collect();
    /// assert_eq!(paths, ["order.merchant_reference"]);
    /// ```
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// An error holding exactly one violation.
    pub(crate) fn single(violation: Violation) -> Self {
        Error {
            violations: vec![violation],
        }
    }

    /// An error holding these violations; call only with at least one.
    pub(crate) fn from_violations(violations: Vec<Violation>) -> Self {
        Error { violations }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.violations.as_slice() {
            [one] => write!(f, "invalid Dintero payload: {one}"),
            many => {
                write!(f, "invalid Dintero payload: {} problems", many.len())?;
                for v in many {
                    write!(f, "\n  {v}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<Violation> for Error {
    fn from(violation: Violation) -> Self {
        Error::single(violation)
    }
}

/// Collects violations while a value is checked; turns into `Result` once at the end.
///
/// Paths are built only when something is wrong, so the happy path allocates nothing here.
#[derive(Debug, Clone, Default)]
pub(crate) struct Violations {
    found: Vec<Violation>,
}

impl Violations {
    pub(crate) fn new() -> Self {
        Violations::default()
    }

    pub(crate) fn push(&mut self, violation: Violation) {
        self.found.push(violation);
    }

    /// Records a violation; `path` is formatted only now that it is needed.
    pub(crate) fn add(
        &mut self,
        rule: Rule,
        path: impl fmt::Display,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) {
        self.found
            .push(Violation::new(rule, path.to_string(), expected, found));
    }

    /// Inserts a violation found later at the place it belongs (`at ≤ len`).
    pub(crate) fn insert(&mut self, at: usize, violation: Violation) {
        let at = at.min(self.found.len());
        self.found.insert(at, violation);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.found.len()
    }

    /// The collected violations as an error; call only when something was found.
    pub(crate) fn into_error(self) -> Error {
        Error {
            violations: self.found,
        }
    }

    /// `Ok(value)` when nothing was found, else every violation at once.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Error> {
        if self.found.is_empty() {
            Ok(value)
        } else {
            Err(Error {
                violations: self.found,
            })
        }
    }
}

/// Quotes a string for the `found` part of a message, as JSON would show it.
pub(crate) fn quoted(s: &str) -> String {
    format!("{s:?}")
}
