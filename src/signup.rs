//! What the self-service signup accepts: the bounds of its fields, shared by
//! the signup service and the signup form.

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;
/// Longest name accepted, in characters.
pub const MAX_NAME: usize = 200;
/// Longest e-mail address accepted (RFC 5321's path limit).
pub const MAX_EMAIL: usize = crate::email::MAX_LEN;
/// Longest password accepted.
pub const MAX_PASSWORD: usize = 256;
/// Longest address accepted.
pub const MAX_ADDRESS: usize = 300;
/// How long the link in a signup e-mail works, in hours.
pub const LINK_HOURS: i64 = 24;
