//! Platform ids: 24 hexadecimal characters (MongoDB ObjectId style).

use serde::{Deserialize, Serialize};
use std::fmt;

/// An id of the platform: exactly 24 hex characters, stored in lowercase.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an id is 24 hexadecimal characters")]
pub struct InvalidId;

impl Id {
    /// Parses an id; upper- and lowercase hex are both accepted.
    pub fn parse(s: &str) -> Result<Self, InvalidId> {
        if s.len() == 24 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Id(s.to_ascii_lowercase()))
        } else {
            Err(InvalidId)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A fresh id: 4 bytes of seconds since the epoch, then 8 random bytes,
    /// so ids sort roughly by creation time like the platform's.
    #[cfg(feature = "server")]
    pub fn generate() -> Self {
        use rand::RngCore;
        let secs = chrono::Utc::now().timestamp() as u32;
        let mut bytes = [0u8; 12];
        bytes[..4].copy_from_slice(&secs.to_be_bytes());
        rand::rng().fill_bytes(&mut bytes[4..]);
        Id(hex::encode(bytes))
    }
}

impl TryFrom<String> for Id {
    type Error = InvalidId;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Id::parse(&s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_24_hex_characters_in_either_case() {
        assert_eq!(
            Id::parse("1234567890ABCDEF12345678").unwrap().as_str(),
            "1234567890abcdef12345678"
        );
    }

    #[test]
    fn refuses_wrong_length_and_non_hex() {
        assert!(Id::parse("123457890ABCDEF12345678").is_err()); // 23, as in the spec's example
        assert!(Id::parse("1234567890ABCDEF1234567G").is_err());
        assert!(Id::parse("").is_err());
    }

    #[test]
    fn json_refuses_a_bad_id() {
        assert!(serde_json::from_str::<Id>("\"abc\"").is_err());
        let id: Id = serde_json::from_str("\"aaaaaaaaaaaaaaaaaaaaaaaa\"").unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"aaaaaaaaaaaaaaaaaaaaaaaa\""
        );
    }

    #[cfg(feature = "server")]
    #[test]
    fn generated_ids_are_valid_and_distinct() {
        let a = Id::generate();
        let b = Id::generate();
        assert!(Id::parse(a.as_str()).is_ok());
        assert_ne!(a, b);
    }
}
