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
    /// JSON passed through (a configuration field, a card token, …) nested so deep that the
    /// body holding it would be deeper than a JSON parser reads (serde_json's 128 levels).
    Depth,
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
    pub const ALL: [Rule; 23] = [
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
        Rule::Depth,
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
            Rule::Depth => "depth",
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

/// At most this many problems are listed in an [`Error`], and at most this many warnings
/// kept in a [`Parsed`](crate::Parsed): a body with a million broken lines costs a hundred
/// [`Violation`]s, not a million. What is not listed is counted
/// ([`Error::unlisted`], [`Parsed::unlisted_warnings`](crate::Parsed::unlisted_warnings)).
///
/// ```
/// assert_eq!(dintero_order_core::MAX_LISTED, 100);
/// ```
pub const MAX_LISTED: usize = 100;

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
///
/// At most [`MAX_LISTED`] (100) problems are listed; the rest are counted
/// ([`unlisted`](Error::unlisted)). An error always lists at least one problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    violations: Vec<Violation>,
    unlisted: usize,
    stopped_early: bool,
}

impl Error {
    /// The problems, in the order they were found (document order): at least one, at most
    /// [`MAX_LISTED`].
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

    /// How many problems were found beyond the [`MAX_LISTED`] listed ones.
    ///
    /// The checks of a parsed or built value count every problem they find. Parsing
    /// ([`from_json`](crate::Order::from_json)) stops looking for values of the wrong type or
    /// shape once it has found more than 100 (each one found costs another look at the
    /// body): then this is how many it found past the 100, and [`stopped_early`](Self::stopped_early)
    /// says that there may be more.
    ///
    /// ```
    /// use dintero_order_core::Order;
    ///
    /// // 150 lines whose vat_amount is not the VAT their amount contains.
    /// let line = r#"{"amount":100,"vat":25,"vat_amount":21}"#;
    /// let lines = vec![line; 150].join(",");
    /// let body = format!(r#"{{"amount":15000,"currency":"NOK","merchant_reference":"r","vat_amount":3150,"items":[{lines}]}}"#);
    /// let err = Order::from_json(body.as_bytes()).unwrap_err();
    /// assert_eq!((err.violations().len(), err.unlisted()), (100, 50));
    /// assert!(!err.stopped_early());
    /// ```
    pub fn unlisted(&self) -> usize {
        self.unlisted
    }

    /// Whether parsing stopped looking for problems once more than [`MAX_LISTED`] were
    /// found, so that the body may hold more than `violations().len() + unlisted()`.
    ///
    /// ```
    /// use dintero_order_core::Order;
    ///
    /// // 150 lines whose amount is a string.
    /// let line = r#"{"amount":"100"}"#;
    /// let lines = vec![line; 150].join(",");
    /// let body = format!(r#"{{"amount":0,"currency":"NOK","merchant_reference":"r","items":[{lines}]}}"#);
    /// let err = Order::from_json(body.as_bytes()).unwrap_err();
    /// assert_eq!(err.violations().len(), 100);
    /// assert!(err.stopped_early() && err.unlisted() >= 1);
    /// ```
    pub fn stopped_early(&self) -> bool {
        self.stopped_early
    }

    /// An error holding exactly one violation.
    pub(crate) fn single(violation: Violation) -> Self {
        Error {
            violations: vec![violation],
            unlisted: 0,
            stopped_early: false,
        }
    }

    /// An error holding these violations, the first [`MAX_LISTED`] listed and the rest
    /// counted; `unlisted` more were found and not kept, and `stopped_early` says whether the
    /// search stopped. Never without a problem: an empty list gets one that says so.
    pub(crate) fn from_parts(
        mut violations: Vec<Violation>,
        mut unlisted: usize,
        stopped_early: bool,
    ) -> Self {
        if violations.len() > MAX_LISTED {
            unlisted = unlisted.saturating_add(violations.len() - MAX_LISTED);
            violations.truncate(MAX_LISTED);
        }
        if violations.is_empty() {
            violations.push(Violation::new(
                Rule::Type,
                "",
                "a body of the documented shape",
                "values that could not be read",
            ));
        }
        Error {
            violations,
            unlisted,
            stopped_early,
        }
    }

    /// An error holding these violations (see [`from_parts`](Self::from_parts)).
    pub(crate) fn from_violations(violations: Vec<Violation>) -> Self {
        Error::from_parts(violations, 0, false)
    }
}

