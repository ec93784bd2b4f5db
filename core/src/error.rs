//! The one error type: every broken rule, each with its JSON path.

use std::fmt;

mod rule;
mod violation;

pub use rule::{Rule, RuleOwner};
pub use violation::Violation;

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

    /// For a faithful parse ([`ParseOptions::faithful`](crate::ParseOptions::faithful)): the
    /// problems when every one breaks a rule of this crate's own (`Ok`, to be warnings), or
    /// the error without them. With problems past the listed ones, whose rules are unknown,
    /// the error is kept whole.
    pub(crate) fn crate_rules_only(self) -> Result<Vec<Violation>, Error> {
        let ours = |v: &Violation| v.owner() == RuleOwner::Crate;
        if self.unlisted > 0 || self.stopped_early {
            return Err(self);
        }
        if self.violations.iter().all(ours) {
            return Ok(self.violations);
        }
        let dinteros = self.violations.into_iter().filter(|v| !ours(v)).collect();
        Err(Error::from_violations(dinteros))
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
