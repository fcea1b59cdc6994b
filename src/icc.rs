//! ICC (ICCID) numbers of SIM cards: `89` + country + issuer + serial + Luhn
//! check digit, [`MIN_DIGITS`] to [`MAX_DIGITS`] digits (most cards print 19
//! or 20), sometimes printed with a trailing `F`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Fewest digits an ICC has (the spec's `mvnoSim`: 18–20 digits).
pub const MIN_DIGITS: usize = 18;
/// Most digits an ICC has.
pub const MAX_DIGITS: usize = 20;

/// How the rule reads to a person: "18 to 20 digits starting with 89".
pub fn rule_in_words() -> String {
    format!("{MIN_DIGITS} to {MAX_DIGITS} digits starting with 89")
}

/// A normalised ICC: digits only, 18–20 of them, starting with `89`.
/// The check digit is verified separately ([`Icc::luhn_ok`]) because the SIM
/// stock, not the check digit, has the last word.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Icc(String);

/// Why a typed ICC cannot be an ICC at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IccError {
    #[error("the ICC is empty")]
    Empty,
    #[error("an ICC has only digits")]
    NotDigits,
    #[error("an ICC has 18 to 20 digits")]
    Length,
    #[error("an ICC starts with 89")]
    Prefix,
}

impl Icc {
    /// Strips spaces, hyphens and a trailing `F`, then checks digits, length
    /// (18–20, as the spec's `mvnoSim` says) and the `89` prefix.
    pub fn parse(typed: &str) -> Result<Self, IccError> {
        let mut s: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if s.ends_with(['F', 'f']) {
            s.pop();
        }
        if s.is_empty() {
            return Err(IccError::Empty);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IccError::NotDigits);
        }
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&s.len()) {
            return Err(IccError::Length);
        }
        if !s.starts_with("89") {
            return Err(IccError::Prefix);
        }
        Ok(Icc(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the last digit is the Luhn check digit of the others.
    pub fn luhn_ok(&self) -> bool {
        luhn_valid(&self.0)
    }
}

/// Luhn check of a digit string whose last digit is the check digit.
pub fn luhn_valid(digits: &str) -> bool {
    let (body, check) = digits.split_at(digits.len().saturating_sub(1));
    match (luhn_check_digit(body), check.bytes().next()) {
        (Some(d), Some(c)) => d == c - b'0',
        _ => false,
    }
}

/// The Luhn check digit to append to `body` (digits only).
pub fn luhn_check_digit(body: &str) -> Option<u8> {
    let mut sum = 0u32;
    for (i, b) in body.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        let mut d = (b - b'0') as u32;
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    Some(((10 - sum % 10) % 10) as u8)
}

impl TryFrom<String> for Icc {
    type Error = IccError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Icc::parse(&s)
    }
}

impl From<Icc> for String {
    fn from(i: Icc) -> String {
        i.0
    }
}

impl fmt::Display for Icc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spaces_hyphens_and_trailing_f() {
        let icc = Icc::parse(" 8945 0201-8462 1234 567F ").unwrap();
        assert_eq!(icc.as_str(), "8945020184621234567");
    }

    #[test]
    fn refuses_what_cannot_be_an_icc() {
        assert_eq!(Icc::parse(""), Err(IccError::Empty));
        assert_eq!(Icc::parse("89450201846212345x7"), Err(IccError::NotDigits));
        assert_eq!(Icc::parse("8945020184"), Err(IccError::Length));
        assert_eq!(Icc::parse("1647384576898427289"), Err(IccError::Prefix));
    }

    #[test]
    fn luhn_detects_a_single_typo() {
        let body = "894501000000000001";
        let d = luhn_check_digit(body).unwrap();
        let good = format!("{body}{d}");
        assert!(Icc::parse(&good).unwrap().luhn_ok());
        let bad = format!("{body}{}", (d + 1) % 10);
        assert!(!Icc::parse(&bad).unwrap().luhn_ok());
    }

    #[test]
    fn luhn_known_value() {
        // 79927398713 is the textbook Luhn example.
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
    }
}
