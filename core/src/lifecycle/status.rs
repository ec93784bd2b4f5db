//! [`TransactionStatus`] and [`EventKind`]: Dintero's string enums, with a fallback for values
//! added after this crate was written.

/// Declares one of Dintero's string enums: its variants with their wire names, an `Other`
/// variant keeping a name this crate does not know, and `from_wire` / `as_str`, each with an
/// example made of `$wire => $variant`.
macro_rules! dintero_names {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal, )+
        }
        example: $example_wire:literal => $example:ident
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this crate does not know, as written.
            Other(String),
        }

        impl $name {
            #[doc = concat!("The value Dintero wrote: a known one, or [`Other`](", stringify!($name), "::Other).")]
            ///
            /// ```
            #[doc = concat!("use dintero_order_core::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::from_wire(\"", $example_wire, "\"), ", stringify!($name), "::", stringify!($example), ");")]
            /// ```
            pub fn from_wire(text: &str) -> $name {
                match text {
                    $( $wire => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }

            /// The wire name (the unknown value as written for `Other`).
            ///
            /// ```
            #[doc = concat!("use dintero_order_core::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::", stringify!($example), ".as_str(), \"", $example_wire, "\");")]
            /// ```
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Other(text) => text,
                }
            }
        }
    };
}

dintero_names! {
    /// A transaction's `status` (LIFECYCLE-NOTES §4.3). A value this crate does not know is
    /// kept as [`Other`](TransactionStatus::Other), never refused.
    ///
    /// ```
    /// use dintero_order_core::TransactionStatus;
    ///
    /// assert_eq!(TransactionStatus::from_wire("CAPTURED"), TransactionStatus::Captured);
    /// let new = TransactionStatus::from_wire("SOMETHING_NEW");
    /// assert_eq!(new.as_str(), "SOMETHING_NEW");
    /// ```
    pub enum TransactionStatus {
        /// `INITIATED`.
        Initiated = "INITIATED",
        /// `AUTHORIZED`: approved, nothing captured yet.
        Authorized = "AUTHORIZED",
        /// `AUTHORIZATION_VOIDED`: cancelled.
        AuthorizationVoided = "AUTHORIZATION_VOIDED",
        /// `CAPTURED`: the full authorized amount.
        Captured = "CAPTURED",
        /// `PARTIALLY_CAPTURED`.
        PartiallyCaptured = "PARTIALLY_CAPTURED",
        /// `PARTIALLY_CAPTURED_REFUNDED`: part captured, part of that refunded.
        PartiallyCapturedRefunded = "PARTIALLY_CAPTURED_REFUNDED",
        /// `REFUNDED`.
        Refunded = "REFUNDED",
        /// `PARTIALLY_REFUNDED`.
        PartiallyRefunded = "PARTIALLY_REFUNDED",
        /// `DECLINED`.
        Declined = "DECLINED",
        /// `FAILED`.
        Failed = "FAILED",
        /// `UNKNOWN`: the outcome is not determined.
        Unknown = "UNKNOWN",
        /// `ON_HOLD`: manual review; handle as pending.
        OnHold = "ON_HOLD",
    }
    example: "PARTIALLY_CAPTURED" => PartiallyCaptured
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

dintero_names! {
    /// The `event` of a transaction event (LIFECYCLE-NOTES §4.2). Unknown names (the spec's own
    /// example has `INITIATE`) are kept as [`Other`](EventKind::Other).
    ///
    /// ```
    /// use dintero_order_core::EventKind;
    ///
    /// assert_eq!(EventKind::from_wire("CAPTURE"), EventKind::Capture);
    /// assert_eq!(EventKind::from_wire("INITIATE"), EventKind::Other("INITIATE".into()));
    /// ```
    pub enum EventKind {
        /// `INITIALIZE`.
        Initialize = "INITIALIZE",
        /// `AUTHORIZE`.
        Authorize = "AUTHORIZE",
        /// `CAPTURE`.
        Capture = "CAPTURE",
        /// `REFUND`.
        Refund = "REFUND",
        /// `VOID`.
        Void = "VOID",
        /// `INITIATE_CAPTURE`.
        InitiateCapture = "INITIATE_CAPTURE",
        /// `INITIATE_REFUND`.
        InitiateRefund = "INITIATE_REFUND",
        /// `INITIATE_VOID`.
        InitiateVoid = "INITIATE_VOID",
        /// `SETTLEMENT`.
        Settlement = "SETTLEMENT",
    }
    example: "VOID" => Void
}