impl fmt::Display for Error {
    /// `invalid Dintero payload: ` and the one problem, or how many there are and each on its
    /// own line; problems past the [`MAX_LISTED`] listed are counted on a last line.
    ///
    /// ```
    /// use dintero_order_core::Order;
    ///
    /// let line = r#"{"amount":100,"vat":25,"vat_amount":21}"#;
    /// let lines = vec![line; 102].join(",");
    /// let body = format!(r#"{{"amount":10200,"currency":"NOK","merchant_reference":"r","vat_amount":2142,"items":[{lines}]}}"#);
    /// let text = Order::from_json(body.as_bytes()).unwrap_err().to_string();
    /// let lines: Vec<&str> = text.lines().collect();
    /// assert_eq!(lines[0], "invalid Dintero payload: 102 problems, the first 100 listed");
    /// assert_eq!(lines[1], "  order.items[0].vat_amount: expected 20 (25 % VAT contained in 100), found 21");
    /// assert_eq!(lines[101], "  and 2 more");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let listed = self.violations.len();
        match (
            self.violations.as_slice(),
            self.unlisted,
            self.stopped_early,
        ) {
            ([one], 0, false) => return write!(f, "invalid Dintero payload: {one}"),
            (_, 0, false) => write!(f, "invalid Dintero payload: {listed} problems")?,
            (_, unlisted, false) => write!(
                f,
                "invalid Dintero payload: {} problems, the first {listed} listed",
                listed.saturating_add(unlisted)
            )?,
            (_, _, true) => write!(
                f,
                "invalid Dintero payload: more than {listed} problems, the first {listed} listed"
            )?,
        }
        for v in &self.violations {
            write!(f, "\n  {v}")?;
        }
        match (self.unlisted, self.stopped_early) {
            (0, false) => Ok(()),
            (unlisted, false) => write!(f, "\n  and {unlisted} more"),
            (_, true) => write!(f, "\n  and more: parsing stopped looking"),
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
/// At most [`MAX_LISTED`] are kept: past that, a violation is counted and its path is never
/// formatted, so a body with a million broken lines costs a hundred violations.
#[derive(Debug, Clone, Default)]
pub(crate) struct Violations {
    found: Vec<Violation>,
    unlisted: usize,
}

impl Violations {
    pub(crate) fn new() -> Self {
        Violations::default()
    }

    /// Whether the list is full, so a new violation is only counted.
    #[inline]
    fn full(&self) -> bool {
        self.found.len() >= MAX_LISTED
    }

    pub(crate) fn push(&mut self, violation: Violation) {
        if self.full() {
            self.unlisted = self.unlisted.saturating_add(1);
        } else {
            self.found.push(violation);
        }
    }

    /// Records a violation; `path` is formatted only now that it is needed.
    pub(crate) fn add(
        &mut self,
        rule: Rule,
        path: impl fmt::Display,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) {
        if self.full() {
            self.unlisted = self.unlisted.saturating_add(1);
        } else {
            self.found
                .push(Violation::new(rule, path.to_string(), expected, found));
        }
    }

    /// Inserts a violation found later at the place it belongs (`at ≤ len`); what falls off
    /// the end of a full list is counted.
    pub(crate) fn insert(&mut self, at: usize, violation: Violation) {
        if at >= MAX_LISTED {
            self.unlisted = self.unlisted.saturating_add(1);
            return;
        }
        let at = at.min(self.found.len());
        self.found.insert(at, violation);
        if self.found.len() > MAX_LISTED {
            self.found.truncate(MAX_LISTED);
            self.unlisted = self.unlisted.saturating_add(1);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty() && self.unlisted == 0
    }

    /// How many are listed (at most [`MAX_LISTED`]).
    pub(crate) fn len(&self) -> usize {
        self.found.len()
    }

    /// The collected violations as an error; call only when something was found.
    pub(crate) fn into_error(self) -> Error {
        Error::from_parts(self.found, self.unlisted, false)
    }

    /// `Ok(value)` when nothing was found, else every violation at once.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Error> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self.into_error())
        }
    }
}

/// Quotes a string for the `found` part of a message, as JSON would show it.
pub(crate) fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// How a key is written in a path: `.name` for identifiers, `["a.b"]` otherwise.
pub(crate) fn key_segment(key: &str) -> String {
    let mut out = String::new();
    push_key_segment(&mut out, key);
    out
}

/// Writes a key's [`key_segment`] at the end of `out`, without a copy of the key in between
/// (a key can be megabytes).
pub(crate) fn push_key_segment(out: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        out.reserve(key.len() + 1);
        out.push('.');
        out.push_str(key);
    } else {
        // JSON's quoting of the key; writing to a `String` cannot fail.
        out.push('[');
        let _ = serde_json::to_writer(StringWriter(out), key);
        out.push(']');
    }
}

/// `io::Write` into a `String`, for serde_json's string quoting (always valid UTF-8).
struct StringWriter<'s>(&'s mut String);

impl std::io::Write for StringWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        self.0.push_str(text);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
