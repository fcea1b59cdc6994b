//! Reading requests strictly: JSON bodies and query strings whose every
//! failure is the platform's error body, naming the property in our words.

use super::*;

pub(crate) fn unsupported_media_type() -> ApiError {
    ApiError::new(
        415,
        "unsupported_media_type",
        "Expected a JSON body (Content-Type: application/json)",
    )
}

/// A body must be JSON by its Content-Type: `application/json` or a
/// `+json` type, parameters allowed. A request without a Content-Type is
/// read as JSON; any other type is `415 unsupported_media_type`.
pub(crate) fn require_json(headers: &HeaderMap) -> Result<(), RestError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let essence = value
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some(t)
            if t == "application/json"
                || (t.starts_with("application/") && t.ends_with("+json")) =>
        {
            Ok(())
        }
        _ => Err(RestError(unsupported_media_type())),
    }
}

pub(crate) fn too_large() -> ApiError {
    ApiError::new(
        413,
        "payload_too_large",
        format!("The body is larger than {} KB", MAX_BODY_BYTES / 1024),
    )
}

/// A JSON object body read strictly: not JSON by its Content-Type `415`
/// (see [`require_json`]), over the size limit `413`, not JSON or
/// not an object `400 bad_request`, a property of the wrong type `422` with
/// its path (see [`read_body`]).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = RestError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, RestError> {
        require_json(req.headers())?;
        let body = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                RestError(too_large())
            } else {
                RestError(ApiError::bad_request(r.body_text()))
            }
        })?;
        let value = parse_json(&body)?;
        if !value.is_object() {
            return Err(RestError(ApiError::bad_request(
                "The body must be a JSON object",
            )));
        }
        read_body(value).map(ApiJson)
    }
}

/// Query parameters read strictly: a parameter that is missing or cannot be
/// read is `400 bad_request` naming it in `path`, in the platform's words.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = RestError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, RestError> {
        let query = parts.uri.query().unwrap_or_default();
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(de)
            .map(ApiQuery)
            .map_err(|e| {
                let inner = e.inner().to_string();
                let (name, message) = match missing_field(&inner) {
                    Some(name) => (
                        name.to_string(),
                        format!("The parameter {name} is required"),
                    ),
                    None => {
                        let name = e.path().to_string();
                        let message =
                            format!("The parameter {name} has a value that cannot be read");
                        (name, message)
                    }
                };
                RestError(ApiError::bad_request(message).with_path(&name))
            })
    }
}

/// The property's name in serde's "missing field `x`", whose wording is
/// never sent to the client.
pub(crate) fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// Reads a JSON body strictly: malformed JSON is `400 bad_request`; a value
/// of the wrong type is `422` with the property's path as code and `path`;
/// a property the type does not know (where it denies unknown fields) is
/// `422` with the unknown property's own path and [`UNKNOWN_PROPERTY`].
pub(crate) fn read_body<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, RestError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let (path, message) = match unknown_field(&e.inner().to_string()) {
            // The path already ends with the unknown key; an empty key is
            // shown as `""` so that code and path are never empty.
            Some("") => {
                let parent = path.strip_suffix('.').unwrap_or(&path);
                let path = if parent.is_empty() {
                    "\"\"".to_string()
                } else {
                    format!("{parent}.\"\"")
                };
                (path, UNKNOWN_PROPERTY.to_string())
            }
            Some(name) if path.is_empty() => (name.to_string(), UNKNOWN_PROPERTY.to_string()),
            Some(_) => (path, UNKNOWN_PROPERTY.to_string()),
            None => match missing_field(&e.inner().to_string()) {
                Some(name) => {
                    let path = if path.is_empty() {
                        name.to_string()
                    } else {
                        format!("{path}.{name}")
                    };
                    (path, "This property is required".to_string())
                }
                None if path.is_empty() => ("body".to_string(), WRONG_TYPE.to_string()),
                None => (path, WRONG_TYPE.to_string()),
            },
        };
        RestError(ApiError {
            code: path.clone(),
            message,
            status: 422,
            path: Some(path),
        })
    })
}

/// The message of a value of the wrong type or out of its type's range.
pub const WRONG_TYPE: &str =
    "The value has the wrong type or is out of range; see the API reference for this property";

/// The message of a property the request does not know.
pub const UNKNOWN_PROPERTY: &str =
    "Unknown property; see the API reference for the properties of this request";

/// The property's name in serde's "unknown field `x`, expected …" (or
/// "…, there are no fields"), whose wording is never sent to the client.
pub(crate) fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest
        .rfind("`, expected")
        .or_else(|| rest.rfind("`, there are no fields"))?;
    Some(&rest[..end])
}

pub(crate) fn parse_json(body: &Bytes) -> Result<serde_json::Value, RestError> {
    serde_json::from_slice(body).map_err(|e| {
        RestError(ApiError::bad_request(format!(
            "The body is not valid JSON: {e}"
        )))
    })
}
