//! [`TransactionStatus`] and [`EventKind`]: Dintero's string enums, with a fallback for values
//! added after this crate was written.

/// A transaction's `status` (LIFECYCLE-NOTES §4.3). A value this crate does not know is kept
/// as [`Other`](TransactionStatus::Other), never refused.
///
/// ```
/// use dintero_order_core::TransactionStatus;
///
/// assert_eq!(TransactionStatus::from_wire("CAPTURED"), TransactionStatus::Captured);
/// let new = TransactionStatus::from_wire("SOMETHING_NEW");
/// assert_eq!(new.as_str(), "SOMETHING_NEW");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransactionStatus {
    /// `INITIATED`.
    Initiated,
    /// `AUTHORIZED`: approved, nothing captured yet.
    Authorized,
    /// `AUTHORIZATION_VOIDED`: cancelled.
    AuthorizationVoided,
    /// `CAPTURED`: the full authorized amount.
    Captured,
    /// `PARTIALLY_CAPTURED`.
    PartiallyCaptured,
    /// `PARTIALLY_CAPTURED_REFUNDED`: part captured, part of that refunded.
    PartiallyCapturedRefunded,
    /// `REFUNDED`.
    Refunded,
    /// `PARTIALLY_REFUNDED`.
    PartiallyRefunded,
    /// `DECLINED`.
    Declined,
    /// `FAILED`.
    Failed,
    /// `UNKNOWN`: the outcome is not determined.
    Unknown,
    /// `ON_HOLD`: manual review; handle as pending.
    OnHold,
    /// A value this crate does not know, as written.
    Other(String),
}

const STATUSES: [(&str, TransactionStatus); 12] = [
    ("INITIATED", TransactionStatus::Initiated),
    ("AUTHORIZED", TransactionStatus::Authorized),
    (
        "AUTHORIZATION_VOIDED",
        TransactionStatus::AuthorizationVoided,
    ),
    ("CAPTURED", TransactionStatus::Captured),
    ("PARTIALLY_CAPTURED", TransactionStatus::PartiallyCaptured),
    (
        "PARTIALLY_CAPTURED_REFUNDED",
        TransactionStatus::PartiallyCapturedRefunded,
    ),
    ("REFUNDED", TransactionStatus::Refunded),
    ("PARTIALLY_REFUNDED", TransactionStatus::PartiallyRefunded),
    ("DECLINED", TransactionStatus::Declined),
    ("FAILED", TransactionStatus::Failed),
    ("UNKNOWN", TransactionStatus::Unknown),
    ("ON_HOLD", TransactionStatus::OnHold),
];

impl TransactionStatus {
    /// The status Dintero wrote: a known one, or [`Other`](TransactionStatus::Other).
    ///
    /// ```
    /// use dintero_order_core::TransactionStatus;
    /// assert_eq!(TransactionStatus::from_wire("ON_HOLD"), TransactionStatus::OnHold);
    /// ```
    pub fn from_wire(text: &str) -> TransactionStatus {
        STATUSES.iter().find(|(name, _)| *name == text).map_or_else(
            || TransactionStatus::Other(text.to_owned()),
            |(_, s)| s.clone(),
        )
    }

    /// The wire name (`PARTIALLY_CAPTURED`, or the unknown value as written).
    ///
    /// ```
    /// use dintero_order_core::TransactionStatus;
    /// assert_eq!(TransactionStatus::PartiallyCaptured.as_str(), "PARTIALLY_CAPTURED");
    /// ```
    pub fn as_str(&self) -> &str {
        if let TransactionStatus::Other(text) = self {
            return text;
        }
        STATUSES
            .iter()
            .find(|(_, status)| status == self)
            .map_or("", |(name, _)| name)
    }
}

/// Which operations each status allows (LIFECYCLE-NOTES §4.3, from Dintero's
/// transaction-statuses page). A status this crate does not know allows all three: Dintero,
/// which added it, decides.
impl TransactionStatus {
    /// Whether something may be captured: `AUTHORIZED`, `PARTIALLY_CAPTURED` or
    /// `PARTIALLY_CAPTURED_REFUNDED` ("capture remaining").
    ///
    /// ```
    /// use dintero_order_core::TransactionStatus;
    /// assert!(TransactionStatus::PartiallyCaptured.allows_capture());
    /// assert!(!TransactionStatus::Captured.allows_capture());
    /// assert!(!TransactionStatus::OnHold.allows_capture());
    /// ```
    pub fn allows_capture(&self) -> bool {
        matches!(
            self,
            TransactionStatus::Authorized
                | TransactionStatus::PartiallyCaptured
                | TransactionStatus::PartiallyCapturedRefunded
                | TransactionStatus::Other(_)
        )
    }

