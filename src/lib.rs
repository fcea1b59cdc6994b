//! The MVNO account platform's domain: what the browser and the server share
//! (request and reply types, value types that parse themselves, access levels,
//! the platform's error body) and, behind the `server` feature, the data layer
//! and the services that act on it.
//!
//! This crate knows nothing of HTTP or of the UI framework.

pub mod access;
pub mod account;
pub mod auth;
pub mod calendar;
pub mod dates;
pub mod email;
pub mod enums;
pub mod error;
pub mod icc;
pub mod id;
pub mod phone;
pub mod portal;
pub mod rules;
pub mod signup;

pub use access::AccessLevel;
pub use error::{ApiError, ErrorBody};
pub use id::Id;

#[cfg(feature = "server")]
pub mod db;
#[cfg(feature = "server")]
pub mod services;
#[cfg(feature = "testkit")]
pub mod testkit;
