//! Sign-in request and reply of `POST /auth/login`.

use crate::{AccessLevel, Id};
use serde::{Deserialize, Serialize};

/// `POST /auth/login` body.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    /// Ask for a token that does not expire (machine use).
    #[serde(default)]
    pub persist: bool,
}

/// `POST /auth/login` reply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LoginReply {
    pub token: String,
    /// Minutes until the token expires; `-1` for a persistent token (one
    /// asked with `persist: true`), which does not expire.
    #[cfg_attr(feature = "server", schema(minimum = -1, example = 15))]
    pub expires_in_minutes: i64,
    pub employee: Id,
    pub customer: Id,
    pub access_level: AccessLevel,
}

/// Who is signed in, as the portal shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SignedInUser {
    pub employee: Id,
    pub username: String,
    pub name: String,
    pub customer: Id,
    pub customer_name: String,
    pub access_level: AccessLevel,
    /// A private customer who signed up themselves: the portal speaks to
    /// them as a consumer (no access level; its reseller's brand).
    pub self_service: bool,
    /// The brand the portal shows a self-service customer: the reseller it
    /// signed up with. None for everyone else.
    pub brand: Option<String>,
}
