//! All serde: the wire formats of the domain types, parsing with repair, JSON paths and
//! JSON numbers. `json` knows the domain types; no domain module knows `json`.

pub(crate) mod express;
mod faithful;
pub(crate) mod item;
pub(crate) mod item_parts;
pub(crate) mod metadata;
pub(crate) mod money;
pub(crate) mod number;
pub(crate) mod operation;
pub(crate) mod order;
pub(crate) mod order_write;
pub mod parse;
pub(crate) mod path_tracker;
pub(crate) mod repair;
pub(crate) mod session;
pub(crate) mod session_parts;
pub(crate) mod session_update;
pub(crate) mod shipping;
pub(crate) mod text;
pub(crate) mod transaction;
pub(crate) mod write;
