//! After payment: the [`Transaction`](transaction::Transaction) Dintero returns, and the
//! capture, refund and void built from it, with DESIGN's cumulative arithmetic.

pub(crate) mod accessors;
pub(crate) mod arithmetic;
pub(crate) mod capture;
pub(crate) mod metadata;
pub(crate) mod operation;
pub(crate) mod refund;
pub(crate) mod shared_api;
pub(crate) mod status;
pub(crate) mod transaction;
pub(crate) mod void;
