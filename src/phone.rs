//! Phone numbers in E.164 form and the Danish numbering plan.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A number in E.164 form: `+`, a country code and up to 15 digits in all.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct E164(String);

/// Why a string is not a number we can use.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Not E.164 at all (spec row `422 number` "The number is invalid").
    #[error("The number is invalid")]
    NotE164,
    /// E.164, but not a Danish number usable for a mobile subscription
    /// (spec row `422 number` "Number is invalid").
    #[error("Number is invalid")]
    NotDanishMobile,
}

impl E164 {
    /// Strict E.164 as the API takes it: `+`, first digit 1–9, 8 to 15 digits.
    pub fn parse(s: &str) -> Result<Self, NumberError> {
        let digits = s.strip_prefix('+').ok_or(NumberError::NotE164)?;
        if !(8..=15).contains(&digits.len())
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.starts_with('0')
        {
            return Err(NumberError::NotE164);
        }
        Ok(E164(s.to_string()))
    }

    /// A number as people type it (`20 12 34 56`, `+45 2012 3456`, `0045…`,
    /// `4520123456`): spaces and hyphens dropped, Danish 8-digit numbers
    /// given `+45`.
    pub fn from_typed(typed: &str) -> Result<Self, NumberError> {
        let s: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '(' && *c != ')')
            .collect();
        let candidate = if let Some(rest) = s.strip_prefix("00") {
            format!("+{rest}")
        } else if s.starts_with('+') {
            s
        } else if s.len() == 8 {
            format!("+45{s}")
        } else if s.len() == 10 && s.starts_with("45") {
            format!("+{s}")
        } else {
            return Err(NumberError::NotE164);
        };
        E164::parse(&candidate)
    }

    /// Checks the Danish plan: `+45` and 8 digits, first 2–9, and not a
    /// shared-cost (70), freephone (80) or premium (90) number.
    pub fn danish_mobile_candidate(&self) -> Result<(), NumberError> {
        let national = self
            .0
            .strip_prefix("+45")
            .ok_or(NumberError::NotDanishMobile)?;
        if national.len() != 8 || national.starts_with(['0', '1']) {
            return Err(NumberError::NotDanishMobile);
        }
        if ["70", "80", "90"].iter().any(|p| national.starts_with(p)) {
            return Err(NumberError::NotDanishMobile);
        }
        Ok(())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `+45 20 12 34 56` for Danish numbers, as printed for people.
    pub fn grouped(&self) -> String {
        match self.0.strip_prefix("+45") {
            Some(n) if n.len() == 8 => {
                format!("+45 {} {} {} {}", &n[0..2], &n[2..4], &n[4..6], &n[6..8])
            }
            _ => self.0.clone(),
        }
    }
}

impl TryFrom<String> for E164 {
    type Error = NumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        E164::parse(&s)
    }
}

impl From<E164> for String {
    fn from(n: E164) -> String {
        n.0
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_e164() {
        assert!(E164::parse("+4520123456").is_ok());
        assert_eq!(E164::parse("4520123456"), Err(NumberError::NotE164));
        assert_eq!(E164::parse("+45 20123456"), Err(NumberError::NotE164));
        assert_eq!(E164::parse("+0520123456"), Err(NumberError::NotE164));
        assert_eq!(E164::parse("+1234567"), Err(NumberError::NotE164));
        assert_eq!(E164::parse("+1234567890123456"), Err(NumberError::NotE164));
    }

    #[test]
    fn typed_forms_are_normalised() {
        for typed in [
            "20 12 34 56",
            "+45 2012 3456",
            "0045 20123456",
            "4520123456",
            "20-12-34-56",
        ] {
            assert_eq!(
                E164::from_typed(typed).unwrap().as_str(),
                "+4520123456",
                "{typed}"
            );
        }
        assert!(E164::from_typed("2012345").is_err());
    }

    #[test]
    fn danish_plan() {
        assert!(E164::parse("+4520123456")
            .unwrap()
            .danish_mobile_candidate()
            .is_ok());
        for n in [
            "+4670123456",
            "+4570123456",
            "+4580123456",
            "+4590123456",
            "+4512345678",
            "+452012345",
        ] {
            assert_eq!(
                E164::parse(n).unwrap().danish_mobile_candidate(),
                Err(NumberError::NotDanishMobile),
                "{n}"
            );
        }
    }

    #[test]
    fn grouping() {
        assert_eq!(
            E164::parse("+4520123456").unwrap().grouped(),
            "+45 20 12 34 56"
        );
    }
}
