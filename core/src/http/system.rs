//! The optional `Dintero-System-*` headers, which tell Dintero which system and plugin sent a
//! request (stored on the transaction's events; recommended on every Checkout API call).

use ::http::{HeaderName, HeaderValue, Request};

use crate::error::{Error, Rule, Violation, Violations, quoted};

/// Dintero's spec limits each header to 120 characters.
const MAX_LENGTH: usize = 120;

const NAME: HeaderName = HeaderName::from_static("dintero-system-name");
const VERSION: HeaderName = HeaderName::from_static("dintero-system-version");
const PLUGIN_NAME: HeaderName = HeaderName::from_static("dintero-system-plugin-name");
const PLUGIN_VERSION: HeaderName = HeaderName::from_static("dintero-system-plugin-version");

/// The `Dintero-System-Name`, `-Version`, `-Plugin-Name` and `-Plugin-Version` headers, each
/// checked once (at most 120 characters of visible ASCII or spaces), then added to any
/// request with [`apply`](SystemHeaders::apply) (feature `http`).
///
/// ```
/// use dintero_order_core::Transaction;
/// use dintero_order_core::http::{AccessToken, SystemHeaders};
///
/// let system = SystemHeaders::new("my-shop", "4.2.0")?.plugin("dintero-order", "0.1.0")?;
/// let tx = Transaction::from_json(br#"{"id":"T1","status":"AUTHORIZED"}"#)?;
/// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
/// let request = system.apply(Transaction::fetch_request(tx.id(), &token));
/// assert_eq!(request.headers()["dintero-system-name"], "my-shop");
/// assert_eq!(request.headers()["dintero-system-plugin-version"], "0.1.0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemHeaders {
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl SystemHeaders {
    /// The system's name and version (`Dintero-System-Name`, `Dintero-System-Version`).
    ///
    /// ```
    /// use dintero_order_core::Rule;
    /// use dintero_order_core::http::SystemHeaders;
    ///
    /// let err = SystemHeaders::new("shop\n", "x".repeat(121)).unwrap_err();
    /// let found: Vec<_> = err.violations().iter().map(|v| (v.rule(), v.path())).collect();
    /// assert_eq!(found, [(Rule::Format, "Dintero-System-Name"), (Rule::Length, "Dintero-System-Version")]);
    /// ```
    pub fn new(name: impl AsRef<str>, version: impl AsRef<str>) -> Result<Self, Error> {
        let mut headers = SystemHeaders {
            headers: Vec::with_capacity(4),
        };
        headers.add([
            (NAME, "Dintero-System-Name", name.as_ref()),
            (VERSION, "Dintero-System-Version", version.as_ref()),
        ])?;
        Ok(headers)
    }

    /// The plugin's name and version (`Dintero-System-Plugin-Name`,
    /// `Dintero-System-Plugin-Version`), for a plugin running inside the system.
    ///
    /// ```
    /// use dintero_order_core::http::SystemHeaders;
    /// assert!(SystemHeaders::new("shop", "1")?.plugin("", "1").is_ok());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn plugin(
        mut self,
        name: impl AsRef<str>,
        version: impl AsRef<str>,
    ) -> Result<Self, Error> {
        self.add([
            (PLUGIN_NAME, "Dintero-System-Plugin-Name", name.as_ref()),
            (
                PLUGIN_VERSION,
                "Dintero-System-Plugin-Version",
                version.as_ref(),
            ),
        ])?;
        Ok(self)
    }

    /// `request` with these headers set (replacing any it had).
    ///
    /// ```
    /// use dintero_order_core::http::{Request, SystemHeaders};
    /// let request = SystemHeaders::new("shop", "1.0")?.apply(Request::new(Vec::<u8>::new()));
    /// assert_eq!(request.headers()["dintero-system-version"], "1.0");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn apply<B>(&self, mut request: Request<B>) -> Request<B> {
        let headers = request.headers_mut();
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
        request
    }

    fn add<const N: usize>(
        &mut self,
        values: [(HeaderName, &'static str, &str); N],
    ) -> Result<(), Error> {
        let mut v = Violations::new();
        for (name, path, text) in values {
            let chars = text.chars().count();
            if chars > MAX_LENGTH {
                v.push(Violation::new(
                    Rule::Length,
                    path,
                    "at most 120 characters",
                    format!("{chars} characters"),
                ));
            }
            // Visible ASCII and spaces: what every HTTP stack sends unchanged.
            match HeaderValue::from_str(text) {
                Ok(value) if text.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) => {
                    self.headers.push((name, value));
                }
                _ => v.push(Violation::new(
                    Rule::Format,
                    path,
                    "visible ASCII characters and spaces",
                    quoted(text),
                )),
            }
        }
        v.finish(())
    }
}
