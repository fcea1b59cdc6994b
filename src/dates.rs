//! Dates in request bodies: ISO 8601 in UTC, read leniently (the spec's own
//! example `2020-01-01T00:00.000Z` lacks its seconds; a date alone is
//! midnight UTC).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Parses an ISO 8601 date-time or date, in UTC unless an offset is given.
pub fn parse_lenient(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    let naive = s.strip_suffix('Z').unwrap_or(s);
    // `HH:MM.fff` (seconds left out) reads as `HH:MM:00.fff`.
    let naive = match naive.split_once('T') {
        Some((date, time)) if time.matches(':').count() == 1 => match time.split_once('.') {
            Some((hm, frac)) => format!("{date}T{hm}:00.{frac}"),
            None => format!("{date}T{time}:00"),
        },
        _ => naive.to_string(),
    };
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(&naive, fmt) {
            return Some(Utc.from_utc_datetime(&dt));
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap()))
}

/// `2026-01-01T00:00:00.000Z`, the platform's form.
pub fn format(dt: &DateTime<Utc>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Serde for `Option<DateTime<Utc>>` fields: lenient in, platform form out.
pub mod lenient_opt {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => parse_lenient(&s)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date: {s:?}"))),
        }
    }

    pub fn serialize<S: Serializer>(v: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(dt) => s.serialize_str(&format(dt)),
            None => s.serialize_none(),
        }
    }
}

/// Serde for `DateTime<Utc>` in replies.
pub mod platform {
    use super::*;

    pub fn serialize<S: Serializer>(v: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(v))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        parse_lenient(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_example_without_seconds() {
        let dt = parse_lenient("2020-01-01T00:00.000Z").unwrap();
        assert_eq!(format(&dt), "2020-01-01T00:00:00.000Z");
    }

    #[test]
    fn reads_full_and_date_only_forms() {
        assert_eq!(
            format(&parse_lenient("2026-03-04T05:06:07.890Z").unwrap()),
            "2026-03-04T05:06:07.890Z"
        );
        assert_eq!(
            format(&parse_lenient("2026-03-04T06:06:07+01:00").unwrap()),
            "2026-03-04T05:06:07.000Z"
        );
        assert_eq!(
            format(&parse_lenient("2026-03-04").unwrap()),
            "2026-03-04T00:00:00.000Z"
        );
        assert!(parse_lenient("04-03-2026").is_none());
        assert!(parse_lenient("tomorrow").is_none());
    }
}
