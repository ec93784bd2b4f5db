//! The query of the `callback_url` call Dintero makes when a payment is done.

use std::fmt;

/// The parameters Dintero adds to `url.callback_url` when it calls it: which transaction, which
/// session, which order, when, and what happened.
///
/// Check the call's `Dintero-Signature` with [`SignatureVerifier`](super::SignatureVerifier)
/// first. Dintero's own plugins do not trust these values either: fetch the transaction
/// before changing the order.
///
/// ```
/// use dintero_order_core::http::Callback;
///
/// let callback = Callback::from_query(
///     "transaction_id=T11223344.5xyz&session_id=T11223344.5abc&merchant_reference=order-1001\
///      &time=2025-03-01T12%3A00%3A00Z",
/// )?;
/// assert_eq!(callback.transaction_id(), Some("T11223344.5xyz"));
/// assert_eq!(callback.session_id(), "T11223344.5abc");
/// assert_eq!(callback.merchant_reference(), "order-1001");
/// assert_eq!(callback.time(), "2025-03-01T12:00:00Z");
/// assert_eq!(callback.error(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callback {
    transaction_id: Option<String>,
    session_id: String,
    merchant_reference: String,
    time: String,
    error: Option<String>,
    event: Option<String>,
    event_id: Option<String>,
    others: Vec<(String, String)>,
}

/// Why a query is not a `callback_url` call.
///
/// ```
/// use dintero_order_core::http::{Callback, CallbackError};
///
/// assert_eq!(
///     Callback::from_query("session_id=s&time=2025-03-01T12:00:00Z&transaction_id=t"),
///     Err(CallbackError::Missing("merchant_reference"))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackError {
    /// A required parameter is absent: `transaction_id` (unless the callback URL has
    /// `report_error=true`), `session_id` (or `sid`), `merchant_reference` or `time`.
    Missing(&'static str),
    /// A parameter Dintero sends once came more than once.
    Repeated(&'static str),
    /// A parameter is present but empty.
    Empty(&'static str),
    /// `time` is not an RFC 3339 date-time; holds the value.
    Time(String),
}

impl fmt::Display for CallbackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing("session_id") => {
                f.write_str("callback query has neither `session_id` nor `sid`")
            }
            Self::Missing(name) => write!(f, "callback query has no `{name}`"),
            Self::Repeated(name) => write!(f, "callback query has `{name}` more than once"),
            Self::Empty(name) => write!(f, "callback query has an empty `{name}`"),
            Self::Time(value) => write!(
                f,
                "callback query `time`: expected an RFC 3339 date-time, found {value:?}"
            ),
        }
    }
}

impl std::error::Error for CallbackError {}

/// The parameters Dintero sends at most once, in the order of [`Callback`]'s fields.
const NAMES: [&str; 8] = [
    "transaction_id",
    "session_id",
    "sid",
    "merchant_reference",
    "time",
    "error",
    "event",
    "event_id",
];

