//! The platform's error body: `{"error": {"code", "message", "status", "path"}}`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One error as the platform answers it. `status` is the HTTP status, `code`
/// the spec's "Message" column (a field path or a generic code such as
/// `access_denied`), `message` the human description, `path` the offending
/// property when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The JSON envelope around an [`ApiError`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ApiError,
}

impl ApiError {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            code: code.to_string(),
            message: message.into(),
            status,
            path: None,
        }
    }

    /// An error about one property; `path` names it, and is also the code
    /// when the spec uses the field path as the code.
    pub fn field(status: u16, path: &str, message: impl Into<String>) -> Self {
        ApiError {
            code: path.to_string(),
            message: message.into(),
            status,
            path: Some(path.to_string()),
        }
    }

    pub fn with_path(mut self, path: &str) -> Self {
        self.path = Some(path.to_string());
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "bad_request", message)
    }

    pub fn access_denied() -> Self {
        Self::new(403, "access_denied", "Insufficient access level")
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, "not_found", message)
    }

    pub fn internal() -> Self {
        Self::new(500, "internal_error", "Internal error")
    }

    /// Wrong username or password.
    pub fn credentials_invalid() -> Self {
        Self::new(401, "credentials_invalid", "Invalid credentials")
    }

    /// No credentials at all: the request needs a sign-in. The code is the
    /// platform's `credentials_invalid`; the message says what to send.
    pub fn sign_in_required() -> Self {
        Self::new(
            401,
            "credentials_invalid",
            "Sign-in required: send Authorization: Bearer <token>",
        )
    }

    pub fn token_expired() -> Self {
        Self::new(401, "expired", "The token has expired")
    }

    pub fn invalid_token() -> Self {
        Self::new(401, "invalid_token", "The token is not valid")
    }

    /// A bearer value that cannot be a token (not 64 hex characters).
    pub fn undecipherable_token() -> Self {
        Self::new(401, "invalid_token", "Undecipherable")
    }

    pub fn format_error() -> Self {
        Self::new(
            401,
            "format_error",
            "The Authorization header must be 'Bearer <token>'",
        )
    }

    pub fn body(self) -> ErrorBody {
        ErrorBody { error: self }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status, self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_the_platform_body() {
        let body = ApiError::field(422, "number", "The number is invalid").body();
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": {"code": "number", "message": "The number is invalid", "status": 422, "path": "number"}})
        );
    }

    #[test]
    fn omits_an_empty_path() {
        let json = serde_json::to_value(ApiError::access_denied().body()).unwrap();
        assert!(json["error"].get("path").is_none());
        assert_eq!(json["error"]["status"], 403);
    }
}
