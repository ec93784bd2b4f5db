//! [`Violation`]: one broken rule, with its path.

use std::fmt;

use super::{Rule, RuleOwner};

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

    /// Whose rule it is: Dintero's, or this crate's stricter one ([`Rule::owner`]).
    ///
    /// ```
    /// use dintero_order_core::{Rule, RuleOwner, Violation};
    /// let v = Violation::new(Rule::VatAmount, "order.items[0].vat_amount", "5998", "6000");
    /// assert_eq!(v.owner(), RuleOwner::Crate);
    /// ```
    pub fn owner(&self) -> RuleOwner {
        self.rule.owner()
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
    /// A machine-readable report entry: `{"rule", "owner", "path", "expected", "found"}`,
    /// `owner` being `dintero` or `crate` ([`Rule::owner`]).
    ///
    /// ```
    /// use dintero_order_core::{Rule, Violation};
    /// let v = Violation::new(Rule::VatRate, "order.items[0].vat", "0..=100", "250");
    /// assert_eq!(
    ///     serde_json::to_string(&v).unwrap(),
    ///     r#"{"rule":"vat_rate","owner":"crate","path":"order.items[0].vat","expected":"0..=100","found":"250"}"#
    /// );
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Violation", 5)?;
        s.serialize_field("rule", &self.rule)?;
        s.serialize_field("owner", &self.rule.owner())?;
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