impl Callback {
    /// Reads the query of the call (with or without its leading `?`), decoded as
    /// `application/x-www-form-urlencoded` (`+` is a space).
    ///
    /// ```
    /// use dintero_order_core::http::{Callback, CallbackError};
    ///
    /// let callback = Callback::from_query(
    ///     "?sid=s1&merchant_reference=r&time=2025-03-01T12:00:00Z&error=cancelled&report_error=true",
    /// )?;
    /// assert_eq!(callback.transaction_id(), None); // allowed with report_error=true
    /// assert_eq!(callback.error(), Some("cancelled"));
    /// assert_eq!(
    ///     Callback::from_query("sid=s1&merchant_reference=r&time=yesterday&transaction_id=t"),
    ///     Err(CallbackError::Time("yesterday".into()))
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_query(query: &str) -> Result<Self, CallbackError> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut known: [Option<String>; 8] = Default::default();
        let mut others = Vec::new();
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            match known
                .iter_mut()
                .zip(NAMES)
                .find(|(_, known)| *known == name)
            {
                Some((Some(_), name)) => return Err(CallbackError::Repeated(name)),
                Some((_, name)) if value.is_empty() => return Err(CallbackError::Empty(name)),
                Some((slot, _)) => *slot = Some(value.into_owned()),
                None => others.push((name.into_owned(), value.into_owned())),
            }
        }
        let [
            transaction_id,
            session_id,
            sid,
            merchant_reference,
            time,
            error,
            event,
            event_id,
        ] = known;
        let report_error = others
            .iter()
            .any(|(name, value)| name == "report_error" && value == "true");
        if transaction_id.is_none() && !report_error {
            return Err(CallbackError::Missing("transaction_id"));
        }
        let session_id = match (session_id, sid) {
            (Some(_), Some(_)) => return Err(CallbackError::Repeated("session_id")),
            (Some(id), None) | (None, Some(id)) => id,
            (None, None) => return Err(CallbackError::Missing("session_id")),
        };
        let merchant_reference =
            merchant_reference.ok_or(CallbackError::Missing("merchant_reference"))?;
        let time = time.ok_or(CallbackError::Missing("time"))?;
        if !crate::spec::date_time::is_date_time(&time) {
            return Err(CallbackError::Time(time));
        }
        Ok(Self {
            transaction_id,
            session_id,
            merchant_reference,
            time,
            error,
            event,
            event_id,
            others,
        })
    }

    /// `transaction_id`; absent only when the callback URL has `report_error=true` and no
    /// transaction was authorized.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("transaction_id=t1&sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z")?;
    /// assert_eq!(callback.transaction_id(), Some("t1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transaction_id(&self) -> Option<&str> {
        self.transaction_id.as_deref()
    }

    /// `session_id`, or `sid` when the session asked for `sid_parameter_name=sid`.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("transaction_id=t1&sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z")?;
    /// assert_eq!(callback.session_id(), "s");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// `merchant_reference`: the order's own reference.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("transaction_id=t1&sid=s&merchant_reference=order+1&time=2025-03-01T12:00:00Z")?;
    /// assert_eq!(callback.merchant_reference(), "order 1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merchant_reference(&self) -> &str {
        &self.merchant_reference
    }

    /// `time`, an RFC 3339 date-time: when the transaction was created.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("transaction_id=t1&sid=s&merchant_reference=r&time=2025-03-01T12:00:00.123Z")?;
    /// assert_eq!(callback.time(), "2025-03-01T12:00:00.123Z");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn time(&self) -> &str {
        &self.time
    }

    /// `error`, with `report_error=true`: `cancelled`, `authorization`, `failed`, ….
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z&report_error=true&error=failed")?;
    /// assert_eq!(callback.error(), Some("failed"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// `event`, with `report_event=…`: `CAPTURE`, `REFUND` or `VOID`.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("transaction_id=t&sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z&event=CAPTURE&event_id=e1")?;
    /// assert_eq!(callback.event(), Some("CAPTURE"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event(&self) -> Option<&str> {
        self.event.as_deref()
    }

    /// `event_id`, the id of the reported event.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("transaction_id=t&sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z&event=CAPTURE&event_id=e1")?;
    /// assert_eq!(callback.event_id(), Some("e1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event_id(&self) -> Option<&str> {
        self.event_id.as_deref()
    }

    /// The other parameters, in their order: the merchant's own flags that stay in the URL
    /// (`method`, `report_error`, `report_event`, …) and anything else.
    ///
    /// ```
    /// # use dintero_order_core::http::Callback;
    /// let callback = Callback::from_query("order=9&transaction_id=t&sid=s&merchant_reference=r&time=2025-03-01T12:00:00Z")?;
    /// assert_eq!(callback.other_parameters(), [("order".to_string(), "9".to_string())]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn other_parameters(&self) -> &[(String, String)] {
        &self.others
    }
}
