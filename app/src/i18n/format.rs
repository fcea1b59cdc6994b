//! Dates and amounts as each language writes them: `1. december 2026`,
//! `tirsdag 8. december 2026`, `129,00 kr.`; `1 December 2026`,
//! `Tuesday 8 December 2026`, `DKK 129.00`. Two languages' month and day
//! names are a few lines here; chrono's locale tables would bring every
//! locale into the browser's bundle.

use super::Lang;
use chrono::{Datelike, NaiveDate};

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS_DA: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn month(lang: Lang, d: NaiveDate) -> &'static str {
    let i = d.month0() as usize;
    match lang {
        Lang::Da => MONTHS_DA[i],
        Lang::En => MONTHS_EN[i],
    }
}

fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Da => DAYS_DA[i],
        Lang::En => DAYS_EN[i],
    }
}

/// `1. december 2026` / `1 December 2026`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Da => format!("{}. {} {}", d.day(), month(lang, d), d.year()),
        Lang::En => format!("{} {} {}", d.day(), month(lang, d), d.year()),
    }
}

/// `tirsdag 8. december 2026` / `Tuesday 8 December 2026`.
pub fn date_with_day(lang: Lang, d: NaiveDate) -> String {
    format!("{} {}", weekday(lang, d), date(lang, d))
}

/// A date and a time of day: `tirsdag 8. december 2026 kl. 02:00` /
/// `Tuesday 8 December 2026 at 02:00`.
pub fn date_at(lang: Lang, d: NaiveDate, time: &str) -> String {
    match lang {
        Lang::Da => format!("{} kl. {time}", date_with_day(lang, d)),
        Lang::En => format!("{} at {time}", date_with_day(lang, d)),
    }
}

/// An amount in kroner: `129,00 kr.` / `DKK 129.00`, thousands grouped.
pub fn kroner(lang: Lang, amount: f64) -> String {
    let ore = (amount * 100.0).round() as i64;
    let (sign, ore) = if ore < 0 { ("-", -ore) } else { ("", ore) };
    let whole = (ore / 100).to_string();
    let sep = match lang {
        Lang::Da => '.',
        Lang::En => ',',
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    match lang {
        Lang::Da => format!("{sign}{grouped},{:02} kr.", ore % 100),
        Lang::En => format!("{sign}DKK {grouped}.{:02}", ore % 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(date(Lang::Da, d(2026, 12, 1)), "1. december 2026");
        assert_eq!(date(Lang::En, d(2026, 12, 1)), "1 December 2026");
        assert_eq!(
            date_with_day(Lang::Da, d(2026, 12, 8)),
            "tirsdag 8. december 2026"
        );
        assert_eq!(
            date_at(Lang::En, d(2026, 12, 8), "02:00"),
            "Tuesday 8 December 2026 at 02:00"
        );
        assert_eq!(
            date_at(Lang::Da, d(2027, 5, 2), "02:00"),
            "søndag 2. maj 2027 kl. 02:00"
        );
    }

    #[test]
    fn amounts_read_as_each_language_writes_them() {
        assert_eq!(kroner(Lang::Da, 129.0), "129,00 kr.");
        assert_eq!(kroner(Lang::En, 129.0), "DKK 129.00");
        assert_eq!(kroner(Lang::Da, 1234.5), "1.234,50 kr.");
        assert_eq!(kroner(Lang::En, 1234567.891), "DKK 1,234,567.89");
        assert_eq!(kroner(Lang::Da, 0.0), "0,00 kr.");
        assert_eq!(kroner(Lang::Da, -5.25), "-5,25 kr.");
    }
}