    /// Whether something may be refunded: once something was captured and not all of it
    /// refunded (`CAPTURED`, `PARTIALLY_CAPTURED`, `PARTIALLY_CAPTURED_REFUNDED`,
    /// `PARTIALLY_REFUNDED`). An `AUTHORIZED` transaction has nothing to refund: void it.
    ///
    /// ```
    /// use dintero_order_core::TransactionStatus;
    /// assert!(TransactionStatus::PartiallyRefunded.allows_refund());
    /// assert!(!TransactionStatus::Authorized.allows_refund());
    /// ```
    pub fn allows_refund(&self) -> bool {
        matches!(
            self,
            TransactionStatus::Captured
                | TransactionStatus::PartiallyCaptured
                | TransactionStatus::PartiallyCapturedRefunded
                | TransactionStatus::PartiallyRefunded
                | TransactionStatus::Other(_)
        )
    }

    /// Whether the authorization may be voided: before a full capture (`AUTHORIZED`), or
    /// after a partial one, which voids what is left (`PARTIALLY_CAPTURED`,
    /// `PARTIALLY_CAPTURED_REFUNDED`; Dintero supports this for some payment products only).
    ///
    /// ```
    /// use dintero_order_core::TransactionStatus;
    /// assert!(TransactionStatus::Authorized.allows_void());
    /// assert!(!TransactionStatus::Captured.allows_void());
    /// ```
    pub fn allows_void(&self) -> bool {
        matches!(
            self,
            TransactionStatus::Authorized
                | TransactionStatus::PartiallyCaptured
                | TransactionStatus::PartiallyCapturedRefunded
                | TransactionStatus::Other(_)
        )
    }
}

/// The `event` of a transaction event (LIFECYCLE-NOTES §4.2). Unknown names (the spec's own
/// example has `INITIATE`) are kept as [`Other`](EventKind::Other).
///
/// ```
/// use dintero_order_core::EventKind;
///
/// assert_eq!(EventKind::from_wire("CAPTURE"), EventKind::Capture);
/// assert_eq!(EventKind::from_wire("INITIATE"), EventKind::Other("INITIATE".into()));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// `INITIALIZE`.
    Initialize,
    /// `AUTHORIZE`.
    Authorize,
    /// `CAPTURE`.
    Capture,
    /// `REFUND`.
    Refund,
    /// `VOID`.
    Void,
    /// `INITIATE_CAPTURE`.
    InitiateCapture,
    /// `INITIATE_REFUND`.
    InitiateRefund,
    /// `INITIATE_VOID`.
    InitiateVoid,
    /// `SETTLEMENT`.
    Settlement,
    /// A name this crate does not know, as written.
    Other(String),
}

const EVENTS: [(&str, EventKind); 9] = [
    ("INITIALIZE", EventKind::Initialize),
    ("AUTHORIZE", EventKind::Authorize),
    ("CAPTURE", EventKind::Capture),
    ("REFUND", EventKind::Refund),
    ("VOID", EventKind::Void),
    ("INITIATE_CAPTURE", EventKind::InitiateCapture),
    ("INITIATE_REFUND", EventKind::InitiateRefund),
    ("INITIATE_VOID", EventKind::InitiateVoid),
    ("SETTLEMENT", EventKind::Settlement),
];

impl EventKind {
    /// The event Dintero wrote: a known one, or [`Other`](EventKind::Other).
    ///
    /// ```
    /// use dintero_order_core::EventKind;
    /// assert_eq!(EventKind::from_wire("REFUND"), EventKind::Refund);
    /// ```
    pub fn from_wire(text: &str) -> EventKind {
        EVENTS
            .iter()
            .find(|(name, _)| *name == text)
            .map_or_else(|| EventKind::Other(text.to_owned()), |(_, e)| e.clone())
    }

    /// The wire name (`CAPTURE`, or the unknown name as written).
    ///
    /// ```
    /// use dintero_order_core::EventKind;
    /// assert_eq!(EventKind::Void.as_str(), "VOID");
    /// ```
    pub fn as_str(&self) -> &str {
        if let EventKind::Other(text) = self {
            return text;
        }
        EVENTS
            .iter()
            .find(|(_, kind)| kind == self)
            .map_or("", |(name, _)| name)
    }
}
