//! E-mail addresses: one rule for every place the platform takes one (the
//! signup and the admin's username, voicemail notifications, porting
//! notifications), for the browser and the server alike.

use std::fmt;

/// Longest address accepted (RFC 5321's path limit).
pub const MAX_LEN: usize = 254;

/// An address that reads as one: trimmed, one `@` with something before it,
/// a domain with a dot that neither starts nor ends it, no white space or
/// control characters, at most [`MAX_LEN`] characters. The domain is kept
/// in lowercase; the local part as typed. Whether mail arrives is for the
/// mail system to say.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(typed: &str) -> Option<Email> {
        let s = typed.trim();
        if s.chars().count() > MAX_LEN || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return None;
        }
        let (local, domain) = s.split_once('@')?;
        let ok = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        ok.then(|| Email(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `typed` reads as an e-mail address (see [`Email`]).
pub fn is_valid(typed: &str) -> bool {
    Email::parse(typed).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_every_address() {
        for good in [
            "mette@eksempel.dk",
            " Jens.Hansen@Bager-Jensen.DK ",
            "a+b@x.io",
        ] {
            assert!(is_valid(good), "{good}");
        }
        assert_eq!(
            Email::parse(" Jens@Bager.DK ").unwrap().as_str(),
            "Jens@bager.dk"
        );
        let long = format!("{}@eksempel.dk", "a".repeat(MAX_LEN));
        for bad in [
            "",
            "mette",
            "@eksempel.dk",
            "mette@",
            "mette@dk",
            "mette@.dk",
            "mette@eksempel.",
            "mette@eksempel..dk",
            "mette@@eksempel.dk",
            "me tte@eksempel.dk",
            "mette@eks\nempel.dk",
            long.as_str(),
        ] {
            assert!(!is_valid(bad), "{bad:?}");
        }
    }
}
